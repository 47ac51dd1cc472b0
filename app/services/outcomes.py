"""What a case's outcome is, defined once.

The indicators, the letters, the case summary and the screens all ask this module, so a case
cannot be "completed" on the dashboard and "not completed" in the letter that tells the
participant so. ``docs/indicators.md`` ("Outcome") describes the same rules in words.

* **Completed**: Checkpoint and Gateway to Change cases that reached the stage "completed";
  Neighbourhood Resolution cases closed after an outcome agreement was made (they reached
  "agreement monitoring").
* **Breached**: Checkpoint cases that reached "breached".
* **Not completed**: Gateway to Change cases that reached "not completed".
* **Withdrawn**: accepted cases closed without any of those.
* **Not accepted**: referrals closed at the referral decision.
* **Agreement kept** (Neighbourhood Resolution) is a separate question: the answer of the latest
  follow-up contact, or not known while there is none.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from app.models.cases import CaseStatus, Scheme


class Outcome(enum.StrEnum):
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    BREACHED = "breached"
    NOT_COMPLETED = "not-completed"
    WITHDRAWN = "withdrawn"
    NOT_ACCEPTED = "not-accepted"

    @property
    def label(self) -> str:
        return {"in-progress": "still in progress"}.get(self.value, self.value.replace("-", " "))

    @property
    def ended(self) -> bool:
        """The case has stopped (with or without a result)."""
        return self is not Outcome.IN_PROGRESS

    @property
    def unsuccessful(self) -> bool:
        """Breached (Checkpoint) or not completed (Gateway to Change): the breach rate counts
        both, and the case goes back to the police."""
        return self in (Outcome.BREACHED, Outcome.NOT_COMPLETED)

    @property
    def has_result(self) -> bool:
        """Completed, breached or not completed: the cases reoffending is measured for."""
        return self is Outcome.COMPLETED or self.unsuccessful


#: The stage that gives a Checkpoint or Gateway to Change case its outcome.
ENDING_STAGES: dict[CaseStatus, Outcome] = {
    CaseStatus.COMPLETED: Outcome.COMPLETED,
    CaseStatus.BREACHED: Outcome.BREACHED,
    CaseStatus.NOT_COMPLETED: Outcome.NOT_COMPLETED,
}
#: Stages that decide an outcome (what a caller must look for in a case's history).
DECIDING_STAGES = frozenset({*ENDING_STAGES, CaseStatus.AGREEMENT_MONITORING})


def case_outcome(scheme: Scheme, reached: Iterable[CaseStatus], *, accepted: bool,
                 stopped: bool) -> Outcome:
    """The outcome of a case from the stages it ``reached`` (its history), whether it was
    ``accepted`` at the referral decision and whether it has ``stopped`` (closed, or ended)."""
    seen = set(reached)
    if scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
        if not stopped:
            return Outcome.IN_PROGRESS
        if CaseStatus.AGREEMENT_MONITORING in seen:
            return Outcome.COMPLETED
        return Outcome.WITHDRAWN if accepted else Outcome.NOT_ACCEPTED
    for stage, outcome in ENDING_STAGES.items():
        if stage in seen:
            return outcome
    if not stopped:
        return Outcome.IN_PROGRESS
    return Outcome.WITHDRAWN if accepted else Outcome.NOT_ACCEPTED


def agreement_kept(answers: Iterable[tuple[date, bool]]) -> bool | None:
    """Was the outcome agreement kept? The latest follow-up contact's answer (by its date; of
    two on one day the one stored last), or None while no follow-up is recorded. ``answers``
    are (contacted on, kept) in the order they were stored."""
    ordered = sorted(answers, key=lambda a: a[0])  # stable: ties keep the stored order
    return ordered[-1][1] if ordered else None
