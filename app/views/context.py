"""What every widget is given: a way to open a unit of work, the signed-in actor, settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.config import Settings
from app.db import UnitOfWork
from app.services.context import Actor


@dataclass
class AppContext:
    uow: Callable[[], UnitOfWork]
    actor: Actor
    settings: Settings
