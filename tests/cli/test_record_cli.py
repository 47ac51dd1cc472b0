"""``pathways --user U record history REF``: a case's corrections in words, on both stores."""

from __future__ import annotations

import json
from datetime import date, timedelta

from app.cli import main
from app.db import Database
from app.models.users import Role
from app.services import corrections, pathways
from app.services.enums import EntryKind, InterventionKind, Scheme
from tests.factories import PASSWORD, make_case, make_user


def test_record_history_prints_each_correction(db: Database, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PATHWAYS_PASSWORD", PASSWORD)
    coord = make_user(db, Role.COORDINATOR, "coord", "Morgan Coordinator")
    nav = make_user(db, Role.NAVIGATOR, "nav", "Priya Navigator")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=20)
    iid = pathways.log_intervention(db.uow(), nav, ref, pathways.InterventionInput(
        InterventionKind.CONTACT, date.today() - timedelta(days=2), "Phone call"))
    corrections.amend(db.uow(), nav, ref, EntryKind.INTERVENTION, iid,
                      {"summary": "Home visit"}, "Wrong kind of contact written")
    corrections.mark_entered_in_error(db.uow(), coord, ref, EntryKind.INTERVENTION, iid,
                                      "Belongs to another case")
    capsys.readouterr()
    assert main(["--database", db.url, "--user", "coord", "record", "history", ref]) == 0
    out = capsys.readouterr().out
    assert "Morgan Coordinator: Intervention marked entered in error" in out
    assert "Priya Navigator: Intervention amended: summary" in out
    assert "Summary: Phone call -> Home visit" in out
    assert "reason: Belongs to another case" in out and out.rstrip().endswith("2 corrections")
    assert main(["--database", db.url, "--user", "coord", "record", "history", ref,
                 "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["entered in error", "amended"]
    assert rows[0]["record_in_error"] is True
    # someone who may not see the case is refused in one line
    make_user(db, Role.MENTOR, "mentor")
    assert main(["--database", db.url, "--user", "mentor", "record", "history", ref]) != 0
    err = capsys.readouterr().err
    assert err.strip().startswith("pathways: You do not have access")
