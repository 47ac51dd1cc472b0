"""The People tab shows each party's ICO category of data subject on this case, and a worker
changes it there (a supporter who saw what happened is a witness)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services import casefile, history
from app.services.enums import DataSubjectCategory, PartyRole, Scheme
from app.services.people import add_party
from tests.factories import make_case, make_user, person


def test_the_people_tab_shows_and_changes_the_category(qtbot, db, open_window) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    fac = make_user(db, Role.FACILITATOR, "fac")
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac)
    supporter = add_party(db.uow(), coord, ref, PartyRole.SUPPORTER, person("Sam", "Friend"))
    window = open_window("fac")
    ws = window.open_case(ref)
    ws.show_tab("people")
    model = ws.table("people_table").record_model()
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Data category")
    assert [model.text(r, column) for r in range(model.rowCount())] == [
        "Suspect or offender", "Victim", "Other"]
    ws.tab_widget("people").records.select_key(supporter)
    qtbot.mouseClick(ws.action_buttons()["party_category"], Qt.MouseButton.LeftButton)
    dialog = ws.dialog
    assert dialog.form.value("party") == supporter
    assert dialog.form.value("category") is DataSubjectCategory.OTHER
    # choosing another party shows that party's own category, then back again
    participant = casefile.get_case(db.uow(), fac, ref, audit_view=False).participant.id
    dialog.form.set_value("party", participant)
    assert dialog.form.value("category") is DataSubjectCategory.SUSPECT_OR_OFFENDER
    dialog.form.set_value("party", supporter)
    assert dialog.form.value("category") is DataSubjectCategory.OTHER
    dialog.form.set_value("category", DataSubjectCategory.WITNESS)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    model = ws.table("people_table").record_model()
    assert model.text(2, column) == "Witness"
    detail = casefile.get_case(db.uow(), fac, ref, audit_view=False)
    assert detail.party(supporter).category is DataSubjectCategory.WITNESS
    rows = history.case_history(db.uow(), fac, ref)
    assert any(r.what == "Data subject category changed" and r.detail ==
               "from other to witness" for r in rows)
