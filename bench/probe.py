"""What the benchmark runs in a fresh process, so that start-up and peak memory are measured as a
user meets them. ``python -m bench.probe MODE [URL]`` prints one line: ``ready`` when the window
is usable (the parent times the process up to that line), or JSON for the memory probe.

Modes: ``bare`` (a bare PySide6 QMainWindow, the limit), ``app URL`` (Pathways' first paint as
``pathways`` starts: the window's frame and the sign-in, painted), ``work URL`` (on from there to
the main window with My work filled, signed in as the coordinator, who sees every case),
``memory URL`` and ``bare-memory`` (peak resident memory with the case list scrolled to its end,
and the baseline), ``dashboard URL`` and ``board URL`` (the Dashboard's default 12 months and the
ten-year board report: seconds and peak memory, as JSON).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def _bare(memory: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["bench"])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    if memory:
        print(json.dumps({"peak_mb": _peak_mb()}), flush=True)
    else:
        print("ready", flush=True)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _startup(url: str, to_work: bool) -> None:
    """As ``pathways`` starts (app.launch, then app.views.app.run_gui's Startup), less the
    password check (argon2 is slow on purpose) and the daily backup (measured on its own)."""
    from PySide6.QtCore import QEventLoop, QSettings

    from app.config import Settings
    from app.views.app import Startup, make_application

    app = make_application(["bench"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      os.environ["BENCH_QSETTINGS"])
    startup = Startup(Settings(database_url=url), backup=False)
    startup.start()
    app.processEvents()
    if not to_work:
        print("ready", flush=True)
        return
    loop = QEventLoop()
    startup.ready.connect(loop.quit)
    startup.finished.connect(lambda _code: loop.quit())
    if startup.db is None:
        loop.exec()
    from sqlalchemy import select

    from app.models.users import User
    from app.services import users

    with startup.db.uow() as uow:
        actor = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    window = startup.open_window(actor)
    window.my_work.loaded.connect(loop.quit)
    if window.my_work.loading:
        loop.exec()
    app.processEvents()
    print("ready", flush=True)


def _indicators(url: str, kind: str) -> None:
    """The coordinator's Dashboard default (the last 12 months, as the tab computes it) or the
    ten-year board report (indicators and the PDF); prints seconds and peak memory."""
    import sqlite3
    from datetime import date

    from sqlalchemy import event, select

    from app.db import Database
    from app.models.users import User
    from app.services import indicators, reporting, users
    from app.services.cases import add_months

    db = Database(url)
    with db.uow() as uow:
        actor = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    today = date.today()
    months = 12 if kind == "dashboard" else 120
    scope = indicators.Scope(max(add_months(today, -months),
                                 today.replace(year=today.year - 10)), today)
    statements: list[tuple[str, object]] = []

    def seen(_conn: object, _cur: object, sql: str, params: object, *_: object) -> None:
        if sql.lstrip().startswith("SELECT") and "audit_events" not in sql:
            statements.append((sql, params))

    if kind == "board":
        # as in the window, where the fonts are parsed on a background thread once My work
        # is filled (MainWindow._warm_up_printing), before anyone can ask for a report
        from app.services import rendering

        rendering.warm_up()
    event.listen(db.engine, "before_cursor_execute", seen)
    started = time.perf_counter()
    if kind == "dashboard":
        report = indicators.compute(db.uow(), actor, scope, named=False)
        size = 0
    else:
        report, pdf = reporting.board_report(db.uow(), actor, scope)
        size = len(pdf)
    seconds = time.perf_counter() - started
    peak = _peak_mb()
    event.remove(db.engine, "before_cursor_execute", seen)
    # the limit: the same aggregate SQL on raw sqlite3, no ORM, no Python on the rows
    raw = sqlite3.connect(url.removeprefix("sqlite:///"))
    replays = []
    for _ in range(3):
        t0 = time.perf_counter()
        for sql, params in statements:
            raw.execute(sql, params).fetchall()  # type: ignore[arg-type]
        replays.append(time.perf_counter() - t0)
    raw.close()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "figures": len(report.figures),
                      "pdf_bytes": size, "statements": len(statements),
                      "sql_seconds": sorted(replays)[1]}), flush=True)


def _open_app(url: str) -> tuple[object, object]:
    from PySide6.QtCore import QSettings
    from sqlalchemy import select

    from app.config import Settings
    from app.db import Database
    from app.models.users import User
    from app.services import database, users
    from app.views.app import make_application
    from app.views.context import AppContext
    from app.views.main_window import MainWindow

    app = make_application(["bench"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      os.environ["BENCH_QSETTINGS"])
    db = Database(url)
    # as run_gui does, less the backup (measured on its own) and the password check (argon2 is
    # slow on purpose); the coordinator sees all 100,000 cases, the heaviest start
    database.prepare(db, backup_dir=None)
    with db.uow() as uow:
        actor = users.actor_for(uow.session.scalars(
            select(User).where(User.username == "coordinator")).one())
    window = MainWindow(AppContext(db.uow, actor, Settings(database_url=url)))
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    return app, window


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode in ("bare", "bare-memory"):
        _bare(mode == "bare-memory")
        return 0
    url = argv[1]
    if mode in ("dashboard", "board"):
        _indicators(url, mode)
        return 0
    if mode in ("app", "work"):
        _startup(url, mode == "work")
        return 0
    app, window = _open_app(url)
    # memory: the Cases tab, scrolled from the top to the last row as a user dragging the
    # scroll bar would, painting a screenful every 1,000 rows (each reads the pages it shows)
    window.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    view = window.case_list  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    started = time.perf_counter()
    bar = view.table.verticalScrollBar()
    step = max(1, bar.maximum() * 1000 // max(1, view.model.rowCount()))
    for value in range(0, bar.maximum() + step, step):
        bar.setValue(min(value, bar.maximum()))
        view.table.viewport().repaint()
    view.table.scrollToBottom()
    app.processEvents()  # type: ignore[attr-defined]
    print(json.dumps({"peak_mb": _peak_mb(), "rows": view.model.rowCount(),
                      "total": view.model.total, "held": view.model.rows_held,
                      "pages_read": view.model.pages_read,
                      "scroll_seconds": time.perf_counter() - started}), flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # measured and reported: leave without tearing down Qt and SQLAlchemy in the interpreter's
    # finalisation, whose order PySide6 does not promise (it can abort there)
    os._exit(code)
