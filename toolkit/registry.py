"""Every API blueprint, one per area (one OpenAPI tag each)."""

from .agendas import signin as _signin  # noqa: F401  (adds the sign-in sheet route to the attendance blueprint)
from .agendas.calendar import blp as calendar
from .agendas.pack_api import blp as packs
from .agendas.resources import blp as agendas
from .agreements.resources import blp as agreements
from .alerts.resources import blp as alerts
from .attendance.resources import blp as attendance
from .audit.resources import blp as audit
from .auth.account_resources import blp as auth
from .clearance import resources as _clearance  # noqa: F401  (adds the clearance route to the screening blueprint)
from .events.resources import blp as events
from .exercises.resources import blp as modules
from .fhir.resources import blp as fhir
from .groups.resources import blp as groups
from .invitations.resources import blp as invitations
from .notes.resources import blp as notes
from .notifications.resources import blp as notifications
from .participants.resources import blp as participants
from .plans.resources import blp as plans
from .progress.resources import blp as progress
from .safety_plans.resources import blp as safety_plans
from .screening.resources import blp as screening
from .selfreport.resources import blp as self_report
from .series.resources import blp as series
from .therapists.resources import blp as therapists
from .webhooks.resources import blp as webhooks

BLUEPRINTS = [auth, therapists, participants, groups, modules, plans, screening, agendas, audit, fhir, series,
              attendance, notes, progress, calendar, safety_plans, notifications, alerts, events, webhooks,
              packs, invitations, agreements, self_report]
