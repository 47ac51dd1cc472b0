"""``pathways practitioner ...`` on a real database file (and PostgreSQL): the register,
a DBS check, supervision and a conflict, with refusals as one line and a non-zero exit."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.cli import main
from app.models.cases import Scheme
from app.models.practitioners import PractitionerKind
from app.models.users import Role
from app.services import practitioners
from app.services.practitioners import PractitionerInput
from tests.factories import PASSWORD, make_case, make_user


@pytest.fixture
def run(capsys, monkeypatch, db):
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)

    def _run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--database", db.url, *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_practitioner_commands(db, run) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord")
    make_user(db, Role.FACILITATOR, "gwen", "Gwen Pryce")
    make_user(db, Role.ADMINISTRATOR, "boss")
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION)
    practitioners.add_practitioner(db.uow(), coord, "gwen", PractitionerInput(
        kind=PractitionerKind.VOLUNTEER, schemes=(Scheme.NEIGHBOURHOOD_RESOLUTION,),
        started_on=date(2024, 1, 8)))

    code, out, err = run("--user", "coord", "practitioner", "check", "gwen", "--level",
                         "enhanced-barred", "--number", "001234567890", "--issued", "2025-02-03")
    assert (code, out.strip()) == (0, "DBS check recorded for gwen: next due 2028-02-03"), err
    code, out, err = run("--user", "coord", "practitioner", "check", "gwen", "--level",
                         "enhanced", "--number", "12", "--issued", "2025-02-03")
    assert code == 3 and err.strip() == "pathways: A DBS certificate number is 12 digits."
    code, _, err = run("--user", "coord", "practitioner", "check", "gwen", "--level", "gold",
                       "--number", "1", "--issued", "2025-02-03")
    assert code == 2 and "unknown DBS level 'gold'" in err
    code, out, err = run("--user", "coord", "practitioner", "supervision", "gwen", "--on",
                         "2026-11-20", "--by", "coord", "--notes", "Preparation visits",
                         "--cases", ref)
    assert code == 0, err
    code, out, err = run("--user", "gwen", "practitioner", "conflict", "gwen", "--person",
                         "Harriet Wells", "--how", "Neighbour")
    assert code == 0 and "conflict of interest recorded" in out, err

    code, out, err = run("--user", "coord", "practitioner", "list", "--json")
    [row] = json.loads(out)
    assert (row["username"], row["next_check_due"], row["last_supervision"], row["status"],
            row["check_lapsed"]) == ("gwen", "2028-02-03", "2026-11-20", "active", False)
    code, out, err = run("--user", "gwen", "practitioner", "show", "gwen", "--json")
    shown = json.loads(out)
    assert shown["supervision"][0]["cases_discussed"] == [ref]
    assert shown["conflicts"][0]["person_name"] == "Harriet Wells"
    code, out, err = run("--user", "boss", "practitioner", "list")
    assert code == 3 and err.strip() == ("pathways: Administrators manage accounts, not "
                                         "practitioner records.")
