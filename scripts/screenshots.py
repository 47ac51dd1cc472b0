"""Render each main screen from a fresh demo database to PNGs under docs/screenshots/.

Run with scripts/screenshots (it sets up the environment). Offscreen, so no display is needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
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


if __name__ == "__main__":
    sys.exit(main())
