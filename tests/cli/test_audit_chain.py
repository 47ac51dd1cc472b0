"""The audit trail is tamper-evident: every row is chained to the one before it, and
``db check`` / ``audit verify`` fail, naming the first bad row, when a row was edited or removed
or when the database's own refusal to change the trail was taken away. Run on both stores."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import text

from app.cli import EXIT_CHECK_FAILED, main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import casefile, users
from tests.factories import PASSWORD, make_case, make_user

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    def _run(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--database", url, *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def trail(db: Database) -> list[int]:
    """A few real actions, and the ids of the audit rows they wrote."""
    coord = make_user(db, Role.COORDINATOR)
    for _ in range(3):
        ref = make_case(db, coord, Scheme.CHECKPOINT)
        casefile.get_case(db.uow(), coord, ref)
    users.sign_in(db.uow(), coord.username, PASSWORD)
    with db.engine.connect() as conn:
        ids = list(conn.execute(text("SELECT id FROM audit_events ORDER BY id")).scalars())
    assert len(ids) >= 7
    return ids


def unprotected(db: Database, statement: str) -> None:
    """What someone with the file (or the owner's login) could do: take the protection away
    and change the trail."""
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_events_no_update"))
            conn.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        conn.execute(text(statement))


def test_an_untouched_trail_verifies(db: Database, trail: list[int], run: Run) -> None:
    code, out, err = run(db.url, "db", "check")
    assert (code, err) == (0, "")
    assert f"audit trail of {len(trail)} rows chained and protected" in out
    code, out, err = run(db.url, "audit", "verify")
    assert (code, err) == (0, "")
    assert out.startswith(f"ok: audit trail of {len(trail)} rows chained")


def test_a_removed_row_is_named(db: Database, trail: list[int], run: Run) -> None:
    gone = trail[3]
    unprotected(db, f"DELETE FROM audit_events WHERE id = {gone}")
    for command in (("db", "check"), ("audit", "verify")):
        code, out, err = run(db.url, *command)
        assert code == EXIT_CHECK_FAILED and out == ""
        assert f"problem: audit row {trail[4]} does not follow row {trail[2]}: a row between " \
               "them was removed or altered" in err.splitlines()
        assert "protection" in err


def test_an_edited_row_is_named(db: Database, trail: list[int], run: Run) -> None:
    unprotected(db, f"UPDATE audit_events SET username = 'someone-else' WHERE id = {trail[2]}")
    code, _, err = run(db.url, "db", "check")
    assert code == EXIT_CHECK_FAILED
    assert f"problem: audit row {trail[2]} was altered after it was written" in err.splitlines()


def test_a_rewritten_hash_still_breaks_the_next_link(db: Database, trail: list[int],
                                                     run: Run) -> None:
    unprotected(db, f"UPDATE audit_events SET hash = '{'f' * 64}' WHERE id = {trail[1]}")
    code, _, err = run(db.url, "audit", "verify")
    assert code == EXIT_CHECK_FAILED
    assert f"problem: audit row {trail[1]} was altered after it was written" in err


def test_dropping_the_protection_alone_fails_the_check(db: Database, trail: list[int],
                                                       run: Run) -> None:
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_events_no_delete"))
            missing = "audit_events_no_delete was dropped"
        else:
            conn.execute(text("DROP TRIGGER audit_events_no_truncate ON audit_events"))
            missing = "audit_events_no_truncate was dropped"
    code, out, err = run(db.url, "db", "check")
    assert code == EXIT_CHECK_FAILED and out == ""
    assert err.splitlines() == [f"problem: the audit trail's protection is missing: trigger "
                                f"{missing}"]


def test_postgres_refuses_truncate_and_reports_a_disabled_trigger(db: Database,
                                                                  trail: list[int],
                                                                  run: Run) -> None:
    from sqlalchemy.exc import DBAPIError

    if db.engine.dialect.name == "sqlite":  # SQLite has no TRUNCATE: DELETE is covered above
        return
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_events"))
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only"))
    code, _, err = run(db.url, "db", "check")
    assert code == EXIT_CHECK_FAILED
    assert "trigger audit_events_append_only is disabled" in err


def test_writers_at_the_same_time_keep_one_chain(db: Database, trail: list[int],
                                                 run: Run) -> None:
    """Four desktops signing in as one user at once: all succeed and the chain stays whole."""
    user = make_user(db, Role.NAVIGATOR)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def sign_in() -> None:
        try:
            start.wait()
            for _ in range(3):
                users.sign_in(db.uow(), user.username, PASSWORD)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=sign_in) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    code, out, err = run(db.url, "audit", "verify")
    assert (code, err) == (0, "")
    assert f"audit trail of {len(trail) + 12} rows" in out
