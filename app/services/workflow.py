"""The stages of each scheme and the only moves allowed between them.

Kept as data so that the rules can be read in one place (and shown to users): each scheme maps a
stage to the stages it may move to. Guards that need the case's records live in ``cases``.
"""

from __future__ import annotations

from app.models.cases import CaseStatus as S
from app.models.cases import Scheme

TRANSITIONS: dict[Scheme, dict[S, frozenset[S]]] = {
    Scheme.CHECKPOINT: {
        S.REFERRED: frozenset({S.ELIGIBILITY_DECIDED, S.CLOSED}),
        S.ELIGIBILITY_DECIDED: frozenset({S.CONTRACT_ACTIVE, S.CLOSED}),
        S.CONTRACT_ACTIVE: frozenset({S.COMPLETED, S.BREACHED}),
        S.COMPLETED: frozenset({S.CLOSED}),
        S.BREACHED: frozenset({S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    Scheme.NEIGHBOURHOOD_RESOLUTION: {
        S.REFERRED: frozenset({S.ASSESSED, S.CLOSED}),
        S.ASSESSED: frozenset({S.CONSENT_OBTAINED, S.CLOSED}),
        S.CONSENT_OBTAINED: frozenset({S.MEETING_HELD, S.CLOSED}),
        S.MEETING_HELD: frozenset({S.AGREEMENT_MONITORING, S.CLOSED}),
        S.AGREEMENT_MONITORING: frozenset({S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    Scheme.GATEWAY: {
        S.REFERRED: frozenset({S.ENGAGED, S.CLOSED}),
        S.ENGAGED: frozenset({S.COMPLETED, S.NOT_COMPLETED}),
        S.COMPLETED: frozenset({S.CLOSED}),
        S.NOT_COMPLETED: frozenset({S.CLOSED}),
        S.CLOSED: frozenset(),
    },
}

#: The stage a scheme moves to when a referral is accepted.
ACCEPTED_STAGE: dict[Scheme, S] = {
    Scheme.CHECKPOINT: S.ELIGIBILITY_DECIDED,
    Scheme.NEIGHBOURHOOD_RESOLUTION: S.ASSESSED,
    Scheme.GATEWAY: S.ENGAGED,
}

#: Stages at which the case's work is still going on (for caseloads).
ACTIVE_STAGES = frozenset(
    {S.REFERRED, S.ELIGIBILITY_DECIDED, S.CONTRACT_ACTIVE, S.ASSESSED, S.CONSENT_OBTAINED,
     S.MEETING_HELD, S.AGREEMENT_MONITORING, S.ENGAGED}
)


def statuses(scheme: Scheme) -> list[S]:
    return list(TRANSITIONS[scheme])


def allowed(scheme: Scheme, current: S) -> frozenset[S]:
    return TRANSITIONS[scheme].get(current, frozenset())
