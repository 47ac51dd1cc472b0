"""Every indicator on a hand-built data set, with each answer worked out by hand below.

The fixed ``TODAY`` is 30 June 2026. The main period is the year 2025; an earlier cohort (2023)
has follow-up windows that have closed, so its reoffending figures are known.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import AccessDenied, ValidationError
from app.models import AppointmentStatus, Scheme
from app.models.users import Role
from app.services import indicators
from app.services.context import Actor
from app.services.indicators import Figure, IndicatorReport, Scope
from tests.factories import make_user
from tests.indicator_data import DataSet, Made

TODAY = date(2026, 6, 30)
YEAR_2025 = Scope(date(2025, 1, 1), date(2025, 12, 31))
CP, NR, GTC = Scheme.CHECKPOINT, Scheme.NEIGHBOURHOOD_RESOLUTION, Scheme.GATEWAY
K, M, R, SCH = (AppointmentStatus.KEPT, AppointmentStatus.MISSED,
                AppointmentStatus.REARRANGED, AppointmentStatus.SCHEDULED)


@pytest.fixture
def world(db: Database, coord: Actor, nav: Actor, mentor: Actor, fac: Actor) -> dict[str, Made]:
    d = DataSet(db, coord)
    nav2 = make_user(db, Role.NAVIGATOR, full_name="Second Navigator")
    w: dict[str, Made] = {}
    # ---- Checkpoint, 2025
    w["cp1"] = d.case(CP, referred=date(2025, 1, 10), decided=date(2025, 1, 15),
                      ended=date(2025, 5, 20), outcome="completed", first_time=True, worker=nav)
    w["cp2"] = d.case(CP, referred=date(2025, 2, 3), decided=date(2025, 2, 10),
                      ended=date(2025, 6, 10), outcome="completed", first_time=False,
                      restricted=True, worker=nav2, name="Hidden Person")
    w["cp3"] = d.case(CP, referred=date(2025, 3, 1), source="Neighbourhood policing team",
                      decided=date(2025, 3, 5), ended=date(2025, 5, 1), outcome="breached",
                      worker=nav)
    w["cp4"] = d.case(CP, referred=date(2025, 4, 1), decided=date(2025, 4, 3), eligible=False,
                      worker=nav)
    w["cp5"] = d.case(CP, referred=date(2025, 11, 20), source="Self-referral",
                      decided=date(2025, 11, 25), worker=nav2)
    w["cp6"] = d.case(CP, referred=date(2024, 12, 1), decided=date(2024, 12, 5),
                      ended=date(2025, 4, 5), outcome="completed", first_time=True, worker=nav2)
    # ---- Gateway to Change, 2025, with post-exit follow-ups
    w["g1"] = d.case(GTC, referred=date(2025, 1, 5), source="Women's service",
                     decided=date(2025, 1, 8), ended=date(2025, 4, 30), outcome="completed",
                     first_time=True, worker=mentor)
    w["g2"] = d.case(GTC, referred=date(2025, 2, 1), decided=date(2025, 2, 4),
                     ended=date(2025, 6, 4), outcome="completed", first_time=False,
                     restricted=True, worker=mentor, name="Secret Woman")
    w["g3"] = d.case(GTC, referred=date(2025, 3, 1), decided=date(2025, 3, 3),
                     ended=date(2025, 7, 1), outcome="breached", worker=mentor)
    w["g4"] = d.case(GTC, referred=date(2025, 9, 1), source="Women's service",
                     decided=date(2025, 9, 2), ended=date(2025, 12, 20), outcome="completed",
                     first_time=True, worker=mentor)
    for key, ended, answers in (
        ("g1", date(2025, 4, 30), {3: (True, True), 6: (True, False), 12: (False, True)}),
        ("g2", date(2025, 6, 4), {3: (True, True), 6: (False, True), 12: None}),
        ("g4", date(2025, 12, 20), {3: (True, True), 6: (True, False), 12: None}),
    ):
        for months, a in answers.items():
            d.exit_followup(w[key], ended, months, done=a is not None,
                            independent=a[0] if a else None, free=a[1] if a else None)
    # ---- Neighbourhood Resolution, 2025
    w["n1"] = d.case(NR, referred=date(2025, 1, 20), source="Anti-social behaviour team",
                     decided=date(2025, 1, 25), closed=date(2025, 4, 10), outcome="completed",
                     worker=fac)
    w["n2"] = d.case(NR, referred=date(2025, 2, 15), source="Housing provider",
                     decided=date(2025, 2, 20), closed=date(2025, 6, 1), outcome="completed",
                     worker=fac)
    w["n3"] = d.case(NR, referred=date(2025, 3, 10), source="Housing provider",
                     decided=date(2025, 3, 12), closed=date(2025, 5, 1), outcome="withdrawn",
                     worker=fac)
    w["n4"] = d.case(NR, referred=date(2025, 6, 1), source="Anti-social behaviour team",
                     decided=date(2025, 6, 5), closed=date(2025, 12, 15), outcome="completed",
                     worker=fac)
    d.survey(w["n1"], date(2025, 4, 1), True)
    d.survey(w["n2"], date(2025, 5, 20), False)
    d.survey(w["n4"], date(2025, 12, 10), True)
    d.agreement(w["n1"], date(2025, 3, 1), [True, True], date(2025, 4, 5), True)
    d.agreement(w["n2"], date(2025, 4, 1), [True, False], date(2025, 5, 25), False)
    d.agreement(w["n4"], date(2025, 9, 1), [True], date(2025, 12, 12), True)
    d.calls(w["n1"], before=6, after=1)
    d.calls(w["n2"], before=4, after=3)
    d.calls(w["n4"], before=5, after=None, months=12)  # its 12 months after end in Dec 2026
    # ---- needs at start and exit
    d.needs(w["cp1"], "drugs", 3, 1, date(2025, 1, 15), date(2025, 5, 20))
    d.needs(w["cp1"], "alcohol", 0, 0, date(2025, 1, 15), date(2025, 5, 20))
    d.needs(w["cp1"], "accommodation", 2, 2, date(2025, 1, 15), date(2025, 5, 20))
    d.needs(w["cp6"], "drugs", 2, 0, date(2024, 12, 5), date(2025, 4, 5))
    d.needs(w["g1"], "drugs", 4, 3, date(2025, 1, 8), date(2025, 4, 30))
    d.needs(w["g1"], "accommodation", 3, 1, date(2025, 1, 8), date(2025, 4, 30))
    d.needs(w["g2"], "domestic-abuse", 3, 1, date(2025, 2, 4), date(2025, 6, 4))
    d.needs(w["cp3"], "drugs", 3, None, date(2025, 3, 5))
    # ---- appointments
    d.appointment(w["g1"], date(2025, 2, 1), K)
    d.appointment(w["g1"], date(2025, 2, 8), M)
    d.appointment(w["g1"], date(2025, 2, 15), K)
    d.appointment(w["g2"], date(2025, 3, 1), M)
    d.appointment(w["g3"], date(2025, 4, 1), M)
    d.appointment(w["g3"], date(2025, 4, 2), R)
    d.appointment(w["g4"], date(2025, 10, 1), SCH)  # past, never recorded
    d.appointment(w["cp5"], date(2026, 7, 15), SCH)  # outside the period
    # ---- an older cohort (2023) whose follow-up windows have closed by TODAY
    w["cpa"] = d.case(CP, referred=date(2022, 10, 1), decided=date(2022, 11, 1),
                      ended=date(2023, 3, 1), outcome="completed")
    w["cpb"] = d.case(CP, referred=date(2023, 1, 5), decided=date(2023, 2, 10),
                      ended=date(2023, 6, 10), outcome="breached")
    w["cpc"] = d.case(CP, referred=date(2023, 4, 1), decided=date(2023, 5, 20),
                      ended=date(2023, 9, 20), outcome="completed", restricted=True)
    w["cpd"] = d.case(CP, referred=date(2023, 6, 1), decided=date(2023, 7, 5),
                      ended=date(2023, 11, 5), outcome="completed")
    w["ga"] = d.case(GTC, referred=date(2022, 9, 1), decided=date(2022, 10, 1),
                     ended=date(2023, 2, 1), outcome="completed", worker=mentor)
    d.reoffending(w["cpa"], 12, date(2024, 10, 1), 0)
    d.reoffending(w["cpa"], 24, date(2025, 10, 1), 2)
    d.reoffending(w["cpb"], 12, date(2025, 1, 1), 1)
    d.reoffending(w["cpb"], 24, date(2026, 1, 15), 3)
    d.reoffending(w["cpc"], 12, date(2025, 4, 1), 0)
    d.reoffending(w["cpc"], 24, date(2026, 4, 1), 0)
    d.reoffending(w["cpd"], 12, date(2024, 6, 1), 0)  # too early: the window was still open
    d.reoffending(w["cpd"], 24, date(2026, 6, 1), 1)
    d.reoffending(w["ga"], 12, date(2024, 9, 1), 0)
    d.exit_followup(w["ga"], date(2023, 2, 1), 3, done=True, independent=True, free=True)
    d.exit_followup(w["ga"], date(2023, 2, 1), 6, done=True, independent=False, free=True)
    d.exit_followup(w["ga"], date(2023, 2, 1), 12, done=False)
    w["nav"], w["nav2"] = nav, nav2  # type: ignore[assignment]
    return w


def refs(f: Figure, w: dict[str, Made], *, counted: bool | None = None) -> set[str]:
    names = {m.reference: k for k, m in w.items() if isinstance(m, Made)}
    return {names[c.reference] for c in f.cases if counted is None or c.counted == counted}


def check(f: Figure, value: float | None, numerator: float | None = None,
          denominator: int | None = None) -> None:
    assert f.value == value, (f.id, f.value, f.reason)
    if numerator is not None:
        assert f.numerator == numerator, f.id
    if denominator is not None:
        assert f.denominator == denominator, f.id


def compute(db: Database, actor: Actor, scope: Scope = YEAR_2025) -> IndicatorReport:
    return indicators.compute(db.uow(), actor, scope, today=TODAY)


def test_referrals_decisions_and_diversion(db: Database, coord: Actor,
                                           world: dict[str, Any]) -> None:
    r = compute(db, coord)
    # referred in 2025: 5 Checkpoint (cp6 was 2024), 4 Gateway, 4 NR
    check(r.figure("referrals"), 13)
    by_source = {f.label: f.value for f in r.of("referrals_by_source")}
    assert by_source == {"Police custody": 5,  # cp1 cp2 cp4 g2 g3
                         "Women's service": 2, "Anti-social behaviour team": 2,
                         "Housing provider": 2, "Neighbourhood policing team": 1,
                         "Self-referral": 1}
    assert r.figure("referrals_by_source.police-custody").denominator == 13
    # decisions in 2025: all 13 referred in 2025; cp4 refused
    check(r.figure("eligible"), 12, 12, 13)
    check(r.figure("eligible_rate"), round(100 * 12 / 13, 1))  # 92.3
    assert r.figure("eligible_rate").display == "92.3%"
    # diverted: completed with code 22 and ended in 2025: cp1 cp2 cp6 g1 g2 g4 (NR has no code)
    check(r.figure("diverted"), 6)
    # first-time entrants among them: cp1 cp6 g1 g4
    check(r.figure("first_time_entrants_diverted"), 4, 4, 6)
    assert refs(r.figure("first_time_entrants_diverted"), world, counted=True) == {
        "cp1", "cp6", "g1", "g4"}


def test_completion_breach_and_median_time(db: Database, coord: Actor,
                                           world: dict[str, Any]) -> None:
    r = compute(db, coord)
    # Checkpoint ended in 2025: cp1, cp2, cp6 completed; cp3 breached; cp4 never started
    check(r.figure("completion_rate.checkpoint"), 75.0, 3, 4)
    check(r.figure("breach_rate.checkpoint"), 25.0, 1, 4)
    # days start->end: cp1 15 Jan-20 May = 125, cp2 10 Feb-10 Jun = 120, cp6 5 Dec-5 Apr = 121
    check(r.figure("median_days_to_completion.checkpoint"), 121)
    # Gateway: g1 g2 g4 completed, g3 not completed
    check(r.figure("completion_rate.gateway-to-change"), 75.0, 3, 4)
    check(r.figure("breach_rate.gateway-to-change"), 25.0, 1, 4)
    # g1 8 Jan-30 Apr = 112, g2 4 Feb-4 Jun = 120, g4 2 Sep-20 Dec = 109
    check(r.figure("median_days_to_completion.gateway-to-change"), 112)
    # NR: n1 n2 n4 reached an agreement and closed; n3 closed without one
    check(r.figure("completion_rate.neighbourhood-resolution"), 75.0, 3, 4)
    assert r.get("breach_rate.neighbourhood-resolution") is None
    # n1 25 Jan-10 Apr = 75, n2 20 Feb-1 Jun = 101, n4 5 Jun-15 Dec = 193
    check(r.figure("median_days_to_completion.neighbourhood-resolution"), 101)
    # trends by month: referrals, completions and breaches where they fell
    months = {m.month.month: (m.referrals, m.completed, m.breached) for m in r.months}
    assert len(r.months) == 12
    assert months[1] == (3, 0, 0) and months[2] == (3, 0, 0) and months[3] == (3, 0, 0)
    assert months[4] == (1, 3, 0)  # cp4 referred; cp6 n1 g1 completed
    assert months[5] == (0, 1, 1)  # cp1 completed, cp3 breached (n3 withdrew: neither)
    assert months[6] == (1, 3, 0)  # n4 referred; cp2 g2 n2 completed
    assert months[7] == (0, 0, 1)  # g3 not completed
    assert months[12] == (0, 2, 0)  # g4 n4


def test_reoffending_not_yet_known_while_the_window_is_open(db: Database, coord: Actor,
                                                             world: dict[str, Any]) -> None:
    r = compute(db, coord)
    # every 2025 ending needs 12 + 6 months: none has closed by 30 June 2026
    for fid in ("reoffending_rate_12m.checkpoint", "reoffending_per100_12m.checkpoint",
                "reoffending_rate_24m.checkpoint", "reoffending_rate_12m.gateway-to-change"):
        f = r.figure(fid)
        assert f.value is None and f.display == "not yet known", fid
        assert f.reason and f.reason.startswith("not yet known"), fid
    # cp2 ended 10 June 2025: its window closes 10 December 2026, the last of the four
    assert "4 of 4 cases" in r.figure("reoffending_rate_12m.checkpoint").reason  # type: ignore
    assert "10 Dec 2026" in r.figure("reoffending_rate_12m.checkpoint").reason  # type: ignore


def test_reoffending_binary_rate_and_frequency_once_known(db: Database, coord: Actor,
                                                          world: dict[str, Any]) -> None:
    r = compute(db, coord, Scope(date(2023, 1, 1), date(2023, 12, 31)))
    # 12 months: cpa 0, cpb 1, cpc 0; cpd's only check was made before its window closed
    f = r.figure("reoffending_rate_12m.checkpoint")
    check(f, round(100 / 3, 1), 1, 3)  # 33.3
    assert f.note and "1 of 4" in f.note
    check(r.figure("reoffending_per100_12m.checkpoint"), round(100 / 3, 1), 1, 3)
    # 24 months (Checkpoint only): cpa 2, cpb 3, cpc 0, cpd 1 -> 3 of 4 reoffended, 6 offences
    check(r.figure("reoffending_rate_24m.checkpoint"), 75.0, 3, 4)
    check(r.figure("reoffending_per100_24m.checkpoint"), 150.0, 6, 4)
    assert r.get("reoffending_rate_24m.gateway-to-change") is None
    # Gateway: ga checked, no offence: a known zero, not "not yet known"
    check(r.figure("reoffending_rate_12m.gateway-to-change"), 0.0, 0, 1)
    # women after leaving (ga ended Feb 2023): 3 months yes/yes, 6 months no/yes, 12 not done
    check(r.figure("women_independent.3m"), 100.0, 1, 1)
    check(r.figure("women_independent.6m"), 0.0, 0, 1)
    check(r.figure("women_free_from_abuse.6m"), 100.0, 1, 1)
    twelve = r.figure("women_independent.12m")
    assert twelve.value is None and twelve.reason == "no 12-month follow-up recorded"


def test_restorative_figures(db: Database, coord: Actor, world: dict[str, Any]) -> None:
    r = compute(db, coord)
    check(r.figure("harmed_satisfied"), round(200 / 3, 1), 2, 3)  # n1 yes, n2 no, n4 yes
    check(r.figure("agreements_kept"), round(200 / 3, 1), 2, 3)
    check(r.figure("agreement_actions_kept"), 80.0, 4, 5)  # 2 of 2, 1 of 2, 1 of 1
    # calls: before counted for n1 n2 n4 = 6 + 4 + 5; n4's 12 months after run to Dec 2026
    check(r.figure("calls_before"), 15, 15, 3)
    after = r.figure("calls_after")
    assert after.value is None and after.reason and "15 Dec 2026" in after.reason
    # the first half of 2025 has only n1 and n2: both windows closed
    half = compute(db, coord, Scope(date(2025, 1, 1), date(2025, 6, 30)))
    check(half.figure("calls_before"), 10, 10, 2)
    check(half.figure("calls_after"), 4, 4, 2)


def test_distance_travelled_per_pathway(db: Database, coord: Actor,
                                        world: dict[str, Any]) -> None:
    r = compute(db, coord)
    # drugs: cp1 3->1, cp6 2->0, g1 4->3 = (2 + 2 + 1) / 3; cp3 has no exit assessment
    check(r.figure("distance_travelled.drugs"), round(5 / 3, 2), 5, 3)
    assert r.figure("distance_travelled.drugs").display == "+1.67"
    # accommodation: cp1 2->2, g1 3->1 = (0 + 2) / 2
    check(r.figure("distance_travelled.accommodation"), 1.0, 2, 2)
    check(r.figure("distance_travelled.domestic-abuse"), 2.0, 2, 1)
    # alcohol: cp1 had no need at start, so there was no distance to travel
    alcohol = r.figure("distance_travelled.alcohol")
    assert alcohol.value is None and alcohol.denominator == 0
    assert r.figure("distance_travelled.drugs").label == "Drugs"


def test_women_after_leaving_gateway(db: Database, coord: Actor,
                                     world: dict[str, Any]) -> None:
    r = compute(db, coord)
    # cohort: g1 g2 g4 completed in 2025 (g3 did not complete)
    check(r.figure("women_independent.3m"), 100.0, 3, 3)
    check(r.figure("women_free_from_abuse.3m"), 100.0, 3, 3)
    # 6 months (g4's was due 20 June 2026): independent g1 yes, g2 no, g4 yes
    check(r.figure("women_independent.6m"), round(200 / 3, 1), 2, 3)
    check(r.figure("women_free_from_abuse.6m"), round(100 / 3, 1), 1, 3)
    # 12 months: g4's is not due until 20 December 2026
    for fid in ("women_independent.12m", "women_free_from_abuse.12m"):
        f = r.figure(fid)
        assert f.value is None and f.reason and "1 of 3" in f.reason and "20 Dec 2026" in \
            f.reason
    # a day before g4's 6-month follow-up fell due, 6 months was not yet known either
    early = indicators.compute(db.uow(), coord, YEAR_2025, today=date(2026, 6, 19))
    assert early.figure("women_independent.6m").value is None


def test_missed_appointments(db: Database, coord: Actor, world: dict[str, Any]) -> None:
    r = compute(db, coord)
    # in 2025: kept 2 (g1), missed 3 (g1 g2 g3); rearranged and unrecorded ones left out
    check(r.figure("appointments_missed"), 3, 3, 5)
    check(r.figure("appointments_missed_rate"), 60.0, 3, 5)
    assert "1 past appointments" in (r.figure("appointments_missed_rate").note or "")


def test_scheme_and_worker_filters(db: Database, coord: Actor, world: dict[str, Any]) -> None:
    nr = compute(db, coord, Scope(YEAR_2025.start, YEAR_2025.end, scheme=NR))
    check(nr.figure("referrals"), 4)
    assert nr.get("completion_rate.checkpoint") is None
    assert nr.get("women_independent.3m") is None and nr.get("reoffending_rate_12m.checkpoint") \
        is None
    check(nr.figure("completion_rate.neighbourhood-resolution"), 75.0)
    nav: Actor = world["nav"]
    mine = compute(db, coord, Scope(YEAR_2025.start, YEAR_2025.end, worker_id=nav.user_id))
    check(mine.figure("referrals"), 3)  # cp1 cp3 cp4
    check(mine.figure("completion_rate.checkpoint"), 50.0, 1, 2)  # cp1 done, cp3 breached
    assert mine.worker_name == "Priya Navigator"
    assert indicators.find_worker(db.uow(), coord, nav.username) == nav.user_id


def test_restricted_cases_are_counted_but_never_named(db: Database, coord: Actor,
                                                      world: dict[str, Any]) -> None:
    r = compute(db, coord)
    hidden = {world["cp2"].reference, world["g2"].reference}
    for f in r.figures:
        assert not hidden & {c.reference for c in f.cases}, f.id
    diverted = r.figure("diverted")
    assert diverted.value == 6 and len(diverted.cases) == 4 and diverted.unnamed == 2
    assert refs(diverted, world) == {"cp1", "cp6", "g1", "g4"}
    completion = r.figure("completion_rate.checkpoint")
    assert refs(completion, world, counted=True) == {"cp1", "cp6"}  # cp2 counted, not named
    assert refs(completion, world, counted=False) == {"cp3"}
    assert completion.unnamed == 1


def test_only_coordinators_and_a_sane_period(db: Database, coord: Actor, nav: Actor) -> None:
    with pytest.raises(AccessDenied):
        indicators.compute(db.uow(), nav, YEAR_2025, today=TODAY)
    with pytest.raises(ValidationError, match="ends before it starts"):
        indicators.compute(db.uow(), coord, Scope(date(2025, 2, 1), date(2025, 1, 1)))
    with pytest.raises(ValidationError, match="No navigator"):
        indicators.find_worker(db.uow(), coord, "nobody")
    indicators.compute(db.uow(), coord, YEAR_2025, today=TODAY)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events WHERE action = "
                                 "'report.indicators'")).scalar_one() == 1


def test_every_indicator_is_documented() -> None:
    from app.config import REPO_ROOT

    doc = (REPO_ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    for ind in indicators.INDICATORS:
        assert f"`{ind.id}`" in doc, ind.id


def test_a_save_elsewhere_while_the_figures_are_read_does_not_stop_them(
        db: Database, coord: Actor, world: dict[str, Any]) -> None:
    """The Dashboard reads for seconds on a large database while the window's other work
    (or another user) saves: the figures and their audit record must still be written, not
    refused with 'database is locked' when the read turns into the audit's write."""
    from sqlalchemy import event

    other = Database(str(db.engine.url))
    saved: list[int] = []

    def save_elsewhere(_conn: object, _cur: object, sql: str, *_: object) -> None:
        if not saved and sql.lstrip().startswith("SELECT") and "cases" in sql:
            with other.engine.begin() as conn:  # a real save, committed meanwhile
                conn.execute(text("INSERT INTO app_settings (key, value) "
                                  "VALUES ('saved.elsewhere', '1')"))
            saved.append(1)

    event.listen(db.engine, "before_cursor_execute", save_elsewhere)
    try:
        report = indicators.compute(db.uow(), coord, YEAR_2025, today=TODAY, named=False)
        cases = indicators.figure_cases(db.uow(), coord, YEAR_2025, "referrals", today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", save_elsewhere)
        other.dispose()
    assert saved and report.figure("referrals").value is not None and cases.cases
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events WHERE action = "
                                 "'report.indicators'")).scalar_one() >= 1


def test_the_garbage_collector_runs_again_after_a_report(db: Database, coord: Actor) -> None:
    """Collection is paused while a report is made, and back on afterwards, also when the
    report is refused: a window left without it would grow for the rest of the day."""
    import gc

    assert gc.isenabled()
    indicators.compute(db.uow(), coord, YEAR_2025, today=TODAY, named=False)
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        indicators.compute(db.uow(), coord, Scope(date(2025, 2, 1), date(2025, 1, 1)))
    assert gc.isenabled()
    gc.disable()
    try:  # paused by someone else: left paused
        indicators.compute(db.uow(), coord, YEAR_2025, today=TODAY, named=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
