"""No silent overwrite: every save of an editable record carries the version its form was
opened at, and a stale one is refused with who changed the record and when, changing nothing.

Records inside a case (contract, conditions, assessments, meetings, appointments...) are guarded
by the case's version, which every change inside the case bumps; people are shared between
cases, so their details also carry their own version.
"""

from __future__ import annotations

import ast
import inspect
import pkgutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import app.services
from app.errors import StaleEdit
from app.models.cases import CaseStatus, PartyRole, Scheme
from app.models.pathways import AssessmentStage
from app.services import (
    appointments,
    casefile,
    cases,
    contracts,
    pathways,
    people,
)
from app.services.appointments import AppointmentInput
from app.services.pathways import InterventionInput, InterventionKind
from tests.factories import GATEWAY_YES, NR_YES, make_case, person
from tests.services.journeys import (
    STANDARD_CONDITIONS,
    all_needs,
    checkpoint_eligible,
    days_ago,
    refused,
)


def _functions_that_open_a_case_for_edit() -> list[Callable[..., Any]]:
    found = []
    for info in pkgutil.iter_modules(app.services.__path__):
        module = __import__(f"app.services.{info.name}", fromlist=["_"])
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            tree = ast.parse(inspect.getsource(fn).lstrip())
            calls = {n.func.id for n in ast.walk(tree)
                     if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            if "open_for_edit" in calls:
                found.append(fn)
    return found


def test_every_service_that_edits_a_case_takes_the_version_it_was_opened_at() -> None:
    editing = _functions_that_open_a_case_for_edit()
    assert len(editing) >= 20  # contracts, meetings, appointments, people, pathways...
    missing = [f"{f.__module__}.{f.__name__}" for f in editing
               if "expected_version" not in inspect.signature(f).parameters]
    assert missing == []


@pytest.fixture
def opened(db, coord, nav) -> tuple[str, int]:
    """A Checkpoint case opened by the navigator, then changed by the coordinator."""
    ref = checkpoint_eligible(db, coord, nav, referred_days_ago=20)
    version = casefile.get_case(db.uow(), nav, ref).version
    cases.assign(db.uow(), coord, ref, worker_id=nav.user_id)
    return ref, version


@pytest.mark.parametrize("action", ["contract", "assessment", "intervention", "appointment",
                                    "party", "status"])
def test_a_stale_save_of_anything_on_a_case_is_refused(db, coord, nav, opened,
                                                       action: str) -> None:
    ref, v = opened
    when = datetime.now(UTC) + timedelta(days=2)
    calls: dict[str, Callable[[], object]] = {
        "contract": lambda: contracts.draft_contract(
            db.uow(), nav, ref, start_date=days_ago(0), conditions=STANDARD_CONDITIONS,
            community_hours=18, expected_version=v),
        "assessment": lambda: pathways.record_assessment(
            db.uow(), nav, ref, AssessmentStage.START, days_ago(1), all_needs(),
            expected_version=v),
        "intervention": lambda: pathways.log_intervention(
            db.uow(), nav, ref, InterventionInput(InterventionKind.CONTACT, days_ago(1),
                                                  "Phone call"), expected_version=v),
        "appointment": lambda: appointments.schedule(
            db.uow(), nav, ref, AppointmentInput(when, "Review"), expected_version=v),
        "party": lambda: people.add_party(db.uow(), nav, ref, PartyRole.HARMED,
                                          person("Vic", "Tim"), expected_version=v),
        "status": lambda: cases.change_status(db.uow(), nav, ref, CaseStatus.CLOSED,
                                              reason="Withdrawn", expected_version=v),
    }
    err = refused(db, nav, ref, calls[action], StaleEdit, "after you opened it")
    assert "Morgan Coordinator" in err.message  # who
    assert datetime.now().astimezone().strftime("%d %b %Y") in err.message  # when


def test_a_persons_details_changed_through_another_case_are_not_overwritten(db, coord,
                                                                            nav) -> None:
    first = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    detail = casefile.get_case(db.uow(), coord, first)
    party = detail.parties[0]
    second = cases.create_referral(db.uow(), coord, cases.ReferralInput(
        scheme=Scheme.GATEWAY if party.gender == "female" else Scheme.NEIGHBOURHOOD_RESOLUTION,
        person=None, existing_person_id=party.person_id, referral_date=days_ago(2),
        referral_source="Police custody", offence_code="neighbour-dispute",
        eligibility_answers={**GATEWAY_YES, **NR_YES}, first_time_entrant=True))
    # the navigator opens the person on the first case; the coordinator edits them on the
    # second; the navigator's save of the old form must not win
    opened_at = casefile.get_case(db.uow(), nav, first)
    people.update_person(db.uow(), coord, second, party.person_id,
                         person("Jordan", "Avery-Hale"))
    err = refused(db, nav, first, lambda: people.update_person(
        db.uow(), nav, first, party.person_id, person("Jordan", "Avery", phone="07700 900999"),
        opened_at.version, person_version=opened_at.parties[0].person_version),
        StaleEdit, "changed by Morgan Coordinator at .* after you opened them")
    assert err.message.startswith("Jordan Avery-Hale's details were changed")
    # with the version they now see, the same save goes through
    fresh = casefile.get_case(db.uow(), nav, first)
    people.update_person(db.uow(), nav, first, party.person_id,
                         person("Jordan", "Avery", phone="07700 900999"), fresh.version,
                         person_version=fresh.parties[0].person_version)
    assert casefile.get_case(db.uow(), coord, second).parties[0].name == "Jordan Avery"
