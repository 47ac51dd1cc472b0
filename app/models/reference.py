"""Reference data the partnership configures: pathways, offences, eligibility rules, agencies,
police outcome codes. Seeded by a migration-independent service, edited as data, never as code."""

from __future__ import annotations

import enum

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class CheckpointRule(enum.StrEnum):
    """How an offence category stands for Checkpoint eligibility."""

    ELIGIBLE = "eligible"
    EXCLUDED = "excluded"
    #: Allowed only on specific terms (domestic abuse): needs a recorded reason to proceed.
    ON_TERMS = "on-terms"


class Pathway(Base):
    __tablename__ = "pathways"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    #: Needs in this pathway make a case restricted (domestic abuse, sexual exploitation).
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)


class OffenceCategory(Base):
    __tablename__ = "offence_categories"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    checkpoint_rule: Mapped[CheckpointRule] = mapped_column(
        enum_column(CheckpointRule), default=CheckpointRule.ELIGIBLE
    )
    rule_reason: Mapped[str | None] = mapped_column(Text)
    #: Cases with this offence are restricted: only assigned workers and coordinators see them.
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    is_theft: Mapped[bool] = mapped_column(Boolean, default=False)
    is_asb: Mapped[bool] = mapped_column(Boolean, default=False)


class EligibilityCriterion(Base):
    """A yes/no question asked at referral; ``excludes_when`` is the answer that rules it out."""

    __tablename__ = "eligibility_criteria"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(32))
    question: Mapped[str] = mapped_column(String(200))
    excludes_when: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    pathway_code: Mapped[str | None] = mapped_column(ForeignKey("pathways.code"))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(250))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OutcomeCode(Base):
    __tablename__ = "outcome_codes"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    description: Mapped[str] = mapped_column(String(200))


class ReferralSource(Base):
    """Who may refer, as the partnership lists them: a case names one of these by its name,
    so each source is one figure in the referrals-by-source count."""

    __tablename__ = "referral_sources"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class GatewayConditionKind(Base):
    """A condition of bail or diversion a Gateway to Change case may carry; ``usual`` ones are
    put on every case when it is accepted (attend the appointments, apologise to the shop)."""

    __tablename__ = "gateway_condition_kinds"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    usual: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
