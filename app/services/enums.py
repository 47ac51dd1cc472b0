"""The domain's enumerations, for layers above services (views must not import app.models)."""

from app.models.appointments import AppointmentStatus
from app.models.attachments import MediaType, RecordKind
from app.models.cases import CaseStatus, ConsentAction, PartyRole, RiskBand, Scheme
from app.models.conferences import ActionKind, AttendeeRole, MeetingKind
from app.models.contracts import ConditionKind, ConditionState
from app.models.corrections import CorrectionAction, EntryKind
from app.models.pathways import NEED_LEVELS, AssessmentStage, InterventionKind
from app.models.people import DocumentFormat, Gender
from app.models.users import Role

__all__ = [
    "NEED_LEVELS", "ActionKind", "AppointmentStatus", "AssessmentStage", "AttendeeRole",
    "CaseStatus", "ConditionKind", "ConditionState", "ConsentAction", "CorrectionAction",
    "DocumentFormat", "EntryKind", "Gender", "InterventionKind", "MediaType", "MeetingKind",
    "PartyRole", "RecordKind", "RiskBand", "Role", "Scheme",
]
