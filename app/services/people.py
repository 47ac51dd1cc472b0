"""People and the parties on a case: details, duplicate checks, roles and consent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.db import UnitOfWork
from app.errors import NotFound, StaleEdit, ValidationError, WorkflowError
from app.models.cases import (
    Case,
    CaseParty,
    CaseStatus,
    ConsentAction,
    ConsentRecord,
    DataSubjectCategory,
    PartyRole,
    Scheme,
)
from app.models.people import DocumentFormat, Gender, Person
from app.models.users import User
from app.services import access, audit, languages
from app.services.access import Action
from app.services.context import Actor
from app.services.dates import check_date

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


@dataclass(frozen=True)
class PersonInput:
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    gender: Gender = Gender.NOT_STATED
    address_line1: str | None = None
    address_line2: str | None = None
    town: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    #: An ISO 639 code from ``app.services.languages`` (a language's name is accepted too).
    language: str = "en"
    interpreter_needed: bool = False
    communication_needs: str | None = None
    document_format: DocumentFormat = DocumentFormat.STANDARD


@dataclass(frozen=True)
class PersonMatch:
    """A possible duplicate: enough to recognise the person, no contact details."""

    id: int
    name: str
    date_of_birth: date | None
    case_references: tuple[str, ...]
    first_name: str = ""
    last_name: str = ""


def search_key(first: str, last: str) -> str:
    return f"{last.strip()} {first.strip()}".lower()


def _clean(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def validate_person(data: PersonInput) -> None:
    if not data.first_name.strip():
        raise ValidationError("Enter the first name.", field="first_name")
    if not data.last_name.strip():
        raise ValidationError("Enter the last name.", field="last_name")
    if len(data.first_name) > 80 or len(data.last_name) > 80:
        raise ValidationError("Names are at most 80 characters.", field="last_name")
    if data.date_of_birth is not None:
        check_date(data.date_of_birth, "date of birth", "date_of_birth")
    if data.email and not EMAIL.match(data.email.strip()):
        raise ValidationError(f"{data.email.strip()!r} is not an email address.", field="email")
    if data.postcode and not POSTCODE.match(data.postcode.strip().upper()):
        raise ValidationError(f"{data.postcode.strip()!r} is not a UK postcode.", field="postcode")
    if data.phone and not re.fullmatch(r"[0-9 +()-]{6,30}", data.phone.strip()):
        raise ValidationError("A phone number has digits, spaces and + ( ) - only.",
                              field="phone")
    if data.language and languages.code_for(data.language) is None:
        raise ValidationError(f"{data.language.strip()!r} is not a language on the list; choose "
                              "one (or 'Not known').", field="language")


def new_person(data: PersonInput) -> Person:
    validate_person(data)
    person = Person()
    _apply(person, data)
    return person


def _apply(person: Person, data: PersonInput) -> None:
    person.first_name = data.first_name.strip()
    person.last_name = data.last_name.strip()
    person.search_name = search_key(data.first_name, data.last_name)
    person.date_of_birth = data.date_of_birth
    person.gender = data.gender
    person.address_line1 = _clean(data.address_line1)
    person.address_line2 = _clean(data.address_line2)
    person.town = _clean(data.town)
    postcode = _clean(data.postcode)
    person.postcode = postcode.upper() if postcode else None
    person.phone = _clean(data.phone)
    person.email = _clean(data.email)
    person.language = languages.code_for(data.language) or languages.ENGLISH
    person.interpreter_needed = data.interpreter_needed
    person.communication_needs = _clean(data.communication_needs)
    person.document_format = data.document_format


def possible_duplicates(
    uow: UnitOfWork, actor: Actor, first_name: str, last_name: str, date_of_birth: date | None
) -> list[PersonMatch]:
    """People with the same name and date of birth, to warn at intake. Only those who take
    referrals may ask, and only the cases they may see are named."""
    access.require(actor, Action.REFER)
    if not first_name.strip() or not last_name.strip() or date_of_birth is None:
        return []
    with uow:
        uow.begin_write()
        read_all = access.navigators_read_all(uow)
        people = uow.session.scalars(
            select(Person).where(
                Person.search_name == search_key(first_name, last_name),
                Person.date_of_birth == date_of_birth,
            )
        ).all()
        matches = []
        for p in people:
            cases = uow.session.scalars(
                select(Case).join(CaseParty, CaseParty.case_id == Case.id)
                .where(CaseParty.person_id == p.id).order_by(Case.reference)
            ).all()
            refs = tuple(c.reference for c in cases if access.can_view(actor, c,
                                                                       read_all=read_all))
            # someone known only on cases this user may not see is not shown at all: the
            # check must not tell whether a person is on a restricted case
            if refs:
                matches.append(PersonMatch(p.id, p.full_name, p.date_of_birth, refs))
        audit.record(uow, actor, "person.duplicate-check", "people",
                     detail=f"{len(matches)} matches shown")
        uow.commit()
        return matches


def update_person(
    uow: UnitOfWork, actor: Actor, reference: str, person_id: int, data: PersonInput,
    expected_version: int | None = None, *, person_version: int | None = None,
) -> None:
    """Change a party's details. ``expected_version`` is the case's, ``person_version`` the
    person's own: someone may have changed the same person through another case."""
    from app.services.cases import open_for_edit, touch

    validate_person(data)
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if person_id not in {p.person_id for p in case.parties}:
            raise NotFound("That person is not a party on this case.")
        person = uow.session.get(Person, person_id)
        assert person is not None
        _check_person_version(uow, person, person_version)
        _apply(person, data)
        person.updated_by_id = actor.user_id
        if person_id == case.participant_id:
            case.participant_search = person.search_name
        touch(case, actor)
        audit.record(uow, actor, "person.update", "people", person.id, case_id=case.id,
                     person_id=person.id)
        uow.commit()


def _check_person_version(uow: UnitOfWork, person: Person, expected: int | None) -> None:
    if expected is None or expected == person.version:
        return
    who = uow.session.get(User, person.updated_by_id) if person.updated_by_id else None
    name = who.full_name if who else "another user"
    when = person.updated_at.astimezone().strftime("%H:%M on %d %b %Y")
    raise StaleEdit(
        f"{person.full_name}'s details were changed by {name} at {when} after you opened them "
        "(perhaps on another case). Reload to see their changes; nothing of yours was saved.")


def add_party(
    uow: UnitOfWork, actor: Actor, reference: str, role: PartyRole, person: PersonInput,
    *, wants_updates: bool = True, expected_version: int | None = None,
) -> int:
    """Add a harmed party, supporter, guardian... Returns the party id."""
    from app.services.cases import open_for_edit, touch

    if role is PartyRole.PARTICIPANT:
        raise ValidationError("A case has one participant, recorded at referral.", field="role")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        if role is PartyRole.HARMER and case.scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION:
            raise ValidationError(f"A {case.scheme.label} case has one person responsible, its "
                                  "participant.", field="role")
        p = new_person(person)
        uow.session.add(p)
        uow.session.flush()
        party = CaseParty(case_id=case.id, person_id=p.id, role=role, wants_updates=wants_updates)
        uow.session.add(party)
        touch(case, actor)
        uow.session.flush()
        audit.record(uow, actor, "party.add", "case_parties", party.id, case_id=case.id,
                     person_id=p.id, detail=role.value)
        uow.commit()
        return party.id


def set_category(uow: UnitOfWork, actor: Actor, reference: str, party_id: int,
                 category: DataSubjectCategory, *, expected_version: int | None = None) -> None:
    """Record the ICO's category of data subject for one party on this case (DPA 2018
    s.38(3): suspect or offender, victim, witness, other). Audited with the old and new."""
    from app.services.casecore import case_edit

    category = DataSubjectCategory(category)
    with case_edit(uow, actor, reference, expected_version) as edit:
        party = next((p for p in edit.case.parties if p.id == party_id), None)
        if party is None:
            raise NotFound(f"Party {party_id} is not on case {edit.case.reference}.")
        if party.category is category:
            raise ValidationError(f"This party is already recorded as {category.value}.",
                                  field="category")
        before = party.category
        party.category = category
        edit.audit("party.category", "case_parties", party.id, person_id=party.person_id,
                   detail=f"{before.value} -> {category.value}")


def _advance_when_all_consent(uow: UnitOfWork, actor: Actor, case: Case, on: date) -> None:
    """Neighbourhood Resolution moves to 'consent obtained' when the last needed consent comes."""
    from app.services.cases import NEEDS_CONSENT, current_consent, move_within

    if case.scheme is not Scheme.NEIGHBOURHOOD_RESOLUTION or case.status is not CaseStatus.ASSESSED:
        return
    needed = [p for p in case.parties if p.role in NEEDS_CONSENT]
    consent = current_consent(uow.session, case)
    if any(p.role is PartyRole.HARMED for p in needed) and all(consent[p.id] for p in needed):
        move_within(uow, actor, case, CaseStatus.CONSENT_OBTAINED, on)


def check_consent_date(on: date, previous: date | None, following: date | None = None) -> None:
    """A consent record's date: not in the future, and in order with the party's other live
    records (recording and amending share this)."""
    if on > date.today():
        raise ValidationError("Consent cannot be dated in the future.", field="on")
    if previous is not None and on < previous:
        raise ValidationError("This date is before the last consent record.", field="on")
    if following is not None and on > following:
        raise ValidationError("This date is after the next consent record.", field="on")


def record_consent(
    uow: UnitOfWork, actor: Actor, reference: str, party_id: int, action: ConsentAction,
    on: date, *, notes: str | None = None, expected_version: int | None = None,
) -> None:
    """Consent is a dated record; withdrawing it is a record too, never a deletion."""
    from app.services.cases import open_for_edit, touch

    check_consent_date(on, None)
    check_date(on, "consent date", "on")
    with uow:
        case = open_for_edit(uow, actor, reference, expected_version)
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise NotFound("That party is not on this case.")
        latest = party.consents[-1] if party.consents else None
        if latest is not None and latest.action is action:
            raise WorkflowError(f"Consent is already {action.value} for {party.person.full_name}.")
        if action is ConsentAction.WITHDRAWN and latest is None:
            raise WorkflowError("There is no consent to withdraw.")
        check_consent_date(on, latest.on if latest is not None else None)
        party.consents.append(ConsentRecord(action=action, on=on, recorded_by_id=actor.user_id,
                                            notes=_clean(notes)))
        uow.session.flush()
        _advance_when_all_consent(uow, actor, case, on)
        touch(case, actor)
        audit.record(uow, actor, f"consent.{action.value}", "case_parties", party.id,
                     case_id=case.id, person_id=party.person_id)
        uow.commit()
