# Shared set-up for scripts/run, scripts/test and scripts/bench: system libraries, .venv, the app.
# Sourced, not run. Installs only what is missing, so a second run is quick.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to install: $*" >&2; return 1; fi
}

ensure_debs() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing system packages: ${missing[*]}" >&2
  if [ -z "${_APT_UPDATED:-}" ]; then
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    _APT_UPDATED=1
  fi
  _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# What Qt needs offscreen, and the PDF tools the tests read documents with.
QT_OFFSCREEN_DEBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-dejavu-core)
QT_WINDOW_DEBS=(poppler-utils xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
PDF_TOOL_DEBS=(poppler-utils qpdf)

ensure_venv() {
  local stamp="$VENV/.pathways-installed" want
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "installing Python packages into .venv" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
    # the installed libraries' bytecode, once: a start never pays for compiling them
    "$VENV/bin/python" -m compileall -q -j 0 "$("$VENV/bin/python" -c \
      'import sysconfig; print(sysconfig.get_paths()["purelib"])')" >/dev/null || true
    echo "$want" > "$stamp"
  fi
  # the app's own bytecode, brought up to date on every run (PYTHONDONTWRITEBYTECODE may be
  # set, so Python would otherwise recompile the changed modules on every start)
  "$VENV/bin/python" -m compileall -q -j 0 "$ROOT/app" "$ROOT/migrations" >/dev/null
}
