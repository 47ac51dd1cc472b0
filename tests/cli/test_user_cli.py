"""Accounts from the command line: add, list, reset, disable, enable, change my password."""

from __future__ import annotations

import pytest

from app.errors import AuthenticationFailed
from app.models.users import Role
from app.services import users
from tests.cli.test_cli import one_line_error, run  # noqa: F401 - the shared fixture
from tests.factories import PASSWORD, make_user


def test_an_administrator_manages_accounts(db, run, monkeypatch) -> None:  # noqa: F811
    make_user(db, Role.ADMINISTRATOR, "admin")
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "first-password-1")
    code, out, _ = run(db.url, "--user", "admin", "user", "add", "a.rahman", "Aisha Rahman",
                       "--role", "mentor")
    assert code == 0 and "a.rahman added as mentor" in out
    code, out, _ = run(db.url, "--user", "admin", "user", "list")
    assert code == 0 and any(line.split()[:1] == ["a.rahman"] and "active" in line
                             for line in out.splitlines())
    assert users.sign_in(db.uow(), "a.rahman", "first-password-1").must_change_password
    assert run(db.url, "--user", "admin", "user", "disable", "a.rahman")[0] == 0
    with pytest.raises(AuthenticationFailed, match="disabled"):
        users.sign_in(db.uow(), "a.rahman", "first-password-1")
    assert run(db.url, "--user", "admin", "user", "enable", "a.rahman")[0] == 0
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "reset-password-2")
    assert run(db.url, "--user", "admin", "user", "reset", "a.rahman")[0] == 0
    monkeypatch.setenv("PATHWAYS_PASSWORD", "reset-password-2")
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "her-own-choice-3")
    code, out, _ = run(db.url, "--user", "a.rahman", "user", "passwd")
    assert code == 0 and out.strip() == "password changed"
    assert not users.sign_in(db.uow(), "a.rahman", "her-own-choice-3").must_change_password


def test_refusals_are_one_line(db, run, monkeypatch) -> None:  # noqa: F811
    make_user(db, Role.COORDINATOR, "coord")
    make_user(db, Role.ADMINISTRATOR, "admin")
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "short")
    code, _, err = run(db.url, "--user", "admin", "user", "add", "x", "X Y", "--role", "mentor")
    assert code != 0 and "at least 10 characters" in one_line_error(err)
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "long-enough-password")
    code, _, err = run(db.url, "--user", "coord", "user", "add", "x", "X Y", "--role", "mentor")
    assert code != 0 and "Only an administrator" in one_line_error(err)
    code, _, err = run(db.url, "--user", "admin", "user", "add", "x", "X Y", "--role", "chief")
    assert code != 0 and "unknown role 'chief'" in one_line_error(err)
    code, _, err = run(db.url, "--user", "coord", "user", "list")
    assert code != 0 and "Only an administrator" in one_line_error(err)
