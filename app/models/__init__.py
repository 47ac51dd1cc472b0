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
from app.models.practitioners import (
    AssignmentConfirmation,
    ConflictDeclaration,
    CpdEntry,
    Expense,
    FacilitatorObjection,
    MeetingBooking,
    Practitioner,
    SupervisionSession,
    TrainingRecord,
    Unavailability,
    VettingCheck,
)
from app.models.reference import (
    Agency,
    CheckpointRule,
    EligibilityCriterion,
    OffenceCategory,
    OutcomeCode,
    Pathway,
)
from app.models.retention import ErasureEntry, RetentionDecision, RetentionReview
from app.models.safeguards import Complaint, ConsentEvidence, RiskAssessment, VictimsCodeRecord
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
    "AssignmentConfirmation",
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
    "Complaint",
    "ConditionKind",
    "ConditionState",
    "Conference",
    "ConferenceParticipant",
    "ConflictDeclaration",
    "ConsentAction",
    "ConsentEvidence",
    "ConsentRecord",
    "Contract",
    "ContractCondition",
    "ContractStatus",
    "Correction",
    "CorrectionAction",
    "CpdEntry",
    "Document",
    "DocumentFormat",
    "Eligibility",
    "EligibilityCriterion",
    "EntryKind",
    "ErasureEntry",
    "ExitFollowUp",
    "Expense",
    "FacilitatorObjection",
    "Gender",
    "Intervention",
    "InterventionKind",
    "MediaType",
    "MeetingBooking",
    "MeetingKind",
    "OffenceCategory",
    "OutcomeAgreement",
    "OutcomeCode",
    "PartyRole",
    "Pathway",
    "PathwayAssessment",
    "Person",
    "Practitioner",
    "RecordKind",
    "ReferenceCounter",
    "ReoffendingCheck",
    "RetentionDecision",
    "RetentionReview",
    "RiskAssessment",
    "RiskBand",
    "Role",
    "SatisfactionSurvey",
    "Scheme",
    "SearchTerm",
    "StatusChange",
    "SupervisionSession",
    "TermKind",
    "TrainingRecord",
    "Unavailability",
    "User",
    "UserPreferences",
    "VettingCheck",
    "VictimsCodeRecord",
]
