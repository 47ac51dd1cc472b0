"""Demo data for the practitioner register and the standards: realistic records with some
checks and registrations lapsing soon, one lapsed check, one declared conflict, supervision
overdue for one volunteer, risk assessments and consent evidence on the restorative cases,
Victims' Code offers (most in time), complaints and expense claims in each state.

``CaseRecords`` writes each case's records with the case's own rows (bulk Core inserts, no
query per case); ``add`` is called by ``demo.build`` inside its transaction, after the cases are
written, for the practitioners and the handful of one-off records.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.cases import CaseParty, CaseStatus, PartyRole
from app.models.people import Person
from app.models.practitioners import (
    AssignmentConfirmation,
    ConflictDeclaration,
    CpdEntry,
    DbsLevel,
    Expense,
    ExpenseKind,
    ExpenseStatus,
    FacilitatorObjection,
    MeetingBooking,
    Practitioner,
    PractitionerKind,
    RjcLevel,
    SupervisionKind,
    SupervisionSession,
    TrainingRecord,
    Unavailability,
    VettingCheck,
)
from app.models.safeguards import (
    Complaint,
    ConsentEvidence,
    ConsentMethod,
    RiskAssessment,
    RiskLevel,
    RiskStage,
    SensitiveKind,
    VictimsCodeRecord,
)
from app.models.users import Role, User
from app.services import standards_settings as limits
from app.services.cases import add_months

#: Extra volunteers of the demo (besides facilitator and facilitator2).
EXTRA_VOLUNTEERS = [("facilitator3", "Rhian Ellis"), ("facilitator4", "Kofi Mensah")]

#: username -> (kind, schemes, years in post, RJC level, days to RJC renewal,
#:              days until the DBS check is due, days since last supervision, languages)
PROFILE: dict[str, tuple[PractitionerKind, str, int, RjcLevel | None, int, int, int, str]] = {
    "coordinator": (PractitionerKind.STAFF, "neighbourhood-resolution,checkpoint", 8,
                    RjcLevel.ACCREDITED, 240, 400, 40, "English"),
    "navigator": (PractitionerKind.STAFF, "checkpoint", 4, RjcLevel.REGISTERED, 300, 500, 20,
                  "English, Urdu"),
    "navigator2": (PractitionerKind.STAFF, "checkpoint", 2, None, 0, 650, 35, "English"),
    "mentor": (PractitionerKind.STAFF, "gateway-to-change", 5, RjcLevel.REGISTERED, 55, 300, 25,
               "English, Bengali"),
    "mentor2": (PractitionerKind.STAFF, "gateway-to-change", 1, None, 0, 800, 15, "English"),
    "facilitator": (PractitionerKind.VOLUNTEER, "neighbourhood-resolution", 3,
                    RjcLevel.REGISTERED, 25, 58, 30, "English, Welsh"),
    "facilitator2": (PractitionerKind.VOLUNTEER, "neighbourhood-resolution", 2, None, 0, 6, 120,
                     "English, Polish"),
    "facilitator3": (PractitionerKind.VOLUNTEER, "neighbourhood-resolution", 4,
                     RjcLevel.REGISTERED, 150, -20, 60, "English"),
    "facilitator4": (PractitionerKind.VOLUNTEER, "neighbourhood-resolution", 1, None, 0, 900,
                     20, "English, Twi"),
}
COURSES = [("Restorative practice: foundation (3 days)", Decimal("18")),
           ("Safeguarding adults and children", Decimal("6")),
           ("Facilitating restorative conferences", Decimal("12")),
           ("Working with interpreters", Decimal("3"))]
CPD = ["Peer practice evening", "Domestic abuse awareness webinar", "Reading: RJC guidance",
       "Shadowing a conference", "Trauma-informed practice workshop"]


def add(s: Session, users: dict[str, int], today: date, rng: random.Random,
        password_hash: str, nr: list[NrCase], first_time: bool) -> None:
    """Write the practitioner and standards demo records (idempotent per user); the first
    build also adds a conflict, an objection, a booking, complaints and expense claims on the
    Neighbourhood Resolution cases ``nr`` it has just made."""
    for username, name in EXTRA_VOLUNTEERS:
        if username not in users:
            user = User(username=username, full_name=name, role=Role.FACILITATOR,
                        password_hash=password_hash, email=f"{username}@example.org")
            s.add(user)
            s.flush()
            users[username] = user.id
    coordinator = users["coordinator"]
    records: dict[str, Practitioner] = {}
    for username, (kind, schemes, years, level, renew, due, supervised, langs) in \
            PROFILE.items():
        if username not in users or s.scalar(select(Practitioner.id).where(
                Practitioner.user_id == users[username])):
            continue
        record = Practitioner(
            user_id=users[username], kind=kind, schemes=schemes,
            started_on=add_months(today, -12 * years), rjc_level=level,
            rjc_number=f"RJC{rng.randint(10000, 99999)}" if level else None,
            rjc_renewal_on=today + timedelta(days=renew) if level else None, languages=langs,
            updated_by_id=coordinator)
        s.add(record)
        s.flush()
        records[username] = record
        next_due = today + timedelta(days=due)
        issued = add_months(next_due, -36)
        s.add(VettingCheck(practitioner_id=record.id, level=DbsLevel.ENHANCED_BARRED,
                           certificate_number=f"{rng.randint(10**11, 10**12 - 1)}",
                           issued_on=issued, next_due_on=next_due,
                           recorded_by_id=coordinator))
        for course, hours in COURSES[:2 + (years > 2)]:
            s.add(TrainingRecord(practitioner_id=record.id, course=course,
                                 completed_on=record.started_on + timedelta(days=20),
                                 hours=hours, certificate_name="certificate.pdf",
                                 certificate=b"%PDF-1.4 demo certificate",
                                 recorded_by_id=coordinator))
        for k in range(rng.randint(2, 5)):
            s.add(CpdEntry(practitioner_id=record.id, on=today - timedelta(days=30 + 70 * k),
                           hours=Decimal(rng.choice(["1.5", "2", "3", "6"])),
                           activity=rng.choice(CPD), recorded_by_id=users[username]))
        supervisor = coordinator if username != "coordinator" else users["navigator"]
        for k in range(3):
            held = today - timedelta(days=supervised + 75 * k)
            s.add(SupervisionSession(
                practitioner_id=record.id, kind=SupervisionKind.OBSERVED if k == 1 else
                SupervisionKind.SUPERVISION, held_on=held, supervisor_id=supervisor,
                notes="Reflected on preparation visits and managing a tense conference.",
                actions="Book the refresher on working with interpreters.",
                signed_off_by_id=coordinator, signed_off_on=held + timedelta(days=2)))
    if "facilitator4" in records:
        s.add(Unavailability(practitioner_id=records["facilitator4"].id,
                             starts_on=today + timedelta(days=10),
                             ends_on=today + timedelta(days=24), reason="Holiday"))
    if first_time:
        _conflict_objection_booking(s, users, records, nr, today)
        _complaints(s, users, nr, today)
        _expenses(s, records, nr, today, rng)


@dataclass(frozen=True)
class NrCase:
    """What the practitioner records need of a Neighbourhood Resolution case just made."""

    id: int
    status: CaseStatus
    worker_id: int | None
    coworker_id: int | None
    referral_date: date


_FORM = b"%PDF-1.4 signed consent form"
_FORM_SHA256 = hashlib.sha256(_FORM).hexdigest()


class CaseRecords:
    """The standards records of each case, written with the case's own rows by ``demo.build``
    (``row(model, **values)`` queues a row): risk assessments, consent evidence and assignment
    confirmations on restorative cases, a Victims' Code offer for every harmed party. They are
    made from what the generator knows of the case, with no query per case."""

    def __init__(self, row: Callable[..., dict[str, Any]], coordinator: int, today: date,
                 rng: random.Random) -> None:
        self.row, self.coordinator, self.today, self.rng = row, coordinator, today, rng
        self.nr: list[NrCase] = []
        self._due: dict[tuple[date, int], date] = {}

    def restorative(self, case: dict[str, Any], meeting: dict[str, Any] | None,
                    consents: list[dict[str, Any]]) -> None:
        row, rng, today = self.row, self.rng, self.today
        status, referral = case["status"], case["referral_date"]
        self.nr.append(NrCase(case["id"], status, case["worker_id"], case["coworker_id"],
                              referral))
        if status is CaseStatus.REFERRED and not case["closed_on"]:
            return
        assessed = min(today, referral + timedelta(days=2))
        row(RiskAssessment, case_id=case["id"], stage=RiskStage.ALLOCATION,
            assessed_on=assessed, assessed_by_id=self.coordinator, level=RiskLevel.LOW,
            summary="Neighbours; no history of violence.")
        if meeting is not None:
            row(RiskAssessment, case_id=case["id"], stage=RiskStage.PREPARATION,
                assessed_on=max(assessed, meeting["held_on"] - timedelta(days=3)),
                assessed_by_id=meeting["facilitator_id"], level=RiskLevel.LOW)
        for consent in consents:
            written = rng.random() < 0.7
            row(ConsentEvidence, consent_id=consent["id"],
                method=ConsentMethod.WRITING if written else ConsentMethod.PHONE,
                taken_by_id=consent["recorded_by_id"],
                form_name="consent-form.pdf" if written else None,
                form_sha256=_FORM_SHA256 if written else None,
                form=_FORM if written else None)
        if case["worker_id"] and status is not CaseStatus.CLOSED:
            row(AssignmentConfirmation, case_id=case["id"], user_id=case["worker_id"],
                asked_on=referral,
                confirmed_on=None if rng.random() < 0.3 else referral + timedelta(days=1))

    def victims_code(self, case: dict[str, Any], party_id: int) -> None:
        """The Victims' Code clock of one harmed party (most offers made in time)."""
        rng, today = self.rng, self.today
        referral = case["referral_date"]
        enhanced = rng.random() < 0.15
        days = (limits.LIMITS["vc_enhanced_working_days"] if enhanced
                else limits.LIMITS["vc_offer_working_days"]).default
        due = self._due.get((referral, days))
        if due is None:
            due = self._due[referral, days] = limits.add_working_days(referral, days,
                                                                        "england")
        open_case = case["status"] is not CaseStatus.CLOSED
        offered = None
        if not (open_case and (today - referral).days < 21 and rng.random() < 0.6):
            offered = min(today, referral + timedelta(days=rng.choice([1, 2, 3, 5, 8, 20])))
        self.row(VictimsCodeRecord, party_id=party_id, case_id=case["id"],
                 enhanced_rights=enhanced, due_on=due, offered_on=offered,
                 offered_by_id=self.coordinator if offered else None,
                 how="Phone call" if offered else None)


def _conflict_objection_booking(s: Session, users: dict[str, int],
                                records: dict[str, Practitioner], nr: list[NrCase],
                                today: date) -> None:
    gwen = records.get("facilitator")
    other = next((c for c in nr if users.get("facilitator") not in (c.worker_id, c.coworker_id)
                  and c.status is not CaseStatus.CLOSED), None)
    if gwen is not None and other is not None:
        harmed = s.scalar(select(Person).join(CaseParty, CaseParty.person_id == Person.id)
                          .where(CaseParty.case_id == other.id).limit(1))
        if harmed is not None:
            name = f"{harmed.first_name} {harmed.last_name}"
            s.add(ConflictDeclaration(practitioner_id=gwen.id, person_name=name,
                                      match_name=" ".join(name.lower().split()),
                                      how="Lives next door to my sister", declared_on=today -
                                      timedelta(days=40), recorded_by_id=users["facilitator"]))
    consented = [c for c in nr if c.status is CaseStatus.CONSENT_OBTAINED and c.worker_id]
    if consented:
        case = consented[0]
        party = s.scalar(select(CaseParty).where(CaseParty.case_id == case.id,
                                                 CaseParty.role == PartyRole.HARMED))
        if party is not None and "facilitator3" in users:
            s.add(FacilitatorObjection(case_id=case.id, party_id=party.id,
                                       user_id=users["facilitator3"],
                                       reason="Knew her from school and would rather not",
                                       recorded_on=today - timedelta(days=5),
                                       recorded_by_id=users["coordinator"]))
        day = today + timedelta(days=3)
        start = datetime.combine(day, time(14, 0)).astimezone(UTC)
        s.add(RiskAssessment(case_id=case.id, stage=RiskStage.PREPARATION, assessed_on=today,
                             assessed_by_id=case.worker_id, level=RiskLevel.MEDIUM,
                             summary="Shouting at the last contact; two facilitators, "
                             "separate waiting rooms."))
        s.add(MeetingBooking(case_id=case.id, starts_at=start,
                             ends_at=start + timedelta(hours=2),
                             venue="Community centre, Northgate", facilitator_id=case.worker_id,
                             cofacilitator_id=case.coworker_id,
                             updated_by_id=users["coordinator"]))
    sensitive = [c for c in nr if c.status is CaseStatus.ASSESSED]
    if sensitive:
        s.add(RiskAssessment(case_id=sensitive[-1].id, stage=RiskStage.ALLOCATION,
                             assessed_on=today - timedelta(days=1),
                             assessed_by_id=users["coordinator"], level=RiskLevel.MEDIUM,
                             sensitive=SensitiveKind.HATE_CRIME,
                             summary="Racist abuse shouted in the street: staff facilitator."))


def _complaints(s: Session, users: dict[str, int], nr: list[NrCase], today: date) -> None:
    ack, resp = (limits.LIMITS[k].default for k in ("complaint_ack_working_days",
                                                    "complaint_response_working_days"))
    case_ids: list[int | None] = [c.id for c in nr[:4]] + [None] * 4
    for received_days, acked, resolved, upheld, who, about in (
            (60, 1, 12, False, "A harmed party", "Meeting was put off twice."),
            (45, 2, 30, True, "A participant's mother", "Nobody rang back after the meeting."),
            (12, 1, None, None, "A neighbour", "The facilitator arrived late to the visit."),
            (3, None, None, None, "A participant", "Letter went to an old address.")):
        received = today - timedelta(days=received_days)
        s.add(Complaint(
            received_on=received, complainant=who, case_id=case_ids.pop(0), about=about,
            acknowledge_by=limits.add_working_days(received, ack),
            respond_by=limits.add_working_days(received, resp),
            acknowledged_on=received + timedelta(days=acked) if acked else None,
            resolved_on=received + timedelta(days=resolved) if resolved else None,
            outcome="Apologised and explained what changes." if resolved else None,
            upheld=upheld, practitioner_user_id=users["facilitator"] if received_days == 12
            else None, recorded_by_id=users["coordinator"]))


def _expenses(s: Session, records: dict[str, Practitioner], nr: list[NrCase], today: date,
              rng: random.Random) -> None:
    by_user = {r.user_id: r for r in records.values()}
    statuses = [ExpenseStatus.CLAIMED, ExpenseStatus.APPROVED, ExpenseStatus.PAID,
                ExpenseStatus.REFUSED]
    k = 0
    for case in nr:
        record = by_user.get(case.worker_id or 0)
        if record is None or k >= 12:
            continue
        status = statuses[k % 4]
        spent = max(case.referral_date, today - timedelta(days=20 + 3 * k))
        miles = Decimal(rng.choice(["4.5", "7", "12.2", "18"])) if k % 2 == 0 else None
        amount = (miles * Decimal("0.45")).quantize(Decimal("0.01")) if miles else \
            Decimal(rng.choice(["3.40", "5.80", "2.20"]))
        s.add(Expense(
            practitioner_id=record.id, case_id=case.id, incurred_on=spent,
            kind=ExpenseKind.MILEAGE if miles else ExpenseKind.OUT_OF_POCKET, miles=miles,
            amount=amount, description="Drive to preparation visit" if miles else
            "Bus fare to the meeting", status=status,
            decided_by_id=records["coordinator"].user_id if status is not ExpenseStatus.CLAIMED
            and "coordinator" in records else None,
            decided_on=spent + timedelta(days=3) if status is not ExpenseStatus.CLAIMED else None,
            decision_reason="Not on the approved route" if status is ExpenseStatus.REFUSED
            else None, paid_on=spent + timedelta(days=10) if status is ExpenseStatus.PAID
            else None, updated_by_id=record.user_id))
        k += 1
