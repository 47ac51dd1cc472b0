"""Factories for tests: users, people and cases with sensible defaults, made through the
services (so a factory-made case obeys the same rules as a real one)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from app.db import Database
from app.models.cases import RiskBand, Scheme
from app.models.people import Gender
from app.models.users import Role, User
from app.services import cases
from app.services.context import Actor
from app.services.people import PersonInput
from app.services.users import actor_for, hash_password

PASSWORD = "correct horse battery"
_HASH: str | None = None
_seq = itertools.count(1)


def make_user(db: Database, role: Role, username: str | None = None,
              full_name: str | None = None, *, also_coordinator: bool = False) -> Actor:
    """A user straight into the table (hashing once per session keeps tests quick)."""
    global _HASH
    _HASH = _HASH or hash_password(PASSWORD)
    n = next(_seq)
    uow = db.uow()
    with uow:
        user = User(username=username or f"{role.value}{n}",
                    full_name=full_name or f"{role.label} Person{n}", role=role,
                    password_hash=_HASH, also_coordinator=also_coordinator)
        uow.session.add(user)
        uow.commit()
        return actor_for(user)


def person(first: str = "Jordan", last: str = "Avery", *, gender: Gender = Gender.MALE,
           age: int = 30, **kw: object) -> PersonInput:
    dob = date.today() - timedelta(days=age * 365 + 40)
    defaults: dict[str, object] = dict(
        address_line1="12 Test Street", town="Darlington", postcode="DL1 1AA",
        phone="07700 900123", email="jordan@example.org")
    defaults.update(kw)
    return PersonInput(first_name=first, last_name=last, date_of_birth=dob, gender=gender,
                       **defaults)  # type: ignore[arg-type]


CHECKPOINT_YES = {"lives-in-area": True, "offended-in-area": True, "admission": True,
                  "held-for-court": False, "mental-health-act": False, "on-court-order": False,
                  "co-accused": False}
GATEWAY_YES = {"charged-theft": True, "agrees-to-engage": True}
NR_YES = {"all-parties-willing": True}


def referral(scheme: Scheme, *, worker: Actor | None = None, days_ago: int = 10,
             offence_code: str | None = None, participant: PersonInput | None = None,
             harmed: PersonInput | None = None, crime_reference: str | None = None,
             **kw: object) -> cases.ReferralInput:
    referral_date = date.today() - timedelta(days=days_ago)
    kw.setdefault("first_time_entrant", True if scheme in cases.ASKS_FIRST_TIME_ENTRANT else None)
    if scheme is Scheme.CHECKPOINT:
        offence, answers = offence_code or "theft-shop", CHECKPOINT_YES
    elif scheme is Scheme.GATEWAY:
        offence, answers = offence_code or "theft-shop", GATEWAY_YES
        participant = participant or person("Nia", "Hughes", gender=Gender.FEMALE)
    else:
        offence, answers = offence_code or "neighbour-dispute", NR_YES
        harmed = harmed or person("Harriet", "Wells", gender=Gender.FEMALE, phone="07700 900777",
                                  email="harriet@example.org", address_line1="14 Test Street")
    return cases.ReferralInput(
        scheme=scheme, person=participant or person(), referral_date=referral_date,
        referral_source="Police custody", referring_officer="PC 1234 Example",
        offence_code=offence, offence_date=referral_date - timedelta(days=3),
        crime_reference=crime_reference or f"DU26{next(_seq):06d}",
        risk_band=RiskBand.LOW if scheme is Scheme.CHECKPOINT else None,
        eligibility_answers=dict(answers), worker_id=worker.user_id if worker else None,
        harmed_party=harmed, **kw)  # type: ignore[arg-type]


def make_case(db: Database, actor: Actor, scheme: Scheme, **kw: object) -> str:
    return cases.create_referral(db.uow(), actor, referral(scheme, **kw))  # type: ignore[arg-type]


def at(days_from_now: float, hour: int = 10) -> datetime:
    base = datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return base + timedelta(days=days_from_now)


def answer_referral(dialog: object, *, source: str = "Police custody",
                    first_time_entrant: bool | None = True) -> None:
    """Answer a referral dialog's questions as a coordinator would: every eligibility question
    the way that passes, the source from the list, first-time entrant where it is asked."""
    passing = {**CHECKPOINT_YES, **GATEWAY_YES, **NR_YES}
    for code in dialog.criteria:  # type: ignore[attr-defined]
        dialog.set_answer(code, passing[code])  # type: ignore[attr-defined]
    dialog.form.set_value("referral_source", source)  # type: ignore[attr-defined]
    if dialog.form.inputs["first_time_entrant"].isEnabled():  # type: ignore[attr-defined]
        dialog.form.set_value("first_time_entrant", first_time_entrant)  # type: ignore
