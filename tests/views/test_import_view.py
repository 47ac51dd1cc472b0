"""Importing referrals from the window runs in the background: all rows or none."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.models.users import Role
from app.services import casefile, importer
from app.services.casefile import CaseFilter
from tests.factories import make_user

DAY = (date.today() - timedelta(days=5)).isoformat()
HEADER = ("scheme,first_name,last_name,referral_date,referral_source,offence_code,"
          "harmed_first_name,harmed_last_name,eligibility\n")
GOOD = (HEADER + f"nr,Aled,Morgan,{DAY},Housing provider,neighbour-dispute,Iris,Bell,"
        "all-parties-willing=yes\n"
        f"nr,Ceri,Jones,{DAY},Self-referral,asb-nuisance,Tom,Bell,all-parties-willing=yes\n")
BAD = GOOD + f"cp,Dai,Evans,{DAY},Police custody,no-such-offence,,,\n"


def test_import_from_the_file_menu(qtbot, db, open_window, tmp_path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    path = tmp_path / "referrals.csv"
    path.write_text(GOOD, encoding="utf-8")
    window = open_window("coord")
    task = window.import_referrals(str(path))
    qtbot.waitUntil(lambda: task.finished, timeout=20000)
    assert window.import_message == "2 referral(s) imported"
    names = {r.participant for r in casefile.list_cases(db.uow(), coord, CaseFilter())}
    assert names == {"Aled Morgan", "Ceri Jones"}


def test_a_bad_row_imports_nothing_and_is_named(qtbot, db, open_window, tmp_path,
                                                monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    coord = make_user(db, Role.COORDINATOR, "coord")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    path = tmp_path / "referrals.csv"
    path.write_text(BAD, encoding="utf-8")
    window = open_window("coord")
    task = window.import_referrals(str(path))
    qtbot.waitUntil(lambda: task.finished, timeout=20000)
    assert shown and shown[0].startswith("Nothing was imported: 1 row has a problem. line 4:")
    assert casefile.list_cases(db.uow(), coord, CaseFilter()) == []


def test_a_cancelled_import_leaves_nothing(db, tmp_path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    seen: list[int] = []

    def cancel_after_first() -> bool:
        return len(seen) >= 1

    with pytest.raises(ValidationError, match="cancelled: nothing was imported"):
        importer.import_referrals(db.uow(), coord, GOOD.encode(),
                                  progress=lambda done, total: seen.append(done),
                                  cancelled=cancel_after_first)
    assert casefile.list_cases(db.uow(), coord, CaseFilter()) == []
