"""Scheduled measures: the worker invites, by itself, each member whose screening will not be valid at a
session within the lead time (the practice's re-screen rhythm and `screenings_due` decide who), and reminds
once. `invite_and_remind(now=...)` is the plain function (tests move the clock); the periodic task calls it.

A reminder can only carry a link the server can still make: only the hash of a secret is kept, so the
reminder is a new invitation with a fresh secret that supersedes the first (the answers kept so far carry over,
so the new link resumes them, with the same expiry; the first link stops working). Only participants with an
email address are reminded (the link reaches them by `invitation_sent`)."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from flask import current_app
from huey import crontab
from sqlalchemy import select

from ..auth.models import Practice, Therapist
from ..extensions import db
from ..groups.models import Group
from ..participants.models import Participant
from ..plans.models import SessionPlan
from ..progress.services import screenings_due
from ..queue import app_context, huey
from ..screening.safety import is_minor
from ..tenancy import across_practices, set_practice
from . import rules, services
from .models import Invitation

DEFAULT_URL = "http://localhost:5000"


def invite_and_remind(*, now: datetime) -> dict[str, int]:
    """Every practice in turn: invite who is due, remind who was invited and has not answered. Flushes; the
    caller commits. Returns counts."""
    with across_practices(db.session):
        practice_ids = list(db.session.scalars(select(Practice.id).order_by(Practice.id)))
    counts = {"invited": 0, "reminded": 0}
    try:
        for practice_id in practice_ids:
            set_practice(db.session, practice_id)
            counts["invited"] += _invite(practice_id, now)
            counts["reminded"] += _remind(now)
    finally:
        set_practice(db.session, None)
    return counts


def _base_url() -> str:
    return current_app.config.get("PUBLIC_URL") or DEFAULT_URL


def _invite(practice_id: str, now: datetime) -> int:
    lead = timedelta(days=current_app.config.get("SELF_REPORT_LEAD_DAYS", 7))
    server = SimpleNamespace(id=None, practice_id=practice_id)  # the server's own read of the due list
    made = 0
    for due in screenings_due(before=(now + lead).date() + timedelta(days=1), actor=server, now=now):
        participant = db.session.get(Participant, due["participant_id"])
        plan_id = due["session"]["plan_id"]
        if participant is None or participant.date_of_birth is None or is_minor(participant.date_of_birth,
                                                                                 now.date()):
            continue  # a clinician assesses them: there is no form to send
        if db.session.scalars(services.open_invitations(participant.id, "rescreen", now).limit(1)).first():
            continue  # a link is already out
        if db.session.scalars(select(Invitation.id).where(Invitation.participant_id == participant.id,
                                                          Invitation.plan_id == plan_id).limit(1)).first():
            continue  # invited once for this session already
        starts = due["session"]["starts_at"]
        services.create_invitation(participant=participant, purpose="rescreen", actor=None, now=now,
                                   expires_in_days=rules.invitation_days(now=now, session_starts_at=starts),
                                   base_url=_base_url(), plan_id=plan_id,
                                   created_by_id=_responsible(plan_id, practice_id))
        made += 1
    return made


def _responsible(plan_id: str, practice_id: str) -> str | None:
    """The session's first facilitator, else the practice's first admin: the clinician the answers go to."""
    plan = db.session.get(SessionPlan, plan_id)
    group = db.session.get(Group, plan.group_id) if plan is not None and plan.group_id else None
    if group is not None and group.facilitators:
        return sorted(group.facilitators, key=lambda t: t.id)[0].id
    return db.session.scalars(select(Therapist.id).where(Therapist.practice_id == practice_id,
                                                         Therapist.role == "admin").order_by(Therapist.id)).first()


def _remind(now: datetime) -> int:
    reminded = 0
    rows = db.session.scalars(select(Invitation).where(
        Invitation.scheduled.is_(True), Invitation.reminded_at.is_(None), Invitation.revoked_at.is_(None),
        Invitation.completed_at.is_(None), Invitation.expires_at > now).order_by(Invitation.created_at))
    for invitation in list(rows):
        if not rules.reminder_due(created_at=invitation.created_at, reminded_at=None, still_open=True, now=now,
                                  expires_at=invitation.expires_at):
            continue
        participant = db.session.get(Participant, invitation.participant_id)
        email = services.email_of(participant) if participant is not None else None
        if participant is None or email is None:
            continue
        invitation.reminded_at = now
        services.create_invitation(participant=participant, purpose=invitation.purpose, actor=None, now=now,
                                   expires_in_days=rules.MIN_DAYS, expires_at=invitation.expires_at,
                                   base_url=_base_url(), plan_id=invitation.plan_id,
                                   created_by_id=invitation.created_by_id, draft_of=invitation)
        reminded += 1
    return reminded


@huey.periodic_task(crontab(minute="17"))
def scheduled_invitations() -> None:
    """Hourly: the plain function above, committed."""
    with app_context():
        invite_and_remind(now=datetime.now(UTC))
        db.session.commit()
