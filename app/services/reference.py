"""Reference data: seeded from ``resources/reference/seed.json`` and then owned by the partnership.

Seeding only adds what is missing, so an edited offence rule or agency survives an upgrade.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import RESOURCES
from app.db import UnitOfWork
from app.errors import ValidationError
from app.models.reference import (
    Agency,
    CheckpointRule,
    EligibilityCriterion,
    GatewayConditionKind,
    OffenceCategory,
    OutcomeCode,
    Pathway,
    ReferralSource,
)
from app.models.settings import AppSetting

SEED_FILE = RESOURCES / "reference" / "seed.json"


@dataclass(frozen=True)
class PathwayInfo:
    code: str
    name: str
    sensitive: bool


@dataclass(frozen=True)
class OffenceInfo:
    code: str
    name: str
    checkpoint_rule: CheckpointRule
    rule_reason: str | None
    restricted: bool
    is_theft: bool
    is_asb: bool


@dataclass(frozen=True)
class CriterionInfo:
    code: str
    scheme: str
    question: str
    excludes_when: bool
    reason: str


@dataclass(frozen=True)
class AgencyInfo:
    id: int
    name: str
    pathway_code: str | None
    phone: str | None


@dataclass(frozen=True)
class OutcomeCodeInfo:
    code: str
    description: str


def load_seed(path: Path = SEED_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def seed_reference(uow: UnitOfWork, path: Path = SEED_FILE) -> int:
    """Insert reference rows that are missing; return how many were added."""
    data = load_seed(path)
    added = 0
    with uow:
        uow.begin_write()
        s = uow.session
        have = set(s.scalars(select(Pathway.code)))
        for pos, p in enumerate(data["pathways"], start=1):
            if p["code"] not in have:
                s.add(Pathway(code=p["code"], name=p["name"], position=pos,
                              sensitive=p.get("sensitive", False)))
                added += 1
        have = set(s.scalars(select(OffenceCategory.code)))
        for o in data["offence_categories"]:
            if o["code"] not in have:
                s.add(OffenceCategory(
                    code=o["code"], name=o["name"], checkpoint_rule=CheckpointRule(o["rule"]),
                    rule_reason=o.get("reason"), restricted=o.get("restricted", False),
                    is_theft=o.get("is_theft", False), is_asb=o.get("is_asb", False)))
                added += 1
        have = set(s.scalars(select(EligibilityCriterion.code)))
        for pos, c in enumerate(data["eligibility_criteria"], start=1):
            if c["code"] not in have:
                s.add(EligibilityCriterion(
                    code=c["code"], scheme=c["scheme"], question=c["question"],
                    excludes_when=c["excludes_when"], reason=c["reason"], position=pos))
                added += 1
        s.flush()
        have = set(s.scalars(select(Agency.name)))
        for a in data["agencies"]:
            if a["name"] not in have:
                s.add(Agency(name=a["name"], pathway_code=a.get("pathway"),
                             phone=a.get("phone")))
                added += 1
        have = set(s.scalars(select(OutcomeCode.code)))
        for oc in data["outcome_codes"]:
            if oc["code"] not in have:
                s.add(OutcomeCode(code=oc["code"], description=oc["description"]))
                added += 1
        added += _seed_sources(s, data.get("referral_sources", []))
        have = set(s.scalars(select(GatewayConditionKind.code)))
        for pos, k in enumerate(data.get("gateway_conditions", []), start=1):
            if k["code"] not in have:
                s.add(GatewayConditionKind(code=k["code"], text=k["text"],
                                           usual=k.get("usual", False), position=pos,
                                           active=True))
                added += 1
        uow.commit()
    return added


def fold(text: str) -> str:
    """A name as compared: case and spacing do not make a different source."""
    return " ".join(text.split()).casefold()


def _seed_sources(s: Session, names: list[str]) -> int:
    """Add the listed sources missing, each at its place in the list (sources the partnership
    added itself sort after the list)."""
    have = {fold(name) for name in s.scalars(select(ReferralSource.name))}
    added = 0
    for position, name in enumerate(names, start=1):
        if fold(name) not in have:
            s.add(ReferralSource(name=name, position=position, active=True))
            have.add(fold(name))
            added += 1
    return added


@dataclass(frozen=True)
class ConditionKindInfo:
    code: str
    text: str
    usual: bool


def gateway_condition_kinds(uow: UnitOfWork) -> list[ConditionKindInfo]:
    """The Gateway to Change conditions in use, in the list's order (the case's menu)."""
    with uow:
        rows = uow.session.scalars(select(GatewayConditionKind).where(
            GatewayConditionKind.active.is_(True)).order_by(GatewayConditionKind.position))
        return [ConditionKindInfo(k.code, k.text, k.usual) for k in rows]


def referral_sources(uow: UnitOfWork) -> list[str]:
    """The partnership's referral sources in use, in their order (the referral form's list)."""
    with uow:
        return list(uow.session.scalars(select(ReferralSource.name).where(
            ReferralSource.active.is_(True)).order_by(ReferralSource.position)))


def match_referral_source(s: Session, text: str | None) -> str:
    """The listed source ``text`` names (case and spacing folded), or a ValidationError that
    lists the choices: a referral source is chosen from the list, never typed anew."""
    names = list(s.scalars(select(ReferralSource.name).where(ReferralSource.active.is_(True))
                           .order_by(ReferralSource.position)))
    wanted = fold(text or "")
    if not wanted:
        raise ValidationError("Say where the referral came from.", field="referral_source")
    for name in names:
        if fold(name) == wanted:
            return name
    raise ValidationError(
        f"{' '.join((text or '').split())[:60]!r} is not on the partnership's list of referral "
        "sources; choose one of: " + ", ".join(names) + ".", field="referral_source")


def pathways(uow: UnitOfWork) -> list[PathwayInfo]:
    with uow:
        rows = uow.session.scalars(select(Pathway).order_by(Pathway.position))
        return [PathwayInfo(p.code, p.name, p.sensitive) for p in rows]


def offences(uow: UnitOfWork) -> list[OffenceInfo]:
    with uow:
        rows = uow.session.scalars(select(OffenceCategory).order_by(OffenceCategory.name))
        return [_offence(o) for o in rows]


def _offence(o: OffenceCategory) -> OffenceInfo:
    return OffenceInfo(o.code, o.name, o.checkpoint_rule, o.rule_reason, o.restricted,
                       o.is_theft, o.is_asb)


def criteria(uow: UnitOfWork, scheme: str) -> list[CriterionInfo]:
    with uow:
        rows = uow.session.scalars(
            select(EligibilityCriterion)
            .where(EligibilityCriterion.scheme == scheme)
            .order_by(EligibilityCriterion.position)
        )
        return [CriterionInfo(c.code, c.scheme, c.question, c.excludes_when, c.reason)
                for c in rows]


def agencies(uow: UnitOfWork, pathway_code: str | None = None) -> list[AgencyInfo]:
    with uow:
        q = select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)
        if pathway_code:
            q = q.where(Agency.pathway_code == pathway_code)
        return [AgencyInfo(a.id, a.name, a.pathway_code, a.phone) for a in uow.session.scalars(q)]


def outcome_codes(uow: UnitOfWork) -> list[OutcomeCodeInfo]:
    with uow:
        rows = uow.session.scalars(select(OutcomeCode).order_by(OutcomeCode.code))
        return [OutcomeCodeInfo(o.code, o.description) for o in rows]


def get_setting(uow: UnitOfWork, key: str, default: str | None = None) -> str | None:
    with uow:
        row = uow.session.get(AppSetting, key)
        return row.value if row else default
