"""Render each main screen from a fresh demo database to PNGs under docs/screenshots/.

Run with scripts/screenshots (it sets up the environment). Offscreen, so no display is needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    # "--laptop TAG": only the 1280x720 set (run under QT_SCALE_FACTOR=1.5 for the 150% one)
    laptop = sys.argv[sys.argv.index("--laptop") + 1] if "--laptop" in sys.argv else None
    # "--welsh": the window in Welsh at 1280x720 (11-cy-*.png)
    welsh = "--welsh" in sys.argv
    tmp = Path(tempfile.mkdtemp(prefix="pathways-shots-"))
    os.environ["PATHWAYS_DATA_DIR"] = str(tmp)
    from app.config import Settings
    from app.db import Database
    from app.services import database, demo, users
    from app.views.app import make_application
    from app.views.context import AppContext
    from app.views.main_window import MainWindow

    app = make_application()
    settings = Settings.load()
    db = Database(settings.database_url)
    database.upgrade(db)
    demo.build(db.uow(), cases=500, seed=7)
    OUT.mkdir(parents=True, exist_ok=True)

    def window_for(username: str) -> MainWindow:
        actor = users.sign_in(db.uow(), username, demo.DEMO_PASSWORD)
        w = MainWindow(AppContext(db.uow, actor, settings))
        w.resize(1400, 860)
        w.show()
        app.processEvents()
        return w

    if welsh:
        from app.views.i18n import use_language

        use_language("cy")
        return welsh_screens(app, window_for)
    if laptop is not None:
        return laptop_screens(app, window_for, laptop)
    w = window_for("coordinator")
    w.grab().save(str(OUT / "01-my-work-coordinator.png"))
    w.tabs.setCurrentIndex(1)
    app.processEvents()
    w.grab().save(str(OUT / "02-case-list.png"))
    picks = {"checkpoint": "CP-", "restorative": "NR-", "gateway": "GTC-"}
    wanted = {"checkpoint": "Contract active", "restorative": "Agreement monitoring",
              "gateway": "Engaged"}
    model = w.case_list.model
    for name, prefix in picks.items():
        ref = next(model.reference_at(r) for r in range(model.rowCount())
                   if model.reference_at(r).startswith(prefix)
                   and model.index(r, model.STATUS).data() == wanted[name])
        ws = w.open_case(ref)
        for i in range(ws.tabs.count()):
            tab = ws.tabs.widget(i).objectName().removeprefix("tab_")
            if name != "checkpoint" and tab not in ("meetings", "appointments", "people"):
                continue
            ws.tabs.setCurrentIndex(i)
            app.processEvents()
            w.grab().save(str(OUT / f"03-{name}-{tab}.png"))
    dashboard = w.show_dashboard()
    if dashboard is not None:
        app.processEvents()
        deadline = time.monotonic() + 60
        while dashboard.busy and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        app.processEvents()
        w.grab().save(str(OUT / "07-dashboard.png"))
    w.new_referral()
    app.processEvents()
    w.dialog.grab().save(str(OUT / "04-new-referral.png"))
    w.dialog.close()
    mentor = window_for("mentor")
    mentor.grab().save(str(OUT / "05-my-work-mentor.png"))
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(font)
    big = window_for("navigator")
    big.grab().save(str(OUT / "06-my-work-large-font.png"))
    print(f"screenshots written to {OUT}")
    return 0


def laptop_screens(app: Any, window_for: Any, tag: str) -> int:
    """Every main screen and the main dialogs in a 1280x720 window (logical pixels)."""
    from PySide6.QtWidgets import QDialog

    from app.services.enums import CaseStatus

    w = window_for("coordinator")
    w._idle.stop()  # a slow machine must not lock the window half-way through
    w.resize(1280, 720)
    app.processEvents()

    def shot(widget: Any, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(OUT / f"10-{tag}-{name}.png"))

    shot(w, "my-work")
    w.tabs.setCurrentIndex(1)
    shot(w, "case-list")
    model = w.case_list.model
    ref = next(model.reference_at(r) for r in range(model.rowCount())
               if model.reference_at(r).startswith("CP-")
               and model.index(r, model.STATUS).data() == "Contract active")
    ws = w.open_case(ref)
    for tab in ("overview", "contract", "pathways"):
        ws.show_tab(tab)
        shot(w, f"case-{tab}")
    ws.show_tab("interventions")
    form = ws.tab_widget("interventions").log_intervention()
    shot(form, "form-intervention")
    form.reject()
    ws.show_tab("contract")
    breach = ws.stage_bar.move_to(CaseStatus.BREACHED)
    breach.form.inputs["reason"].setPlainText("Reoffended")
    breach.ok_button.click()
    shot(breach.confirm_box, "confirm-breach")
    breach.confirm_box.reject()
    QDialog.reject(breach)  # no "discard changes?" question in a script
    documents = ws.generate_document()
    shot(documents, "document-dialog")
    documents.reject()
    w.new_referral()
    shot(w.dialog, "new-referral")
    w.dialog.reject()
    dashboard = w.show_dashboard()
    if dashboard is not None:
        deadline = time.monotonic() + 60
        while (dashboard.busy or dashboard.report is None) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        shot(w, "dashboard")
    print(f"{tag} screenshots written to {OUT}")
    return 0


def welsh_screens(app: Any, window_for: Any) -> int:
    """The main window, a case and its forms in Welsh, in a 1280x720 window: Welsh is longer
    than English, so these show whether anything is cut off."""
    from PySide6.QtWidgets import QDialog

    from app.services.enums import CaseStatus
    from app.views.terms import term

    w = window_for("coordinator")
    w._idle.stop()
    w.resize(1280, 720)

    def shot(widget: Any, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(OUT / f"11-cy-1280x720-{name}.png"))

    shot(w, "my-work")
    w.tabs.setCurrentIndex(1)
    shot(w, "case-list")
    model = w.case_list.model
    ref = next(model.reference_at(r) for r in range(model.rowCount())
               if model.reference_at(r).startswith("CP-")
               and model.index(r, model.STATUS).data() == term(CaseStatus.CONTRACT_ACTIVE))
    ws = w.open_case(ref)
    for tab in ("overview", "contract", "people"):
        ws.show_tab(tab)
        shot(w, f"case-{tab}")
    gateway = next(model.reference_at(r) for r in range(model.rowCount())
                   if model.reference_at(r).startswith("GTC-")
                   and model.index(r, model.STATUS).data() == term(CaseStatus.ENGAGED))
    bail = w.open_case(gateway)
    bail.show_tab("appointments")
    shot(w, "case-appointments")
    form = ws.tab_widget("appointments").book_appointment()
    shot(form, "form-appointment")
    QDialog.reject(form)
    documents = ws.generate_document()
    shot(documents, "document-dialog")
    documents.reject()
    w.new_referral()
    shot(w.dialog, "new-referral")
    QDialog.reject(w.dialog)
    w.preferences()
    shot(w.dialog, "preferences")
    QDialog.reject(w.dialog)
    print(f"Welsh screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
