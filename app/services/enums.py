"""The domain's enumerations, for layers above services (views must not import app.models)."""

from app.models.appointments import AppointmentStatus
from app.models.attachments import MediaType, RecordKind
from app.models.cases import (
    CaseStatus,
    ConsentAction,
    DataSubjectCategory,
    PartyRole,
    RiskBand,
    Scheme,
)
from app.models.conferences import ActionKind, AttendeeRole, MeetingKind
from app.models.contracts import ConditionKind, ConditionState
from app.models.corrections import CorrectionAction, EntryKind
from app.models.pathways import NEED_LEVELS, AssessmentStage, InterventionKind
from app.models.people import DocumentFormat, Gender
from app.models.practitioners import (
    DbsLevel,
    ExpenseKind,
    ExpenseStatus,
    PractitionerKind,
    PractitionerStatus,
    RjcLevel,
    SupervisionKind,
)
from app.models.safeguards import ConsentMethod, RiskLevel, RiskStage, SensitiveKind
from app.models.users import Role

__all__ = [
    "NEED_LEVELS", "ActionKind", "AppointmentStatus", "AssessmentStage", "AttendeeRole",
    "CaseStatus", "ConditionKind", "ConditionState", "ConsentAction", "ConsentMethod",
    "CorrectionAction", "DataSubjectCategory", "DbsLevel", "DocumentFormat", "EntryKind",
    "ExpenseKind", "ExpenseStatus",
    "Gender", "InterventionKind", "MediaType", "MeetingKind", "PartyRole", "PractitionerKind",
    "PractitionerStatus", "RecordKind", "RiskBand", "RiskLevel", "RiskStage", "RjcLevel", "Role",
    "Scheme", "SensitiveKind", "SupervisionKind",
]
