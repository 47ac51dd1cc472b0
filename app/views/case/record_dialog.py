"""One record read whole (every field, notes and minutes in full, its corrections), with Amend,
Entered in error and, for a missed appointment, Rebook.

The dialog only shows what ``corrections.open_record`` returns and sends the user's choice back
to the services; whether a correction is allowed, and why not, comes from there too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, StaleEdit
from app.services import appointments, corrections
from app.services.corrections import FieldType, FieldView, RecordView
from app.services.enums import CorrectionAction, EntryKind
from app.views.case.tab import esc
from app.views.forms import ERROR_STYLE, Field, FormDialog
from app.views.i18n import day_time, translate
from app.views.terms import term

if TYPE_CHECKING:
    from app.views.case.workspace import CaseWorkspace

STRUCK = "color:#6b6b6b; text-decoration: line-through;"


def _form_field(f: FieldView) -> Field:
    """The form input for one editable field, holding its current value."""
    if f.type is FieldType.NOTES:
        return Field(f.name, f.label, "multiline", not f.optional, f.value or "")
    if f.type is FieldType.DATE:
        return Field(f.name, f.label, "date", not f.optional, f.value,
                     extra={"optional": f.optional})
    if f.type is FieldType.NUMBER:
        return Field(f.name, f.label, "int", not f.optional, f.value or 0, maximum=99999)
    if f.type is FieldType.YES_NO:
        choices: list[tuple[str, Any]] = [(translate("CaseRecordDialog", "Yes"), True),
                                          (translate("CaseRecordDialog", "No"), False)]
        return Field(f.name, f.label, "choice", not f.optional, f.value,
                     [(translate("CaseRecordDialog", "Not answered"), None),
                      *choices] if f.optional else choices)
    if f.type is FieldType.CHOICE:
        options = [(o.label, o.value) for o in f.options]
        return Field(f.name, f.label, "choice", not f.optional, f.value,
                     [(translate("CaseRecordDialog", "None"), None),
                      *options] if f.optional else options)
    if f.type is FieldType.HOURS:
        return Field(f.name, f.label, "text", True, f"{float(f.value):g}")
    return Field(f.name, f.label, "text", not f.optional, f.value or "")


def _read_back(f: FieldView, value: Any) -> Any:
    """A form value as the service takes it (an empty optional number is 'not given')."""
    if f.type is FieldType.NUMBER and f.optional and value == 0:
        return None
    if f.type is FieldType.TEXT and f.optional and isinstance(value, str) and not value.strip():
        return None
    if f.type is FieldType.HOURS and isinstance(value, str):
        return value.strip()
    return value


def _same(f: FieldView, value: Any) -> bool:
    if f.type is FieldType.HOURS:
        try:
            return Decimal(str(value)) == Decimal(str(f.value))
        except ArithmeticError:
            return False
    return bool(value == f.value)


class RecordDialog(QDialog):
    """A record read whole; its buttons open the Amend, Entered in error and Rebook forms."""

    def __init__(self, workspace: CaseWorkspace, kind: EntryKind, record_id: int) -> None:
        super().__init__(workspace)
        self.ws = workspace
        self.kind = kind
        self.record_id = record_id
        self.form: FormDialog | None = None
        self.setObjectName("record_dialog")
        self.setWindowTitle(term(kind))
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("record_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(self.scroll, 1)
        self.why_not = QLabel()
        self.why_not.setObjectName("record_why_not")
        self.why_not.setWordWrap(True)
        self.why_not.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.why_not)
        self.buttons = QDialogButtonBox()
        self.amend_button = self._button(self.tr("&Amend..."), "record_amend", self.amend)
        self.error_button = self._button(self.tr("&Entered in error..."), "record_error",
                                         self.entered_in_error)
        self.rebook_button = self._button(self.tr("&Rebook..."), "record_rebook", self.rebook)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("record_close")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.view: RecordView = self.load()
        self.resize(640, 560)

    def _button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        b = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", "").replace("...", ""))
        b.clicked.connect(lambda _checked=False: slot())
        return b

    # ---- showing
    def load(self) -> RecordView:
        c = self.ws.controller
        self.view = corrections.open_record(c.uow(), c.actor, c.reference, self.kind,
                                            self.record_id)
        self.show_view()
        return self.view

    def show_view(self) -> None:
        v = self.view
        style = STRUCK if v.entered_in_error else ""
        self.title.setText(
            f"<span style='font-size:large; {style}'><b>{esc(v.title)}</b></span><br>"
            + self.tr("Entered by {who}").format(who=esc(v.entered_by))
            + (" &nbsp;<b style='color:#8a1c1c'>" + self.tr("ENTERED IN ERROR") + "</b>"
               if v.entered_in_error else ""))
        body = QWidget()
        body.setObjectName("record_body")
        outer = QVBoxLayout(body)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # rows keep their height; spare room stays below them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in v.fields:
            form.addRow(self._label(f.label), self._value(f))
        for label, text in v.extra:
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self._label(label), value)
        history = QLabel(self._history_html())
        history.setObjectName("record_history")
        history.setWordWrap(True)
        history.setTextFormat(Qt.TextFormat.RichText)
        history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self._label(self.tr("History")), history)
        self.scroll.setWidget(body)
        self.amend_button.setEnabled(v.can_correct)
        self.error_button.setEnabled(v.can_correct)
        self.rebook_button.setVisible(v.kind is EntryKind.APPOINTMENT)
        self.rebook_button.setEnabled(v.can_rebook)
        self.why_not.setText(v.why_not or "")
        self.why_not.setVisible(bool(v.why_not))

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(f"<b>{esc(text)}</b>")
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _value(self, f: FieldView) -> QWidget:
        if f.type is FieldType.NOTES and f.value:
            # notes and minutes in full, scrolling when long
            text = QPlainTextEdit(f.value)
            text.setReadOnly(True)
            text.setObjectName(f"record_{f.name}")
            text.setAccessibleName(f.label)
            # as tall as the text (about 80 characters a line), up to a dozen lines, then scroll
            lines = sum(1 + len(line) // 80 for line in f.value.splitlines())
            text.setFixedHeight(text.fontMetrics().lineSpacing() * max(2, min(12, lines)) + 14)
            return text
        value = QLabel(esc(f.display))
        value.setObjectName(f"record_{f.name}")
        value.setAccessibleName(f.label)
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.RichText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.view.entered_in_error:
            value.setStyleSheet(STRUCK)
        return value

    def _history_html(self) -> str:
        if not self.view.revisions:
            return self.tr("Not corrected.")
        lines = []
        for r in self.view.revisions:
            what = (self.tr("Marked entered in error")
                    if r.action is CorrectionAction.ENTERED_IN_ERROR
                    else self.tr("Amended: {changes}").format(changes="; ".join(
                                                 f"{esc(c.label)} <i>{esc(c.before)}</i> "
                                                 f"&rarr; <i>{esc(c.after)}</i>"
                                                 for c in r.changes)))
            lines.append(f"<p>{day_time(r.at.astimezone())}, {esc(r.by)}: {what}<br>"
                         f"<i>Reason: {esc(r.reason)}</i></p>")
        return "".join(lines)

    # ---- acting
    def _open(self, title: str, fields: list[Field], submit: Callable[[dict[str, Any]], Any],
              intro: str | None = None, ok_text: str | None = None) -> FormDialog:
        def run(values: dict[str, Any]) -> Any:
            try:
                return submit(values)
            except StaleEdit as exc:
                self.ws.show_stale(exc.message)
                raise

        dialog = FormDialog(title, fields, run, self, intro=intro, ok_text=ok_text)
        dialog.accepted.connect(self._saved)
        self.form = dialog
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.ws.controller.saved()
        try:
            self.load()
        except DomainError as exc:  # the record went from view with the case: say so
            self.why_not.setText(exc.message)
            self.why_not.show()

    def amend(self) -> FormDialog:
        editable = [f for f in self.view.fields if f.editable]
        c = self.ws.controller

        def submit(values: dict[str, Any]) -> None:
            new = {f.name: _read_back(f, values[f.name]) for f in editable
                   if not _same(f, _read_back(f, values[f.name]))}
            corrections.amend(c.uow(), c.actor, c.reference, self.kind, self.record_id, new,
                              values["reason"], expected_version=c.version)
        return self._open(self.tr("Amend: {kind}").format(kind=term(self.kind).lower()), [
            *(_form_field(f) for f in editable),
            Field("reason", self.tr("Reason for the amendment"), "multiline", True),
        ], submit, intro=self.tr("Change what was wrong and say why. The values as they were stay "
                                 "in the record's history."), ok_text=self.tr("Amend"))

    def entered_in_error(self) -> FormDialog:
        c = self.ws.controller
        what = term(self.kind).lower()
        return self._open(self.tr("Entered in error: {what}").format(what=what), [
            Field("reason", self.tr("Why it was entered in error"), "multiline", True),
        ], lambda v: corrections.mark_entered_in_error(
            c.uow(), c.actor, c.reference, self.kind, self.record_id, v["reason"],
            expected_version=c.version),
            intro=self.tr("Mark this {what} as entered in error? From then on it counts nowhere: "
                          "not in the figures and reports, not in documents, lists or My work, "
                          "and it prints nowhere. It stays in the case's History, struck through, "
                          "with your reason. This cannot be undone.")
                         .format(what=what), ok_text=self.tr("Mark entered in error"))

    def rebook(self) -> FormDialog:
        c = self.ws.controller
        default = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
        return self._open(self.tr("Rebook the missed appointment"), [
            Field("starts_at", self.tr("New time"), "datetime", True, default),
        ], lambda v: appointments.rebook(c.uow(), c.actor, c.reference, self.record_id,
                                         v["starts_at"], expected_version=c.version),
            intro=self.tr("The missed appointment stays on record as missed; a new one is booked "
                          "with the same purpose and place."), ok_text=self.tr("Book"))

