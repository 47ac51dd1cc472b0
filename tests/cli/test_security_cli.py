"""The access matrix and the data-protection commands through the command line, as a user
would run them: every refusal is one line on stderr and a non-zero exit, nothing written."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import EXIT_REFUSED, main
from app.db import Database
from tests.factories import PASSWORD
from tests.services.test_security_matrix import World, build, expected

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    monkeypatch.delenv("PATHWAYS_USER", raising=False)

    def _run(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--database", url, *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def refused_line(code: int, out: str, err: str) -> str:
    assert code == EXIT_REFUSED, (code, out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pathways: "), err
    return lines[0]


@pytest.fixture
def world(db: Database) -> World:
    return build(db)


ONE_PER_ROLE = ("coordinator", "administrator", "navigator", "facilitator", "mentor")


def test_the_matrix_through_the_cli(db: Database, world: World, run: Run,
                                    tmp_path: Path) -> None:
    wrong: list[str] = []
    # first case of each worker pair: own, scheme and other scope for every front-line role
    printed = [r for r, c in world.cases.items() if c[1] in ("navigator", "facilitator",
                                                             "mentor")]
    for who in ONE_PER_ROLE:
        username = world.actors[who].username
        code, out, err = run(db.url, "--user", username, "case", "list", "--json")
        assert code == 0, err
        listed = {r["reference"] for r in json.loads(out)}
        for ref in world.cases:
            if (ref in listed) != expected(world, who, ref, "list", False):
                wrong.append(f"{who} list {ref}")
            want = expected(world, who, ref, "view", False)
            # a reason, for the restricted cases a coordinator is not assigned to (s.62)
            code, out, err = run(db.url, "--user", username, "case", "show", ref, "--json",
                                 "--reason", "Access matrix check")
            if want:
                assert code == 0 and json.loads(out)["reference"] == ref, err
            else:
                line = refused_line(code, out, err)
                if f"do not have access to case {ref}" not in line:
                    wrong.append(f"{who} show {ref}: {line}")
            if ref in printed:
                pdf = tmp_path / f"{who}-{ref}.pdf"
                code, out, err = run(db.url, "--user", username, "document",
                                     "outcome-officer", ref, "--out", str(pdf),
                                     "--reason", "Access matrix check")
                if expected(world, who, ref, "print", False):
                    assert code == 0 and pdf.read_bytes().startswith(b"%PDF"), err
                else:
                    refused_line(code, out, err)
                    assert not pdf.exists()
    assert not wrong, "\n".join(wrong)


def test_wrong_password_is_refused_on_every_call(db: Database, world: World, run: Run,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ref = next(iter(world.cases))
    monkeypatch.setenv("PATHWAYS_PASSWORD", "not the password")
    line = refused_line(*run(db.url, "--user", world.actors["coordinator"].username,
                             "case", "show", ref))
    assert line == "pathways: The user name or password is not right."


def test_audit_command_filters_and_exports_for_coordinators_only(
        db: Database, world: World, run: Run, tmp_path: Path) -> None:
    ref = next(r for r, c in world.cases.items() if c[1] == "navigator" and not c[3])
    nav = world.actors["navigator"].username
    fac = world.actors["facilitator"].username
    assert run(db.url, "--user", nav, "case", "show", ref)[0] == 0
    refused_line(*run(db.url, "--user", fac, "case", "show", ref))
    coord = world.actors["coordinator"].username
    code, out, err = run(db.url, "--user", coord, "audit", "--case", ref, "--user", nav,
                         "--action", "case.view")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[-1] == "1 audit rows" and nav in lines[0] and ref in lines[0]
    out_csv = tmp_path / "trail.csv"
    code, out, err = run(db.url, "--user", world.actors["administrator"].username, "audit",
                         "--case", ref, "--from", "2020-01-01", "--to", "2099-12-31",
                         "--csv", str(out_csv))
    assert code == 0, err
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r["user"], r["action"]) for r in rows} >= {(nav, "case.view"),
                                                         (fac, "case.view-refused")}
    for who in ("navigator", "facilitator", "mentor"):
        refused_line(*run(db.url, "--user", world.actors[who].username, "audit"))
    code, _, err = run(db.url, "--user", coord, "audit", "--from", "yesterday")
    assert code == 2 and "is not a date" in err and len(err.strip().splitlines()) == 1


def test_sar_command_writes_the_pack_for_coordinators_only(
        db: Database, world: World, run: Run, tmp_path: Path) -> None:
    ref = next(iter(world.cases))
    code, out, err = run(db.url, "--user", world.actors["coordinator"].username, "case",
                         "show", ref, "--json")
    person_id = json.loads(out)["participant_details"]["person_id"]
    for who in ("navigator", "administrator", "mentor"):
        refused_line(*run(db.url, "--user", world.actors[who].username, "sar",
                          str(person_id), "--out", str(tmp_path / who)))
        assert not (tmp_path / who).exists()
    code, out, err = run(db.url, "--user", world.actors["coordinator"].username, "sar",
                         str(person_id), "--out", str(tmp_path / "pack"))
    assert code == 0, err
    assert f"subject access export for person {person_id}" in out
    data = json.loads((tmp_path / "pack" / "data.json").read_text(encoding="utf-8"))
    assert ref in {c["reference"] for c in data["tables"]["cases"]}
    line = refused_line(*run(db.url, "--user", world.actors["coordinator"].username, "sar",
                             "999999", "--out", str(tmp_path / "none")))
    assert line == "pathways: There is no person 999999."


def test_retention_commands(db: Database, world: World, run: Run) -> None:
    from tests.services.test_security_retention import closed_case

    coord, admin = world.actors["coordinator"], world.actors["administrator"]
    ref = closed_case(db, coord, world.actors["navigator"])
    code, out, err = run(db.url, "--user", coord.username, "retention", "queue")
    assert code == 0, err
    assert out.splitlines()[0].startswith(ref) and out.splitlines()[-1] == \
        "1 cases due for review"
    refused_line(*run(db.url, "--user", world.actors["navigator"].username, "retention",
                      "queue"))
    refused_line(*run(db.url, "--user", coord.username, "retention", "period", "cp", "3"))
    assert run(db.url, "--user", admin.username, "retention", "period", "cp", "3")[0] == 0
    assert run(db.url, "--user", coord.username, "retention", "hold", ref, "--reason",
               "Court order")[0] == 0
    line = refused_line(*run(db.url, "--user", coord.username, "retention", "delete", ref,
                             "--yes"))
    assert "under legal hold" in line
    assert run(db.url, "--user", coord.username, "retention", "release", ref, "--reason",
               "Order lifted")[0] == 0
    line = refused_line(*run(db.url, "--user", coord.username, "retention", "delete", ref))
    assert "run again with --yes" in line
    code, out, err = run(db.url, "--user", coord.username, "retention", "delete", ref,
                         "--reason", "Period over", "--yes")
    assert code == 0 and out.startswith(f"{ref} deleted with 1 people records"), err
    line = refused_line(*run(db.url, "--user", coord.username, "case", "show", ref))
    assert ref in line
