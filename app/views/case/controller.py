"""The case a workspace shows: its reference, the version on screen and the way to the services.

Every change is sent with the version this screen shows; when someone else saved the case in the
meantime the service refuses it (StaleEdit) and the workspace offers to reload. The controller
holds no Qt widgets, only the state every tab shares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.db import UnitOfWork
from app.errors import DomainError, StaleEdit
from app.services import case_actions, casefile, history, reference
from app.services.case_actions import CaseActions
from app.services.casefile import CaseDetail
from app.services.context import Actor
from app.services.history import HistoryRow
from app.views.context import AppContext


class CaseController(QObject):
    """Loads the case detail, runs service calls on it and says what happened."""

    reloaded = Signal()  # a fresh detail is in ``detail``
    stale = Signal(str)  # someone else saved the case: offer a reload
    refused = Signal(str)  # a service said no: show why beside the action
    changed = Signal()  # a change was saved (other screens may refresh)

    def __init__(self, ctx: AppContext, reference_: str, parent: QObject | None = None, *,
                 reason: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference_
        # opening is the audited look (with the reason, where the case needs one); reloads
        # of the open case are not new looks
        self.detail: CaseDetail = casefile.get_case(ctx.uow(), ctx.actor, reference_,
                                                    reason=reason)
        self.actions: CaseActions = case_actions.allowed_actions(ctx.uow(), ctx.actor,
                                                                 reference_)
        self.pathway_names: dict[str, str] = {p.code: p.name
                                              for p in reference.pathways(ctx.uow())}

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @property
    def version(self) -> int:
        """The version of the case this screen shows, sent with every change."""
        return self.detail.version

    def uow(self) -> UnitOfWork:
        return self.ctx.uow()

    def reload(self) -> None:
        self.detail = casefile.get_case(self.ctx.uow(), self.ctx.actor, self.reference,
                                        audit_view=False)
        self.actions = case_actions.allowed_actions(self.ctx.uow(), self.ctx.actor,
                                                    self.reference)
        self.reloaded.emit()

    def saved(self) -> None:
        """After a save: show the case as it now is and tell the rest of the window."""
        self.reload()
        self.changed.emit()

    def run(self, fn: Callable[[], Any]) -> bool:
        """Run a one-step service call; a refusal or a stale version is reported, not raised."""
        try:
            fn()
        except StaleEdit as exc:
            self.stale.emit(exc.message)
            return False
        except DomainError as exc:
            self.refused.emit(exc.message)
            return False
        self.saved()
        return True

    def history(self) -> list[HistoryRow]:
        return history.case_history(self.ctx.uow(), self.ctx.actor, self.reference)
