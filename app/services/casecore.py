"""The skeleton every change inside a case shares: take the write lock, check access and the
version the user saw, make the change, bump the case's version, audit, commit, in one
transaction. ``case_edit`` is that skeleton, so a use case reads as its rule and nothing else.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import UnitOfWork
from app.errors import NotFound, StaleEdit
from app.models.base import utcnow
from app.models.cases import Case
from app.models.corrections import Correction, CorrectionAction, EntryKind
from app.models.users import User
from app.services import access, audit
from app.services.context import Actor


def load_case(uow: UnitOfWork, reference: str, *, lock: bool = False) -> Case:
    q = select(Case).where(Case.reference == reference.strip().upper())
    if lock and uow.engine.dialect.name != "sqlite":
        q = q.with_for_update()
    case = uow.session.scalar(q)
    if case is None:
        raise NotFound(f"There is no case {reference.strip().upper()!r}.")
    return case


def open_for_edit(
    uow: UnitOfWork, actor: Actor, reference: str, expected_version: int | None
) -> Case:
    """Load a case for a change: take the write lock, check access and staleness."""
    uow.begin_write()
    case = load_case(uow, reference, lock=True)
    access.require_view(uow, actor, case)
    access.require_edit(actor, case)
    check_version(uow.session, case, expected_version)
    return case


def check_version(session: Session, case: Case, expected_version: int | None) -> None:
    if expected_version is None or expected_version == case.version:
        return
    who = session.get(User, case.updated_by_id) if case.updated_by_id else None
    name = who.full_name if who else "another user"
    when = case.updated_at.astimezone().strftime("%H:%M on %d %b %Y")
    raise StaleEdit(
        f"Case {case.reference} was changed by {name} at {when} after you opened it. "
        "Reload it to see their changes; nothing of yours was saved."
    )


def touch(case: Case, actor: Actor) -> None:
    """Any change inside a case bumps its version, so concurrent edits of the case collide."""
    case.updated_by_id = actor.user_id
    case.updated_at = utcnow()


@dataclass(frozen=True)
class CaseEdit:
    """The open change: the case (locked, access and version checked) and who makes it."""

    uow: UnitOfWork
    actor: Actor
    case: Case

    @property
    def session(self) -> Session:
        return self.uow.session

    def audit(self, action: str, entity: str, entity_id: int | None = None, *,
              detail: str | None = None, person_id: int | None = None) -> None:
        """An audit row of this case, written in the same transaction as the change."""
        audit.record(self.uow, self.actor, action, entity, entity_id, case_id=self.case.id,
                     person_id=person_id, detail=detail)


@contextmanager
def case_edit(uow: UnitOfWork, actor: Actor, reference: str,
              expected_version: int | None = None) -> Iterator[CaseEdit]:
    """Lock, access, version check; the body changes and audits; then touch and commit.

    Any error raised in the body (or by the checks) rolls everything back: nothing half-saved.
    """
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        yield CaseEdit(uow, actor, case)
        touch(case, actor)
        uow.commit()


def json_value(value: Any) -> Any:
    """A field's value as the corrections log stores it (dates as ISO text, enums by value)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def revise(uow: UnitOfWork, actor: Actor, case: Case, kind: EntryKind, row: Any,
           values: Mapping[str, Any], reason: str) -> dict[str, tuple[Any, Any]]:
    """Set ``values`` on an entered record, first logging the old and new values of each field
    that changes (nothing is overwritten without its history). Returns what changed."""
    changed = {name: (getattr(row, name), new) for name, new in values.items()
               if json_value(getattr(row, name)) != json_value(new)}
    if not changed:
        return changed
    uow.session.add(Correction(
        case_id=case.id, kind=kind, record_id=row.id, action=CorrectionAction.AMENDED,
        before={k: json_value(old) for k, (old, _) in changed.items()},
        after={k: json_value(new) for k, (_, new) in changed.items()},
        reason=reason, by_id=actor.user_id))
    for name, (_, new) in changed.items():
        setattr(row, name, new)
    return changed
