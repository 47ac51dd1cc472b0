"""Find anyone: each identifier finds its case (accents and case folded, words in any order),
the best match comes first, only cases the reader may see are found, nothing found says what to
try, and the search is audited without its words. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import AccessDenied, ValidationError
from app.models.cases import PartyRole, Scheme
from app.models.people import Gender
from app.models.search import TermKind
from app.models.users import Role
from app.services import casefile, cases, find, people
from app.services.context import Actor
from tests.factories import make_case, make_user, person, referral

DOB = date(1985, 7, 14)


@pytest.fixture
def zofia(db: Database, coord: Actor, nav: Actor) -> str:
    make_case(db, coord, Scheme.CHECKPOINT, worker=nav)  # an earlier case: this one is 0002
    return make_case(db, coord, Scheme.CHECKPOINT, worker=nav, crime_reference="DU26ABC123",
                     participant=replace(person("Zofia", "Wiśniewska", gender=Gender.FEMALE,
                                                postcode="DL3 7AB", phone="07700 900456"),
                                         date_of_birth=DOB))


def refs(db: Database, actor: Actor, typed: str) -> list[str]:
    return [h.reference for h in find.find(db.uow(), actor, typed).hits]


@pytest.mark.parametrize(("typed", "matched"), [
    ("0002", TermKind.REFERENCE), ("2", TermKind.REFERENCE), ("-0002", TermKind.REFERENCE),
    ("zofia", TermKind.NAME), ("WISNIEWSKA", TermKind.NAME), ("Wiśniewska", TermKind.NAME),
    ("zofia wisniewska", TermKind.NAME), ("Wisniewska, Zofia", TermKind.NAME),
    ("zof wis", TermKind.NAME),
    ("14/07/1985", TermKind.DATE_OF_BIRTH), ("14/7/85", TermKind.DATE_OF_BIRTH),
    ("1985-07-14", TermKind.DATE_OF_BIRTH),
    ("DL3 7AB", TermKind.POSTCODE), ("dl37ab", TermKind.POSTCODE), ("DL3", TermKind.POSTCODE),
    ("07700 900456", TermKind.PHONE), ("900456", TermKind.PHONE),
    ("+44 7700 900456", TermKind.PHONE),
    ("du26abc123", TermKind.CRIME_REFERENCE), ("DU26ABC", TermKind.CRIME_REFERENCE),
])
def test_each_identifier_finds_the_case(db: Database, coord: Actor, zofia: str, typed: str,
                                        matched: TermKind) -> None:
    hits = find.find(db.uow(), coord, typed).hits
    assert hits and hits[0].reference == zofia, (typed, hits)
    assert hits[0].matched is matched
    assert hits[0].participant == "Zofia Wiśniewska"


def test_the_whole_reference_and_its_year_part(db: Database, coord: Actor, zofia: str) -> None:
    assert refs(db, coord, zofia) == [zofia]
    year_part = zofia.split("-", 1)[1]  # "2026-0002"
    assert refs(db, coord, year_part)[0] == zofia
    assert set(refs(db, coord, zofia.rsplit("-", 1)[0])) >= {zofia}  # "CP-2026": every case


def test_exact_matches_rank_first_and_the_participant_before_other_parties(
        db: Database, coord: Actor) -> None:
    smithson = make_case(db, coord, Scheme.CHECKPOINT, participant=person("Ann", "Smithson"))
    harmed = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION,
                       participant=person("Lee", "Hall"), harmed=person("Ann", "Smith"))
    smith = make_case(db, coord, Scheme.CHECKPOINT, participant=person("Ann", "Smith"))
    hits = find.find(db.uow(), coord, "ann smith").hits
    assert [h.reference for h in hits] == [smith, harmed, smithson]
    assert [h.exact for h in hits] == [True, True, False]
    assert (hits[1].person, hits[1].role, hits[1].participant) == (
        "Ann Smith", PartyRole.HARMED, "Lee Hall")


def test_only_cases_the_reader_may_see(db: Database, coord: Actor, nav: Actor,
                                       mentor: Actor, zofia: str) -> None:
    assert refs(db, nav, "zofia") == [zofia]
    assert refs(db, mentor, "zofia") == []
    assert refs(db, mentor, "DL3 7AB") == []
    hidden = make_case(db, coord, Scheme.CHECKPOINT, worker=None, restricted=True,
                       participant=person("Zofia", "Nowak"))
    assert hidden in refs(db, coord, "zofia")
    assert hidden not in refs(db, nav, "zofia")


def test_nothing_found_says_what_to_try(db: Database, coord: Actor, zofia: str) -> None:
    result = find.find(db.uow(), coord, "Quentin")
    assert result.hits == ()
    assert result.hint is not None and "Try part of the reference" in result.hint
    assert find.find(db.uow(), coord, "zofia").hint is None
    for typed in ("", "  ", "?!", "x" * 101):
        with pytest.raises(ValidationError):
            find.find(db.uow(), coord, typed)


def test_the_index_follows_a_change_of_name(db: Database, coord: Actor, zofia: str) -> None:
    detail = casefile.get_case(db.uow(), coord, zofia)
    p = detail.participant
    people.update_person(db.uow(), coord, zofia, p.person_id, people.PersonInput(
        first_name="Zofia", last_name="Kowalska", date_of_birth=DOB, gender=Gender.FEMALE,
        postcode="DL1 1AA"), detail.version)
    assert refs(db, coord, "kowalska") == [zofia]
    assert refs(db, coord, "wisniewska") == []
    assert refs(db, coord, "DL3 7AB") == []
    assert zofia in refs(db, coord, "dl1 1aa")


def test_a_search_is_audited_without_its_words(db: Database, coord: Actor, zofia: str) -> None:
    find.find(db.uow(), coord, "Wiśniewska")
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, detail FROM audit_events "
                                 "WHERE action = 'case.find'")).all()
    assert [tuple(r) for r in rows] == [("case.find", "find; 1 hits")]


def test_rebuild_gives_the_same_index(db: Database, coord: Actor, zofia: str) -> None:
    def terms() -> list[tuple[object, ...]]:
        with db.engine.connect() as conn:
            return sorted((tuple(r) for r in conn.execute(text(
                "SELECT case_id, person_id, kind, term FROM search_terms"))),
                          key=lambda r: (r[0], r[1] or 0, r[2], r[3]))
    before = terms()
    with db.engine.begin() as conn:
        find.rebuild(conn)
    assert terms() == before and before


def test_a_repeat_referral_is_offered_the_person_already_recorded(
        db: Database, coord: Actor, nav: Actor, zofia: str) -> None:
    # a close spelling with the same date of birth, names in either order
    for first, last in (("Zofia", "Wisniewska"), ("zofia", "Wiśnievska"),
                        ("Wisniewska", "Zofia")):
        matches = find.matching_people(db.uow(), coord, first, last, DOB)
        assert [(m.name, m.date_of_birth, m.case_references) for m in matches] == [
            ("Zofia Wiśniewska", DOB, (zofia,))], (first, last)
    # the same name with another date of birth is someone else; no date: nearly the same name
    assert find.matching_people(db.uow(), coord, "Zofia", "Wisniewska", date(1990, 1, 1)) == []
    assert [m.name for m in find.matching_people(db.uow(), coord, "Zofia", "Wisniewska",
                                                 None)] == ["Zofia Wiśniewska"]
    assert find.matching_people(db.uow(), coord, "Zara", "Wisniewska", None) == []
    # linking makes no second person
    person_id = find.matching_people(db.uow(), nav, "Zofia", "Wisniewska", DOB)[0].id
    again = cases.create_referral(db.uow(), nav, replace(
        referral(Scheme.CHECKPOINT, worker=nav), person=None, existing_person_id=person_id))
    assert casefile.get_case(db.uow(), nav, again).participant.person_id == person_id
    assert find.matching_people(db.uow(), nav, "Zofia", "Wisniewska", DOB)[0] \
        .case_references == tuple(sorted((zofia, again)))


def test_the_match_list_shows_only_what_the_user_may_know(db: Database, coord: Actor,
                                                          nav: Actor) -> None:
    other = make_user(db, Role.NAVIGATOR)
    mine = make_case(db, coord, Scheme.CHECKPOINT, worker=nav, participant=replace(
        person("Jo", "Bloggs"), date_of_birth=DOB))
    theirs = make_case(db, coord, Scheme.CHECKPOINT, worker=other, participant=replace(
        person("Jo", "Bloggs"), date_of_birth=DOB))
    assert {r for m in find.matching_people(db.uow(), coord, "Jo", "Bloggs", DOB)
            for r in m.case_references} == {mine, theirs}
    seen = find.matching_people(db.uow(), nav, "Jo", "Bloggs", DOB)
    assert [m.case_references for m in seen] == [(mine,)]
    assert find.matching_people(db.uow(), other, "Jo", "Bloggs", DOB)[0].case_references == (
        theirs,)
    with pytest.raises(AccessDenied):
        find.matching_people(db.uow(), make_user(db, Role.FACILITATOR), "Jo", "Bloggs", DOB)
    with db.engine.connect() as conn:
        details = [r[0] for r in conn.execute(text(
            "SELECT detail FROM audit_events WHERE action = 'person.match' ORDER BY id"))]
    assert details == ["referral check; 2 matches", "referral check; 1 matches",
                       "referral check; 1 matches"]
