"""Importing referrals from CSV: all rows or none, each bad row named by its line; and fuzzing
of the importer and of the services' validation: a bad input is a DomainError with nothing
written, never a crash and never half a save."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.db import Database
from app.errors import DomainError
from app.models.cases import PartyRole, Scheme
from app.models.conferences import AttendeeRole, MeetingKind
from app.models.contracts import ConditionKind
from app.models.people import Gender
from app.models.users import Role
from app.services import appointments, cases, contracts, importer, meetings, pathways, people
from app.services.appointments import AppointmentInput
from app.services.contracts import ConditionInput
from app.services.meetings import AttendeeInput
from app.services.pathways import InterventionInput, InterventionKind
from app.services.people import PersonInput
from tests.factories import make_case, make_user
from tests.services.journeys import checkpoint_eligible, count, nr_consented, snapshot

TODAY = date.today()
GOOD = [
    {"scheme": "cp", "first_name": "Tomos", "last_name": "Pryce", "date_of_birth": "1990-04-02",
     "gender": "male", "postcode": "DL1 1AA", "offence_code": "theft-shop",
     "offence_date": (TODAY - timedelta(days=6)).isoformat(), "crime_reference": "DU26IMP001",
     "risk_band": "low", "referral_date": (TODAY - timedelta(days=3)).strftime("%d/%m/%Y"),
     "referral_source": "Police custody", "referring_officer": "PC 1 Example",
     "eligibility": "lives-in-area=yes; offended-in-area=yes; admission=yes; "
                    "held-for-court=no; mental-health-act=no; on-court-order=no; co-accused=no",
     "first_time_entrant": "yes"},
    {"scheme": "nr", "first_name": "Ola", "last_name": "Nowak", "offence_code":
     "neighbour-dispute", "referral_date": TODAY.isoformat(),
     "referral_source": "housing  PROVIDER",
     "harmed_first_name": "Ruth", "harmed_last_name": "Gale",
     "eligibility": "all-parties-willing=yes"},
    {"scheme": "gtc", "first_name": "Nia", "last_name": "Hughes", "gender": "female",
     "offence_code": "theft-shop", "referral_date": TODAY.isoformat(),
     "referral_source": "Court", "eligibility": "charged-theft=yes; agrees-to-engage=yes",
     "first_time_entrant": "no"},
]


def to_csv(rows: list[dict[str, str]], columns: tuple[str, ...] = importer.COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def coord(db: Database):
    return make_user(db, Role.COORDINATOR)


def test_every_good_row_becomes_a_referral(db: Database, coord) -> None:
    result = importer.import_referrals(db.uow(), coord, to_csv(GOOD))
    assert [r.split("-")[0] for r in result.references] == ["CP", "NR", "GTC"]
    assert count(db, "cases") == 3
    assert count(db, "case_parties") == 4  # the harmed party of the NR row too
    assert count(db, "audit_events", "action = 'case.create'") == 3
    assert count(db, "cases", "referral_source = 'Housing provider'") == 1  # as listed
    assert count(db, "cases", "first_time_entrant IS NULL") == 1  # not asked for NR


@pytest.mark.parametrize(("change", "phrase"), [
    (dict(referral_source="The pub"), "'The pub' is not on the partnership's list"),
    (dict(eligibility="lives-in-area=yes"), "not answered: Offence committed in the area"),
    (dict(first_time_entrant=""), "first-time entrant"),
    (dict(first_time_entrant="maybe"), "first_time_entrant 'maybe' is not yes or no"),
])
def test_a_row_without_an_answer_or_with_an_unlisted_source_is_refused(
        db: Database, coord, change, phrase) -> None:
    before = snapshot(db)
    with pytest.raises(importer.ImportRefused) as info:
        importer.import_referrals(db.uow(), coord, to_csv([dict(GOOD[0], **change)]))
    assert phrase in info.value.problems[0].message
    assert snapshot(db) == before


def test_bad_rows_are_each_named_by_line_and_nothing_is_imported(db: Database, coord) -> None:
    bad = [dict(GOOD[0]), dict(GOOD[1], scheme="xx"), dict(GOOD[2], gender="male"),
           dict(GOOD[0], referral_date="31/02/2026"), dict(GOOD[1], email="not-an-email")]
    before = snapshot(db)
    with pytest.raises(importer.ImportRefused) as info:
        importer.import_referrals(db.uow(), coord, to_csv(bad))
    problems = [(p.line, p.message) for p in info.value.problems]
    assert [line for line, _ in problems] == [3, 4, 5, 6]
    assert "scheme 'xx' is not cp, nr or gtc" in problems[0][1]
    assert "Gateway to Change is for women" in problems[1][1]
    assert "'31/02/2026' is not a date" in problems[2][1]
    assert "not an email address" in problems[3][1]
    assert snapshot(db) == before


def test_line_numbers_count_quoted_newlines_and_blank_lines(db: Database, coord) -> None:
    text = to_csv([dict(GOOD[1], referral_source="Housing\nprovider"), {}, dict(GOOD[1],
                   first_name="")]).decode()
    with pytest.raises(importer.ImportRefused) as info:
        importer.import_referrals(db.uow(), coord, text.encode())
    assert [(p.line, p.message) for p in info.value.problems] == [(5, "first_name is empty.")]


@pytest.mark.parametrize(("data", "phrase"), [
    (b"", "The file is empty"),
    (b"\xff\xfe\x00n\x00a\x00m\x00e", "not UTF-8"),
    (b"scheme,first_name\ncp,Jo\n", "missing columns: last_name, referral_date"),
    (to_csv(GOOD, (*importer.COLUMNS, "shoe_size")), "unknown columns: 'shoe_size'"),
    (to_csv([]), "a header but no rows"),
    (b"scheme,first_name,last_name,referral_date,referral_source\ncp,Jo\n", "Line 2"),
])
def test_a_malformed_file_is_refused_whole(db: Database, coord, data: bytes,
                                           phrase: str) -> None:
    with pytest.raises(DomainError, match=phrase):
        importer.import_referrals(db.uow(), coord, data)
    assert count(db, "cases") == 0


def test_a_user_who_may_not_refer_imports_nothing(db: Database) -> None:
    admin = make_user(db, Role.ADMINISTRATOR)
    with pytest.raises(importer.ImportRefused) as info:
        importer.import_referrals(db.uow(), admin, to_csv(GOOD))
    assert len(info.value.problems) == 3
    assert count(db, "cases") == 0


# ---------------------------------------------------------------- fuzzing

junk = st.one_of(st.text(max_size=40), st.sampled_from(
    ["", " ", "cp", "nr", "gtc", "female", "male", "low", "high", "theft-shop",
     "neighbour-dispute", "1990-01-01", "29/02/2024", "2999-01-01", "1850-05-05",
     TODAY.isoformat(), "DL1 1AA", "a@b.co", "x=yes", "admission=maybe", "Robert'); DROP",
     "\x00", "=1+1", "9" * 50]))
row = st.fixed_dictionaries({c: junk for c in importer.COLUMNS})
near_good = st.tuples(st.sampled_from(GOOD), st.sampled_from(importer.COLUMNS), junk).map(
    lambda t: {**t[0], t[1]: t[2]})
FUZZ = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _all_or_nothing(db: Database, action) -> None:
    before = snapshot(db)
    cases_before = count(db, "cases")
    try:
        made = action()
    except DomainError as exc:
        assert exc.message.strip()
        after = snapshot(db)
        assert [t for t in before if before[t] != after[t]] == []
        return
    if isinstance(made, importer.ImportResult):
        assert count(db, "cases") == cases_before + len(made.references)


@FUZZ
@given(rows=st.lists(st.one_of(row, near_good, st.sampled_from(GOOD)), min_size=1,
                     max_size=6))
def test_fuzzed_csv_imports_whole_or_not_at_all(db: Database, coord, rows) -> None:
    _all_or_nothing(db, lambda: importer.import_referrals(db.uow(), coord, to_csv(rows)))


@FUZZ
@given(data=st.binary(max_size=300))
def test_fuzzed_bytes_never_crash_the_importer(db: Database, coord, data: bytes) -> None:
    _all_or_nothing(db, lambda: importer.import_referrals(db.uow(), coord, data))


texts = st.one_of(st.text(max_size=30), st.sampled_from(["", "  ", "ok", "x" * 300]))
days = st.integers(-20000, 400).map(lambda n: TODAY - timedelta(days=n))
opt_texts = st.one_of(st.none(), texts)


@pytest.fixture
def nav(db: Database):
    return make_user(db, Role.NAVIGATOR)


@pytest.fixture
def facs(db: Database):
    return make_user(db, Role.FACILITATOR), make_user(db, Role.FACILITATOR)


# Function-scoped fixtures are made once per test and shared by all its examples, so each
# fuzzed test works on one case that its successful examples keep changing.


@FUZZ
@given(first=texts, last=texts, dob=st.one_of(st.none(), days), postcode=opt_texts,
       email=opt_texts, phone=opt_texts, gender=st.sampled_from(Gender))
def test_fuzzed_people_edits(db: Database, coord, facs, first, last, dob, postcode, email,
                             phone, gender) -> None:
    if count(db, "cases") == 0:
        nr_consented(db, coord, *facs)
    with db.engine.connect() as conn:
        ref, person_id = conn.execute(text("SELECT reference, participant_id FROM cases")).one()
    data = PersonInput(first, last, dob, gender, postcode=postcode, email=email, phone=phone)
    _all_or_nothing(db, lambda: people.update_person(db.uow(), coord, ref, person_id, data))


conditions = st.lists(st.builds(ConditionInput, st.sampled_from(ConditionKind), texts,
                                st.one_of(st.none(), st.sampled_from(
                                    ["alcohol", "drugs", "no-such-pathway", ""]))),
                      max_size=7)


@FUZZ
@given(conds=conditions, hours=st.one_of(st.none(), st.integers(-5, 60)), start=days)
def test_fuzzed_contract_drafts(db: Database, coord, nav, conds, hours, start) -> None:
    if count(db, "cases") == 0:
        checkpoint_eligible(db, coord, nav, referred_days_ago=20)
    ref = _only_case(db)
    _all_or_nothing(db, lambda: contracts.draft_contract(
        db.uow(), nav, ref, start_date=start, conditions=conds, community_hours=hours))


def _only_case(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(text("SELECT reference FROM cases")).scalar_one())


@FUZZ
@given(kind=st.sampled_from(InterventionKind), on=days, summary=texts,
       minutes=st.one_of(st.none(), st.integers(-10, 3000)),
       pathway=st.one_of(st.none(), st.sampled_from(["alcohol", "nope"])),
       purpose=texts, hours_ahead=st.integers(-24 * 400, 24 * 400))
def test_fuzzed_interventions_and_appointments(db: Database, coord, kind, on, summary, minutes,
                                               pathway, purpose, hours_ahead) -> None:
    if count(db, "cases") == 0:
        make_case(db, coord, Scheme.GATEWAY)
    ref = _only_case(db)
    _all_or_nothing(db, lambda: pathways.log_intervention(db.uow(), coord, ref, InterventionInput(
        kind, on, summary, pathway_code=pathway, duration_minutes=minutes)))
    when = datetime.now(UTC) + timedelta(hours=hours_ahead)
    _all_or_nothing(db, lambda: appointments.schedule(db.uow(), coord, ref, AppointmentInput(
        when, purpose, pathway_code=pathway)))


@FUZZ
@given(kind=st.sampled_from(MeetingKind), held=days, venue=opt_texts,
       roles=st.lists(st.tuples(st.sampled_from(AttendeeRole), st.booleans(),
                                st.sampled_from(["harmer", "harmed", "other", "stranger"])),
                      max_size=4))
def test_fuzzed_meetings(db: Database, coord, facs, kind, held, venue, roles) -> None:
    fac, fac2 = facs
    if count(db, "cases") == 0:
        nr_consented(db, coord, fac, fac2)
    ref = _only_case(db)
    with db.engine.connect() as conn:
        parties = dict(conn.execute(text(
            "SELECT p.role, p.id FROM case_parties p JOIN cases c ON c.id = p.case_id "
            "WHERE c.reference = :r"), {"r": ref}).all())
    ids = {"harmer": parties[PartyRole.PARTICIPANT.value], "harmed":
           parties[PartyRole.HARMED.value], "other": None, "stranger": 999_999}
    attendees = [AttendeeInput(role, attended, ids[who], "A Supporter" if who == "other"
                               else None) for role, attended, who in roles]
    _all_or_nothing(db, lambda: meetings.record_meeting(
        db.uow(), fac, ref, kind=kind, held_on=held, facilitator_id=fac.user_id,
        cofacilitator_id=fac2.user_id, venue=venue, attendees=attendees))


@FUZZ
@given(source=texts, when=days, offence=st.sampled_from(["theft-shop", "hate-crime", "zzz",
                                                           None]))
def test_fuzzed_referrals(db: Database, coord, source, when, offence) -> None:
    data = cases.ReferralInput(scheme=Scheme.CHECKPOINT, person=PersonInput("Al", "Bo"),
                               referral_date=when, referral_source=source,
                               offence_code=offence, offence_date=when - timedelta(days=1))
    _all_or_nothing(db, lambda: cases.create_referral(db.uow(), coord, data))


def test_text_too_long_for_its_column_is_refused_alike_on_both_stores(db: Database, coord,
                                                                      facs) -> None:
    """PostgreSQL would refuse it mid-save and SQLite would keep it; both now say why."""
    fac, fac2 = facs
    ref = nr_consented(db, coord, fac, fac2)
    before = snapshot(db)
    with pytest.raises(DomainError, match=r"Venue is too long: at most 200 characters \(201"):
        meetings.record_meeting(
            db.uow(), fac, ref, kind=MeetingKind.FACE_TO_FACE, held_on=TODAY,
            facilitator_id=fac.user_id, cofacilitator_id=fac2.user_id, venue="v" * 201,
            attendees=[AttendeeInput(AttendeeRole.COUNCILLOR, True, None, "A Friend")])
    assert snapshot(db) == before
