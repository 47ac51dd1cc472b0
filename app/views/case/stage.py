"""The case's own actions above the tabs: the referral decision, moving to a stage, assigning
workers. They change the case as a whole, so they sit outside any one tab."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from app.services import cases, users
from app.services.case_actions import MOVE_CONSEQUENCES, REASON_NEEDED, CaseAction
from app.services.enums import CaseStatus, Role, Scheme
from app.views.case.tab import ACTION_PROPERTY
from app.views.forms import Field, FormDialog
from app.views.terms import term

if TYPE_CHECKING:
    from app.views.case.workspace import CaseWorkspace


class StageBar(QWidget):
    def __init__(self, workspace: CaseWorkspace) -> None:
        super().__init__()
        self.ws = workspace
        self.case = workspace.controller
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.decide_button = QPushButton(self.tr("Referral &decision..."))
        self.decide_button.setObjectName("decide")
        self.decide_button.clicked.connect(lambda _checked=False: self.decide())
        self.stage_button = QPushButton(self.tr("Move to &stage"))
        self.stage_button.setObjectName("stage")
        self.stage_menu = QMenu(self)
        self.stage_button.setMenu(self.stage_menu)
        self.assign_button = QPushButton(self.tr("&Assign..."))
        self.assign_button.setObjectName("assign")
        self.assign_button.clicked.connect(lambda _checked=False: self.assign())
        self.decide_button.setProperty(ACTION_PROPERTY, CaseAction.DECIDE.value)
        self.assign_button.setProperty(ACTION_PROPERTY, CaseAction.ASSIGN.value)
        #: buttons shown as the services offer their action (the stage menu is offered per move)
        self.buttons = (self.decide_button, self.assign_button)
        for b in (self.decide_button, self.stage_button, self.assign_button):
            row.addWidget(b)
        row.addStretch(1)

    def refresh(self) -> None:
        self.stage_menu.clear()
        self.stage_menu.setToolTipsVisible(True)
        moves = self.case.actions.moves
        for move in moves:
            action = self.stage_menu.addAction(term(move.to),
                                               lambda m=move: self.move_to(m.to))
            action.setEnabled(move.enabled)
            if move.reason:
                action.setToolTip(move.reason)
                action.setStatusTip(move.reason)
        open_moves = [m for m in moves if m.enabled]
        self.stage_button.setEnabled(bool(open_moves))
        why = "; ".join(dict.fromkeys(m.reason for m in moves if m.reason))
        self.stage_button.setToolTip("" if open_moves else why or self.tr("The case is at its "
                                                                          "last stage."))

    def decide(self) -> FormDialog:
        d = self.case.detail

        def submit(v: dict[str, Any]) -> None:
            cases.decide_eligibility(self.case.uow(), self.case.actor, self.case.reference,
                                     eligible=v["eligible"], on=v["on"], notes=v["notes"] or None,
                                     override_reason=v["override_reason"] or None,
                                     expected_version=self.case.version)
        return self.ws.form(self.tr("Referral decision"), [
            Field("eligible", self.tr("Decision"), "choice",
                  True,  # the coordinator's, never assumed
                  choices=[(self.tr("Accept onto the scheme"), True),
                           (self.tr("Not eligible / not suitable"), False)]),
            Field("on", self.tr("Decided on"), "date", True, date.today()),
            Field("notes", self.tr("Notes (suitability, risk)"), "multiline"),
            Field("override_reason", self.tr("Override reason"), "multiline",
                  default=d.eligibility_override_reason or "",
                  help=self.tr("Needed to accept a referral the rules say no to")),
        ], submit, intro=d.eligibility_reasons)

    def move_to(self, status: CaseStatus) -> FormDialog:
        needs_reason = status in REASON_NEEDED
        move = next((m for m in self.case.actions.moves if m.to is status), None)
        confirm = move.confirm if move is not None else MOVE_CONSEQUENCES.get(status)

        def submit(v: dict[str, Any]) -> None:
            cases.change_status(self.case.uow(), self.case.actor, self.case.reference, status,
                                on=v["on"], reason=v["reason"] or None,
                                expected_version=self.case.version)
        dialog = self.ws.form(self.tr("Move to {stage}").format(stage=term(status).lower()), [
            Field("on", self.tr("Date"), "date", True, date.today()),
            Field("reason", self.tr("Reason"), "multiline", needs_reason),
        ], submit, confirm=confirm)
        if status is CaseStatus.BREACHED:
            dialog.accepted.connect(self.ws.offer_breach_letter)
        return dialog

    def assign(self) -> FormDialog:
        d = self.case.detail
        wanted = {Scheme.CHECKPOINT: Role.NAVIGATOR, Scheme.GATEWAY: Role.MENTOR,
                  Scheme.NEIGHBOURHOOD_RESOLUTION: Role.FACILITATOR}[d.scheme]
        # coordinators may hold cases too; leaving them out would unassign one on save
        people_ = [u for u in users.list_users(self.case.uow())
                   if u.role in (wanted, Role.COORDINATOR)]
        choices = [(self.tr("Unassigned"), None)] + [(f"{u.full_name} ({u.role.value})", u.id)
                                            for u in people_]

        def submit(v: dict[str, Any]) -> None:
            cases.assign(self.case.uow(), self.case.actor, self.case.reference,
                         worker_id=v["worker"], coworker_id=v["coworker"],
                         expected_version=self.case.version)
        return self.ws.form(self.tr("Assign workers"), [
            Field("worker", f"{wanted.label}", "choice", default=d.worker_id, choices=choices),
            Field("coworker", self.tr("Co-worker"), "choice", default=d.coworker_id,
                  choices=choices),
        ], submit)
