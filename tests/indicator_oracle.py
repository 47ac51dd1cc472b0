"""The indicators counted in Python, case by case: the oracle the SQL engine is checked against.

This is the engine ``app/services/indicators.py`` used before the figures moved into aggregate
queries (issue 15): it loads every case in scope and counts with plain loops, so it is slow but
easy to read against ``docs/indicators.md``. ``tests/services/test_indicators_sql.py`` compares
every figure, case list and month it gives with the SQL engine's, on both stores.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, aliased

from app.db import UnitOfWork
from app.models.appointments import Appointment, AppointmentStatus
from app.models.base import Correctable, live
from app.models.cases import Case, CaseStatus, Eligibility, Scheme, StatusChange
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
from app.services import access
from app.services.cases import DIVERSION_OUTCOME_CODE, add_months
from app.services.context import Actor
from app.services.indicators import (
    _BY_ID,
    COUNT,
    LEVELS,
    PROVING_MONTHS,
    REOFFENDING_WINDOWS,
    CaseRef,
    Figure,
    IndicatorReport,
    MonthPoint,
    Scope,
    indicator,
    slug,
)
from app.services.outcomes import DECIDING_STAGES, Outcome, agreement_kept, case_outcome

# ---------------------------------------------------------------- the case rows


@dataclass(frozen=True)
class _Case:
    id: int
    reference: str
    scheme: Scheme
    referral_date: date
    referral_source: str
    eligibility: Eligibility
    eligibility_decided_on: date | None
    started_on: date | None
    ended_on: date | None
    closed_on: date | None
    outcome_code: str | None
    restricted: bool
    first_time_entrant: bool | None
    #: The case's outcome (``app.services.outcomes``), decided once for every figure.
    outcome: Outcome = Outcome.IN_PROGRESS

    @property
    def end(self) -> date | None:
        """When the case ended: its outcome date, or its closure if it stopped without one.
        Cases never started (not accepted) have no end: they are not in outcome figures."""
        if self.started_on is None:
            return None
        return self.ended_on or self.closed_on


class _Builder:
    """Collects figures; names only the cases the viewer may see and that are not restricted."""

    def __init__(self, visible: set[int]) -> None:
        self.visible = visible
        self.figures: list[Figure] = []

    def add(self, indicator_id: str, value: float | None, *, part: str | None = None,
            label: str | None = None, unit: str | None = None,
            numerator: float | None = None, denominator: int | None = None,
            reason: str | None = None, note: str | None = None, scheme: Scheme | None = None,
            counted: Iterable[_Case] = (), cohort: Iterable[_Case] = ()) -> None:
        ind = _BY_ID[indicator_id]
        counted_ids = {c.id for c in counted}
        everyone = {c.id: c for c in [*cohort, *counted]}
        named = [c for c in everyone.values() if c.id in self.visible and not c.restricted]
        refs = tuple(CaseRef(c.reference, c.scheme, c.id in counted_ids)
                     for c in sorted(named, key=lambda c: c.reference))
        if value is not None:
            value = round(value, 0 if ind.unit == COUNT else 2 if ind.unit == LEVELS else 1)
        self.figures.append(Figure(
            id=f"{indicator_id}.{part}" if part else indicator_id, indicator=indicator_id,
            label=label or ind.title, unit=unit or ind.unit, value=value, numerator=numerator,
            denominator=denominator, reason=reason, note=note, scheme=scheme, cases=refs,
            unnamed=len(everyone) - len(named)))

    def rate(self, indicator_id: str, hits: Sequence[_Case], cohort: Sequence[_Case], *,
             part: str | None = None, label: str | None = None, scheme: Scheme | None = None,
             empty: str = "no cases in the period", note: str | None = None) -> None:
        if not cohort:
            self.add(indicator_id, None, part=part, label=label, scheme=scheme, reason=empty,
                     numerator=0, denominator=0, note=note)
            return
        self.add(indicator_id, 100 * len(hits) / len(cohort), part=part, label=label,
                 scheme=scheme, numerator=len(hits), denominator=len(cohort), counted=hits,
                 cohort=cohort, note=note)


def _fmt(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


# ---------------------------------------------------------------- the computation


def python_compute(uow: UnitOfWork, actor: Actor, scope: Scope, *, today: date
                   ) -> IndicatorReport:
    """Every indicator for ``scope`` as the Python engine counted it (no audit, no commit)."""
    with uow:
        s = uow.session
        q = select(Case.id, Case.reference, Case.scheme, Case.referral_date,
                   Case.referral_source, Case.eligibility, Case.eligibility_decided_on,
                   Case.started_on, Case.ended_on, Case.closed_on, Case.outcome_code,
                   Case.restricted, Case.first_time_entrant)
        in_scope = select(Case.id)
        if scope.scheme is not None:
            q = q.where(Case.scheme == scope.scheme)
            in_scope = in_scope.where(Case.scheme == scope.scheme)
        if scope.worker_id is not None:
            q = q.where(Case.worker_id == scope.worker_id)
            in_scope = in_scope.where(Case.worker_id == scope.worker_id)
        rows = [_Case(*tuple(r)) for r in s.execute(q)]
        reached: dict[int, set[CaseStatus]] = defaultdict(set)
        for case_id, to in s.execute(select(StatusChange.case_id, StatusChange.to_status).where(
                StatusChange.to_status.in_(DECIDING_STAGES))):
            reached[case_id].add(to)
        cases = {c.id: replace(c, outcome=case_outcome(
            c.scheme, reached.get(c.id, ()), accepted=c.started_on is not None,
            stopped=c.end is not None)) for c in rows}
        read_all = access.navigators_read_all(uow)
        visible = set(s.scalars(select(Case.id).where(access.visible_clause(
            actor, read_all=read_all))))
        worker = s.get(User, scope.worker_id) if scope.worker_id is not None else None
        worker_name = worker.full_name if worker is not None else None
        pathway_names = {p.code: p.name for p in s.scalars(select(Pathway).order_by(
            Pathway.position))}
        b = _Builder(visible)
        data = _Data(s, cases, in_scope)
        _referrals(b, scope, cases)
        _decisions(b, scope, cases)
        _outcomes(b, scope, cases)
        _reoffending(b, scope, cases, data, today)
        _restorative(b, scope, cases, data, today)
        _distance(b, scope, cases, data, pathway_names)
        _women(b, scope, cases, data, today)
        _appointments(b, scope, cases, data, today)
        months = _months(scope, cases)
    return IndicatorReport(scope, today, worker_name, tuple(b.figures), tuple(months),
                           pathway_names)


class _Data:
    """Loads the case-owned rows one indicator family needs, only for the cases in scope
    (a sub-select of the scope's cases, so no list of ids travels to the database)."""

    def __init__(self, session: Session, cases: dict[int, _Case], in_scope: Select[Any]
                 ) -> None:
        self.s = session
        self.cases = cases
        self.in_scope = in_scope

    def rows(self, *columns: Any, where: Any = None) -> list[tuple[Any, ...]]:
        """Rows of one case-owned table; records entered in error are never among them."""
        model = columns[0].class_
        q = select(*columns).where(model.case_id.in_(self.in_scope))
        if issubclass(model, Correctable):
            q = q.where(model.live())
        if where is not None:
            q = q.where(where)
        return [tuple(r) for r in self.s.execute(q)]


def _referrals(b: _Builder, scope: Scope, cases: dict[int, _Case]) -> None:
    referred = [c for c in cases.values() if scope.holds(c.referral_date)]
    b.add("referrals", len(referred), numerator=len(referred), counted=referred)
    by_source: dict[str, list[_Case]] = defaultdict(list)
    for c in referred:
        by_source[c.referral_source.strip()].append(c)
    for source in sorted(by_source, key=lambda x: (-len(by_source[x]), x.lower())):
        group = by_source[source]
        b.add("referrals_by_source", len(group), part=slug(source), label=source,
              numerator=len(group), denominator=len(referred), counted=group)


def _decisions(b: _Builder, scope: Scope, cases: dict[int, _Case]) -> None:
    decided = [c for c in cases.values() if c.eligibility is not Eligibility.PENDING
               and scope.holds(c.eligibility_decided_on)]
    eligible = [c for c in decided if c.eligibility is Eligibility.ELIGIBLE]
    b.add("eligible", len(eligible), numerator=len(eligible), denominator=len(decided),
          counted=eligible, cohort=decided)
    b.rate("eligible_rate", eligible, decided, empty="no referral decisions in the period")
    ended = [c for c in cases.values() if scope.holds(c.end)]
    diverted = [c for c in ended if c.outcome is Outcome.COMPLETED
                and c.outcome_code == DIVERSION_OUTCOME_CODE]
    b.add("diverted", len(diverted), numerator=len(diverted), counted=diverted)
    first = [c for c in diverted if c.first_time_entrant]
    b.add("first_time_entrants_diverted", len(first), numerator=len(first),
          denominator=len(diverted), counted=first, cohort=diverted)


def _outcomes(b: _Builder, scope: Scope, cases: dict[int, _Case]) -> None:
    for scheme in scope.schemes():
        ended = [c for c in cases.values() if c.scheme is scheme and scope.holds(c.end)]
        done = [c for c in ended if c.outcome is Outcome.COMPLETED]
        b.rate("completion_rate", done, ended, part=scheme.value, scheme=scheme,
               label=f"Completion rate: {scheme.label}", empty="no cases ended in the period")
        if scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
            breached = [c for c in ended if c.outcome.unsuccessful]
            b.rate("breach_rate", breached, ended, part=scheme.value, scheme=scheme,
                   label=f"Breach rate: {scheme.label}", empty="no cases ended in the period")
        days = [(c.end - c.started_on).days for c in done  # type: ignore[operator]
                if c.started_on is not None]
        b.add("median_days_to_completion", statistics.median(days) if days else None,
              part=scheme.value, scheme=scheme, label=f"Median time to completion: "
              f"{scheme.label}", numerator=None, denominator=len(days),
              reason=None if days else "no case completed in the period", counted=done)


def _reoffending(b: _Builder, scope: Scope, cases: dict[int, _Case], data: _Data,
                 today: date) -> None:
    checks: dict[tuple[int, int], list[tuple[date, int]]] = defaultdict(list)
    for case_id, window, checked_on, offences in data.rows(
            ReoffendingCheck.case_id, ReoffendingCheck.window_months,
            ReoffendingCheck.checked_on, ReoffendingCheck.offences):
        checks[(case_id, window)].append((checked_on, offences))
    for scheme, windows in REOFFENDING_WINDOWS.items():
        if scheme not in scope.schemes():
            continue
        cohort = [c for c in cases.values() if c.scheme is scheme and c.ended_on is not None
                  and c.outcome.has_result and scope.holds(c.ended_on)]
        for window in windows:
            rate_id, per_id = f"reoffending_rate_{window}m", f"reoffending_per100_{window}m"
            labels = (f"{indicator(rate_id).title}: {scheme.label}",
                      f"{indicator(per_id).title}: {scheme.label}")
            if not cohort:
                for ind, label in zip((rate_id, per_id), labels, strict=True):
                    b.add(ind, None, part=scheme.value, scheme=scheme, label=label,
                          reason="no cases ended in the period", denominator=0)
                continue
            closes = {c.id: add_months(c.ended_on, window + PROVING_MONTHS)  # type: ignore
                      for c in cohort}
            last = max(closes.values())
            if last > today:
                open_n = sum(1 for d in closes.values() if d > today)
                why = (f"not yet known: {window} months' follow-up plus {PROVING_MONTHS} to "
                       f"prove offences still open for {open_n} of {len(cohort)} cases "
                       f"(until {_fmt(last)})")
                for ind, label in zip((rate_id, per_id), labels, strict=True):
                    b.add(ind, None, part=scheme.value, scheme=scheme, label=label, reason=why,
                          denominator=len(cohort), cohort=cohort)
                continue
            found: dict[int, int] = {}
            for c in cohort:
                valid = sorted(x for x in checks.get((c.id, window), [])
                               if x[0] >= closes[c.id])
                if valid:
                    found[c.id] = valid[-1][1]
            checked = [c for c in cohort if c.id in found]
            missing = len(cohort) - len(checked)
            note = (f"{missing} of {len(cohort)} cases have no police check after their window "
                    "closed and are left out") if missing else None
            if not checked:
                for ind, label in zip((rate_id, per_id), labels, strict=True):
                    b.add(ind, None, part=scheme.value, scheme=scheme, label=label,
                          reason="no police check recorded after the follow-up window closed",
                          denominator=0, cohort=cohort)
                continue
            reoffenders = [c for c in checked if found[c.id] > 0]
            offences = sum(found.values())
            b.add(rate_id, 100 * len(reoffenders) / len(checked), part=scheme.value,
                  scheme=scheme, label=labels[0], numerator=len(reoffenders),
                  denominator=len(checked), note=note, counted=reoffenders, cohort=checked)
            b.add(per_id, 100 * offences / len(checked), part=scheme.value, scheme=scheme,
                  label=labels[1], numerator=offences, denominator=len(checked), note=note,
                  counted=reoffenders, cohort=checked)


def _restorative(b: _Builder, scope: Scope, cases: dict[int, _Case], data: _Data,
                 today: date) -> None:
    if Scheme.NEIGHBOURHOOD_RESOLUTION not in scope.schemes():
        return
    nr = {i: c for i, c in cases.items() if c.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION}
    # satisfaction is asked of each harmed party: each party's latest answer is one response
    surveys: dict[tuple[int, int], tuple[date, int, bool]] = {}
    for case_id, party_id, on, satisfied_, row_id in data.rows(
            SatisfactionSurvey.case_id, SatisfactionSurvey.party_id,
            SatisfactionSurvey.answered_on, SatisfactionSurvey.satisfied, SatisfactionSurvey.id):
        key = (case_id, party_id)
        if case_id in nr and scope.holds(on) and (key not in surveys
                                                   or (on, row_id) > surveys[key][:2]):
            surveys[key] = (on, row_id, satisfied_)
    answered = [nr[case_id] for case_id, _ in surveys]
    satisfied = [nr[case_id] for (case_id, _), r in surveys.items() if r[2]]
    b.rate("harmed_satisfied", satisfied, answered, empty="no survey answered in the period")
    contacts: dict[int, list[tuple[date, bool]]] = defaultdict(list)
    for case_id, on, kept_, _ in sorted(data.rows(
            AgreementFollowUp.case_id, AgreementFollowUp.contacted_on,
            AgreementFollowUp.agreement_kept, AgreementFollowUp.id), key=lambda r: r[3]):
        if case_id in nr and scope.holds(on):
            contacts[case_id].append((on, kept_))
    kept_by_case = {case_id: agreement_kept(answers) for case_id, answers in contacts.items()}
    b.rate("agreements_kept", [nr[i] for i, kept in kept_by_case.items() if kept],
           [nr[i] for i in kept_by_case], empty="no follow-up contact in the period")
    actions: list[tuple[int, bool]] = [(r[0], bool(r[1])) for r in data.s.execute(
        select(OutcomeAgreement.case_id, AgreementAction.kept)
        .join(AgreementAction, AgreementAction.agreement_id == OutcomeAgreement.id)
        .where(OutcomeAgreement.case_id.in_(data.in_scope), AgreementAction.kept.is_not(None),
               AgreementAction.live(),
               and_(AgreementAction.checked_on >= scope.start,
                    AgreementAction.checked_on <= scope.end))) if r[0] in nr]
    kept_actions = sum(1 for _, k in actions if k)
    b.add("agreement_actions_kept", 100 * kept_actions / len(actions) if actions else None,
          numerator=kept_actions, denominator=len(actions),
          reason=None if actions else "no agreement action checked in the period",
          counted=[nr[c] for c, k in actions if k], cohort=[nr[c] for c, _ in actions])
    # calls before and after: resolved cases (closed in the period) with a 'before' count
    calls: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for case_id, period, months, n in data.rows(
            AgencyCallCount.case_id, AgencyCallCount.period, AgencyCallCount.months,
            AgencyCallCount.calls):
        calls[case_id][period].append((months, n))
    cohort = [c for i, c in nr.items() if scope.holds(c.end) and calls.get(i, {}).get("before")]
    before = sum(n for c in cohort for _, n in calls[c.id]["before"])
    b.add("calls_before", before if cohort else None, numerator=before,
          denominator=len(cohort), counted=cohort,
          reason=None if cohort else "no resolved case in the period has a 'before' count")
    if not cohort:
        b.add("calls_after", None, denominator=0,
              reason="no resolved case in the period has a 'before' count")
        return
    window_end = {c.id: add_months(c.end, max(m for m, _ in (calls[c.id]["after"]  # type: ignore
                                                                 or calls[c.id]["before"])))
                  for c in cohort}
    last = max(window_end.values())
    if last > today:
        b.add("calls_after", None, denominator=len(cohort), cohort=cohort,
              reason=f"not yet known: the months after closure run until {_fmt(last)}")
        return
    counted = [c for c in cohort if calls[c.id]["after"]]
    after = sum(n for c in counted for _, n in calls[c.id]["after"])
    missing = len(cohort) - len(counted)
    b.add("calls_after", after if counted else None, numerator=after, denominator=len(counted),
          counted=counted, cohort=cohort,
          reason=None if counted else "no 'after' count recorded",
          note=f"{missing} of {len(cohort)} cases have no 'after' count" if missing else None)


def _distance(b: _Builder, scope: Scope, cases: dict[int, _Case], data: _Data,
              pathway_names: dict[str, str]) -> None:
    # pairs of (start, exit) on the same case and pathway, exit dated in the period and a
    # need at start; joined in the database so that only those rows come back
    start, exit_ = aliased(PathwayAssessment), aliased(PathwayAssessment)
    by_pathway: dict[str, list[tuple[_Case, int]]] = defaultdict(list)
    for case_id, code, before, after in data.s.execute(
            select(start.case_id, start.pathway_code, start.level, exit_.level)
            .join(exit_, and_(exit_.case_id == start.case_id,
                              exit_.pathway_code == start.pathway_code))
            .where(start.case_id.in_(data.in_scope), start.stage == AssessmentStage.START,
                   live(start), live(exit_),
                   start.level >= 1, exit_.stage == AssessmentStage.EXIT,
                   exit_.assessed_on >= scope.start, exit_.assessed_on <= scope.end)):
        by_pathway[code].append((cases[case_id], before - after))
    for code, name in pathway_names.items():
        pairs = by_pathway.get(code, [])
        total = sum(d for _, d in pairs)
        b.add("distance_travelled", total / len(pairs) if pairs else None, part=code,
              label=name, numerator=total, denominator=len(pairs),
              reason=None if pairs else "no exit assessment in the period with a need at start",
              counted=[c for c, d in pairs if d > 0], cohort=[c for c, _ in pairs])


def _women(b: _Builder, scope: Scope, cases: dict[int, _Case], data: _Data,
           today: date) -> None:
    if Scheme.GATEWAY not in scope.schemes():
        return
    cohort = [c for c in cases.values() if c.scheme is Scheme.GATEWAY
              and c.outcome is Outcome.COMPLETED and scope.holds(c.ended_on)]
    answers: dict[tuple[int, int], tuple[bool | None, bool | None]] = {}
    for case_id, months, done_on, independent, free in data.rows(
            ExitFollowUp.case_id, ExitFollowUp.months, ExitFollowUp.done_on,
            ExitFollowUp.living_independently, ExitFollowUp.free_from_abuse):
        if done_on is not None:
            answers[(case_id, months)] = (independent, free)
    for months in EXIT_FOLLOWUP_MONTHS:
        for pos, ind in enumerate(("women_independent", "women_free_from_abuse")):
            label = f"{indicator(ind).title} at {months} months"
            if not cohort:
                b.add(ind, None, part=f"{months}m", label=label, scheme=Scheme.GATEWAY,
                      denominator=0, reason="no woman completed the scheme in the period")
                continue
            due = {c.id: add_months(c.ended_on, months) for c in cohort}  # type: ignore
            last = max(due.values())
            if last > today:
                open_n = sum(1 for d in due.values() if d > today)
                b.add(ind, None, part=f"{months}m", label=label, scheme=Scheme.GATEWAY,
                      denominator=len(cohort), cohort=cohort,
                      reason=f"not yet known: the {months}-month follow-up is not yet due for "
                             f"{open_n} of {len(cohort)} women (the last on {_fmt(last)})")
                continue
            known = [c for c in cohort if answers.get((c.id, months), (None, None))[pos]
                     is not None]
            yes = [c for c in known if answers[(c.id, months)][pos]]
            missing = len(cohort) - len(known)
            b.rate(ind, yes, known, part=f"{months}m", label=label, scheme=Scheme.GATEWAY,
                   empty=f"no {months}-month follow-up recorded",
                   note=f"{missing} of {len(cohort)} women have no {months}-month answer"
                   if missing else None)


def _appointments(b: _Builder, scope: Scope, cases: dict[int, _Case], data: _Data,
                  today: date) -> None:
    kept: list[_Case] = []
    missed: list[_Case] = []
    unrecorded = 0
    first = datetime.combine(scope.start, time.min, UTC)
    after = datetime.combine(scope.end + timedelta(days=1), time.min, UTC)
    for case_id, starts_at, status in data.rows(
            Appointment.case_id, Appointment.starts_at, Appointment.status,
            where=and_(Appointment.starts_at >= first, Appointment.starts_at < after)):
        day = starts_at.date()
        if not scope.holds(day):
            continue
        c = cases[case_id]
        if status is AppointmentStatus.MISSED:
            missed.append(c)
        elif status is AppointmentStatus.KEPT:
            kept.append(c)
        elif status is AppointmentStatus.SCHEDULED and day < today:
            unrecorded += 1
    note = (f"{unrecorded} past appointments have no outcome recorded and are left out"
            if unrecorded else None)
    b.add("appointments_missed", len(missed), numerator=len(missed),
          denominator=len(kept) + len(missed), counted=missed, note=note)
    b.rate("appointments_missed_rate", missed, kept + missed, note=note,
           empty="no appointment kept or missed in the period")


def _months(scope: Scope, cases: dict[int, _Case]) -> list[MonthPoint]:
    referred: dict[date, int] = defaultdict(int)
    ended: dict[tuple[date, bool], int] = defaultdict(int)
    for c in cases.values():
        if scope.holds(c.referral_date):
            referred[c.referral_date.replace(day=1)] += 1
        end = c.end
        if end is not None and scope.holds(end) and c.outcome.has_result:
            ended[(end.replace(day=1), c.outcome is Outcome.COMPLETED)] += 1
    out: list[MonthPoint] = []
    month = scope.start.replace(day=1)
    while month <= scope.end:
        out.append(MonthPoint(month, referred[month], ended[(month, True)],
                              ended[(month, False)]))
        month = add_months(month, 1)
    return out


