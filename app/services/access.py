"""Who may see and change which case. Every service goes through here, so the GUI and the CLI
cannot differ.

Scopes, from DOMAIN.md:
- coordinators (and administrators who also coordinate) see and change every case;
- navigators change their own Checkpoint cases, and read the rest of Checkpoint when the
  coordinator has allowed it (setting ``navigators_read_all_checkpoint``);
- facilitators see only the Neighbourhood Resolution cases assigned to them;
- mentors see only their mentees (Gateway to Change cases assigned to them);
- administrators see configuration, not case data;
- restricted cases (domestic abuse, sexual exploitation) only their assigned workers and
  coordinators, whatever else is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from app.db import UnitOfWork
from app.errors import AccessDenied
from app.models.cases import Case, Scheme
from app.models.settings import AppSetting
from app.models.users import Role
from app.services.context import Actor

NAVIGATORS_READ_ALL = "navigators_read_all_checkpoint"

#: The scheme each front-line role works in.
ROLE_SCHEME: dict[Role, Scheme] = {
    Role.NAVIGATOR: Scheme.CHECKPOINT,
    Role.FACILITATOR: Scheme.NEIGHBOURHOOD_RESOLUTION,
    Role.MENTOR: Scheme.GATEWAY,
}


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    REFER = "refer"
    DECIDE_ELIGIBILITY = "decide eligibility"
    ASSIGN = "assign"
    CLOSE = "close"
    PRINT = "print"
    REPORT = "report"
    MANAGE_USERS = "manage users"
    MANAGE_REFERENCE = "manage reference data"


def navigators_read_all(uow: UnitOfWork) -> bool:
    value = uow.session.get(AppSetting, NAVIGATORS_READ_ALL)
    return value is not None and value.value == "1"


@dataclass(frozen=True)
class CaseRule:
    """One way a user reaches a case; a user reaches it when any rule of the list holds.

    The rules are data so that they have two readings that cannot drift apart: in Python
    (``holds``, ``where``: what the services enforce) and as SQL over the signed-in server role
    (``app.services.server`` generates PostgreSQL's row-level security policies from them).
    """

    why: str
    #: Holds for coordinators (and administrators who also coordinate), whatever the case.
    coordinators: bool = False
    #: Otherwise: the front-line roles it is for, on cases they are worker or co-worker of,
    assigned: bool = False
    #: in the scheme their role works in (ROLE_SCHEME),
    own_scheme: bool = False
    #: or: only these roles, on cases of this scheme,
    roles: frozenset[Role] = frozenset()
    scheme: Scheme | None = None
    #: never a restricted case (domestic abuse, sexual exploitation),
    unrestricted: bool = False
    #: and only while this switch in the settings is on.
    setting: str | None = None

    def applies(self, actor: Actor, settings: frozenset[str]) -> bool:
        """The actor's side of the rule: role, coordinating, and the switch."""
        if self.coordinators:
            return actor.coordinates
        if self.setting is not None and self.setting not in settings:
            return False
        if self.roles and actor.role not in self.roles:
            return False
        return bool(self.roles) or not self.own_scheme or actor.role in ROLE_SCHEME

    def holds(self, actor: Actor, case: Case, settings: frozenset[str]) -> bool:
        if not self.applies(actor, settings):
            return False
        if self.coordinators:
            return True
        return ((not self.assigned or _assigned(actor, case))
                and (not self.own_scheme or ROLE_SCHEME.get(actor.role) == case.scheme)
                and (self.scheme is None or case.scheme is self.scheme)
                and not (self.unrestricted and case.restricted))

    def case_clause(self, user_id: Any, role_scheme: Any,
                    cases: Any = Case.__table__.c) -> ColumnElement[bool]:
        """The case's side as SQL; ``user_id`` and ``role_scheme`` are values or SQL terms."""
        if self.coordinators:
            return true()
        parts: list[ColumnElement[bool]] = []
        if self.assigned:
            parts.append(or_(cases.worker_id == user_id, cases.coworker_id == user_id))
        if self.own_scheme:
            parts.append(cases.scheme == role_scheme)
        if self.scheme is not None:
            parts.append(cases.scheme == self.scheme)
        if self.unrestricted:
            parts.append(cases.restricted.is_(False))
        return and_(true(), *parts)


#: The front-line roles.
FRONT_LINE = frozenset(ROLE_SCHEME)

#: Who sees a case (DOMAIN.md's table).
VIEW_RULES: tuple[CaseRule, ...] = (
    CaseRule("coordinators see every case of their schemes", coordinators=True),
    CaseRule("workers see their own caseload, restricted cases included", assigned=True,
             own_scheme=True, roles=FRONT_LINE),
    CaseRule("navigators read the rest of Checkpoint when the coordinator allows it",
             roles=frozenset({Role.NAVIGATOR}), scheme=Scheme.CHECKPOINT, unrestricted=True,
             setting=NAVIGATORS_READ_ALL),
)
#: Who changes a case: the same without the read-only switch.
EDIT_RULES: tuple[CaseRule, ...] = VIEW_RULES[:2]


def _settings(read_all: bool) -> frozenset[str]:
    return frozenset({NAVIGATORS_READ_ALL}) if read_all else frozenset()


def can_view(actor: Actor, case: Case, *, read_all: bool = False) -> bool:
    return any(rule.holds(actor, case, _settings(read_all)) for rule in VIEW_RULES)


def _assigned(actor: Actor, case: Case) -> bool:
    return actor.user_id in (case.worker_id, case.coworker_id)


def reason_needed(actor: Actor, case: Case) -> bool:
    """Whether consulting ``case`` must say why (DPA 2018 s.62): a restricted case (domestic
    abuse, sexual exploitation) that the actor is not assigned to, which only a coordinator
    can open at all."""
    return case.restricted and actor.user_id not in (case.worker_id, case.coworker_id)


def can_edit(actor: Actor, case: Case) -> bool:
    return any(rule.holds(actor, case, frozenset()) for rule in EDIT_RULES)


def require_view(uow: UnitOfWork, actor: Actor, case: Case) -> None:
    if not can_view(actor, case, read_all=navigators_read_all(uow)):
        raise AccessDenied(f"You do not have access to case {case.reference}.")


def require_edit(actor: Actor, case: Case) -> None:
    if not can_edit(actor, case):
        raise AccessDenied(f"You cannot change case {case.reference}: it is not assigned to you.")


def may(actor: Actor, action: Action, scheme: Scheme | None = None) -> bool:
    """Actions that do not depend on one case (what the window offers this role)."""
    if action in (Action.MANAGE_USERS, Action.MANAGE_REFERENCE):
        return actor.administers
    if action in (Action.DECIDE_ELIGIBILITY, Action.ASSIGN, Action.REPORT):
        return actor.coordinates
    if action is Action.REFER:
        if actor.coordinates:
            return True
        return actor.role is Role.NAVIGATOR and scheme in (None, Scheme.CHECKPOINT)
    if action in (Action.VIEW, Action.EDIT, Action.CLOSE, Action.PRINT):
        return actor.coordinates or actor.role in ROLE_SCHEME
    return False


def require(actor: Actor, action: Action, scheme: Scheme | None = None) -> None:
    if not may(actor, action, scheme):
        raise AccessDenied(f"Your role ({actor.role.label}) cannot {action.value}.")


def visible_clause(actor: Actor, *, read_all: bool = False) -> ColumnElement[bool]:
    """SQL twin of ``can_view``, so a list never shows a case that opening would refuse."""
    settings = _settings(read_all)
    rules = [r for r in VIEW_RULES if r.applies(actor, settings)]
    if any(r.coordinators for r in rules):
        return true()
    if not rules:
        return false()
    scheme = ROLE_SCHEME.get(actor.role)
    return or_(*(r.case_clause(actor.user_id, scheme, Case) for r in rules))


def visible_case_ids(uow: UnitOfWork, actor: Actor) -> ColumnElement[bool]:
    """A ``Case.id IN (...)`` filter for queries on case-owned tables."""
    if actor.coordinates:  # no setting to read
        return true()
    return visible_case_ids_for(actor, navigators_read_all(uow))


def visible_case_ids_for(actor: Actor, read_all: bool) -> ColumnElement[bool]:
    """``visible_case_ids`` with the navigators' setting already read."""
    if actor.coordinates:
        # every case: no IN over the whole table (seconds of work on a force's data)
        return true()
    return Case.id.in_(select(Case.id).where(visible_clause(actor, read_all=read_all)))
