"""The benchmark's data set: the demo generator's cases, topped up by a bench-only bulk generator
to 10 interventions and contacts and 3 appointments per case and one filed letter per two cases
(letter-sized PDFs of about 40 KB; 50,000 at 100,000 cases, at most 100,000), plus the cases the
figures need (one with exactly 200 interventions, 1,000 Gateway cases with a bail appointment in
one week for the letter batch).

The top-up writes through Core (driver executemany in batches) on the app's own engine, in the
demo generator's bulk mode (``demo.bulk_writes``: the tables' indexes and full-text triggers made
again once at the end, the full-text index rebuilt from the rows, so it holds what the triggers
would have put in it), with a rollback journal instead of the write-ahead log for the one
transaction: two GB of letters are then written once, not once to the log and again at the
checkpoint. The notes come from a pool of a few thousand made by the same rules (one random draw
a row instead of a sample of words).
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import Connection, text

from app.db import Database
from app.reports.base import FONT, FONT_BOLD, register_fonts
from app.services.demo import bulk_writes

TARGET_INTERVENTIONS = 1_000_000
TARGET_APPOINTMENTS = 300_000
TARGET_DOCUMENTS = 50_000
BIG_CASE_INTERVENTIONS = 200
LETTER_BATCH = 1_000
#: Distinct letter PDFs the filed documents cycle through (each about 40 KB).
LETTER_VARIETY = 100
BATCH = 20_000
#: Distinct notes the interventions draw from.
NOTE_POOL = 4096

#: Words the synthetic notes are made of; "tenancy" is rare on purpose (about 1 note in 200),
#: so the full-text figure is a selective search, as a real one usually is.
COMMON = ("attended", "session", "support", "discussed", "plan", "progress", "worker", "phone",
          "appointment", "goals", "family", "benefits", "course", "group", "keyworker", "call",
          "review", "letter", "college", "volunteering", "budget", "sleep", "confidence")
RARE = "tenancy"
SUMMARIES = ("Keyworker session", "Phone check-in", "Attended group", "Referred to service",
             "Home visit", "Budgeting session")


@dataclass(frozen=True)
class Dataset:
    big_case: str
    small_case: str
    letter_week: tuple[date, date]
    counts: dict[str, int]


def _insert(conn: Connection, table: str, columns: tuple[str, ...],
            rows: list[tuple[Any, ...]]) -> None:
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    for i in range(0, len(rows), BATCH):
        conn.exec_driver_sql(sql, rows[i:i + BATCH])


def _stamp(at: datetime) -> str:
    """A UTC timestamp as SQLAlchemy stores it on SQLite."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _letter_pdf(r: random.Random) -> bytes:
    """A one-page letter in the app's embedded fonts: about 40 KB, the size of a real one."""
    register_fonts()
    body = ParagraphStyle("b", fontName=FONT, fontSize=11, leading=14.3, spaceAfter=6.6)
    head = ParagraphStyle("h", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19)
    story: list[Any] = [Spacer(1, 26 * mm), Paragraph("Your agreement and what happens next",
                                                      head)]
    story += [Paragraph(" ".join(r.choice(COMMON) for _ in range(60)).capitalize() + ".", body)
              for _ in range(6)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def top_up(db: Database, *, scale: float = 1.0, seed: int = 8, today: date | None = None
           ) -> Dataset:
    """Add the bench-only rows to a demo database; returns what the figures need. ``scale``
    shrinks the targets for a quick run on fewer cases. One transaction; a failure leaves the
    database as it was."""
    r = random.Random(seed)
    n_interventions = int(TARGET_INTERVENTIONS * scale)
    n_appointments = int(TARGET_APPOINTMENTS * scale)
    # letters grow with the cases up to twice the 100,000-case set (4 GB of PDFs at 400,000)
    n_documents = int(TARGET_DOCUMENTS * min(scale, 2.0))
    today = today or date.today()
    now = _stamp(datetime.now(UTC))
    notes_pool = []
    for _ in range(NOTE_POOL):
        words = r.sample(COMMON, r.randint(4, 9))
        if r.random() < 0.005:
            words.insert(r.randrange(len(words)), RARE)
        notes_pool.append(" ".join(words).capitalize() + ".")
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA journal_mode = TRUNCATE")  # outside a transaction, as it must be
        with conn.begin(), bulk_writes(conn, ("interventions", "appointments", "documents")):
            dataset = _fill(conn, r, today, now, notes_pool, n_interventions, n_appointments,
                            n_documents)
        raw.execute("PRAGMA journal_mode = WAL")
    return dataset


def _fill(conn: Connection, r: random.Random, today: date, now: str, notes_pool: list[str],
          n_interventions: int, n_appointments: int, n_documents: int) -> Dataset:
    coord = conn.exec_driver_sql(
        "SELECT id FROM users WHERE username = 'coordinator'").scalar_one()
    agency_for: dict[str, int] = {}
    for agency_id, code in conn.exec_driver_sql(
            "SELECT id, pathway_code FROM agencies ORDER BY id"):
        if code:
            agency_for.setdefault(code, agency_id)
    pathways = [p for (p,) in conn.exec_driver_sql("SELECT code FROM pathways")]
    started = conn.exec_driver_sql(
        "SELECT id, reference, started_on, coalesce(worker_id, ?), scheme, status "
        "FROM cases WHERE started_on IS NOT NULL AND scheme != 'neighbourhood-resolution' "
        "ORDER BY id", (coord,)).all()
    have = conn.exec_driver_sql("SELECT count(*) FROM interventions").scalar_one()

    # one active Checkpoint case with exactly 200 interventions, one with the fewest
    per_case: dict[int, int] = dict(conn.exec_driver_sql(
        "SELECT case_id, count(*) FROM interventions GROUP BY case_id").all())
    active = [c for c in started if c[4] == "checkpoint" and c[5] == "contract-active"]
    big = active[0]
    small = min(active[1:], key=lambda c: per_case.get(c[0], 0))
    plan = [big] * (BIG_CASE_INTERVENTIONS - per_case.get(big[0], 0))
    others = [c for c in started if c[0] != big[0]]
    plan += [r.choice(others) for _ in range(n_interventions - have - len(plan))]
    rows: list[tuple[Any, ...]] = []
    for case_id, _ref, started_on, by, _scheme, _status in plan:
        start = date.fromisoformat(str(started_on))
        when = min(today, start + timedelta(days=r.randint(0, 110)))
        p = r.choice(pathways)
        kind = r.choice(("intervention", "contact", "referral to agency"))
        if kind == "referral to agency" and p not in agency_for:
            kind = "contact"
        notes = notes_pool[r.randrange(NOTE_POOL)] if r.random() < 0.7 else None
        rows.append((case_id, kind, p, agency_for.get(p) if kind != "contact" else None,
                     when.isoformat(), r.choice((15, 30, 45, 60, 90)), r.choice(SUMMARIES),
                     notes, by, now))
    _insert(conn, "interventions", ("case_id", "kind", "pathway_code", "agency_id",
                                    "occurred_on", "duration_minutes", "summary", "notes",
                                    "recorded_by_id", "created_at"), rows)

    # 1,000 engaged Gateway cases with a scheduled bail appointment in one week (far enough
    # ahead that no demo appointment falls in it), and past appointments up to the target
    monday = today + timedelta(days=63 - today.weekday())
    engaged = [c for c in started if c[4] == "gateway-to-change" and c[5] == "engaged"]
    letters = min(LETTER_BATCH, len(engaged))
    appt_cols = ("case_id", "starts_at", "location", "purpose", "bail_condition", "status",
                 "with_user_id", "outcome_recorded_at", "outcome_by_id", "version",
                 "updated_at", "updated_by_id")
    rows = []
    for n, (case_id, _ref, _s, by, _scheme, _status) in enumerate(engaged[:letters]):
        at = datetime.combine(monday + timedelta(days=n % 5), time(9 + n % 8, 0))
        rows.append((case_id, _stamp(at.astimezone()), "Women's Centre", "Key work session",
                     1, "scheduled", by, None, None, 1, now, by))
    have = conn.exec_driver_sql("SELECT count(*) FROM appointments").scalar_one()
    for _ in range(n_appointments - have - len(rows)):
        case_id, _ref, started_on, by, scheme, _status = r.choice(started)
        day = min(today - timedelta(days=1),
                  date.fromisoformat(str(started_on)) + timedelta(days=r.randint(1, 110)))
        stamp = _stamp(datetime.combine(day, time(r.randint(9, 16), 0)).astimezone())
        status = "missed" if r.random() < 0.1 else "kept"
        rows.append((case_id, stamp, "Community hub", "Review", int(scheme != "checkpoint"),
                     status, by, stamp, by, 1, now, by))
    _insert(conn, "appointments", appt_cols, rows)

    # filed documents: letter-sized real PDFs (about 40 KB), spread over the cases, written
    # in batches so the 400,000-case set (4 GB of letters) never sits in memory at once
    case_ids = [c for (c,) in conn.exec_driver_sql("SELECT id FROM cases")]
    letters_pdf = [_letter_pdf(r) for _ in range(LETTER_VARIETY)]
    digests = [hashlib.sha256(p).hexdigest() for p in letters_pdf]
    have = conn.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
    doc_cols = ("case_id", "kind", "title", "recipient_party_id", "audience",
                "template_name", "template_version", "variant", "sha256", "size_bytes",
                "content", "created_by_id", "created_at")
    todo = n_documents - have
    for first in range(0, max(todo, 0), BATCH):
        rows = []
        for n in range(first, min(todo, first + BATCH)):
            pdf = letters_pdf[n % LETTER_VARIETY]
            rows.append((r.choice(case_ids), "case-summary", "Case summary", None,
                         "coordinator", "case-summary", "1", "standard",
                         digests[n % LETTER_VARIETY], len(pdf), pdf, coord, now))
        _insert(conn, "documents", doc_cols, rows)
    counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
              for t in ("cases", "people", "interventions", "appointments", "documents")}
    counts["interventions_on_big_case"] = conn.execute(
        text("SELECT count(*) FROM interventions WHERE case_id = :c"), {"c": big[0]}
    ).scalar_one()
    return Dataset(big[1], small[1], (monday, monday + timedelta(days=6)), counts)


def main(argv: list[str]) -> int:
    """``python -m bench.dataset URL SCALE``: top up in its own process (the benchmark's own
    process stays small, so the memory probes it starts later do not inherit its peak)."""
    import json
    import sys

    data = top_up(Database(argv[0]), scale=float(argv[1]))
    json.dump({"big_case": data.big_case, "small_case": data.small_case,
               "letter_week": [d.isoformat() for d in data.letter_week],
               "counts": data.counts}, sys.stdout)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
