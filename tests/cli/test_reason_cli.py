"""At the command line too, opening a restricted case one is not assigned to needs a reason:
``case show --reason``; without one it is refused in one line and nothing is opened."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.cli import EXIT_REFUSED, main
from app.db import Database
from app.models.cases import Scheme
from app.models.users import Role
from app.services import audit
from tests.factories import PASSWORD, make_case, make_user

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    def _run(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--database", url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_case_show_asks_for_a_reason(db: Database, run: Run) -> None:
    coord = make_user(db, Role.COORDINATOR)
    other = make_user(db, Role.COORDINATOR, full_name="Second Coordinator")
    nav = make_user(db, Role.NAVIGATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, offence_code="domestic-abuse")
    url = db.engine.url.render_as_string(hide_password=False)
    code, out, err = run(url, "--user", other.username, "case", "show", ref)
    assert code == EXIT_REFUSED and out == ""
    assert err.strip() == (f"pathways: Case {ref} is restricted and not assigned to you: say "
                           'why with --reason "WHY". Nothing was opened.')
    code, out, _ = run(url, "--user", other.username, "case", "show", ref, "--reason", " ")
    assert code == EXIT_REFUSED and out == ""
    looks = audit.search(db.uow(), coord, action="case.view", case_reference=ref)
    assert looks == []
    code, out, err = run(url, "--user", other.username, "case", "show", ref,
                         "--reason", "Covering for the navigator")
    assert code == 0 and out.startswith(ref), err
    looks = audit.search(db.uow(), coord, action="case.view", case_reference=ref)
    assert [(r.username, r.detail) for r in looks] == [
        (other.username, "reason: Covering for the navigator")]
    # the assigned navigator opens her own case without one
    assert run(url, "--user", nav.username, "case", "show", ref)[0] == 0
