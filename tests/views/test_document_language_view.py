"""The document dialog writes to each reader in their language, and says when it cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import text

from app.models.users import Role
from app.services import appointments, cases, documents
from app.services.enums import Scheme
from app.views.documents import DocumentDialog
from tests.factories import at, make_case, make_user
from tests.reports.conftest import pdf_text


def test_the_preview_says_which_language_and_why(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    appointments.schedule(db.uow(), mentor, ref, appointments.AppointmentInput(
        starts_at=at(3), purpose="Key work session", bail_condition=True))
    with db.engine.begin() as conn:  # she asked for letters in Romanian (no template yet)
        conn.execute(text("UPDATE people SET language = 'ro'"))
    window = open_window("mentor")
    ws = window.open_case(ref)
    dialog = DocumentDialog(window.ctx, ws.detail, window)
    qtbot.addWidget(dialog)
    dialog.select_kind(documents.Kind.APPOINTMENT)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert dialog.language_note.text() == ("There is no Romanian wording for this document "
                                           "yet, so it is printed in English.")
    dialog.language.setCurrentText("Welsh (Cymraeg)")
    assert not dialog.file_button.isEnabled()  # a changed choice needs a new preview
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Welsh first" in dialog.language_note.text()
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    words = pdf_text(dialog.filed_doc.content)
    assert words.index("Eich apwyntiadau") < words.index("Your appointments")


def test_an_appointment_letter_comes_with_her_calendar_file(qtbot, db, open_window,
                                                            tmp_path) -> None:
    from icalendar import Calendar

    coord = make_user(db, Role.COORDINATOR, "coord")
    mentor = make_user(db, Role.MENTOR, "mentor")
    ref = make_case(db, coord, Scheme.GATEWAY, worker=mentor)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    for days in (3, 10):
        appointments.schedule(db.uow(), mentor, ref, appointments.AppointmentInput(
            starts_at=at(days), purpose="Key work session", location="Women's Centre",
            bail_condition=True))
    window = open_window("mentor")
    dialog = DocumentDialog(window.ctx, window.open_case(ref).detail, window)
    qtbot.addWidget(dialog)
    dialog.select_kind(documents.Kind.APPOINTMENT)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.ics_button.isEnabled()
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.ics_button.isEnabled()
    out = dialog.save_calendar(str(tmp_path / "hers.ics"))
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 2 and ref not in out.read_text()
    assert "send it with the letter" in dialog.confirmation.text()
