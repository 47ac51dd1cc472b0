"""The audit trail as a data-protection officer relies on it: every view, refused view, list,
change, print, export, sign-in and failed sign-in leaves exactly one row; coordinators and
administrators filter and export it (as a formula-safe CSV), nobody else can; and neither the
trail's detail nor the application's logs carry names, addresses or notes."""

from __future__ import annotations

import csv
import logging
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import AccessDenied, AuthenticationFailed, NotFound
from app.models.cases import Scheme
from app.models.pathways import InterventionKind
from app.models.users import Role
from app.services import audit, casefile, documents, pathways, users
from app.services.casefile import CaseFilter
from app.services.context import Actor
from app.services.pathways import InterventionInput
from tests.factories import PASSWORD, make_case, make_user, person

NAME, SURNAME = "Ottoline", "Brackenfield"
STREET, NOTE = "9 Heronsgate Row", "disclosed a private worry about the landlord"


def rows(db: Database, action: str | None = None) -> list[tuple[str, str, int | None]]:
    where = "WHERE action = :a" if action else ""
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            f"SELECT username, action, case_id FROM audit_events {where} ORDER BY id"),
            {"a": action})]


def new_rows(db: Database, since_id: int) -> list[str]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT action FROM audit_events WHERE id > :i ORDER BY id"), {"i": since_id})]


def last_id(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM audit_events"))
                   .scalar_one())


@pytest.fixture
def case_ref(db: Database, coord: Actor, nav: Actor) -> str:
    return make_case(db, coord, Scheme.CHECKPOINT, worker=nav,
                     participant=person(NAME, SURNAME, address_line1=STREET))


def test_each_kind_of_access_writes_exactly_one_row(db: Database, coord: Actor, nav: Actor,
                                                     fac: Actor, case_ref: str,
                                                     tmp_path: Path) -> None:
    steps = [
        ("sign-in", lambda: users.sign_in(db.uow(), nav.username, PASSWORD)),
        ("case.view", lambda: casefile.get_case(db.uow(), nav, case_ref)),
        ("case.list", lambda: casefile.list_cases(db.uow(), nav, CaseFilter(search=SURNAME))),
        ("case.list", lambda: casefile.my_work(db.uow(), nav)),
        ("intervention.log", lambda: pathways.log_intervention(
            db.uow(), nav, case_ref, InterventionInput(InterventionKind.CONTACT, date.today(),
                                                       "Phone call", notes=NOTE))),
        ("document.generate", lambda: documents.generate(db.uow(), coord, case_ref,
                                                         documents.Kind.SUMMARY)),
        ("audit.export", lambda: audit.search(db.uow(), coord, export_to=tmp_path / "a.csv")),
        ("audit.search", lambda: audit.search(db.uow(), coord)),
    ]
    for action, step in steps:
        before = last_id(db)
        step()
        written = new_rows(db, before)
        assert len(written) == 1, f"{action}: {written}"
        assert written[0] == action or written[0].startswith(action.split(".")[0]), written

    refusals = [
        ("sign-in.failed", AuthenticationFailed,
         lambda: users.sign_in(db.uow(), nav.username, "wrong password here")),
        ("sign-in.failed", AuthenticationFailed,
         lambda: users.sign_in(db.uow(), "nobody-by-this-name", PASSWORD)),
        ("case.view-refused", AccessDenied, lambda: casefile.get_case(db.uow(), fac, case_ref)),
        # printing a case one may not see is refused at the view, and recorded there
        ("case.view-refused", AccessDenied,
         lambda: documents.preview(db.uow(), fac, case_ref, documents.Kind.CONTRACT)),
    ]
    for action, error, step in refusals:
        before = last_id(db)
        with pytest.raises(error):
            step()
        assert new_rows(db, before) == [action]


def test_list_rows_record_the_filters_but_never_the_search_text(
        db: Database, nav: Actor, case_ref: str) -> None:
    casefile.list_cases(db.uow(), nav, CaseFilter(scheme=Scheme.CHECKPOINT, search=SURNAME))
    casefile.list_cases(db.uow(), nav, CaseFilter(), offset=200)  # a later page: not again
    with db.engine.connect() as conn:
        details = [r[0] for r in conn.execute(text(
            "SELECT detail FROM audit_events WHERE action = 'case.list'"))]
    assert details == ["scheme=checkpoint search; 1 rows"]


def test_coordinators_and_administrators_filter_and_export_others_cannot(
        db: Database, coord: Actor, nav: Actor, fac: Actor, mentor: Actor, case_ref: str,
        tmp_path: Path) -> None:
    admin = make_user(db, Role.ADMINISTRATOR)
    casefile.get_case(db.uow(), nav, case_ref)
    casefile.get_case(db.uow(), coord, case_ref)
    with pytest.raises(AccessDenied):
        casefile.get_case(db.uow(), fac, case_ref)

    by_nav = audit.search(db.uow(), coord, username=nav.username, case_reference=case_ref)
    assert [r.action for r in by_nav] == ["case.view"]
    assert by_nav[0].case_reference == case_ref
    views = audit.search(db.uow(), admin, action="case.view", case_reference=case_ref.lower())
    assert sorted(r.username for r in views) == sorted([nav.username, coord.username])
    refused = audit.search(db.uow(), admin, action="case.view-refused")
    assert [r.username for r in refused] == [fac.username]
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert audit.search(db.uow(), coord, since=tomorrow) == []
    assert audit.search(db.uow(), coord, until=tomorrow, username=fac.username) == refused
    with pytest.raises(NotFound, match="There is no case CP-1999-9999"):
        audit.search(db.uow(), coord, case_reference="CP-1999-9999")

    out = tmp_path / "trail.csv"
    exported = audit.search(db.uow(), coord, case_reference=case_ref, export_to=out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(audit.AUDIT_CSV_HEADER)
    assert len(table) == len(exported) + 1
    assert {row[2] for row in table[1:]} >= {"case.view", "case.view-refused", "case.create"}

    for outsider in (nav, fac, mentor):
        with pytest.raises(AccessDenied, match="Only coordinators and administrators"):
            audit.search(db.uow(), outsider)
        with pytest.raises(AccessDenied):
            audit.search(db.uow(), outsider, export_to=tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()


def test_the_trail_and_the_logs_hold_no_names_addresses_or_notes(
        db: Database, coord: Actor, nav: Actor, fac: Actor, case_ref: str,
        caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    """A whole journey with every logger at DEBUG: nothing personal reaches a log record."""
    caplog.set_level(logging.DEBUG)
    users.sign_in(db.uow(), nav.username, PASSWORD)
    with pytest.raises(AuthenticationFailed):
        users.sign_in(db.uow(), nav.username, "not the password")
    casefile.list_cases(db.uow(), nav, CaseFilter(search=f"{NAME} {SURNAME}"))
    casefile.get_case(db.uow(), nav, case_ref)
    pathways.log_intervention(db.uow(), nav, case_ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Phone call", notes=NOTE))
    with pytest.raises(AccessDenied):
        casefile.get_case(db.uow(), fac, case_ref)
    documents.generate(db.uow(), coord, case_ref, documents.Kind.SUMMARY)
    audit.search(db.uow(), coord, export_to=tmp_path / "trail.csv")
    personal = (NAME, SURNAME, STREET, NOTE, "Heronsgate")
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert not [p for p in personal if p in logged]
    trail = (tmp_path / "trail.csv").read_text(encoding="utf-8-sig")
    assert not [p for p in personal if p in trail]
