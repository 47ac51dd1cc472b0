"""Overview: the case's facts and a timeline of everything that happened, newest first."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QTextBrowser

from app.services.enums import CaseStatus, EntryKind
from app.views.case.tab import CaseTab, esc, num
from app.views.table_models.record_table_model import Column


@dataclass(frozen=True)
class TimelineEntry:
    """One event on the timeline and the record it came from (tab name and key in that tab)."""

    on: date
    text: str
    tab: str
    key: Hashable
    #: The record it is, when it is one a worker entered (opening the row shows it whole).
    kind: EntryKind | None = None


class OverviewTab(CaseTab):
    title = "Overview"
    name = "overview"

    def build(self) -> None:
        self.end_buttons()
        self.facts = QTextBrowser()
        self.facts.setObjectName("overview_text")
        self.facts.setAccessibleName("Case facts")
        self.body.addWidget(self.facts, 2)
        label = QLabel("Timeline")
        self.body.addWidget(label)
        self.timeline = self.table(
            "timeline", "Timeline",
            [Column("Date", lambda e: f"{e.on:%d %b %Y}"), Column("What", lambda e: e.text)],
            key=lambda e: (e.tab, e.key, e.kind), stretch=3)
        label.setBuddy(self.timeline)
        self.opens(self.timeline, lambda key: key[2], lambda key: key[1] if key[2] else None)

    def refresh(self) -> None:
        d = self.detail
        rows = [
            ("Participant", d.participant.name),
            ("Date of birth", f"{d.participant.date_of_birth:%d %b %Y}"
             if d.participant.date_of_birth else "not recorded"),
            ("Referred", f"{d.referral_date:%d %b %Y} by {d.referral_source}"),
            ("Referring officer", d.referring_officer or "-"),
            ("Offence / incident", d.offence or "-"),
            ("Offence date", f"{d.offence_date:%d %b %Y}" if d.offence_date else "-"),
            ("Crime reference", d.crime_reference or "-"),
            ("Eligibility", d.eligibility + (f" ({d.eligibility_reasons})"
                                             if d.eligibility_reasons else "")),
            ("Override reason", d.eligibility_override_reason or "-"),
            ("Advisory risk band", (d.risk_band or "not given") +
             (f"; officer: {d.officer_decision}" if d.officer_decision else "") +
             (f"; override: {d.risk_override_reason}" if d.risk_override_reason else "")),
            ("Outcome code", d.outcome_code or "-"),
            ("Closed", f"{d.closed_on:%d %b %Y}: {d.closure_reason}" if d.closed_on else "-"),
        ]
        self.facts.setHtml("<table cellpadding='3'>" + "".join(
            f"<tr><td><b>{esc(k)}</b></td><td>{esc(str(val))}</td></tr>" for k, val in rows)
            + "</table>")
        self.timeline.set_rows(self.entries())

    def entries(self) -> list[TimelineEntry]:
        d = self.detail
        events: list[TimelineEntry] = []
        for st in d.stages:
            events.append(TimelineEntry(
                st.on, f"Stage: {CaseStatus(st.to_status).label}"
                + (f" - {st.reason}" if st.reason else ""), "history", None))
        for i in d.interventions:
            events.append(TimelineEntry(i.occurred_on, f"{i.kind.capitalize()}: {i.summary}",
                                        "interventions", i.id, EntryKind.INTERVENTION))
        for a in d.appointments:
            events.append(TimelineEntry(a.starts_at.astimezone().date(),
                                        f"Appointment ({a.status}): {a.purpose}",
                                        "appointments", a.id, EntryKind.APPOINTMENT))
        for m in d.meetings:
            events.append(TimelineEntry(m.held_on, f"Meeting: {m.kind}", "meetings", m.id,
                                        EntryKind.MEETING))
        for f in d.followups:
            events.append(TimelineEntry(
                f.contacted_on,
                "Follow-up: agreement " + ("kept" if f.agreement_kept else "not kept"),
                "meetings", f.id, EntryKind.AGREEMENT_FOLLOWUP))
        events.extend(self._other_records())
        for doc in d.documents:
            events.append(TimelineEntry(doc.created_at.astimezone().date(),
                                        f"Document: {doc.title}", "documents", doc.id))
        events.sort(key=lambda e: e.on, reverse=True)
        return events

    def _other_records(self) -> list[TimelineEntry]:
        """The other records a worker enters, so that every one can be opened from here."""
        d = self.detail
        out = [TimelineEntry(a.assessed_on, f"Needs assessment ({a.stage}): {a.pathway}, "
                             f"level {a.level}", "pathways", a.id, EntryKind.ASSESSMENT)
               for a in d.assessments]
        out += [TimelineEntry(c.on, f"Consent {c.action.value}: {p.name}", "people", c.id,
                              EntryKind.CONSENT) for p in d.parties for c in p.consents]
        if d.contract is not None:
            out += [TimelineEntry(h.worked_on, f"Community hours: {num(h.hours)} ({h.task})",
                                  "contract", h.id, EntryKind.HOURS) for h in d.contract.hours]
        if d.agreement is not None:
            out += [TimelineEntry(a.due_on, f"Agreement action due: {a.description[:80]}",
                                  "meetings", a.id, EntryKind.AGREEMENT_ACTION)
                    for a in d.agreement.actions]
        out += [TimelineEntry(s.answered_on, "Satisfaction survey: " +
                              ("satisfied" if s.satisfied else "not satisfied"), "meetings",
                              s.id, EntryKind.SURVEY) for s in d.surveys]
        out += [TimelineEntry(e.done_on, f"{e.months}-month follow-up", "followups", e.id,
                              EntryKind.EXIT_FOLLOWUP) for e in d.exit_followups if e.done_on]
        out += [TimelineEntry(r.checked_on, f"Reoffending check: {r.offences} proven "
                              f"offence(s) in {r.window_months} months", "followups", r.id,
                              EntryKind.REOFFENDING_CHECK) for r in d.reoffending_checks]
        end = d.closed_on or d.ended_on or d.referral_date
        out += [TimelineEntry(end, f"Calls to {c.agency_name}: {c.calls} in the {c.months} "
                              f"months {c.period}", "meetings", c.id, EntryKind.AGENCY_CALLS)
                for c in d.agency_calls]
        out += [TimelineEntry(n.written_on, f"Note: {n.text.splitlines()[0][:80]}", "notes",
                              n.id, EntryKind.CASE_NOTE) for n in d.notes]
        return out
