"""Who is acting. Every service call names its actor; rules and the audit trail hang off it."""

from __future__ import annotations

from dataclasses import dataclass

from app.models.users import Role


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    full_name: str
    role: Role
    also_coordinator: bool = False
    #: A new or reset account: the window asks for a new password before anything else.
    must_change_password: bool = False

    @property
    def coordinates(self) -> bool:
        """Coordinators, and administrators who also coordinate, see all cases."""
        return self.role is Role.COORDINATOR or self.also_coordinator

    @property
    def administers(self) -> bool:
        return self.role is Role.ADMINISTRATOR
