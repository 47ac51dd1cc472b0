"""A case's history in words: the audit trail of one case as a reader would say it, with no
internal codes, hashes or file paths. The trail itself keeps its codes (they are what searches
and exports filter on); only what the screen shows is translated, here, once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.db import UnitOfWork
from app.models.cases import CaseStatus
from app.services import access, audit, cases
from app.services.audit import AuditRow
from app.services.context import Actor

#: What each recorded action of a case is called on screen.
ACTION_WORDS: dict[str, str] = {
    "case.create": "Referral taken",
    "case.view": "Case opened",
    "case.view-refused": "Refused a look at the case",
    "case.status": "Stage changed",
    "case.assign": "Workers assigned",
    "party.add": "Party added",
    "party.category": "Data subject category changed",
    "person.update": "Personal details changed",
    "person.sar": "Subject access export",
    "consent.given": "Consent given",
    "consent.withdrawn": "Consent withdrawn",
    "assessment.record": "Needs assessment",
    "intervention.log": "Intervention logged",
    "contract.draft": "Contract drawn up",
    "contract.hours": "Community hours logged",
    "contract.condition": "Contract condition updated",
    "meeting.record": "Restorative meeting recorded",
    "agreement.record": "Outcome agreement recorded",
    "agreement.action": "Agreement action checked",
    "agreement.followup": "Follow-up contact",
    "survey.record": "Satisfaction survey",
    "agency-calls.record": "Calls to agencies",
    "appointment.schedule": "Appointment booked",
    "appointment.kept": "Appointment kept",
    "appointment.missed": "Appointment missed",
    "appointment.cancelled": "Appointment cancelled",
    "appointment.rearrange": "Appointment rearranged",
    "followup.exit": "Follow-up after the scheme",
    "reoffending.check": "Reoffending check",
    "document.preview": "Document previewed",
    "document.generate": "Document filed",
    "document.reprint": "Document reprinted",
    "document.print": "Document printed",
    "note.add": "Note added",
    "attachment.add": "Attachment added",
    "attachment.view": "Attachment opened",
    "attachment.remove": "Attachment removed",
    "record.view": "Record opened",
    "record.amend": "Record amended",
    "record.entered-in-error": "Record marked entered in error",
    "appointment.rebook": "Missed appointment rebooked",
    "retention.period": "Retention changed",
    "retention.delete": "Personal data removed",
}


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    who: str
    what: str
    detail: str


def case_history(uow: UnitOfWork, actor: Actor, reference: str) -> list[HistoryRow]:
    """The case's trail, newest first, in words."""
    with uow:
        case = cases.load_case(uow, reference)
        access.require_view(uow, actor, case)
        return [describe(row) for row in audit.case_history(uow, case.id)]


def describe(row: AuditRow) -> HistoryRow:
    return HistoryRow(row.at, row.username, _what(row.action), _detail(row.action, row.detail))


def _what(code: str) -> str:
    if code in ACTION_WORDS:
        return ACTION_WORDS[code]
    words = code.replace(".", " ").replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _status(value: str) -> str:
    try:
        return CaseStatus(value.strip()).label
    except ValueError:
        return value.strip().replace("_", " ")


def _detail(code: str, detail: str | None) -> str:
    if not detail:
        return ""
    if code == "case.status" and "->" in detail:
        before, after = detail.split("->", 1)
        return f"from {_status(before)} to {_status(after)}"
    if code == "party.category" and " -> " in detail:
        before, after = detail.split(" -> ", 1)
        return f"from {before} to {after}"
    if code.startswith("document."):
        # "letter-kind template@version variant hash": the kind is what a reader knows it by
        return detail.split()[0].replace("-", " ").replace("_", " ")
    if code == "case.create":
        return detail.replace("-", " ")
    return detail.replace("_", " ")
