"""All mapped classes, imported here so that ``Base.metadata`` is complete for alembic."""

from app.models.appointments import Appointment, AppointmentStatus
from app.models.attachments import Attachment, MediaType, RecordKind
from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.cases import (
    Case,
    CaseParty,
    CaseStatus,
    ConsentAction,
    ConsentRecord,
    Eligibility,
    PartyRole,
    ReferenceCounter,
    RiskBand,
    Scheme,
    StatusChange,
)
from app.models.conferences import (
    ActionKind,
    AgencyCallCount,
    AgreementAction,
    AgreementFollowUp,
    AttendeeRole,
    Conference,
    ConferenceParticipant,
    MeetingKind,
    OutcomeAgreement,
    SatisfactionSurvey,
)
from app.models.contracts import (
    CommunityHoursEntry,
    ConditionKind,
    ConditionState,
    Contract,
    ContractCondition,
    ContractStatus,
)
from app.models.corrections import Correction, CorrectionAction, EntryKind
from app.models.documents import Document
from app.models.followups import ExitFollowUp, ReoffendingCheck
from app.models.notes import CaseNote
from app.models.pathways import AssessmentStage, Intervention, InterventionKind, PathwayAssessment
from app.models.people import DocumentFormat, Gender, Person
from app.models.reference import (
    Agency,
    CheckpointRule,
    EligibilityCriterion,
    OffenceCategory,
    OutcomeCode,
    Pathway,
)
from app.models.retention import ErasureEntry, RetentionDecision, RetentionReview
from app.models.search import SearchTerm, TermKind
from app.models.settings import AppSetting
from app.models.users import Role, User, UserPreferences

__all__ = [
    "ActionKind",
    "Agency",
    "AgencyCallCount",
    "AgreementAction",
    "AgreementFollowUp",
    "AppSetting",
    "Appointment",
    "AppointmentStatus",
    "AssessmentStage",
    "Attachment",
    "AttendeeRole",
    "AuditEvent",
    "Base",
    "Case",
    "CaseNote",
    "CaseParty",
    "CaseStatus",
    "CheckpointRule",
    "CommunityHoursEntry",
    "ConditionKind",
    "ConditionState",
    "Conference",
    "ConferenceParticipant",
    "ConsentAction",
    "ConsentRecord",
    "Contract",
    "ContractCondition",
    "ContractStatus",
    "Correction",
    "CorrectionAction",
    "Document",
    "DocumentFormat",
    "Eligibility",
    "EligibilityCriterion",
    "EntryKind",
    "ErasureEntry",
    "ExitFollowUp",
    "Gender",
    "Intervention",
    "InterventionKind",
    "MediaType",
    "MeetingKind",
    "OffenceCategory",
    "OutcomeAgreement",
    "OutcomeCode",
    "PartyRole",
    "Pathway",
    "PathwayAssessment",
    "Person",
    "RecordKind",
    "ReferenceCounter",
    "ReoffendingCheck",
    "RetentionDecision",
    "RetentionReview",
    "RiskBand",
    "Role",
    "SatisfactionSurvey",
    "Scheme",
    "SearchTerm",
    "StatusChange",
    "TermKind",
    "User",
    "UserPreferences",
]
