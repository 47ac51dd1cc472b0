"""A small form kit: every dialog in the app is a list of fields, so every input gets a label,
an accessible name, a place for its own error message, validation as you type, a sensible tab
order and an "unsaved changes" question, without each dialog re-doing it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import languages
from app.views.confirm import ask
from app.views.date_field import DateField, DateTimeField
from app.views.i18n import translate
from app.views.screen import fit_to_screen
from app.views.style import ERROR_STYLE

#: The language list every person form offers (ISO 639 codes; app/services/languages.py).
LANGUAGE_CHOICES = [(lang.label, lang.code) for lang in languages.LANGUAGES]


@dataclass
class Field:
    name: str
    label: str
    #: text multiline password date datetime choice check int; a "choice" whose default is
    #: None (and not one of its choices) starts unanswered, and a required one must be chosen
    kind: str = "text"
    required: bool = False
    default: Any = None
    choices: Sequence[tuple[str, Any]] = ()
    minimum: int = 0
    maximum: int = 9999
    help: str | None = None
    check: Callable[[Any], str | None] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class FormWidget(QWidget):
    """The fields laid out with their labels and error lines; values() reads them all."""

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {f.name: f for f in fields}
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in fields:
            widget = self._make(f)
            widget.setObjectName(f"field_{f.name}")
            widget.setAccessibleName(f.label)
            if f.help:
                widget.setToolTip(f.help)
                widget.setAccessibleDescription(f.help)
            label = QLabel(f.label + (" *" if f.required else ""))
            label.setBuddy(widget)
            error = QLabel("")
            error.setObjectName(f"error_{f.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(widget)
            v.addWidget(error)
            layout.addRow(label, box)
            self.inputs[f.name] = widget
            self.errors[f.name] = error
        self.general_error = QLabel("")
        self.general_error.setObjectName("error_general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addRow(self.general_error)
        self._initial = self.values()

    def _make(self, f: Field) -> QWidget:
        w: QWidget
        if f.kind == "multiline":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setPlainText(f.default or "")
            w.setMinimumHeight(60)
            w.textChanged.connect(self.validate)
        elif f.kind == "date":
            # an optional date starts blank, shown as "Not known", and reads back as None
            unknown = bool(f.extra.get("optional"))
            w = DateField(f.default if unknown else (f.default or date.today()),
                          optional=unknown or not f.required)
            w.dateChanged.connect(self.validate)
        elif f.kind == "datetime":
            w = DateTimeField(f.default or datetime.now().replace(second=0, microsecond=0))
            w.dateTimeChanged.connect(self.validate)
        elif f.kind == "choice":
            w = QComboBox()
            for text, value in f.choices:
                w.addItem(text, value)
            # a question starts unanswered unless the field names its default (or offers
            # "none" as a choice): Qt would otherwise pick the first answer for the user
            w.setPlaceholderText(f.extra.get("placeholder") or self.tr("Choose..."))
            idx = next((i for i, (_, v) in enumerate(f.choices) if v == f.default), -1)
            w.setCurrentIndex(idx)
            w.currentIndexChanged.connect(self.validate)
        elif f.kind == "check":
            w = QCheckBox(f.extra.get("text", ""))
            w.setChecked(bool(f.default))
            w.toggled.connect(self.validate)
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(f.minimum, f.maximum)
            w.setValue(int(f.default or f.minimum))
            w.valueChanged.connect(self.validate)
        else:
            w = QLineEdit()
            if f.kind == "password":
                w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setText(f.default or "")
            w.textChanged.connect(self.validate)
        return w

    def value(self, name: str) -> Any:
        w = self.inputs[name]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, DateTimeField):
            return w.dateTime()
        if isinstance(w, DateField):
            return w.date()
        if isinstance(w, QComboBox):
            # Qt hands str subclasses (our StrEnums) back as plain str: read our own list.
            choices = self.fields[name].choices
            i = w.currentIndex()
            return choices[i][1] if 0 <= i < len(choices) else None
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_value(self, name: str, value: Any) -> None:
        w = self.inputs[name]
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        elif isinstance(w, DateField):
            w.setDate(value)
        elif isinstance(w, DateTimeField):
            w.setDateTime(value)
        elif isinstance(w, QComboBox):
            choices = self.fields[name].choices
            w.setCurrentIndex(next((i for i, (_, v) in enumerate(choices) if v == value), -1))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QLineEdit):
            w.setText(value)

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.inputs}

    def changed(self) -> bool:
        return self.values() != self._initial

    def show_error(self, name: str | None, message: str) -> None:
        # services name fields by their data ("agency_id"), forms by what people see ("agency")
        base = (name or "").replace("-", "")
        name = next((n for n in (name, base, base.removesuffix("_id"), f"{base}_id")
                     if n in self.errors), name)
        label = self.errors.get(name or "") or self.general_error
        label.setText(message)
        label.show()
        if name in self.inputs:
            self.inputs[name].setFocus()

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
            label.setText("")

    def validate(self) -> bool:
        """Check required fields and per-field checks now, as the user types."""
        ok = True
        for name, f in self.fields.items():
            value = self.value(name)
            message = None
            w = self.inputs[name]
            if isinstance(w, DateField | DateTimeField) and w.text_problem():
                message = w.text_problem()  # what was typed is not a date: say so, not "needed"
            elif f.required and (value is None or (isinstance(value, str) and not value.strip())):
                message = f"{f.label} is needed."
            elif f.check is not None:
                message = f.check(value)
            label = self.errors[name]
            touched = getattr(self, "_initial", None) is not None and \
                value != self._initial.get(name)
            if message and touched:
                label.setText(message)
                label.show()
            elif not message:
                label.hide()
            ok = ok and message is None
        self.valid_changed(ok)
        return ok

    def valid_changed(self, ok: bool) -> None:
        """Overridden by the dialog holding the form."""


class FormDialog(QDialog):
    """A form with Save and Cancel. ``submit`` gets the values and calls a service; a domain
    error is shown next to its field and the dialog stays open with everything as typed."""

    def __init__(self, title: str, fields: Sequence[Field],
                 submit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None,
                 intro: str | None = None, ok_text: str | None = None,
                 confirm: str | None = None) -> None:
        super().__init__(parent)
        self.confirm_text = confirm  # asked (with what will happen) before the save goes ahead
        self.confirm_box: QWidget | None = None
        self.setWindowTitle(title)
        self.setObjectName("form_" + "".join(ch for ch in title.lower() if ch.isalnum()))
        self.submit_fn = submit
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        self.form = FormWidget(fields)
        self.form.valid_changed = self._valid_changed  # type: ignore[method-assign]
        scroll = QScrollArea()
        scroll.setAccessibleName(title)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(ok_text or self.tr("Save"))
        self.ok_button.setObjectName("save")
        self.ok_button.setShortcut(QKeySequence.StandardKey.Save)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # as wide as the longest label and field need (Welsh labels are longer), within the
        # screen: a form never scrolls sideways when there is room
        wide = max(560, self.form.sizeHint().width() + 2 * layout.contentsMargins().left() + 24)
        fit_to_screen(self, wide, min(600, 140 + 62 * len(fields)))
        self.form.validate()

    def _valid_changed(self, ok: bool) -> None:
        self.ok_button.setEnabled(ok)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = next(iter(self.form.inputs.values()), None)
        if first is not None and not self.form.isAncestorOf(self.focusWidget()):
            first.setFocus()  # a form opens ready to type into its first field

    def _save(self) -> None:
        if not self.form.validate():
            return
        if self.confirm_text:
            self.confirm_box = ask(self, self.windowTitle(), self.confirm_text,
                                   self.ok_button.text(), self._submit)
            return
        self._submit()

    def _submit(self) -> None:
        self.form.clear_errors()
        try:
            self.result_value = self.submit_fn(self.form.values())
        except DomainError as exc:
            self.form.show_error(exc.field, exc.message)
            return
        self.accept()

    def reject(self) -> None:
        if self.form.changed() and self.isVisible():
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"), self.tr("You have changes that are not saved. "
                                                           "Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def show_error(parent: QWidget | None, exc: DomainError, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or translate("Forms", "Not saved"), exc.message)


def align_top(layout: QVBoxLayout) -> None:
    layout.setAlignment(Qt.AlignmentFlag.AlignTop)
