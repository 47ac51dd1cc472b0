"""The domain's fixed words in the window's language: stages, roles, outcomes, record kinds,
file types and the choices forms offer. The services name them in English (``label`` and
``value``: letters, the CLI and the audit keep that); the window shows them through ``term()``,
``named()`` and ``word()``. tests/views/test_translations.py fails when an enum gains a value
that is not listed here."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.views.i18n import translate


class Labelled(Protocol):
    @property
    def label(self) -> str: ...


#: Every label ``term()`` translates, for lupdate (its source text is the English label).
TERMS = (
    # Stages
    QT_TRANSLATE_NOOP("Terms", "Referred"),
    QT_TRANSLATE_NOOP("Terms", "Eligibility decided"),
    QT_TRANSLATE_NOOP("Terms", "Contract active"),
    QT_TRANSLATE_NOOP("Terms", "Assessed"),
    QT_TRANSLATE_NOOP("Terms", "Consent obtained"),
    QT_TRANSLATE_NOOP("Terms", "Meeting held"),
    QT_TRANSLATE_NOOP("Terms", "Agreement monitoring"),
    QT_TRANSLATE_NOOP("Terms", "Engaged"),
    QT_TRANSLATE_NOOP("Terms", "Completed"),
    QT_TRANSLATE_NOOP("Terms", "Breached"),
    QT_TRANSLATE_NOOP("Terms", "Not completed"),
    QT_TRANSLATE_NOOP("Terms", "Closed"),
    # Roles
    QT_TRANSLATE_NOOP("Terms", "Navigator"),
    QT_TRANSLATE_NOOP("Terms", "Facilitator"),
    QT_TRANSLATE_NOOP("Terms", "Mentor"),
    QT_TRANSLATE_NOOP("Terms", "Coordinator"),
    QT_TRANSLATE_NOOP("Terms", "Administrator"),
    # Outcomes
    QT_TRANSLATE_NOOP("Terms", "still in progress"),
    QT_TRANSLATE_NOOP("Terms", "completed"),
    QT_TRANSLATE_NOOP("Terms", "breached"),
    QT_TRANSLATE_NOOP("Terms", "not completed"),
    QT_TRANSLATE_NOOP("Terms", "withdrawn"),
    QT_TRANSLATE_NOOP("Terms", "not accepted"),
    # Record kinds
    QT_TRANSLATE_NOOP("Terms", "Intervention"),
    QT_TRANSLATE_NOOP("Terms", "Appointment"),
    QT_TRANSLATE_NOOP("Terms", "Hours entry"),
    QT_TRANSLATE_NOOP("Terms", "Needs assessment"),
    QT_TRANSLATE_NOOP("Terms", "Consent"),
    QT_TRANSLATE_NOOP("Terms", "Meeting"),
    QT_TRANSLATE_NOOP("Terms", "Agreement action"),
    QT_TRANSLATE_NOOP("Terms", "Agreement follow-up"),
    QT_TRANSLATE_NOOP("Terms", "Exit follow-up"),
    QT_TRANSLATE_NOOP("Terms", "Reoffending check"),
    QT_TRANSLATE_NOOP("Terms", "Satisfaction survey"),
    QT_TRANSLATE_NOOP("Terms", "Agency calls"),
    QT_TRANSLATE_NOOP("Terms", "Case note"),
    QT_TRANSLATE_NOOP("Terms", "Condition"),
    # ICO categories of data subject
    QT_TRANSLATE_NOOP("Terms", "Suspect or offender"),
    QT_TRANSLATE_NOOP("Terms", "Victim"),
    QT_TRANSLATE_NOOP("Terms", "Witness"),
    # File types
    QT_TRANSLATE_NOOP("Terms", "PDF"),
    QT_TRANSLATE_NOOP("Terms", "PNG image"),
    QT_TRANSLATE_NOOP("Terms", "JPEG image"),
    # Choices (an enum's value, capitalised: named())
    QT_TRANSLATE_NOOP("Terms", "Staff"),
    QT_TRANSLATE_NOOP("Terms", "Volunteer"),
    QT_TRANSLATE_NOOP("Terms", "Registered practitioner"),
    QT_TRANSLATE_NOOP("Terms", "Accredited practitioner"),
    QT_TRANSLATE_NOOP("Terms", "Basic"),
    QT_TRANSLATE_NOOP("Terms", "Standard"),
    QT_TRANSLATE_NOOP("Terms", "Enhanced"),
    QT_TRANSLATE_NOOP("Terms", "Enhanced with barred lists"),
    QT_TRANSLATE_NOOP("Terms", "Supervision"),
    QT_TRANSLATE_NOOP("Terms", "Observed practice"),
    QT_TRANSLATE_NOOP("Terms", "Mileage"),
    QT_TRANSLATE_NOOP("Terms", "Out of pocket"),
    QT_TRANSLATE_NOOP("Terms", "Intervention"),
    QT_TRANSLATE_NOOP("Terms", "Contact"),
    QT_TRANSLATE_NOOP("Terms", "Referral to agency"),
    QT_TRANSLATE_NOOP("Terms", "Start"),
    QT_TRANSLATE_NOOP("Terms", "Review"),
    QT_TRANSLATE_NOOP("Terms", "Exit"),
    QT_TRANSLATE_NOOP("Terms", "Face-to-face conference"),
    QT_TRANSLATE_NOOP("Terms", "Shuttle mediation"),
    QT_TRANSLATE_NOOP("Terms", "Letter exchange"),
    QT_TRANSLATE_NOOP("Terms", "Before allocation"),
    QT_TRANSLATE_NOOP("Terms", "Before the meeting"),
    QT_TRANSLATE_NOOP("Terms", "Low"),
    QT_TRANSLATE_NOOP("Terms", "Medium"),
    QT_TRANSLATE_NOOP("Terms", "High"),
    QT_TRANSLATE_NOOP("Terms", "Apology"),
    QT_TRANSLATE_NOOP("Terms", "Repair"),
    QT_TRANSLATE_NOOP("Terms", "Making amends"),
    QT_TRANSLATE_NOOP("Terms", "Reparative task"),
    QT_TRANSLATE_NOOP("Terms", "Other"),
    QT_TRANSLATE_NOOP("Terms", "Participant"),
    QT_TRANSLATE_NOOP("Terms", "Harmer"),
    QT_TRANSLATE_NOOP("Terms", "Harmed party"),
    QT_TRANSLATE_NOOP("Terms", "Supporter"),
    QT_TRANSLATE_NOOP("Terms", "Parent or guardian"),
    QT_TRANSLATE_NOOP("Terms", "Female"),
    QT_TRANSLATE_NOOP("Terms", "Male"),
    QT_TRANSLATE_NOOP("Terms", "Non-binary"),
    QT_TRANSLATE_NOOP("Terms", "Not stated"),
    QT_TRANSLATE_NOOP("Terms", "Easy-read"),
    QT_TRANSLATE_NOOP("Terms", "Large-print"),
    QT_TRANSLATE_NOOP("Terms", "Moderate"),
    QT_TRANSLATE_NOOP("Terms", "Domestic abuse"),
    QT_TRANSLATE_NOOP("Terms", "Sexual offence"),
    QT_TRANSLATE_NOOP("Terms", "Hate crime"),
    QT_TRANSLATE_NOOP("Terms", "Stalking"),
    QT_TRANSLATE_NOOP("Terms", "Other complex case"),
    QT_TRANSLATE_NOOP("Terms", "Case note"),
    # Words the services hand over as text (word()): contract, condition, appointment and
    # practitioner states, practitioner kinds, eligibility, assessment stages
    QT_TRANSLATE_NOOP("Terms", "scheduled"),
    QT_TRANSLATE_NOOP("Terms", "kept"),
    QT_TRANSLATE_NOOP("Terms", "missed"),
    QT_TRANSLATE_NOOP("Terms", "rearranged"),
    QT_TRANSLATE_NOOP("Terms", "cancelled"),
    QT_TRANSLATE_NOOP("Terms", "staff"),
    QT_TRANSLATE_NOOP("Terms", "volunteer"),
    QT_TRANSLATE_NOOP("Terms", "paused"),
    QT_TRANSLATE_NOOP("Terms", "left"),
    QT_TRANSLATE_NOOP("Terms", "pending"),
    QT_TRANSLATE_NOOP("Terms", "eligible"),
    QT_TRANSLATE_NOOP("Terms", "not-eligible"),
    QT_TRANSLATE_NOOP("Terms", "start"),
    QT_TRANSLATE_NOOP("Terms", "review"),
    QT_TRANSLATE_NOOP("Terms", "exit"),
    QT_TRANSLATE_NOOP("Terms", "draft"),
    QT_TRANSLATE_NOOP("Terms", "active"),
    QT_TRANSLATE_NOOP("Terms", "completed"),
    QT_TRANSLATE_NOOP("Terms", "breached"),
    QT_TRANSLATE_NOOP("Terms", "open"),
    QT_TRANSLATE_NOOP("Terms", "met"),
    QT_TRANSLATE_NOOP("Terms", "not met"),
)


def term(value: Labelled) -> str:
    """``value``'s label in the window's language."""
    return translate("Terms", value.label)


def named(value: StrEnum) -> str:
    """An enum's value as a capitalised choice ("Not stated"), in the window's language."""
    return translate("Terms", value.value.capitalize())


def word(text: str) -> str:
    """A fixed word the services hand over as text ("open", "active")."""
    return translate("Terms", text)


def value_word(value: str) -> str:
    """An enum's value handed over as text ("harmed party"), as a lower-case word in the
    window's language (its capitalised form is listed as a choice)."""
    return translate("Terms", value.capitalize()).lower()
