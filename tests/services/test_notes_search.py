"""Searching the notes: every word must match, the last may be a prefix, access rules hold, and
what a user types is never read as search syntax. Runs on SQLite (FTS5) and PostgreSQL (ILIKE)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.db import Database
from app.errors import ValidationError
from app.models.cases import Scheme
from app.models.pathways import InterventionKind
from app.models.users import Role
from app.services import cases, notes_search, pathways
from app.services.context import Actor
from tests.factories import make_case, make_user


def _log(db: Database, actor: Actor, ref: str, summary: str, notes: str | None = None) -> int:
    return pathways.log_intervention(db.uow(), actor, ref, pathways.InterventionInput(
        kind=InterventionKind.CONTACT, occurred_on=date.today() - timedelta(days=1),
        summary=summary, notes=notes))


@pytest.fixture
def setting(db: Database) -> tuple[Actor, Actor, Actor, str, str]:
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    nav2 = make_user(db, Role.NAVIGATOR)
    mine = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, days_ago=30)
    theirs = make_case(db, coord, Scheme.CHECKPOINT, worker=nav2, days_ago=30)
    for ref in (mine, theirs):
        cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    return coord, nav, nav2, mine, theirs


def test_every_word_must_match_and_the_last_may_be_a_prefix(db, setting) -> None:
    coord, nav, nav2, mine, theirs = setting
    tenancy = _log(db, nav, mine, "Home visit", "Talked through the tenancy arrears plan.")
    _log(db, nav, mine, "Phone check-in", "Arrears letter from the council discussed.")
    _log(db, nav2, theirs, "Budgeting session")

    hits = notes_search.search_notes(db.uow(), coord, "tenancy arrears")
    assert [h.intervention_id for h in hits] == [tenancy]
    assert hits[0].case_reference == mine
    assert hits[0].notes == "Talked through the tenancy arrears plan."
    assert {h.summary for h in notes_search.search_notes(db.uow(), coord, "arr")} == {
        "Home visit", "Phone check-in"}
    # the summary is searched as well as the notes
    assert [h.case_reference for h in notes_search.search_notes(db.uow(), coord, "budget")] \
        == [theirs]
    assert notes_search.search_notes(db.uow(), coord, "tenancy budgeting") == []


def test_a_worker_finds_only_notes_on_cases_they_may_see(db, setting) -> None:
    coord, nav, nav2, mine, theirs = setting
    _log(db, nav, mine, "Home visit", "Housing officer present.")
    _log(db, nav2, theirs, "Home visit", "Housing officer absent.")
    assert {h.case_reference for h in notes_search.search_notes(db.uow(), nav, "housing")} \
        == {mine}
    assert {h.case_reference for h in notes_search.search_notes(db.uow(), coord, "housing")} \
        == {mine, theirs}


@pytest.mark.parametrize("typed", ['tenancy" OR *', "NEAR(tenancy", "tenancy^ -", "100%_off"])
def test_search_syntax_in_what_is_typed_is_searched_for_as_words(db, setting, typed) -> None:
    coord, nav, _nav2, mine, _theirs = setting
    _log(db, nav, mine, "Home visit", "The tenancy is safe; 100% of rent paid off.")
    hits = notes_search.search_notes(db.uow(), coord, typed)
    assert all(h.case_reference == mine for h in hits)


@pytest.mark.parametrize("typed", ["", "   ", "?!", "x" * 201])
def test_an_empty_or_overlong_search_is_refused_plainly(db, setting, typed) -> None:
    coord = setting[0]
    with pytest.raises(ValidationError) as refused:
        notes_search.search_notes(db.uow(), coord, typed)
    assert refused.value.field == "text"
