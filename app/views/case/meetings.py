"""Restorative meetings (Neighbourhood Resolution): meetings, the outcome agreement and its
actions, follow-up contact, the harmed party's survey and calls to agencies."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

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
from app.views.table_models.record_table_model import Column, RowStyle

YES_NO: list[tuple[str, bool]] = [("Yes", True), ("No", False)]
ATTENDED: list[tuple[str, bool]] = [("Attended", True), ("Did not attend", False)]


def _count_problem(text: str) -> str | None:
    return None if text.strip().isdigit() and int(text) <= 999 else \
        "Type the number of calls (0 to 999)."


class MeetingsTab(CaseTab):
    title = "Restorative meetings"
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
        self.button("&Risk assessment...", "record_risk", self.record_risk)
        self.button("&Book meeting...", "book_meeting", self.book_meeting)
        self.button_row.addStretch(1)
        self.button_row = first
        self.button("Record &meeting...", "record_meeting", self.record_meeting)
        self.button("Outcome &agreement...", "record_agreement", self.record_agreement)
        self.button("Action &kept", "action_kept", lambda: self.mark_action(True))
        self.button("Action &not kept", "action_not_kept", lambda: self.mark_action(False))
        self.button("&Follow-up...", "record_followup", self.record_followup)
        self.button("&Survey...", "record_survey", self.record_survey)
        self.button("Agency &calls...", "record_calls", self.record_agency_calls)
        self.end_buttons()
        self.meetings = self.table("meetings_table", "Restorative meetings", [
            Column("Date", lambda m: day(m.held_on)),
            Column("Kind", lambda m: m.kind),
            Column("Venue", lambda m: m.venue or ""),
            Column("Facilitators", lambda m: ", ".join(x for x in (m.facilitator,
                                                                   m.cofacilitator) if x)),
            Column("Attendance", lambda m: "; ".join(
                f"{a.name} ({a.role}): {'attended' if a.attended else 'absent'}"
                for a in m.attendees)),
        ], key=lambda m: m.id, stretch=1)
        self.opens(self.meetings, EntryKind.MEETING)
        label = QLabel("Outcome agreement actions")
        self.body.addWidget(label)
        self.actions = self.table("actions_table", "Outcome agreement actions", [
            Column("No.", lambda a: a.position),
            Column("Action", lambda a: a.description),
            Column("Who", lambda a: a.owner),
            Column("Due", lambda a: day(a.due_on)),
            Column("Kept", lambda a: yes_no(a.kept)),
        ], key=lambda a: a.id,
            style=lambda a: RowStyle.ALERT if a.kept is None and a.due_on < date.today()
            else RowStyle.NORMAL, stretch=1)
        label.setBuddy(self.actions)
        self.opens(self.actions, EntryKind.AGREEMENT_ACTION)
        self.followup_label = QLabel("")
        self.followup_label.setObjectName("followup_label")
        self.followup_label.setWordWrap(True)
        self.body.addWidget(self.followup_label)

    def refresh(self) -> None:
        d = self.detail
        self.meetings.set_rows(d.meetings)
        self.actions.set_rows(d.agreement.actions if d.agreement else ())
        parts = [f"Follow-up {f.contacted_on:%d/%m/%Y}: agreement "
                 f"{'kept' if f.agreement_kept else 'not kept'}" for f in d.followups]
        names = {p.id: p.name for p in d.parties}
        parts += [f"Survey of {names.get(s.party_id, 'a harmed party')} "
                  f"{s.answered_on:%d/%m/%Y}: "
                  + ("satisfied" if s.satisfied else "not satisfied") for s in d.surveys]
        parts += [f"{c.agency_name}: {c.calls} call(s) in the {c.months} months {c.period}"
                  for c in d.agency_calls]
        self.followup_label.setText("; ".join(parts) or "No follow-up recorded yet.")

    def record_meeting(self) -> FormDialog:
        d = self.detail
        facilitators = [(f"{u.full_name} ({u.role.value})", u.id)
                        for u in users.list_users(self.case.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        fields = [
            Field("kind", "Kind", "choice", True,
                  choices=[(k.value.capitalize(), k) for k in MeetingKind]),
            Field("held_on", "Held on", "date", True, date.today()),
            Field("venue", "Venue"),
            Field("facilitator", "Facilitator", "choice", True, d.worker_id, facilitators),
            Field("cofacilitator", "Co-facilitator", "choice", default=d.coworker_id,
                  choices=[("None", None), *facilitators]),
        ]
        # nobody is marked there or not until the facilitator says (a figure counts it)
        fields += [Field(f"attended_{p.id}", f"{p.name} ({p.role})", "choice", True,
                         choices=ATTENDED) for p in d.parties]
        fields += [Field("other_name", "Also attending (name)"),
                   Field("other_role", "Their role", "choice", default=AttendeeRole.PCSO,
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
        return self.ws.form("Record the restorative meeting", fields, submit)

    def record_risk(self) -> FormDialog:
        """One stage of the RJC's two-stage risk assessment (before allocation to a
        volunteer; again before the meeting). A sensitive case needs a staff facilitator."""
        stages = [(s.value.capitalize(), s) for s in RiskStage]
        fields = [
            Field("stage", "Stage", "choice", True,
                  RiskStage.PREPARATION if self.detail.worker_id else RiskStage.ALLOCATION,
                  stages),
            Field("assessed_on", "Assessed on", "date", True, date.today()),
            Field("level", "Risk", "choice", True, RiskLevel.LOW,
                  [(lv.value.capitalize(), lv) for lv in RiskLevel]),
            Field("sensitive", "Sensitive or complex", "choice", default=None,
                  choices=[("No", None), *[(k.value.capitalize(), k) for k in SensitiveKind]],
                  help="Domestic abuse, sexual offences, hate crime and stalking need a staff "
                       "facilitator."),
            Field("summary", "Summary", "multiline"),
        ]

        def submit(v: dict[str, Any]) -> int:
            return safeguards.record_risk_assessment(
                self.case.uow(), self.case.actor, self.case.reference, stage=v["stage"],
                assessed_on=v["assessed_on"], level=v["level"], sensitive=v["sensitive"],
                summary=v["summary"], expected_version=self.case.version)
        return self.ws.form("Risk assessment", fields, submit)

    def book_meeting(self) -> FormDialog:
        """Plan the meeting in a time slot: refused if a facilitator is booked elsewhere then,
        unavailable that day, or may not facilitate this case."""
        d = self.detail
        facilitators = [(f"{u.full_name} ({u.role.value})", u.id)
                        for u in users.list_users(self.case.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        start = datetime.combine(date.today() + timedelta(days=7), time(10, 0))
        fields = [
            Field("starts", "Starts", "datetime", True, start),
            Field("hours", "Hours", "int", True, 2, minimum=1, maximum=8),
            Field("facilitator", "Facilitator", "choice", True, d.worker_id, facilitators),
            Field("cofacilitator", "Co-facilitator", "choice", default=d.coworker_id,
                  choices=[("None", None), *facilitators]),
            Field("venue", "Venue"),
        ]

        def submit(v: dict[str, Any]) -> int:
            starts = v["starts"].astimezone()
            return safeguards.book_meeting(
                self.case.uow(), self.case.actor, self.case.reference, starts_at=starts,
                ends_at=starts + timedelta(hours=v["hours"]), facilitator_id=v["facilitator"],
                cofacilitator_id=v["cofacilitator"], venue=v["venue"],
                expected_version=self.case.version)
        return self.ws.form("Book the restorative meeting", fields, submit)

    def record_agreement(self) -> FormDialog:
        d = self.detail
        owners = [(f"{p.name} ({p.role})", p.id) for p in d.parties]
        kinds = [(k.value.capitalize(), k) for k in ActionKind]
        fields = [Field("agreed_on", "Agreed on", "date", True,
                        d.meetings[-1].held_on if d.meetings else date.today()),
                  Field("signed", "Signed by the parties?", "choice", True,
                        choices=[("Yes, signed", True), ("No, not signed", False)])]
        for n in (1, 2, 3):
            fields += [Field(f"kind{n}", f"Action {n}", "choice", default=ActionKind.APOLOGY,
                             choices=kinds),
                       Field(f"text{n}", f"Action {n}: what", required=n == 1),
                       Field(f"owner{n}", f"Action {n}: who", "choice",
                             default=owners[0][1] if owners else None, choices=owners),
                       Field(f"due{n}", f"Action {n}: by", "date",
                             default=date.today() + timedelta(days=14))]

        def submit(v: dict[str, Any]) -> int:
            actions = [meetings.ActionInput(v[f"kind{n}"], v[f"text{n}"], v[f"owner{n}"],
                                            v[f"due{n}"])
                       for n in (1, 2, 3) if v[f"text{n}"].strip()]
            return meetings.record_agreement(
                self.case.uow(), self.case.actor, self.case.reference, agreed_on=v["agreed_on"],
                actions=actions, conference_id=d.meetings[-1].id if d.meetings else None,
                signed=v["signed"], expected_version=self.case.version)
        return self.ws.form("Outcome agreement", fields, submit,
                            intro="Not legally binding. Each action has who does it and by when.")

    def mark_action(self, kept: bool) -> None:
        action_id = self.actions.selected_key()
        if action_id is None:
            self.refused("Select an action first.")
            return
        self.ws.act(lambda: meetings.mark_action(
            self.case.uow(), self.case.actor, self.case.reference, action_id, kept=kept,
            checked_on=date.today(), expected_version=self.case.version))

    def record_followup(self) -> FormDialog:
        return self.ws.form("Follow-up contact", [
            Field("contacted_on", "Contacted on", "date", True, date.today()),
            Field("agreement_kept", "Was the agreement kept?", "choice", True,
                  choices=YES_NO),
            Field("notes", "Notes", "multiline"),
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
            self.refused("Every harmed party's survey is recorded.")
            return None
        scores = [("Not asked", None), *((str(n), n) for n in range(1, 6))]
        return self.ws.form("Harmed party's satisfaction survey", [
            Field("party", "Harmed party", "choice", True,
                  harmed[0][1] if len(harmed) == 1 else None, harmed),
            Field("answered_on", "Answered on", "date", True, date.today()),
            Field("satisfied", "Satisfied overall?", "choice", True, choices=YES_NO),
            Field("felt_heard", "Felt heard (1-5)", "choice", choices=scores),
            Field("feels_safer", "Feels safer (1-5)", "choice", choices=scores),
        ], lambda v: meetings.record_survey(
            self.case.uow(), self.case.actor, self.case.reference, party_id=v["party"],
            answered_on=v["answered_on"], satisfied=v["satisfied"], felt_heard=v["felt_heard"],
            feels_safer=v["feels_safer"], expected_version=self.case.version))

    def record_agency_calls(self) -> FormDialog:
        return self.ws.form("Calls to agencies about the same problem", [
            Field("agency_name", "Agency", required=True, default="Police (101)"),
            Field("period", "Period", "choice", True,
                  choices=[("Before the intervention", "before"),
                           ("After the intervention", "after")]),
            Field("months", "Over how many months", "int", default=6, minimum=1, maximum=24),
            # a count the board adds up: typed, never a 0 nobody entered
            Field("calls", "Number of calls", required=True, check=_count_problem),
        ], lambda v: meetings.record_agency_calls(
            self.case.uow(), self.case.actor, self.case.reference,
            agency_name=v["agency_name"], period=v["period"], months=v["months"],
            calls=int(v["calls"]), expected_version=self.case.version))
