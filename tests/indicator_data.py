"""A hand-built data set for the indicator tests, written straight through the ORM so that cases
can be dated years back relative to a fixed ``today`` (the services refuse dates that are not
yet past on the real calendar). Each case gets the status changes its outcome implies, just as
the services would have written them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from app.db import Database
from app.models import (
    ActionKind,
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    Appointment,
    AppointmentStatus,
    AssessmentStage,
    Case,
    CaseParty,
    CaseStatus,
    Eligibility,
    ExitFollowUp,
    Gender,
    OutcomeAgreement,
    PartyRole,
    PathwayAssessment,
    Person,
    ReoffendingCheck,
    SatisfactionSurvey,
    Scheme,
    StatusChange,
)
from app.services.cases import add_months
from app.services.context import Actor

S = CaseStatus
_LINES = {
    Scheme.CHECKPOINT: [S.REFERRED, S.ELIGIBILITY_DECIDED, S.CONTRACT_ACTIVE],
    Scheme.NEIGHBOURHOOD_RESOLUTION: [S.REFERRED, S.ASSESSED, S.CONSENT_OBTAINED,
                                      S.MEETING_HELD, S.AGREEMENT_MONITORING],
    Scheme.GATEWAY: [S.REFERRED, S.ENGAGED],
}


@dataclass
class Made:
    id: int
    reference: str
    harmed_party_id: int | None = None
    participant_party_id: int | None = None


class DataSet:
    """Writes cases and their records; ``by`` is the user recorded as doing the work."""

    def __init__(self, db: Database, by: Actor) -> None:
        self.db = db
        self.by = by.user_id
        self.n = 0

    def _add(self, *rows: object) -> None:
        uow = self.db.uow()
        with uow:
            uow.session.add_all(rows)
            uow.commit()

    def case(self, scheme: Scheme, *, referred: date, source: str = "Police custody",
             decided: date | None = None, eligible: bool = True, ended: date | None = None,
             outcome: str | None = None, closed: date | None = None, restricted: bool = False,
             first_time: bool | None = None, worker: Actor | None = None,
             name: str = "Sam Example") -> Made:
        """``outcome``: "completed", "breached" (Checkpoint, or not completed for Gateway),
        "withdrawn" (closed before an outcome) or None (still running)."""
        self.n += 1
        first, last = name.split(" ", 1)
        uow = self.db.uow()
        with uow:
            s = uow.session
            person = Person(first_name=first, last_name=last, search_name=f"{last} {first}".lower(),
                            gender=Gender.FEMALE if scheme is Scheme.GATEWAY else Gender.MALE)
            s.add(person)
            s.flush()
            status_path: list[CaseStatus] = [S.REFERRED]
            started = None
            if decided is not None and not eligible:
                status_path.append(S.CLOSED)
                closed = decided
            elif decided is not None:
                started = decided
                line = _LINES[scheme]
                if outcome == "withdrawn":
                    status_path = [*line[:2], S.CLOSED]
                elif outcome is None:
                    status_path = list(line)
                elif scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
                    status_path = [*line, S.CLOSED]
                else:
                    end = {"completed": S.COMPLETED,
                           "breached": S.BREACHED if scheme is Scheme.CHECKPOINT
                           else S.NOT_COMPLETED}[outcome]
                    status_path = [*line, end] + ([S.CLOSED] if closed else [])
            case = Case(
                reference=f"{scheme.prefix}-T{self.n:03d}", scheme=scheme,
                status=status_path[-1], participant_id=person.id,
                participant_search=person.search_name, referral_date=referred,
                referral_source=source,
                eligibility=Eligibility.PENDING if decided is None else
                Eligibility.ELIGIBLE if eligible else Eligibility.NOT_ELIGIBLE,
                eligibility_decided_on=decided, started_on=started,
                ended_on=ended if scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION else None,
                closed_on=closed, restricted=restricted, first_time_entrant=first_time,
                outcome_code="22" if outcome == "completed"
                and scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION else None,
                worker_id=worker.user_id if worker else None, updated_by_id=self.by)
            s.add(case)
            s.flush()
            participant = CaseParty(case_id=case.id, person_id=person.id,
                                    role=PartyRole.PARTICIPANT)
            s.add(participant)
            harmed_id = None
            if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
                hp = Person(first_name="Harmed", last_name=f"Party{self.n}",
                            search_name=f"party{self.n} harmed")
                s.add(hp)
                s.flush()
                harmed = CaseParty(case_id=case.id, person_id=hp.id, role=PartyRole.HARMED)
                s.add(harmed)
                s.flush()
                harmed_id = harmed.id
            s.flush()
            prev = None
            for st in status_path:
                on = referred if st is S.REFERRED else closed if st is S.CLOSED else \
                    ended if st in (S.COMPLETED, S.BREACHED, S.NOT_COMPLETED) else \
                    (decided or referred)
                s.add(StatusChange(case_id=case.id, from_status=prev, to_status=st,
                                   on=on or referred, by_id=self.by))
                prev = st
            uow.commit()
            return Made(case.id, case.reference, harmed_id, participant.id)

    # ---- records on a case

    def reoffending(self, c: Made, window: int, checked_on: date, offences: int) -> None:
        self._add(ReoffendingCheck(case_id=c.id, checked_on=checked_on, window_months=window,
                                   offences=offences, recorded_by_id=self.by))

    def exit_followup(self, c: Made, ended: date, months: int, *, done: bool,
                      independent: bool | None = None, free: bool | None = None) -> None:
        due = add_months(ended, months)
        self._add(ExitFollowUp(case_id=c.id, months=months, due_on=due,
                               done_on=due if done else None,
                               living_independently=independent if done else None,
                               free_from_abuse=free if done else None,
                               recorded_by_id=self.by if done else None))

    def survey(self, c: Made, on: date, satisfied: bool) -> None:
        assert c.harmed_party_id is not None
        self._add(SatisfactionSurvey(case_id=c.id, party_id=c.harmed_party_id, answered_on=on,
                                     satisfied=satisfied))

    def agreement(self, c: Made, agreed_on: date, kept: list[bool], checked_on: date,
                  followup_kept: bool) -> None:
        assert c.participant_party_id is not None
        agreement = OutcomeAgreement(case_id=c.id, agreed_on=agreed_on, signed=True,
                                     updated_by_id=self.by)
        agreement.actions = [
            AgreementAction(position=i, kind=ActionKind.APOLOGY, description="Say sorry.",
                            owner_party_id=c.participant_party_id, due_on=agreed_on,
                            kept=k, checked_on=checked_on)
            for i, k in enumerate(kept, start=1)]
        self._add(agreement, AgreementFollowUp(
            case_id=c.id, contacted_on=checked_on, party_id=c.harmed_party_id,
            agreement_kept=followup_kept, recorded_by_id=self.by))

    def calls(self, c: Made, *, before: int, after: int | None, months: int = 6) -> None:
        rows = [AgencyCallCount(case_id=c.id, agency_name="Police (101)", period="before",
                                months=months, calls=before)]
        if after is not None:
            rows.append(AgencyCallCount(case_id=c.id, agency_name="Police (101)",
                                        period="after", months=months, calls=after))
        self._add(*rows)

    def needs(self, c: Made, pathway: str, start: int, exit: int | None, start_on: date,
              exit_on: date | None = None) -> None:
        rows = [PathwayAssessment(case_id=c.id, stage=AssessmentStage.START,
                                  pathway_code=pathway, level=start, assessed_on=start_on,
                                  assessed_by_id=self.by, updated_by_id=self.by)]
        if exit is not None:
            assert exit_on is not None
            rows.append(PathwayAssessment(case_id=c.id, stage=AssessmentStage.EXIT,
                                          pathway_code=pathway, level=exit,
                                          assessed_on=exit_on, assessed_by_id=self.by,
                                          updated_by_id=self.by))
        self._add(*rows)

    def appointment(self, c: Made, on: date, status: AppointmentStatus) -> None:
        self._add(Appointment(case_id=c.id, starts_at=datetime.combine(on, time(10), UTC),
                              purpose="Keyworker session", bail_condition=True, status=status,
                              updated_by_id=self.by))
