"""Users, passwords and sign-in.

Passwords are argon2id at OWASP's floor (19 MiB, 2 passes, 1 lane); a hash made with weaker
parameters is replaced at the next good sign-in. Six failed sign-ins lock an account for 30 minutes.
On a team server set up with ``pathways db setup-server`` each change also reaches the user's own
login role (``server.sync_login``), in the same transaction.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from app.db import UnitOfWork
from app.errors import AccessDenied, AuthenticationFailed, NotFound, ValidationError
from app.models.base import utcnow
from app.models.users import Role, User
from app.services import audit, server
from app.services.context import Actor

HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MAX_FAILED_SIGN_INS = 6
LOCKOUT = timedelta(minutes=30)
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    also_coordinator: bool
    locked_until: datetime | None


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.role, u.active, u.also_coordinator,
                    u.locked_until)


def actor_for(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, user.role, user.also_coordinator,
                 bool(user.must_change_password))


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.",
            field="password",
        )


def has_users(uow: UnitOfWork) -> bool:
    with uow:
        return bool(uow.session.scalar(select(func.count()).select_from(User)))


def create_first_administrator(
    uow: UnitOfWork, username: str, full_name: str, password: str
) -> UserInfo:
    """A new database has no users; its first administrator is made here, once."""
    check_password_strength(password)
    with uow:
        uow.begin_write()
        if uow.session.scalar(select(func.count()).select_from(User)):
            raise AccessDenied("This database already has users; ask an administrator.")
        user = _new_user(username, full_name, Role.ADMINISTRATOR, password)
        uow.session.add(user)
        uow.session.flush()
        server.sync_login(uow, user.username, password, login=True)
        audit.record(uow, None, "user.create", "users", user.id, username=username,
                     detail="first administrator")
        uow.commit()
        return _info(user)


def _new_user(username: str, full_name: str, role: Role, password: str) -> User:
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("-", "").isalnum():
        raise ValidationError(
            "A user name is letters and digits (dots and hyphens allowed).", field="username"
        )
    if not full_name.strip():
        raise ValidationError("Give the user's full name.", field="full_name")
    return User(
        username=username,
        full_name=full_name.strip(),
        role=role,
        password_hash=hash_password(password),
    )


def create_user(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    *,
    also_coordinator: bool = False,
    must_change_password: bool = True,
) -> UserInfo:
    if not actor.administers:
        raise AccessDenied("Only an administrator can add users.")
    check_password_strength(password)
    with uow:
        uow.begin_write()
        user = _new_user(username, full_name, role, password)
        if uow.session.scalar(select(User.id).where(User.username == user.username)):
            raise ValidationError(f"The user name {user.username!r} is taken.", field="username")
        user.also_coordinator = also_coordinator
        user.must_change_password = must_change_password
        uow.session.add(user)
        uow.session.flush()
        server.sync_login(uow, user.username, password, login=True)
        audit.record(uow, actor, "user.create", "users", user.id, detail=role.value)
        uow.commit()
        return _info(user)


def sign_in(uow: UnitOfWork, username: str, password: str) -> Actor:
    """Check a password and return the actor, or refuse with one message for every failure
    (so the message does not tell an attacker which user names exist)."""
    refusal = AuthenticationFailed("The user name or password is not right.")
    now = utcnow()
    with uow:
        uow.begin_write()
        # the row is locked (PostgreSQL) so several desktops signing in as one user at once
        # queue here instead of failing on each other's version of the row
        user = uow.session.scalar(select(User).where(
            User.username == username.strip().lower()).with_for_update())
        if user is None:
            _same_work_as_a_check(password)
            audit.record(uow, None, "sign-in.failed", "users", username="?",
                         detail="unknown user name")
            uow.commit()
            raise refusal
        if user.locked_until and user.locked_until > now:
            audit.record(uow, None, "sign-in.failed", "users", user.id, username=user.username,
                         detail="account locked")
            uow.commit()
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AuthenticationFailed(
                f"This account is locked after too many failed sign-ins. Try again in "
                f"{minutes} minutes or ask an administrator."
            )
        try:
            HASHER.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            user.failed_sign_ins += 1
            if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
                user.locked_until = now + LOCKOUT
                user.failed_sign_ins = 0
            audit.record(uow, None, "sign-in.failed", "users", user.id, username=user.username)
            uow.commit()
            raise refusal from None
        if not user.active:
            audit.record(uow, None, "sign-in.failed", "users", user.id, username=user.username,
                         detail="account disabled")
            uow.commit()
            raise AuthenticationFailed("This account is disabled. Ask an administrator.")
        if HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.failed_sign_ins = 0
        user.locked_until = None
        user.last_sign_in = now
        actor = actor_for(user)
        audit.record(uow, actor, "sign-in", "users", user.id)
        uow.commit()
        return actor


_DUMMY_HASH: list[str] = []


def _same_work_as_a_check(password: str) -> None:
    """An unknown user name costs the same argon2 verification as a known one, so the time a
    refusal takes does not tell which names exist."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password("not any user's password"))
    with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
        HASHER.verify(_DUMMY_HASH[0], password)


def verify_password(uow: UnitOfWork, actor: Actor, password: str) -> None:
    """Unlock an idle-locked window: the same checks as signing in, for the same user."""
    again = sign_in(uow, actor.username, password)
    if again.user_id != actor.user_id:
        raise AuthenticationFailed("The user name or password is not right.")


def change_password(uow: UnitOfWork, actor: Actor, old: str, new: str) -> None:
    check_password_strength(new)
    with uow:
        uow.begin_write()
        user = uow.session.get(User, actor.user_id)
        if user is None:
            raise NotFound("Your account no longer exists.")
        try:
            HASHER.verify(user.password_hash, old)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise AuthenticationFailed("The current password is not right.",
                                       field="old_password") from None
        user.password_hash = hash_password(new)
        user.must_change_password = False
        server.sync_login(uow, user.username, new, login=user.active)
        audit.record(uow, actor, "user.password-change", "users", user.id)
        uow.commit()


def reset_password(uow: UnitOfWork, actor: Actor, username: str, new: str) -> None:
    if not actor.administers:
        raise AccessDenied("Only an administrator can reset passwords.")
    check_password_strength(new)
    with uow:
        uow.begin_write()
        user = _get(uow, username)
        user.password_hash = hash_password(new)
        user.must_change_password = True
        user.locked_until = None
        user.failed_sign_ins = 0
        server.sync_login(uow, user.username, new, login=user.active)
        audit.record(uow, actor, "user.password-reset", "users", user.id)
        uow.commit()


def set_active(uow: UnitOfWork, actor: Actor, username: str, active: bool) -> None:
    if not actor.administers:
        raise AccessDenied("Only an administrator can disable or enable accounts.")
    with uow:
        uow.begin_write()
        user = _get(uow, username)
        if user.id == actor.user_id and not active:
            raise ValidationError("You cannot disable your own account.")
        user.active = active
        server.sync_login(uow, user.username, None, login=active)
        audit.record(uow, actor, "user.enable" if active else "user.disable", "users", user.id)
        uow.commit()


def _get(uow: UnitOfWork, username: str) -> User:
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"There is no user called {username!r}.")
    return user


def list_users(
    uow: UnitOfWork, role: Role | None = None, active_only: bool = True
) -> list[UserInfo]:
    """Users, for pick lists (assigning workers) and the administrator's screen."""
    with uow:
        q = select(User).order_by(User.full_name)
        if role is not None:
            q = q.where(User.role == role)
        if active_only:
            q = q.where(User.active.is_(True))
        return [_info(u) for u in uow.session.scalars(q)]
