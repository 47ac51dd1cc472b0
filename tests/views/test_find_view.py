"""Find anyone from the case list, search the notes from the same place, and link a repeat
referral to the person already recorded, through the real main window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.models.users import Role
from app.services import case_notes, casefile, find, notes_search
from app.services.case_notes import NoteInput
from app.services.enums import Gender, Scheme
from app.views.notes_search import NotesSearchDialog
from app.views.table_models.note_hit_model import NoteHitModel
from tests.factories import answer_referral, make_case, make_user, person

DOB = date(1985, 7, 14)


@pytest.fixture
def zofia(db):
    coord = make_user(db, Role.COORDINATOR, "coord")
    make_case(db, coord, Scheme.CHECKPOINT, participant=person("Jo", "Other", postcode="TS1 1AA",
                                                               phone="07700 900111"))
    ref = make_case(db, coord, Scheme.CHECKPOINT, crime_reference="DU26ABC123",
                    participant=replace(person("Zofia", "Wiśniewska", gender=Gender.FEMALE,
                                               postcode="DL3 7AB", phone="07700 900456"),
                                        date_of_birth=DOB))
    return coord, ref


def _search(qtbot, window, text: str) -> None:
    window.find()
    window.case_list.search.clear()
    window.case_list.search.insert(text)
    window.case_list.apply_filter()


@pytest.mark.parametrize("typed", ["0002", "zofia", "wisniewska zofia", "14/07/1985",
                                   "DL3 7AB", "900456", "du26abc123"])
def test_the_search_box_finds_by_each_identifier_and_enter_opens_it(
        qtbot, db, open_window, zofia, typed) -> None:
    _coord, ref = zofia
    window = open_window("coord")
    _search(qtbot, window, typed)
    assert window.case_list.count.text() == "1 case"
    assert window.case_list.model.reference_at(0) == ref
    assert window.case_list.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Found by")
    qtbot.keyClick(window.case_list.search, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().reference == ref


def test_nothing_found_says_what_to_try_and_the_notes_are_a_click_away(
        qtbot, db, open_window, zofia) -> None:
    coord, ref = zofia
    case_notes.add_note(db.uow(), coord, ref, NoteInput(date.today(), "Quentin the landlord "
                                                        "called about the deposit."))
    window = open_window("coord")
    _search(qtbot, window, "Quentin")
    view = window.case_list
    assert view.count.text() == "0 cases"
    assert view.hint.text().startswith("Nothing found. Try part of the reference")
    assert view.notes_button.isVisible()
    qtbot.mouseClick(view.notes_button, Qt.MouseButton.LeftButton)
    dialog = view.notes_dialog
    assert isinstance(dialog, NotesSearchDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == ref
    assert dialog.model.index(0, 2).data() == "Case note"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.tabs.currentWidget().reference == ref


def test_the_result_models_pass_the_model_tester(qtbot, qtmodeltester, db, open_window,
                                                zofia) -> None:
    coord, ref = zofia
    case_notes.add_note(db.uow(), coord, ref, NoteInput(date.today(), "Deposit returned."))
    window = open_window("coord")
    _search(qtbot, window, "zofia")
    qtmodeltester.check(window.case_list.model)
    notes = NoteHitModel()
    notes.set_hits(notes_search.search_notes(db.uow(), coord, "deposit"))
    qtmodeltester.check(notes)
    assert find.find(db.uow(), coord, "zofia").hits[0].row.reference == ref


def test_a_repeat_referral_links_the_existing_person(qtbot, db, open_window, zofia) -> None:
    coord, ref = zofia
    existing = casefile.get_case(db.uow(), coord, ref).participant.person_id
    window = open_window("coord")
    window.new_referral_action.trigger()
    dialog = window.dialog
    form = dialog.form
    qtbot.keyClicks(form.inputs["first_name"], "Zofia")
    qtbot.keyClicks(form.inputs["last_name"], "Wisnievska")  # a close spelling
    qtbot.keyClicks(form.inputs["date_of_birth"].edit, "14/7/85")
    qtbot.waitUntil(lambda: dialog.duplicate.isVisible(), timeout=3000)
    assert ref in dialog.duplicate.text()
    link = dialog.matches_box.findChild(QPushButton, f"link_person_{existing}")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert form.value("last_name") == "Wiśniewska"
    assert not form.inputs["postcode"].isEnabled()
    assert dialog.duplicate.text().startswith("Linked:")
    form.set_value("gender", Gender.FEMALE)
    form.set_value("offence_code", "theft-shop")  # the offence starts unchosen
    answer_referral(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), form.general_error.text()
    new_ref = window.tabs.currentWidget().reference
    assert new_ref != ref
    assert casefile.get_case(db.uow(), coord, new_ref).participant.person_id == existing
