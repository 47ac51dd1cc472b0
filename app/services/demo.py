"""A synthetic demo data set: every scheme, every stage, every pathway, restricted cases, missed
bail appointments, breached contracts, and demo users of every role.

Everyone in it is invented; phone numbers are in Ofcom's drama ranges and email addresses are at
example.org. It is written in one transaction, consistent with the workflow rules (a completed
contract has its conditions met, a meeting has consent...), so the app behaves on it as on real
data. A database that holds real (non-demo) cases is refused.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import WorkflowError
from app.models.appointments import Appointment, AppointmentStatus
from app.models.audit import AuditEvent
from app.models.cases import (
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
from app.models.followups import EXIT_FOLLOWUP_MONTHS, ExitFollowUp, ReoffendingCheck
from app.models.pathways import AssessmentStage, Intervention, InterventionKind, PathwayAssessment
from app.models.people import DocumentFormat, Gender, Person
from app.models.reference import Agency, Pathway
from app.models.settings import AppSetting
from app.models.users import Role, User
from app.services.cases import add_months
from app.services.people import search_key
from app.services.users import hash_password
from app.services.workflow import statuses

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
SOURCES = ["Police custody", "Neighbourhood policing team", "Housing provider", "Self-referral",
           "Women's service", "Anti-social behaviour team", "School", "Probation"]
LANGUAGES = ["English"] * 12 + ["Polish", "Romanian", "Welsh", "Turkish", "Vietnamese"]


@dataclass
class _Ctx:
    rng: random.Random
    s: Session
    today: date
    users: dict[str, User]
    pathways: list[str]
    agencies: list[Agency]
    counters: dict[tuple[str, int], int]
    demo_user: User


def is_demo(uow: UnitOfWork) -> bool:
    with uow:
        flag = uow.session.get(AppSetting, DEMO_FLAG)
        return flag is not None and flag.value == "1"


def build(uow: UnitOfWork, *, cases: int = 500, seed: int = 1, today: date | None = None) -> int:
    """Add ``cases`` demo cases (and the demo users if missing). Returns how many were made."""
    if cases < 0 or cases > 1_000_000:
        raise WorkflowError("Choose between 0 and 1,000,000 demo cases.")
    today = today or date.today()
    with uow:
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
        ctx = _Ctx(
            rng=random.Random(seed), s=s, today=today, users=users,
            pathways=list(s.scalars(select(Pathway.code).order_by(Pathway.position))),
            agencies=list(s.scalars(select(Agency).order_by(Agency.id))),
            counters={(c.prefix, c.year): c.last_number
                      for c in s.scalars(select(ReferenceCounter))},
            demo_user=users["coordinator"],
        )
        if not ctx.pathways:
            raise WorkflowError("Reference data is missing: run 'pathways db upgrade' first.")
        plan = [(scheme, status) for scheme in Scheme for status in statuses(scheme)]
        for i in range(cases):
            scheme, status = plan[i % len(plan)]
            _make_case(ctx, scheme, status, i)
            if i % 2000 == 1999:
                s.flush()
                s.expunge_all()
                ctx.users = {u.username: u for u in s.scalars(select(User))}
                ctx.demo_user = ctx.users["coordinator"]
                ctx.agencies = list(s.scalars(select(Agency).order_by(Agency.id)))
        for (prefix, year), last in ctx.counters.items():
            row = s.get(ReferenceCounter, (prefix, year))
            if row is None:
                s.add(ReferenceCounter(prefix=prefix, year=year, last_number=last))
            else:
                row.last_number = last
        s.add(AuditEvent(user_id=None, username="-", action="demo.build", entity="cases",
                         detail=f"{cases} demo cases, seed {seed}"))
        uow.commit()
    return cases


def _users(s: Session) -> dict[str, User]:
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
    return existing


def _person(ctx: _Ctx, gender: Gender, adult: bool = True) -> Person:
    r = ctx.rng
    first = r.choice(FIRST_F if gender is Gender.FEMALE else FIRST_M)
    last = r.choice(LAST)
    age = r.randint(18, 64) if adult else r.randint(14, 17)
    dob = ctx.today - timedelta(days=age * 365 + r.randint(0, 364))
    language = r.choice(LANGUAGES)
    return Person(
        first_name=first, last_name=last, search_name=search_key(first, last),
        date_of_birth=dob, gender=gender,
        address_line1=f"{r.randint(1, 180)} {r.choice(STREETS)}", town="Darlington",
        postcode=f"DL{r.randint(1, 3)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXY')}"
                 f"{r.choice('ABDEFGHJLNPQRSTUWXY')}",
        phone=f"07700 900{r.randint(0, 999):03d}",
        email=f"{first[0].lower()}{r.randint(100, 999)}@example.org" if r.random() < 0.6
        else None,
        language=language, interpreter_needed=language not in ("English", "Welsh"),
        communication_needs="Prefers phone calls to letters" if r.random() < 0.1 else None,
        document_format=r.choice([DocumentFormat.STANDARD] * 6 + [DocumentFormat.EASY_READ,
                                                                  DocumentFormat.LARGE_PRINT]),
    )


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


def _make_case(ctx: _Ctx, scheme: Scheme, status: CaseStatus, i: int) -> None:
    r, s, today = ctx.rng, ctx.s, ctx.today
    lo, hi = _AGE_DAYS[status]
    referral = today - timedelta(days=r.randint(lo, hi))
    gender = Gender.FEMALE if scheme is Scheme.GATEWAY else r.choice([Gender.MALE, Gender.FEMALE])
    person = _person(ctx, gender, adult=scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION
                     or r.random() < 0.8)
    s.add(person)
    restricted = False
    if scheme is Scheme.CHECKPOINT:
        offence = r.choice(["theft-shop", "criminal-damage", "public-order", "common-assault",
                            "drugs-possession", "theft-other"] + (["domestic-abuse"]
                                                                 if i % 11 == 0 else []))
        worker = ctx.users[r.choice(["navigator", "navigator2"])]
    elif scheme is Scheme.GATEWAY:
        offence = r.choice(["theft-shop", "theft-other"])
        worker = ctx.users[r.choice(["mentor", "mentor2"])]
    else:
        offence = r.choice(["asb-nuisance", "neighbour-dispute", "harassment-low",
                            "criminal-damage"])
        worker = ctx.users[r.choice(["facilitator", "facilitator2"])]
    if offence == "domestic-abuse" or (scheme is Scheme.GATEWAY and i % 13 == 0):
        restricted = True
    coworker = None
    if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
        coworker = ctx.users["facilitator2" if worker.username == "facilitator" else
                             "facilitator"]
    assigned = status is not CaseStatus.REFERRED or r.random() < 0.5
    s.flush()
    case = Case(
        reference=_reference(ctx, scheme, referral.year), scheme=scheme, status=status,
        participant_id=person.id, participant_search=person.search_name,
        referral_date=referral, referral_source=r.choice(SOURCES),
        referring_officer=f"PC {r.randint(1000, 9999)} {r.choice(LAST)}",
        referring_officer_email=f"officer{r.randint(100, 999)}@police.example.org",
        offence_code=offence, offence_date=referral - timedelta(days=r.randint(1, 30)),
        offence_summary="Synthetic demo offence.",
        crime_reference=f"DU{referral:%y}{r.randint(100000, 999999)}",
        eligibility_answers=_answers(scheme),
        risk_band=r.choice(list(RiskBand)) if scheme is Scheme.CHECKPOINT else None,
        officer_decision="Suitable for diversion" if scheme is Scheme.CHECKPOINT else None,
        worker_id=worker.id if assigned else None,
        coworker_id=coworker.id if (coworker and assigned) else None,
        restricted=restricted, first_time_entrant=r.random() < 0.6,
        updated_by_id=ctx.demo_user.id,
    )
    s.add(case)
    s.flush()
    participant = CaseParty(case_id=case.id, person_id=person.id, role=PartyRole.PARTICIPANT)
    s.add(participant)
    harmed = None
    if scheme is not Scheme.GATEWAY:
        hp = _person(ctx, r.choice([Gender.MALE, Gender.FEMALE]))
        s.add(hp)
        s.flush()
        harmed = CaseParty(case_id=case.id, person_id=hp.id, role=PartyRole.HARMED,
                           wants_updates=r.random() < 0.8)
        s.add(harmed)
    s.flush()
    path = _stages_to(scheme, status, r)
    day = referral
    prev = None
    for stage in path:
        if prev is not None:
            day = min(today, day + timedelta(days=r.randint(3, 20)))
        s.add(StatusChange(case_id=case.id, from_status=prev, to_status=stage, on=day,
                           by_id=ctx.demo_user.id))
        prev = stage
    _fill(ctx, case, path, participant, harmed, referral)


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
        ending = {Scheme.CHECKPOINT: [S.COMPLETED, S.COMPLETED, S.BREACHED],
                  Scheme.GATEWAY: [S.COMPLETED, S.COMPLETED, S.NOT_COMPLETED],
                  Scheme.NEIGHBOURHOOD_RESOLUTION: [None]}[scheme]
        end = r.choice(ending)
        if end is None:
            return [*lines, S.CLOSED]
        return [*lines, end, S.CLOSED]
    return [*lines, target]


def _fill(ctx: _Ctx, case: Case, path: list[CaseStatus], participant: CaseParty,
          harmed: CaseParty | None, referral: date) -> None:
    """Write the records each stage reached implies, dated consistently."""
    r, s, today = ctx.rng, ctx.s, ctx.today
    S = CaseStatus
    by = case.worker_id or ctx.demo_user.id
    reached = set(path)
    final = path[-1]
    start = min(today, referral + timedelta(days=r.randint(5, 15)))
    if final is not S.REFERRED:
        case.eligibility = Eligibility.ELIGIBLE
        case.eligibility_decided_on = min(today, referral + timedelta(days=r.randint(1, 5)))
        case.started_on = start
        if case.offence_code == "domestic-abuse":
            case.eligibility_override_reason = "Victim consulted; perpetrator programme agreed."
    levels_start = {p: r.choice([0, 0, 1, 2, 3, 4]) for p in ctx.pathways}
    if case.restricted:
        levels_start["domestic-abuse"] = 3
    if final is not S.REFERRED and case.scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
        for p, level in levels_start.items():
            s.add(PathwayAssessment(case_id=case.id, stage=AssessmentStage.START,
                                    pathway_code=p, level=level, assessed_on=start,
                                    assessed_by_id=by, updated_by_id=by))
        for _ in range(r.randint(2, 8)):
            p = r.choice([p for p, lv in levels_start.items() if lv >= 2] or ctx.pathways)
            agency = next((a for a in ctx.agencies if a.pathway_code == p), None)
            when = min(today, start + timedelta(days=r.randint(0, 100)))
            kind = r.choice(list(InterventionKind)) if agency else InterventionKind.CONTACT
            s.add(Intervention(
                case_id=case.id, kind=kind, pathway_code=p,
                agency_id=agency.id if agency and kind is not InterventionKind.CONTACT else None,
                occurred_on=when, duration_minutes=r.choice([15, 30, 45, 60, 90]),
                summary=r.choice(["Keyworker session", "Phone check-in", "Attended group",
                                  "Referred to service", "Home visit", "Budgeting session"]),
                recorded_by_id=by))
    ended = S.COMPLETED in reached or S.BREACHED in reached or S.NOT_COMPLETED in reached
    if ended:
        end_day = min(today, start + timedelta(days=r.randint(110, 125)))
        case.ended_on = end_day
        if S.COMPLETED in reached:
            case.outcome_code = "22"
            for p, level in levels_start.items():
                s.add(PathwayAssessment(case_id=case.id, stage=AssessmentStage.EXIT,
                                        pathway_code=p, level=max(0, level - r.randint(0, 2)),
                                        assessed_on=end_day, assessed_by_id=by,
                                        updated_by_id=by))
    if S.CLOSED in reached:
        case.closed_on = min(today, (case.ended_on or referral) + timedelta(days=r.randint(1, 20)))
        case.closure_reason = "Case finished" if ended else "Outcome agreement kept"
    if case.scheme is Scheme.CHECKPOINT and S.CONTRACT_ACTIVE in reached:
        _contract(ctx, case, start, reached, levels_start, by)
    if case.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION and harmed is not None:
        _restorative(ctx, case, reached, participant, harmed, referral, by)
    if case.scheme is Scheme.GATEWAY and S.ENGAGED in reached:
        _bail_appointments(ctx, case, start, final, by)
        if S.COMPLETED in reached and case.ended_on:
            for months in EXIT_FOLLOWUP_MONTHS:
                due = add_months(case.ended_on, months)
                done = due <= today and r.random() < 0.85
                s.add(ExitFollowUp(
                    case_id=case.id, months=months, due_on=due,
                    done_on=due if done else None,
                    reoffended=(r.random() < 0.15) if done else None,
                    living_independently=(r.random() < 0.7) if done else None,
                    free_from_abuse=(r.random() < 0.8) if done else None,
                    recorded_by_id=by if done else None))
    if ended and case.ended_on and (today - case.ended_on).days > 365:
        offences = 0 if r.random() < 0.8 else r.randint(1, 3)
        s.add(ReoffendingCheck(
            case_id=case.id, checked_on=today, window_months=12, offences=offences,
            first_offence_on=case.ended_on + timedelta(days=r.randint(10, 300))
            if offences else None, recorded_by_id=ctx.demo_user.id))


def _contract(ctx: _Ctx, case: Case, start: date, reached: set[CaseStatus],
              levels: dict[str, int], by: int) -> None:
    r, s, today = ctx.rng, ctx.s, ctx.today
    completed = CaseStatus.COMPLETED in reached
    breached = CaseStatus.BREACHED in reached
    hours_required = r.choice([18, 24, 30, 36]) if r.random() < 0.8 else None
    contract = Contract(
        case_id=case.id,
        status=ContractStatus.COMPLETED if completed else
        ContractStatus.BREACHED if breached else ContractStatus.ACTIVE,
        start_date=start, end_date=add_months(start, 4), signed_on=start,
        community_hours_required=hours_required, ended_on=case.ended_on,
        breach_reason="Reoffended: arrested for a new offence" if breached else None,
        updated_by_id=by)
    met = ConditionState.MET if completed else ConditionState.OPEN
    needs = sorted(levels, key=lambda p: -levels[p])[:2]
    conds = [ContractCondition(position=1, kind=ConditionKind.NO_REOFFENDING,
                               description="You must not commit any offence during the four "
                                           "months of this contract.",
                               state=ConditionState.NOT_MET if breached else met),
             ContractCondition(position=2, kind=ConditionKind.VICTIM,
                               description="Write a letter of apology if the victim wishes.",
                               state=met)]
    for n, p in enumerate(needs, start=3):
        conds.append(ContractCondition(position=n, kind=ConditionKind.PATHWAY, pathway_code=p,
                                       description=f"Attend the {p.replace('-', ' ')} service "
                                                   "as arranged.", state=met))
    if hours_required:
        conds.append(ContractCondition(
            position=len(conds) + 1, kind=ConditionKind.COMMUNITY_HOURS,
            description=f"Complete {hours_required} hours of voluntary community work.",
            state=met))
    else:
        conds.append(ContractCondition(
            position=len(conds) + 1, kind=ConditionKind.TAG,
            description="Wear an electronic tag for the length of the contract.", state=met))
    contract.conditions = conds
    if hours_required:
        total = hours_required if completed else r.randint(0, hours_required - 1)
        day = start
        while total > 0:
            chunk = min(total, r.choice([3, 4, 6]))
            day = min(today, day + timedelta(days=r.randint(3, 9)))
            contract.hours.append(CommunityHoursEntry(
                worked_on=day, hours=Decimal(chunk), task=r.choice(
                    ["Litter pick", "Community garden", "Food bank", "Charity shop"]),
                recorded_by_id=by))
            total -= chunk
    s.add(contract)


def _restorative(ctx: _Ctx, case: Case, reached: set[CaseStatus], participant: CaseParty,
                 harmed: CaseParty, referral: date, by: int) -> None:
    r, s, today = ctx.rng, ctx.s, ctx.today
    S = CaseStatus
    if S.CONSENT_OBTAINED not in reached:
        if S.ASSESSED in reached and r.random() < 0.5:
            s.add(ConsentRecord(party_id=participant.id, action=ConsentAction.GIVEN,
                                on=min(today, referral + timedelta(days=8)), recorded_by_id=by))
        return
    consent_day = min(today, referral + timedelta(days=r.randint(8, 15)))
    for party in (participant, harmed):
        s.add(ConsentRecord(party_id=party.id, action=ConsentAction.GIVEN, on=consent_day,
                            recorded_by_id=by))
    if S.MEETING_HELD not in reached:
        return
    held = min(today, consent_day + timedelta(days=r.randint(5, 20)))
    kind = r.choice([MeetingKind.FACE_TO_FACE] * 3 + [MeetingKind.SHUTTLE, MeetingKind.LETTER])
    meeting = Conference(
        case_id=case.id, kind=kind, held_on=held,
        venue="Community centre, Northgate" if kind is MeetingKind.FACE_TO_FACE else None,
        facilitator_id=case.worker_id or by, cofacilitator_id=case.coworker_id,
        updated_by_id=by)
    meeting.participants = [
        ConferenceParticipant(party_id=participant.id, role=AttendeeRole.HARMER, attended=True),
        ConferenceParticipant(party_id=harmed.id, role=AttendeeRole.HARMED, attended=True),
    ]
    if r.random() < 0.3:
        meeting.participants.append(ConferenceParticipant(
            name="PCSO " + r.choice(LAST), role=AttendeeRole.PCSO, attended=True))
    s.add(meeting)
    s.flush()
    if S.AGREEMENT_MONITORING not in reached:
        return
    agreement = OutcomeAgreement(case_id=case.id, conference_id=meeting.id, agreed_on=held,
                                 signed=True, updated_by_id=by)
    closed = S.CLOSED in reached
    kept = r.random() < 0.85
    agreement.actions = [
        AgreementAction(position=1, kind=ActionKind.APOLOGY,
                        description="Say sorry in writing for the noise and the damage.",
                        owner_party_id=participant.id, due_on=held + timedelta(days=7),
                        kept=kept if closed else None,
                        checked_on=held + timedelta(days=30) if closed else None),
        AgreementAction(position=2, kind=ActionKind.REPAIR,
                        description="Repair the fence panel between the two gardens.",
                        owner_party_id=participant.id, due_on=held + timedelta(days=21),
                        kept=kept if closed else None,
                        checked_on=held + timedelta(days=30) if closed else None),
    ]
    s.add(agreement)
    if closed:
        follow = min(today, held + timedelta(days=30))
        s.add(AgreementFollowUp(case_id=case.id, contacted_on=follow, party_id=harmed.id,
                                agreement_kept=kept, recorded_by_id=by))
        s.add(SatisfactionSurvey(case_id=case.id, party_id=harmed.id, answered_on=follow,
                                 satisfied=r.random() < 0.9, felt_heard=r.randint(3, 5),
                                 feels_safer=r.randint(2, 5), would_recommend=r.random() < 0.9))
        for period in ("before", "after"):
            s.add(AgencyCallCount(case_id=case.id, agency_name="Police (101)", period=period,
                                  months=6, calls=r.randint(2, 9) if period == "before"
                                  else r.randint(0, 3)))


def _bail_appointments(ctx: _Ctx, case: Case, start: date, final: CaseStatus, by: int) -> None:
    r, s, today = ctx.rng, ctx.s, ctx.today
    now = datetime.now(UTC)
    day = start
    for n in range(r.randint(3, 7)):
        day = day + timedelta(days=7)
        at = datetime.combine(day, time(10 + n % 5, 0)).astimezone(UTC)
        if at < now:
            status = AppointmentStatus.MISSED if r.random() < 0.12 else AppointmentStatus.KEPT
        else:
            status = AppointmentStatus.SCHEDULED
        if final is CaseStatus.ENGAGED and n == 0 and r.random() < 0.3:
            status = AppointmentStatus.MISSED
        s.add(Appointment(
            case_id=case.id, starts_at=at, location="Women's Centre, Gladstone Street",
            purpose="Key work session", bail_condition=True, status=status,
            with_user_id=case.worker_id,
            outcome_recorded_at=at if status is not AppointmentStatus.SCHEDULED else None,
            outcome_by_id=by if status is not AppointmentStatus.SCHEDULED else None,
            updated_by_id=by))
    if final is CaseStatus.ENGAGED:
        # one today, so that My work has something on it
        at = datetime.combine(today, time(15, 30)).astimezone(UTC)
        s.add(Appointment(case_id=case.id, starts_at=at, location="Women's Centre",
                          purpose="Mentor session", bail_condition=True,
                          with_user_id=case.worker_id, updated_by_id=by))
