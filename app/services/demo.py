"""A synthetic demo data set: every scheme, every stage, every pathway, restricted cases, missed
bail appointments, breached contracts, and demo users of every role.

Everyone in it is invented; phone numbers are in Ofcom's drama ranges and email addresses are at
example.org. It is written in one transaction, consistent with the workflow rules (a completed
contract has its conditions met, a meeting has consent...), so the app behaves on it as on real
data. A database that holds real (non-demo) cases is refused.

Referral dates span ``max(2.5 years, cases / 40,000 years)``: a force-wide team keeps about
40,000 referrals a year, so 400,000 cases are ten years of them. Up to 100,000 cases the data set
has today's shape (every stage, referrals over the last 2.5 years). A bigger one keeps that shape
for its last 2.5 years (the same number of cases a year) and spreads the rest evenly over the
years before, all of them closed: ended (completed, breached or not completed) and closed after
it, or closed after the agreement's follow-up, with every exit follow-up done, their people's
ages counted from the referral. So nothing is left open for years, and the 12-month figures and
due lists meet what a real force would have.

Rows are written with Core ``executemany`` in batches, with ids handed out up front (ORM objects,
one flush per case to learn its ids, made 100,000 cases take many minutes), each case's
find-anyone words and standards records made with it (no query per case), with SQLite's indexes
made once at the end (see ``bulk_writes``). The generator fills in the columns the insert
triggers keep (``FILLED``), so those triggers are off for the build too. A big build makes its
rows in a forked second process while this one writes them (``_make_in_child``), and a SQLite
file the build has to itself is written through a rollback journal (``_rollback_journal``).
"""

from __future__ import annotations

import multiprocessing
import random
import re
import signal
import threading
import traceback
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Engine, LargeBinary, Table, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import WorkflowError
from app.models.appointments import Appointment, AppointmentStatus, GatewayCondition
from app.models.audit import AuditEvent, queue
from app.models.base import UTCDateTime, utcnow
from app.models.cases import (
    DEFAULT_CATEGORY,
    Case,
    CaseParty,
    CaseStatus,
    ConsentAction,
    ConsentRecord,
    Eligibility,
    PartyRole,
    ReferenceCounter,
    RiskBand,
    Scheme,
    StatusChange,
)
from app.models.conferences import (
    ActionKind,
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    AttendeeRole,
    Conference,
    ConferenceParticipant,
    MeetingKind,
    OutcomeAgreement,
    SatisfactionSurvey,
)
from app.models.contracts import (
    CommunityHoursEntry,
    ConditionKind,
    ConditionState,
    Contract,
    ContractCondition,
    ContractStatus,
)
from app.models.corrections import Correction, CorrectionAction, EntryKind
from app.models.followups import EXIT_FOLLOWUP_MONTHS, ExitFollowUp, ReoffendingCheck
from app.models.pathways import AssessmentStage, Intervention, InterventionKind, PathwayAssessment
from app.models.people import DocumentFormat, Gender, Person
from app.models.practitioners import AssignmentConfirmation
from app.models.reference import Agency, GatewayConditionKind, Pathway, ReferralSource
from app.models.safeguards import ConsentEvidence, RiskAssessment, VictimsCodeRecord
from app.models.search import SearchTerm
from app.models.settings import AppSetting
from app.models.users import Role, User
from app.services import demo_practitioners, find, tallies
from app.services.cases import ASKS_FIRST_TIME_ENTRANT, DIVERSION_OUTCOME_CODE, add_months
from app.services.collector import collection_paused
from app.services.outcomes import ENDING_STAGES
from app.services.people import search_key
from app.services.users import hash_password
from app.services.workflow import statuses

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

_T = TypeVar("_T")

DEMO_PASSWORD = "pathways-demo"
DEMO_FLAG = "demo_database"

DEMO_USERS = [
    ("coordinator", "Morgan Hale", Role.COORDINATOR),
    ("admin", "Sam Okafor", Role.ADMINISTRATOR),
    ("navigator", "Priya Lawson", Role.NAVIGATOR),
    ("navigator2", "Tom Fenwick", Role.NAVIGATOR),
    ("facilitator", "Gwen Pryce", Role.FACILITATOR),
    ("facilitator2", "Declan Moss", Role.FACILITATOR),
    ("mentor", "Aisha Rahman", Role.MENTOR),
    ("mentor2", "Beth Carver", Role.MENTOR),
]

FIRST_F = ["Amelia", "Olivia", "Jade", "Chloe", "Megan", "Siân", "Zofia", "Ioana", "Ayşe",
           "Ngọc Anh", "Leah", "Kirsty", "Danielle", "Nia", "Małgorzata", "Ffion", "Stacey",
           "Roxanne", "Aoife", "Bethany"]
FIRST_M = ["Liam", "Connor", "Dylan", "Kieran", "Jamie", "Rhys", "Łukasz", "Ștefan", "Mehmet",
           "Dũng", "Callum", "Tyler", "Owen", "Gareth", "Bartosz", "Aled", "Nathan", "Reece",
           "Jordan", "Marcus"]
LAST = ["Atkinson", "Bell", "Carr", "Dixon", "Elliott", "Fletcher", "Graham", "Hughes",
        "Jones", "Kowalczyk", "Llewellyn", "Morgan", "Nguyễn", "O'Neill", "Popescu", "Quinn",
        "Robson", "Şahin", "Thompson", "Walsh", "Wiśniewski", "Young", "Ap Rhys", "Dąbrowski",
        "Evans", "Harrison", "Pritchard", "Todd", "Wood", "Shaw"]
STREETS = ["Gladstone Street", "Northgate", "Cleveland Terrace", "Skerne Park Road",
           "Victoria Road", "Yarm Road", "Cockerton Green", "Bank Top Way", "Eastbourne Drive",
           "Firthmoor Crescent"]
#: Where each scheme's referrals usually come from: names on the partnership's list
#: (``referral_sources``); a name the list does not have is left out.
SOURCES = {
    Scheme.CHECKPOINT: ["Police custody"] * 4 + ["Neighbourhood policing team", "Police (other)",
                                                 "Probation", "Court"],
    Scheme.NEIGHBOURHOOD_RESOLUTION: ["Anti-social behaviour team", "Housing provider",
                                      "Neighbourhood policing team", "Self-referral", "School",
                                      "Victim Support"],
    Scheme.GATEWAY: ["Police custody", "Court", "Women's service", "Probation",
                     "Health service"],
}
LANGUAGES = ["en"] * 12 + ["pl", "ro", "cy", "tr", "vi"]


#: Tables in the order their rows are written: parents before children, so that foreign keys
#: hold at every statement (SQLite checks them immediately).
_ORDER = [Person, Case, CaseParty, ConsentRecord, StatusChange, PathwayAssessment, Intervention,
          Contract, ContractCondition, CommunityHoursEntry, Conference, ConferenceParticipant,
          OutcomeAgreement, AgreementAction, AgreementFollowUp, SatisfactionSurvey,
          AgencyCallCount, Appointment, GatewayCondition, ExitFollowUp, ReoffendingCheck,
          Correction, RiskAssessment, ConsentEvidence, AssignmentConfirmation, VictimsCodeRecord,
          SearchTerm]
_BATCH_ROWS = 20_000
#: Referrals a force-wide team keeps in a year, and the span of referral dates of a data set
#: of up to 100,000 cases (2.5 years: at that size the demo is today's shape).
REFERRALS_PER_YEAR = 40_000
SPAN_DAYS = round(2.5 * 365.25)
#: Columns the database's triggers keep that the generator fills in itself (see ``bulk_writes``).
FILLED = ("cases.result_stage", "cases.end_date", "pathway_assessments.start_level")
#: From this many cases the rows are made in a second process (``_make_in_child``).
_PARALLEL_FROM = 5_000
#: SQLite's page cache during the build (KiB).
_CACHE_KIB = 512 * 1024


class _Random(random.Random):
    """``random.Random`` whose ``choice`` and ``randint`` draw exactly what its own do (the same
    numbers for a seed), in one step instead of three: a case takes about 70 of them."""

    def choice(self, seq: SupportsLenAndGetItem[_T]) -> _T:
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        bits = n.bit_length()
        k = self.getrandbits(bits)
        while k >= n:
            k = self.getrandbits(bits)
        return seq[k]

    def randint(self, a: int, b: int) -> int:
        n = b - a + 1
        if n <= 0:
            raise ValueError(f"empty range in randint({a}, {b})")
        bits = n.bit_length()
        k = self.getrandbits(bits)
        while k >= n:
            k = self.getrandbits(bits)
        return a + k


class _Rows:
    """Rows waiting to be written, per table, with ids handed out up front so that a child can
    name its parent without a round trip to the database."""

    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.pending: dict[Table, list[dict[str, Any]]] = {}
        #: rows queued as tuples in the table's column order (``add_plain``)
        self.plain: dict[Table, list[tuple[Any, ...]]] = {}
        self.shapes: dict[tuple[Table, tuple[str, ...]],
                          tuple[Callable[[tuple[Any, ...]], tuple[Any, ...]],
                                tuple[Any, ...]]] = {}
        self.next_id: dict[Table, int] = {}
        self.templates: dict[Table, dict[str, Any]] = {}
        self.statements: dict[Table, tuple[str, list[tuple[str, Any]]]] = {}
        #: each column's values converted so far (dates, enums and timestamps repeat)
        self.seen: dict[Table, list[dict[Any, Any]]] = {}
        self.count = 0
        #: where a batch goes (sql, its columns' values) instead of the connection
        self.sink: Callable[[str, list[tuple[Any, ...]]], object] | None = None
        #: called after each batch has gone to the sink
        self.flushed: Callable[[], object] | None = None
        dialect = conn.dialect
        mark = "?" if dialect.paramstyle in ("qmark", "numeric") else "%s"
        quote = dialect.identifier_preparer.quote
        for model in _ORDER:
            table = model.__table__
            assert isinstance(table, Table)
            self.pending[table] = []
            self.plain[table] = []
            self.next_id[table] = int(conn.scalar(select(func.max(table.c.id))) or 0) + 1
            self.templates[table] = _template(table, now)
            # The driver's executemany with each column's own bind processor: the same values
            # SQLAlchemy would send, without its per-row parameter bookkeeping (half the time).
            columns = [(c.name, _processor(c.type.dialect_impl(dialect).bind_processor(dialect),
                                           isinstance(c.type, LargeBinary)))
                       for c in table.columns]
            self.seen[table] = [{} for _ in columns]
            sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n, _ in columns)})"
                   f" VALUES ({', '.join(mark for _ in columns)})")
            self.statements[table] = (sql, columns)

    def add(self, model: type[Any], **values: Any) -> dict[str, Any]:
        """Queue one row (every column present, defaults filled in); returns it with its id."""
        table = model.__table__
        row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        row = {**self.templates[table], "id": row_id, **values}
        self.pending[table].append(row)
        self.count += 1
        return row

    def add_plain(self, model: type[Any], names: tuple[str, ...],
                  values: Iterable[tuple[Any, ...]]) -> None:
        """Queue rows given as tuples of the columns ``names`` (the others their defaults), for
        the many small rows nothing reads back (find-anyone words, assessments): no dict a row."""
        table = model.__table__
        shape = self.shapes.get((table, names))
        if shape is None:
            rest = [c.name for c in table.columns if c.name != "id" and c.name not in names]
            source = ["id", *names, *rest]
            shape = self.shapes[table, names] = (
                itemgetter(*(source.index(c.name) for c in table.columns)),
                tuple(self.templates[table][n] for n in rest))
        order, defaults = shape
        first = row_id = self.next_id[table]
        queued = self.plain[table]
        for row in values:
            queued.append(order((row_id, *row, *defaults)))
            row_id += 1
        self.next_id[table] = row_id
        self.count += row_id - first

    def flush(self) -> None:
        for table, rows in self.pending.items():
            plain = self.plain[table]
            if not rows and not plain:
                continue
            sql, columns = self.statements[table]
            take = itemgetter(*(name for name, _ in columns))
            # column by column, each distinct value converted once by its bind processor
            # (dates, enums and timestamps repeat across thousands of rows)
            cols = list(zip(*map(take, rows), *plain, strict=True))
            seen = self.seen[table]
            for i, (_, proc) in enumerate(columns):
                if proc is not None:
                    cols[i] = _converted(cols[i], proc, seen[i])
            if self.sink is None:
                self.conn.exec_driver_sql(sql, list(zip(*cols, strict=True)))
            else:
                self.sink(sql, cols)
            rows.clear()
            plain.clear()
        self.count = 0
        if self.flushed is not None:
            self.flushed()

    def finish(self) -> None:
        """Write what is left; on PostgreSQL move each id sequence past the ids handed out."""
        self.flush()
        if self.conn.dialect.name == "postgresql":
            for table in self.pending:
                self.conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"GREATEST((SELECT max(id) FROM {table.name}), 1))"))


def _converted(values: Sequence[Any], proc: Callable[[Any], Any],
               seen: dict[Any, Any]) -> tuple[Any, ...]:
    try:
        for v in set(values).difference(seen):
            seen[v] = None if v is None else proc(v)
    except TypeError:  # unhashable (JSON): convert each value
        return tuple(None if v is None else proc(v) for v in values)
    return tuple(map(seen.__getitem__, values))


def _processor(proc: Callable[[Any], Any] | None, blob: bool) -> Callable[[Any], Any] | None:
    """A column's bind processor; a BLOB's gives bytes rather than the SQLite driver's
    memoryview, so that a batch can be pickled (``_make_in_child``)."""
    if proc is None or not blob:
        return proc

    def plain(value: Any) -> Any:
        made = proc(value)
        return bytes(made) if isinstance(made, memoryview) else made
    return plain


def _template(table: Table, now: datetime) -> dict[str, Any]:
    """Each column's default as a plain value (a timestamp default is ``now``)."""
    row: dict[str, Any] = {}
    for col in table.columns:
        default = col.default
        if default is None:
            row[col.name] = None
        elif getattr(default, "is_scalar", False):
            row[col.name] = default.arg  # type: ignore[attr-defined]
        else:
            row[col.name] = now if isinstance(col.type, UTCDateTime) else {}
    return row


@dataclass
class _Ctx:
    rng: random.Random
    rows: _Rows
    today: date
    now: datetime
    users: dict[str, int]
    pathways: list[str]
    #: agency id per pathway (the first active one), for interventions that name a provider.
    agency_for: dict[str, int]
    counters: dict[tuple[str, int], int]
    demo_user: int
    #: Referral sources per scheme, from the partnership's list.
    sources: dict[Scheme, list[str]]
    #: Gateway to Change conditions from the list: (code, wording, usual).
    conditions: list[tuple[str, str, bool]]
    #: The standards records of each case (risk, consent evidence, Victims' Code).
    records: demo_practitioners.CaseRecords
    #: Where the find-anyone words' sources go instead of being made into rows (``_words``).
    words: list[tuple[Any, ...]] | None = None
    #: The case being made: its meeting and its consent records, for ``records``.
    meeting: dict[str, Any] | None = None
    consents: list[dict[str, Any]] = field(default_factory=list)
    #: The case being made is an old, finished one (every follow-up done), and the day its
    #: people's ages count from (today, or an old case's referral).
    historic: bool = False
    age_on: date = date.min


def is_demo(uow: UnitOfWork) -> bool:
    with uow:
        flag = uow.session.get(AppSetting, DEMO_FLAG)
        return flag is not None and flag.value == "1"


def build(uow: UnitOfWork, *, cases: int = 500, seed: int = 1, today: date | None = None,
          parallel: bool | None = None) -> int:
    """Add ``cases`` demo cases (and the demo users if missing). Returns how many were made.

    ``parallel``: make the rows in a second process while this one writes them (the same rows;
    see ``_make_in_child``); by default from ``_PARALLEL_FROM`` cases where that can be done."""
    if cases < 0 or cases > 1_000_000:
        raise WorkflowError("Choose between 0 and 1,000,000 demo cases.")
    today = today or date.today()
    with _rollback_journal(uow.engine), uow:
        uow.begin_write()
        s = uow.session
        flag = s.get(AppSetting, DEMO_FLAG)
        real_cases = s.scalar(select(func.count()).select_from(Case)) or 0
        if (flag is None or flag.value != "1") and (
            real_cases or s.scalar(select(func.count()).select_from(User))
        ):
            raise WorkflowError(
                "This database holds real users or cases; demo data goes only into a new or "
                "demo database. Use --database with a new file.")
        if flag is None:
            s.add(AppSetting(key=DEMO_FLAG, value="1"))
        users = _users(s)
        pathways = list(s.scalars(select(Pathway.code).order_by(Pathway.position)))
        if not pathways:
            raise WorkflowError("Reference data is missing: run 'pathways db upgrade' first.")
        agency_for: dict[str, int] = {}
        for agency_id, code in s.execute(select(Agency.id, Agency.pathway_code)
                                         .order_by(Agency.id)):
            if code is not None:
                agency_for.setdefault(code, agency_id)
        listed = set(s.scalars(select(ReferralSource.name).where(
            ReferralSource.active.is_(True))))
        sources = {scheme: [n for n in names if n in listed] or sorted(listed)
                   for scheme, names in SOURCES.items()}
        if not listed:
            raise WorkflowError("Reference data is missing: run 'pathways db upgrade' first.")
        now = datetime.now(UTC)
        # a second 'pathways demo' on the same database adds the one-off records only once
        first_time = s.scalar(select(RiskAssessment.id).limit(1)) is None
        rows = _Rows(s.connection(), now)
        ctx = _Ctx(
            rng=_Random(seed), rows=rows, today=today, now=now,
            users=users, pathways=pathways, agency_for=agency_for,
            counters={(c.prefix, c.year): c.last_number
                      for c in s.scalars(select(ReferenceCounter))},
            demo_user=users["coordinator"], sources=sources,
            conditions=[(k.code, k.text, k.usual) for k in s.scalars(
                select(GatewayConditionKind).where(GatewayConditionKind.active.is_(True))
                .order_by(GatewayConditionKind.position))],
            # their own random numbers, so the cases are the same with or without them
            records=demo_practitioners.CaseRecords(rows.add, users["coordinator"], today,
                                                   _Random(f"records-{seed}")),
        )
        plan = [(scheme, status) for scheme in Scheme for status in statuses(scheme)]
        span = max(SPAN_DAYS, round(cases * 365.25 / REFERRALS_PER_YEAR))
        historic = 0 if span == SPAN_DAYS else cases - round(cases * SPAN_DAYS / span)
        if parallel is None:
            parallel = cases >= _PARALLEL_FROM and _can_fork()
        with bulk_writes(rows.conn, [m.__tablename__ for m in _ORDER], FILLED):
            if parallel:
                _make_in_child(ctx, cases, plan, historic, span)
            else:
                _make_cases(ctx, cases, plan, historic, span)
            rows.finish()
        coordinator = s.get(User, users["coordinator"])
        assert coordinator is not None
        demo_practitioners.add(s, users, today, ctx.rng, coordinator.password_hash,
                               ctx.records.nr, first_time)
        for (prefix, year), last in ctx.counters.items():
            row = s.get(ReferenceCounter, (prefix, year))
            if row is None:
                s.add(ReferenceCounter(prefix=prefix, year=year, last_number=last))
            else:
                row.last_number = last
        queue(s, AuditEvent(at=utcnow(), user_id=None, username="-", action="demo.build",
                            entity="cases", detail=f"{cases} demo cases, seed {seed}"))
        uow.commit()
    return cases


def _make_cases(ctx: _Ctx, cases: int, plan: Sequence[tuple[Scheme, CaseStatus]],
                historic: int, span: int) -> None:
    """Make every case, handing the rows on in batches (``ctx.rows.flush``)."""
    rows = ctx.rows
    schemes = list(Scheme)
    made = old = 0
    for i in range(cases):
        # the old cases spread evenly among the others (Bresenham's stepping)
        if historic and (i + 1) * historic // cases > i * historic // cases:
            _make_case(ctx, schemes[old % len(schemes)], CaseStatus.CLOSED, old,
                       age_days=(SPAN_DAYS, span))
            old += 1
        else:
            scheme, status = plan[made % len(plan)]
            _make_case(ctx, scheme, status, made)
            made += 1
        if rows.count >= _BATCH_ROWS:
            rows.flush()
    rows.flush()


def _can_fork() -> bool:
    """A second process can start as a copy of this one (POSIX), and safely: no other thread
    holds a lock the copy could need."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _make_in_child(ctx: _Ctx, cases: int, plan: Sequence[tuple[Scheme, CaseStatus]],
                   historic: int, span: int) -> None:
    """``_make_cases`` in a forked copy of this process, which sends each batch (its columns,
    made ready for the driver) down a pipe while this process writes the one before: making the
    rows and writing them take about as long each, and now overlap. The copy never touches the
    database connection it inherits. At the end it sends back what the rest of the build reads
    (reference counters, the restorative cases, the random state, the next ids), so the result
    is the same as making the rows here."""
    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    child = fork.Process(target=_child, args=(send, ctx, cases, plan, historic, span),
                         daemon=True)
    child.start()
    send.close()
    rows = ctx.rows
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                raise RuntimeError("The demo's row maker stopped unexpectedly.") from None
            if message[0] == "rows":  # a batch column by column: turned into rows here
                rows.conn.exec_driver_sql(message[1], list(zip(*message[2], strict=True)))
            elif message[0] == "words":  # made into find-anyone rows here, in their order
                for source in message[1]:
                    _word_rows(rows, source)
                rows.flush()
            elif message[0] == "done":
                _, ctx.counters, ctx.records.nr, state, next_id = message
                ctx.rng.setstate(state)
                for table in rows.next_id:
                    if table is not SearchTerm.__table__:  # those ids are handed out here
                        rows.next_id[table] = next_id[table.name]
                break
            else:
                raise RuntimeError(f"Making the demo rows failed:\n{message[1]}")
    finally:
        receive.close()
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
            child.join()


def _child(send: Any, ctx: _Ctx, cases: int, plan: Sequence[tuple[Scheme, CaseStatus]],
           historic: int, span: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle: it stops us
    try:
        ctx.rows.sink = lambda sql, params: send.send(("rows", sql, params))
        words = ctx.words = []

        def flushed() -> None:  # after the rows of the cases and people they belong to
            if words:
                send.send(("words", words))
                words.clear()
        ctx.rows.flushed = flushed
        _make_cases(ctx, cases, plan, historic, span)
        send.send(("done", ctx.counters, ctx.records.nr, ctx.rng.getstate(),
                   {table.name: n for table, n in ctx.rows.next_id.items()}))
    except Exception:
        with suppress(OSError):  # the writer has stopped: it says why
            send.send(("failed", traceback.format_exc()))
    finally:
        send.close()


@contextmanager
def _rollback_journal(engine: Engine) -> Iterator[None]:
    """A SQLite file the build has to itself takes its one transaction with a rollback journal
    instead of the write-ahead log: the new pages are then written once, to the file, not once
    to the log and again at the checkpoint after the commit (a journal keeps only the pages that
    were already there). The log is back on after it. With another connection open the log
    stays on (leaving it needs the file to itself); that build is just slower."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    error = engine.dialect.loaded_dbapi.Error
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        wait = raw.execute("PRAGMA busy_timeout").fetchone()[0]
        raw.execute("PRAGMA busy_timeout = 0")  # someone else is here: do not wait for them
        try:
            mode = raw.execute("PRAGMA journal_mode").fetchone()[0]
            switched = mode == "wal" and raw.execute(
                "PRAGMA journal_mode = TRUNCATE").fetchone()[0] == "truncate"
        except error:
            switched = False
        finally:
            raw.execute(f"PRAGMA busy_timeout = {int(wait)}")
    # the connection goes back to the pool, alone in it: the build's session takes it again
    try:
        yield
    finally:
        # after a failure or an interrupt the file may still be locked a moment: every new
        # connection turns the log on again anyway, and the cause must not be hidden
        with suppress(DBAPIError, error):
            if switched:
                with engine.connect() as conn:
                    raw = conn.connection.dbapi_connection
                    assert raw is not None
                    raw.execute("PRAGMA journal_mode = WAL")


@contextmanager
def bulk_writes(conn: Connection, tables: Sequence[str],
                filled: Collection[str] = ()) -> Iterator[None]:
    """While many rows are written to ``tables`` (by the demo, and by the bench's top-up), on
    SQLite: a page cache big enough for the build, and the tables' indexes and full-text
    triggers dropped, then made again (and the full-text index rebuilt) in the same
    transaction; so are the triggers that keep the indicator tallies, which are then counted
    afresh. One sort per index at the end is several times quicker than keeping a dozen
    indexes of ``cases`` in step row by row; a unique index still refuses duplicates when it is
    made again, and a failure rolls all of it back.

    ``filled`` names columns (``"table.column"``) the writer fills in itself: an insert trigger
    that only keeps one of them (an update of that column) is dropped too, and made again at
    the end. Each such trigger costs an update a row, and one that looks its rows up by other
    columns than the id keeps that table's indexes (or each row written would scan the table).

    Everywhere: no cyclic garbage collection meanwhile; the rows are plain dicts freed by
    reference counting, and the collector's passes over hundreds of thousands of them are
    wasted."""
    with collection_paused():
        if conn.dialect.name != "sqlite":
            yield
            return
        marks = ", ".join("?" for _ in tables)
        # external-content FTS5 tables over these tables, and the triggers that feed them
        fts = [name for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
            "'CREATE VIRTUAL TABLE%fts5%'")
            if any(f"content='{t}'" in sql for t in tables)]
        every_trigger = conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all()
        # and the insert triggers that keep the indicator tallies: each would upsert a row
        # per row written; the tallies are counted afresh at the end instead
        triggers = [(name, sql) for name, table, sql in every_trigger if table in tables
                    and _on_insert(sql) and (any(f"INTO {f}(" in sql for f in fts)
                                             or _keeps_only(sql, filled)
                                             or name.startswith(tallies.PREFIX))]
        dropped = {name for name, _ in triggers}
        # a trigger that stays reads its tables by their indexes (a lookup by id needs none):
        # those tables keep them, or each row written would scan a whole table
        kept = _firing([(name, table, sql) for name, table, sql in every_trigger
                        if name not in dropped], tables)
        indexes = [(name, sql) for name, table, sql in conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
            f"AND sql IS NOT NULL AND tbl_name IN ({marks})", tuple(tables))
            if not any(_reads(trigger, table) for trigger in kept)]
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{_CACHE_KIB}")
        quote = conn.dialect.identifier_preparer.quote
        for name, _ in indexes:
            conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
        for name, _ in triggers:
            conn.exec_driver_sql(f"DROP TRIGGER {quote(name)}")
        try:
            yield
            for _, sql in (*indexes, *triggers):
                conn.exec_driver_sql(sql)
            for name in fts:
                conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
            tallies.rebuild(conn, {table for name, table, _ in every_trigger
                                   if name in dropped and name.startswith(tallies.PREFIX)})
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def _event(trigger: str) -> str:
    """What sets a trigger off: INSERT, UPDATE or DELETE."""
    m = re.search(r"\b(?:BEFORE|AFTER|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)\b", trigger,
                  re.IGNORECASE)
    return m.group(1).upper() if m else ""


def _on_insert(trigger: str) -> bool:
    return _event(trigger) == "INSERT"


def _updates(trigger: str) -> list[tuple[str, str]]:
    """The (table, column) each statement of a trigger's body updates; a statement that is not
    a one-column update gives ("", "")."""
    body = trigger.split(" BEGIN ", 1)[1].rsplit("END", 1)[0]
    done = []
    for statement in filter(str.strip, body.split(";")):
        m = re.match(r"\s*UPDATE (\w+) SET (\w+) = ", statement)
        one = m is not None and not re.search(r",\s*\w+\s*=", statement)
        done.append((m.group(1), m.group(2)) if m and one else ("", ""))
    return done


def _keeps_only(trigger: str, filled: Collection[str]) -> bool:
    """Whether a trigger does nothing but keep columns of ``filled`` up to date."""
    return bool(filled) and all(f"{t}.{c}" in filled for t, c in _updates(trigger))


def _firing(triggers: Sequence[tuple[str, str, str]], tables: Sequence[str]) -> list[str]:
    """The triggers that writing rows into ``tables`` can set off: their insert triggers, and
    the triggers of whatever those write in turn."""
    fired: list[str] = []
    written = {("INSERT", t) for t in tables}
    grew = True
    while grew:
        grew = False
        for _, table, sql in triggers:
            if sql in fired or (_event(sql), table) not in written:
                continue
            fired.append(sql)
            body = sql.split(" BEGIN ", 1)[-1]
            written |= {(verb.split()[0].upper(), name) for verb, name in re.findall(
                r"\b(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+(\w+)", body, re.IGNORECASE)}
            grew = True
    return fired


def _reads(trigger: str, table: str) -> bool:
    """Whether a trigger's body reads ``table`` other than by id (a subquery, or an update
    of rows chosen by other columns)."""
    return bool(re.search(rf"\bFROM {table}\b", trigger) or re.search(
        rf"\bUPDATE {table} SET\b.*?\bWHERE (?!id = )", trigger, re.DOTALL))


def _users(s: Session) -> dict[str, int]:
    existing = {u.username: u for u in s.scalars(select(User))}
    hashed = None
    for username, name, role in DEMO_USERS:
        if username in existing:
            continue
        hashed = hashed or hash_password(DEMO_PASSWORD)
        user = User(username=username, full_name=name, role=role, password_hash=hashed,
                    email=f"{username}@example.org")
        s.add(user)
        existing[username] = user
    s.flush()
    return {name: u.id for name, u in existing.items()}


def _person(ctx: _Ctx, gender: Gender, adult: bool = True) -> dict[str, Any]:
    r = ctx.rng
    first = r.choice(FIRST_F if gender is Gender.FEMALE else FIRST_M)
    last = r.choice(LAST)
    age = r.randint(18, 64) if adult else r.randint(14, 17)
    dob = ctx.age_on - timedelta(days=age * 365 + r.randint(0, 364))
    language = r.choice(LANGUAGES)
    row = ctx.rows.add(
        Person, first_name=first, last_name=last, search_name=search_key(first, last),
        date_of_birth=dob, gender=gender,
        address_line1=f"{r.randint(1, 180)} {r.choice(STREETS)}", town="Darlington",
        postcode=f"DL{r.randint(1, 3)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXY')}"
                 f"{r.choice('ABDEFGHJLNPQRSTUWXY')}",
        phone=f"07700 900{r.randint(0, 999):03d}",
        email=f"{first[0].lower()}{r.randint(100, 999)}@example.org" if r.random() < 0.6
        else None,
        language=language, interpreter_needed=language not in ("en", "cy"),
        communication_needs="Prefers phone calls to letters" if r.random() < 0.1 else None,
        document_format=r.choice([DocumentFormat.STANDARD] * 6 + [DocumentFormat.EASY_READ,
                                                                  DocumentFormat.LARGE_PRINT]),
    )
    return row


def _reference(ctx: _Ctx, scheme: Scheme, year: int) -> str:
    key = (scheme.prefix, year)
    ctx.counters[key] = ctx.counters.get(key, 0) + 1
    return f"{scheme.prefix}-{year}-{ctx.counters[key]:04d}"


# How long ago the referral was, by stage: later stages need older referrals.
_AGE_DAYS = {
    CaseStatus.REFERRED: (0, 20), CaseStatus.ELIGIBILITY_DECIDED: (10, 40),
    CaseStatus.CONTRACT_ACTIVE: (30, 140), CaseStatus.ASSESSED: (10, 40),
    CaseStatus.CONSENT_OBTAINED: (20, 60), CaseStatus.MEETING_HELD: (30, 90),
    CaseStatus.AGREEMENT_MONITORING: (45, 120), CaseStatus.ENGAGED: (20, 110),
    CaseStatus.COMPLETED: (160, 700), CaseStatus.BREACHED: (90, 700),
    CaseStatus.NOT_COMPLETED: (90, 700), CaseStatus.CLOSED: (200, 900),
}


def _make_case(ctx: _Ctx, scheme: Scheme, status: CaseStatus, i: int,
               age_days: tuple[int, int] | None = None) -> None:
    """One case at ``status``, its referral ``age_days`` ago (by default as its stage needs);
    a case given an age older than today's shape is a historic one, finished long ago."""
    r, today = ctx.rng, ctx.today
    ctx.meeting = None
    ctx.consents = []
    lo, hi = age_days or _AGE_DAYS[status]
    referral = today - timedelta(days=r.randint(lo, hi))
    ctx.historic = age_days is not None
    ctx.age_on = referral if ctx.historic else today
    gender = Gender.FEMALE if scheme is Scheme.GATEWAY else r.choice([Gender.MALE, Gender.FEMALE])
    person = _person(ctx, gender, adult=scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION
                     or r.random() < 0.8)
    person_id = person["id"]
    restricted = False
    if scheme is Scheme.CHECKPOINT:
        offence = r.choice(["theft-shop", "criminal-damage", "public-order", "common-assault",
                            "drugs-possession", "theft-other"])
        if i % 11 == 0:  # a restricted case every so often, whatever the random draw
            offence = "domestic-abuse"
        worker_name = r.choice(["navigator", "navigator2"])
    elif scheme is Scheme.GATEWAY:
        offence = r.choice(["theft-shop", "theft-other"])
        worker_name = r.choice(["mentor", "mentor2"])
    else:
        offence = r.choice(["asb-nuisance", "neighbour-dispute", "harassment-low",
                            "criminal-damage"])
        worker_name = r.choice(["facilitator", "facilitator2"])
    if offence == "domestic-abuse" or (scheme is Scheme.GATEWAY and i % 13 == 0):
        restricted = True
    coworker = None
    if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
        coworker = ctx.users["facilitator2" if worker_name == "facilitator" else "facilitator"]
    assigned = status is not CaseStatus.REFERRED or r.random() < 0.5
    case = ctx.rows.add(
        Case, reference=_reference(ctx, scheme, referral.year), scheme=scheme, status=status,
        participant_id=person_id, participant_search=person["search_name"],
        referral_date=referral, referral_source=r.choice(ctx.sources[scheme]),
        referring_officer=f"PC {r.randint(1000, 9999)} {r.choice(LAST)}",
        referring_officer_email=f"officer{r.randint(100, 999)}@police.example.org",
        offence_code=offence, offence_date=referral - timedelta(days=r.randint(1, 30)),
        offence_summary="Synthetic demo offence.",
        crime_reference=f"DU{referral:%y}{r.randint(100000, 999999)}",
        eligibility_answers=_answers(scheme),
        risk_band=r.choice(list(RiskBand)) if scheme is Scheme.CHECKPOINT else None,
        officer_decision="Suitable for diversion" if scheme is Scheme.CHECKPOINT else None,
        worker_id=ctx.users[worker_name] if assigned else None,
        coworker_id=coworker if (coworker and assigned) else None,
        restricted=restricted,
        first_time_entrant=r.random() < 0.6 if scheme in ASKS_FIRST_TIME_ENTRANT else None,
        updated_by_id=ctx.demo_user,
    )
    participant = ctx.rows.add(CaseParty, case_id=case["id"], person_id=person_id,
                               role=PartyRole.PARTICIPANT, wants_updates=True,
                               category=DEFAULT_CATEGORY[PartyRole.PARTICIPANT])["id"]
    # rows written with Core bypass the ORM's flush, which keeps the find index itself
    _words(ctx, (case["id"], case["reference"], case["crime_reference"]))
    _index(ctx, case["id"], person)
    harmed = None
    others: list[tuple[int, PartyRole]] = []
    if scheme is not Scheme.GATEWAY:
        hp_row = _person(ctx, r.choice([Gender.MALE, Gender.FEMALE]))
        hp = hp_row["id"]
        _index(ctx, case["id"], hp_row)
        harmed = ctx.rows.add(CaseParty, case_id=case["id"], person_id=hp, role=PartyRole.HARMED,
                              wants_updates=r.random() < 0.8,
                              category=DEFAULT_CATEGORY[PartyRole.HARMED])["id"]
    if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
        # several households: another harmed neighbour, a second harmer, a supporter
        for role, chance in ((PartyRole.HARMED, 0.25), (PartyRole.HARMER, 0.15),
                             (PartyRole.SUPPORTER, 0.2)):
            if r.random() < chance:
                other = _person(ctx, r.choice([Gender.MALE, Gender.FEMALE]))
                pid = other["id"]
                _index(ctx, case["id"], other)
                others.append((ctx.rows.add(CaseParty, case_id=case["id"], person_id=pid,
                                            role=role, wants_updates=True,
                                            category=DEFAULT_CATEGORY[role])["id"], role))
    path = _stages_to(scheme, status, r)
    days: dict[CaseStatus, date] = {}
    _fill(ctx, case, path, participant, harmed, referral, days, others)
    # each stage change on the day its record says (a completion on the contract's end...)
    day = referral
    prev = None
    changes: list[tuple[Any, ...]] = []
    for stage in path:
        if prev is not None:
            day = max(day, days.get(stage) or min(today, day + timedelta(days=r.randint(3, 20))))
        changes.append((case["id"], prev, stage, day, ctx.demo_user))
        prev = stage
    ctx.rows.add_plain(StatusChange, _CHANGE, changes)
    # what the database's triggers keep, filled in here (``FILLED``): the deciding stage
    # (``outcomes``) and the day the case ended
    monitored = CaseStatus.AGREEMENT_MONITORING in path
    case["result_stage"] = (CaseStatus.AGREEMENT_MONITORING if monitored else None) \
        if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION else \
        next((stage for stage in ENDING_STAGES if stage in path), None)
    case["end_date"] = None if case["started_on"] is None else \
        case["ended_on"] or case["closed_on"]
    if harmed is not None:
        ctx.records.victims_code(case, harmed)
    for pid, role in others:
        if role is PartyRole.HARMED:
            ctx.records.victims_code(case, pid)
    if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
        ctx.records.restorative(case, ctx.meeting, ctx.consents)


def _index(ctx: _Ctx, case_id: int, person: dict[str, Any]) -> None:
    """The find-anyone words of one party of the case."""
    _words(ctx, (case_id, person["id"], person["first_name"], person["last_name"],
                 person["date_of_birth"], person["postcode"], person["phone"]))


def _words(ctx: _Ctx, source: tuple[Any, ...]) -> None:
    """Queue the find-anyone words of a case (case id, reference, crime reference) or of one
    of its parties (case id, person id, names, birth date, postcode, phone); a row maker in a
    second process leaves them to the writer, which has time to spare (``ctx.words``)."""
    if ctx.words is not None:
        ctx.words.append(source)
    else:
        _word_rows(ctx.rows, source)


def _word_rows(rows: _Rows, source: tuple[Any, ...]) -> None:
    if len(source) == 3:
        case_id, reference, crime = source
        rows.add_plain(SearchTerm, _TERM, [(case_id, None, kind, term)
                                           for kind, term in find.case_terms(reference, crime)])
    else:
        case_id, person_id, *person = source
        rows.add_plain(SearchTerm, _TERM, [(case_id, person_id, kind, term)
                                           for kind, term in find.person_terms(*person)])


_TERM = ("case_id", "person_id", "kind", "term")
_CHANGE = ("case_id", "from_status", "to_status", "on", "by_id")
_INTERVENTION = ("case_id", "kind", "pathway_code", "agency_id", "occurred_on",
                 "duration_minutes", "summary", "recorded_by_id")
_ASSESSMENT = ("case_id", "stage", "pathway_code", "level", "assessed_on", "assessed_by_id",
               "updated_by_id", "start_level")


def _answers(scheme: Scheme) -> dict[str, bool]:
    if scheme is Scheme.CHECKPOINT:
        return {"lives-in-area": True, "offended-in-area": True, "admission": True,
                "held-for-court": False, "mental-health-act": False, "on-court-order": False,
                "co-accused": False}
    if scheme is Scheme.GATEWAY:
        return {"charged-theft": True, "agrees-to-engage": True}
    return {"all-parties-willing": True}


def _stages_to(scheme: Scheme, target: CaseStatus, r: random.Random) -> list[CaseStatus]:
    S = CaseStatus
    lines = {
        Scheme.CHECKPOINT: [S.REFERRED, S.ELIGIBILITY_DECIDED, S.CONTRACT_ACTIVE],
        Scheme.NEIGHBOURHOOD_RESOLUTION: [S.REFERRED, S.ASSESSED, S.CONSENT_OBTAINED,
                                          S.MEETING_HELD, S.AGREEMENT_MONITORING],
        Scheme.GATEWAY: [S.REFERRED, S.ENGAGED],
    }[scheme]
    if target in lines:
        return lines[: lines.index(target) + 1]
    if target is S.CLOSED:
        endings: dict[Scheme, list[CaseStatus | None]] = {
            Scheme.CHECKPOINT: [S.COMPLETED, S.COMPLETED, S.BREACHED],
            Scheme.GATEWAY: [S.COMPLETED, S.COMPLETED, S.NOT_COMPLETED],
            Scheme.NEIGHBOURHOOD_RESOLUTION: [None]}
        end = r.choice(endings[scheme])
        if end is None:
            return [*lines, S.CLOSED]
        return [*lines, end, S.CLOSED]
    return [*lines, target]


_SUMMARIES = ["Keyworker session", "Phone check-in", "Attended group", "Referred to service",
              "Home visit", "Budgeting session"]
_KINDS = list(InterventionKind)


def _fill(ctx: _Ctx, case: dict[str, Any], path: list[CaseStatus], participant: int,
          harmed: int | None, referral: date, days: dict[CaseStatus, date],
          others: list[tuple[int, PartyRole]]) -> None:
    """Write the records each stage reached implies, dated consistently."""
    r, add, today = ctx.rng, ctx.rows.add, ctx.today
    S = CaseStatus
    case_id = case["id"]
    by = case["worker_id"] or ctx.demo_user
    reached = set(path)
    final = path[-1]
    scheme = case["scheme"]
    start = min(today, referral + timedelta(days=r.randint(5, 15)))
    if final is not S.REFERRED:
        case["eligibility"] = Eligibility.ELIGIBLE
        case["eligibility_decided_on"] = start  # accepted and started on the same day
        case["started_on"] = start
        days[path[1]] = start
        if case["offence_code"] == "domestic-abuse":
            case["eligibility_override_reason"] = \
                "Victim consulted; perpetrator programme agreed."
    levels_start = {p: r.choice([0, 0, 1, 2, 3, 4]) for p in ctx.pathways}
    if case["restricted"]:
        levels_start["domestic-abuse"] = 3
    if final is not S.REFERRED and scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
        ctx.rows.add_plain(PathwayAssessment, _ASSESSMENT, [
            (case_id, AssessmentStage.START, p, level, start, by, by, None)
            for p, level in levels_start.items()])
        needy = [p for p, lv in levels_start.items() if lv >= 2] or ctx.pathways
        interventions: list[tuple[Any, ...]] = []
        for _ in range(r.randint(2, 8)):
            p = r.choice(needy)
            agency = ctx.agency_for.get(p)
            when = min(today, start + timedelta(days=r.randint(0, 100)))
            kind = r.choice(_KINDS) if agency else InterventionKind.CONTACT
            minutes = r.choice([15, 30, 45, 60, 90])
            interventions.append((case_id, kind, p, agency if kind is not
                                  InterventionKind.CONTACT else None, when, minutes,
                                  r.choice(_SUMMARIES), by))
        ctx.rows.add_plain(Intervention, _INTERVENTION, interventions)
    ended = S.COMPLETED in reached or S.BREACHED in reached or S.NOT_COMPLETED in reached
    if ended:
        end_day = min(today, start + timedelta(days=r.randint(110, 125)))
        if scheme is Scheme.CHECKPOINT and S.COMPLETED in reached:
            # completed on or after the contract's end date: early completion is not a thing
            end_day = min(today, add_months(start, 4) + timedelta(days=r.randint(0, 10)))
        case["ended_on"] = end_day
        if S.COMPLETED in reached:
            case["outcome_code"] = DIVERSION_OUTCOME_CODE
            ctx.rows.add_plain(PathwayAssessment, _ASSESSMENT, [
                (case_id, AssessmentStage.EXIT, p, max(0, level - r.randint(0, 2)), end_day,
                 by, by, level) for p, level in levels_start.items()])
    if S.CLOSED in reached:
        if ended:
            closed = case["ended_on"] + timedelta(days=r.randint(1, 20))
        else:  # Neighbourhood Resolution closes after the agreement's follow-up (<= 65 days)
            closed = referral + timedelta(days=r.randint(75, 110))
        case["closed_on"] = min(today, closed)
        case["closure_reason"] = "Case finished" if ended else "Outcome agreement kept"
        days[S.CLOSED] = case["closed_on"]
    if ended:
        days[next(st for st in path if st in (S.COMPLETED, S.BREACHED, S.NOT_COMPLETED))] = \
            case["ended_on"]
    if S.CONTRACT_ACTIVE in reached:
        days[S.CONTRACT_ACTIVE] = start
    if scheme is Scheme.CHECKPOINT and S.CONTRACT_ACTIVE in reached:
        _contract(ctx, case, start, reached, levels_start, by)
    if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION and harmed is not None:
        _restorative(ctx, case, reached, participant, harmed, referral, by, days, others)
    if scheme is Scheme.GATEWAY and S.ENGAGED in reached:
        _bail_appointments(ctx, case, start, final, by)
        _gateway_conditions(ctx, case, start, reached, by)
        if S.COMPLETED in reached and case["ended_on"]:
            for months in EXIT_FOLLOWUP_MONTHS:
                due = add_months(case["ended_on"], months)
                done = due <= today and (ctx.historic or r.random() < 0.85)
                add(ExitFollowUp, case_id=case_id, months=months, due_on=due,
                    done_on=due if done else None,
                    reoffended=(r.random() < 0.15) if done else None,
                    living_independently=(r.random() < 0.7) if done else None,
                    free_from_abuse=(r.random() < 0.8) if done else None,
                    recorded_by_id=by if done else None)
    if ended and case["ended_on"] and (today - case["ended_on"]).days > 365:
        offences = 0 if r.random() < 0.8 else r.randint(1, 3)
        add(ReoffendingCheck, case_id=case_id, checked_on=today, window_months=12,
            offences=offences,
            first_offence_on=case["ended_on"] + timedelta(days=r.randint(10, 300))
            if offences else None, recorded_by_id=ctx.demo_user)


def _contract(ctx: _Ctx, case: dict[str, Any], start: date, reached: set[CaseStatus],
              levels: dict[str, int], by: int) -> None:
    r, add, today = ctx.rng, ctx.rows.add, ctx.today
    completed = CaseStatus.COMPLETED in reached
    breached = CaseStatus.BREACHED in reached
    hours_required = r.choice([18, 24, 30, 36]) if r.random() < 0.8 else None
    contract = add(
        Contract, case_id=case["id"],
        status=ContractStatus.COMPLETED if completed else
        ContractStatus.BREACHED if breached else ContractStatus.ACTIVE,
        start_date=start, end_date=add_months(start, 4), signed_on=start,
        community_hours_required=hours_required, ended_on=case["ended_on"],
        breach_reason="Reoffended: arrested for a new offence" if breached else None,
        updated_by_id=by)["id"]
    met = ConditionState.MET if completed else ConditionState.OPEN
    needs = sorted(levels, key=lambda p: -levels[p])[:2]
    conds: list[dict[str, Any]] = [
        dict(kind=ConditionKind.NO_REOFFENDING,
             description="You must not commit any offence during the four months of this "
                         "contract.", state=ConditionState.NOT_MET if breached else met),
        dict(kind=ConditionKind.VICTIM,
             description="Write a letter of apology if the victim wishes.", state=met)]
    for p in needs:
        conds.append(dict(kind=ConditionKind.PATHWAY, pathway_code=p,
                          description=f"Attend the {p.replace('-', ' ')} service as arranged.",
                          state=met))
    if hours_required:
        conds.append(dict(kind=ConditionKind.COMMUNITY_HOURS, state=met,
                          description=f"Complete {hours_required} hours of voluntary community "
                                      "work."))
    else:
        conds.append(dict(kind=ConditionKind.TAG, state=met,
                          description="Wear an electronic tag for the length of the contract."))
    for position, cond in enumerate(conds, start=1):
        add(ContractCondition, contract_id=contract, position=position, **cond)
    if hours_required:
        total = hours_required if completed else r.randint(0, hours_required - 1)
        day = start
        while total > 0:
            chunk = min(total, r.choice([3, 4, 6]))
            day = min(today, day + timedelta(days=r.randint(3, 9)))
            add(CommunityHoursEntry, contract_id=contract, worked_on=day, hours=Decimal(chunk),
                task=r.choice(["Litter pick", "Community garden", "Food bank", "Charity shop"]),
                recorded_by_id=by)
            total -= chunk


def _restorative(ctx: _Ctx, case: dict[str, Any], reached: set[CaseStatus], participant: int,
                 harmed: int, referral: date, by: int, days: dict[CaseStatus, date],
                 others: list[tuple[int, PartyRole]]) -> None:
    """Consent from everyone on the case, each attending party consented on the day, a
    survey from each harmed party."""
    r, add, today = ctx.rng, ctx.rows.add, ctx.today
    S = CaseStatus
    case_id = case["id"]
    if S.CONSENT_OBTAINED not in reached:
        if S.ASSESSED in reached and r.random() < 0.5:
            ctx.consents.append(add(ConsentRecord, party_id=participant,
                                    action=ConsentAction.GIVEN,
                                    on=min(today, referral + timedelta(days=8)),
                                    recorded_by_id=by))
        return
    consent_day = min(today, max(referral + timedelta(days=r.randint(8, 15)),
                                 case["started_on"] or referral))
    days[S.CONSENT_OBTAINED] = consent_day
    for party in (participant, harmed, *(pid for pid, _ in others)):
        ctx.consents.append(add(ConsentRecord, party_id=party, action=ConsentAction.GIVEN,
                                on=consent_day, recorded_by_id=by))
    if S.MEETING_HELD not in reached:
        return
    held = min(today, consent_day + timedelta(days=r.randint(5, 20)))
    days[S.MEETING_HELD] = days[S.AGREEMENT_MONITORING] = held
    kind = r.choice([MeetingKind.FACE_TO_FACE] * 3 + [MeetingKind.SHUTTLE, MeetingKind.LETTER])
    ctx.meeting = add(
        Conference, case_id=case_id, kind=kind, held_on=held,
        venue="Community centre, Northgate" if kind is MeetingKind.FACE_TO_FACE else None,
        facilitator_id=case["worker_id"] or by, cofacilitator_id=case["coworker_id"],
        updated_by_id=by, recorded_by_id=by)
    meeting = ctx.meeting["id"]
    add(ConferenceParticipant, conference_id=meeting, party_id=participant,
        role=AttendeeRole.HARMER, attended=True)
    add(ConferenceParticipant, conference_id=meeting, party_id=harmed, role=AttendeeRole.HARMED,
        attended=True)
    attendee = {PartyRole.HARMED: AttendeeRole.HARMED, PartyRole.HARMER: AttendeeRole.HARMER,
                PartyRole.SUPPORTER: AttendeeRole.SUPPORTER}
    for pid, role in others:
        add(ConferenceParticipant, conference_id=meeting, party_id=pid, role=attendee[role],
            attended=r.random() < 0.8)
    if r.random() < 0.3:
        add(ConferenceParticipant, conference_id=meeting, name="PCSO " + r.choice(LAST),
            role=AttendeeRole.PCSO, attended=True)
    if S.AGREEMENT_MONITORING not in reached:
        return
    agreement = add(OutcomeAgreement, case_id=case_id, conference_id=meeting, agreed_on=held,
                    signed=True, updated_by_id=by)["id"]
    closed = S.CLOSED in reached
    kept = r.random() < 0.85
    for position, kind_, text_, due_in in (
            (1, ActionKind.APOLOGY, "Say sorry in writing for the noise and the damage.", 7),
            (2, ActionKind.REPAIR, "Repair the fence panel between the two gardens.", 21)):
        add(AgreementAction, agreement_id=agreement, position=position, kind=kind_,
            description=text_, owner_party_id=participant, due_on=held + timedelta(days=due_in),
            kept=kept if closed else None,
            checked_on=held + timedelta(days=30) if closed else None, recorded_by_id=by)
    if closed:
        case["closure_reason"] = ("Outcome agreement kept" if kept else
                                  "Outcome agreement not kept; closed after follow-up")
        follow = min(today, held + timedelta(days=30))
        add(AgreementFollowUp, case_id=case_id, contacted_on=follow, party_id=harmed,
            agreement_kept=kept, recorded_by_id=by)
        for party in (harmed, *(pid for pid, role in others if role is PartyRole.HARMED)):
            add(SatisfactionSurvey, case_id=case_id, party_id=party, answered_on=follow,
                satisfied=r.random() < 0.9, felt_heard=r.randint(3, 5),
                feels_safer=r.randint(2, 5), would_recommend=r.random() < 0.9,
                recorded_by_id=by)
        for period in ("before", "after"):
            add(AgencyCallCount, case_id=case_id, agency_name="Police (101)", period=period,
                months=6, calls=r.randint(2, 9) if period == "before" else r.randint(0, 3),
                recorded_by_id=by)


def _gateway_conditions(ctx: _Ctx, case: dict[str, Any], start: date,
                        reached: set[CaseStatus], by: int) -> None:
    """The usual conditions and sometimes one more; all met by completion, the appointments
    condition not met when she did not complete, some still open while she is engaged."""
    r, today = ctx.rng, ctx.today
    chosen = [k for k in ctx.conditions if k[2]]
    extra = [k for k in ctx.conditions if not k[2]]
    if extra and r.random() < 0.4:
        chosen.append(r.choice(extra))
    end = case["ended_on"] or today
    for position, (code, text_, _) in enumerate(chosen, start=1):
        if CaseStatus.COMPLETED in reached:
            state = ConditionState.MET
        elif CaseStatus.NOT_COMPLETED in reached:
            state = ConditionState.NOT_MET if position == 1 else ConditionState.MET
        else:
            state = ConditionState.MET if r.random() < 0.4 else ConditionState.OPEN
        decided = None if state is ConditionState.OPEN else \
            min(end, start + timedelta(days=r.randint(20, 100)))
        ctx.rows.add(GatewayCondition, case_id=case["id"], kind_code=code, position=position,
                     description=text_, state=state, decided_on=decided,
                     recorded_by_id=by if decided else None)


def _bail_appointments(ctx: _Ctx, case: dict[str, Any], start: date, final: CaseStatus,
                       by: int) -> None:
    r, add, today, now = ctx.rng, ctx.rows.add, ctx.today, ctx.now
    day = start
    corrected = case["id"] % 4 == 0  # some cases show a corrected outcome (no draw of r)
    for n in range(r.randint(3, 7)):
        day = day + timedelta(days=7)
        at = datetime.combine(day, time(10 + n % 5, 0)).astimezone(UTC)
        if at < now:
            status = AppointmentStatus.MISSED if r.random() < 0.12 else AppointmentStatus.KEPT
        else:
            status = AppointmentStatus.SCHEDULED
        if final is CaseStatus.ENGAGED and n == 0 and r.random() < 0.3:
            status = AppointmentStatus.MISSED
        done = status is not AppointmentStatus.SCHEDULED
        appt = add(Appointment, case_id=case["id"], starts_at=at,
                   location="Women's Centre, Gladstone Street", purpose="Key work session",
                   bail_condition=True, status=status, with_user_id=case["worker_id"],
                   outcome_recorded_at=at if done else None, outcome_by_id=by if done else None,
                   updated_by_id=by, recorded_by_id=by)
        if corrected and status is AppointmentStatus.KEPT:
            corrected = False
            add(Correction, case_id=case["id"], kind=EntryKind.APPOINTMENT,
                record_id=appt["id"], action=CorrectionAction.AMENDED,
                before={"status": AppointmentStatus.MISSED.value},
                after={"status": AppointmentStatus.KEPT.value},
                reason="Marked missed by mistake: she arrived late and was seen.", by_id=by,
                at=min(now, at + timedelta(hours=3)))
    if final is CaseStatus.ENGAGED:
        # one today, so that My work has something on it
        at = datetime.combine(today, time(15, 30)).astimezone(UTC)
        add(Appointment, case_id=case["id"], starts_at=at, location="Women's Centre",
            purpose="Mentor session", bail_condition=True, status=AppointmentStatus.SCHEDULED,
            with_user_id=case["worker_id"], updated_by_id=by, recorded_by_id=by)
