"""Import referrals from a CSV file: all rows or none.

Each row goes through the same ``create_referral`` a coordinator uses at intake, so an imported
case obeys every rule a typed one does. All rows are tried inside one transaction, each under a
savepoint, so that every bad row can be reported (by its line in the file, with the reason)
in one go; if any row is bad the whole transaction is rolled back and nothing is imported.

Columns (header row required, order free; see README): ``scheme``, ``first_name``,
``last_name``, ``date_of_birth``, ``gender``, ``address_line1``, ``town``, ``postcode``,
``phone``, ``email``, ``offence_code``, ``offence_date``, ``offence_summary``,
``crime_reference``, ``risk_band``, ``referral_date``, ``referral_source``,
``referring_officer``, ``eligibility``, ``harmed_first_name``, ``harmed_last_name``,
``first_time_entrant``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import DomainError, ValidationError
from app.models.cases import RiskBand, Scheme
from app.models.people import Gender
from app.services import cases
from app.services.context import Actor
from app.services.people import PersonInput

COLUMNS = ("scheme", "first_name", "last_name", "date_of_birth", "gender", "address_line1",
           "town", "postcode", "phone", "email", "offence_code", "offence_date",
           "offence_summary", "crime_reference", "risk_band", "referral_date", "referral_source",
           "referring_officer", "eligibility", "harmed_first_name", "harmed_last_name",
           "first_time_entrant")
REQUIRED = ("scheme", "first_name", "last_name", "referral_date", "referral_source")
SCHEMES = {"cp": Scheme.CHECKPOINT, "nr": Scheme.NEIGHBOURHOOD_RESOLUTION,
           "gtc": Scheme.GATEWAY}
MAX_ROWS = 5000
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str


class ImportRefused(ValidationError):
    """One or more rows are bad; nothing was imported. ``problems`` lists every one."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = tuple(problems)
        shown = "; ".join(f"line {p.line}: {p.message}" for p in problems[:20])
        more = f"; and {len(problems) - 20} more" if len(problems) > 20 else ""
        noun = "row has a problem" if len(problems) == 1 else "rows have problems"
        super().__init__(f"Nothing was imported: {len(problems)} {noun}. {shown}{more}",
                         field="file")


@dataclass(frozen=True)
class ImportResult:
    references: tuple[str, ...]


def _date(text: str, what: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"{what} {text.strip()!r} is not a date (use YYYY-MM-DD or "
                          "DD/MM/YYYY).", field=what)


def _opt(row: dict[str, str], key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


_YES_NO = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}


def _yes_no(row: dict[str, str], key: str) -> bool | None:
    """An optional yes/no column: empty is 'not answered' (the service decides if it may be)."""
    text = _opt(row, key)
    if text is None:
        return None
    if text.lower() not in _YES_NO:
        raise ValidationError(f"{key} {text!r} is not yes or no.", field=key)
    return _YES_NO[text.lower()]


def _answers(text: str | None) -> dict[str, bool]:
    """``lives-in-area=yes; admission=no``."""
    answers: dict[str, bool] = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        flag = _YES_NO.get(value.strip().lower())
        if not sep or not key.strip() or flag is None:
            raise ValidationError(f"eligibility {part.strip()!r} is not 'criterion=yes' or "
                                  "'criterion=no'.", field="eligibility")
        answers[key.strip()] = flag
    return answers


def parse_row(row: dict[str, str]) -> cases.ReferralInput:
    """One CSV row as the intake form's input; a ValidationError names what is wrong."""
    for key in REQUIRED:
        if not _opt(row, key):
            raise ValidationError(f"{key} is empty.", field=key)
    scheme_text = (row["scheme"] or "").strip().lower()
    scheme = SCHEMES.get(scheme_text) or next((s for s in Scheme if s.value == scheme_text),
                                              None)
    if scheme is None:
        raise ValidationError(f"scheme {row['scheme'].strip()!r} is not cp, nr or gtc.",
                              field="scheme")
    gender_text = (_opt(row, "gender") or Gender.NOT_STATED.value).lower()
    try:
        gender = Gender(gender_text)
    except ValueError:
        raise ValidationError(f"gender {gender_text!r} is not one of: "
                              + ", ".join(g.value for g in Gender) + ".",
                              field="gender") from None
    risk_text = _opt(row, "risk_band")
    try:
        risk = RiskBand(risk_text.lower()) if risk_text else None
    except ValueError:
        raise ValidationError(f"risk_band {risk_text!r} is not low, moderate or high.",
                              field="risk_band") from None
    dob, offence_date = _opt(row, "date_of_birth"), _opt(row, "offence_date")
    person = PersonInput(
        first_name=row["first_name"], last_name=row["last_name"],
        date_of_birth=_date(dob, "date_of_birth") if dob else None, gender=gender,
        address_line1=_opt(row, "address_line1"), town=_opt(row, "town"),
        postcode=_opt(row, "postcode"), phone=_opt(row, "phone"), email=_opt(row, "email"))
    harmed = None
    if _opt(row, "harmed_first_name") or _opt(row, "harmed_last_name"):
        harmed = PersonInput(first_name=row.get("harmed_first_name") or "",
                             last_name=row.get("harmed_last_name") or "")
    return cases.ReferralInput(
        scheme=scheme, person=person, referral_date=_date(row["referral_date"], "referral_date"),
        referral_source=row["referral_source"], referring_officer=_opt(row, "referring_officer"),
        offence_code=_opt(row, "offence_code"),
        offence_date=_date(offence_date, "offence_date") if offence_date else None,
        offence_summary=_opt(row, "offence_summary"), crime_reference=_opt(row, "crime_reference"),
        risk_band=risk, eligibility_answers=_answers(_opt(row, "eligibility")),
        harmed_party=harmed, first_time_entrant=_yes_no(row, "first_time_entrant"))


def read_rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number in the file, row) for every data row; the file's shape is checked first."""
    if len(data) > MAX_BYTES:
        raise ValidationError(f"The file is larger than {MAX_BYTES // 1_000_000} MB; split it.",
                              field="file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"The file is not UTF-8 text (byte {exc.start}); save it as "
                              "'CSV UTF-8'.", field="file") from None
    if "\x00" in text:
        raise ValidationError("The file is not a CSV text file.", field="file")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        missing = [c for c in REQUIRED if c not in header]
        unknown = [h for h in header if h not in COLUMNS]
        if not header:
            raise ValidationError("The file is empty.", field="file")
        if missing or unknown:
            parts = []
            if missing:
                parts.append("missing columns: " + ", ".join(missing))
            if unknown:
                parts.append("unknown columns: " + ", ".join(repr(u) for u in unknown))
            raise ValidationError("The header row is wrong (" + "; ".join(parts) + ").",
                                  field="file")
        if len(set(header)) != len(header):
            raise ValidationError("A column appears twice in the header row.", field="file")
        rows = []
        start = 2
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise ValidationError(f"Line {start}: the row does not have "
                                      f"{len(header)} columns.", field="file")
            if any(v.strip() for v in row.values()):
                rows.append((start, row))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                raise ValidationError(f"At most {MAX_ROWS} rows at a time; split the file.",
                                      field="file")
    except csv.Error as exc:
        raise ValidationError(f"Line {reader.line_num}: the file is not valid CSV ({exc}).",
                              field="file") from None
    if not rows:
        raise ValidationError("The file has a header but no rows.", field="file")
    return rows


class _Shared(UnitOfWork):
    """Lets each service call join the import's one transaction: its commit only flushes."""

    def __init__(self, outer: UnitOfWork) -> None:
        self._outer = outer

    @property
    def session(self) -> Session:
        return self._outer.session

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self._outer.engine

    def __enter__(self) -> _Shared:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None

    def begin_write(self) -> None:
        return None

    def commit(self) -> None:
        self.session.flush()


def import_referrals(
    uow: UnitOfWork, actor: Actor, source: Path | bytes, *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Every row becomes a referral, or none does; each bad row is named by line and reason.
    ``progress(done, total)`` follows the rows; ``cancelled()`` is checked before each, and a
    cancelled import, like a refused one, leaves nothing behind."""
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ValidationError(f"{source} cannot be read: {exc.strerror}.",
                                  field="file") from None
    else:
        data = source
    rows = read_rows(data)
    problems: list[RowProblem] = []
    references: list[str] = []
    with uow:
        uow.begin_write()
        shared = _Shared(uow)
        for done, (line, row) in enumerate(rows):
            if cancelled is not None and cancelled():
                raise ValidationError("The import was cancelled: nothing was imported.",
                                      field="file")
            if progress is not None:
                progress(done, len(rows))
            try:
                referral = parse_row(row)
                with uow.session.begin_nested():
                    references.append(cases.create_referral(shared, actor, referral))
            except DomainError as exc:
                problems.append(RowProblem(line, exc.message))
        if problems:
            raise ImportRefused(problems)  # leaving the block rolls every row back
        uow.commit()
    return ImportResult(tuple(references))
