"""Errors a user can cause. Each carries a message fit to show as it is."""

from __future__ import annotations


class DomainError(Exception):
    """A rule was broken; nothing was saved. ``field`` names the input it concerns, if any."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(DomainError):
    """An input is missing or malformed."""


class ReasonRequired(ValidationError):
    """Opening this case must say why (a restricted case one is not assigned to)."""


class WorkflowError(DomainError):
    """The case is not at a stage where this can happen."""


class NotFound(DomainError):
    """The record asked for does not exist (or the user may not know that it does)."""


class AccessDenied(DomainError):
    """The acting user's role or assignment does not allow this."""


class StaleEdit(DomainError):
    """Someone else saved the same record since it was read."""


class AuthenticationFailed(DomainError):
    """Wrong user name or password, or the account is locked or disabled."""


class DatabaseProblem(DomainError):
    """The database file is missing, damaged, locked, or not a Pathways database."""


class DocumentFailed(DomainError):
    """A document could not be laid out or rendered; nothing was filed."""
