"""The whole access matrix: role x action x scope, through the services.

The expected answer is written here from DOMAIN.md's table, independently of
``app/services/access.py``: every cell where access is not granted must be refused (and the
refusal recorded), every granted cell must work. Scopes, relative to the acting user:
own (their case), assigned (they are the co-worker), scheme (their scheme, someone else's case),
other (another scheme); each with and without the restricted flag (domestic abuse, sexual
exploitation), and with the coordinator's "navigators may read all Checkpoint" switch off and on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import AccessDenied
from app.models.cases import Scheme
from app.models.pathways import InterventionKind
from app.models.settings import AppSetting
from app.models.users import Role
from app.services import access, audit, casefile, documents, pathways
from app.services.casefile import CaseFilter
from app.services.context import Actor
from app.services.pathways import InterventionInput
from tests.factories import make_case, make_user

ROLE_SCHEME = {Role.NAVIGATOR: Scheme.CHECKPOINT, Role.FACILITATOR:
               Scheme.NEIGHBOURHOOD_RESOLUTION, Role.MENTOR: Scheme.GATEWAY}
ACTIONS = ("view", "list", "edit", "print")


@dataclass(frozen=True)
class World:
    actors: dict[str, Actor]
    #: reference -> (scheme, worker key, co-worker key, restricted)
    cases: dict[str, tuple[Scheme, str, str | None, bool]]


def build(db: Database) -> World:
    actors = {
        "coordinator": make_user(db, Role.COORDINATOR),
        "administrator": make_user(db, Role.ADMINISTRATOR),
        "admin+coordinator": make_user(db, Role.ADMINISTRATOR, also_coordinator=True),
        "navigator": make_user(db, Role.NAVIGATOR), "navigator2": make_user(db, Role.NAVIGATOR),
        "facilitator": make_user(db, Role.FACILITATOR),
        "facilitator2": make_user(db, Role.FACILITATOR),
        "mentor": make_user(db, Role.MENTOR), "mentor2": make_user(db, Role.MENTOR),
    }
    plan = [(Scheme.CHECKPOINT, "navigator", None), (Scheme.CHECKPOINT, "navigator2", None),
            (Scheme.NEIGHBOURHOOD_RESOLUTION, "facilitator", "facilitator2"),
            (Scheme.NEIGHBOURHOOD_RESOLUTION, "facilitator2", None),
            (Scheme.GATEWAY, "mentor", None), (Scheme.GATEWAY, "mentor2", None)]
    coord = actors["coordinator"]
    made: dict[str, tuple[Scheme, str, str | None, bool]] = {}
    for scheme, worker, coworker in plan:
        for restricted in (False, True):
            co = actors[coworker].user_id if coworker else None
            ref = make_case(db, coord, scheme, worker=actors[worker], coworker_id=co,
                            restricted=restricted)
            made[ref] = (scheme, worker, coworker, restricted)
    return World(actors, made)


def scope(world: World, who: str, ref: str) -> str:
    scheme, worker, coworker, _ = world.cases[ref]
    if who == worker:
        return "own"
    if who == coworker:
        return "assigned"
    return "scheme" if ROLE_SCHEME.get(world.actors[who].role) == scheme else "other"


def expected(world: World, who: str, ref: str, action: str, read_all: bool) -> bool:
    """DOMAIN.md's 'who uses it' table, cell by cell."""
    actor = world.actors[who]
    restricted = world.cases[ref][3]
    if actor.role is Role.COORDINATOR or actor.also_coordinator:
        return True  # coordinators: all cases of their schemes, restricted ones included
    if actor.role is Role.ADMINISTRATOR:
        return False  # configuration, not case data
    where = scope(world, who, ref)
    if where in ("own", "assigned"):
        return True  # their own caseload, restricted cases included
    if where == "scheme" and actor.role is Role.NAVIGATOR and read_all:
        return action in ("view", "list") and not restricted  # read-only, never restricted
    return False


def attempt(db: Database, actor: Actor, ref: str, action: str) -> bool:
    """Try the action through the real service: True if done, False if refused."""
    try:
        if action == "view":
            # a reason, for the restricted cases a coordinator is not assigned to (s.62)
            casefile.get_case(db.uow(), actor, ref, reason="Access matrix check")
        elif action == "list":
            rows = casefile.list_cases(db.uow(), actor, CaseFilter(search=ref))
            return ref in {r.reference for r in rows}
        elif action == "edit":
            pathways.log_intervention(db.uow(), actor, ref, InterventionInput(
                InterventionKind.CONTACT, date.today(), "Phone call"))
        else:
            documents.generate(db.uow(), actor, ref, documents.Kind.OUTCOME_OFFICER)
    except AccessDenied:
        return False
    return True


def refusals_recorded(db: Database, actor: Actor, since: int) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(
            "SELECT count(*) FROM audit_events WHERE id > :i AND user_id = :u "
            "AND action = 'case.view-refused'"), {"i": since, "u": actor.user_id}).scalar_one())


def last_audit_id(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM audit_events"))
                   .scalar_one())


@pytest.mark.parametrize("read_all", [False, True], ids=["own-only", "navigators-read-all"])
def test_every_cell_of_the_access_matrix(db: Database, read_all: bool) -> None:
    world = build(db)
    if read_all:
        uow = db.uow()
        with uow:
            uow.session.add(AppSetting(key=access.NAVIGATORS_READ_ALL, value="1"))
            uow.commit()
    wrong: list[str] = []
    cells = 0
    for who, actor in world.actors.items():
        for ref in world.cases:
            for action in ACTIONS:
                want = expected(world, who, ref, action, read_all)
                before = last_audit_id(db)
                got = attempt(db, actor, ref, action)
                cells += 1
                if got != want:
                    wrong.append(f"{who} {action} {scope(world, who, ref)} "
                                 f"{'restricted ' if world.cases[ref][3] else ''}{ref}: "
                                 f"{'allowed' if got else 'refused'}")
                if action == "view" and not want:
                    assert refusals_recorded(db, actor, before) == 1, (who, ref)
    assert cells == 9 * 12 * 4
    assert not wrong, "\n".join(wrong)


def test_lists_never_name_a_restricted_case_to_someone_who_may_not_open_it(
        db: Database) -> None:
    world = build(db)
    uow = db.uow()
    with uow:
        uow.session.add(AppSetting(key=access.NAVIGATORS_READ_ALL, value="1"))
        uow.commit()
    restricted = {r for r, c in world.cases.items() if c[3]}
    for who, actor in world.actors.items():
        listed = {r.reference: r for r in casefile.list_cases(db.uow(), actor, CaseFilter())}
        for ref in restricted & set(listed):
            assert expected(world, who, ref, "view", True), f"{who} lists {ref}"
        work = casefile.my_work(db.uow(), actor)
        for row in work.caseload + work.referrals_awaiting:
            assert row.reference not in restricted or expected(world, who, row.reference,
                                                               "view", True)


def test_only_coordinators_and_administrators_read_the_trail(db: Database) -> None:
    world = build(db)
    for who, actor in world.actors.items():
        allowed = actor.coordinates or actor.administers
        try:
            audit.search(db.uow(), actor, limit=5)
        except AccessDenied:
            assert not allowed, who
        else:
            assert allowed, who
