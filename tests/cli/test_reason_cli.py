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


def test_every_command_that_reads_a_restricted_case_asks_for_a_reason(
        db: Database, run: Run, tmp_path) -> None:
    """Printing, the corrections, the attachments and the calendar letter read the case as
    much as ``case show`` does: a coordinator not assigned to a restricted case says why (kept
    in the audit as the consultation), and without a reason no file is written."""
    from io import BytesIO

    from PIL import Image

    from app.services import appointments, attachments, cases
    from app.services.appointments import AppointmentInput
    from tests.factories import at
    from tests.services.journeys import days_ago

    coord = make_user(db, Role.COORDINATOR)
    other = make_user(db, Role.COORDINATOR, full_name="Second Coordinator")
    nav = make_user(db, Role.NAVIGATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, offence_code="domestic-abuse",
                    days_ago=30)
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True, on=days_ago(28),
                             override_reason="Victim consulted; supervisor approved")
    appointments.schedule(db.uow(), nav, ref, AppointmentInput(at(2), "Key-work session",
                                                               "Checkpoint office"))
    buf = BytesIO()
    Image.new("RGB", (20, 20), (0, 90, 200)).save(buf, "PNG")
    scan = attachments.add(db.uow(), coord, ref, buf.getvalue(), "form.png")
    url = db.engine.url.render_as_string(hide_password=False)
    commands = {
        "document": (["document", "summary", ref, "--out", str(tmp_path / "s.pdf")],
                     tmp_path / "s.pdf"),
        "record history": (["record", "history", ref], None),
        "attachment list": (["attachment", "list", ref], None),
        "attachment save": (["attachment", "save", str(scan.id), "--out",
                             str(tmp_path / "a.png")], tmp_path / "a.png"),
        "calendar letter": (["calendar", "letter", ref, "--out", str(tmp_path / "c.ics")],
                            tmp_path / "c.ics"),
    }
    for name, (args, written) in commands.items():
        code, out, err = run(url, "--user", other.username, *args)
        assert code == EXIT_REFUSED and out == "", name
        assert 'say why with --reason "WHY". Nothing was opened.' in err, (name, err)
        assert written is None or not written.exists(), name
    assert audit.search(db.uow(), coord, action="case.view", case_reference=ref) == []
    for name, (args, written) in commands.items():
        code, out, err = run(url, "--user", other.username, *args, "--reason",
                             f"Checking for the board: {name}")
        assert code == 0, (name, err)
        assert written is None or written.stat().st_size > 0, name
    looks = audit.search(db.uow(), coord, action="case.view", case_reference=ref)
    assert sorted(r.detail for r in looks) == sorted(
        f"reason: Checking for the board: {name}" for name in commands)
    # the assigned navigator needs no reason for her own case
    assert run(url, "--user", nav.username, "record", "history", ref)[0] == 0
