"""Every window and dialog fits a 1280x720 laptop at 100% and a 1920x1080 one at 150%, with its
buttons on screen. At 150% Qt lays out in logical pixels (1920x1080 / 1.5 = 1280x720), so one
budget in logical pixels covers both; what a window frame, a title bar and a task bar take is
left over."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QWidget,
)

from app.services import demo
from app.services.enums import (
    AppointmentStatus,
    AssessmentStage,
    CaseStatus,
    ConsentAction,
    Scheme,
)
from app.views import i18n
from app.views.about import AboutDialog
from app.views.case import CaseWorkspace
from app.views.confirm import Confirm
from app.views.main_window import MainWindow
from app.views.signin import FirstAdministratorDialog, SignInDialog
from app.views.terms import term

#: Room for a dialog on a 1280x720 screen (logical pixels), less frame, title bar and task bar.
DIALOG = QSize(1240, 640)
#: The main window's smallest size at the default font.
MAIN_WINDOW = QSize(1024, 640)


def _too_big(name: str, widget: QWidget, budget: QSize) -> list[str]:
    out = []
    for what, size in (("size hint", widget.sizeHint()), ("minimum", widget.minimumSizeHint()),
                       ("size", widget.size())):
        if size.width() > budget.width() or size.height() > budget.height():
            out.append(f"{name}: {what} {size.width()}x{size.height()}")
    return out


def _buttons_outside_scroll(dialog: QDialog) -> bool:
    """The dialog's own buttons are not inside a scrolled body (they never scroll away)."""
    boxes = dialog.findChildren(QDialogButtonBox)
    return all(not any(isinstance(p, QScrollArea) for p in _parents(b, dialog)) for b in boxes)


def _stray_ampersands(name: str, widget: QWidget) -> list[str]:
    """A label's "&" marks an access key only when the label has a buddy to move to; without
    one Qt prints the "&" itself ("&Folder:")."""
    return [f"{name}: {label.text()!r} shows its '&'" for label in widget.findChildren(QLabel)
            if label.buddy() is None and label.textFormat() != Qt.TextFormat.RichText
            and "&" in label.text().replace("&&", "") and "<" not in label.text()]


def _parents(w: QWidget, stop: QWidget) -> Iterator[QWidget]:
    p = w.parentWidget()
    while p is not None and p is not stop:
        yield p
        p = p.parentWidget()


def _workspace_forms(ws: CaseWorkspace) -> Iterator[tuple[str, Any]]:
    """Open every form the workspace has, one at a time."""
    tab = ws.tab_widget
    opened = [
        ("decide", ws.stage_bar.decide), ("assign", ws.stage_bar.assign),
        ("close", lambda: ws.stage_bar.move_to(ws.detail.next_statuses[-1])),
        ("add party", tab("people").add_party),
        ("consent", lambda: tab("people").consent(ConsentAction.GIVEN)),
        ("edit person", tab("people").edit_person),
        ("assessment", lambda: tab("pathways").assess(AssessmentStage.START)),
        ("intervention", tab("interventions").log_intervention),
        ("book", tab("appointments").book_appointment),
        ("reoffending", tab("followups").record_reoffending_check),
        ("document", tab("documents").generate_document),
    ]
    if "contract" in ws.tab_of:
        opened += [("draft contract", tab("contract").draft_contract),
                   ("contract signed", tab("contract").start_contract),
                   ("hours", tab("contract").log_hours)]
    if "meetings" in ws.tab_of:
        m = tab("meetings")
        opened += [("meeting", m.record_meeting), ("agreement", m.record_agreement),
                   ("follow-up", m.record_followup), ("survey", m.record_survey),
                   ("calls", m.record_agency_calls)]
    for name, open_ in opened:
        yield name, open_()


@pytest.fixture(params=["en", "cy"])
def language(request: Any) -> Iterator[str]:
    """English, and Welsh (whose words are longer) through the real translation."""
    assert i18n.use_language(request.param)
    yield request.param
    i18n.use_language(i18n.ENGLISH)


def test_every_window_and_dialog_fits_1280x720_and_150_percent(qtbot, db, open_window,
                                                               language) -> None:
    demo.build(db.uow(), cases=60)
    window: MainWindow = open_window("coordinator", demo.DEMO_PASSWORD)
    app = QApplication.instance()
    problems: list[str] = []
    window.resize(1024, 640)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
        problems += _too_big(f"main window, {window.tabs.tabText(i)}", window, MAIN_WINDOW)
    window.tabs.setCurrentWidget(window.case_list)
    window.case_list.more_filters.setChecked(True)
    problems += _too_big("main window, more filters", window, MAIN_WINDOW)

    dialogs: list[tuple[str, QWidget]] = []
    window.new_referral()
    dialogs.append(("new referral", window.dialog))
    dialogs.append(("users", window.manage_users()))
    dialogs.append(("change password", window.change_password()))
    dialogs.append(("about", AboutDialog(window.ctx.settings.database_url, window)))
    dialogs.append(("sign in", SignInDialog(window.ctx.uow, window)))
    dialogs.append(("first administrator", FirstAdministratorDialog(window.ctx.uow, window)))
    model = window.case_list.model
    for scheme in Scheme:
        ref = next(model.reference_at(r) for r in range(model.rowCount())
                   if model.index(r, model.SCHEME).data() == scheme.label
                   and model.index(r, model.STATUS).data() != term(CaseStatus.CLOSED))
        ws = window.open_case(ref)
        app.processEvents()
        for i in range(ws.tabs.count()):
            ws.tabs.setCurrentIndex(i)
            app.processEvents()
            problems += _too_big(f"{scheme.label} case, {ws.tabs.tabText(i)}", window,
                                 MAIN_WINDOW)
        window.tabs.setCurrentWidget(ws)
        dialogs.append((f"{scheme.label} subject access", window.subject_access()))
        for name, dialog in _workspace_forms(ws):
            dialogs.append((f"{scheme.label} {name}", dialog))
        ws.tab_widget("appointments").appointment_outcome(AppointmentStatus.MISSED)
    dialogs.append(("confirm", Confirm(window, "Close the case", "x " * 300, "Close", print)))
    for name, dialog in dialogs:
        dialog.show()
        app.processEvents()
        problems += _too_big(name, dialog, DIALOG)
        problems += _stray_ampersands(name, dialog)
        if isinstance(dialog, QDialog) and not _buttons_outside_scroll(dialog):
            problems.append(f"{name}: its buttons scroll with the body")
        QDialog.reject(dialog) if isinstance(dialog, QDialog) else dialog.close()
    assert problems == [], "\n".join(problems)
