"""Overview: the case's facts and a timeline of everything that happened, newest first."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QTextBrowser

from app.services.enums import CaseStatus, EntryKind
from app.views.case.tab import CaseTab, esc, num
from app.views.i18n import long_day
from app.views.table_models.record_table_model import Column
from app.views.terms import term, word


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
    title = QT_TRANSLATE_NOOP("OverviewTab", "Overview")
    name = "overview"

    def build(self) -> None:
        self.end_buttons()
        self.facts = QTextBrowser()
        self.facts.setObjectName("overview_text")
        self.facts.setAccessibleName(self.tr("Case facts"))
        self.body.addWidget(self.facts, 2)
        label = QLabel(self.tr("Timeline"))
        self.body.addWidget(label)
        self.timeline = self.table(
            "timeline", self.tr("Timeline"),
            [Column(self.tr("Date"), lambda e: long_day(e.on)), Column(self.tr("What"),
                                                                           lambda e: e.text)],
            key=lambda e: (e.tab, e.key, e.kind), stretch=3)
        label.setBuddy(self.timeline)
        self.opens(self.timeline, lambda key: key[2], lambda key: key[1] if key[2] else None)

    def refresh(self) -> None:
        d = self.detail
        risk = d.risk_band or self.tr("not given")
        if d.officer_decision:
            risk += self.tr("; officer: {decision}").format(decision=d.officer_decision)
        if d.risk_override_reason:
            risk += self.tr("; override: {reason}").format(reason=d.risk_override_reason)
        rows = [
            (self.tr("Participant"), d.participant.name),
            (self.tr("Date of birth"), long_day(d.participant.date_of_birth)
             if d.participant.date_of_birth else self.tr("not recorded")),
            (self.tr("Referred"), self.tr("{day} by {source}").format(
                day=long_day(d.referral_date), source=d.referral_source)),
            (self.tr("Referring officer"), d.referring_officer or "-"),
            (self.tr("Offence / incident"), d.offence or "-"),
            (self.tr("Offence date"), long_day(d.offence_date) if d.offence_date else "-"),
            (self.tr("Crime reference"), d.crime_reference or "-"),
            (self.tr("Eligibility"), f"{word(d.eligibility)} ({d.eligibility_reasons})"
             if d.eligibility_reasons else word(d.eligibility)),
            (self.tr("Override reason"), d.eligibility_override_reason or "-"),
            (self.tr("Advisory risk band"), risk),
            (self.tr("Outcome code"), d.outcome_code or "-"),
            (self.tr("Closed"), f"{long_day(d.closed_on)}: {d.closure_reason}"
             if d.closed_on else "-"),
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
                st.on, self.tr("Stage: {stage} - {reason}").format(
                    stage=term(CaseStatus(st.to_status)), reason=st.reason) if st.reason
                else self.tr("Stage: {stage}").format(stage=term(CaseStatus(st.to_status))),
                "history", None))
        for i in d.interventions:
            events.append(TimelineEntry(i.occurred_on, f"{word(i.kind.capitalize())}: {i.summary}",
                                        "interventions", i.id, EntryKind.INTERVENTION))
        for a in d.appointments:
            events.append(TimelineEntry(a.starts_at.astimezone().date(),
                                        self.tr("Appointment ({status}): {purpose}")
                                               .format(status=a.status, purpose=a.purpose),
                                        "appointments", a.id, EntryKind.APPOINTMENT))
        for m in d.meetings:
            events.append(TimelineEntry(m.held_on, self.tr("Meeting: {kind}").format(kind=m.kind),
                                        "meetings", m.id,
                                        EntryKind.MEETING))
        for f in d.followups:
            events.append(TimelineEntry(
                f.contacted_on,
                self.tr("Follow-up: agreement kept") if f.agreement_kept
                else self.tr("Follow-up: agreement not kept"),
                "meetings", f.id, EntryKind.AGREEMENT_FOLLOWUP))
        events.extend(self._other_records())
        for doc in d.documents:
            events.append(TimelineEntry(doc.created_at.astimezone().date(),
                                        self.tr("Document: {title}").format(title=doc.title),
                                        "documents", doc.id))
        events.sort(key=lambda e: e.on, reverse=True)
        return events

    def _other_records(self) -> list[TimelineEntry]:
        """The other records a worker enters, so that every one can be opened from here."""
        d = self.detail
        out = [TimelineEntry(a.assessed_on, self.tr("Needs assessment ({stage}): {pathway}, level "
                                                    "{level}")
                                                   .format(stage=word(a.stage), pathway=a.pathway,
                                                           level=a.level),
                              "pathways", a.id, EntryKind.ASSESSMENT)
               for a in d.assessments]
        out += [TimelineEntry(c.on, (self.tr("Consent given: {name}") if c.action == "given"
                                     else self.tr("Consent withdrawn: {name}")).format(name=p.name),
                              "people", c.id,
                              EntryKind.CONSENT) for p in d.parties for c in p.consents]
        if d.contract is not None:
            out += [TimelineEntry(h.worked_on, self.tr("Community hours: {hours} ({task})")
                                                      .format(hours=num(h.hours), task=h.task),
                                  "contract", h.id, EntryKind.HOURS) for h in d.contract.hours]
        if d.agreement is not None:
            out += [TimelineEntry(a.due_on, self.tr("Agreement action due: {action}")
                                                   .format(action=a.description[:80]),
                                  "meetings", a.id, EntryKind.AGREEMENT_ACTION)
                    for a in d.agreement.actions]
        out += [TimelineEntry(s.answered_on, self.tr("Satisfaction survey: satisfied")
                              if s.satisfied else self.tr("Satisfaction survey: not satisfied"),
                              "meetings",
                              s.id, EntryKind.SURVEY) for s in d.surveys]
        out += [TimelineEntry(e.done_on, self.tr("{months}-month follow-up")
                                                .format(months=e.months), "followups", e.id,
                              EntryKind.EXIT_FOLLOWUP) for e in d.exit_followups if e.done_on]
        out += [TimelineEntry(r.checked_on, self.tr("Reoffending check: {offences} proven "
                                                    "offence(s) in {window_months} months")
                                                   .format(offences=r.offences,
                                                           window_months=r.window_months),
                              "followups", r.id,
                              EntryKind.REOFFENDING_CHECK) for r in d.reoffending_checks]
        end = d.closed_on or d.ended_on or d.referral_date
        out += [TimelineEntry(end, self.tr("Calls to {agency_name}: {calls} in the {months} "
                                           "months {period}")
                                          .format(agency_name=c.agency_name, calls=c.calls,
                                                  months=c.months, period=c.period),
                              "meetings", c.id, EntryKind.AGENCY_CALLS)
                for c in d.agency_calls]
        out += [TimelineEntry(n.written_on, self.tr("Note: {text}")
                                                   .format(text=n.text.splitlines()[0][:80]),
                              "notes",
                              n.id, EntryKind.CASE_NOTE) for n in d.notes]
        return out
