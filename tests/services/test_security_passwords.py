"""Passwords and sign-in: argon2id at the required strength, rehash of weaker hashes, lock-out
after six failures for thirty minutes, first administrator once, change, reset and disable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from app.db import Database
from app.errors import AccessDenied, AuthenticationFailed, ValidationError
from app.models.users import Role
from app.services import users
from tests.factories import PASSWORD, make_user


def stored_hash(db: Database, username: str) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(text("SELECT password_hash FROM users WHERE username = :u"),
                                {"u": username}).scalar_one())


def audit_actions(db: Database, username: str) -> list[str]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT action FROM audit_events WHERE username = :u ORDER BY id"), {"u": username})]


def test_hashes_are_argon2id_at_least_19_mib_2_passes_1_lane(db: Database) -> None:
    nav = make_user(db, Role.NAVIGATOR)
    h = stored_hash(db, nav.username)
    assert h.startswith("$argon2id$")
    params = dict(p.split("=") for p in h.split("$")[3].split(","))
    assert int(params["m"]) >= 19456 and int(params["t"]) >= 2 and int(params["p"]) == 1


def test_a_weaker_hash_is_replaced_at_the_next_good_sign_in(db: Database) -> None:
    nav = make_user(db, Role.NAVIGATOR)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE users SET password_hash = :h WHERE id = :i"),
                     {"h": weak, "i": nav.user_id})
    with pytest.raises(AuthenticationFailed):
        users.sign_in(db.uow(), nav.username, "wrong password")
    assert stored_hash(db, nav.username) == weak  # a failure changes nothing
    users.sign_in(db.uow(), nav.username, PASSWORD)
    renewed = stored_hash(db, nav.username)
    assert renewed != weak and "m=19456,t=2,p=1" in renewed
    users.sign_in(db.uow(), nav.username, PASSWORD)


def test_six_failures_lock_the_account_for_thirty_minutes(db: Database) -> None:
    nav = make_user(db, Role.NAVIGATOR)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="not right"):
            users.sign_in(db.uow(), nav.username, "guess")
    users.sign_in(db.uow(), nav.username, PASSWORD)  # five, then a good one: the count resets
    for _ in range(6):
        with pytest.raises(AuthenticationFailed, match="not right"):
            users.sign_in(db.uow(), nav.username, "guess")
    with pytest.raises(AuthenticationFailed, match=r"locked .* Try again in 30 minutes"):
        users.sign_in(db.uow(), nav.username, PASSWORD)  # even the right password
    with db.engine.connect() as conn:
        until = conn.execute(text("SELECT locked_until FROM users WHERE id = :i"),
                             {"i": nav.user_id}).scalar_one()
    assert until is not None
    # thirty minutes later (moved back in the stored row, as the clock cannot be waited on)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE users SET locked_until = :t WHERE id = :i"),
                     {"t": datetime.now(UTC) - timedelta(seconds=1), "i": nav.user_id})
    assert users.sign_in(db.uow(), nav.username, PASSWORD).user_id == nav.user_id
    trail = audit_actions(db, nav.username)
    assert trail.count("sign-in.failed") == 5 + 6 + 1 and trail.count("sign-in") == 2


def test_first_administrator_once_then_change_reset_and_disable(db: Database) -> None:
    with pytest.raises(ValidationError, match="at least 10 characters"):
        users.create_first_administrator(db.uow(), "boss", "Bo Boss", "short")
    info = users.create_first_administrator(db.uow(), "boss", "Bo Boss", "a long passphrase")
    assert info.role is Role.ADMINISTRATOR
    with pytest.raises(AccessDenied, match="already has users"):
        users.create_first_administrator(db.uow(), "boss2", "Second", "a long passphrase")
    admin = users.sign_in(db.uow(), "boss", "a long passphrase")
    nav = make_user(db, Role.NAVIGATOR)

    with pytest.raises(AuthenticationFailed, match="current password is not right"):
        users.change_password(db.uow(), nav, "wrong", "a brand new password")
    users.change_password(db.uow(), nav, PASSWORD, "a brand new password")
    with pytest.raises(AuthenticationFailed):
        users.sign_in(db.uow(), nav.username, PASSWORD)
    users.sign_in(db.uow(), nav.username, "a brand new password")

    with pytest.raises(AccessDenied, match="Only an administrator"):
        users.reset_password(db.uow(), nav, admin.username, "taken over now")
    users.reset_password(db.uow(), admin, nav.username, "reset by the admin")
    users.sign_in(db.uow(), nav.username, "reset by the admin")

    with pytest.raises(AccessDenied):
        users.set_active(db.uow(), nav, admin.username, False)
    with pytest.raises(ValidationError, match="cannot disable your own"):
        users.set_active(db.uow(), admin, admin.username, False)
    users.set_active(db.uow(), admin, nav.username, False)
    with pytest.raises(AuthenticationFailed, match="disabled"):
        users.sign_in(db.uow(), nav.username, "reset by the admin")
    users.set_active(db.uow(), admin, nav.username, True)
    users.sign_in(db.uow(), nav.username, "reset by the admin")
    assert {"user.password-change", "user.password-reset", "user.disable",
            "user.enable"} <= set(audit_actions(db, "boss") + audit_actions(db, nav.username))
