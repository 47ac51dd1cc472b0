"""A team's PostgreSQL server enforcing access itself: roles, grants and row-level security.

``setup`` (``pathways db setup-server URL``, run by a DBA with a superuser URL) makes, per
database ``DB``:

- ``DB_owner`` (NOLOGIN): owns the database, its tables and functions; migrations run as it.
  No desktop uses it. Table owners bypass row-level security, so the DBA's tools still work.
- ``DB_app`` (NOLOGIN): the group every desktop login belongs to, with the grants below.
- ``DB.USERNAME`` (LOGIN, SCRAM-SHA-256): one per Pathways user, made and kept in step by
  ``sync_login`` whenever ``pathways user add``, ``passwd``, ``reset``, ``disable`` or ``enable``
  runs. A desktop connects as its user's own role, so the server knows who is asking.

Grants: every table ``SELECT, INSERT, UPDATE, DELETE``, except the audit trail (``SELECT,
INSERT``: no UPDATE, DELETE or TRUNCATE, and only its owner can drop its triggers), the schema
stamp (``SELECT``) and ``users`` (no UPDATE of ``role``, ``also_coordinator`` or ``username``:
a desktop cannot promote itself). Policies: generated from ``app.services.access``'s rule table,
not written a second time here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlalchemy import ColumnElement, Connection, Engine, and_, case, func, or_, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app.db import UnitOfWork, is_sqlite
from app.errors import DatabaseProblem, ValidationError
from app.models import Base
from app.models.cases import Case
from app.models.users import Role
from app.services import access, tallies

if TYPE_CHECKING:
    from app.db import Database

#: Tables whose desktop grants are narrower than read-and-write (the indicator tallies are
#: written only by their triggers, as the owner).
READ_ONLY = ("alembic_version", *(t.name for t in tallies.metadata.sorted_tables))
APPEND_ONLY = ("audit_events",)
#: Columns of ``users`` a desktop may change (sign-in counters, passwords, enabling).
USER_COLUMNS_WRITABLE = ("full_name", "email", "password_hash", "active", "must_change_password",
                         "failed_sign_ins", "locked_until", "last_sign_in", "version",
                         "updated_at")
#: A table whose rows are case data only through the case-owned rows that point at them:
#: a person is visible where one of their case links is.
REACHED_FROM = {"people": ("case_parties", "person_id")}
#: SQL functions the policies call; one place to revoke them from PUBLIC.
FUNCTIONS = ("pathways_actor_id()", "pathways_actor_role()", "pathways_actor_coordinates()",
             "pathways_setting_on(text)", "pathways_written_here(xid)",
             "pathways_sync_login(text,text,boolean)")
#: PostgreSQL's longest name (NAMEDATALEN - 1).
MAX_ROLE_NAME = 63
_SYNC_LOGIN = "pathways_sync_login(text,text,boolean)"
#: Comments on the policies carry this and the hash of the policy's own SQL, so ``check``
#: tells a policy that is stale (the rules changed since) from one that is in place.
_STAMP = "pathways policy "


@dataclass(frozen=True)
class ServerRoles:
    database: str
    owner: str
    group: str

    def login(self, username: str) -> str:
        """The server role a Pathways user signs in as."""
        return f"{self.database}.{username}"


def roles_for(url: str | URL) -> ServerRoles:
    name = make_url(url).database or ""
    if not name or "." in name or len(name) > 40:
        raise DatabaseProblem(f"The database name {name!r} cannot carry per-user roles: use a "
                              "name of at most 40 letters, digits or underscores.")
    return ServerRoles(name, f"{name}_owner", f"{name}_app")


def is_team_url(url: str) -> bool:
    """A PostgreSQL address that names no server user: each desktop signs in as its own.
    An address that is not one at all is not a team's (opening it then says what is wrong)."""
    if is_sqlite(url):
        return False
    try:
        return make_url(url).username is None
    except ArgumentError:
        return False


def login_url(url: str, username: str, password: str) -> str:
    """The address ``url`` with the user's own login role and password."""
    role = roles_for(url).login(username.strip().lower())
    return make_url(url).set(username=role, password=password).render_as_string(
        hide_password=False)


# ---------------------------------------------------------------- the policies' SQL


def _sql(clause: ColumnElement[Any]) -> str:
    return str(clause.compile(dialect=postgresql.dialect(),  # type: ignore[no-untyped-call]
                              compile_kwargs={"literal_binds": True}))


def _actor_terms() -> tuple[Any, Any]:
    """The signed-in user's id and their role's scheme, as SQL (evaluated once per query)."""
    user_id = select(func.pathways_actor_id()).scalar_subquery()
    role = select(func.pathways_actor_role()).scalar_subquery()
    scheme = case(*((role == r.value, s.value) for r, s in access.ROLE_SCHEME.items()),
                  else_=None)
    return user_id, scheme


def _applies_sql(rule: access.CaseRule) -> ColumnElement[bool]:
    """``CaseRule.applies`` over the signed-in role (the actor's side of the rule)."""
    role = select(func.pathways_actor_role()).scalar_subquery()
    if rule.coordinators:
        return select(func.pathways_actor_coordinates()).scalar_subquery().is_(True)
    parts: list[ColumnElement[bool]] = []
    if rule.setting is not None:
        parts.append(select(func.pathways_setting_on(rule.setting)).scalar_subquery()
                     .is_(True))
    if rule.roles:
        parts.append(role.in_([r.value for r in sorted(rule.roles)]))
    if rule.own_scheme and not rule.roles:
        parts.append(role.in_([r.value for r in sorted(access.ROLE_SCHEME)]))
    return and_(*parts)


def rules_sql(rules: Sequence[access.CaseRule]) -> str:
    """A list of access rules as one SQL condition on a ``cases`` row."""
    user_id, scheme = _actor_terms()
    cases = Case.__table__.c
    return _sql(or_(*(and_(_applies_sql(r), r.case_clause(user_id, scheme, cases))
                      for r in rules)))


_WRITTEN_HERE = "pathways_written_here({t}.xmin)"


@dataclass(frozen=True)
class Policy:
    table: str
    name: str
    command: str  # SELECT, INSERT, UPDATE, DELETE or ALL
    using: str | None
    check: str | None

    def create_sql(self) -> str:
        sql = f'CREATE POLICY {self.name} ON "{self.table}" FOR {self.command}'
        if self.using is not None:
            sql += f" USING ({self.using})"
        if self.check is not None:
            sql += f" WITH CHECK ({self.check})"
        return sql

    @property
    def stamp(self) -> str:
        return _STAMP + hashlib.sha256(self.create_sql().encode()).hexdigest()[:16]


def _case_tables() -> dict[str, str]:
    """Each case-owned table and the condition that makes one of its rows visible: its case
    is visible (``case_id``), or the row it belongs to is (followed through foreign keys)."""
    reached: dict[str, str] = {"cases": ""}
    tables = Base.metadata.tables
    changed = True
    while changed:
        changed = False
        for t in tables.values():
            if t.name in reached or t.name in APPEND_ONLY or t.name in REACHED_FROM:
                continue
            links = [(c, fk) for c in t.columns for fk in c.foreign_keys
                     if fk.column.table.name in reached]
            if not links:
                continue
            # a table with a case_id goes through its case; others through their parent row
            direct = [lk for lk in links if lk[1].column.table.name == "cases"]
            col, fk = (direct or links)[0]
            parent = fk.column.table.name
            exists = (f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p."{fk.column.name}" = '
                      f'"{t.name}"."{col.name}")')
            reached[t.name] = f'"{t.name}"."{col.name}" IS NULL OR {exists}' \
                if col.nullable else exists
            changed = True
    for name, (child, link) in REACHED_FROM.items():
        reached[name] = (f'EXISTS (SELECT 1 FROM "{child}" l WHERE l."{link}" = '
                         f'"{name}".id)')
    del reached["cases"]
    return reached


def policies() -> list[Policy]:
    """Every row-level security policy, generated from the access rules and the models."""
    view = rules_sql(access.VIEW_RULES)
    edit = rules_sql(access.EDIT_RULES)
    # a row written by this very transaction stays visible to it (an INSERT ... RETURNING of
    # a referral not assigned to its author, a person before their case link is written)
    mine = "pathways_written_here(xmin)"
    out = [
        Policy("cases", "pathways_view", "SELECT", f"{view} OR {mine}", None),
        Policy("cases", "pathways_edit", "UPDATE", f"{edit} OR {mine}", edit),
        Policy("cases", "pathways_delete", "DELETE", edit, None),
        # who may refer is checked by the services (access.may), not here
        Policy("cases", "pathways_refer", "INSERT", None, "true"),
    ]
    for table, visible in sorted(_case_tables().items()):
        here = f"{visible} OR {_WRITTEN_HERE.format(t=chr(34) + table + chr(34))}"
        # a new row's own xmin is not set while its check runs: the checks look at the link
        # alone (a new person has none yet, and holds nothing of anyone else's)
        check = "true" if table in REACHED_FROM else visible
        out += [Policy(table, "pathways_read", "SELECT", here, None),
                Policy(table, "pathways_add", "INSERT", None, check),
                Policy(table, "pathways_change", "UPDATE", here, check),
                Policy(table, "pathways_remove", "DELETE", here, None)]
    admin = f"(SELECT pathways_actor_role()) = '{Role.ADMINISTRATOR.value}'"
    settings_writer = f"(SELECT pathways_actor_coordinates()) OR {admin}"
    self_or_admin = f"id = (SELECT pathways_actor_id()) OR {admin}"
    out += [
        # a desktop changes its own user row (sign-in counters, its password) and an
        # administrator any (reset, disable); only an administrator adds one; none deletes
        Policy("users", "pathways_read", "SELECT", "true", None),
        Policy("users", "pathways_update", "UPDATE", self_or_admin, self_or_admin),
        Policy("users", "pathways_add", "INSERT", None, admin),
        # the partnership's switches (navigators reading all Checkpoint among them) are
        # changed by coordinators and administrators only: a switch widens the policies above
        Policy("app_settings", "pathways_read", "SELECT", "true", None),
        Policy("app_settings", "pathways_change", "ALL", settings_writer, settings_writer),
    ]
    return out


def protected_tables() -> list[str]:
    return sorted({p.table for p in policies()})


def _functions_sql(roles: ServerRoles) -> list[str]:
    who = "current_database() || '.' || u.username = session_user"
    definer = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"
    coordinating = f"(u.role = '{Role.COORDINATOR.value}' OR u.also_coordinator)"
    return [
        f"CREATE OR REPLACE FUNCTION pathways_actor_id() RETURNS integer {definer} AS "
        f"$$ SELECT u.id FROM users u WHERE u.active AND {who} $$",
        f"CREATE OR REPLACE FUNCTION pathways_actor_role() RETURNS text {definer} AS "
        f"$$ SELECT u.role::text FROM users u WHERE u.active AND {who} $$",
        # Actor.coordinates, read from the signed-in user's row
        f"CREATE OR REPLACE FUNCTION pathways_actor_coordinates() RETURNS boolean {definer} AS "
        f"$$ SELECT coalesce((SELECT {coordinating} FROM users u WHERE u.active AND {who}), "
        "false) $$",
        f"CREATE OR REPLACE FUNCTION pathways_setting_on(text) RETURNS boolean {definer} AS "
        "$$ SELECT coalesce((SELECT s.value = '1' FROM app_settings s WHERE s.key = $1), "
        "false) $$",
        # whether a row's xmin is this transaction or one of its savepoints: at most a
        # million ids after its own (savepoints get later ids; the distance is taken modulo
        # 2^32 as xids wrap) and still in progress (another transaction's uncommitted row is
        # never visible, so an in-progress xmin that is seen is ours)
        "CREATE OR REPLACE FUNCTION pathways_written_here(xid) RETURNS boolean LANGUAGE sql "
        "STABLE SET search_path = pg_catalog AS $$ SELECT CASE WHEN s.top IS NULL OR "
        "$1::text::bigint < 3 THEN false WHEN (($1::text::bigint - s.top % 4294967296 + "
        "4294967296) % 4294967296) > 1000000 THEN false ELSE coalesce(pg_xact_status((s.top "
        "+ ($1::text::bigint - s.top % 4294967296 + 4294967296) % 4294967296)::text::xid8) "
        "= 'in progress', false) END FROM (SELECT pg_current_xact_id_if_assigned()::text"
        "::bigint AS top) s $$",
        # the login role of a user: made, given a new password (a SCRAM verifier computed by
        # the client, so no password reaches the server's log), enabled or disabled. Only an
        # administrator, the DBA (a member of the owner role), or the user for their own
        # password may; only roles named DB.USERNAME of an existing user are ever touched.
        f"""CREATE OR REPLACE FUNCTION pathways_sync_login(p_username text, p_verifier text,
            p_login boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
        DECLARE
            r text := current_database() || '.' || p_username;
        BEGIN
            IF NOT (pg_has_role(session_user, '{roles.owner}', 'MEMBER')
                    OR EXISTS (SELECT 1 FROM users u WHERE u.active
                               AND u.role = '{Role.ADMINISTRATOR.value}' AND {who})
                    OR (r = session_user AND p_login)) THEN
                RAISE EXCEPTION 'only an administrator can change another user''s sign-in'
                    USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM users u WHERE u.username = p_username) THEN
                RAISE EXCEPTION 'there is no user called %', p_username;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I', r, '{roles.group}');
            END IF;
            IF p_verifier IS NOT NULL THEN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', r, p_verifier);
            END IF;
            EXECUTE format('ALTER ROLE %I %s', r,
                           CASE WHEN p_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
        END $$""",
    ]


def _grants_sql(roles: ServerRoles) -> Iterator[str]:
    group = f'"{roles.group}"'
    for t in sorted(Base.metadata.tables):
        if t in APPEND_ONLY:
            yield f'REVOKE ALL ON "{t}" FROM {group}'
            yield f'GRANT SELECT, INSERT ON "{t}" TO {group}'
        elif t == "users":
            yield f'REVOKE ALL ON "{t}" FROM {group}'
            yield f'GRANT SELECT, INSERT ON "{t}" TO {group}'
            yield f'GRANT UPDATE ({", ".join(USER_COLUMNS_WRITABLE)}) ON "{t}" TO {group}'
        else:
            yield f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{t}" TO {group}'
    for t in READ_ONLY:
        yield f'REVOKE ALL ON "{t}" FROM {group}'
        yield f'GRANT SELECT ON "{t}" TO {group}'
    yield f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}"
    for fn in FUNCTIONS:
        yield f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC"
        yield f"GRANT EXECUTE ON FUNCTION {fn} TO {group}"


def _policies_sql() -> Iterator[str]:
    for table in protected_tables():
        yield f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'
    # every policy an earlier set-up made goes first, so a renamed one leaves nothing behind
    yield ("DO $$ DECLARE r record; BEGIN FOR r IN SELECT polname, polrelid::regclass AS t "
           "FROM pg_policy WHERE polname LIKE 'pathways\\_%' LOOP EXECUTE format('DROP POLICY "
           "%I ON %s', r.polname, r.t); END LOOP; END $$")
    for p in policies():
        yield p.create_sql()
        yield f"COMMENT ON POLICY {p.name} ON \"{p.table}\" IS '{p.stamp}'"


# ---------------------------------------------------------------- setting up


@dataclass(frozen=True)
class SetupReport:
    roles: ServerRoles
    revision: str
    tables: int
    policies: int
    #: Active users with no login role yet (copied from a desktop file): each needs a new
    #: password (``user reset``), which makes their role.
    without_login: tuple[str, ...] = ()


def setup(admin_url: str) -> SetupReport:
    """Make the roles, bring the schema to head as the owner, then grant and set the policies.

    Run again after an upgrade of Pathways: every step is idempotent, and tables a superuser
    made earlier are handed to the owner."""
    from app.db import Database
    from app.services import database

    if is_sqlite(admin_url):
        raise DatabaseProblem("setup-server is for a team's PostgreSQL server; a desktop "
                              "database needs no server roles.")
    roles = roles_for(admin_url)
    db = Database(admin_url)
    try:
        with db.engine.connect() as conn:
            can = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = "
                                    "current_user")).scalar()
            if not can:
                raise DatabaseProblem("setup-server needs a superuser's address (it makes "
                                      "roles and hands the database to its owner role).")
            for role, extra in ((roles.owner, "NOLOGIN CREATEROLE"), (roles.group, "NOLOGIN")):
                exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                      {"r": role}).scalar()
                verb = "ALTER" if exists else "CREATE"
                conn.execute(text(f'{verb} ROLE "{role}" {extra}'))
            conn.execute(text(f'ALTER DATABASE "{roles.database}" OWNER TO "{roles.owner}"'))
            conn.execute(text(f'REVOKE ALL ON DATABASE "{roles.database}" FROM PUBLIC'))
            conn.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{roles.database}" '
                              f'TO "{roles.group}"'))
            conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
            conn.execute(text(f'ALTER SCHEMA public OWNER TO "{roles.owner}"'))
            _hand_to_owner(conn, roles)
            conn.commit()
        owner = _owner_database(admin_url, roles)
        try:
            database.upgrade(owner)
        finally:
            owner.dispose()
        _as_owner(db, roles, lambda conn: _hand_to_owner(conn, roles))
        _as_owner(db, roles, lambda conn: [conn.execute(text(s)) for s in
                                           (*_functions_sql(roles), *_grants_sql(roles),
                                            *_policies_sql())])
        with db.engine.connect() as conn:
            missing = users_without_login(conn, roles)
    finally:
        db.dispose()
    return SetupReport(roles, database.head_revision(), len(Base.metadata.tables),
                       len(policies()), missing)


def users_without_login(conn: Connection, roles: ServerRoles) -> tuple[str, ...]:
    """Active users whose login role is missing: they cannot sign in to the server."""
    return tuple(conn.execute(text(
        "SELECT u.username FROM users u WHERE u.active AND NOT EXISTS (SELECT 1 FROM "
        "pg_roles r WHERE r.rolname = :db || '.' || u.username) ORDER BY u.username"),
        {"db": roles.database}).scalars())


def _as_owner(db: Database, roles: ServerRoles, work: Callable[[Connection], object]) -> None:
    """``work`` on one connection acting as the owner, committed."""
    with db.engine.connect() as conn:
        conn.execute(text(f'SET ROLE "{roles.owner}"'))
        work(conn)
        conn.commit()
        conn.execute(text("RESET ROLE"))


def _hand_to_owner(conn: Connection, roles: ServerRoles) -> None:
    """Tables, sequences and functions in the schema that someone else made (a superuser's
    earlier ``db upgrade``) become the owner's."""
    rows = conn.execute(text(
        "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v') "
        "AND pg_get_userbyid(c.relowner) <> :o AND NOT EXISTS (SELECT 1 FROM pg_depend d "
        "WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))"), {"o": roles.owner}).all()
    for name, kind in rows:
        what = "SEQUENCE" if kind == "S" else "VIEW" if kind == "v" else "TABLE"
        conn.execute(text(f'ALTER {what} "{name}" OWNER TO "{roles.owner}"'))
    for (signature,) in conn.execute(text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = "
            "p.pronamespace WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :o"),
            {"o": roles.owner}):
        conn.execute(text(f"ALTER FUNCTION {signature} OWNER TO \"{roles.owner}\""))


def _owner_database(url: str, roles: ServerRoles) -> Database:
    """A Database whose every connection acts as the owner role (the tables a migration makes
    are then the owner's)."""
    from sqlalchemy import event

    from app.db import Database

    db = Database(url)

    @event.listens_for(db.engine, "connect")
    def _owner(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f'SET ROLE "{roles.owner}"')
        cur.close()
        dbapi_conn.commit()

    return db


# ---------------------------------------------------------------- login roles


def _sync_available(uow: UnitOfWork) -> bool:
    if uow.engine.dialect.name != "postgresql":
        return False
    return bool(uow.session.scalar(text(f"SELECT to_regprocedure('{_SYNC_LOGIN}') IS NOT "
                                        "NULL")))


def sync_login(uow: UnitOfWork, username: str, password: str | None, *, login: bool) -> bool:
    """Keep a user's login role in step, in the open transaction (so the user row and the
    role change together). A no-op on SQLite and on a server without ``setup``."""
    if not _sync_available(uow):
        return False
    verifier = None
    role = roles_for(uow.engine.url).login(username)
    if len(role.encode()) > MAX_ROLE_NAME:
        raise ValidationError(f"The user name {username!r} is too long for this server "
                              f"(its sign-in role {role!r} would pass {MAX_ROLE_NAME} bytes).",
                              field="username")
    if password is not None:
        conn = uow.session.connection().connection.driver_connection
        verifier = conn.pgconn.encrypt_password(  # type: ignore[union-attr]
            password.encode(), role.encode(), b"scram-sha-256").decode()
    uow.session.execute(text("SELECT pathways_sync_login(:u, :v, :l)"),
                        {"u": username, "v": verifier, "l": login})
    held = _PASSWORDS.get(uow.engine)
    if held is not None and password is not None and uow.engine.url.username == role:
        held["password"] = password  # one's own new password: the next connection uses it
    return True


# ---------------------------------------------------------------- checking


def is_set_up(conn: Connection) -> bool:
    """Whether this database has server roles (then ``check`` must find all of it)."""
    if conn.dialect.name != "postgresql":
        return False
    try:
        roles = roles_for(conn.engine.url)
    except DatabaseProblem:  # a name that cannot carry the roles was never set up
        return False
    return bool(conn.execute(text("SELECT count(*) FROM pg_roles WHERE rolname IN (:o, :g)"),
                             {"o": roles.owner, "g": roles.group}).scalar())


def check(conn: Connection) -> list[str]:
    """Every grant, ownership and policy ``setup`` makes, each one missing named."""
    roles = roles_for(conn.engine.url)
    problems: list[str] = []
    present = {r for (r,) in conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname IN (:o, :g)"),
        {"o": roles.owner, "g": roles.group})}
    for role in (roles.owner, roles.group):
        if role not in present:
            problems.append(f"server role {role} is missing: run 'pathways db setup-server'")
    if problems:
        return problems
    owners: dict[str, str] = {str(t): str(o) for t, o in conn.execute(text(
        "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"))}
    for t in sorted(Base.metadata.tables):
        if owners.get(t) not in (roles.owner, None):
            problems.append(f"table {t} belongs to {owners[t]}, not to {roles.owner}")
    problems += _check_grants(conn, roles)
    problems += _check_policies(conn)
    problems += [f"user {name} has no sign-in role on the server: give them a new password "
                 "('pathways user reset')" for name in users_without_login(conn, roles)]
    return problems


_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def _expected(table: str) -> set[str]:
    if table in APPEND_ONLY or table == "users":
        return {"SELECT", "INSERT"}
    if table in READ_ONLY:
        return {"SELECT"}
    return {"SELECT", "INSERT", "UPDATE", "DELETE"}


def _check_grants(conn: Connection, roles: ServerRoles) -> list[str]:
    problems: list[str] = []
    for t in [*sorted(Base.metadata.tables), *READ_ONLY]:
        held = {p for p in _PRIVILEGES if conn.execute(text(
            "SELECT has_table_privilege(:g, :t, :p)"),
            {"g": roles.group, "t": f'public."{t}"', "p": p}).scalar()}
        want = _expected(t)
        if want - held:
            problems.append(f"grant missing: {roles.group} cannot "
                            f"{', '.join(sorted(want - held))} on {t}")
        if held - want:
            problems.append(f"grant too wide: {roles.group} can "
                            f"{', '.join(sorted(held - want))} on {t}")
    for col in ("role", "also_coordinator", "username"):
        if conn.execute(text("SELECT has_column_privilege(:g, 'public.users', :c, 'UPDATE')"),
                        {"g": roles.group, "c": col}).scalar():
            problems.append(f"grant too wide: {roles.group} can UPDATE users.{col}")
    for fn in FUNCTIONS:
        exists = conn.execute(text("SELECT to_regprocedure(:f) IS NOT NULL"),
                              {"f": fn}).scalar()
        if not exists:
            problems.append(f"function {fn} is missing")
        elif conn.execute(text("SELECT has_function_privilege('public', :f, 'EXECUTE')"),
                          {"f": fn}).scalar():
            problems.append(f"function {fn} may be run by every server role (PUBLIC)")
    return problems


def _check_policies(conn: Connection) -> list[str]:
    problems: list[str] = []
    enabled: dict[str, bool] = {str(t): bool(on) for t, on in conn.execute(text(
        "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'"))}
    for t in protected_tables():
        if not enabled.get(t):
            problems.append(f"row-level security is off on {t}")
    found = {(t, n): c for t, n, c in conn.execute(text(
        "SELECT c.relname, p.polname, obj_description(p.oid, 'pg_policy') FROM pg_policy p "
        "JOIN pg_class c ON c.oid = p.polrelid"))}
    for p in policies():
        stamp = found.get((p.table, p.name), "missing")
        if stamp == "missing":
            problems.append(f"policy {p.name} on {p.table} is missing")
        elif stamp != p.stamp:
            problems.append(f"policy {p.name} on {p.table} is not the one the access rules "
                            "make (changed by hand, or the rules changed): run "
                            "'pathways db setup-server' again")
    expected = {(p.table, p.name) for p in policies()}
    for t, n in sorted(set(found) - expected):
        if t in protected_tables():
            problems.append(f"policy {n} on {t} is not one Pathways made")
    return problems




#: The password each team login's engine connects with: a user who changes their own
#: password goes on connecting (new pool connections) with the new one.
_PASSWORDS: WeakKeyDictionary[Engine, dict[str, str]] = WeakKeyDictionary()


def open_as(url: str, username: str, password: str) -> Any:
    """The team database, connected as the user's own login role; a refusal by the server
    (wrong password, no such role, a disabled account) is the one sign-in refusal."""
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from app.db import Database
    from app.errors import AuthenticationFailed

    db = Database(login_url(url, username, password))
    held = _PASSWORDS[db.engine] = {"password": password}

    @event.listens_for(db.engine, "do_connect")
    def _current_password(_dialect: Any, _record: Any, _cargs: Any, cparams: Any) -> None:
        cparams["password"] = held["password"]

    # no INSERT ... RETURNING: PostgreSQL checks a returned row against the SELECT policies
    # before the row has its transaction id, so a referral not assigned to its author could
    # not be written; new ids come from their sequence first instead, and the rows this
    # transaction wrote are visible to it (pathways_written_here) once they are in
    dialect = db.engine.dialect
    dialect.insert_returning = dialect.insert_executemany_returning = False
    dialect.use_insertmanyvalues = False
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        db.dispose()
        reason = str(exc.orig).lower()
        if any(w in reason for w in ("authentication", "does not exist", "not permitted",
                                     "password")):
            raise AuthenticationFailed("The user name or password is not right.") from None
        first = (str(exc.orig).strip().splitlines() or ["no reason given"])[-1]
        raise DatabaseProblem(f"The team server cannot be reached: {first}") from exc
    return db
