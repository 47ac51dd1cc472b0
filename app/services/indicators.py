"""The partnership's indicators (the plan's Appendix B), each defined once.

Every figure is computed here and only here: the dashboard, the board report, the ``--json``
output and the commissioner's return all read the same :class:`IndicatorReport`, so they cannot
disagree. ``docs/indicators.md`` gives each indicator's formula, counting rules and exclusions;
keep the two in step.

Rules every indicator follows:

* a figure is computed for a :class:`Scope`: a period (both ends included), optionally one scheme
  and one worker (the case's assigned worker);
* a figure whose follow-up window has not closed for every case in its cohort is *not yet known*
  (``value`` is ``None`` and ``reason`` says when it will be), never zero;
* restricted cases count in every figure but are never named: a figure lists the references of
  the cases behind it that the viewer may see and are not restricted, and says how many more are
  counted without a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import ValidationError
from app.models.appointments import Appointment, AppointmentStatus
from app.models.cases import Case, CaseStatus, Eligibility, Scheme
from app.models.conferences import (
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    OutcomeAgreement,
    SatisfactionSurvey,
)
from app.models.followups import EXIT_FOLLOWUP_MONTHS, ExitFollowUp, ReoffendingCheck
from app.models.pathways import AssessmentStage, PathwayAssessment
from app.models.reference import Pathway
from app.models.users import User
from app.services import access, audit, tallies
from app.services.access import Action
from app.services.cases import DIVERSION_OUTCOME_CODE, add_months
from app.services.collector import collection_paused
from app.services.context import Actor
from app.services.outcomes import ENDING_STAGES, Outcome

#: Months after the follow-up window for an offence to be proven (MoJ proven reoffending).
PROVING_MONTHS = 6
#: Follow-up windows for proven reoffending per scheme (Checkpoint also looks at 24 months).
REOFFENDING_WINDOWS: dict[Scheme, tuple[int, ...]] = {
    Scheme.CHECKPOINT: (12, 24),
    Scheme.GATEWAY: (12,),
}
MAX_PERIOD_DAYS = 366 * 10

COUNT, PERCENT, DAYS, PER_100, LEVELS = "count", "%", "days", "per 100", "levels"



@dataclass(frozen=True)
class Indicator:
    """One indicator's definition; its figures carry ids ``<id>`` or ``<id>.<part>``."""

    id: str
    title: str
    unit: str
    summary: str


#: The indicators, in the order reports show them. ``docs/indicators.md`` explains each.
INDICATORS: tuple[Indicator, ...] = (
    Indicator("referrals", "Referrals received", COUNT, "cases referred in the period"),
    Indicator("referrals_by_source", "Referrals by source", COUNT,
              "cases referred in the period, by who referred them"),
    Indicator("eligible", "Found eligible", COUNT,
              "referral decisions in the period that accepted the case"),
    Indicator("eligible_rate", "Eligible (% of decisions)", PERCENT,
              "accepted / referral decisions made in the period"),
    Indicator("diverted", "Diverted from prosecution", COUNT,
              "cases completed in the period with police outcome code 22"),
    Indicator("first_time_entrants_diverted", "First-time entrants diverted", COUNT,
              "diverted cases whose participant was a first-time entrant"),
    Indicator("completion_rate", "Completion rate", PERCENT,
              "completed / cases that ended in the period, per scheme"),
    Indicator("breach_rate", "Breach rate", PERCENT,
              "breached (or not completed) / cases that ended in the period, per scheme"),
    Indicator("median_days_to_completion", "Median time to completion", DAYS,
              "median days from start to completion, per scheme"),
    Indicator("reoffending_rate_12m", "Proven reoffending, 12 months (binary rate)", PERCENT,
              "share of the cohort with a proven offence within 12 months of the end date"),
    Indicator("reoffending_per100_12m", "Proven reoffences per 100, 12 months", PER_100,
              "proven offences within 12 months per 100 in the cohort"),
    Indicator("reoffending_rate_24m", "Proven reoffending, 24 months (binary rate)", PERCENT,
              "Checkpoint: share with a proven offence within 24 months of the end date"),
    Indicator("reoffending_per100_24m", "Proven reoffences per 100, 24 months", PER_100,
              "Checkpoint: proven offences within 24 months per 100 in the cohort"),
    Indicator("harmed_satisfied", "Harmed parties satisfied", PERCENT,
              "harmed parties (each one counted) whose survey in the period said satisfied"),
    Indicator("agreements_kept", "Outcome agreements kept", PERCENT,
              "follow-up contacts in the period that found the agreement kept"),
    Indicator("agreement_actions_kept", "Agreement actions kept", PERCENT,
              "agreement actions checked in the period that were kept"),
    Indicator("distance_travelled", "Distance travelled per pathway", LEVELS,
              "mean fall in need level from start to exit assessment, per pathway"),
    Indicator("women_independent", "Women living independently", PERCENT,
              "Gateway to Change completers living independently at 3, 6 and 12 months"),
    Indicator("women_free_from_abuse", "Women free from abuse", PERCENT,
              "Gateway to Change completers free from abuse at 3, 6 and 12 months"),
    Indicator("calls_before", "Calls to agencies before", COUNT,
              "calls about the same problem in the months before (resolved cases)"),
    Indicator("calls_after", "Calls to agencies after", COUNT,
              "calls about the same problem in the months after (resolved cases)"),
    Indicator("appointments_missed", "Missed appointments", COUNT,
              "appointments in the period recorded as missed"),
    Indicator("appointments_missed_rate", "Missed appointments (% of kept or missed)", PERCENT,
              "missed / (kept + missed) appointments in the period"),
)
INDICATOR_IDS = frozenset(i.id for i in INDICATORS)
_BY_ID = {i.id: i for i in INDICATORS}


@dataclass(frozen=True)
class Scope:
    """What a report covers: ``start`` to ``end`` inclusive, optionally one scheme and worker."""

    start: date
    end: date
    scheme: Scheme | None = None
    worker_id: int | None = None

    def check(self) -> None:
        if self.end < self.start:
            raise ValidationError("The period ends before it starts.", field="end")
        if (self.end - self.start).days > MAX_PERIOD_DAYS:
            raise ValidationError("Choose a period of at most ten years.", field="start")

    def schemes(self) -> tuple[Scheme, ...]:
        return (self.scheme,) if self.scheme else tuple(Scheme)

    def holds(self, d: date | None) -> bool:
        return d is not None and self.start <= d <= self.end


class CaseRef(NamedTuple):
    """A case behind a figure: ``counted`` is True when it is in the numerator (or the count).
    A named tuple: a figure over every case of a large database makes thousands of them."""

    reference: str
    scheme: Scheme
    counted: bool


@dataclass(frozen=True)
class Figure:
    id: str
    indicator: str
    label: str
    unit: str
    value: float | None
    numerator: float | None = None
    denominator: int | None = None
    #: Why the value is not known yet (or cannot be given); None when it is known.
    reason: str | None = None
    note: str | None = None
    scheme: Scheme | None = None
    cases: tuple[CaseRef, ...] = ()
    #: Restricted cases (or cases the viewer may not see) counted but not named.
    unnamed: int = 0

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def display(self) -> str:
        """The value as every output prints it."""
        return format_value(self.value, self.unit)


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "not yet known"
    if unit == COUNT:
        return f"{value:,.0f}"
    if unit == PERCENT:
        return f"{value:.1f}%"
    if unit == DAYS:
        return f"{value:g} days"
    if unit == LEVELS:
        return f"{value:+.2f}"
    return f"{value:.1f}"


@dataclass(frozen=True)
class MonthPoint:
    month: date  # first day of the month
    referrals: int
    completed: int
    breached: int


@dataclass(frozen=True)
class IndicatorReport:
    scope: Scope
    today: date
    worker_name: str | None
    figures: tuple[Figure, ...]
    months: tuple[MonthPoint, ...]
    pathway_names: dict[str, str] = field(default_factory=dict)

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(figure_id)

    def get(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def of(self, indicator: str) -> list[Figure]:
        return [f for f in self.figures if f.indicator == indicator]


def indicator(indicator_id: str) -> Indicator:
    return _BY_ID[indicator_id]


def slug(text: str) -> str:
    """A stable id part from free text (a referral source): lower case, words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


# ---------------------------------------------------------------- SQL building blocks
#
# Every figure is an aggregate query: nothing here loads the cases of a period into Python.
# Each figure also keeps the query of the cases behind it (``members``: rows of case id and
# whether the case is counted), run only when someone asks for them (``figure_cases``).


def _end() -> ColumnElement[date | None]:
    """When a case ended (``docs/indicators.md``): its outcome date, or its closure if it stopped
    without one; cases never started have no end. Kept in ``cases.end_date`` by triggers
    (migration 0023), so a period's endings are a range of ``ix_cases_indicators_ended``."""
    return Case.end_date.expression


def _outcome() -> ColumnElement[str]:
    """``outcomes.case_outcome`` as SQL (its value). The stages a case reached matter only
    through ``cases.result_stage``, the deciding one, which a trigger keeps (migration 0019)."""
    return _outcome_of(Case.scheme, Case.result_stage, stopped=_end().is_not(None),
                       accepted=Case.started_on.is_not(None))


def _outcome_of(scheme: Any, result_stage: Any, *, stopped: ColumnElement[bool],
                accepted: ColumnElement[bool]) -> ColumnElement[str]:
    """:func:`_outcome` of a row of ``cases`` or of a tally (which holds only cases that
    ended, so had started: ``stopped`` and ``accepted`` are then ``true()``)."""
    not_started = case((accepted, Outcome.WITHDRAWN.value), else_=Outcome.NOT_ACCEPTED.value)
    nr = case((~stopped, Outcome.IN_PROGRESS.value),
              (result_stage == CaseStatus.AGREEMENT_MONITORING.value, Outcome.COMPLETED.value),
              else_=not_started)
    ending = [(result_stage == stage.value, outcome.value)
              for stage, outcome in ENDING_STAGES.items()]
    return case((scheme == Scheme.NEIGHBOURHOOD_RESOLUTION.value, nr), *ending,
                (~stopped, Outcome.IN_PROGRESS.value), else_=not_started)


def _tallied_outcome(t: Any) -> ColumnElement[str]:
    return _outcome_of(t.c.scheme, t.c.result_stage, stopped=true(), accepted=true())


def _outcome_in(outcome: ColumnElement[str], *outcomes: Outcome) -> ColumnElement[bool]:
    return outcome.in_([o.value for o in outcomes])


_RESULTS = (Outcome.COMPLETED, Outcome.BREACHED, Outcome.NOT_COMPLETED)
_UNSUCCESSFUL = tuple(o for o in Outcome if o.unsuccessful)


def _flag(cond: ColumnElement[bool]) -> ColumnElement[int]:
    """1 or 0, so that flags sum and take ``max`` on both stores."""
    return case((cond, 1), else_=0)


def _sum(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(_flag(cond)), 0)


def _between(col: Any, scope: Scope) -> ColumnElement[bool]:
    return and_(col >= scope.start, col <= scope.end)


def _add_months_sql(dialect: str, d: Any, months: Any) -> ColumnElement[date]:
    """``cases.add_months`` in SQL: calendar months, clamped to the month's last day.
    PostgreSQL's interval arithmetic clamps; SQLite's ``date()`` would roll over, so the day
    is added to the target month's first day and capped at its last day."""
    if dialect == "postgresql":
        return cast(d + func.make_interval(0, months), Date)
    ahead = literal("+").concat(cast(months, String)).concat(" months")
    after = literal("+").concat(cast(months + 1, String)).concat(" months")
    day = cast(func.strftime("%d", d), Integer) - 1
    shifted = func.date(d, "start of month", ahead, literal("+").concat(cast(day, String))
                        .concat(" days"))
    last = func.date(d, "start of month", after, "-1 day")
    return type_coerce(func.min(shifted, last), Date)


def _days_sql(dialect: str, later: Any, earlier: Any) -> ColumnElement[int]:
    if dialect == "postgresql":
        return later - earlier  # type: ignore[no-any-return]
    return cast(func.julianday(later) - func.julianday(earlier), Integer)


def _last_closed(today: date, months: int) -> date:
    """The latest day ``d`` with ``add_months(d, months) <= today``: cases that ended after it
    still have a window open on ``today`` (``add_months`` only ever moves forward with ``d``)."""
    d = add_months(today, -months)
    while add_months(d + timedelta(days=1), months) <= today:
        d += timedelta(days=1)
    return d


def _median(histogram: Iterable[tuple[int, int]]) -> float | None:
    """``statistics.median`` of values given as (value, how many times)."""
    pairs = sorted(histogram)
    n = sum(k for _, k in pairs)
    if not n:
        return None
    wanted = (n - 1) // 2, n // 2
    found: list[int] = []
    seen = 0
    for value, k in pairs:
        found += [value] * sum(1 for w in wanted if seen <= w < seen + k)
        seen += k
    return found[0] if n % 2 else (found[0] + found[1]) / 2


def _members(ids: Any, counted: Any, *where: Any) -> Select[Any]:
    return select(ids.label("case_id"), counted.label("counted")).where(*where)


class _Builder:
    """Collects figures and, beside each, the query of the cases behind it."""

    def __init__(self) -> None:
        self.figures: list[Figure] = []
        self.members: dict[str, Select[Any]] = {}

    def add(self, indicator_id: str, value: float | None, *, part: str | None = None,
            label: str | None = None, unit: str | None = None,
            numerator: float | None = None, denominator: int | None = None,
            reason: str | None = None, note: str | None = None, scheme: Scheme | None = None,
            members: Select[Any] | None = None) -> None:
        ind = _BY_ID[indicator_id]
        if value is not None:
            value = round(value, 0 if ind.unit == COUNT else 2 if ind.unit == LEVELS else 1)
        figure_id = f"{indicator_id}.{part}" if part else indicator_id
        self.figures.append(Figure(
            id=figure_id, indicator=indicator_id,
            label=label or ind.title, unit=unit or ind.unit, value=value, numerator=numerator,
            denominator=denominator, reason=reason, note=note, scheme=scheme))
        if members is not None:
            self.members[figure_id] = members

    def rate(self, indicator_id: str, hits: int, cohort: int, members: Select[Any], *,
             part: str | None = None, label: str | None = None, scheme: Scheme | None = None,
             empty: str = "no cases in the period", note: str | None = None) -> None:
        if not cohort:
            self.add(indicator_id, None, part=part, label=label, scheme=scheme, reason=empty,
                     numerator=0, denominator=0, note=note)
            return
        self.add(indicator_id, 100 * hits / cohort, part=part, label=label,
                 scheme=scheme, numerator=hits, denominator=cohort, members=members, note=note)


@dataclass(frozen=True)
class FigureCases:
    """The cases behind one figure: those the viewer may see (``counted`` when in the
    numerator), and how many more are counted without a name (restricted or not theirs)."""

    figure_id: str
    cases: tuple[CaseRef, ...]
    unnamed: int


def _fmt(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


class _Query:
    """What every family of figures needs: the session, the scope's conditions on cases and
    the SQL dialect (two expressions differ between SQLite and PostgreSQL)."""

    def __init__(self, s: Session, scope: Scope, today: date) -> None:
        self.s, self.scope, self.today = s, scope, today
        self.dialect = s.get_bind().dialect.name
        self.on_cases: list[ColumnElement[bool]] = []
        if scope.scheme is not None:
            self.on_cases.append(Case.scheme == scope.scheme)
        if scope.worker_id is not None:
            self.on_cases.append(Case.worker_id == scope.worker_id)

    def scoped(self, case_id: Any, *on_case: ColumnElement[bool]) -> list[ColumnElement[bool]]:
        """Conditions putting a case-owned table's rows in scope (through their case, joined
        only when the scope or ``on_case`` asks something of it)."""
        wanted = [*self.on_cases, *on_case]
        return [case_id == Case.id, *wanted] if wanted else []

    @property
    def tallied(self) -> bool:
        """Whether the figures of cases may come from the tallies (kept per day and scheme,
        ``app.services.tallies``): they hold no worker."""
        return self.scope.worker_id is None

    @property
    def tallied_all(self) -> bool:
        """Whether the tallies that hold no scheme either (appointments, exits) may serve."""
        return self.tallied and self.scope.scheme is None

    def on_tally(self, t: Any, day: Any) -> list[ColumnElement[bool]]:
        """A tally's rows for the scope: its days in the period, of the scheme if one is
        asked for, and only rows that still count something."""
        found = [_between(day, self.scope), t.c.n > 0]
        if self.scope.scheme is not None:
            found.append(t.c.scheme == self.scope.scheme.value)
        return found

    def month_of(self, day: Any) -> ColumnElement[str]:
        """A date's month as text, ``YYYY-MM``: the tallies are added up per month in the
        database (ten years of referrals are some 50,000 rows of day, scheme and source)."""
        if self.dialect == "postgresql":
            return func.to_char(day, "YYYY-MM")
        return func.substr(day, 1, 7)

    def nr_only(self, case_id: Any) -> list[ColumnElement[bool]]:
        """:meth:`scoped` for rows the services make only on Neighbourhood Resolution cases
        (meetings' agreements, their actions and follow-ups): the scheme needs no test, so
        the case is joined only for a worker (ten years hold 200,000 actions)."""
        if self.scope.worker_id is None:
            return []
        return [case_id == Case.id, Case.worker_id == self.scope.worker_id]

    @cached_property
    def referred(self) -> list[tuple[date, str, int]]:
        """Referrals in the period per month and source as typed, which the referral figures
        and the months both read: from their tally, added up per month in the database; for
        one worker, one pass over ``ix_cases_indicators_referral`` per day in its own order
        (nothing to sort), added up per month here."""
        per_month: dict[tuple[str, str], int] = defaultdict(int)
        t = tallies.referrals
        month = self.month_of(t.c.referral_date)
        counted = (select(month, t.c.referral_source, func.sum(t.c.n))
                   .where(*self.on_tally(t, t.c.referral_date))
                   .group_by(month, t.c.referral_source) if self.tallied else
                   select(_raw(Case.referral_date), Case.referral_source, func.count())
                   .where(_between(Case.referral_date, self.scope), *self.on_cases)
                   .group_by(Case.referral_date, Case.referral_source))
        for day, source, n in self.s.execute(counted):
            per_month[str(day)[:7], source] += n
        return [(_month(month), source, n) for (month, source), n in per_month.items()]

    @cached_property
    def ends(self) -> list[_Ends]:
        """Cases that ended in the period per month and scheme, which the outcome figures,
        the diverted and the months all read: from their tally, added up per month in the
        database; for one worker, one pass over ``ix_cases_indicators_ended`` per day in its
        own order, added up per month here (each row read as plain text and numbers)."""
        # a tally row counts ``n`` cases of a month; a case row one case of a day
        weight: ColumnElement[Any]
        when: ColumnElement[Any]
        of_scheme: ColumnElement[Any]
        if self.tallied:
            t = tallies.endings
            outcome, weight = _tallied_outcome(t), t.c.n
            diversion, first = t.c.diversion == 1, t.c.first_time == 1
            when, of_scheme = self.month_of(t.c.end_date), t.c.scheme
            where = self.on_tally(t, t.c.end_date)
        else:
            outcome, weight = _outcome(), literal(1)
            diversion = Case.outcome_code == DIVERSION_OUTCOME_CODE
            first = Case.first_time_entrant.is_(True)
            when, of_scheme = _raw(Case.end_date), _raw(Case.scheme)
            where = [_between(_end(), self.scope), *self.on_cases]

        def count(cond: ColumnElement[bool]) -> ColumnElement[int]:
            return func.sum(case((cond, weight), else_=0))
        done = outcome == Outcome.COMPLETED.value
        diverted = and_(diversion, done)
        counted = (select(when, of_scheme, func.sum(weight), count(done),
                          count(_outcome_in(outcome, *_UNSUCCESSFUL)), count(diverted),
                          count(and_(diverted, first)))
                   .where(*where).group_by(when, of_scheme))
        per_month: dict[tuple[str, str], list[int]] = {}
        for day, scheme, *counts in self.s.execute(counted):
            key = (str(day)[:7], scheme)
            total = per_month.get(key)
            if total is None:
                per_month[key] = [int(n) for n in counts]
            else:
                for i, n in enumerate(counts):
                    total[i] += int(n)
        return [_Ends(_month(month), Scheme(scheme), *counts)
                for (month, scheme), counts in per_month.items()]


def _raw(column: Any) -> ColumnElement[Any]:
    """A column as the driver hands it over (text or a date), without the type's processing
    of every row: the per-day passes read thousands of rows to add them up per month."""
    return type_coerce(column, String)


def _month(text: str) -> date:
    """The first day of the month ``YYYY-MM``."""
    return date(int(text[:4]), int(text[5:7]), 1)


class _Ends(NamedTuple):
    """Cases of one scheme that ended in one month (its first day): how many, completed,
    breached or not completed, diverted (completed with police outcome code 22), and of those
    first-time entrants."""

    month: date
    scheme: Scheme
    n: int
    done: int
    bad: int
    diverted: int
    first: int


# ---------------------------------------------------------------- the computation


#: The families of figures, each one function; ``figure_cases`` reruns only the one it needs.
_Family = Callable[[_Builder, _Query, dict[str, str]], None]


@collection_paused()
def compute(uow: UnitOfWork, actor: Actor, scope: Scope, *, today: date | None = None,
            named: bool = True) -> IndicatorReport:
    """Every indicator for ``scope``, as known on ``today`` (coordinators only; audited).

    With ``named`` each figure carries the cases behind it (one more query per figure); the
    dashboard and the reports pass ``named=False`` and ask :func:`figure_cases` for one
    figure's cases when someone drills into it."""
    access.require(actor, Action.REPORT)
    scope.check()
    today = today or date.today()
    with uow:
        s = uow.session
        q = _Query(s, scope, today)
        worker = s.get(User, scope.worker_id) if scope.worker_id is not None else None
        worker_name = worker.full_name if worker is not None else None
        pathway_names = _pathway_names(s)
        b = _Builder()
        for family in _FAMILIES.values():
            family(b, q, pathway_names)
        figures = b.figures
        if named:
            visible = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
            figures = [replace(f, **_named(s, b.members.get(f.id), visible)) for f in figures]
        months = _months(q)
    _audit(uow, actor, "report.indicators",
           f"{scope.start.isoformat()}..{scope.end.isoformat()} "
           f"{scope.scheme.value if scope.scheme else 'all schemes'}"
           f"{f' worker {scope.worker_id}' if scope.worker_id else ''}")
    return IndicatorReport(scope, today, worker_name, tuple(figures), tuple(months),
                           pathway_names)


@collection_paused()
def figure_cases(uow: UnitOfWork, actor: Actor, scope: Scope, figure_id: str, *,
                 today: date | None = None) -> FigureCases:
    """The cases behind one figure of :func:`compute` (the dashboard's drill-down): only that
    figure's family is computed again, then its cases are read (coordinators only; audited,
    since it names cases)."""
    access.require(actor, Action.REPORT)
    scope.check()
    indicator_id = figure_id.split(".", 1)[0]
    family = next((f for ids, f in _FAMILIES.items() if indicator_id in ids), None)
    if family is None:
        raise ValidationError(f"There is no indicator {indicator_id!r}.", field="figure")
    with uow:
        s = uow.session
        b = _Builder()
        family(b, _Query(s, scope, today or date.today()), _pathway_names(s))
        if not any(f.id == figure_id for f in b.figures):
            raise ValidationError(f"There is no figure {figure_id!r} for this scope.",
                                  field="figure")
        visible = access.visible_clause(actor, read_all=access.navigators_read_all(uow))
        found = _named(s, b.members.get(figure_id), visible)
    _audit(uow, actor, "report.indicator_cases",
           f"{figure_id} {scope.start.isoformat()}..{scope.end.isoformat()}")
    return FigureCases(figure_id, found["cases"], found["unnamed"])


def _audit(uow: UnitOfWork, actor: Actor, action: str, detail: str) -> None:
    """Record a report once its figures are read, in a short write of its own. The reading
    takes seconds with years of cases; on SQLite a read that then writes is refused ("database
    is locked") if anyone saved meanwhile, and taking the write lock first would hold up every
    save for as long as the report reads. Nothing is returned unless this is written."""
    with uow:
        uow.begin_write()
        audit.record(uow, actor, action, "cases", detail=detail)
        uow.commit()


def _pathway_names(s: Session) -> dict[str, str]:
    return {p.code: p.name for p in s.scalars(select(Pathway).order_by(Pathway.position))}


def _named(s: Session, members: Select[Any] | None, visible: ColumnElement[bool]
           ) -> dict[str, Any]:
    """The cases a figure's ``members`` query finds: the ones the viewer may see that are not
    restricted, by reference, and how many others are counted."""
    if members is None:
        return {"cases": (), "unnamed": 0}
    m = members.subquery()
    shown = and_(visible, Case.restricted.is_(False))
    rows = s.execute(select(Case.reference, Case.scheme, func.max(m.c.counted),
                            func.max(_flag(shown)))
                     .join(m, m.c.case_id == Case.id)
                     .group_by(Case.id, Case.reference, Case.scheme)).all()
    named = sorted((r for r in rows if r[3]), key=lambda r: r[0])
    return {"cases": tuple(CaseRef(ref, scheme, bool(counted)) for ref, scheme, counted, _
                           in named),
            "unnamed": len(rows) - len(named)}


def _referrals(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    referred = [_between(Case.referral_date, q.scope), *q.on_cases]
    raw_counts: dict[str, int] = defaultdict(int)
    for _day, raw_source, n in q.referred:
        raw_counts[raw_source] += n
    by_raw = sorted(raw_counts.items())
    total = sum(n for _, n in by_raw)
    b.add("referrals", total, numerator=total,
          members=_members(Case.id, literal(1), *referred))
    # sources are grouped as they read, ignoring spaces around them
    by_source: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for raw, n in by_raw:
        by_source[raw.strip()].append(raw)
        counts[raw.strip()] += n
    for source in sorted(by_source, key=lambda x: (-counts[x], x.lower())):
        b.add("referrals_by_source", counts[source], part=slug(source), label=source,
              numerator=counts[source], denominator=total,
              members=_members(Case.id, literal(1), *referred,
                               Case.referral_source.in_(by_source[source])))


def _decisions(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    scope = q.scope
    decided = [Case.eligibility != Eligibility.PENDING,
               _between(Case.eligibility_decided_on, scope), *q.on_cases]
    eligible = Case.eligibility == Eligibility.ELIGIBLE
    n_decided, n_eligible = q.s.execute(select(func.count(), _sum(eligible))
                                        .where(*decided)).one()
    members = _members(Case.id, _flag(eligible), *decided)
    b.add("eligible", n_eligible, numerator=n_eligible, denominator=n_decided,
          members=members)
    b.rate("eligible_rate", n_eligible, n_decided, members,
           empty="no referral decisions in the period")
    diverted = [_between(_end(), scope), *q.on_cases,
                Case.outcome_code == DIVERSION_OUTCOME_CODE,
                _outcome() == Outcome.COMPLETED.value]
    first = Case.first_time_entrant.is_(True)
    n_diverted, n_first = sum(e.diverted for e in q.ends), sum(e.first for e in q.ends)
    b.add("diverted", n_diverted, numerator=n_diverted,
          members=_members(Case.id, literal(1), *diverted))
    b.add("first_time_entrants_diverted", n_first, numerator=n_first,
          denominator=n_diverted, members=_members(Case.id, _flag(first), *diverted))


def _outcomes(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    outcome = _outcome()
    ended = [_between(_end(), q.scope), *q.on_cases]
    done = outcome == Outcome.COMPLETED.value
    unsuccessful = _outcome_in(outcome, *_UNSUCCESSFUL)
    totals: dict[Scheme, tuple[int, int, int]] = {}
    for e in q.ends:
        n, n_done, n_bad = totals.get(e.scheme, (0, 0, 0))
        totals[e.scheme] = (n + e.n, n_done + e.done, n_bad + e.bad)
    histogram: dict[Scheme, list[tuple[int, int]]] = defaultdict(list)
    if q.tallied:
        t = tallies.completions
        days: Any = t.c.days
        counted = (select(t.c.scheme, days, func.sum(t.c.n))
                   .where(*q.on_tally(t, t.c.end_date),
                          _tallied_outcome(t) == Outcome.COMPLETED.value)
                   .group_by(t.c.scheme, days))
    else:
        days = _days_sql(q.dialect, _end(), Case.started_on)
        counted = (select(_raw(Case.scheme), days, func.count())
                   .where(*ended, done, Case.started_on.is_not(None))
                   .group_by(Case.scheme, days))
    for scheme, d, n in q.s.execute(counted):
        histogram[Scheme(scheme)].append((int(d), int(n)))
    for scheme in q.scope.schemes():
        n, n_done, n_bad = totals.get(scheme, (0, 0, 0))
        mine = [*ended, Case.scheme == scheme]
        b.rate("completion_rate", n_done, n, _members(Case.id, _flag(done), *mine),
               part=scheme.value, scheme=scheme, label=f"Completion rate: {scheme.label}",
               empty="no cases ended in the period")
        if scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
            b.rate("breach_rate", n_bad, n, _members(Case.id, _flag(unsuccessful), *mine),
                   part=scheme.value, scheme=scheme, label=f"Breach rate: {scheme.label}",
                   empty="no cases ended in the period")
        median = _median(histogram.get(scheme, []))
        b.add("median_days_to_completion", median, part=scheme.value, scheme=scheme,
              label=f"Median time to completion: {scheme.label}", numerator=None,
              denominator=sum(k for _, k in histogram.get(scheme, [])),
              reason=None if median is not None else "no case completed in the period",
              members=_members(Case.id, literal(1), *mine, done) if n_done else None)


def _reoffending(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    scope, today = q.scope, q.today
    for scheme, windows in REOFFENDING_WINDOWS.items():
        if scheme not in scope.schemes():
            continue
        cohort = [Case.scheme == scheme, *q.on_cases, Case.ended_on.is_not(None),
                  _between(Case.ended_on, scope), _outcome_in(_outcome(), *_RESULTS)]
        thresholds = {w: _last_closed(today, w + PROVING_MONTHS) for w in windows}
        n, last_end, *still_open = q.s.execute(select(
            func.count(), func.max(Case.ended_on),
            *[_sum(Case.ended_on > thresholds[w]) for w in windows]).where(*cohort)).one()
        for window, open_n in zip(windows, still_open, strict=True):
            rate_id, per_id = f"reoffending_rate_{window}m", f"reoffending_per100_{window}m"
            labels = (f"{indicator(rate_id).title}: {scheme.label}",
                      f"{indicator(per_id).title}: {scheme.label}")
            if not n:
                for ind, label in zip((rate_id, per_id), labels, strict=True):
                    b.add(ind, None, part=scheme.value, scheme=scheme, label=label,
                          reason="no cases ended in the period", denominator=0)
                continue
            everyone = _members(Case.id, literal(0), *cohort)
            last = add_months(_as_date(last_end), window + PROVING_MONTHS)
            if last > today:
                why = (f"not yet known: {window} months' follow-up plus {PROVING_MONTHS} to "
                       f"prove offences still open for {open_n} of {n} cases "
                       f"(until {_fmt(last)})")
                for ind, label in zip((rate_id, per_id), labels, strict=True):
                    b.add(ind, None, part=scheme.value, scheme=scheme, label=label, reason=why,
                          denominator=n, members=everyone)
                continue
            # each case's latest police check made once its window had closed
            closes = _add_months_sql(q.dialect, Case.ended_on, window + PROVING_MONTHS)
            found = (select(ReoffendingCheck.offences)
                     .where(ReoffendingCheck.case_id == Case.id,
                            ReoffendingCheck.window_months == window, ReoffendingCheck.live(),
                            ReoffendingCheck.checked_on >= closes)
                     .order_by(ReoffendingCheck.checked_on.desc(),
                               ReoffendingCheck.offences.desc())
                     .limit(1).correlate(Case).scalar_subquery())
            checked = [*cohort, found.is_not(None)]
            n_checked, reoffenders, offences = q.s.execute(select(
                func.count(), _sum(found > 0), func.coalesce(func.sum(found), 0))
                .where(*checked)).one()
            missing = n - n_checked
            note = (f"{missing} of {n} cases have no police check after their window "
                    "closed and are left out") if missing else None
            if not n_checked:
                for ind, label in zip((rate_id, per_id), labels, strict=True):
                    b.add(ind, None, part=scheme.value, scheme=scheme, label=label,
                          reason="no police check recorded after the follow-up window closed",
                          denominator=0, members=everyone)
                continue
            members = _members(Case.id, _flag(found > 0), *checked)
            b.add(rate_id, 100 * reoffenders / n_checked, part=scheme.value,
                  scheme=scheme, label=labels[0], numerator=reoffenders,
                  denominator=n_checked, note=note, members=members)
            b.add(per_id, 100 * offences / n_checked, part=scheme.value, scheme=scheme,
                  label=labels[1], numerator=offences, denominator=n_checked, note=note,
                  members=members)


def _as_date(value: Any) -> date:
    """A date from an aggregate (SQLite hands ``max`` of a date column back as text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _restorative(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    scope, s = q.scope, q.s
    if Scheme.NEIGHBOURHOOD_RESOLUTION not in scope.schemes():
        return
    # compared as text, which no index holds: the planner then reads the period's rows
    # through their date indexes, not every Neighbourhood Resolution case there has been
    nr = (type_coerce(Case.scheme, String).concat("")
          == Scheme.NEIGHBOURHOOD_RESOLUTION.value)
    # satisfaction is asked of each harmed party, once (a unique index, 0027): each answer
    # of the period is one response; surveys are only of Neighbourhood Resolution cases
    sv = SatisfactionSurvey
    answers = [*q.nr_only(sv.case_id), sv.live(), _between(sv.answered_on, scope)]
    satisfied = sv.satisfied.is_(True)
    answered, n_satisfied = s.execute(select(func.count(), _sum(satisfied))
                                      .where(*answers)).one()
    b.rate("harmed_satisfied", n_satisfied, answered,
           _members(sv.case_id, _flag(satisfied), *answers),
           empty="no survey answered in the period")
    # an agreement is kept when the latest contact in the period found it kept
    fu = AgreementFollowUp
    contacts = (select(fu.case_id, fu.agreement_kept, func.row_number().over(
        partition_by=fu.case_id, order_by=(fu.contacted_on.desc(), fu.id.desc())).label("n"))
        .where(*q.nr_only(fu.case_id), fu.live(), _between(fu.contacted_on, scope))
        .subquery())
    last_contact = [contacts.c.n == 1]
    kept = contacts.c.agreement_kept.is_(True)
    n_contacted, n_kept = s.execute(select(func.count(), _sum(kept))
                                    .where(*last_contact)).one()
    b.rate("agreements_kept", n_kept, n_contacted,
           _members(contacts.c.case_id, _flag(kept), *last_contact),
           empty="no follow-up contact in the period")
    aa = AgreementAction
    done = [aa.kept.is_not(None), aa.live(), _between(aa.checked_on, scope)]
    checked = [aa.agreement_id == OutcomeAgreement.id, *q.nr_only(OutcomeAgreement.case_id),
               *done]
    # counted from the actions' own index unless one worker's cases are asked for
    counted = checked if scope.worker_id is not None else done
    action_kept = aa.kept.is_(True)
    n_actions, kept_actions = s.execute(select(func.count(), _sum(action_kept))
                                        .where(*counted)).one()
    b.add("agreement_actions_kept", 100 * kept_actions / n_actions if n_actions else None,
          numerator=kept_actions, denominator=n_actions,
          reason=None if n_actions else "no agreement action checked in the period",
          members=_members(OutcomeAgreement.case_id, _flag(action_kept), *checked))
    _calls(b, q, nr)


#: A period at least this long reads calls before and after from every case's counts,
#: rather than from each case that ended in it (cheaper once most cases ended in the period).
LONG_PERIOD_DAYS = 3 * 366


def _calls(b: _Builder, q: _Query, nr: ColumnElement[bool]) -> None:
    """Calls before and after: resolved cases (ended in the period) with a 'before' count."""
    ac = AgencyCallCount
    before, after = ac.period == "before", ac.period == "after"
    totals = (
        func.sum(case((before, ac.calls), else_=0)).label("before"),
        func.sum(case((after, ac.calls), else_=0)).label("after"),
        func.sum(_flag(after)).label("n_after"),
        func.coalesce(func.max(case((after, ac.months))),
                      func.max(case((before, ac.months)))).label("months"))
    with_before = func.sum(_flag(before)) > 0
    in_period = [nr, _between(_end(), q.scope), *q.on_cases]
    if q.tallied:
        # each case's totals, kept beside its scheme and end (``tally_case_calls``)
        t = tallies.case_calls
        per_case = (select(t.c.case_id, t.c.end_date.label("end"), t.c.before, t.c.after,
                           t.c.n_after, t.c.months)
                    .where(t.c.scheme == Scheme.NEIGHBOURHOOD_RESOLUTION.value,
                           _between(t.c.end_date, q.scope), t.c.n_before > 0).subquery())
    elif (q.scope.end - q.scope.start).days < LONG_PERIOD_DAYS:
        # from the cases that ended in the period, each one's counts (a range, then lookups)
        per_case = (select(ac.case_id.label("case_id"), _end().label("end"), *totals)
                    .where(ac.case_id == Case.id, *in_period, ac.live())
                    .group_by(ac.case_id, _end()).having(with_before).subquery())
    else:
        # years of endings: every case's counts in the order of their index (no sort), then
        # each case's end looked up, instead of a lookup of counts for every case that ended
        counts = (select(ac.case_id.label("case_id"), *totals).where(ac.live())
                  .group_by(ac.case_id).having(with_before).subquery())
        per_case = (select(counts.c.case_id, _end().label("end"), counts.c.before,
                           counts.c.after, counts.c.n_after, counts.c.months)
                    .where(counts.c.case_id == Case.id, *in_period).subquery())
    has_after = per_case.c.n_after > 0
    windows = q.s.execute(select(per_case.c.end, per_case.c.months, func.count(),
                                 func.sum(per_case.c.before), _sum(has_after),
                                 func.sum(case((has_after, per_case.c.after), else_=0)))
                          .group_by(per_case.c.end, per_case.c.months)).all()
    cohort = sum(r[2] for r in windows)
    calls_before = sum(int(r[3]) for r in windows)
    everyone = _members(per_case.c.case_id, literal(1))
    b.add("calls_before", calls_before if cohort else None, numerator=calls_before,
          denominator=cohort, members=everyone if cohort else None,
          reason=None if cohort else "no resolved case in the period has a 'before' count")
    if not cohort:
        b.add("calls_after", None, denominator=0,
              reason="no resolved case in the period has a 'before' count")
        return
    last = max(add_months(_as_date(end), int(months)) for end, months, *_ in windows)
    if last > q.today:
        b.add("calls_after", None, denominator=cohort,
              members=_members(per_case.c.case_id, literal(0)),
              reason=f"not yet known: the months after closure run until {_fmt(last)}")
        return
    counted = sum(int(r[4]) for r in windows)
    calls_after = sum(int(r[5]) for r in windows)
    missing = cohort - counted
    b.add("calls_after", calls_after if counted else None, numerator=calls_after,
          denominator=counted, members=_members(per_case.c.case_id, _flag(has_after)),
          reason=None if counted else "no 'after' count recorded",
          note=f"{missing} of {cohort} cases have no 'after' count" if missing else None)


def _distance(b: _Builder, q: _Query, pathway_names: dict[str, str]) -> None:
    # exit assessments dated in the period whose case had a need at start on that pathway:
    # each exit row holds its live start's level (``start_level``, kept by triggers, 0023);
    # the pathways are named so that each one's exits are a range of the index, in order
    ex = PathwayAssessment
    pairs = [*q.scoped(ex.case_id), ex.stage == AssessmentStage.EXIT, ex.live(),
             ex.pathway_code.in_(list(pathway_names)), _between(ex.assessed_on, q.scope),
             ex.start_level >= 1]
    fall = ex.start_level - ex.level
    t = tallies.exits
    counted = (select(t.c.pathway_code, func.sum(t.c.n), func.sum(t.c.fall))
               .where(*q.on_tally(t, t.c.assessed_on), t.c.pathway_code.in_(list(pathway_names)))
               .group_by(t.c.pathway_code) if q.tallied_all else
               select(ex.pathway_code, func.count(), func.sum(fall)).where(*pairs)
               .group_by(ex.pathway_code))
    totals = {code: (int(n), int(total or 0)) for code, n, total in q.s.execute(counted)}
    for code, name in pathway_names.items():
        n, total = totals.get(code, (0, 0))
        b.add("distance_travelled", total / n if n else None, part=code,
              label=name, numerator=total, denominator=n,
              reason=None if n else "no exit assessment in the period with a need at start",
              members=_members(ex.case_id, _flag(fall > 0), *pairs,
                               ex.pathway_code == code) if n else None)


def _women(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    scope, today = q.scope, q.today
    if Scheme.GATEWAY not in scope.schemes():
        return
    cohort = [Case.scheme == Scheme.GATEWAY, *q.on_cases, _between(Case.ended_on, scope),
              _outcome() == Outcome.COMPLETED.value]
    thresholds = {m: _last_closed(today, m) for m in EXIT_FOLLOWUP_MONTHS}
    n, last_end, *still_open = q.s.execute(select(
        func.count(), func.max(Case.ended_on),
        *[_sum(Case.ended_on > thresholds[m]) for m in EXIT_FOLLOWUP_MONTHS])
        .where(*cohort)).one()
    # each woman's answer at each follow-up: the one recorded last
    ef = ExitFollowUp
    ranked = (select(ef.case_id, ef.months, ef.living_independently, ef.free_from_abuse,
                     func.row_number().over(partition_by=(ef.case_id, ef.months),
                                            order_by=ef.id.desc()).label("n"))
              .where(ef.case_id == Case.id, *cohort, ef.done_on.is_not(None), ef.live())
              .subquery())
    columns = (ranked.c.living_independently, ranked.c.free_from_abuse)
    for months, open_n in zip(EXIT_FOLLOWUP_MONTHS, still_open, strict=True):
        answered = [ranked.c.months == months, ranked.c.n == 1]
        for pos, ind in enumerate(("women_independent", "women_free_from_abuse")):
            label = f"{indicator(ind).title} at {months} months"
            if not n:
                b.add(ind, None, part=f"{months}m", label=label, scheme=Scheme.GATEWAY,
                      denominator=0, reason="no woman completed the scheme in the period")
                continue
            last = add_months(_as_date(last_end), months)
            if last > today:
                b.add(ind, None, part=f"{months}m", label=label, scheme=Scheme.GATEWAY,
                      denominator=n, members=_members(Case.id, literal(0), *cohort),
                      reason=f"not yet known: the {months}-month follow-up is not yet due for "
                             f"{open_n} of {n} women (the last on {_fmt(last)})")
                continue
            known = [*answered, columns[pos].is_not(None)]
            yes = columns[pos].is_(True)
            n_known, n_yes = q.s.execute(select(func.count(), _sum(yes)).where(*known)).one()
            missing = n - n_known
            b.rate(ind, n_yes, n_known, _members(ranked.c.case_id, _flag(yes), *known),
                   part=f"{months}m", label=label, scheme=Scheme.GATEWAY,
                   empty=f"no {months}-month follow-up recorded",
                   note=f"{missing} of {n} women have no {months}-month answer"
                   if missing else None)


def _appointments(b: _Builder, q: _Query, _names: dict[str, str]) -> None:
    first = datetime.combine(q.scope.start, time.min, UTC)
    after = datetime.combine(q.scope.end + timedelta(days=1), time.min, UTC)
    midnight = datetime.combine(q.today, time.min, UTC)
    ap = Appointment
    booked = [*q.scoped(ap.case_id), ap.live(), ap.starts_at >= first, ap.starts_at < after]
    missed = ap.status == AppointmentStatus.MISSED
    kept = ap.status == AppointmentStatus.KEPT
    past = min(after, midnight)  # scheduled before today: no outcome recorded
    wanted = [AppointmentStatus.MISSED, AppointmentStatus.KEPT]
    if q.tallied_all:
        # kept per day: outcomes of the period's days, and the days before today unrecorded
        t = tallies.appointments
        before = q.scope.end if past == after else q.today - timedelta(days=1)
        n_statuses = func.sum(case((t.c.day <= before, t.c.n), else_=0))
        counts = {AppointmentStatus(status): (int(n), int(n_past)) for status, n, n_past in
                  q.s.execute(select(t.c.status, func.sum(t.c.n), n_statuses)
                              .where(*q.on_tally(t, t.c.day)).group_by(t.c.status))}
        n_missed, n_kept = (counts.get(s, (0, 0))[0] for s in wanted)
        unrecorded = counts.get(AppointmentStatus.SCHEDULED, (0, 0))[1]
    else:
        # counted per status, each a range of ix_appointments_indicators_status: no test
        # of every appointment of the period (ten years hold over a million)
        by_status: dict[AppointmentStatus, int] = {status: n for status, n in q.s.execute(
            select(ap.status, func.count()).where(*booked, ap.status.in_(wanted))
            .group_by(ap.status))}
        n_missed = by_status.get(AppointmentStatus.MISSED, 0)
        n_kept = by_status.get(AppointmentStatus.KEPT, 0)
        unrecorded = (q.s.scalar(select(func.count()).where(
            *q.scoped(ap.case_id), ap.live(), ap.status == AppointmentStatus.SCHEDULED,
            ap.starts_at >= first, ap.starts_at < past)) or 0) if first < past else 0
    note = (f"{unrecorded} past appointments have no outcome recorded and are left out"
            if unrecorded else None)
    b.add("appointments_missed", n_missed, numerator=n_missed,
          denominator=n_kept + n_missed, note=note,
          members=_members(ap.case_id, literal(1), *booked, missed) if n_missed else None)
    b.rate("appointments_missed_rate", n_missed, n_kept + n_missed,
           _members(ap.case_id, _flag(missed), *booked, or_(missed, kept)), note=note,
           empty="no appointment kept or missed in the period")


#: Each family and the indicators it gives, in the order reports show them.
_FAMILIES: dict[tuple[str, ...], _Family] = {
    ("referrals", "referrals_by_source"): _referrals,
    ("eligible", "eligible_rate", "diverted", "first_time_entrants_diverted"): _decisions,
    ("completion_rate", "breach_rate", "median_days_to_completion"): _outcomes,
    ("reoffending_rate_12m", "reoffending_per100_12m", "reoffending_rate_24m",
     "reoffending_per100_24m"): _reoffending,
    ("harmed_satisfied", "agreements_kept", "agreement_actions_kept", "calls_before",
     "calls_after"): _restorative,
    ("distance_travelled",): _distance,
    ("women_independent", "women_free_from_abuse"): _women,
    ("appointments_missed", "appointments_missed_rate"): _appointments,
}


def _months(q: _Query) -> list[MonthPoint]:
    """Referrals, completions and breaches by month: counted per day in the database (the
    passes the figures share, at most a few thousand rows a year), added up per month here."""
    scope = q.scope
    referred: dict[date, int] = defaultdict(int)
    for month, _source, n in q.referred:
        referred[month] += n
    ended: dict[tuple[date, bool], int] = defaultdict(int)
    for e in q.ends:
        ended[(e.month, True)] += e.done
        ended[(e.month, False)] += e.bad
    out: list[MonthPoint] = []
    month = scope.start.replace(day=1)
    while month <= scope.end:
        out.append(MonthPoint(month, referred[month], ended[(month, True)],
                              ended[(month, False)]))
        month = add_months(month, 1)
    return out


def list_workers(uow: UnitOfWork, actor: Actor) -> list[tuple[int, str]]:
    """Front-line workers, for the 'worker' filter (coordinators only)."""
    access.require(actor, Action.REPORT)
    with uow:
        q = select(User.id, User.full_name).where(User.role.in_(list(access.ROLE_SCHEME)))
        return [(i, n) for i, n in uow.session.execute(q.order_by(User.full_name))]


def find_worker(uow: UnitOfWork, actor: Actor, username: str) -> int:
    """The id of a front-line worker by user name, for the CLI's --worker."""
    access.require(actor, Action.REPORT)
    with uow:
        user_id = uow.session.scalar(select(User.id).where(
            User.username == username.strip(), User.role.in_(list(access.ROLE_SCHEME))))
    if user_id is None:
        raise ValidationError(f"No navigator, facilitator or mentor has the user name "
                              f"{username!r}.", field="worker")
    return user_id
