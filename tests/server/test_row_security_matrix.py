"""The server's row-level security against the service matrix, cell by cell.

The world of ``tests/services/test_security_matrix.py`` (9 users, 12 cases: every role, scope
and restricted flag) is built once on a database set up by ``pathways db setup-server``. Then
each user connects as their own login role with plain SQL (no Pathways code in between) and:

- ``view`` and ``list``: the cases it can SELECT are exactly those the matrix allows;
- ``edit`` and ``print``: the cases it can UPDATE are exactly those the matrix lets it change
  (the matrix gives print and edit the same answer, which is checked too);
- the rows of every case-owned table (parties, status history, interventions and filed
  documents among them) and the people it can read belong to exactly the cases it may see;

with the coordinator's "navigators read all Checkpoint" switch off, then on. 432 cells, and
the services' own lists compared on the way.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.db import Database
from app.models import Base
from app.models.pathways import InterventionKind
from app.services import access, casefile, documents, pathways, server
from app.services.casefile import CaseFilter
from app.services.pathways import InterventionInput
from tests.server.conftest import Team
from tests.services.test_security_matrix import ACTIONS, World, build, expected, scope

pytestmark = pytest.mark.postgres

#: Every case-owned table (a case_id column); the world fills these for every case.
CASE_TABLES = sorted(t.name for t in Base.metadata.tables.values() if "case_id" in t.c
                     and t.name != "audit_events")
FILLED = ("case_parties", "documents", "interventions", "status_changes")


def _password(username: str) -> str:
    return f"{username} own password"


def _rows(db: Database, sql: str) -> list[tuple[int, int]]:
    with db.engine.connect() as conn:
        return [(int(a), int(b)) for a, b in conn.execute(text(sql))]


def test_each_login_role_sees_and_changes_exactly_what_the_services_allow(team: Team) -> None:
    db = Database(team.admin_url)  # the DBA: builds the world, bypassing the policies
    try:
        world = build(db)
        coordinator = world.actors["coordinator"]
        for ref in world.cases:
            pathways.log_intervention(db.uow(), coordinator, ref, InterventionInput(
                InterventionKind.CONTACT, date.today(), "Phone call"))
            documents.generate(db.uow(), coordinator, ref, documents.Kind.OUTCOME_OFFICER)
        uow = db.uow()
        with uow:
            for actor in world.actors.values():
                server.sync_login(uow, actor.username, _password(actor.username), login=True)
            uow.commit()
        ids = {ref: cid for cid, ref in _refs(db)}
        people = _rows(db, "SELECT case_id, person_id FROM case_parties")
        held = {t: {c for (c, _) in _rows(db, f"SELECT DISTINCT case_id, 0 FROM {t}")}
                for t in CASE_TABLES}
        assert all(held[t] == set(ids.values()) for t in FILLED), "every case has its rows"
        wrong: list[str] = []
        cells = 0
        for read_all in (False, True):
            _switch(db, read_all)
            for who, actor in world.actors.items():
                cells += _check_one(team, world, who, read_all, ids, people, held, wrong)
                listed = {r.reference for r in casefile.list_cases(db.uow(), actor,
                                                                  CaseFilter())}
                allowed = {r for r in world.cases if expected(world, who, r, "list", read_all)}
                assert listed == allowed, f"the services list otherwise for {who}"
        assert cells == 2 * 9 * 12 * len(ACTIONS)  # the 432 cells, with the switch off and on
        assert not wrong, "\n".join(wrong)
    finally:
        db.dispose()


def _refs(db: Database) -> list[tuple[int, str]]:
    with db.engine.connect() as conn:
        return [(int(i), str(r)) for i, r in conn.execute(text("SELECT id, reference FROM "
                                                               "cases"))]


def _switch(db: Database, on: bool) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM app_settings WHERE key = :k"),
                     {"k": access.NAVIGATORS_READ_ALL})
        if on:
            conn.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, '1')"),
                         {"k": access.NAVIGATORS_READ_ALL})


def _check_one(team: Team, world: World, who: str, read_all: bool, ids: dict[str, int],
               people: list[tuple[int, int]], held: dict[str, set[int]],
               wrong: list[str]) -> int:
    actor = world.actors[who]
    cells = 0
    with team.login(actor.username, _password(actor.username)) as conn:
        seen = {r for (r,) in conn.execute("SELECT reference FROM cases")}
        changeable: set[str] = set()
        with conn.transaction(force_rollback=True):
            for ref in world.cases:
                cur = conn.execute("UPDATE cases SET version = version WHERE reference = %s",
                                   (ref,))
                if cur.rowcount == 1:
                    changeable.add(ref)
        for ref in world.cases:
            for action in ACTIONS:
                cells += 1
                want = expected(world, who, ref, action, read_all)
                got = ref in (seen if action in ("view", "list") else changeable)
                if action == "print":
                    assert want == expected(world, who, ref, "edit", read_all)
                if got != want:
                    wrong.append(f"{who} {action} {scope(world, who, ref)} "
                                 f"{'restricted ' if world.cases[ref][3] else ''}{ref} "
                                 f"(read-all {read_all}): {'allowed' if got else 'refused'}")
        visible_ids = {ids[r] for r in world.cases if expected(world, who, r, "view", read_all)}
        for table in CASE_TABLES:  # every table with a case_id: only the visible cases' rows
            got_ids = {c for (c,) in conn.execute(f"SELECT DISTINCT case_id FROM {table}")}
            if got_ids != visible_ids & held[table]:
                wrong.append(f"{who} reads {table} of cases {sorted(got_ids)}, "
                             f"not {sorted(visible_ids & held[table])} (read-all {read_all})")
        got_people = {p for (p,) in conn.execute("SELECT id FROM people")}
        want_people = {p for c, p in people if c in visible_ids}
        if got_people != want_people:
            wrong.append(f"{who} reads people {sorted(got_people)}, not "
                         f"{sorted(want_people)} (read-all {read_all})")
    return cells
