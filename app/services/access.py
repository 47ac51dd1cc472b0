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

from enum import StrEnum

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


def _assigned(actor: Actor, case: Case) -> bool:
    return actor.user_id in (case.worker_id, case.coworker_id)


def can_view(actor: Actor, case: Case, *, read_all: bool = False) -> bool:
    if actor.coordinates:
        return True
    if _assigned(actor, case):
        return ROLE_SCHEME.get(actor.role) == case.scheme
    return (
        actor.role is Role.NAVIGATOR
        and read_all
        and case.scheme is Scheme.CHECKPOINT
        and not case.restricted
    )


def can_edit(actor: Actor, case: Case) -> bool:
    if actor.coordinates:
        return True
    return _assigned(actor, case) and ROLE_SCHEME.get(actor.role) == case.scheme


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
    if actor.coordinates:
        return true()
    scheme = ROLE_SCHEME.get(actor.role)
    if scheme is None:
        return false()
    mine = and_(
        Case.scheme == scheme,
        or_(Case.worker_id == actor.user_id, Case.coworker_id == actor.user_id),
    )
    if actor.role is Role.NAVIGATOR and read_all:
        return or_(mine, and_(Case.scheme == Scheme.CHECKPOINT, Case.restricted.is_(False)))
    return mine


def visible_case_ids(uow: UnitOfWork, actor: Actor) -> ColumnElement[bool]:
    """A ``Case.id IN (...)`` filter for queries on case-owned tables."""
    if actor.coordinates:
        # every case: no IN over the whole table (seconds of work on a force's data)
        return true()
    clause = visible_clause(actor, read_all=navigators_read_all(uow))
    return Case.id.in_(select(Case.id).where(clause))
