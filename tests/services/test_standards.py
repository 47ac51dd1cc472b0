"""The standards' alerts on My work appear on the right days (a fixed 'today'), and the
figures a provider reports count what they say."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import AccessDenied
from app.models.cases import Scheme
from app.models.practitioners import DbsLevel, PractitionerKind, RjcLevel
from app.services import complaints, demo, practitioners, safeguards, standards
from app.services.practitioners import PractitionerInput
from app.services.standards import AlertKind
from tests.factories import make_case
from tests.services.journeys import nr_parties

TODAY = date(2026, 11, 30)
NR = Scheme.NEIGHBOURHOOD_RESOLUTION


def _setup(db, coord, fac, *, check_due: date, renewal: date) -> None:
    practitioners.add_practitioner(db.uow(), coord, fac.username, PractitionerInput(
        kind=PractitionerKind.VOLUNTEER, schemes=(NR,), started_on=date(2025, 1, 6),
        rjc_level=RjcLevel.REGISTERED, rjc_number="RJC123", rjc_renewal_on=renewal))
    practitioners.record_check(db.uow(), coord, fac.username, level=DbsLevel.ENHANCED,
                               certificate_number="001234567890",
                               issued_on=check_due.replace(year=check_due.year - 3))
    practitioners.record_supervision(db.uow(), coord, fac.username, held_on=date(2026, 11, 2),
                                     supervisor=coord.username)


def _mine(db, coord, kind: AlertKind, today: date) -> list[tuple[str, bool]]:
    return [(a.what, a.urgent) for a in standards.alerts(db.uow(), coord, today)
            if a.kind is kind]


@pytest.mark.parametrize("days_left,expected", [
    (61, []),
    (60, [("DBS check lapses within 60 days", False)]),
    (31, [("DBS check lapses within 60 days", False)]),
    (30, [("DBS check lapses within 30 days", False)]),
    (8, [("DBS check lapses within 30 days", False)]),
    (7, [("DBS check lapses within 7 days", True)]),
    (0, [("DBS check lapses within 7 days", True)]),
    (-1, [("DBS check lapsed on 29 Nov 2026", True)]),
])
def test_check_alerts_at_60_30_and_7_days(db, coord, fac, days_left, expected) -> None:
    _setup(db, coord, fac, check_due=TODAY + timedelta(days=days_left),
           renewal=date(2027, 6, 1))
    # the day the check is due is recorded as certificate date + 3 years (clamped)
    assert _mine(db, coord, AlertKind.CHECK, TODAY) == expected
    assert _mine(db, coord, AlertKind.REGISTRATION, TODAY) == []
    assert standards.alerts(db.uow(), fac, TODAY) == []  # a coordinator's alerts


def test_registration_and_supervision_alerts(db, coord, fac) -> None:
    _setup(db, coord, fac, check_due=date(2028, 1, 5), renewal=TODAY + timedelta(days=30))
    assert _mine(db, coord, AlertKind.REGISTRATION, TODAY) == [
        ("RJC registration lapses within 30 days", False)]
    assert _mine(db, coord, AlertKind.SUPERVISION, TODAY) == []
    later = date(2027, 2, 1)  # 91 days after the last session
    assert _mine(db, coord, AlertKind.SUPERVISION, later) == [
        ("Supervision overdue (last 02 Nov 2026)", False)]


def test_victims_code_and_complaint_clocks_on_my_work(db, coord) -> None:
    ref = make_case(db, coord, NR, days_ago=(date.today() - date(2026, 11, 20)).days)
    _participant, harmed = nr_parties(db, coord, ref)
    # referred Fri 20 Nov: 10 working days -> Fri 4 Dec; shown from 5 working days before
    assert _mine(db, coord, AlertKind.VICTIMS_CODE, date(2026, 11, 26)) == []
    assert _mine(db, coord, AlertKind.VICTIMS_CODE, date(2026, 11, 27)) == [
        ("Victims' Code offer due", False)]
    assert _mine(db, coord, AlertKind.VICTIMS_CODE, date(2026, 12, 7)) == [
        ("Victims' Code offer overdue", True)]
    safeguards.record_offer(db.uow(), coord, ref, harmed, offered_on=date(2026, 11, 25))
    assert _mine(db, coord, AlertKind.VICTIMS_CODE, date(2026, 12, 7)) == []

    cid = complaints.record_complaint(db.uow(), coord, received_on=date(2026, 11, 20),
                                      complainant="A neighbour", about="Late", today=TODAY)
    assert _mine(db, coord, AlertKind.COMPLAINT, TODAY) == [
        ("Acknowledge the complaint from A neighbour", True)]  # due 25 Nov
    complaints.acknowledge(db.uow(), coord, cid, date(2026, 11, 23), today=TODAY)
    assert _mine(db, coord, AlertKind.COMPLAINT, TODAY) == []
    assert _mine(db, coord, AlertKind.COMPLAINT, date(2026, 12, 11)) == [
        ("Answer the complaint from A neighbour", False)]  # due 18 Dec


def test_the_standards_figures(db, coord, fac, fac2) -> None:
    _setup(db, coord, fac, check_due=date(2028, 1, 5), renewal=date(2027, 6, 1))
    practitioners.add_practitioner(db.uow(), coord, fac2.username, PractitionerInput(
        kind=PractitionerKind.VOLUNTEER, schemes=(NR,), started_on=date(2025, 1, 6)))
    practitioners.record_cpd(db.uow(), fac2, fac2.username, on=date(2026, 10, 1), hours=3,
                             activity="Webinar")
    ref = make_case(db, coord, NR, days_ago=(date.today() - date(2026, 9, 1)).days)
    _p, harmed = nr_parties(db, coord, ref)
    safeguards.record_offer(db.uow(), coord, ref, harmed, offered_on=date(2026, 9, 3))
    late = complaints.record_complaint(db.uow(), coord, received_on=date(2026, 9, 1),
                                       complainant="A", about="x")
    complaints.resolve(db.uow(), coord, late, on=date(2026, 10, 30), outcome="Sorry",
                       upheld=True)
    f = standards.figures(db.uow(), coord, date(2026, 9, 1), date(2026, 11, 30))
    assert (f.practitioners, f.registered, f.registered_pct) == (2, 1, 50.0)
    assert (f.supervised, f.lapsed_checks, f.training_hours) == (1, 1, 3)
    assert (f.complaints_due, f.complaints_in_time, f.complaints_in_time_pct) == (1, 0, 0.0)
    assert (f.vc_offers_due, f.vc_offers_in_time_pct) == (1, 100.0)
    with pytest.raises(AccessDenied):
        standards.figures(db.uow(), fac, date(2026, 9, 1), date(2026, 11, 30))


def test_victims_code_offers_are_counted_as_the_clocks_list_them(db) -> None:
    """The board report counts the offers in the database; the per-party clocks agree."""
    demo.build(db.uow(), cases=120, seed=11)
    with db.uow() as uow:
        listed = safeguards.clocks(uow)
    assert any(c.offered_on for c in listed) and any(c.offered_on is None for c in listed)
    today = date.today()
    for start, end in ((today - timedelta(days=90), today),
                       (today - timedelta(days=3650), today),
                       (today - timedelta(days=400), today - timedelta(days=200))):
        offers = [c for c in listed if start <= c.due_on <= end
                  and (c.offered_on is not None or c.due_on < end)]
        with db.uow() as uow:
            assert safeguards.offers_due(uow, start, end) == (
                len(offers), sum(1 for c in offers if c.in_time)), (start, end)


def test_my_work_lists_the_waiting_offers_the_clocks_would_list_first_and_counts_them_all(
        db) -> None:
    """My work's Victims' Code rows are found in the database (not by reading every open
    case's parties): the same offers, soonest first, as the per-party clocks give, the first
    few listed and every one counted."""
    from sqlalchemy import select

    from app.models.cases import Case
    from app.models.users import Role
    from app.services import users
    from app.services.workflow import ACTIVE_STAGES

    demo.build(db.uow(), cases=120, seed=11)
    coord = next(u for u in users.list_users(db.uow()) if u.role is Role.COORDINATOR)
    actor = users.sign_in(db.uow(), coord.username, demo.DEMO_PASSWORD)
    today = date.today()
    with db.uow() as uow:
        refs = set(uow.session.scalars(select(Case.reference).where(
            Case.status.in_(ACTIVE_STAGES))))
        listed = [c for c in safeguards.clocks(uow) if c.case_reference in refs]
    totals = []
    for soon in (today, today + timedelta(days=10), today - timedelta(days=200)):
        want = sorted((c for c in listed if c.offered_on is None and c.due_on <= soon),
                      key=lambda c: (c.due_on, c.case_reference))
        with db.uow() as uow:
            got, total = safeguards.waiting_offers(uow, ACTIVE_STAGES, soon, limit=5)
        assert total == len(want), soon
        totals.append(total)
        assert [(c.party_id, c.due_on) for c in got[:5]] == \
            [(c.party_id, c.due_on) for c in want[:5]], soon
        assert len(got) >= min(5, total) and {c.party_id for c in got} <= {
            c.party_id for c in want}
    assert max(totals) > 5  # the demo has offers waiting: the first five are a real cut
    shown, counted = standards.my_alerts(db.uow(), actor, today, limit=3)
    every = standards.alerts(db.uow(), actor, today)
    assert shown == every[:3] and counted == len(every) > 3
