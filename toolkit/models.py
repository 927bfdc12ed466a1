"""Imports every model so SQLAlchemy, Alembic and the spec see all tables."""

from .agendas.models import AgendaRender  # noqa: F401
from .agreements.models import Agreement, AgreementSignature  # noqa: F401
from .alerts.models import Alert  # noqa: F401
from .attendance.models import AttendanceRecord  # noqa: F401
from .audit.models import AuditAnchor, AuditEvent  # noqa: F401
from .auth.models import LoginSession, Practice, Therapist  # noqa: F401
from .clearance.models import PersonState  # noqa: F401
from .common.idempotency import IdempotencyKey  # noqa: F401
from .events.models import Event  # noqa: F401
from .exercises.models import ExerciseModule  # noqa: F401
from .groups.models import Group, GroupMember, group_facilitators  # noqa: F401
from .invitations.models import Invitation  # noqa: F401
from .notes.models import NoteAddendum, NoteEntry, SessionNote  # noqa: F401
from .notifications.models import NotificationPreference, OutboxMessage  # noqa: F401
from .participants.models import Participant  # noqa: F401
from .plans.models import PlanItem, SessionPlan  # noqa: F401
from .progress.models import ProgressReview, RescreenRhythm  # noqa: F401
from .safety_plans.models import SafetyPlan  # noqa: F401
from .screening.models import CrisisReview, Screening, ScreeningOverride  # noqa: F401
from .series.models import Series  # noqa: F401
from .webhooks.models import Webhook, WebhookAttempt, WebhookDelivery  # noqa: F401
