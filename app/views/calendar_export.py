"""File > Export my diary: the signed-in worker's appointments, meetings, follow-ups and checks
as a calendar file (.ics) for their phone or Outlook; case references and places, names only if
they tick the box."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from app.services import calendar
from app.views.context import AppContext
from app.views.folders import documents_folder
from app.views.forms import Field, FormDialog
from app.views.i18n import translate


def diary_dialog(ctx: AppContext, parent: QWidget | None,
                 path: str | None = None) -> FormDialog:
    """The period and whether to include names; Save asks where (``path`` skips the question)
    and writes the file."""

    def submit(v: dict[str, Any]) -> Path | None:
        target = path
        if target is None:  # where first: nothing is exported (or audited) if they cancel
            target, _ = QFileDialog.getSaveFileName(
                parent, translate("CalendarExport", "Save the diary"),
                documents_folder("pathways-diary.ics"),
                translate("CalendarExport", "Calendar (*.ics)"))
            if not target:
                return None
        content = calendar.diary_ics(ctx.uow(), ctx.actor, v["start"], v["end"],
                                     with_names=v["names"])
        out = Path(target)
        out.write_bytes(content)
        return out

    today = date.today()
    return FormDialog(translate("CalendarExport", "Export my diary"), [
        Field("start", translate("CalendarExport", "From"), "date", True, today),
        Field("end", translate("CalendarExport", "To"), "date", True, today + timedelta(weeks=8)),
        Field("names", translate("CalendarExport", "Names"), "check", default=False,
              extra={"text": translate("CalendarExport", "put each person's name in the events")},
              help=translate("CalendarExport", "Off: each event shows the case reference and the "
                                               "place only, so a phone left on a desk shows "
                                               "nobody's name")),
    ], submit, parent, ok_text=translate("CalendarExport", "Save..."),
        intro=translate("CalendarExport", "Your appointments, restorative meetings, follow-ups "
                                          "and agreement checks, as a calendar file your phone or "
                                          "Outlook can open."))
