"""Helpers for the workflow tests: take a case to a stage through the real services, and check
that a refused action changed nothing at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, text

from app.db import Database
from app.errors import DomainError
from app.models.cases import ConsentAction, PartyRole, Scheme
from app.models.conferences import AttendeeRole, MeetingKind
from app.models.contracts import ConditionKind
from app.models.pathways import AssessmentStage
from app.models.safeguards import RiskLevel, RiskStage
from app.services import casefile, cases, contracts, meetings, pathways, people, safeguards
from app.services.context import Actor
from app.services.contracts import ConditionInput
from app.services.meetings import AttendeeInput
from app.services.pathways import NeedInput
from tests.factories import make_case

PATHWAY_CODES = ("drugs", "alcohol", "mental-health", "physical-health", "domestic-abuse",
                 "relationships", "accommodation", "finance", "employment",
                 "sexual-exploitation")


def days_ago(n: int) -> date:
    return date.today() - timedelta(days=n)


# ---------------------------------------------------------------- "nothing changed"


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table. Audit rows of reads ('case.view') are left out: the check
    itself reads the case."""
    with db.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        out: dict[str, list[tuple[Any, ...]]] = {}
        for t in tables:
            if t == "audit_events":
                q = "SELECT * FROM audit_events WHERE action <> 'case.view' ORDER BY id"
            else:
                q = f'SELECT * FROM "{t}"'
            out[t] = sorted((tuple(r) for r in conn.execute(text(q))), key=repr)
        return out


def refused(
    db: Database, actor: Actor, reference: str | None, action: Callable[[], object],
    error: type[DomainError], match: str,
) -> DomainError:
    """Run ``action``, expect ``error`` with a message matching ``match``, and prove that the
    database (every row of every table) and the case's status and version are as before."""
    before_detail = (casefile.get_case(db.uow(), actor, reference, audit_view=False)
                     if reference else None)
    before = snapshot(db)
    with pytest.raises(error, match=match) as info:
        action()
    assert type(info.value) is error, f"expected exactly {error.__name__}"
    after = snapshot(db)
    changed = [t for t in before if before[t] != after[t]]
    assert not changed, f"a refused action changed: {changed}"
    if reference:
        assert before_detail is not None
        now = casefile.get_case(db.uow(), actor, reference, audit_view=False)
        assert (now.status, now.version) == (before_detail.status, before_detail.version)
    return info.value


def count(db: Database, table: str, where: str = "1=1", **params: object) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table} WHERE {where}"),
                                params).scalar_one())


# ---------------------------------------------------------------- Checkpoint


def all_needs(level: int = 2, skip: int = 0) -> list[NeedInput]:
    return [NeedInput(code, level, f"{code} notes") for code in PATHWAY_CODES[skip:]]


STANDARD_CONDITIONS = [
    ConditionInput(ConditionKind.NO_REOFFENDING),
    ConditionInput(ConditionKind.VICTIM),
    ConditionInput(ConditionKind.PATHWAY, "Attend the alcohol service weekly", "alcohol"),
    ConditionInput(ConditionKind.COMMUNITY_HOURS),
]


def checkpoint_eligible(db: Database, coord: Actor, nav: Actor, *, referred_days_ago: int = 200,
                        **kw: object) -> str:
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=referred_days_ago, **kw)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True,
                             on=days_ago(referred_days_ago - 2))
    return ref


def checkpoint_active(db: Database, coord: Actor, nav: Actor, *, hours: int = 18,
                      start_days_ago: int = 130) -> str:
    """Referred ~200 days ago, assessed, contract started ~130 days ago (so its four months
    are over and 'no reoffending' can be marked met)."""
    ref = checkpoint_eligible(db, coord, nav)
    pathways.record_assessment(db.uow(), nav, ref, AssessmentStage.START,
                               days_ago(start_days_ago + 5), all_needs())
    contracts.draft_contract(db.uow(), nav, ref, start_date=days_ago(start_days_ago),
                             conditions=STANDARD_CONDITIONS, community_hours=hours)
    contracts.start_contract(db.uow(), nav, ref, signed_on=days_ago(start_days_ago))
    return ref


# ---------------------------------------------------------------- Neighbourhood Resolution


def nr_parties(db: Database, actor: Actor, ref: str) -> tuple[int, int]:
    """(participant party id, harmed party id)"""
    detail = casefile.get_case(db.uow(), actor, ref)
    participant = next(p.id for p in detail.parties if p.role == PartyRole.PARTICIPANT.value)
    harmed = next(p.id for p in detail.parties if p.role == PartyRole.HARMED.value)
    return participant, harmed


def nr_assessed(db: Database, coord: Actor, fac: Actor, fac2: Actor) -> str:
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac,
                    coworker_id=fac2.user_id, days_ago=40)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(38))
    prepare_meeting(db, coord, ref)
    return ref


def prepare_meeting(db: Database, actor: Actor, ref: str, on_days_ago: int = 37) -> None:
    """The pre-meeting risk assessment every restorative meeting needs."""
    safeguards.record_risk_assessment(db.uow(), actor, ref, stage=RiskStage.PREPARATION,
                                      assessed_on=days_ago(on_days_ago), level=RiskLevel.LOW)


def nr_consented(db: Database, coord: Actor, fac: Actor, fac2: Actor, *,
                 consent_days_ago: int = 30) -> str:
    ref = nr_assessed(db, coord, fac, fac2)
    for party in nr_parties(db, fac, ref):
        people.record_consent(db.uow(), fac, ref, party, ConsentAction.GIVEN,
                              days_ago(consent_days_ago))
    return ref


def both_attend(db: Database, actor: Actor, ref: str) -> list[AttendeeInput]:
    participant, harmed = nr_parties(db, actor, ref)
    return [AttendeeInput(AttendeeRole.HARMER, True, participant),
            AttendeeInput(AttendeeRole.HARMED, True, harmed)]


def hold_meeting(db: Database, fac: Actor, fac2: Actor, ref: str, held_days_ago: int = 20,
                 attendees: list[AttendeeInput] | None = None) -> int:
    return meetings.record_meeting(
        db.uow(), fac, ref, kind=MeetingKind.FACE_TO_FACE, held_on=days_ago(held_days_ago),
        facilitator_id=fac.user_id, cofacilitator_id=fac2.user_id, venue="Community centre",
        attendees=attendees if attendees is not None else both_attend(db, fac, ref))


# ---------------------------------------------------------------- Gateway to Change


def meet_conditions(db: Database, actor: Actor, ref: str, on: date | None = None) -> None:
    """Record every open condition of bail and diversion on a Gateway case as met."""
    from app.services import gateway

    for c in casefile.get_case(db.uow(), actor, ref).gateway_conditions:
        if c.decided_on is None:
            gateway.record_condition(db.uow(), actor, ref, c.id, met=True,
                                     on=on or date.today())
