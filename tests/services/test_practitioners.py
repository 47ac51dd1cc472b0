"""The practitioner register and the standards' rules: each accepted, and refused with
nothing saved (checked over every row of every table)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from app.errors import AccessDenied, NotFound, ValidationError, WorkflowError
from app.models.cases import ConsentAction, Scheme
from app.models.practitioners import (
    DbsLevel,
    ExpenseKind,
    ExpenseStatus,
    PractitionerKind,
    RjcLevel,
)
from app.models.safeguards import ConsentMethod, RiskLevel, RiskStage, SensitiveKind
from app.models.users import Role
from app.services import (
    cases,
    complaints,
    expenses,
    people,
    practitioners,
    safeguards,
)
from app.services import standards_settings as limits
from app.services.practitioners import PractitionerInput
from tests.factories import make_case, make_user
from tests.services.journeys import (
    count,
    days_ago,
    hold_meeting,
    nr_consented,
    nr_parties,
    refused,
)

NR = Scheme.NEIGHBOURHOOD_RESOLUTION
VOLUNTEER = PractitionerInput(kind=PractitionerKind.VOLUNTEER, schemes=(NR,),
                              started_on=date(2024, 3, 1), languages="English, Welsh")


def register(db, coord, who, *, checked_days_ago: int | None = 100, kind=None) -> None:
    data = VOLUNTEER if kind is None else PractitionerInput(kind=kind, schemes=(NR,),
                                                            started_on=date(2020, 1, 6))
    practitioners.add_practitioner(db.uow(), coord, who.username, data)
    if checked_days_ago is not None:
        practitioners.record_check(db.uow(), coord, who.username, level=DbsLevel.ENHANCED,
                                   certificate_number="001234567890",
                                   issued_on=days_ago(checked_days_ago))


def allocation_risk(db, coord, ref, sensitive=None) -> None:
    safeguards.record_risk_assessment(db.uow(), coord, ref, stage=RiskStage.ALLOCATION,
                                      assessed_on=days_ago(1), level=RiskLevel.LOW,
                                      sensitive=sensitive)


# ---------------------------------------------------------------- the register and access


def test_coordinator_keeps_the_register_and_a_practitioner_sees_only_their_own(
        db, coord, fac, fac2) -> None:
    admin = make_user(db, Role.ADMINISTRATOR)
    register(db, coord, fac)
    register(db, coord, fac2, checked_days_ago=None)
    rows = practitioners.list_practitioners(db.uow(), coord)
    assert [(r.username, r.check_lapsed) for r in rows] == [
        (fac2.username, True), (fac.username, False)]
    assert [r.username for r in practitioners.list_practitioners(db.uow(), fac)] == [
        fac.username]
    own = practitioners.get_practitioner(db.uow(), fac, fac.username)
    assert own.row.languages == "English, Welsh" and own.checks[0].level is DbsLevel.ENHANCED
    with pytest.raises(AccessDenied, match="only your own"):
        practitioners.get_practitioner(db.uow(), fac, fac2.username)
    refused(db, admin, None, lambda: practitioners.list_practitioners(db.uow(), admin),
            AccessDenied, "Administrators manage accounts")
    refused(db, fac, None, lambda: practitioners.record_check(
        db.uow(), fac, fac.username, level=DbsLevel.BASIC, certificate_number="001234567891",
        issued_on=days_ago(1)), AccessDenied, "Only coordinators")
    # a practitioner adds their own CPD and availability
    practitioners.record_cpd(db.uow(), fac, fac.username, on=days_ago(10), hours="2.5",
                             activity="Peer practice evening")
    practitioners.add_unavailability(db.uow(), fac, fac.username, starts_on=days_ago(-5),
                                     ends_on=days_ago(-9), reason="Holiday")
    assert practitioners.get_practitioner(db.uow(), coord, fac.username).row \
        .cpd_hours_12_months == Decimal("2.5")
    assert count(db, "audit_events", "action = 'practitioner.view'") == 2
    assert count(db, "audit_events", "action = 'practitioner.view-refused'") == 1


def test_bad_register_input_is_refused_naming_it(db, coord, fac) -> None:
    refused(db, coord, None, lambda: practitioners.add_practitioner(
        db.uow(), coord, fac.username, PractitionerInput(
            kind=PractitionerKind.VOLUNTEER, schemes=(NR,), started_on=date(2024, 1, 1),
            rjc_level=RjcLevel.REGISTERED, rjc_number="RJC1")),
        ValidationError, "renewal")
    refused(db, coord, None, lambda: practitioners.add_practitioner(
        db.uow(), coord, "nobody", VOLUNTEER), NotFound, "no user 'nobody'")
    register(db, coord, fac, checked_days_ago=None)
    refused(db, coord, None, lambda: practitioners.record_check(
        db.uow(), coord, fac.username, level=DbsLevel.ENHANCED, certificate_number="12-34",
        issued_on=days_ago(3)), ValidationError, "12 digits")
    refused(db, coord, None, lambda: practitioners.record_training(
        db.uow(), coord, fac.username, course="Foundation", completed_on=days_ago(-2),
        hours=18), ValidationError, "in the future")


def test_dbs_due_dates_follow_the_recheck_period_and_the_update_service(db, coord, fac) -> None:
    register(db, coord, fac, checked_days_ago=None)
    check = practitioners.record_check(db.uow(), coord, fac.username, level=DbsLevel.ENHANCED,
                                       certificate_number="0012 3456 7890",
                                       issued_on=date(2023, 6, 1))
    assert (check.certificate_number, check.next_due_on) == ("001234567890", date(2026, 6, 1))
    assert practitioners.record_update_check(db.uow(), coord, fac.username,
                                             date(2026, 5, 20)) == date(2027, 5, 20)
    assert practitioners.get_practitioner(db.uow(), coord, fac.username).row.check_lapsed \
        is False


# ---------------------------------------------------------------- vetting at assignment


def test_a_registered_volunteer_without_a_current_check_is_not_assigned(db, coord, fac) -> None:
    ref = make_case(db, coord, NR)
    register(db, coord, fac, checked_days_ago=None)
    allocation_risk(db, coord, ref)
    refused(db, coord, ref, lambda: cases.assign(db.uow(), coord, ref, worker_id=fac.user_id),
            WorkflowError, "Assignment refused: .* has no DBS check recorded")
    practitioners.record_check(db.uow(), coord, fac.username, level=DbsLevel.ENHANCED,
                               certificate_number="001234567890", issued_on=days_ago(1200))
    refused(db, coord, ref, lambda: cases.assign(db.uow(), coord, ref, worker_id=fac.user_id),
            WorkflowError, r"DBS check lapsed on \d\d \w\w\w \d{4}")
    practitioners.record_check(db.uow(), coord, fac.username, level=DbsLevel.ENHANCED,
                               certificate_number="001234567891", issued_on=days_ago(5))
    cases.assign(db.uow(), coord, ref, worker_id=fac.user_id)
    # every assignment asks the practitioner to confirm they know no one on the case
    assert [c.case_reference for c in practitioners.pending_confirmations(db.uow(), fac)] == [ref]
    practitioners.confirm_no_conflict(db.uow(), fac, ref)
    assert practitioners.pending_confirmations(db.uow(), fac) == []


def test_a_volunteer_gets_a_case_only_after_its_allocation_risk_assessment(
        db, coord, fac) -> None:
    ref = make_case(db, coord, NR)
    register(db, coord, fac)
    refused(db, coord, ref, lambda: cases.assign(db.uow(), coord, ref, worker_id=fac.user_id),
            WorkflowError, "no risk assessment before allocation")
    refused(db, coord, None, lambda: make_case(db, coord, NR, worker=fac), WorkflowError,
            "no risk assessment before allocation")


def test_a_lapsed_check_refuses_the_meeting_naming_the_lapse(db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    register(db, coord, fac2, checked_days_ago=1200)
    refused(db, fac, ref, lambda: hold_meeting(db, fac, fac2, ref), WorkflowError,
            f"Meeting refused: {fac2.full_name}'s DBS check lapsed on")


# ---------------------------------------------------------------- conflicts and objections


def test_a_declared_conflict_refuses_assignment_to_that_persons_case(db, coord, fac) -> None:
    ref = make_case(db, coord, NR)
    register(db, coord, fac)
    allocation_risk(db, coord, ref)
    assert practitioners.declare_conflict(db.uow(), fac, fac.username,
                                          person_name="  harriet   WELLS ",
                                          how="My neighbour") == []
    refused(db, coord, ref, lambda: cases.assign(db.uow(), coord, ref, worker_id=fac.user_id),
            WorkflowError, "declared that they know Harriet Wells \\(My neighbour\\)")
    register_rows = practitioners.conflict_register(db.uow(), coord)
    assert [(c.username, c.person_name) for c in register_rows] == [
        (fac.username, "harriet WELLS")]
    refused(db, fac, None, lambda: practitioners.conflict_register(db.uow(), fac),
            AccessDenied, "Only coordinators")


def test_declaring_a_conflict_names_the_cases_already_assigned(db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    register(db, coord, fac)
    assert practitioners.declare_conflict(db.uow(), coord, fac.username,
                                          person_name="Harriet Wells", how="Cousin") == [ref]
    refused(db, fac, ref, lambda: hold_meeting(db, fac, fac2, ref), WorkflowError,
            "declared that they know Harriet Wells")


def test_a_partys_objection_to_a_facilitator_is_respected(db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    third = make_user(db, Role.FACILITATOR, full_name="Nell Third")
    _participant, harmed = nr_parties(db, coord, ref)
    assert safeguards.record_objection(db.uow(), coord, ref, party_id=harmed,
                                       facilitator=third.username, reason="Knows her") is False
    refused(db, coord, ref, lambda: cases.assign(db.uow(), coord, ref, worker_id=fac.user_id,
                                                 coworker_id=third.user_id),
            WorkflowError, "has objected to Nell Third")
    refused(db, fac, ref, lambda: hold_meeting(db, fac, third, ref), WorkflowError,
            "has objected to Nell Third")


# ---------------------------------------------------------------- risk assessment


def test_a_meeting_needs_a_current_risk_assessment(db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2, consent_days_ago=40)  # assessed 37 days ago
    refused(db, fac, ref, lambda: hold_meeting(db, fac, fac2, ref, held_days_ago=38),
            WorkflowError, "no risk assessment in preparation")
    limits.set_value(db.uow(), coord, "risk_assessment_valid_days", 14)
    refused(db, fac, ref, lambda: hold_meeting(db, fac, fac2, ref, held_days_ago=20),
            WorkflowError, "is more than 14 days old: assess it again")
    limits.set_value(db.uow(), coord, "risk_assessment_valid_days", 90)
    assert hold_meeting(db, fac, fac2, ref, held_days_ago=20)


def test_a_sensitive_case_needs_a_staff_facilitator(db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    safeguards.record_risk_assessment(db.uow(), coord, ref, stage=RiskStage.PREPARATION,
                                      assessed_on=days_ago(25), level=RiskLevel.MEDIUM,
                                      sensitive=SensitiveKind.HATE_CRIME)
    refused(db, fac, ref, lambda: hold_meeting(db, fac, fac2, ref), WorkflowError,
            f"flagged hate crime: it needs a staff facilitator to lead it, and "
            f"{fac.full_name} is a volunteer")
    refused(db, coord, ref, lambda: cases.assign(db.uow(), coord, ref, worker_id=fac.user_id,
                                                 coworker_id=fac2.user_id),
            WorkflowError, "needs a staff facilitator")
    cases.assign(db.uow(), coord, ref, worker_id=coord.user_id, coworker_id=fac.user_id)
    assert hold_meeting(db, coord, fac, ref)
    refused(db, coord, ref, lambda: safeguards.record_risk_assessment(
        db.uow(), coord, ref, stage=RiskStage.PREPARATION, assessed_on=days_ago(1),
        level=RiskLevel.HIGH), ValidationError, "what makes the risk high")


# ---------------------------------------------------------------- bookings and availability


def _slot(days_ahead: int, hour: int) -> tuple[datetime, datetime]:
    start = datetime.combine(date.today() + timedelta(days=days_ahead),
                             datetime.min.time()).replace(hour=hour).astimezone(UTC)
    return start, start + timedelta(hours=2)


def test_facilitators_are_not_double_booked_nor_booked_when_unavailable(
        db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    other = nr_consented(db, coord, fac, fac2)
    third = make_user(db, Role.FACILITATOR, full_name="Nell Third")
    start, end = _slot(3, 10)
    safeguards.book_meeting(db.uow(), fac, ref, starts_at=start, ends_at=end,
                            facilitator_id=fac.user_id, cofacilitator_id=fac2.user_id)
    refused(db, coord, other, lambda: safeguards.book_meeting(
        db.uow(), coord, other, starts_at=start + timedelta(hours=1),
        ends_at=end + timedelta(hours=1), facilitator_id=third.user_id,
        cofacilitator_id=fac2.user_id),
        WorkflowError, f"Booking refused: {fac2.full_name} is already booked from")
    # back to back is fine
    safeguards.book_meeting(db.uow(), coord, other, starts_at=end, ends_at=end +
                            timedelta(hours=1), facilitator_id=third.user_id,
                            cofacilitator_id=fac2.user_id)
    register(db, coord, third)
    practitioners.add_unavailability(db.uow(), third, third.username,
                                     starts_on=date.today() + timedelta(days=5),
                                     ends_on=date.today() + timedelta(days=6))
    s2, e2 = _slot(6, 10)
    refused(db, coord, other, lambda: safeguards.book_meeting(
        db.uow(), coord, other, starts_at=s2, ends_at=e2, facilitator_id=third.user_id),
        WorkflowError, "Nell Third is unavailable on")
    assert len(safeguards.bookings(db.uow(), coord, ref)) == 1


# ---------------------------------------------------------------- consent evidence


def test_consent_in_writing_needs_its_signed_form(db, coord, fac, fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    participant, harmed = nr_parties(db, coord, ref)
    refused(db, fac, ref, lambda: safeguards.record_consent_evidence(
        db.uow(), fac, ref, party_id=harmed, method=ConsentMethod.WRITING,
        taken_by=fac.username), ValidationError, "needs the signed form")
    safeguards.record_consent_evidence(db.uow(), fac, ref, party_id=harmed,
                                       method=ConsentMethod.WRITING, taken_by=fac.username,
                                       form_name="form.pdf", form=b"%PDF-1.4 signed")
    refused(db, fac, ref, lambda: safeguards.record_consent_evidence(
        db.uow(), fac, ref, party_id=harmed, method=ConsentMethod.PHONE,
        taken_by=fac.username), WorkflowError, "already has its evidence")
    people.record_consent(db.uow(), fac, ref, participant, ConsentAction.WITHDRAWN,
                          days_ago(2))
    safeguards.record_consent_evidence(db.uow(), fac, ref, party_id=participant,
                                       method=ConsentMethod.PHONE, taken_by=fac2.username)
    assert count(db, "consent_evidence") == 2


# ---------------------------------------------------------------- Victims' Code


def test_working_days_skip_weekends_and_bank_holidays() -> None:
    assert limits.add_working_days(date(2026, 12, 22), 10) == date(2027, 1, 8)
    assert limits.add_working_days(date(2026, 12, 22), 5) == date(2026, 12, 31)
    assert limits.add_working_days(date(2026, 8, 27), 5) == date(2026, 9, 4)
    # Scotland has no August bank holiday at the end of the month, but a 2 January one
    assert limits.add_working_days(date(2026, 8, 27), 5, "scotland") == date(2026, 9, 3)


def test_victims_code_offer_is_due_in_working_days_from_referral(db, coord) -> None:
    ref = make_case(db, coord, NR, days_ago=(date.today() - date(2026, 8, 27)).days)
    _participant, harmed = nr_parties(db, coord, ref)
    [clock] = safeguards.victims_code(db.uow(), coord, ref)
    assert (clock.due_on, clock.offered_on, clock.in_time) == (date(2026, 9, 11), None, None)
    assert safeguards.set_enhanced_rights(db.uow(), coord, ref, harmed, True) == date(2026, 9, 4)
    refused(db, coord, ref, lambda: safeguards.record_offer(
        db.uow(), coord, ref, harmed, offered_on=date(2026, 8, 1)), ValidationError,
        "before the referral")
    assert safeguards.record_offer(db.uow(), coord, ref, harmed, offered_on=date(2026, 9, 7),
                                   how="Phone call") is False
    refused(db, coord, ref, lambda: safeguards.record_offer(
        db.uow(), coord, ref, harmed, offered_on=date(2026, 9, 8)), WorkflowError,
        "already recorded")
    participant = _participant
    refused(db, coord, ref, lambda: safeguards.record_offer(
        db.uow(), coord, ref, participant, offered_on=date(2026, 9, 1)), ValidationError,
        "to a harmed party")


# ---------------------------------------------------------------- complaints


def test_complaints_have_acknowledgement_and_response_clocks(db, coord, fac) -> None:
    ref = make_case(db, coord, NR)
    cid = complaints.record_complaint(
        db.uow(), coord, received_on=date(2026, 8, 27), complainant="A neighbour",
        about="Late to the visit", case_reference=ref, practitioner=fac.username)
    [row] = complaints.list_complaints(db.uow(), coord)
    assert (row.acknowledge_by, row.respond_by) == (date(2026, 9, 2), date(2026, 9, 25))
    refused(db, coord, None, lambda: complaints.resolve(
        db.uow(), coord, cid, on=date(2026, 9, 20), outcome=" ", upheld=False),
        ValidationError, "Say what the answer")
    complaints.acknowledge(db.uow(), coord, cid, date(2026, 8, 28))
    complaints.resolve(db.uow(), coord, cid, on=date(2026, 9, 20), outcome="Apologised",
                       upheld=True)
    assert complaints.list_complaints(db.uow(), coord)[0].answered_in_time is True
    refused(db, fac, None, lambda: complaints.list_complaints(db.uow(), fac), AccessDenied,
            "Only coordinators")


# ---------------------------------------------------------------- expenses


def test_expenses_are_claimed_decided_paid_and_exported_safely(db, coord, fac, fac2,
                                                               tmp_path) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    register(db, coord, fac)
    mileage = expenses.claim(db.uow(), fac, fac.username, incurred_on=days_ago(3),
                             kind=ExpenseKind.MILEAGE, miles="12.5", case_reference=ref,
                             description="=HYPERLINK(\"http://x\") drive to visit")
    bus = expenses.claim(db.uow(), fac, fac.username, incurred_on=days_ago(2),
                         kind=ExpenseKind.OUT_OF_POCKET, amount="3.40", case_reference=ref,
                         description="Bus fare")
    refused(db, fac, None, lambda: expenses.claim(
        db.uow(), fac, fac.username, incurred_on=days_ago(1), kind=ExpenseKind.MILEAGE,
        case_reference=ref, description="Drive"), ValidationError, "miles driven")
    refused(db, fac2, None, lambda: expenses.claim(
        db.uow(), fac2, fac.username, incurred_on=days_ago(1), kind=ExpenseKind.OUT_OF_POCKET,
        amount=2, case_reference=ref, description="Tea"), AccessDenied, "only for yourself")
    refused(db, fac, None, lambda: expenses.decide(db.uow(), fac, bus, approve=True),
            AccessDenied, "Only coordinators")
    refused(db, coord, None, lambda: expenses.decide(db.uow(), coord, bus, approve=False),
            ValidationError, "why the claim is refused")
    expenses.decide(db.uow(), coord, mileage, approve=True)
    expenses.decide(db.uow(), coord, bus, approve=False, reason="Not on the approved route")
    refused(db, coord, None, lambda: expenses.mark_paid(db.uow(), coord, bus,
                                                        paid_on=date.today()),
            WorkflowError, "only an approved claim is paid")
    expenses.mark_paid(db.uow(), coord, mileage, paid_on=date.today())
    claims = expenses.list_expenses(db.uow(), fac)
    assert [(c.amount, c.status) for c in claims] == [
        (Decimal("5.63"), ExpenseStatus.PAID), (Decimal("3.40"), ExpenseStatus.REFUSED)]
    out = tmp_path / "expenses.csv"
    assert expenses.export_csv(db.uow(), coord, out, status=None) == 2
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


# ---------------------------------------------------------------- supervision


def test_supervision_names_cases_by_reference_and_another_supervisor(db, coord, fac,
                                                                     fac2) -> None:
    ref = nr_consented(db, coord, fac, fac2)
    register(db, coord, fac)
    refused(db, coord, None, lambda: practitioners.record_supervision(
        db.uow(), coord, fac.username, held_on=days_ago(2), supervisor=coord.username,
        cases_discussed=["NR-2020-9999"]), ValidationError, "no case NR-2020-9999")
    refused(db, coord, None, lambda: practitioners.record_supervision(
        db.uow(), coord, fac.username, held_on=days_ago(2), supervisor=fac2.username),
        ValidationError, "not a member of staff")
    practitioners.record_supervision(db.uow(), coord, fac.username, held_on=days_ago(2),
                                     supervisor=coord.username, cases_discussed=[ref.lower()],
                                     notes="Went well", actions="Read the guidance",
                                     sign_off=True)
    detail = practitioners.get_practitioner(db.uow(), coord, fac.username)
    assert detail.supervision[0].cases_discussed == (ref,)
    assert detail.row.last_supervision == days_ago(2) and not detail.row.supervision_overdue


@pytest.mark.parametrize("key,bad", [("supervision_max_days", 2), ("nation", "mars"),
                                     ("no-such", 3)])
def test_limits_refuse_values_out_of_range(db, coord, key, bad) -> None:
    refused(db, coord, None, lambda: limits.set_value(db.uow(), coord, key, bad),
            ValidationError, ".")


def test_the_redacted_supervision_record_reads_back(db, coord, fac, fac2) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    ref = nr_consented(db, coord, fac, fac2)
    register(db, coord, fac)
    practitioners.record_training(db.uow(), coord, fac.username, course="Foundation course",
                                  completed_on=days_ago(300), hours=18)
    practitioners.record_supervision(db.uow(), coord, fac.username, held_on=days_ago(2),
                                     supervisor=coord.username, cases_discussed=[ref],
                                     notes="Harriet Wells was upset", actions="Call back",
                                     sign_off=True)
    pdf = practitioners.supervision_record_pdf(db.uow(), coord, fac.username)
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "Supervision record" in text and ref in text and "Call back" in text
    assert fac.full_name in text and "Foundation course" in text
    assert "Harriet" not in text and "upset" not in text
    refused(db, fac, None, lambda: practitioners.supervision_record_pdf(db.uow(), fac,
                                                                        fac.username),
            AccessDenied, "Only coordinators")
