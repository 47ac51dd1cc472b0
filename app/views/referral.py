"""Referral intake for the three schemes, with the eligibility check shown as it is filled in,
an override reason required when the rules say no, and a duplicate-person warning."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import cases, find, languages, reference, users
from app.services.access import ROLE_SCHEME
from app.services.enums import DocumentFormat, Gender, RiskBand, Role, Scheme
from app.services.people import PersonInput, PersonMatch
from app.views.context import AppContext
from app.views.forms import ERROR_STYLE, LANGUAGE_CHOICES, Field, FormWidget
from app.views.i18n import translated
from app.views.screen import fit_to_screen
from app.views.terms import named

#: The person's own details: taken from their record when an existing person is linked.
PERSON_FIELDS = ("first_name", "last_name", "date_of_birth", "gender", "address_line1", "town",
                 "postcode", "phone", "email", "language", "document_format")

YES_NO: list[tuple[str, bool]] = [(QT_TRANSLATE_NOOP("Referral", "Yes"), True),
                                  (QT_TRANSLATE_NOOP("Referral", "No"), False)]


def _none_if_blank(text: str) -> str | None:
    return text.strip() or None


class ReferralDialog(QDialog):
    created = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New referral"))
        self.setObjectName("referral_dialog")
        self.reference: str | None = None
        offences = reference.offences(ctx.uow())
        self._offences = {o.code: o for o in offences}
        workers = users.list_users(ctx.uow())
        schemes = [s for s in Scheme if ctx.actor.coordinates or ROLE_SCHEME.get(
            ctx.actor.role) == s]
        fields = [
            Field("scheme", self.tr("Scheme"), "choice", True, schemes[0],
                  [(s.label, s) for s in schemes]),
            Field("first_name", self.tr("First name"), required=True),
            Field("last_name", self.tr("Last name"), required=True),
            Field("date_of_birth", self.tr("Date of birth"), "date", extra={"optional": True},
                  help=self.tr("Leave as 'Not known' if it is not known yet")),
            Field("gender", self.tr("Gender"), "choice", default=Gender.NOT_STATED,
                  choices=[(named(g), g) for g in Gender]),
            Field("address_line1", self.tr("Address")),
            Field("town", self.tr("Town"), default="Darlington"),
            Field("postcode", self.tr("Postcode")),
            Field("phone", self.tr("Phone")),
            Field("email", self.tr("Email")),
            Field("language", self.tr("Language"), "choice", default=languages.ENGLISH,
                  choices=LANGUAGE_CHOICES),
            Field("document_format", self.tr("Letters in"), "choice",
                  default=DocumentFormat.STANDARD,
                  choices=[(named(f), f) for f in DocumentFormat]),
            Field("referral_date", self.tr("Referral date"), "date", True, date.today()),
            Field("referral_source", self.tr("Referred by (source)"), "choice", True,
                  choices=[(name, name) for name in reference.referral_sources(ctx.uow())],
                  help=self.tr("The partnership's list of referral sources")),
            Field("referring_officer", self.tr("Referring officer")),
            Field("referring_officer_email", self.tr("Officer's email")),
            Field("offence_code", self.tr("Offence or incident"), "choice", True,
                  choices=[(o.name, o.code) for o in offences]),
            Field("offence_date", self.tr("Offence date"), "date", default=date.today()),
            Field("crime_reference", self.tr("Crime reference")),
            Field("offence_summary", self.tr("What happened"), "multiline"),
            Field("risk_band", self.tr("Advisory risk band"), "choice", default=None,
                  choices=[(self.tr("Not given"), None)] + [(named(r),
                                                             r) for r in RiskBand]),
            Field("officer_decision", self.tr("Officer's decision")),
            Field("risk_override_reason", self.tr("Risk override reason")),
            Field("first_time_entrant", self.tr("First-time entrant"), "choice",
                  choices=translated("Referral", YES_NO),
                  help=self.tr("First time in the criminal justice system (Checkpoint and Gateway "
                               "to Change count the diverted first-time entrants)")),
            Field("worker_id", self.tr("Worker"), "choice", default=None,
                  choices=[(self.tr("Assign later"), None)] + [
                      (f"{u.full_name} ({u.role.value})", u.id) for u in workers
                      if u.role in (Role.NAVIGATOR, Role.FACILITATOR, Role.MENTOR)]),
            Field("harmed_first_name", self.tr("Harmed party first name")),
            Field("harmed_last_name", self.tr("Harmed party last name")),
            Field("harmed_phone", self.tr("Harmed party phone")),
        ]
        self.form = FormWidget(fields)
        self.form.valid_changed = lambda ok: None  # type: ignore[method-assign]
        layout = QVBoxLayout(self)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.addWidget(self.form, 3)
        side = QVBoxLayout()
        self.criteria_box = QGroupBox(self.tr("Eligibility questions"))
        self.criteria_layout = QVBoxLayout(self.criteria_box)
        self.criteria: dict[str, QComboBox] = {}
        self.criteria_form = QFormLayout()
        # a long question goes above its answer rather than being squeezed beside it
        self.criteria_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.criteria_layout.addLayout(self.criteria_form)
        side.addWidget(self.criteria_box)
        self.eligibility = QLabel("")
        self.eligibility.setObjectName("eligibility_result")
        self.eligibility.setWordWrap(True)
        side.addWidget(self.eligibility)
        override = FormWidget([Field("override_reason", self.tr("Override reason"), "multiline",
                                     help=self.tr("Why go ahead although the rules say no"))])
        override.valid_changed = lambda ok: None  # type: ignore[method-assign]
        self.override = override
        side.addWidget(override)
        self.duplicate = QLabel("")
        self.duplicate.setObjectName("duplicate_warning")
        self.duplicate.setWordWrap(True)
        self.duplicate.setStyleSheet(ERROR_STYLE)
        self.duplicate.hide()
        side.addWidget(self.duplicate)
        self.matches_box = QWidget()
        self.matches_box.setObjectName("person_matches")
        self.matches_layout = QVBoxLayout(self.matches_box)
        self.matches_layout.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.matches_box)
        self.linked_person: PersonMatch | None = None
        self._match_timer = QTimer(self)
        self._match_timer.setSingleShot(True)
        self._match_timer.setInterval(400)  # once typing pauses: each check is audited
        self._match_timer.timeout.connect(self.check_duplicates)
        side.addStretch(1)
        body_layout.addLayout(side, 2)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Referral"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save referral"))
        self.save_button.setObjectName("save")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 980, 620)
        scheme_box = self.form.inputs["scheme"]
        scheme_box.currentIndexChanged.connect(self._scheme_changed)  # type: ignore[attr-defined]
        for name in ("offence_code", "offence_date", "referral_date", "date_of_birth", "gender"):
            w = self.form.inputs[name]
            for signal in ("currentIndexChanged", "dateChanged"):
                if hasattr(w, signal):
                    getattr(w, signal).connect(self.update_checks)
        for name in ("first_name", "last_name", "date_of_birth"):
            w = self.form.inputs[name]
            for signal in ("textChanged", "dateChanged"):
                if hasattr(w, signal):
                    getattr(w, signal).connect(self._match_timer.start)
        self._scheme_changed()

    # ---- live checks
    def _scheme_changed(self) -> None:
        scheme: Scheme = self.form.value("scheme")
        while self.criteria_form.rowCount():
            self.criteria_form.removeRow(0)
        self.criteria = {}
        for c in reference.criteria(self.ctx.uow(), scheme.value):
            # each question starts unanswered: the rules are applied to answers given
            box = QComboBox()
            box.setObjectName(f"criterion_{c.code}")
            box.setAccessibleName(c.question)
            box.setPlaceholderText(self.tr("Not answered"))
            box.setMinimumContentsLength(len(self.tr("Not answered")))
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            for text, value in translated("Referral", YES_NO):
                box.addItem(text, value)
            box.setCurrentIndex(-1)
            box.currentIndexChanged.connect(self.update_checks)
            label = QLabel(c.question)
            label.setBuddy(box)
            self.criteria_form.addRow(label, box)
            self.criteria[c.code] = box
        is_nr = scheme is Scheme.NEIGHBOURHOOD_RESOLUTION
        for name in ("harmed_first_name", "harmed_last_name", "harmed_phone"):
            self.form.inputs[name].setEnabled(is_nr or scheme is Scheme.CHECKPOINT)
        asks = scheme in cases.ASKS_FIRST_TIME_ENTRANT
        self.form.inputs["first_time_entrant"].setEnabled(asks)
        if not asks:
            self.form.set_value("first_time_entrant", None)
        if scheme is Scheme.GATEWAY:
            self.form.set_value("gender", Gender.FEMALE)
        self.update_checks()

    def _input(self) -> cases.ReferralInput:
        v = self.form.values()
        harmed = None
        scheme_has_harmed = v["scheme"] is not Scheme.GATEWAY
        if scheme_has_harmed and (v["harmed_first_name"].strip()
                                  or v["harmed_last_name"].strip()):
            harmed = PersonInput(first_name=v["harmed_first_name"],
                                 last_name=v["harmed_last_name"],
                                 phone=_none_if_blank(v["harmed_phone"]))
        return cases.ReferralInput(
            scheme=v["scheme"],
            person=PersonInput(
                first_name=v["first_name"], last_name=v["last_name"],
                date_of_birth=v["date_of_birth"], gender=v["gender"],
                address_line1=_none_if_blank(v["address_line1"]),
                town=_none_if_blank(v["town"]), postcode=_none_if_blank(v["postcode"]),
                phone=_none_if_blank(v["phone"]), email=_none_if_blank(v["email"]),
                language=v["language"], document_format=v["document_format"]),
            referral_date=v["referral_date"], referral_source=v["referral_source"] or "",
            referring_officer=_none_if_blank(v["referring_officer"]),
            referring_officer_email=_none_if_blank(v["referring_officer_email"]),
            offence_code=v["offence_code"], offence_date=v["offence_date"],
            offence_summary=_none_if_blank(v["offence_summary"]),
            crime_reference=_none_if_blank(v["crime_reference"]),
            risk_band=v["risk_band"], officer_decision=_none_if_blank(v["officer_decision"]),
            risk_override_reason=_none_if_blank(v["risk_override_reason"]),
            eligibility_answers={code: YES_NO[box.currentIndex()][1]
                                 for code, box in self.criteria.items()
                                 if 0 <= box.currentIndex() < len(YES_NO)},
            first_time_entrant=v["first_time_entrant"],
            worker_id=v["worker_id"], harmed_party=harmed,
            eligibility_override_reason=_none_if_blank(self.override.value("override_reason")),
        )

    def set_answer(self, code: str, answer: bool | None) -> None:
        """Answer (or clear) one eligibility question, as a user picking Yes or No."""
        box = self.criteria[code]
        box.setCurrentIndex(-1 if answer is None else [v for _, v in YES_NO].index(answer))

    def _unanswered(self) -> int:
        return sum(1 for box in self.criteria.values() if box.currentIndex() < 0)

    def update_checks(self) -> None:
        check = cases.preview_eligibility(self.ctx.uow(), self._input())
        self.rules_say_no = not check.passes
        if self._unanswered():
            other = [r for r in check.reasons if not r.startswith("Not answered:")]
            text = self.tr("Answer each eligibility question ({count} not answered yet).").format(
                count=self._unanswered())
            if other:
                text += "\n" + self.tr("The rules say no:\n- {reasons}").format(
                    reasons="\n- ".join(other))
            self.eligibility.setText(text)
            self.eligibility.setStyleSheet(ERROR_STYLE if other else "")
        elif check.passes:
            self.eligibility.setText(self.tr("Eligible on the information given."))
            self.eligibility.setStyleSheet("color: #1b5e20;")
        else:
            text = self.tr("The rules say no:\n- {reasons}").format(
                reasons="\n- ".join(check.reasons))
            if check.overridable:
                text += "\n" + self.tr("Give an override reason to go ahead.")
            self.eligibility.setText(text)
            self.eligibility.setStyleSheet(ERROR_STYLE)

    def check_duplicates(self) -> None:
        """Offer the people already recorded who may be this person, to link instead of
        recording them twice (close spellings of the name with the same date of birth)."""
        self._match_timer.stop()
        if self.linked_person is not None:
            return
        v = self.form.values()
        try:
            matches = find.matching_people(self.ctx.uow(), self.ctx.actor, v["first_name"],
                                           v["last_name"], v["date_of_birth"])
        except DomainError:
            matches = []
        self._show_matches(matches)

    def _clear_matches(self) -> None:
        while self.matches_layout.count():
            item = self.matches_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _show_matches(self, matches: list[PersonMatch]) -> None:
        self._clear_matches()
        if not matches:
            self.duplicate.hide()
            return
        refs = sorted({r for m in matches for r in m.case_references})
        self.duplicate.setStyleSheet(ERROR_STYLE)
        self.duplicate.setText(
            self.tr("Possible duplicate: {count} person(s) like this are already recorded (cases "
                    "{cases}). Link the person instead of recording them again.")
                   .format(count=len(matches), cases=', '.join(refs)))
        self.duplicate.show()
        for m in matches:
            row = QHBoxLayout()
            born = f", born {m.date_of_birth:%d/%m/%Y}" if m.date_of_birth else ""
            text = QLabel(f"{m.name}{born} - {', '.join(m.case_references)}")
            text.setWordWrap(True)
            button = QPushButton(self.tr("&Link this person"))
            button.setObjectName(f"link_person_{m.id}")
            button.setAccessibleName(self.tr("Link {name}{born}").format(name=m.name, born=born))
            button.clicked.connect(lambda _=False, match=m: self.link_person(match))
            row.addWidget(text, 1)
            row.addWidget(button)
            holder = QWidget()
            holder.setLayout(row)
            self.matches_layout.addWidget(holder)

    def link_person(self, match: PersonMatch | None) -> None:
        """Use the person already recorded (``None``: record a new person after all)."""
        self.linked_person = match
        self._clear_matches()
        for name in PERSON_FIELDS:
            self.form.inputs[name].setEnabled(match is None)
        if match is None:
            self.duplicate.hide()
            self.check_duplicates()
            return
        for name in ("address_line1", "town", "postcode", "phone", "email"):
            self.form.set_value(name, "")  # theirs are on their record, not these
        self.form.set_value("first_name", match.first_name)
        self.form.set_value("last_name", match.last_name)
        self.form.set_value("date_of_birth", match.date_of_birth)
        self._match_timer.stop()
        self.duplicate.setText(self.tr("Linked: this referral will be for {name}, already "
                                       "recorded on {cases}. Their details are changed on their "
                                       "case.")
                                      .format(name=match.name,
                                              cases=', '.join(match.case_references)))
        self.duplicate.setStyleSheet("color: #1b5e20;")
        self.duplicate.show()
        unlink = QPushButton(self.tr("&Unlink: record a new person"))
        unlink.setObjectName("unlink_person")
        unlink.clicked.connect(lambda: self.link_person(None))
        self.matches_layout.addWidget(unlink)

    # ---- saving
    def save(self) -> None:
        self.form.clear_errors()
        self.override.clear_errors()
        if not self.form.validate():
            self.form.show_error(None, self.tr("Fill in the fields marked *."))
            return
        data = self._input()
        if self._unanswered():
            self.form.show_error(None, self.tr("Answer every eligibility question (yes or no)."))
            return
        if self.rules_say_no and not data.eligibility_override_reason:
            self.override.show_error("override_reason",
                                     self.tr("The rules say no: give an override reason to go "
                                             "ahead."))
            return
        if self.linked_person is not None:
            data = replace(data, person=None, existing_person_id=self.linked_person.id)
        try:
            self.reference = cases.create_referral(self.ctx.uow(), self.ctx.actor, data)
        except DomainError as exc:
            target = exc.field if exc.field in self.form.inputs else None
            self.form.show_error(target, exc.message)
            return
        self.created.emit(self.reference)
        self.accept()

    def reject(self) -> None:
        if self.form.changed() and self.isVisible():
            answer = QMessageBox.question(
                self, self.tr("Discard referral?"), self.tr("This referral is not saved. Discard "
                                                            "it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def values(self) -> dict[str, Any]:
        return self.form.values()
