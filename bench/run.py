"""The performance benchmark: builds the 100,000-case data set, measures every figure of issue 8
beside its limit measured in the same run, and writes docs/performance.md and bench/results.json.

Each figure is the median of repeated runs. Start-up and peak memory are measured in fresh
processes (bench/probe.py). Run it with ``scripts/bench`` (``--cases N`` for a quicker, smaller
run while working; the goals are for 100,000).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass
class Figure:
    key: str
    name: str
    value: float
    unit: str
    limit_name: str
    limit: float | None = None  # measured in this run (None: an absolute goal only)
    goal: str = ""
    met: bool | None = None
    samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.limit if self.limit else None


def median_of(fn: Callable[[], object], runs: int, warm: int = 1) -> tuple[float, list[float]]:
    """Median wall time in milliseconds, after ``warm`` unmeasured runs."""
    for _ in range(warm):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), samples


def timed_process(args: list[str], env: dict[str, str]) -> float:
    """Milliseconds from starting the process to its ``ready`` line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([PYTHON, "-m", "bench.probe", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    elapsed = (time.perf_counter() - t0) * 1000
    proc.wait()
    if line != "ready":
        raise SystemExit(f"probe {args[0]} did not start: {line!r}")
    return elapsed


def probe_json(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run([PYTHON, "-m", "bench.probe", *args], capture_output=True, text=True,
                         cwd=ROOT, env=env, check=False)
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if not lines:
        raise SystemExit(f"probe {args[0]} failed: {out.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


class Captured:
    """The SQL an app call ran, so the same statement can be replayed on raw sqlite3."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.statements: list[tuple[str, Any]] = []
        self._engine = engine
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        self.statements.append((statement, params))

    def stop(self) -> None:
        from sqlalchemy import event

        event.remove(self._engine, "before_cursor_execute", self._seen)

    def selects(self) -> list[tuple[str, Any]]:
        """Every query the call ran (not the audit row's read of the chain's last hash)."""
        return [s for s in self.statements
                if s[0].lstrip().startswith("SELECT") and "audit_events" not in s[0]]

    def last_select(self) -> tuple[str, Any]:
        """The call's own last query (not the audit row's read of the chain's last hash)."""
        return next(s for s in reversed(self.statements)
                    if s[0].lstrip().startswith("SELECT") and "audit_events" not in s[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/bench")
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=11, help="measured runs per in-process figure")
    ap.add_argument("--process-runs", type=int, default=5, help="runs per start-up figure")
    ap.add_argument("--demo-runs", type=int, default=1,
                    help="timed 'pathways demo' runs (the first also builds the data set)")
    ap.add_argument("--keep", action="store_true", help="keep the data set's folder")
    ap.add_argument("--dataset-cache", type=Path, default=ROOT / ".data" / "bench",
                    help="folder keeping each size's built data set for the next run "
                         "(copied, then brought to head; 'none' to build afresh)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="pathways-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PATHWAYS_DATA_DIR=str(work / "data"),
               BENCH_QSETTINGS=str(work / "qsettings"))
    os.environ.update(env)
    started = time.perf_counter()
    try:
        figures, facts = _run(args, work, env)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    facts["bench_seconds"] = round(time.perf_counter() - started, 1)
    _write(args, figures, facts)
    print(args.out.read_text())
    return 0


def _cached(args: argparse.Namespace) -> tuple[Path, Path] | None:
    """This size's data set kept by an earlier run (the file and what the figures need)."""
    if str(args.dataset_cache) == "none":
        return None
    db, meta = (args.dataset_cache / f"bench-{args.cases}.db",
                args.dataset_cache / f"bench-{args.cases}.json")
    return (db, meta) if db.exists() and meta.exists() else None


def _store(args: argparse.Namespace, db_file: Path, raw_data: dict[str, Any]) -> None:
    """Keep the built data set so the next run of this size skips building it."""
    if str(args.dataset_cache) == "none":
        return
    args.dataset_cache.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_file, args.dataset_cache / f"bench-{args.cases}.db")
    (args.dataset_cache / f"bench-{args.cases}.json").write_text(json.dumps(raw_data))


def _log(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, work: Path, env: dict[str, str]
         ) -> tuple[list[Figure], dict[str, Any]]:
    figures: list[Figure] = []
    db_file = work / "bench.db"
    url = f"sqlite:///{db_file}"
    cli = [PYTHON, "-m", "app"]

    cached = _cached(args)
    if cached is not None:
        _log(f"data set from the cache: {cached[0]}")
        shutil.copyfile(cached[0], db_file)
        subprocess.run([*cli, "--database", url, "db", "upgrade"],
                       check=True, env=env, cwd=ROOT, capture_output=True)
    # ---- pathways demo --cases N (the first run also makes the data set, unless cached)
    demo_times = []
    for n in range(args.demo_runs):
        target = db_file if n == 0 and cached is None else work / f"demo{n}.db"
        subprocess.run([*cli, "--database", f"sqlite:///{target}", "db", "upgrade"],
                       check=True, env=env, cwd=ROOT, capture_output=True)
        _log(f"pathways demo --cases {args.cases} (run {n + 1} of {args.demo_runs})")
        t0 = time.perf_counter()
        subprocess.run([*cli, "--database", f"sqlite:///{target}", "demo", "--cases",
                        str(args.cases)], check=True, env=env, cwd=ROOT, capture_output=True)
        demo_times.append(time.perf_counter() - t0)
        if target != db_file:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
    # the goal is a minute per 100,000 cases
    demo_goal = 60 * max(1.0, args.cases / 1e5)
    if demo_times:
        figures.append(Figure("demo", f"`pathways demo --cases {args.cases:,}`",
                              statistics.median(demo_times), "s", "goal (absolute)", None,
                              f"< {demo_goal:.0f} s", statistics.median(demo_times) < demo_goal,
                              demo_times))

    from bench import dataset

    t0 = time.perf_counter()
    if cached is not None:
        raw_data = json.loads(cached[1].read_text())
    else:
        _log("topping up: interventions, appointments, documents")
        out = subprocess.run([PYTHON, "-m", "bench.dataset", url, str(args.cases / 1e5)],
                             check=True, env=env, cwd=ROOT, capture_output=True, text=True)
        raw_data = json.loads(out.stdout)
        _store(args, db_file, raw_data)
    data = dataset.Dataset(raw_data["big_case"], raw_data["small_case"],
                           tuple(date.fromisoformat(d) for d in raw_data["letter_week"]),
                           raw_data["counts"])
    facts: dict[str, Any] = {"counts": data.counts,
                             "top_up_seconds": round(time.perf_counter() - t0, 1),
                             "cached": cached is not None,
                             "database_mb": round(db_file.stat().st_size / 2**20)}

    # ---- start-up, in fresh processes, alternating so both meet the same machine state
    _log("start-up: bare QMainWindow vs Pathways' first paint, and on to My work")
    bare, app, to_work = [], [], []
    timed_process(["bare"], env)
    timed_process(["app", url], env)
    timed_process(["work", url], env)
    for _ in range(args.process_runs):
        bare.append(timed_process(["bare"], env))
        app.append(timed_process(["app", url], env))
        to_work.append(timed_process(["work", url], env))
    fig = Figure("startup", "Start to the first paint (window frame and sign-in, as `pathways`)",
                 statistics.median(app), "ms", "bare PySide6 QMainWindow start",
                 statistics.median(bare), "<= 2.5x", None, app,
                 note="imports only PySide6 before it; the services load behind the sign-in")
    fig.met = fig.ratio is not None and fig.ratio <= 2.5
    figures.append(fig)
    figures.append(Figure(
        "startup_work", "Start to My work filled (signed in as the coordinator, all cases)",
        statistics.median(to_work), "ms", "bare PySide6 QMainWindow start",
        statistics.median(bare), "(no goal)", None, to_work,
        note="less the password check (argon2, slow on purpose); the window is usable "
             "throughout, My work says it is loading until it is filled"))

    # ---- peak memory with the case list scrolled to the end, started while this process is
    # still small: Linux carries a parent's peak into ru_maxrss of the child it forks
    _log("peak memory: case list scrolled to the end")
    mem = probe_json(["memory", url], env)
    base = probe_json(["bare-memory"], env)
    figures.append(Figure(
        "memory", "Peak memory, database open, case list scrolled to the end",
        mem["peak_mb"], "MB", "bare PySide6 QMainWindow peak", base["peak_mb"], "< 200 MB",
        mem["peak_mb"] < 200, [mem["peak_mb"]],
        note=f"{mem['rows']:,} rows fetched in {mem['scroll_seconds']:.1f} s"))

    # ---- indicators: the Dashboard's default and the ten-year board report, fresh processes
    _log("dashboard (12 months) and board report (ten years)")
    for kind, name, goal_s in (("dashboard", "Dashboard, default 12 months (all schemes)", 1.0),
                               ("board", "Board report, ten years (indicators and PDF)", 3.0)):
        try:
            got = probe_json([kind, url], env)
        except SystemExit as exc:
            _log(str(exc))
            continue
        fig = Figure(kind, name, got["seconds"], "s", "goal (absolute)", None,
                     f"< {goal_s:.0f} s", got["seconds"] < goal_s, [got["seconds"]],
                     note=(f"peak memory {got['peak_mb']:.0f} MB (goal < 150 MB: "
                           f"{'met' if got['peak_mb'] < 150 else 'missed'}); "
                           f"{got['figures']} figures; one run"))
        figures.append(fig)
        sql = Figure(f"{kind}_sql", f"{name}: against its aggregate SQL", got["seconds"], "s",
                     "the same aggregate SQL on raw sqlite3", got["sql_seconds"], "<= 3x",
                     None, [got["seconds"]],
                     note=f"{got['statements']} SELECT statements, replayed")
        sql.met = sql.ratio is not None and sql.ratio <= 3
        figures.append(sql)
        figures.append(Figure(f"{kind}_memory", f"{name}: peak memory", got["peak_mb"], "MB",
                              "goal (absolute)", None, "< 150 MB", got["peak_mb"] < 150,
                              [got["peak_mb"]]))

    from app.db import Database

    db = Database(url)
    figures += _in_process(args, db, url, db_file, data)
    figures += _maintenance(args, db, db_file, work)
    db.dispose()
    if args.cases < SQL_LIMITS_FROM:
        _unjudged_sql_limits(figures)
    facts["started"] = datetime.now().isoformat(timespec="seconds")
    return figures, facts


#: The size from which a figure is judged against the same SQL on raw sqlite3 (issue 15's
#: goals are set at 100,000 and 400,000 cases).
SQL_LIMITS_FROM = 100_000


def _unjudged_sql_limits(figures: list[Figure]) -> None:
    """Below ``SQL_LIMITS_FROM`` cases the raw SQL takes a few milliseconds, so its ratio
    measures the fixed work around it (the audit record's committed write, drawing the PDF),
    not how the figure grows: the ratio is shown, not judged (the absolute goals still are)."""
    for f in figures:
        if f.limit is not None and "raw sqlite3" in f.limit_name:
            f.met = None
            f.goal = f"{f.goal} from {SQL_LIMITS_FROM:,} cases"


def _in_process(args: argparse.Namespace, db: Any, url: str, db_file: Path,
                data: Any) -> list[Figure]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event, select

    from app.config import Settings
    from app.models.users import User
    from app.services import casefile, documents, find, notes_search, users
    from app.services.casefile import CaseFilter
    from app.services.enums import Scheme
    from app.views.case import CaseWorkspace
    from app.views.case_list import CaseListView
    from app.views.context import AppContext
    from bench.letters import bare_letter

    figures: list[Figure] = []
    runs = args.runs
    app = QApplication.instance() or QApplication(["bench"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with db.uow() as uow:
        actor = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    ctx = AppContext(db.uow, actor, Settings(database_url=url))
    raw = sqlite3.connect(db_file)

    def replay(sql: str, params: Any) -> Callable[[], object]:
        return lambda: raw.execute(sql, params).fetchall()

    # ---- My work, the coordinator's (every case): one LIMITed query a section
    _log("my work")
    counted_mw: list[str] = []

    def count_mw(*a: Any) -> None:
        counted_mw.append(a[2])

    event.listen(db.engine, "before_cursor_execute", count_mw)
    work = casefile.my_work(db.uow(), actor)
    event.remove(db.engine, "before_cursor_execute", count_mw)
    mw_ms, samples = median_of(lambda: casefile.my_work(db.uow(), actor), runs)
    shown = sum(len(getattr(work, f)) for f in ("caseload", "appointments_today",
                                                 "overdue_appointments", "missed_bail",
                                                 "contracts_ending", "actions_due",
                                                 "followups_due", "referrals_awaiting"))
    figures.append(Figure(
        "my_work", "My work (coordinator, every case)", mw_ms, "ms", "goal (absolute)", None,
        "< 100 ms", mw_ms < 100, samples,
        note=(f"{len(counted_mw)} SQL statements; {shown} rows shown, "
              f"{work.totals.caseload:,} open cases and "
              f"{work.totals.missed_bail:,} missed bail appointments counted")))

    # ---- case list: filter + search as you type, first page
    _log("case list")
    for typed in ("w", "wal"):
        f = CaseFilter(scheme=Scheme.CHECKPOINT, search=typed)
        cap = Captured(db.engine)
        rows = casefile.list_cases(db.uow(), actor, f)
        cap.stop()
        sql, params = cap.last_select()
        assert len(raw.execute(sql, params).fetchall()) == len(rows)
        app_ms, samples = median_of(lambda f=f: casefile.list_cases(db.uow(), actor, f), runs)
        raw_ms, _ = median_of(replay(sql, params), runs)
        # the first page of a list is audited (a write, fsync'd): measured without it as well
        quiet_ms, _ = median_of(lambda f=f: casefile.list_cases(db.uow(), actor, f,
                                                                audit_list=False), runs)
        fig = Figure(f"list_{typed}", f"Case list first page: Checkpoint, typed '{typed}'",
                     app_ms, "ms", "the same SQL on raw sqlite3", raw_ms, "<= 3x", None,
                     samples, note=(f"{len(rows)} rows; without its audit row "
                                    f"{quiet_ms:.1f} ms ({quiet_ms / raw_ms:.2f}x raw)"))
        fig.met = fig.ratio is not None and fig.ratio <= 3
        figures.append(fig)

    view = CaseListView(ctx)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    texts = iter(["wal", "", "hu", "", "wal", ""] * runs * 2)

    def paint() -> None:
        view.search.setText(next(texts))
        view.apply_filter()
        view.table.viewport().repaint()

    paint_ms, samples = median_of(paint, runs * 2)
    figures.append(Figure("first_paint", "Case list: type, filter, first page painted",
                          paint_ms, "ms", "goal (absolute)", None, "< 50 ms", paint_ms < 50,
                          samples, note=("text typed into the real case list: 'wal' and 'hu' are "
                                                "found (find anyone, within the list's filters), "
                                                "'' is the whole list's first page and count; "
                                                "table repainted")))
    view.close()

    # ---- a case workspace with 200 interventions
    _log("case workspace")
    counted: list[str] = []

    def count(*a: Any) -> None:
        counted.append(a[2])

    statements = {}
    for ref in (data.small_case, data.big_case):
        counted.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        casefile.get_case(db.uow(), actor, ref)
        event.remove(db.engine, "before_cursor_execute", count)
        statements[ref] = len(counted)

    def open_workspace() -> None:
        w = CaseWorkspace(ctx, data.big_case)
        w.resize(1200, 800)
        w.show()
        app.processEvents()
        w.close()
        w.deleteLater()

    ws_ms, samples = median_of(open_workspace, runs)
    n_int = len(casefile.get_case(db.uow(), actor, data.big_case).interventions)
    figures.append(Figure(
        "workspace", f"Open a case workspace with {n_int} interventions", ws_ms, "ms",
        "goal (absolute)", None, "< 150 ms", ws_ms < 150, samples,
        note=(f"get_case: {statements[data.big_case]} SQL statements for it, "
              f"{statements[data.small_case]} for a case with "
              f"{len(casefile.get_case(db.uow(), actor, data.small_case).interventions)}")))

    # ---- full-text search of notes
    _log("notes search")
    cap = Captured(db.engine)
    hits = notes_search.search_notes(db.uow(), actor, "tenancy")
    cap.stop()
    queries = cap.selects()  # the search asks two FTS tables (notes and case notes)
    fts_ms, samples = median_of(lambda: notes_search.search_notes(db.uow(), actor, "tenancy"),
                                runs)
    raw_ms, _ = median_of(lambda: [replay(sql, params)() for sql, params in queries], runs)
    fig = Figure("fts", "Full-text search of notes ('tenancy', best 50)", fts_ms, "ms",
                 "the same FTS5 query on raw sqlite3", raw_ms, "<= 2x", None, samples,
                 note=f"{len(hits)} hits shown; {len(queries)} queries replayed")
    fig.met = fig.ratio is not None and fig.ratio <= 2
    figures.append(fig)

    # ---- find anyone: one index range per word of the query
    _log("find anyone")
    typed = ("0064", "smi", "jade smi", "DL1", "07700")
    worst, worst_samples, worst_text = 0.0, [], ""
    for text in typed:
        ms, samples = median_of(lambda text=text: find.find(db.uow(), actor, text), runs)
        if ms >= worst:
            worst, worst_samples, worst_text = ms, samples, text
    figures.append(Figure(
        "find", "Find anyone from the case list's search box (slowest of "
        f"{len(typed)} queries)", worst, "ms", "goal (absolute)", None, "< 50 ms", worst < 50,
        worst_samples, note=f"slowest: {worst_text!r}, with its audit row committed"))

    # ---- one letter PDF, and 1,000 letters with progress
    _log("letters")
    ref = _completed_case(db)
    built = _built_letter(db, actor, ref)
    letter = built.renderer.data
    app_ms, samples = median_of(built.renderer.render, runs)
    bare_ms, _ = median_of(lambda: bare_letter(letter), runs)
    fig = Figure("letter", "One letter PDF (outcome letter to the participant)", app_ms, "ms",
                 "bare reportlab, same content and fonts", bare_ms, "<= 1.5x", None, samples)
    fig.met = fig.ratio is not None and fig.ratio <= 1.5
    figures.append(fig)
    preview_ms, _ = median_of(
        lambda: documents.preview(db.uow(), actor, ref, documents.Kind.OUTCOME_PARTICIPANT),
        runs)
    figures[-1].note = ("with loading the case and auditing (documents.preview): "
                        f"{preview_ms:.1f} ms")

    ticks: list[float] = []
    t0 = time.perf_counter()
    result = documents.appointment_letters(
        db.uow(), actor, *data.letter_week,
        progress=lambda done, total, r: ticks.append(time.perf_counter()))
    batch_s = time.perf_counter() - t0
    per = [b - a for a, b in zip([t0, *ticks], ticks, strict=False)]
    figures.append(Figure(
        "letters_1000", f"{len(result.documents):,} appointment letters filed, with progress",
        batch_s, "s", "1,000 x bare reportlab letter", len(result.documents) * bare_ms / 1000,
        "(no goal)", None, [batch_s],
        note=(f"{len(ticks)} progress calls; median {statistics.median(per) * 1000:.1f} ms "
              f"per letter (load, render, hash, file, audit, commit); "
              f"{len(result.skipped)} skipped")))
    raw.close()
    return figures


def _maintenance(args: argparse.Namespace, db: Any, db_file: Path, work: Path) -> list[Figure]:
    """The daily automatic backup (in the background after the first paint) and db check,
    quick (at start) and full (on demand)."""
    from app.services import database

    figures: list[Figure] = []
    _log("db check (quick and full) and the automatic backup")
    quick_ms, samples = median_of(lambda: database.check(db, quick=True), args.runs)
    figures.append(Figure("check_quick", "`db check --quick` (at every start)", quick_ms, "ms",
                          "goal (absolute)", None, "< 100 ms", quick_ms < 100, samples))
    t0 = time.perf_counter()
    full = database.check(db)
    full_s = time.perf_counter() - t0
    figures.append(Figure("check_full", "`db check` (full, on demand)", full_s, "s",
                          "goal (absolute)", None, "(no goal)", None, [full_s],
                          note=f"{'ok' if full.ok else 'problems: ' + '; '.join(full.problems)}"
                               f"; reads every page of the {db_file.stat().st_size / 2**30:.1f}"
                               " GB file"))
    ticks: list[int] = []
    t0 = time.perf_counter()
    made = database.rotate_backup(db, work / "backups", 1,
                                  progress=lambda done, total: ticks.append(done))
    backup_s = time.perf_counter() - t0
    again = database.rotate_backup(db, work / "backups", 1, min_age_hours=24)
    figures.append(Figure(
        "backup", "Automatic backup (background, after the first paint, at most daily)",
        backup_s, "s", "goal (absolute)", None, "not on the start path",
        made is not None and again is None, [backup_s],
        note=(f"online copy and integrity check; {len(ticks)} progress steps to the status "
              f"bar; a second start within 24 h made {'none' if again is None else 'another'}")))
    return figures


def _completed_case(db: Any) -> str:
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql(
            "SELECT reference FROM cases WHERE scheme = 'checkpoint' AND status = 'completed' "
            "ORDER BY id LIMIT 1").scalar_one())


def _built_letter(db: Any, actor: Any, ref: str) -> Any:
    """The app's own builder for the letter (what documents.generate renders)."""
    from sqlalchemy import select

    from app.models.reference import OutcomeCode, Pathway
    from app.services import casefile, documents
    from app.services.organisation import get_organisation

    detail = casefile.get_case(db.uow(), actor, ref, audit_view=False)
    with db.uow() as uow:
        sensitive = frozenset(uow.session.scalars(select(Pathway.code)
                                                  .where(Pathway.sensitive.is_(True))))
        codes = dict(uow.session.execute(select(OutcomeCode.code, OutcomeCode.description)).all())
    ctx = documents._Context(actor, get_organisation(db.uow()), date.today(), sensitive, codes)
    kind = documents.Kind.OUTCOME_PARTICIPANT
    return documents._BUILDERS[kind](detail, ctx, detail.participant, "standard", None)


# ---------------------------------------------------------------- output


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "-"
    if unit == "s":
        return f"{v:.1f} s"
    if unit == "MB":
        return f"{v:.0f} MB"
    return f"{v:.1f} ms" if v < 100 else f"{v:.0f} ms"


def _write(args: argparse.Namespace, figures: list[Figure], facts: dict[str, Any]) -> None:
    facts.update(machine=platform.machine(), cpus=os.cpu_count(), python=platform.python_version(),
                 sqlite=sqlite3.sqlite_version, cases=args.cases, runs=args.runs,
                 process_runs=args.process_runs)
    run = {
        "facts": facts,
        "figures": [dict(key=f.key, name=f.name, value=round(f.value, 3), unit=f.unit,
                         limit_name=f.limit_name,
                         limit=None if f.limit is None else round(f.limit, 3),
                         ratio=None if f.ratio is None else round(f.ratio, 2), goal=f.goal,
                         met=f.met, samples=[round(s, 3) for s in f.samples], note=f.note)
                    for f in figures]}
    # one file for every size run so far: this run replaces its own size's entry
    kept: dict[str, Any] = {}
    if args.json.exists():
        try:
            kept = dict(json.loads(args.json.read_text()).get("sizes", {}))
        except (ValueError, AttributeError):
            kept = {}
    kept[str(args.cases)] = run
    sizes = dict(sorted(kept.items(), key=lambda kv: int(kv[0])))
    args.json.write_text(json.dumps({"sizes": sizes}, indent=2) + "\n")
    lines = [
        "| Figure | Measured (median) | Limit, same run | Ratio | Goal | Met |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        limit = f"{_fmt(f.limit, f.unit)} ({f.limit_name})" if f.limit is not None \
            else f.limit_name
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        met = {True: "yes", False: "**no**", None: "-"}[f.met]
        lines.append(f"| {f.name} | {_fmt(f.value, f.unit)} | {limit} | {ratio} | {f.goal} "
                     f"| {met} |")
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    counts = facts["counts"]
    table = "\n".join(lines)
    generated = (
        f"<!-- generated by scripts/bench on {facts['started']}; edit the text around the "
        "markers, not the table -->\n"
        f"Data set: {counts['cases']:,} cases, {counts['people']:,} people, "
        f"{counts['interventions']:,} interventions and contacts, "
        f"{counts['appointments']:,} appointments, {counts['documents']:,} filed documents "
        f"({facts['database_mb']:,} MB SQLite file; top-up {facts['top_up_seconds']} s). "
        f"Machine: {facts['cpus']} CPUs ({facts['machine']}), Python {facts['python']}, "
        f"SQLite {facts['sqlite']}. Medians of {facts['runs']} runs in process, "
        f"{facts['process_runs']} fresh processes for start-up; whole benchmark "
        f"{facts['bench_seconds']} s.\n\n{table}\n\n" + "\n".join(notes) + "\n")
    # the 100,000-case run fills the first table, other sizes their own (if the page has its
    # markers); the scaling table is rebuilt from every size in results.json
    tag = "bench" if args.cases == 100_000 else f"bench-{args.cases}"
    _replace(args.out, tag, generated)
    _replace(args.out, "scaling", _scaling(sizes))


def _replace(out: Path, tag: str, generated: str) -> None:
    begin, end = f"<!-- {tag}:begin -->", f"<!-- {tag}:end -->"
    if out.exists() and begin in out.read_text():
        text = out.read_text()
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1] if end in rest else ""
        out.write_text(f"{head}{begin}\n{generated}{end}{tail}")
    elif not out.exists():
        out.write_text(f"# Performance\n\n{begin}\n{generated}{end}\n")


def _scaling(sizes: dict[str, Any]) -> str:
    """Every figure at every size run, with how it grew from the smallest size to the largest."""
    order = sorted(sizes, key=int)
    names: dict[str, tuple[str, str]] = {}
    values: dict[str, dict[str, float]] = {}
    met: dict[str, dict[str, bool | None]] = {}
    for size in order:
        for f in sizes[size]["figures"]:
            names[f["key"]] = (f["name"], f["unit"])  # as the largest size run names it
            values.setdefault(f["key"], {})[size] = f["value"]
            met.setdefault(f["key"], {})[size] = f["met"]
    head = "| Figure | " + " | ".join(f"{int(n):,} cases" for n in order) + " | Growth |"
    lines = [head, "|---|" + "---|" * (len(order) + 1)]
    for key, (name, unit) in names.items():
        cells = []
        for size in order:
            v = values[key].get(size)
            mark = {True: "", False: " (**missed**)", None: ""}[met[key].get(size)]
            cells.append("-" if v is None else f"{_fmt(v, unit)}{mark}")
        known = [(int(sz), values[key][sz]) for sz in order if sz in values[key]]
        growth = "-"
        if len(known) >= 2 and known[0][1] > 0:
            (n0, v0), (n1, v1) = known[0], known[-1]
            growth = f"x{v1 / v0:.1f} for x{n1 / n0:,.0f} cases"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth} |")
    started = ", ".join(f"{int(sz):,}: {sizes[sz]['facts'].get('started', '?')}" for sz in order)
    return (f"<!-- generated by scripts/bench from bench/results.json (runs: {started}) -->\n"
            + "\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
