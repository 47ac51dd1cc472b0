"""What a registered provider reports against the national standards, and the alerts that keep
a scheme within them.

Figures (``figures``): share of active practitioners with a current RJC registration,
supervision coverage, lapsed DBS checks, training and CPD hours, complaints answered in time,
Victims' Code offers made in time. Each is defined once here and used by the dashboard, the
board report and ``pathways report standards``.

Alerts (``alerts``), for a coordinator's My work: a DBS check or an RJC registration lapsing
within 60 days (again at 30 and at 7, when it turns urgent) or lapsed, supervision overdue,
Victims' Code offers due within five working days or overdue, complaint acknowledgements and
answers due within five working days or late. A practitioner's own My work lists the
assignments they have still to confirm carry no conflict of interest.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from app.db import UnitOfWork
from app.errors import AccessDenied, ValidationError
from app.models.practitioners import (
    CpdEntry,
    Practitioner,
    PractitionerStatus,
    TrainingRecord,
)
from app.models.users import User
from app.services import audit, complaints, practitioners, safeguards
from app.services import standards_settings as limits
from app.services.casefile import SECTION_LIMIT
from app.services.context import Actor
from app.services.workflow import ACTIVE_STAGES

#: Days before a lapse at which an alert appears, then escalates.
ALERT_STEPS = (60, 30, 7)
SOON_WORKING_DAYS = 5


class AlertKind(enum.StrEnum):
    CHECK = "DBS check"
    REGISTRATION = "RJC registration"
    SUPERVISION = "supervision"
    VICTIMS_CODE = "Victims' Code offer"
    COMPLAINT = "complaint"
    CONFIRM = "conflict confirmation"


@dataclass(frozen=True)
class StandardsAlert:
    kind: AlertKind
    what: str
    who: str
    due: date
    urgent: bool
    case_reference: str | None = None
    username: str | None = None


@dataclass(frozen=True)
class StandardsFigures:
    start: date
    end: date
    practitioners: int
    registered: int
    registered_pct: float | None
    supervised: int
    supervision_pct: float | None
    lapsed_checks: int
    training_hours: Decimal
    complaints_received: int
    complaints_due: int
    complaints_in_time: int
    complaints_in_time_pct: float | None
    vc_offers_due: int
    vc_offers_in_time: int
    vc_offers_in_time_pct: float | None


def _pct(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100.0 * part / whole, 1)


def _step(days_left: int) -> int | None:
    """The alert step a lapse ``days_left`` away has reached (60, 30 or 7), or None."""
    reached = [s for s in ALERT_STEPS if days_left <= s]
    return min(reached) if reached else None


def _lapse_alert(kind: AlertKind, name: str, username: str, due: date, today: date,
                 ) -> StandardsAlert | None:
    left = (due - today).days
    if left < 0:
        return StandardsAlert(kind, f"{kind.value} lapsed on {due:%d %b %Y}", name, due, True,
                              username=username)
    step = _step(left)
    if step is None:
        return None
    return StandardsAlert(kind, f"{kind.value} lapses within {step} days", name, due,
                          step == 7, username=username)


def _practitioner_alerts(uow: UnitOfWork, today: date) -> list[StandardsAlert]:
    out: list[StandardsAlert] = []
    gap = limits.value(uow, "supervision_max_days")
    for user, record in uow.session.execute(
            select(User, Practitioner).join(Practitioner, Practitioner.user_id == User.id)
            .where(Practitioner.status == PractitionerStatus.ACTIVE).order_by(User.full_name)):
        check = practitioners.latest_check(uow, record.id)
        if check is None:
            out.append(StandardsAlert(AlertKind.CHECK, "No DBS check recorded", user.full_name,
                                      today, True, username=user.username))
        else:
            found = _lapse_alert(AlertKind.CHECK, user.full_name, user.username,
                                 check.next_due_on, today)
            if found:
                out.append(found)
        if record.rjc_level and record.rjc_renewal_on:
            found = _lapse_alert(AlertKind.REGISTRATION, user.full_name, user.username,
                                 record.rjc_renewal_on, today)
            if found:
                out.append(found)
        last = practitioners.last_supervision(uow, record.id) or record.started_on
        due = last + timedelta(days=gap)
        if due < today:
            out.append(StandardsAlert(
                AlertKind.SUPERVISION, f"Supervision overdue (last {last:%d %b %Y})",
                user.full_name, due, (today - due).days > 30, username=user.username))
    return out


def _clock_alerts(uow: UnitOfWork, today: date, limit: int | None = None
                  ) -> tuple[list[StandardsAlert], int]:
    """The Victims' Code and complaint alerts (the offers: the first ``limit`` by deadline),
    and how many there are in all."""
    nation = limits.nation(uow)
    soon = limits.add_working_days(today, SOON_WORKING_DAYS, nation)
    out: list[StandardsAlert] = []
    waiting, offers = safeguards.waiting_offers(uow, ACTIVE_STAGES, soon, limit)
    for clock in waiting:
        late = clock.due_on < today
        out.append(StandardsAlert(
            AlertKind.VICTIMS_CODE,
            ("Victims' Code offer overdue" if late else "Victims' Code offer due")
            + (" (enhanced rights)" if clock.enhanced_rights else ""),
            clock.name, clock.due_on, late, case_reference=clock.case_reference))
    listed_offers = len(out)  # the complaints below are all listed, and counted as listed
    for c in complaints.rows(uow):
        if c.resolved_on is not None:
            continue
        if c.acknowledged_on is None and c.acknowledge_by <= soon:
            out.append(StandardsAlert(
                AlertKind.COMPLAINT, f"Acknowledge the complaint from {c.complainant}",
                c.complainant, c.acknowledge_by, c.acknowledge_by < today,
                case_reference=c.case_reference))
        elif c.respond_by <= soon:
            out.append(StandardsAlert(
                AlertKind.COMPLAINT, f"Answer the complaint from {c.complainant}",
                c.complainant, c.respond_by, c.respond_by < today,
                case_reference=c.case_reference))
    return out, offers + len(out) - listed_offers


def alerts(uow: UnitOfWork, actor: Actor, today: date | None = None) -> list[StandardsAlert]:
    """The standards' alerts for this user's My work, most urgent and soonest first."""
    return my_alerts(uow, actor, today, limit=None)[0]


def my_alerts(uow: UnitOfWork, actor: Actor, today: date | None = None,
              limit: int | None = SECTION_LIMIT) -> tuple[list[StandardsAlert], int]:
    """The first ``limit`` of :func:`alerts` and how many there are in all: My work lists a
    section's first rows and counts the rest, as its other sections do."""
    today = today or date.today()
    with uow:
        found: list[StandardsAlert] = []
        total = 0
        if actor.coordinates:
            found += _practitioner_alerts(uow, today)
            clocks, more = _clock_alerts(uow, today, limit)
            found += clocks
            total += more - len(clocks)
    found += [StandardsAlert(AlertKind.CONFIRM, "Confirm you know no one on this case",
                             actor.full_name, c.asked_on, False,
                             case_reference=c.case_reference)
              for c in practitioners.pending_confirmations(uow, actor)]
    total += len(found)
    found.sort(key=lambda a: (not a.urgent, a.due, a.kind.value, a.who))
    return (found if limit is None else found[:limit]), total


def _figures(uow: UnitOfWork, start: date, end: date) -> StandardsFigures:
    s = uow.session
    gap = limits.value(uow, "supervision_max_days")
    active = list(s.scalars(select(Practitioner).where(
        Practitioner.status == PractitionerStatus.ACTIVE, Practitioner.started_on <= end)))
    registered = sum(1 for p in active if p.rjc_level and p.rjc_renewal_on
                     and p.rjc_renewal_on >= end)
    supervised = sum(1 for p in active if (last := practitioners.last_supervision(uow, p.id))
                     and last >= end - timedelta(days=gap))
    lapsed = 0
    for p in active:
        check = practitioners.latest_check(uow, p.id)
        if check is None or check.next_due_on < end:
            lapsed += 1
    cpd = s.scalar(select(func.coalesce(func.sum(CpdEntry.hours), 0)).where(
        CpdEntry.on >= start, CpdEntry.on <= end)) or 0
    trained = s.scalar(select(func.coalesce(func.sum(TrainingRecord.hours), 0)).where(
        TrainingRecord.completed_on >= start, TrainingRecord.completed_on <= end)) or 0
    found = [c for c in complaints.rows(uow) if start <= c.received_on <= end]
    # a complaint counts once it is answered or its time is up
    counted = [c for c in found if c.resolved_on is not None or c.respond_by < end]
    in_time = sum(1 for c in counted if c.resolved_on is not None
                  and c.resolved_on <= c.respond_by)
    offers_due, offered_in_time = safeguards.offers_due(uow, start, end)
    return StandardsFigures(
        start=start, end=end, practitioners=len(active), registered=registered,
        registered_pct=_pct(registered, len(active)), supervised=supervised,
        supervision_pct=_pct(supervised, len(active)), lapsed_checks=lapsed,
        training_hours=Decimal(str(cpd)) + Decimal(str(trained)),
        complaints_received=len(found), complaints_due=len(counted),
        complaints_in_time=in_time, complaints_in_time_pct=_pct(in_time, len(counted)),
        vc_offers_due=offers_due, vc_offers_in_time=offered_in_time,
        vc_offers_in_time_pct=_pct(offered_in_time, offers_due))


def figures(uow: UnitOfWork, actor: Actor, start: date, end: date) -> StandardsFigures:
    """The standards' figures for a period (coordinators); audited as a report."""
    if not actor.coordinates:
        raise AccessDenied("Only coordinators see the standards' figures.")
    if end < start:
        raise ValidationError("The period ends before it starts.", field="to")
    with uow:
        uow.begin_write()
        result = _figures(uow, start, end)
        audit.record(uow, actor, "report.standards", "practitioners",
                     detail=f"{start.isoformat()}..{end.isoformat()}")
        uow.commit()
        return result


FIGURE_LABELS = (
    ("registered_pct", "Practitioners with a current RJC registration (%)"),
    ("supervision_pct", "Practitioners supervised within the set period (%)"),
    ("lapsed_checks", "Active practitioners with a lapsed or missing DBS check"),
    ("training_hours", "Training and CPD hours in the period"),
    ("complaints_in_time_pct", "Complaints answered in time (%)"),
    ("vc_offers_in_time_pct", "Victims' Code offers of restorative justice made in time (%)"),
)


def _basis(f: StandardsFigures, key: str) -> str:
    return {
        "registered_pct": f"{f.registered} of {f.practitioners} active practitioners",
        "supervision_pct": f"{f.supervised} of {f.practitioners} active practitioners",
        "lapsed_checks": f"of {f.practitioners} active practitioners, on {f.end:%d %b %Y}",
        "training_hours": "training courses and CPD recorded in the period",
        "complaints_in_time_pct": f"{f.complaints_in_time} of {f.complaints_due} complaints "
                                  "answered or due (received in the period)",
        "vc_offers_in_time_pct": f"{f.vc_offers_in_time} of {f.vc_offers_due} offers due in "
                                 "the period",
    }[key]


TITLE = "National standards: practitioners, Victims' Code and complaints"


def figure_rows(f: StandardsFigures) -> list[tuple[str, str, str]]:
    """(label, value, basis) for the dashboard and the board report."""
    return [(label, shown, _basis(f, key))
            for (key, _), (label, shown) in zip(FIGURE_LABELS, figure_lines(f), strict=True)]


def board_rows(uow: UnitOfWork, start: date, end: date) -> list[tuple[str, str, str]]:
    """The standards' rows of the board report (its caller has checked the reader)."""
    with uow:
        return figure_rows(_figures(uow, start, end))


def figure_lines(f: StandardsFigures) -> list[tuple[str, str]]:
    """(label, value as shown) for the dashboard and the board report; '-' when no data."""
    out = []
    for key, label in FIGURE_LABELS:
        value = getattr(f, key)
        if value is None:
            shown = "-"
        elif key.endswith("_pct"):
            shown = f"{value:.1f}%"
        else:
            shown = f"{value}"
        out.append((label, shown))
    return out
