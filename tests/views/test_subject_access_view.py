"""Subject access from the window: a coordinator exports a party's records from the open case;
the action is not offered to anyone else."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from app.models.users import Role
from app.services.enums import Scheme
from app.views.subject_access import SubjectAccessDialog
from tests.factories import make_case, make_user


def test_coordinator_exports_a_party_from_the_open_case(qtbot, db, open_window,
                                                        tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    fac = make_user(db, Role.FACILITATOR, "fac")
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac)
    window = open_window("coord")
    window.sar_action.trigger()
    assert window.statusBar().currentMessage() == "Open the person's case first."
    window.open_case(ref)
    window.sar_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SubjectAccessDialog)
    labels = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert labels == ["Jordan Avery (participant)", "Harriet Wells (harmed party)"]
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Choose a folder for the export."
    dialog.person.setCurrentIndex(1)
    qtbot.keyClicks(dialog.folder, str(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    (pack,) = list(tmp_path.glob("subject-access-*"))
    data = json.loads((pack / "data.json").read_text(encoding="utf-8"))
    harmed = dialog.person.itemData(1)
    assert data["person_id"] == harmed
    assert window.statusBar().currentMessage() == f"Subject access export written to {pack}"


def test_the_action_is_not_offered_to_front_line_workers(db, open_window) -> None:
    make_user(db, Role.NAVIGATOR, "nav")
    window = open_window("nav")
    assert not window.sar_action.isEnabled()
