"""Corrections of every kind of entered record: amended (new values and a reason) or marked
entered in error; the original kept in History; the figures it feeds recomputed; and every
refusal (someone else's entry, no reason, values the recording rules refuse, nothing changed,
a record already in error) changing nothing at all.

Records that feed an indicator are written with the indicator tests' data set (dated back in
2025 relative to a fixed ``TODAY``); the others through the real services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import (
    AccessDenied,
    DomainError,
    NotFound,
    StaleEdit,
    ValidationError,
    WorkflowError,
)
from app.models import AppointmentStatus, Scheme
from app.models.cases import ConsentAction
from app.models.contracts import ConditionState
from app.models.corrections import CorrectionAction, EntryKind
from app.models.pathways import InterventionKind
from app.models.users import Role
from app.services import (
    appointments,
    case_notes,
    casefile,
    cases,
    contracts,
    corrections,
    gateway,
    indicators,
    notes_search,
    pathways,
    people,
)
from app.services.appointments import AppointmentInput
from app.services.casefile import CaseDetail
from app.services.context import Actor
from app.services.indicators import Scope
from app.services.pathways import InterventionInput
from tests.factories import at, make_case, make_user
from tests.indicator_data import DataSet
from tests.services.journeys import (
    STANDARD_CONDITIONS,
    all_needs,
    checkpoint_eligible,
    count,
    days_ago,
    hold_meeting,
    nr_consented,
    nr_parties,
    refused,
)

TODAY = date(2026, 6, 30)
YEAR_2025 = Scope(date(2025, 1, 1), date(2025, 12, 31))
TOMORROW = date.today() + timedelta(days=1)
REASON = "Typed into the wrong field"


@dataclass
class Subject:
    """One entered record, what it counts towards, and how it is corrected or refused."""

    ref: str
    kind: EntryKind
    record_id: int
    author: Actor  # may correct their own entry
    other: Actor  # works the case but did not enter it: needs a coordinator
    amend: dict[str, Any]
    bad: dict[str, Any]
    bad_error: type[DomainError]
    bad_match: str
    figure: Callable[[], Any]
    before: Any
    amended: Any
    in_error: Any


def _figure(db: Database, coord: Actor, figure_id: str, scope: Scope = YEAR_2025
            ) -> Callable[[], Any]:
    def read() -> Any:
        f = indicators.compute(db.uow(), coord, scope, today=TODAY).figure(figure_id)
        return (f.value, f.denominator)
    return read


def _id(db: Database, sql: str, **params: object) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _detail(db: Database, actor: Actor, ref: str) -> CaseDetail:
    return casefile.get_case(db.uow(), actor, ref, audit_view=False)


@dataclass
class People:
    db: Database
    coord: Actor
    nav: Actor
    nav2: Actor
    fac: Actor
    fac2: Actor
    mentor: Actor


# ---------------------------------------------------------------- one builder per kind


def _intervention(p: People) -> Subject:
    ref = checkpoint_eligible(p.db, p.coord, p.nav, coworker_id=p.nav2.user_id)
    rid = pathways.log_intervention(p.db.uow(), p.nav, ref, InterventionInput(
        InterventionKind.CONTACT, days_ago(3), "Met at the hub", notes="Talked about zebra"))

    def figure() -> Any:
        hits = notes_search.search_notes(p.db.uow(), p.coord, "zebra")
        return (tuple(i.summary for i in _detail(p.db, p.coord, ref).interventions), len(hits))
    return Subject(ref, EntryKind.INTERVENTION, rid, p.nav, p.nav2,
                   {"summary": "Phone call", "notes": "Talked about housing"},
                   {"occurred_on": TOMORROW}, ValidationError, "future date", figure,
                   (("Met at the hub",), 1), (("Phone call",), 0), ((), 0))


def _hours(p: People) -> Subject:
    ref = checkpoint_eligible(p.db, p.coord, p.nav, coworker_id=p.nav2.user_id)
    pathways.record_assessment(p.db.uow(), p.nav, ref, pathways.AssessmentStage.START,
                               days_ago(135), all_needs())
    contracts.draft_contract(p.db.uow(), p.nav, ref, start_date=days_ago(130),
                             conditions=STANDARD_CONDITIONS, community_hours=18)
    contracts.start_contract(p.db.uow(), p.nav, ref, signed_on=days_ago(130))
    contracts.log_hours(p.db.uow(), p.nav, ref, worked_on=days_ago(20), hours="10",
                        task="Park clean-up")
    contracts.log_hours(p.db.uow(), p.nav, ref, worked_on=days_ago(10), hours="8",
                        task="Food bank")

    def figure() -> Any:
        c = _detail(p.db, p.coord, ref).contract
        assert c is not None
        hours = next(x.state for x in c.conditions if x.kind == "community hours")
        return (c.hours_done, hours)
    rid = next(h.id for h in _detail(p.db, p.coord, ref).contract.hours  # type: ignore[union-attr]
               if h.hours == 8)
    return Subject(ref, EntryKind.HOURS, rid, p.nav, p.nav2, {"hours": "6"},
                   {"hours": "13"}, ValidationError, "12 hours", figure,
                   (Decimal(18), "met"), (Decimal(16), "open"), (Decimal(10), "open"))


def _assessment(p: People) -> Subject:
    d = DataSet(p.db, p.coord)
    c = d.case(Scheme.CHECKPOINT, referred=date(2025, 1, 10), decided=date(2025, 1, 15),
               ended=date(2025, 5, 20), outcome="completed", worker=p.nav)
    d.needs(c, "drugs", 3, 1, date(2025, 1, 15), date(2025, 5, 20))
    rid = _id(p.db, "SELECT id FROM pathway_assessments WHERE case_id = :c AND stage = 'exit'",
              c=c.id)
    return Subject(c.reference, EntryKind.ASSESSMENT, rid, p.coord, p.nav, {"level": 3},
                   {"level": 7}, ValidationError, "0 to 4",
                   _figure(p.db, p.coord, "distance_travelled.drugs"),
                   (2.0, 1), (0.0, 1), (None, 0))


def _appointment(p: People) -> Subject:
    d = DataSet(p.db, p.coord)
    c = d.case(Scheme.GATEWAY, referred=date(2025, 1, 5), decided=date(2025, 1, 8),
               worker=p.mentor)
    d.appointment(c, date(2025, 2, 1), AppointmentStatus.KEPT)
    d.appointment(c, date(2025, 2, 8), AppointmentStatus.MISSED)
    rid = _id(p.db, "SELECT id FROM appointments WHERE case_id = :c AND status = 'missed'",
              c=c.id)
    return Subject(c.reference, EntryKind.APPOINTMENT, rid, p.coord, p.mentor,
                   {"status": AppointmentStatus.KEPT, "outcome_notes": "She was there"},
                   {"status": AppointmentStatus.SCHEDULED}, ValidationError,
                   "kept, missed or cancelled",
                   _figure(p.db, p.coord, "appointments_missed_rate"),
                   (50.0, 2), (0.0, 2), (0.0, 1))


def _consent(p: People) -> Subject:
    ref = nr_consented(p.db, p.coord, p.fac, p.fac2, consent_days_ago=30)
    _, harmed = nr_parties(p.db, p.fac, ref)
    rid = _detail(p.db, p.coord, ref).party(harmed).consents[-1].id

    def figure() -> Any:
        party = _detail(p.db, p.coord, ref).party(harmed)
        return (party.has_consent, tuple(c.on for c in party.consents))
    return Subject(ref, EntryKind.CONSENT, rid, p.fac, p.fac2, {"on": days_ago(25)},
                   {"on": TOMORROW}, ValidationError, "future", figure,
                   (True, (days_ago(30),)), (True, (days_ago(25),)), (False, ()))


def _meeting(p: People) -> Subject:
    ref = nr_consented(p.db, p.coord, p.fac, p.fac2, consent_days_ago=30)
    rid = hold_meeting(p.db, p.fac, p.fac2, ref, held_days_ago=20)

    def figure() -> Any:
        return tuple((m.venue, m.held_on) for m in _detail(p.db, p.coord, ref).meetings)
    return Subject(ref, EntryKind.MEETING, rid, p.fac, p.fac2,
                   {"venue": "Library", "notes": "Minutes: both spoke"},
                   {"held_on": days_ago(35)}, WorkflowError, "No meeting without consent",
                   figure, (("Community centre", days_ago(20)),),
                   (("Library", days_ago(20)),), ())


def _nr_world(p: People) -> tuple[DataSet, Any]:
    d = DataSet(p.db, p.coord)
    c = d.case(Scheme.NEIGHBOURHOOD_RESOLUTION, referred=date(2025, 1, 20),
               decided=date(2025, 1, 25), closed=date(2025, 4, 10), outcome="completed",
               worker=p.fac)
    return d, c


def _action(p: People) -> Subject:
    d, c = _nr_world(p)
    d.agreement(c, date(2025, 3, 1), [True, False], date(2025, 4, 5), True)
    rid = _id(p.db, "SELECT id FROM agreement_actions WHERE kept = :f", f=False)
    return Subject(c.reference, EntryKind.AGREEMENT_ACTION, rid, p.coord, p.fac,
                   {"kept": True}, {"due_on": date(2025, 2, 1)}, ValidationError,
                   "due before", _figure(p.db, p.coord, "agreement_actions_kept"),
                   (50.0, 2), (100.0, 2), (100.0, 1))


def _followup(p: People) -> Subject:
    d, c = _nr_world(p)
    d.agreement(c, date(2025, 3, 1), [True], date(2025, 4, 5), False)
    rid = _id(p.db, "SELECT id FROM agreement_followups WHERE case_id = :c", c=c.id)
    return Subject(c.reference, EntryKind.AGREEMENT_FOLLOWUP, rid, p.coord, p.fac,
                   {"agreement_kept": True}, {"contacted_on": TOMORROW}, ValidationError,
                   "future", _figure(p.db, p.coord, "agreements_kept"),
                   (0.0, 1), (100.0, 1), (None, 0))


def _exit_followup(p: People) -> Subject:
    d = DataSet(p.db, p.coord)
    c = d.case(Scheme.GATEWAY, referred=date(2025, 1, 5), decided=date(2025, 1, 8),
               ended=date(2025, 4, 30), outcome="completed", worker=p.mentor)
    d.exit_followup(c, date(2025, 4, 30), 3, done=True, independent=True, free=True)
    rid = _id(p.db, "SELECT id FROM exit_followups WHERE case_id = :c", c=c.id)
    return Subject(c.reference, EntryKind.EXIT_FOLLOWUP, rid, p.coord, p.mentor,
                   {"living_independently": False}, {"done_on": TOMORROW}, ValidationError,
                   "future", _figure(p.db, p.coord, "women_independent.3m"),
                   (100.0, 1), (0.0, 1), (None, 0))


def _reoffending(p: People) -> Subject:
    d = DataSet(p.db, p.coord)
    c = d.case(Scheme.GATEWAY, referred=date(2022, 9, 1), decided=date(2022, 10, 1),
               ended=date(2023, 2, 1), outcome="completed", worker=p.mentor)
    d.reoffending(c, 12, date(2024, 9, 1), 0)
    rid = _id(p.db, "SELECT id FROM reoffending_checks WHERE case_id = :c", c=c.id)
    scope = Scope(date(2023, 1, 1), date(2023, 12, 31), scheme=Scheme.GATEWAY)
    return Subject(c.reference, EntryKind.REOFFENDING_CHECK, rid, p.coord, p.mentor,
                   {"offences": 1, "first_offence_on": date(2023, 8, 1)}, {"offences": 1},
                   ValidationError, "first proven offence",
                   _figure(p.db, p.coord, "reoffending_rate_12m.gateway-to-change", scope),
                   (0.0, 1), (100.0, 1), (None, 0))


def _survey(p: People) -> Subject:
    d, c = _nr_world(p)
    d.survey(c, date(2025, 4, 1), True)
    rid = _id(p.db, "SELECT id FROM satisfaction_surveys WHERE case_id = :c", c=c.id)
    return Subject(c.reference, EntryKind.SURVEY, rid, p.coord, p.fac, {"satisfied": False},
                   {"felt_heard": 9}, ValidationError, "1 to 5",
                   _figure(p.db, p.coord, "harmed_satisfied"), (100.0, 1), (0.0, 1), (None, 0))


def _calls(p: People) -> Subject:
    d, c = _nr_world(p)
    d.calls(c, before=6, after=1)
    rid = _id(p.db, "SELECT id FROM agency_call_counts WHERE period = 'before'")
    return Subject(c.reference, EntryKind.AGENCY_CALLS, rid, p.coord, p.fac, {"calls": 4},
                   {"period": "during"}, ValidationError, "'before' or 'after'",
                   _figure(p.db, p.coord, "calls_before"), (6.0, 1), (4.0, 1), (None, 0))


def _case_note(p: People) -> Subject:
    ref = checkpoint_eligible(p.db, p.coord, p.nav, coworker_id=p.nav2.user_id)
    rid = case_notes.add_note(p.db.uow(), p.nav, ref, case_notes.NoteInput(
        days_ago(2), "Rang about the zebra crossing job"))

    def figure() -> Any:
        hits = notes_search.search_notes(p.db.uow(), p.coord, "zebra")
        return (tuple(n.text for n in _detail(p.db, p.coord, ref).notes), len(hits))
    return Subject(ref, EntryKind.CASE_NOTE, rid, p.nav, p.nav2,
                   {"text": "Rang about the warehouse job"}, {"text": "   "}, ValidationError,
                   "Write the note", figure, (("Rang about the zebra crossing job",), 1),
                   (("Rang about the warehouse job",), 0), ((), 0))


def _condition(p: People) -> Subject:
    ref = make_case(p.db, p.coord, Scheme.GATEWAY, worker=p.mentor, days_ago=40)
    cases.decide_eligibility(p.db.uow(), p.coord, ref, eligible=True, on=days_ago(35))
    first = _detail(p.db, p.coord, ref).gateway_conditions[0]
    gateway.record_condition(p.db.uow(), p.coord, ref, first.id, met=True, on=days_ago(10))

    def figure() -> Any:  # the conditions the case carries, and what completing would say
        return tuple(c.state.value for c in _detail(p.db, p.coord, ref).gateway_conditions)
    return Subject(ref, EntryKind.GATEWAY_CONDITION, first.id, p.coord, p.mentor,
                   {"state": ConditionState.NOT_MET}, {"decided_on": TOMORROW},
                   ValidationError, "in the future", figure,
                   ("met", "open"), ("not met", "open"), ("open",))


BUILDERS: dict[EntryKind, Callable[[People], Subject]] = {
    EntryKind.INTERVENTION: _intervention,
    EntryKind.HOURS: _hours,
    EntryKind.ASSESSMENT: _assessment,
    EntryKind.APPOINTMENT: _appointment,
    EntryKind.CONSENT: _consent,
    EntryKind.MEETING: _meeting,
    EntryKind.AGREEMENT_ACTION: _action,
    EntryKind.AGREEMENT_FOLLOWUP: _followup,
    EntryKind.EXIT_FOLLOWUP: _exit_followup,
    EntryKind.REOFFENDING_CHECK: _reoffending,
    EntryKind.SURVEY: _survey,
    EntryKind.AGENCY_CALLS: _calls,
    EntryKind.CASE_NOTE: _case_note,
    EntryKind.GATEWAY_CONDITION: _condition,
}


def test_every_kind_of_record_has_a_test() -> None:
    assert set(BUILDERS) == set(EntryKind) == set(corrections.KINDS)


@pytest.fixture
def crew(db: Database, coord: Actor, nav: Actor, fac: Actor, fac2: Actor,
         mentor: Actor) -> People:
    nav2 = make_user(db, Role.NAVIGATOR, full_name="Second Navigator")
    return People(db, coord, nav, nav2, fac, fac2, mentor)


def _listed(db: Database, s: Subject) -> bool:
    """Is the record among those the case shows (and documents print)?"""
    d = _detail(db, s.author, s.ref)
    ids = {
        EntryKind.INTERVENTION: [i.id for i in d.interventions],
        EntryKind.HOURS: [h.id for h in d.contract.hours] if d.contract else [],
        EntryKind.ASSESSMENT: [a.id for a in d.assessments],
        EntryKind.APPOINTMENT: [a.id for a in d.appointments],
        EntryKind.CONSENT: [c.id for p in d.parties for c in p.consents],
        EntryKind.MEETING: [m.id for m in d.meetings],
        EntryKind.AGREEMENT_ACTION: [a.id for a in d.agreement.actions] if d.agreement else [],
        EntryKind.AGREEMENT_FOLLOWUP: [f.id for f in d.followups],
        EntryKind.EXIT_FOLLOWUP: [e.id for e in d.exit_followups if e.done_on is not None],
        EntryKind.REOFFENDING_CHECK: [r.id for r in d.reoffending_checks],
        EntryKind.SURVEY: [v.id for v in d.surveys],
        EntryKind.AGENCY_CALLS: [c.id for c in d.agency_calls],
        EntryKind.CASE_NOTE: [n.id for n in d.notes],
        EntryKind.GATEWAY_CONDITION: [g.id for g in d.gateway_conditions],
    }[s.kind]
    return s.record_id in ids


KIND_PARAMS = [pytest.param(k, id=k.name.lower()) for k in EntryKind]


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_amend_keeps_the_original_in_history_and_recounts(
        crew: People, kind: EntryKind) -> None:
    s = BUILDERS[kind](crew)
    assert s.figure() == s.before
    original = corrections.open_record(crew.db.uow(), s.author, s.ref, kind, s.record_id)
    assert original.can_correct and not original.revisions

    corrections.amend(crew.db.uow(), s.author, s.ref, kind, s.record_id, s.amend, REASON)

    assert s.figure() == s.amended
    assert _listed(crew.db, s)
    view = corrections.open_record(crew.db.uow(), s.author, s.ref, kind, s.record_id)
    fields = {f.name: f for f in view.fields}
    was = {f.name: f for f in original.fields}
    (rev,) = view.revisions
    assert rev.action is CorrectionAction.AMENDED
    assert (rev.reason, rev.by) == (REASON, s.author.full_name)
    assert {c.label for c in rev.changes} == {fields[n].label for n in s.amend}
    for change in rev.changes:  # readable words: the old value as it was shown, and the new
        name = next(n for n in s.amend if fields[n].label == change.label)
        assert change.before == was[name].display
        assert change.after == fields[name].display != change.before
    assert not any("_" in c.label or "None" in c.before for c in rev.changes)
    # the original values are stored, not overwritten
    with crew.db.engine.connect() as conn:
        stored = conn.execute(text(
            "SELECT action, reason, by_id FROM record_corrections WHERE record_id = :r"),
            {"r": s.record_id}).one()
    assert tuple(stored) == ("amended", REASON, s.author.user_id)
    history = corrections.case_corrections(crew.db.uow(), crew.coord, s.ref)
    assert [h.record_id for h in history] == [s.record_id]
    assert history[0].what.startswith(f"{kind.label} amended: ")


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_entered_in_error_counts_nowhere_but_stays_in_history(
        crew: People, kind: EntryKind) -> None:
    s = BUILDERS[kind](crew)
    assert _listed(crew.db, s)

    corrections.mark_entered_in_error(crew.db.uow(), s.author, s.ref, kind, s.record_id,
                                      "Entered on the wrong case")

    assert s.figure() == s.in_error
    assert not _listed(crew.db, s)
    view = corrections.open_record(crew.db.uow(), crew.coord, s.ref, kind, s.record_id)
    assert view.entered_in_error and not view.can_correct
    (rev,) = view.revisions
    assert rev.action is CorrectionAction.ENTERED_IN_ERROR
    assert rev.reason == "Entered on the wrong case" and rev.record_in_error
    (entry,) = corrections.case_corrections(crew.db.uow(), crew.coord, s.ref)
    assert entry.record_in_error and entry.what == f"{kind.label} marked entered in error"
    assert count(crew.db, "audit_events", "action = 'record.entered-in-error'") == 1


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_refusals_change_nothing(crew: People, kind: EntryKind) -> None:
    s = BUILDERS[kind](crew)
    db, uow = crew.db, crew.db.uow

    refused(db, s.author, s.ref, lambda: corrections.amend(
        uow(), s.other, s.ref, kind, s.record_id, s.amend, REASON), AccessDenied, "coordinator")
    refused(db, s.author, s.ref, lambda: corrections.mark_entered_in_error(
        uow(), s.other, s.ref, kind, s.record_id, REASON), AccessDenied, "coordinator")
    refused(db, s.author, s.ref, lambda: corrections.amend(
        uow(), s.author, s.ref, kind, s.record_id, s.amend, "  "), ValidationError, "reason")
    refused(db, s.author, s.ref, lambda: corrections.amend(
        uow(), s.author, s.ref, kind, s.record_id, s.bad, REASON), s.bad_error, s.bad_match)
    same = corrections.open_record(uow(), s.author, s.ref, kind, s.record_id)
    unchanged = {f.name: f.value for f in same.fields if f.name in s.amend}
    refused(db, s.author, s.ref, lambda: corrections.amend(
        uow(), s.author, s.ref, kind, s.record_id, unchanged, REASON), ValidationError,
        "Nothing was changed")
    refused(db, s.author, s.ref, lambda: corrections.amend(
        uow(), s.author, s.ref, kind, s.record_id, s.amend, REASON,
        expected_version=same.case_version - 1), StaleEdit, "changed by")
    assert s.figure() == s.before

    corrections.mark_entered_in_error(uow(), crew.coord, s.ref, kind, s.record_id, REASON)
    refused(db, s.author, s.ref, lambda: corrections.amend(
        uow(), crew.coord, s.ref, kind, s.record_id, s.amend, REASON), WorkflowError,
        "entered in error")
    refused(db, s.author, s.ref, lambda: corrections.mark_entered_in_error(
        uow(), crew.coord, s.ref, kind, s.record_id, REASON), WorkflowError,
        "entered in error")
    assert s.figure() == s.in_error


# ---------------------------------------------------------------- rules of particular kinds


def test_a_record_is_corrected_only_on_its_own_case(crew: People) -> None:
    s = _intervention(crew)
    other = checkpoint_eligible(crew.db, crew.coord, crew.nav)
    refused(crew.db, crew.nav, other, lambda: corrections.amend(
        crew.db.uow(), crew.nav, other, s.kind, s.record_id, s.amend, REASON), NotFound,
        "not on case")
    refused(crew.db, crew.nav, s.ref, lambda: corrections.amend(
        crew.db.uow(), crew.nav, s.ref, s.kind, s.record_id, {"recorded_by_id": 1}, REASON),
        ValidationError, "not a field")


def test_a_consent_a_meeting_relied_on_cannot_be_withdrawn_as_an_error(crew: People) -> None:
    ref = nr_consented(crew.db, crew.coord, crew.fac, crew.fac2, consent_days_ago=30)
    hold_meeting(crew.db, crew.fac, crew.fac2, ref, held_days_ago=20)
    _, harmed = nr_parties(crew.db, crew.fac, ref)
    rid = _detail(crew.db, crew.fac, ref).party(harmed).consents[-1].id
    refused(crew.db, crew.fac, ref, lambda: corrections.mark_entered_in_error(
        crew.db.uow(), crew.fac, ref, EntryKind.CONSENT, rid, REASON), WorkflowError,
        "relied on this consent")
    refused(crew.db, crew.fac, ref, lambda: corrections.amend(
        crew.db.uow(), crew.fac, ref, EntryKind.CONSENT, rid, {"on": days_ago(15)}, REASON),
        WorkflowError, "relied on this consent")


def test_consent_dates_stay_in_order(crew: People) -> None:
    ref = nr_consented(crew.db, crew.coord, crew.fac, crew.fac2, consent_days_ago=30)
    _, harmed = nr_parties(crew.db, crew.fac, ref)
    people.record_consent(crew.db.uow(), crew.fac, ref, harmed, ConsentAction.WITHDRAWN,
                          days_ago(10))
    given = _detail(crew.db, crew.fac, ref).party(harmed).consents[0].id
    refused(crew.db, crew.fac, ref, lambda: corrections.amend(
        crew.db.uow(), crew.fac, ref, EntryKind.CONSENT, given, {"on": days_ago(5)}, REASON),
        ValidationError, "after the next consent record")


def test_an_assessment_recorded_again_keeps_the_old_values(crew: People) -> None:
    ref = checkpoint_eligible(crew.db, crew.coord, crew.nav)
    pathways.record_assessment(crew.db.uow(), crew.nav, ref, pathways.AssessmentStage.START,
                               days_ago(5), all_needs(level=2))
    pathways.record_assessment(crew.db.uow(), crew.nav, ref, pathways.AssessmentStage.START,
                               days_ago(4), all_needs(level=3)[:1])
    (entry,) = corrections.case_corrections(crew.db.uow(), crew.coord, ref)
    assert entry.reason == "Recorded again from the assessment form"
    assert {(c.label, c.before, c.after) for c in entry.changes} >= {
        ("Need", "2 Moderate need", "3 High need")}
    # an assessment in error is recorded afresh in its place, and stands again
    rid = entry.record_id
    corrections.mark_entered_in_error(crew.db.uow(), crew.nav, ref, EntryKind.ASSESSMENT, rid,
                                      REASON)
    assert rid not in {a.id for a in _detail(crew.db, crew.nav, ref).assessments}
    pathways.record_assessment(crew.db.uow(), crew.nav, ref, pathways.AssessmentStage.START,
                               days_ago(3), all_needs(level=1)[:1])
    assert rid in {a.id for a in _detail(crew.db, crew.nav, ref).assessments}


def _gateway_missed(p: People) -> tuple[str, int]:
    ref = make_case(p.db, p.coord, Scheme.GATEWAY, worker=p.mentor, days_ago=30)
    from app.services import cases

    cases.decide_eligibility(p.db.uow(), p.coord, ref, eligible=True, on=days_ago(28))
    appt = appointments.schedule(p.db.uow(), p.mentor, ref, AppointmentInput(
        at(-2), "Women's service keyworker", bail_condition=True))
    appointments.record_outcome(p.db.uow(), p.mentor, ref, appt, AppointmentStatus.MISSED)
    return ref, appt


def test_a_wrongly_missed_bail_appointment_corrected_to_kept_leaves_my_work(
        crew: People) -> None:
    ref, appt = _gateway_missed(crew)
    assert [w.case_reference for w in casefile.my_work(crew.db.uow(), crew.mentor).missed_bail
            ] == [ref]
    corrections.amend(crew.db.uow(), crew.mentor, ref, EntryKind.APPOINTMENT, appt,
                      {"status": AppointmentStatus.KEPT}, "She came; marked missed by mistake")
    assert casefile.my_work(crew.db.uow(), crew.mentor).missed_bail == ()
    (a,) = _detail(crew.db, crew.mentor, ref).appointments
    assert a.status == AppointmentStatus.KEPT.value
    (rev,) = corrections.open_record(crew.db.uow(), crew.mentor, ref, EntryKind.APPOINTMENT,
                                     appt).revisions
    assert [(c.label, c.before, c.after) for c in rev.changes] == [("Outcome", "missed", "kept")]


def test_a_missed_appointment_is_rebooked_from_its_own_row(crew: People) -> None:
    ref, appt = _gateway_missed(crew)
    view = corrections.open_record(crew.db.uow(), crew.mentor, ref, EntryKind.APPOINTMENT,
                                   appt)
    assert view.can_rebook
    new = appointments.rebook(crew.db.uow(), crew.mentor, ref, appt, at(3))
    rows = {a.id: a for a in _detail(crew.db, crew.mentor, ref).appointments}
    assert rows[appt].status == AppointmentStatus.MISSED.value  # the miss stays on record
    assert rows[new].status == AppointmentStatus.SCHEDULED.value and rows[new].bail_condition
    assert rows[new].purpose == rows[appt].purpose
    after = corrections.open_record(crew.db.uow(), crew.mentor, ref, EntryKind.APPOINTMENT,
                                    appt)
    assert not after.can_rebook and ("Booked again for" in dict(after.extra))
    refused(crew.db, crew.mentor, ref, lambda: appointments.rebook(
        crew.db.uow(), crew.mentor, ref, appt, at(4)), WorkflowError, "rebooked already")
    refused(crew.db, crew.mentor, ref, lambda: appointments.rebook(
        crew.db.uow(), crew.mentor, ref, new, at(4)), WorkflowError, "Only a missed")
    refused(crew.db, crew.mentor, ref, lambda: appointments.rebook(
        crew.db.uow(), crew.mentor, ref, appt, at(-1)), ValidationError, "still to come")


def test_a_record_is_read_whole_with_its_notes(crew: People) -> None:
    s = _meeting(crew)
    corrections.amend(crew.db.uow(), crew.fac, s.ref, s.kind, s.record_id,
                      {"notes": "Minutes: " + "both spoke. " * 400}, REASON)
    view = corrections.open_record(crew.db.uow(), crew.fac, s.ref, s.kind, s.record_id)
    notes = next(f for f in view.fields if f.name == "notes")
    assert notes.value.startswith("Minutes: ") and len(notes.value) > 4000
    assert {role for role, _ in view.extra} == {"Harmer", "Harmed"}
    assert count(crew.db, "audit_events", "action = 'record.view'") == 1


def test_anonymising_scrubs_what_the_corrections_kept(db: Database, coord: Actor,
                                                      nav: Actor) -> None:
    from app.services import retention
    from tests.services.test_security_retention import NOTE, _all_text, closed_case

    ref = closed_case(db, coord, nav)
    iid = _detail(db, coord, ref).interventions[0].id
    corrections.amend(db.uow(), coord, ref, EntryKind.INTERVENTION, iid,
                      {"notes": "zqcorrectedword"}, "zqreasonword")
    assert NOTE in _all_text(db)  # the original is kept by the correction
    retention.anonymise(db.uow(), coord, ref, "Retention period over")
    everything = _all_text(db)
    for word in (NOTE, "zqcorrectedword", "zqreasonword"):
        assert word not in everything, word
    assert count(db, "record_corrections") == 1


def test_an_appointment_entered_in_error_leaves_my_work_and_the_diary(crew: People) -> None:
    from app.services import calendar

    ref, _ = _gateway_missed(crew)
    appt = appointments.schedule(crew.db.uow(), crew.mentor, ref, AppointmentInput(
        at(0, hour=23), "Booked on the wrong case", bail_condition=True))
    diary = calendar.diary_ics(crew.db.uow(), crew.mentor, date.today(),
                               date.today() + timedelta(days=2))
    assert diary.count(b"BEGIN:VEVENT") == 1
    assert len(casefile.my_work(crew.db.uow(), crew.mentor).appointments_today) == 1
    corrections.mark_entered_in_error(crew.db.uow(), crew.mentor, ref, EntryKind.APPOINTMENT,
                                      appt, "Booked on the wrong case")
    diary = calendar.diary_ics(crew.db.uow(), crew.mentor, date.today(),
                               date.today() + timedelta(days=2))
    assert diary.count(b"BEGIN:VEVENT") == 0
    assert casefile.my_work(crew.db.uow(), crew.mentor).appointments_today == ()


def test_a_condition_set_by_mistake_leaves_the_case_and_can_be_set_again(crew: People) -> None:
    """Entered in error, a condition no longer holds up completion; the list's condition can
    be put on the case again; an amended result can go back to open (no date)."""
    s = _condition(crew)
    db, uow = crew.db, crew.db.uow
    second = _detail(db, crew.coord, s.ref).gateway_conditions[1]
    corrections.mark_entered_in_error(uow(), crew.coord, s.ref, s.kind, second.id,
                                      "Not a condition of her bail")
    (left,) = _detail(db, crew.coord, s.ref).gateway_conditions
    assert left.id == s.record_id
    again = gateway.add_condition(uow(), crew.coord, s.ref, second.code)
    assert again != second.id
    corrections.amend(uow(), crew.coord, s.ref, s.kind, s.record_id,
                      {"state": ConditionState.OPEN}, "Recorded on the wrong condition")
    first = _detail(db, crew.coord, s.ref).gateway_conditions[0]
    assert (first.state, first.decided_on) == (ConditionState.OPEN, None)
    refused(db, crew.coord, s.ref, lambda: corrections.amend(
        uow(), crew.coord, s.ref, s.kind, s.record_id, {"state": ConditionState.MET},
        REASON), ValidationError, "Give the day")
