"""Outputs of the indicator engine: the board report (PDF), the same figures as JSON, and the
commissioner's return (CSV through a mapping file).

All three read one :class:`~app.services.indicators.IndicatorReport`, so they agree by
construction; none of them names a case.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.config import RESOURCES
from app.db import UnitOfWork
from app.errors import ValidationError
from app.reports.base import Header, Letterhead, fmt_date
from app.reports.board import (  # Chart and Series are re-exported for the dashboard
    BoardReportData,
    BoardReportRenderer,
    Chart,
    FigureRow,
    FigureSection,
    Series,
)
from app.services import audit, export, standards
from app.services.collector import collection_paused
from app.services.context import Actor
from app.services.indicators import (
    INDICATOR_IDS,
    Figure,
    IndicatorReport,
    Scope,
    compute,
)
from app.services.organisation import get_organisation
from app.services.rendering import render_pdf

DEFAULT_MAPPING = RESOURCES / "returns" / "commissioner.json"

#: Report sections: heading and the indicators it shows, in order.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Referrals", ("referrals", "referrals_by_source")),
    ("Eligibility and diversion", ("eligible", "eligible_rate", "diverted",
                                   "first_time_entrants_diverted")),
    ("Completion and breach", ("completion_rate", "breach_rate", "median_days_to_completion")),
    ("Proven reoffending", ("reoffending_rate_12m", "reoffending_per100_12m",
                            "reoffending_rate_24m", "reoffending_per100_24m")),
    ("Neighbourhood Resolution", ("harmed_satisfied", "agreements_kept",
                                  "agreement_actions_kept", "calls_before", "calls_after")),
    ("Distance travelled per pathway (fall in need level, start to exit)",
     ("distance_travelled",)),
    ("Gateway to Change: women after they leave", ("women_independent",
                                                   "women_free_from_abuse")),
    ("Appointments", ("appointments_missed", "appointments_missed_rate")),
)


def basis(f: Figure) -> str:
    """How a figure was reached, in words, for tables and tooltips."""
    if f.value is None:
        # the figure column already says "not yet known": the basis says why
        text = (f.reason or "not yet known").removeprefix("not yet known: ")
    elif f.indicator == "median_days_to_completion":
        text = f"{f.denominator} completed"
    elif f.indicator == "distance_travelled":
        text = f"{f.denominator} cases with a need at start"
    elif f.unit == "%" and f.denominator is not None:
        text = f"{f.numerator:g} of {f.denominator}"
    elif f.unit == "per 100":
        text = f"{f.numerator:g} offences, {f.denominator} people"
    elif f.indicator in ("calls_before", "calls_after"):
        text = f"{f.denominator} cases"
    elif f.indicator in ("eligible", "first_time_entrants_diverted"):
        text = f"of {f.denominator}"
    elif f.indicator == "referrals_by_source":
        text = f"of {f.denominator} referrals"
    else:
        text = ""
    if f.note:
        text = f"{text}; {f.note}" if text else f.note
    return text


def scope_text(report: IndicatorReport) -> str:
    s = report.scope
    parts = [f"{fmt_date(s.start)} to {fmt_date(s.end)}",
             s.scheme.label if s.scheme else "all schemes"]
    if report.worker_name:
        parts.append(report.worker_name)
    return ", ".join(parts)


def as_json(report: IndicatorReport) -> dict[str, Any]:
    """The figures as plain data (``pathways report kpi --json``); no case is named."""
    s = report.scope
    return {
        "period": {"from": s.start.isoformat(), "to": s.end.isoformat()},
        "scheme": s.scheme.value if s.scheme else None,
        "worker": report.worker_name,
        "as_of": report.today.isoformat(),
        "figures": [
            {"id": f.id, "indicator": f.indicator, "label": f.label, "unit": f.unit,
             "value": f.value, "display": f.display, "numerator": f.numerator,
             "denominator": f.denominator, "known": f.known, "reason": f.reason,
             "note": f.note, "scheme": f.scheme.value if f.scheme else None}
            for f in report.figures],
        "months": [{"month": m.month.strftime("%Y-%m"), "referrals": m.referrals,
                    "completed": m.completed, "breached": m.breached}
                   for m in report.months],
    }


def charts(report: IndicatorReport) -> tuple[Chart, ...]:
    """The three charts the dashboard and the board report share."""
    months = report.months
    trend = Chart("Referrals and outcomes by month",
                  tuple(m.month.strftime("%b %y") for m in months),
                  (Series("Referrals", tuple(float(m.referrals) for m in months)),
                   Series("Completed", tuple(float(m.completed) for m in months)),
                   Series("Breached or not completed", tuple(float(m.breached) for m in months))))
    schemes = [f.scheme for f in report.of("completion_rate") if f.scheme]
    rates = Chart(
        "Completion and breach rates by scheme (%)",
        tuple(s.label for s in schemes),
        (Series("Completion", tuple(_num(report.get(f"completion_rate.{s.value}"))
                                    for s in schemes)),
         Series("Breach", tuple(_num(report.get(f"breach_rate.{s.value}")) for s in schemes))),
        value_max=100)
    distance = report.of("distance_travelled")
    dist = Chart("Distance travelled per pathway (mean fall in need level)",
                 tuple(f.label for f in distance),
                 (Series("Levels", tuple(_num(f) for f in distance)),),
                 horizontal=True)
    return trend, rates, dist


def _num(f: Figure | None) -> float | None:
    return float(f.value) if f is not None and f.value is not None else None


def board_report(uow: UnitOfWork, actor: Actor, scope: Scope, *, today: date | None = None
                 ) -> tuple[IndicatorReport, bytes]:
    """Compute the indicators and render the board report; returns both (the CLI's --json
    prints the very report the PDF was made from)."""
    with collection_paused():
        report = compute(uow, actor, scope, today=today, named=False)
        return report, render_board_report(uow, report)


def record_board_print(uow: UnitOfWork, actor: Actor, scope: Scope) -> None:
    """Audit a board report put on paper ("report.print"): it names no case, but a printed
    copy of the scheme's figures leaves the system all the same."""
    with uow:
        audit.record(uow, actor, "report.print", "cases",
                     detail=f"board report: {scope.start.isoformat()}..{scope.end.isoformat()}")
        uow.commit()


def render_board_report(uow: UnitOfWork, report: IndicatorReport) -> bytes:
    org = get_organisation(uow)
    s = report.scope
    header = Header(Letterhead(org.name, org.address, org.phone, org.email, org.logo),
                    "Partnership board report",
                    f"KPI {s.start.isoformat()} to {s.end.isoformat()}", report.today)
    facts = [("Period", f"{fmt_date(s.start)} to {fmt_date(s.end)}"),
             ("Schemes", s.scheme.label if s.scheme else "All schemes"),
             ("Worker", report.worker_name or "All workers"),
             ("Figures as known on", fmt_date(report.today))]
    notes = ("A figure whose follow-up window has not yet closed is shown as 'not yet known', "
             "never as zero. Restricted cases are counted in every figure; no case is named in "
             "this report. Definitions: docs/indicators.md.",)
    sections = []
    for title, ids in SECTIONS:
        rows = tuple(FigureRow(f.label, f.display, basis(f))
                     for ind in ids for f in report.of(ind))
        sections.append(FigureSection(title, rows))
    sections.append(_standards_section(uow, s.start, s.end))
    data = BoardReportData(header, tuple(facts), notes, charts(report), tuple(sections))
    return render_pdf(BoardReportRenderer(data), "board report")


def _standards_section(uow: UnitOfWork, start: date, end: date) -> FigureSection:
    """The national standards' figures (practitioners, Victims' Code, complaints)."""
    return FigureSection(standards.TITLE, tuple(
        FigureRow(label, value, basis)
        for label, value, basis in standards.board_rows(uow, start, end)))


# ---------------------------------------------------------------- commissioner's return

#: Fields a mapping column may take besides a figure.
FIELDS = ("period_start", "period_end", "scheme", "worker", "as_of")
PARTS = ("value", "numerator", "denominator")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class ReturnColumn:
    column: str
    figure: str | None = None
    field: str | None = None
    part: str = "value"


@dataclass(frozen=True)
class ReturnMapping:
    name: str
    not_known: str
    not_applicable: str
    columns: tuple[ReturnColumn, ...]


def load_mapping(path: Path) -> ReturnMapping:
    """Read and check a mapping file; every problem is named with the column it is in."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(f"The mapping file {path} does not exist.",
                              field="mapping") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"The mapping file {path} is not valid JSON: {exc}.",
                              field="mapping") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), list) \
            or not raw["columns"]:
        raise ValidationError(f"The mapping file {path} needs a non-empty 'columns' list.",
                              field="mapping")
    columns = []
    for n, item in enumerate(raw["columns"], start=1):
        where = f"column {n} of {path.name}"
        if not isinstance(item, dict) or not str(item.get("column", "")).strip():
            raise ValidationError(f"{where} needs a 'column' name.", field="mapping")
        name = str(item["column"])
        figure, fld = item.get("figure"), item.get("field")
        part = item.get("part", "value")
        if (figure is None) == (fld is None):
            raise ValidationError(f"{where} ({name!r}) needs either 'figure' or 'field'.",
                                  field="mapping")
        if figure is not None and str(figure).split(".", 1)[0] not in INDICATOR_IDS:
            raise ValidationError(f"{where} ({name!r}) names an unknown indicator "
                                  f"{figure!r}; see docs/indicators.md.", field="mapping")
        if fld is not None and fld not in FIELDS:
            raise ValidationError(f"{where} ({name!r}) has an unknown field {fld!r}; use one "
                                  f"of {', '.join(FIELDS)}.", field="mapping")
        if part not in PARTS:
            raise ValidationError(f"{where} ({name!r}) has an unknown part {part!r}; use one "
                                  f"of {', '.join(PARTS)}.", field="mapping")
        columns.append(ReturnColumn(name, figure, fld, part))
    return ReturnMapping(str(raw.get("name", path.stem)), str(raw.get("not_known",
                                                                      "not yet known")),
                         str(raw.get("not_applicable", "n/a")), tuple(columns))


def safe_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: text that starts (after any spaces)
    with = + - @ tab or carriage return gets a leading apostrophe. Plain numbers we wrote
    (including negative ones) stay numbers."""
    if _NUMBER.fullmatch(text):
        return text
    return export.safe_cell(text)  # the one rule every CSV export shares


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def return_row(report: IndicatorReport, mapping: ReturnMapping) -> list[str]:
    row = []
    s = report.scope
    for col in mapping.columns:
        if col.field is not None:
            text = {"period_start": s.start.isoformat(), "period_end": s.end.isoformat(),
                    "scheme": s.scheme.label if s.scheme else "All schemes",
                    "worker": report.worker_name or "All workers",
                    "as_of": report.today.isoformat()}[col.field]
        else:
            assert col.figure is not None
            f = report.get(col.figure)
            if f is None:
                # a source with no referrals this period is a true zero; otherwise the figure
                # does not apply to this scope (a scheme filtered out)
                text = "0" if col.figure.startswith("referrals_by_source.") else \
                    mapping.not_applicable
            elif col.part == "value":
                text = mapping.not_known if f.value is None else _number(f.value)
            else:
                text = _number(getattr(f, col.part))
        row.append(safe_cell(text))
    return row


def commissioner_return(uow: UnitOfWork, actor: Actor, scope: Scope, mapping_path: Path, *,
                        today: date | None = None) -> str:
    """The commissioner's return as CSV text: one header row, one row of figures."""
    mapping = load_mapping(mapping_path)
    report = compute(uow, actor, scope, today=today, named=False)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([safe_cell(c.column) for c in mapping.columns])
    writer.writerow(return_row(report, mapping))
    with uow:
        audit.record(uow, actor, "report.return", "cases",
                     detail=f"{mapping.name}: {scope.start.isoformat()}..{scope.end.isoformat()}")
        uow.commit()
    return buf.getvalue()
