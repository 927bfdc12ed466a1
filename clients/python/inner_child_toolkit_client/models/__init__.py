""" Contains all the data models used in inputs/outputs """

from .accepted import Accepted
from .addendum import Addendum
from .addendum_in import AddendumIn
from .agenda import Agenda
from .agenda_adaptation import AgendaAdaptation
from .agenda_adaptation_verdict import AgendaAdaptationVerdict
from .agenda_clearance_line import AgendaClearanceLine
from .agenda_day import AgendaDay
from .agenda_detail import AgendaDetail
from .agenda_detail_level import AgendaDetailLevel
from .agenda_facilitator import AgendaFacilitator
from .agenda_item import AgendaItem
from .agenda_material import AgendaMaterial
from .agenda_member_safety import AgendaMemberSafety
from .agenda_member_safety_recent_crisis_type_0 import AgendaMemberSafetyRecentCrisisType0
from .agenda_packing_day import AgendaPackingDay
from .agenda_plan import AgendaPlan
from .agenda_roster_line import AgendaRosterLine
from .agenda_status import AgendaStatus
from .agenda_status_level import AgendaStatusLevel
from .agenda_status_person import AgendaStatusPerson
from .agenda_what_to_do import AgendaWhatToDo
from .agenda_what_to_do_clinical_leads_item import AgendaWhatToDoClinicalLeadsItem
from .agreement import Agreement
from .agreement_create import AgreementCreate
from .agreement_text import AgreementText
from .alert import Alert
from .alert_kind import AlertKind
from .alert_person import AlertPerson
from .alert_status import AlertStatus
from .alert_summary import AlertSummary
from .answers import Answers
from .answers_answers import AnswersAnswers
from .attempt import Attempt
from .attempt_outcome import AttemptOutcome
from .attendance_in import AttendanceIn
from .attendance_line import AttendanceLine
from .attendance_sheet import AttendanceSheet
from .attendance_sheet_in import AttendanceSheetIn
from .attendance_status import AttendanceStatus
from .audience import Audience
from .audit_event import AuditEvent
from .audit_event_outcome import AuditEventOutcome
from .calendar_feed import CalendarFeed
from .calendar_token import CalendarToken
from .change_direction import ChangeDirection
from .clearance import Clearance
from .clearance_override import ClearanceOverride
from .clearance_participant import ClearanceParticipant
from .clearance_participant_validity import ClearanceParticipantValidity
from .clearance_status import ClearanceStatus
from .clearance_verdict import ClearanceVerdict
from .clinician_assessment_create import ClinicianAssessmentCreate
from .clinician_assessment_create_method import ClinicianAssessmentCreateMethod
from .contraindication import Contraindication
from .contraindication_action import ContraindicationAction
from .counts import Counts
from .crisis import Crisis
from .crisis_guidance import CrisisGuidance
from .crisis_guidance_kind import CrisisGuidanceKind
from .crisis_review import CrisisReview
from .crisis_review_create import CrisisReviewCreate
from .delivery import Delivery
from .delivery_status import DeliveryStatus
from .deterioration import Deterioration
from .due import Due
from .due_reason import DueReason
from .due_reason_reason import DueReasonReason
from .due_session import DueSession
from .enable_when import EnableWhen
from .entry import Entry
from .entry_in import EntryIn
from .error import Error
from .error_errors import ErrorErrors
from .event import Event
from .event_data import EventData
from .event_page import EventPage
from .event_type import EventType
from .facilitator import Facilitator
from .fhir_bundle import FhirBundle
from .fhir_bundle_resource_type import FhirBundleResourceType
from .fhir_capability_statement import FhirCapabilityStatement
from .fhir_capability_statement_resource_type import FhirCapabilityStatementResourceType
from .fhir_care_plan import FhirCarePlan
from .fhir_care_plan_resource_type import FhirCarePlanResourceType
from .fhir_code_system import FhirCodeSystem
from .fhir_code_system_resource_type import FhirCodeSystemResourceType
from .fhir_format import FhirFormat
from .fhir_group import FhirGroup
from .fhir_group_resource_type import FhirGroupResourceType
from .fhir_observation import FhirObservation
from .fhir_observation_resource_type import FhirObservationResourceType
from .fhir_patient import FhirPatient
from .fhir_patient_resource_type import FhirPatientResourceType
from .fhir_plan_definition import FhirPlanDefinition
from .fhir_plan_definition_resource_type import FhirPlanDefinitionResourceType
from .fhir_questionnaire import FhirQuestionnaire
from .fhir_questionnaire_resource_type import FhirQuestionnaireResourceType
from .fhir_questionnaire_response import FhirQuestionnaireResponse
from .fhir_questionnaire_response_resource_type import FhirQuestionnaireResponseResourceType
from .finding import Finding
from .flag import Flag
from .flag_level import FlagLevel
from .form import Form
from .form_item import FormItem
from .form_item_enable_behavior import FormItemEnableBehavior
from .framework import Framework
from .get_group_agenda_pdf_response_202 import GetGroupAgendaPdfResponse202
from .get_group_pack_response_202 import GetGroupPackResponse202
from .get_plan_agenda_pdf_response_202 import GetPlanAgendaPdfResponse202
from .get_sign_in_sheet_format import GetSignInSheetFormat
from .get_sign_in_sheet_pdf_response_202 import GetSignInSheetPdfResponse202
from .group import Group
from .group_attendance import GroupAttendance
from .group_create import GroupCreate
from .group_kind import GroupKind
from .group_progress import GroupProgress
from .group_update import GroupUpdate
from .health import Health
from .health_status import HealthStatus
from .instrument import Instrument
from .instrument_progress import InstrumentProgress
from .intensity import Intensity
from .invitation import Invitation
from .invitation_create import InvitationCreate
from .invitation_created import InvitationCreated
from .invitation_end import InvitationEnd
from .invitation_purpose import InvitationPurpose
from .invitation_status import InvitationStatus
from .issue import Issue
from .issue_details import IssueDetails
from .issue_severity import IssueSeverity
from .json_format import JsonFormat
from .list_alerts_sort import ListAlertsSort
from .list_audit_events_sort import ListAuditEventsSort
from .list_groups_sort import ListGroupsSort
from .list_modules_source import ListModulesSource
from .list_participants_sort import ListParticipantsSort
from .list_plans_sort import ListPlansSort
from .list_screenings_sort import ListScreeningsSort
from .login import Login
from .login_session import LoginSession
from .material import Material
from .me import Me
from .member import Member
from .member_create import MemberCreate
from .member_instrument import MemberInstrument
from .member_progress import MemberProgress
from .member_ref import MemberRef
from .member_verdict import MemberVerdict
from .member_warning import MemberWarning
from .module import Module
from .module_category import ModuleCategory
from .module_create import ModuleCreate
from .module_update import ModuleUpdate
from .note import Note
from .note_create import NoteCreate
from .note_person import NotePerson
from .note_status import NoteStatus
from .note_update import NoteUpdate
from .operation_outcome import OperationOutcome
from .operation_outcome_resource_type import OperationOutcomeResourceType
from .option import Option
from .outbox_message import OutboxMessage
from .outbox_message_kind import OutboxMessageKind
from .outbox_status import OutboxStatus
from .outcome import Outcome
from .override import Override
from .override_create import OverrideCreate
from .pagination_metadata import PaginationMetadata
from .paired import Paired
from .paper import Paper
from .participant import Participant
from .participant_create import ParticipantCreate
from .participant_detail import ParticipantDetail
from .participant_note import ParticipantNote
from .participant_update import ParticipantUpdate
from .password_change import PasswordChange
from .password_confirm import PasswordConfirm
from .password_reset import PasswordReset
from .password_reset_request import PasswordResetRequest
from .person import Person
from .plan import Plan
from .plan_author import PlanAuthor
from .plan_clone import PlanClone
from .plan_create import PlanCreate
from .plan_item import PlanItem
from .plan_item_in import PlanItemIn
from .plan_item_replace import PlanItemReplace
from .plan_items import PlanItems
from .plan_person import PlanPerson
from .plan_status import PlanStatus
from .plan_update import PlanUpdate
from .point import Point
from .practice import Practice
from .practice_settings import PracticeSettings
from .practice_update import PracticeUpdate
from .preferences import Preferences
from .preferences_in import PreferencesIn
from .prerequisite_warning import PrerequisiteWarning
from .prerequisite_warning_code import PrerequisiteWarningCode
from .print_size import PrintSize
from .programme import Programme
from .progress import Progress
from .ready import Ready
from .ready_status import ReadyStatus
from .recent_crisis import RecentCrisis
from .recorder import Recorder
from .register import Register
from .registered import Registered
from .render_status import RenderStatus
from .rescreen_due import RescreenDue
from .rescreen_due_reasons_item import RescreenDueReasonsItem
from .resolve import Resolve
from .review import Review
from .review_create import ReviewCreate
from .rhythm import Rhythm
from .rhythm_update import RhythmUpdate
from .risk_level import RiskLevel
from .role import Role
from .safety_plan import SafetyPlan
from .safety_plan_create import SafetyPlanCreate
from .safety_plan_status import SafetyPlanStatus
from .score import Score
from .screening import Screening
from .screening_answers import ScreeningAnswers
from .screening_flag import ScreeningFlag
from .screening_form_create import ScreeningFormCreate
from .screening_form_create_answers import ScreeningFormCreateAnswers
from .screening_form_create_method import ScreeningFormCreateMethod
from .screening_method import ScreeningMethod
from .screening_scores import ScreeningScores
from .self_report import SelfReport
from .self_report_answers import SelfReportAnswers
from .self_report_form_type_0 import SelfReportFormType0
from .series import Series
from .series_create import SeriesCreate
from .series_session import SeriesSession
from .series_update import SeriesUpdate
from .setting import Setting
from .sex_at_birth import SexAtBirth
from .signature import Signature
from .smart_configuration import SmartConfiguration
from .submit import Submit
from .submitted import Submitted
from .submitted_status import SubmittedStatus
from .tally import Tally
from .tally_counts import TallyCounts
from .target import Target
from .therapist import Therapist
from .therapist_create import TherapistCreate
from .therapist_update import TherapistUpdate
from .threshold import Threshold
from .tokens import Tokens
from .totp_code import TotpCode
from .totp_enrolment import TotpEnrolment
from .verdict import Verdict
from .warning import Warning_
from .warning_code import WarningCode
from .webhook import Webhook
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated

__all__ = (
    "Accepted",
    "Addendum",
    "AddendumIn",
    "Agenda",
    "AgendaAdaptation",
    "AgendaAdaptationVerdict",
    "AgendaClearanceLine",
    "AgendaDay",
    "AgendaDetail",
    "AgendaDetailLevel",
    "AgendaFacilitator",
    "AgendaItem",
    "AgendaMaterial",
    "AgendaMemberSafety",
    "AgendaMemberSafetyRecentCrisisType0",
    "AgendaPackingDay",
    "AgendaPlan",
    "AgendaRosterLine",
    "AgendaStatus",
    "AgendaStatusLevel",
    "AgendaStatusPerson",
    "AgendaWhatToDo",
    "AgendaWhatToDoClinicalLeadsItem",
    "Agreement",
    "AgreementCreate",
    "AgreementText",
    "Alert",
    "AlertKind",
    "AlertPerson",
    "AlertStatus",
    "AlertSummary",
    "Answers",
    "AnswersAnswers",
    "Attempt",
    "AttemptOutcome",
    "AttendanceIn",
    "AttendanceLine",
    "AttendanceSheet",
    "AttendanceSheetIn",
    "AttendanceStatus",
    "Audience",
    "AuditEvent",
    "AuditEventOutcome",
    "CalendarFeed",
    "CalendarToken",
    "ChangeDirection",
    "Clearance",
    "ClearanceOverride",
    "ClearanceParticipant",
    "ClearanceParticipantValidity",
    "ClearanceStatus",
    "ClearanceVerdict",
    "ClinicianAssessmentCreate",
    "ClinicianAssessmentCreateMethod",
    "Contraindication",
    "ContraindicationAction",
    "Counts",
    "Crisis",
    "CrisisGuidance",
    "CrisisGuidanceKind",
    "CrisisReview",
    "CrisisReviewCreate",
    "Delivery",
    "DeliveryStatus",
    "Deterioration",
    "Due",
    "DueReason",
    "DueReasonReason",
    "DueSession",
    "EnableWhen",
    "Entry",
    "EntryIn",
    "Error",
    "ErrorErrors",
    "Event",
    "EventData",
    "EventPage",
    "EventType",
    "Facilitator",
    "FhirBundle",
    "FhirBundleResourceType",
    "FhirCapabilityStatement",
    "FhirCapabilityStatementResourceType",
    "FhirCarePlan",
    "FhirCarePlanResourceType",
    "FhirCodeSystem",
    "FhirCodeSystemResourceType",
    "FhirFormat",
    "FhirGroup",
    "FhirGroupResourceType",
    "FhirObservation",
    "FhirObservationResourceType",
    "FhirPatient",
    "FhirPatientResourceType",
    "FhirPlanDefinition",
    "FhirPlanDefinitionResourceType",
    "FhirQuestionnaire",
    "FhirQuestionnaireResourceType",
    "FhirQuestionnaireResponse",
    "FhirQuestionnaireResponseResourceType",
    "Finding",
    "Flag",
    "FlagLevel",
    "Form",
    "FormItem",
    "FormItemEnableBehavior",
    "Framework",
    "GetGroupAgendaPdfResponse202",
    "GetGroupPackResponse202",
    "GetPlanAgendaPdfResponse202",
    "GetSignInSheetFormat",
    "GetSignInSheetPdfResponse202",
    "Group",
    "GroupAttendance",
    "GroupCreate",
    "GroupKind",
    "GroupProgress",
    "GroupUpdate",
    "Health",
    "HealthStatus",
    "Instrument",
    "InstrumentProgress",
    "Intensity",
    "Invitation",
    "InvitationCreate",
    "InvitationCreated",
    "InvitationEnd",
    "InvitationPurpose",
    "InvitationStatus",
    "Issue",
    "IssueDetails",
    "IssueSeverity",
    "JsonFormat",
    "ListAlertsSort",
    "ListAuditEventsSort",
    "ListGroupsSort",
    "ListModulesSource",
    "ListParticipantsSort",
    "ListPlansSort",
    "ListScreeningsSort",
    "Login",
    "LoginSession",
    "Material",
    "Me",
    "Member",
    "MemberCreate",
    "MemberInstrument",
    "MemberProgress",
    "MemberRef",
    "MemberVerdict",
    "MemberWarning",
    "Module",
    "ModuleCategory",
    "ModuleCreate",
    "ModuleUpdate",
    "Note",
    "NoteCreate",
    "NotePerson",
    "NoteStatus",
    "NoteUpdate",
    "OperationOutcome",
    "OperationOutcomeResourceType",
    "Option",
    "OutboxMessage",
    "OutboxMessageKind",
    "OutboxStatus",
    "Outcome",
    "Override",
    "OverrideCreate",
    "PaginationMetadata",
    "Paired",
    "Paper",
    "Participant",
    "ParticipantCreate",
    "ParticipantDetail",
    "ParticipantNote",
    "ParticipantUpdate",
    "PasswordChange",
    "PasswordConfirm",
    "PasswordReset",
    "PasswordResetRequest",
    "Person",
    "Plan",
    "PlanAuthor",
    "PlanClone",
    "PlanCreate",
    "PlanItem",
    "PlanItemIn",
    "PlanItemReplace",
    "PlanItems",
    "PlanPerson",
    "PlanStatus",
    "PlanUpdate",
    "Point",
    "Practice",
    "PracticeSettings",
    "PracticeUpdate",
    "Preferences",
    "PreferencesIn",
    "PrerequisiteWarning",
    "PrerequisiteWarningCode",
    "PrintSize",
    "Programme",
    "Progress",
    "Ready",
    "ReadyStatus",
    "RecentCrisis",
    "Recorder",
    "Register",
    "Registered",
    "RenderStatus",
    "RescreenDue",
    "RescreenDueReasonsItem",
    "Resolve",
    "Review",
    "ReviewCreate",
    "Rhythm",
    "RhythmUpdate",
    "RiskLevel",
    "Role",
    "SafetyPlan",
    "SafetyPlanCreate",
    "SafetyPlanStatus",
    "Score",
    "Screening",
    "ScreeningAnswers",
    "ScreeningFlag",
    "ScreeningFormCreate",
    "ScreeningFormCreateAnswers",
    "ScreeningFormCreateMethod",
    "ScreeningMethod",
    "ScreeningScores",
    "SelfReport",
    "SelfReportAnswers",
    "SelfReportFormType0",
    "Series",
    "SeriesCreate",
    "SeriesSession",
    "SeriesUpdate",
    "Setting",
    "SexAtBirth",
    "Signature",
    "SmartConfiguration",
    "Submit",
    "Submitted",
    "SubmittedStatus",
    "Tally",
    "TallyCounts",
    "Target",
    "Therapist",
    "TherapistCreate",
    "TherapistUpdate",
    "Threshold",
    "Tokens",
    "TotpCode",
    "TotpEnrolment",
    "Verdict",
    "Warning_",
    "WarningCode",
    "Webhook",
    "WebhookCreate",
    "WebhookCreated",
)
