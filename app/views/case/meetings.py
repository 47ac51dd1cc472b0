"""Restorative meetings (Neighbourhood Resolution): meetings, the outcome agreement and its
actions, follow-up contact, the harmed party's survey and calls to agencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel

from app.services import meetings, safeguards, users
from app.services.casefile import CaseDetail
from app.services.enums import (
    ActionKind,
    AttendeeRole,
    EntryKind,
    MeetingKind,
    PartyRole,
    RiskLevel,
    RiskStage,
    Role,
    Scheme,
    SensitiveKind,
)
from app.views.case.tab import CaseTab, day, yes_no
from app.views.forms import Field, FormDialog
from app.views.i18n import translate, translated
from app.views.table_models.record_table_model import Column, RowStyle
from app.views.terms import named

YES_NO: list[tuple[str, bool]] = [(QT_TRANSLATE_NOOP("CaseMeetings", "Yes"), True),
                                  (QT_TRANSLATE_NOOP("CaseMeetings", "No"), False)]
ATTENDED: list[tuple[str, bool]] = [(QT_TRANSLATE_NOOP("CaseMeetings", "Attended"), True),
                                    (QT_TRANSLATE_NOOP("CaseMeetings", "Did not attend"), False)]


@dataclass(frozen=True)
class _After:
    """One row of what was recorded after the meeting (a follow-up, a survey, agency calls)."""

    kind: EntryKind
    id: int
    on: str
    what: str
    result: str


def _count_problem(text: str) -> str | None:
    return None if text.strip().isdigit() and int(text) <= 999 else \
        translate("CaseMeetings", "Type the number of calls (0 to 999).")


class MeetingsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("MeetingsTab", "Restorative meetings")
    name = "meetings"

    @classmethod
    def applies(cls, detail: CaseDetail) -> bool:
        return detail.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION

    def build(self) -> None:
        # the standards' preparation (risk assessment, booking) on a row of its own, so the
        # tab still fits a small screen
        first = self.button_row
        self.button_row = QHBoxLayout()
        self.body.insertLayout(1, self.button_row)
        self.button(self.tr("&Risk assessment..."), "record_risk", self.record_risk)
        self.button(self.tr("&Book meeting..."), "book_meeting", self.book_meeting)
        self.button_row.addStretch(1)
        self.button_row = first
        self.button(self.tr("Record &meeting..."), "record_meeting", self.record_meeting)
        self.button(self.tr("&Outcome agreement..."), "record_agreement", self.record_agreement)
        self.button(self.tr("Action &kept"), "action_kept", lambda: self.mark_action(True))
        self.button(self.tr("Action &not kept"), "action_not_kept", lambda: self.mark_action(False))
        self.button(self.tr("&Follow-up..."), "record_followup", self.record_followup)
        self.button(self.tr("Sur&vey..."), "record_survey", self.record_survey)
        self.button(self.tr("Agency &calls..."), "record_calls", self.record_agency_calls)
        self.end_buttons()
        self.meetings = self.table("meetings_table", self.tr("Restorative meetings"), [
            Column(self.tr("Date"), lambda m: day(m.held_on)),
            Column(self.tr("Kind"), lambda m: m.kind),
            Column(self.tr("Venue"), lambda m: m.venue or ""),
            Column(self.tr("Facilitators"), lambda m: ", ".join(x for x in (m.facilitator,
                                                                   m.cofacilitator) if x)),
            Column(self.tr("Attendance"), lambda m: "; ".join(
                f"{a.name} ({a.role}): {'attended' if a.attended else 'absent'}"
                for a in m.attendees)),
        ], key=lambda m: m.id, stretch=1, hint_rows=2)
        self.opens(self.meetings, EntryKind.MEETING)
        label = QLabel(self.tr("Outcome agreement actions"))
        self.body.addWidget(label)
        self.actions = self.table("actions_table", self.tr("Outcome agreement actions"), [
            Column(self.tr("No."), lambda a: a.position),
            Column(self.tr("Action"), lambda a: a.description),
            Column(self.tr("Who"), lambda a: a.owner),
            Column(self.tr("Due"), lambda a: day(a.due_on)),
            Column(self.tr("Kept"), lambda a: yes_no(a.kept)),
        ], key=lambda a: a.id,
            style=lambda a: RowStyle.ALERT if a.kept is None and a.due_on < date.today()
            else RowStyle.NORMAL, stretch=1, hint_rows=2)
        label.setBuddy(self.actions)
        self.opens(self.actions, EntryKind.AGREEMENT_ACTION)
        label = QLabel(self.tr("After the meeting: follow-ups, surveys and calls to agencies"))
        self.body.addWidget(label)
        self.after = self.table("after_meeting_table", self.tr(
            "Follow-ups, surveys and calls to agencies"), [
            Column(self.tr("Date"), lambda r: r.on),
            Column(self.tr("Record"), lambda r: r.what),
            Column(self.tr("Result"), lambda r: r.result),
        ], key=lambda r: (r.kind, r.id), stretch=1, hint_rows=2)
        label.setBuddy(self.after)
        # each opens whole, to be amended or marked entered in error
        self.opens(self.after, lambda key: key[0], lambda key: key[1])

    def refresh(self) -> None:
        d = self.detail
        self.meetings.set_rows(d.meetings)
        self.actions.set_rows(d.agreement.actions if d.agreement else ())
        names = {p.id: p.name for p in d.parties}
        rows = [_After(EntryKind.AGREEMENT_FOLLOWUP, f.id, day(f.contacted_on),
                       self.tr("Follow-up contact"),
                       self.tr("agreement kept") if f.agreement_kept
                       else self.tr("agreement not kept")) for f in d.followups]
        rows += [_After(EntryKind.SURVEY, s.id, day(s.answered_on),
                        self.tr("Survey of {name}").format(
                            name=names.get(s.party_id, self.tr("a harmed party"))),
                        self.tr("satisfied") if s.satisfied else self.tr("not satisfied"))
                 for s in d.surveys]
        rows += [_After(EntryKind.AGENCY_CALLS, c.id, "",
                        self.tr("Calls to {agency}").format(agency=c.agency_name),
                        self.tr("{calls} call(s) in the {months} months {period}").format(
                            calls=c.calls, months=c.months, period=c.period))
                 for c in d.agency_calls]
        self.after.set_rows(rows)

    def record_meeting(self) -> FormDialog:
        d = self.detail
        facilitators = [(f"{u.full_name} ({u.role.value})", u.id)
                        for u in users.list_users(self.case.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        fields = [
            Field("kind", self.tr("Kind"), "choice", True,
                  choices=[(named(k), k) for k in MeetingKind]),
            Field("held_on", self.tr("Held on"), "date", True, date.today()),
            Field("venue", self.tr("Venue")),
            Field("facilitator", self.tr("Facilitator"), "choice", True, d.worker_id, facilitators),
            Field("cofacilitator", self.tr("Co-facilitator"), "choice", default=d.coworker_id,
                  choices=[(self.tr("None"), None), *facilitators]),
        ]
        # nobody is marked there or not until the facilitator says (a figure counts it)
        fields += [Field(f"attended_{p.id}", f"{p.name} ({p.role})", "choice", True,
                         choices=translated("CaseMeetings", ATTENDED)) for p in d.parties]
        fields += [Field("other_name", self.tr("Also attending (name)")),
                   Field("other_role", self.tr("Their role"), "choice", default=AttendeeRole.PCSO,
                         choices=[(r.value, r) for r in (AttendeeRole.PCSO,
                                                         AttendeeRole.COUNCILLOR,
                                                         AttendeeRole.OTHER)])]
        role_map = {PartyRole.PARTICIPANT.value: AttendeeRole.HARMER,
                    PartyRole.HARMER.value: AttendeeRole.HARMER,
                    PartyRole.HARMED.value: AttendeeRole.HARMED,
                    PartyRole.SUPPORTER.value: AttendeeRole.SUPPORTER}

        def submit(v: dict[str, Any]) -> int:
            attendees = [meetings.AttendeeInput(role_map.get(p.role, AttendeeRole.OTHER),
                                                v[f"attended_{p.id}"], party_id=p.id)
                         for p in d.parties]
            if v["other_name"].strip():
                attendees.append(meetings.AttendeeInput(v["other_role"], True,
                                                        name=v["other_name"]))
            return meetings.record_meeting(
                self.case.uow(), self.case.actor, self.case.reference, kind=v["kind"],
                held_on=v["held_on"], facilitator_id=v["facilitator"],
                cofacilitator_id=v["cofacilitator"], venue=v["venue"], attendees=attendees,
                expected_version=self.case.version)
        return self.ws.form(self.tr("Record the restorative meeting"), fields, submit)

    def record_risk(self) -> FormDialog:
        """One stage of the RJC's two-stage risk assessment (before allocation to a
        volunteer; again before the meeting). A sensitive case needs a staff facilitator."""
        stages = [(named(s), s) for s in RiskStage]
        fields = [
            Field("stage", self.tr("Stage"), "choice", True,
                  RiskStage.PREPARATION if self.detail.worker_id else RiskStage.ALLOCATION,
                  stages),
            Field("assessed_on", self.tr("Assessed on"), "date", True, date.today()),
            Field("level", self.tr("Risk"), "choice", True, RiskLevel.LOW,
                  [(named(lv), lv) for lv in RiskLevel]),
            Field("sensitive", self.tr("Sensitive or complex"), "choice", default=None,
                  choices=[(self.tr("No"), None), *[(named(k),
                                                     k) for k in SensitiveKind]],
                  help=self.tr("Domestic abuse, sexual offences, hate crime and stalking need a "
                               "staff facilitator.")),
            Field("summary", self.tr("Summary"), "multiline"),
        ]

        def submit(v: dict[str, Any]) -> int:
            return safeguards.record_risk_assessment(
                self.case.uow(), self.case.actor, self.case.reference, stage=v["stage"],
                assessed_on=v["assessed_on"], level=v["level"], sensitive=v["sensitive"],
                summary=v["summary"], expected_version=self.case.version)
        return self.ws.form(self.tr("Risk assessment"), fields, submit)

    def book_meeting(self) -> FormDialog:
        """Plan the meeting in a time slot: refused if a facilitator is booked elsewhere then,
        unavailable that day, or may not facilitate this case."""
        d = self.detail
        facilitators = [(f"{u.full_name} ({u.role.value})", u.id)
                        for u in users.list_users(self.case.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        start = datetime.combine(date.today() + timedelta(days=7), time(10, 0))
        fields = [
            Field("starts", self.tr("Starts"), "datetime", True, start),
            Field("hours", self.tr("Hours"), "int", True, 2, minimum=1, maximum=8),
            Field("facilitator", self.tr("Facilitator"), "choice", True, d.worker_id, facilitators),
            Field("cofacilitator", self.tr("Co-facilitator"), "choice", default=d.coworker_id,
                  choices=[(self.tr("None"), None), *facilitators]),
            Field("venue", self.tr("Venue")),
        ]

        def submit(v: dict[str, Any]) -> int:
            starts = v["starts"].astimezone()
            return safeguards.book_meeting(
                self.case.uow(), self.case.actor, self.case.reference, starts_at=starts,
                ends_at=starts + timedelta(hours=v["hours"]), facilitator_id=v["facilitator"],
                cofacilitator_id=v["cofacilitator"], venue=v["venue"],
                expected_version=self.case.version)
        return self.ws.form(self.tr("Book the restorative meeting"), fields, submit)

    def record_agreement(self) -> FormDialog:
        d = self.detail
        owners = [(f"{p.name} ({p.role})", p.id) for p in d.parties]
        kinds = [(named(k), k) for k in ActionKind]
        fields = [Field("agreed_on", self.tr("Agreed on"), "date", True,
                        d.meetings[-1].held_on if d.meetings else date.today()),
                  Field("signed", self.tr("Signed by the parties?"), "choice", True,
                        choices=[(self.tr("Yes, signed"), True), (self.tr("No, not signed"),
                                                                  False)])]
        for n in (1, 2, 3):
            fields += [Field(f"kind{n}", self.tr("Action {n}").format(n=n), "choice",
                             default=ActionKind.APOLOGY,
                             choices=kinds),
                       Field(f"text{n}", self.tr("Action {n}: what").format(n=n), required=n == 1),
                       Field(f"owner{n}", self.tr("Action {n}: who").format(n=n), "choice",
                             default=owners[0][1] if owners else None, choices=owners),
                       Field(f"due{n}", self.tr("Action {n}: by").format(n=n), "date",
                             default=date.today() + timedelta(days=14))]

        def submit(v: dict[str, Any]) -> int:
            actions = [meetings.ActionInput(v[f"kind{n}"], v[f"text{n}"], v[f"owner{n}"],
                                            v[f"due{n}"])
                       for n in (1, 2, 3) if v[f"text{n}"].strip()]
            return meetings.record_agreement(
                self.case.uow(), self.case.actor, self.case.reference, agreed_on=v["agreed_on"],
                actions=actions, conference_id=d.meetings[-1].id if d.meetings else None,
                signed=v["signed"], expected_version=self.case.version)
        return self.ws.form(self.tr("Outcome agreement"), fields, submit,
                            intro=self.tr("Not legally binding. Each action has who does it and "
                                          "by when."))

    def mark_action(self, kept: bool) -> None:
        action_id = self.actions.selected_key()
        if action_id is None:
            self.refused(self.tr("Select an action first."))
            return
        self.ws.act(lambda: meetings.mark_action(
            self.case.uow(), self.case.actor, self.case.reference, action_id, kept=kept,
            checked_on=date.today(), expected_version=self.case.version))

    def record_followup(self) -> FormDialog:
        return self.ws.form(self.tr("Follow-up contact"), [
            Field("contacted_on", self.tr("Contacted on"), "date", True, date.today()),
            Field("agreement_kept", self.tr("Was the agreement kept?"), "choice", True,
                  choices=translated("CaseMeetings", YES_NO)),
            Field("notes", self.tr("Notes"), "multiline"),
        ], lambda v: meetings.record_followup(
            self.case.uow(), self.case.actor, self.case.reference,
            contacted_on=v["contacted_on"], agreement_kept=v["agreement_kept"],
            notes=v["notes"] or None, expected_version=self.case.version))

    def record_survey(self) -> FormDialog | None:
        # each harmed party is asked on their own; those who have answered are not offered
        answered = {s.party_id for s in self.detail.surveys}
        harmed = [(p.name, p.id) for p in self.detail.parties
                  if p.role == PartyRole.HARMED.value and p.id not in answered]
        if not harmed:
            self.refused(self.tr("Every harmed party's survey is recorded."))
            return None
        scores = [(self.tr("Not asked"), None), *((str(n), n) for n in range(1, 6))]
        return self.ws.form(self.tr("Harmed party's satisfaction survey"), [
            Field("party", self.tr("Harmed party"), "choice", True,
                  harmed[0][1] if len(harmed) == 1 else None, harmed),
            Field("answered_on", self.tr("Answered on"), "date", True, date.today()),
            Field("satisfied", self.tr("Satisfied overall?"), "choice", True,
                  choices=translated("CaseMeetings", YES_NO)),
            Field("felt_heard", self.tr("Felt heard (1-5)"), "choice", choices=scores),
            Field("feels_safer", self.tr("Feels safer (1-5)"), "choice", choices=scores),
        ], lambda v: meetings.record_survey(
            self.case.uow(), self.case.actor, self.case.reference, party_id=v["party"],
            answered_on=v["answered_on"], satisfied=v["satisfied"], felt_heard=v["felt_heard"],
            feels_safer=v["feels_safer"], expected_version=self.case.version))

    def record_agency_calls(self) -> FormDialog:
        return self.ws.form(self.tr("Calls to agencies about the same problem"), [
            Field("agency_name", self.tr("Agency"), required=True, default="Police (101)"),
            Field("period", self.tr("Period"), "choice", True,
                  choices=[(self.tr("Before the intervention"), "before"),
                           (self.tr("After the intervention"), "after")]),
            Field("months", self.tr("Over how many months"), "int", default=6, minimum=1,
                  maximum=24),
            # a count the board adds up: typed, never a 0 nobody entered
            Field("calls", self.tr("Number of calls"), required=True, check=_count_problem),
        ], lambda v: meetings.record_agency_calls(
            self.case.uow(), self.case.actor, self.case.reference,
            agency_name=v["agency_name"], period=v["period"], months=v["months"],
            calls=int(v["calls"]), expected_version=self.case.version))
