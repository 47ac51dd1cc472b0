"""The headless entry point, called in-process as a user would call it from a shell: real
database files, real output, real exit codes. A user's mistake gives one line on stderr and a
non-zero exit, never a traceback."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import database
from app.services.workflow import statuses
from tests.conftest import pg_database
from tests.factories import make_case, make_user

PASSWORD = "pathways-demo"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run(url, *args)`` -> (exit code, stdout, stderr); argparse's SystemExit counts as an
    exit code, as it does for a shell."""
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    monkeypatch.delenv("PATHWAYS_USER", raising=False)

    def _run(url: str | None, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        argv = (["--database", url] if url else []) + list(args)
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert "Traceback" not in err
    assert lines[0].startswith("pathways")
    return lines[0]


@pytest.fixture(scope="module")
def demo60(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo60.db"
    assert main(["--database", f"sqlite:///{path}", "demo", "--cases", "60"]) == 0
    return path


@pytest.fixture(scope="module")
def pg_demo60() -> Iterator[str]:
    """The same 60-case demo on PostgreSQL, made by the same command; tests get copies."""
    with pg_database() as url:
        assert main(["--database", url, "demo", "--cases", "60"]) == 0
        yield url.rsplit("/", 1)[1]


@pytest.fixture
def demo_url(db_backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if db_backend == "postgresql":
        with pg_database(template=request.getfixturevalue("pg_demo60")) as url:
            yield url
        return
    path = tmp_path / "demo.db"
    shutil.copy(request.getfixturevalue("demo60"), path)
    yield f"sqlite:///{path}"


def case_list(run: Run, url: str, *args: str) -> list[dict[str, object]]:
    code, out, err = run(url, "--user", "coordinator", "case", "list", "--json", *args)
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


# ---------------------------------------------------------------- database upkeep


def test_db_upgrade_then_check(run: Run, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    code, out, err = run(url, "db", "upgrade")
    assert (code, err) == (0, "")
    assert out.startswith("database at revision ")
    code, out, err = run(url, "db", "check")
    assert (code, err) == (0, "")
    assert out.startswith("ok: integrity check passed")
    code, out, err = run(url, "db", "upgrade")  # again: nothing to do, still fine
    assert (code, err) == (0, "")


def test_db_check_on_an_unmigrated_file_fails(run: Run, tmp_path: Path) -> None:
    head = database.head_revision()
    code, out, err = run(f"sqlite:///{tmp_path / 'empty.db'}", "db", "check")
    assert code != 0
    assert out == ""
    assert err.splitlines() == [f"problem: schema is at no revision, not at head {head}"]


@pytest.mark.parametrize("command", [("db", "check"), ("db", "upgrade"),
                                     ("--user", "coordinator", "case", "list")])
def test_a_corrupt_file_gives_one_line_and_a_non_zero_exit(run: Run, tmp_path: Path,
                                                           command: tuple[str, ...]) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"This is not a database. " * 50 + bytes(range(256)) * 8)
    code, out, err = run(f"sqlite:///{junk}", *command)
    assert code != 0
    assert out == ""
    line = one_line_error(err)
    assert "not a Pathways database, or it is damaged" in line


def test_case_commands_on_an_empty_database_say_what_to_do(run: Run, tmp_path: Path) -> None:
    code, _, err = run(f"sqlite:///{tmp_path / 'empty.db'}", "--user", "coordinator", "case",
                       "list")
    assert code != 0
    assert "run 'pathways db upgrade'" in one_line_error(err)


@pytest.mark.parametrize(("url", "phrase"), [
    ("nonsense", "not one Pathways can use"),
    ("mysql://someone@localhost/pathways", "not one Pathways can use"),
    ("sqlite:///{tmp}/no/such/folder/p.db", "cannot be opened: unable to open database file"),
])
def test_a_database_that_cannot_be_used_gives_one_line(run: Run, tmp_path: Path, url: str,
                                                        phrase: str) -> None:
    for command in (("db", "check"), ("--user", "coordinator", "case", "list")):
        code, out, err = run(url.format(tmp=tmp_path), *command)
        assert code != 0
        assert out == ""
        assert phrase in one_line_error(err)


def test_demo_refuses_a_database_with_real_data(run: Run, db_path: Path) -> None:
    real = Database(f"sqlite:///{db_path}")
    make_case(real, make_user(real, Role.COORDINATOR), Scheme.GATEWAY)
    real.dispose()
    code, out, err = run(f"sqlite:///{db_path}", "demo", "--cases", "5")
    assert code != 0
    assert out == ""
    assert "holds real users or cases" in one_line_error(err)


def test_backup_writes_a_checked_copy_once(run: Run, demo_url: str, tmp_path: Path) -> None:
    dest = tmp_path / "copies" / "backup.db"
    code, out, err = run(demo_url, "backup", str(dest))
    if demo_url.startswith("postgresql"):  # a server is backed up with its own tools
        assert (code != 0, out, dest.exists()) == (True, "", False)
        assert "pg_dump" in one_line_error(err)
        return
    assert (code, err) == (0, "")
    assert dest.exists()
    assert len(case_list(run, f"sqlite:///{dest}")) == 60
    code, out, err = run(demo_url, "backup", str(dest))
    assert (code != 0, out) == (True, "")
    assert "exists already" in one_line_error(err)


# ---------------------------------------------------------------- demo data and case list


def test_demo_then_case_list(run: Run, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert run(url, "db", "upgrade")[0] == 0
    code, out, err = run(url, "demo", "--cases", "60")
    assert (code, err) == (0, "")
    assert out.startswith("60 demo cases added")
    rows = case_list(run, url)
    assert len(rows) == 60
    assert {r["scheme"] for r in rows} == {s.value for s in Scheme}
    assert len({r["reference"] for r in rows}) == 60
    assert {"reference", "scheme", "status", "participant", "worker"} <= set(rows[0])
    code, out, err = run(url, "db", "check")
    assert (code, err) == (0, "")


def test_case_list_filters(run: Run, demo_url: str) -> None:
    every = case_list(run, demo_url)
    gateway = case_list(run, demo_url, "--scheme", "gtc")
    assert gateway and {r["scheme"] for r in gateway} == {"gateway-to-change"}
    assert len(gateway) == sum(r["scheme"] == "gateway-to-change" for r in every)
    referred = case_list(run, demo_url, "--status", "referred")
    assert {r["status"] for r in referred} == {"referred"}
    assert len(case_list(run, demo_url, "--limit", "7")) == 7


def test_a_worker_lists_only_her_cases(run: Run, demo_url: str) -> None:
    every = case_list(run, demo_url)
    code, out, err = run(demo_url, "--user", "mentor", "case", "list", "--json")
    assert (code, err) == (0, "")
    mine = json.loads(out)
    assert mine
    assert {r["scheme"] for r in mine} == {"gateway-to-change"}
    assert {r["worker"] for r in mine} == {"Aisha Rahman"}
    assert len(mine) < len(every)
    code, out, err = run(demo_url, "--user", "admin", "case", "list", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_demo_with_500_cases_reaches_every_stage_of_every_scheme(run: Run,
                                                                  tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'big.db'}"
    code, _, err = run(url, "demo", "--cases", "500")
    assert (code, err) == (0, "")
    rows = case_list(run, url)
    assert len(rows) == 500
    for scheme in Scheme:
        seen = {r["status"] for r in rows if r["scheme"] == scheme.value}
        assert seen == {s.value for s in statuses(scheme)}, scheme


# ---------------------------------------------------------------- one case


def test_case_show_json(run: Run, demo_url: str) -> None:
    rows = case_list(run, demo_url, "--scheme", "checkpoint", "--status", "contract-active")
    ref = str(rows[0]["reference"])
    code, out, err = run(demo_url, "--user", "coordinator", "case", "show", ref, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    for key in ("reference", "scheme", "status", "participant", "worker", "pathways",
                "conditions", "appointments", "interventions"):
        assert key in data, key
    assert data["reference"] == ref
    assert data["scheme"] == "checkpoint"
    assert data["status"] == "contract-active"
    assert data["participant"] == rows[0]["participant"]
    assert data["conditions"] and data["conditions"][0]["kind"] == "no reoffending"
    assert {p["pathway_code"] for p in data["pathways"] if p["stage"] == "start"} >= {"drugs"}


def test_case_show_text_and_lower_case_reference(run: Run, demo_url: str) -> None:
    ref = str(case_list(run, demo_url, "--scheme", "nr")[0]["reference"])
    code, out, err = run(demo_url, "--user", "coordinator", "case", "show", ref.lower())
    assert (code, err) == (0, "")
    assert out.startswith(ref)
    assert "Neighbourhood Resolution" in out.splitlines()[0]


def test_case_show_of_a_case_the_user_may_not_see(run: Run, demo_url: str) -> None:
    ref = str(case_list(run, demo_url, "--scheme", "checkpoint")[0]["reference"])
    code, out, err = run(demo_url, "--user", "facilitator", "case", "show", ref, "--json")
    assert code != 0
    assert out == ""
    assert f"You do not have access to case {ref}" in one_line_error(err)


def test_case_show_of_an_unknown_reference(run: Run, demo_url: str) -> None:
    code, _, err = run(demo_url, "--user", "coordinator", "case", "show", "CP-1999-0001")
    assert code != 0
    assert "There is no case 'CP-1999-0001'" in one_line_error(err)


# ---------------------------------------------------------------- bad arguments, bad password


@pytest.mark.parametrize(("args", "phrase"), [
    (("--user", "coordinator", "case", "list", "--scheme", "youth"), "unknown scheme 'youth'"),
    (("--user", "coordinator", "case", "list", "--status", "asleep"), "unknown status"),
    (("--user", "coordinator", "case", "list", "--limit", "-3"), "is negative"),
    (("frobnicate",), "invalid choice: 'frobnicate'"),
    (("case",), "required"),
    (("case", "list"), "give --user NAME"),
    (("demo", "--cases", "many"), "'many' is not a whole number"),
])
def test_bad_arguments_give_one_line_and_a_non_zero_exit(run: Run, demo_url: str,
                                                         args: tuple[str, ...],
                                                         phrase: str) -> None:
    code, out, err = run(demo_url, *args)
    assert code != 0
    assert out == ""
    assert phrase in one_line_error(err)


@pytest.mark.parametrize("user", ["coordinator", "nobody"])
def test_a_wrong_password_is_refused(run: Run, demo_url: str, user: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", "not-the-password")
    code, out, err = run(demo_url, "--user", user, "case", "list", "--json")
    assert code != 0
    assert out == ""
    assert one_line_error(err) == "pathways: The user name or password is not right."
