"""Nothing tells an outsider what exists, and the limits of each role hold at the command line:
an unknown user name costs the same password check as a known one; the duplicate check names
only people on cases the asker may see, and is audited; an account that must choose its own
password cannot use the command line until it has; an administrator cannot go below the
partnership's retention floor, nor decide a case's fate at review."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from app.cli import EXIT_REFUSED, main
from app.db import Database
from app.errors import AccessDenied, AuthenticationFailed, ValidationError
from app.models.cases import Scheme
from app.models.users import Role
from app.services import people, retention, users
from tests.factories import PASSWORD, make_case, make_user, person

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--database", url, *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


class CountingHasher(PasswordHasher):
    """argon2's own hasher, counting the verifications it is asked to do."""

    def __init__(self, base: PasswordHasher) -> None:
        super().__init__(base.time_cost, base.memory_cost, base.parallelism)
        self.checked: list[tuple[int, int]] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        params = self._parameters_of(hash)
        self.checked.append(params)
        return super().verify(hash, password)

    @staticmethod
    def _parameters_of(hash: str | bytes) -> tuple[int, int]:
        from argon2 import extract_parameters

        p = extract_parameters(hash if isinstance(hash, str) else hash.decode())
        return p.time_cost, p.memory_cost


def test_unknown_and_known_names_cost_the_same_check(db: Database,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    known = make_user(db, Role.NAVIGATOR)
    counting = CountingHasher(users.HASHER)
    monkeypatch.setattr(users, "HASHER", counting)
    for name in (known.username, "nobody-by-this-name"):
        with pytest.raises(AuthenticationFailed, match="user name or password is not right"):
            users.sign_in(db.uow(), name, "a wrong password!")
    assert len(counting.checked) == 2
    assert counting.checked[0] == counting.checked[1] == (users.HASHER.time_cost,
                                                          users.HASHER.memory_cost)


def test_the_duplicate_check_names_only_what_the_asker_may_see(db: Database) -> None:
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    fac = make_user(db, Role.FACILITATOR)
    born = date.today() - timedelta(days=30 * 365 + 40)
    make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac,
              participant=person("Wilhelmina", "Oakridge", age=30))
    assert [m.name for m in people.possible_duplicates(
        db.uow(), coord, "Wilhelmina", "Oakridge", born)] == ["Wilhelmina Oakridge"]
    assert people.possible_duplicates(db.uow(), nav, "Wilhelmina", "Oakridge", born) == []
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT username, detail FROM audit_events WHERE action = 'person.duplicate-check' "
            "ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(coord.username, "1 matches shown"),
                                        (nav.username, "0 matches shown")]


def test_a_new_password_comes_before_any_command(db: Database, run: Run,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    admin = make_user(db, Role.ADMINISTRATOR)
    users.create_user(db.uow(), admin, "newstarter", "New Starter", Role.NAVIGATOR,
                      "given by the admin")
    monkeypatch.setenv("PATHWAYS_PASSWORD", "given by the admin")
    code, out, err = run(db.url, "--user", "newstarter", "case", "list")
    assert (code, out) == (EXIT_REFUSED, "")
    assert err.strip() == ("pathways: Choose your own password first: run 'pathways --user "
                           "newstarter user passwd'.")
    monkeypatch.setenv("PATHWAYS_NEW_PASSWORD", "chosen by myself")
    assert run(db.url, "--user", "newstarter", "user", "passwd")[0] == 0
    monkeypatch.setenv("PATHWAYS_PASSWORD", "chosen by myself")
    code, out, err = run(db.url, "--user", "newstarter", "case", "list")
    assert (code, err) == (0, "")


def test_retention_floor_and_decisions_belong_to_coordinators(db: Database, run: Run,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    admin = make_user(db, Role.ADMINISTRATOR)
    coord = make_user(db, Role.COORDINATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT)
    with pytest.raises(AccessDenied, match="Only a coordinator can set"):
        retention.set_retention_floor(db.uow(), admin, Scheme.CHECKPOINT, 2)
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    code, out, err = run(db.url, "--user", coord.username, "retention", "floor", "cp", "6")
    assert (code, err) == (0, ""), out
    with pytest.raises(ValidationError, match="below the partnership's floor of 6 years"):
        retention.set_retention_years(db.uow(), admin, Scheme.CHECKPOINT, 3)
    code, out, err = run(db.url, "--user", admin.username, "retention", "period", "cp", "3")
    assert code == EXIT_REFUSED and "floor of 6 years" in err
    retention.set_retention_years(db.uow(), admin, Scheme.CHECKPOINT, 8)  # above it is fine
    retention.set_retention_years(db.uow(), admin, Scheme.GATEWAY, 1)  # another scheme
    for decide in (lambda: retention.delete_case(db.uow(), admin, ref),
                   lambda: retention.anonymise(db.uow(), admin, ref),
                   lambda: retention.keep(db.uow(), admin, ref, "Appeal")):
        with pytest.raises(AccessDenied, match="Only a coordinator can decide"):
            decide()
    code, out, err = run(db.url, "--user", admin.username, "retention", "delete", ref, "--yes")
    assert code == EXIT_REFUSED and "Only a coordinator can decide" in err
