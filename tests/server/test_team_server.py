"""``pathways db setup-server`` and the users' own login roles, on the real PostgreSQL server:
the desktops' roles cannot change the audit trail or its protection, every user signs in as
their own SCRAM role, and ``db check`` names whatever part of the set-up is missing."""

from __future__ import annotations

import threading

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.cli import main
from app.db import Database
from app.models.users import Role
from app.services import server, users
from tests.conftest import pg_database
from tests.server.conftest import ADMIN_PASSWORD, Team, drop_roles

pytestmark = pytest.mark.postgres

NAV_PASSWORD = "navigator password 1"


def _superuser(team: Team, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(team.admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def _with_users(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first administrator (made by the DBA), then a navigator added by that
    administrator signed in through the team address as their own role."""
    monkeypatch.setenv("PATHWAYS_PASSWORD", ADMIN_PASSWORD)
    assert main(["--database", team.admin_url, "user", "create-admin", "ada",
                 "Ada Admin"]) == 0
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", NAV_PASSWORD)
    assert main(["--database", team.team_url, "--user", "ada", "user", "add", "nia",
                 "Nia Navigator", "--role", "navigator"]) == 0


def _role(team: Team, username: str) -> tuple[object, ...]:
    rows = _superuser(team, "SELECT r.rolcanlogin, a.rolpassword, pg_has_role(r.rolname, "
                            ":g, 'MEMBER') FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid "
                            "WHERE r.rolname = :r", g=team.roles.group,
                      r=team.roles.login(username))
    assert rows, f"no login role for {username}"
    return rows[0]


def test_setup_server_makes_an_owner_no_desktop_uses_and_check_finds_it_whole(
        team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _superuser(team, "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN "
                            "(:o, :g)", o=team.roles.owner, g=team.roles.group)
    assert sorted(rows) == [(team.roles.group, False), (team.roles.owner, False)]
    owners = {o for (o,) in _superuser(
        team, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert owners == {team.roles.owner}
    # run again (as after an upgrade): nothing changes, nothing fails; 'db upgrade' on such a
    # server does the same, so new tables get their grants and policies
    assert main(["db", "setup-server", team.admin_url]) == 0
    assert main(["--database", team.admin_url, "db", "upgrade"]) == 0
    assert "row-level security policies" in capsys.readouterr().out
    assert main(["--database", team.admin_url, "db", "check"]) == 0
    assert "row-level security policies are in place" in capsys.readouterr().out


def test_setup_server_takes_over_a_schema_a_superuser_made(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A team that moved with 'db copy' (tables and users made by the superuser): the tables
    become the owner's, and the users copied without a server role are named until each is
    given a new password."""
    from app.services import database
    from tests.conftest import _pg_base

    name = ""
    try:
        with pg_database() as url:
            name = url.rsplit("/", 1)[1]
            db = Database(url)
            database.upgrade(db)  # as 'db copy' leaves it: the superuser's tables and users
            db.dispose()
            monkeypatch.setenv("PATHWAYS_PASSWORD", ADMIN_PASSWORD)
            assert main(["--database", url, "user", "create-admin", "ada", "Ada Admin"]) == 0
            assert main(["db", "setup-server", url]) == 0
            assert "1 users cannot sign in yet (copied without a server role): ada" in \
                capsys.readouterr().out
            assert main(["--database", url, "db", "check"]) == 4
            assert "user ada has no sign-in role on the server" in capsys.readouterr().err
            monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "adas new password")
            assert main(["--database", url, "--user", "ada", "user", "reset", "ada"]) == 0
            assert main(["--database", url, "db", "check"]) == 0
            assert "policies are in place" in capsys.readouterr().out
            team_url = make_url(url)._replace(username=None).render_as_string(
                hide_password=False)
            monkeypatch.setenv("PATHWAYS_PASSWORD", "adas new password")
            monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "adas own password")
            assert main(["--database", team_url, "--user", "ada", "user", "passwd"]) == 0
    finally:
        if name:
            drop_roles(_pg_base(), name)


def test_setup_server_refuses_a_desktop_file() -> None:
    assert main(["db", "setup-server", "sqlite:///x.db"]) == 3


def test_user_add_makes_a_scram_login_role_and_passwd_disable_keep_it_in_step(
        team: Team, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _with_users(team, monkeypatch)
    can_login, verifier, member = _role(team, "nia")
    assert can_login and member and str(verifier).startswith("SCRAM-SHA-256$")
    assert _role(team, "ada")[0]
    # she signs in as her own role and chooses her own password
    monkeypatch.setenv("PATHWAYS_PASSWORD", NAV_PASSWORD)
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "nias own password")
    assert main(["--database", team.team_url, "--user", "nia", "user", "passwd"]) == 0
    changed = _role(team, "nia")[1]
    assert changed != verifier and str(changed).startswith("SCRAM-SHA-256$")
    with team.login("nia", "nias own password") as conn:
        assert conn.execute("SELECT session_user").fetchone() == (team.roles.login("nia"),)
    # the administrator disables her: the server refuses her role, and enable lets it back
    monkeypatch.setenv("PATHWAYS_PASSWORD", ADMIN_PASSWORD)
    assert main(["--database", team.team_url, "--user", "ada", "user", "disable", "nia"]) == 0
    assert not _role(team, "nia")[0]
    monkeypatch.setenv("PATHWAYS_PASSWORD", "nias own password")
    capsys.readouterr()
    assert main(["--database", team.team_url, "--user", "nia", "case", "list"]) != 0
    assert "user name or password is not right" in capsys.readouterr().err
    monkeypatch.setenv("PATHWAYS_PASSWORD", ADMIN_PASSWORD)
    assert main(["--database", team.team_url, "--user", "ada", "user", "enable", "nia"]) == 0
    assert _role(team, "nia")[0]
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "reset by the admin")
    assert main(["--database", team.team_url, "--user", "ada", "user", "reset", "nia"]) == 0
    assert _role(team, "nia")[1] != changed


def test_a_desktop_role_cannot_touch_the_audit_trail_or_promote_itself(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_users(team, monkeypatch)
    refused = [
        "UPDATE audit_events SET detail = 'x'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "DROP TRIGGER audit_events_append_only ON audit_events",
        "DROP TRIGGER audit_events_no_truncate ON audit_events",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL",
        "ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE cases DISABLE ROW LEVEL SECURITY",
        "DROP POLICY pathways_view ON cases",
        "DROP TABLE audit_events",
        "SELECT setval('audit_events_id_seq', 1)",
        "UPDATE users SET role = 'coordinator' WHERE username = 'nia'",
        "UPDATE users SET also_coordinator = true WHERE username = 'nia'",
        f"SET ROLE \"{team.roles.owner}\"",
        "CREATE TABLE mine (id int)",
        # the indicator tallies are the triggers' to keep (they run as the owner)
        "UPDATE tally_endings SET n = n + 1",
        "DELETE FROM tally_case_calls",
        "INSERT INTO tally_referrals (referral_date, scheme, referral_source, n) "
        "VALUES ('2026-01-01', 'checkpoint', 'Police', 5)",
    ]
    with team.login("nia", NAV_PASSWORD) as conn:
        before = conn.execute("SELECT count(*) FROM audit_events").fetchone()
        for sql in refused:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
        # a setting that would widen what she sees is a coordinator's to change
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("INSERT INTO app_settings (key, value) VALUES "
                         "('navigators_read_all_checkpoint', '1')")
        with pytest.raises(psycopg.Error, match="administrator"):
            conn.execute("SELECT pathways_sync_login('ada', NULL, false)")
        # nor lock another user out, nor give them a password of her choosing
        cur = conn.execute("UPDATE users SET locked_until = now() + interval '1 year', "
                           "password_hash = 'x' WHERE username = 'ada'")
        assert cur.rowcount == 0
        assert conn.execute("SELECT count(*) FROM audit_events").fetchone() == before
    assert main(["--database", team.admin_url, "audit", "verify"]) == 0


def test_four_desktops_signing_in_as_one_user_at_once_all_succeed(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_users(team, monkeypatch)
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", NAV_PASSWORD)
    signed: list[str] = []
    failed: list[BaseException] = []
    start = threading.Barrier(4)

    def desktop() -> None:
        try:
            db = server.open_as(team.team_url, "nia", NAV_PASSWORD)
            try:
                start.wait()
                for _ in range(3):
                    actor = users.sign_in(db.uow(), "nia", NAV_PASSWORD)
                    assert actor.role is Role.NAVIGATOR
                with db.engine.connect() as conn:
                    signed.append(str(conn.execute(text("SELECT session_user")).scalar()))
            finally:
                db.dispose()
        except BaseException as exc:  # reported below, with the others
            failed.append(exc)

    threads = [threading.Thread(target=desktop) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failed, failed
    assert signed == [team.roles.login("nia")] * 4
    assert main(["--database", team.admin_url, "audit", "verify"]) == 0


@pytest.mark.parametrize(("damage", "named"), [
    ("GRANT UPDATE ON audit_events TO {group}", "grant too wide: {group} can UPDATE on "
                                                "audit_events"),
    ("REVOKE SELECT ON interventions FROM {group}", "grant missing: {group} cannot SELECT on "
                                                    "interventions"),
    ("GRANT UPDATE (role) ON users TO {group}", "can UPDATE users.role"),
    ("ALTER TABLE people DISABLE ROW LEVEL SECURITY", "row-level security is off on people"),
    ("DROP POLICY pathways_view ON cases", "policy pathways_view on cases is missing"),
    ("COMMENT ON POLICY pathways_edit ON cases IS 'mine'", "policy pathways_edit on cases is "
                                                          "not the one the access rules make"),
    ("CREATE POLICY extra ON cases FOR SELECT USING (true)", "policy extra on cases is not "
                                                             "one Pathways made"),
    ("GRANT EXECUTE ON FUNCTION pathways_sync_login(text,text,boolean) TO PUBLIC",
     "may be run by every server role"),
    ("ALTER TABLE contracts OWNER TO postgres", "table contracts belongs to postgres"),
])
def test_db_check_names_the_part_of_the_server_set_up_that_is_missing(
        team: Team, damage: str, named: str, capsys: pytest.CaptureFixture[str]) -> None:
    _superuser(team, damage.format(group=f'"{team.roles.group}"'))
    assert main(["--database", team.admin_url, "db", "check"]) == 4
    assert named.format(group=team.roles.group) in capsys.readouterr().err


def test_a_wrong_password_is_refused_in_one_line(
        team: Team, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Refused by the server where its pg_hba asks for SCRAM (as scripts/test sets it up),
    and by the app's own check where a server trusts loopback."""
    _with_users(team, monkeypatch)
    monkeypatch.setenv("PATHWAYS_PASSWORD", "not nias password")
    capsys.readouterr()
    assert main(["--database", team.team_url, "--user", "nia", "case", "list"]) != 0
    assert capsys.readouterr().err == "pathways: The user name or password is not right.\n"
    monkeypatch.setenv("PATHWAYS_PASSWORD", NAV_PASSWORD)
    assert main(["--database", team.team_url, "--user", "nobody", "case", "list"]) != 0
    assert "user name or password is not right" in capsys.readouterr().err


def test_rows_count_as_written_here_only_in_the_transaction_and_savepoints_that_wrote_them(
        team: Team) -> None:
    """``pathways_written_here`` (what lets a referral be written by someone who will not see
    it afterwards): never another transaction's row, even one committed after ours began."""
    dsn = team.admin_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as setup:
        setup.execute("CREATE TABLE probe (who text)")
    mine = "SELECT who, pathways_written_here(xmin) FROM probe ORDER BY who"
    with psycopg.connect(dsn) as a, psycopg.connect(dsn, autocommit=True) as b:
        assert a.execute("SELECT pathways_written_here('5'::xid)").fetchone() == (False,)
        a.execute("INSERT INTO probe VALUES ('a-top')")
        a.execute("SAVEPOINT s")
        a.execute("INSERT INTO probe VALUES ('a-savepoint')")
        b.execute("INSERT INTO probe VALUES ('b-committed-later')")
        assert a.execute(mine).fetchall() == [
            ("a-savepoint", True), ("a-top", True), ("b-committed-later", False)]
        a.commit()
        assert a.execute(mine).fetchall() == [
            ("a-savepoint", False), ("a-top", False), ("b-committed-later", False)]
