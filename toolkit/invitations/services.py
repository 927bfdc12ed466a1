"""Invitations: make one (the secret is returned once, only its hash kept), revoke, list with status, find by
token. A new invitation for the same purpose supersedes the open one. Sends `invitation_sent` when the
participant has an email address (the notifications package emails the link)."""

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, select

from .. import signals
from ..agreements import services as agreements
from ..audit.services import record
from ..errors import Invalid
from ..extensions import db
from ..participants.models import Participant
from ..screening.safety import ADULT_AGE, is_minor
from ..tenancy import set_practice
from . import rules
from .models import Invitation

PAGE_PATH = "/p/"


def page_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + PAGE_PATH + token


def moments(invitation: Invitation) -> rules.Moments:
    return rules.Moments(expires_at=invitation.expires_at, opened_at=invitation.opened_at,
                         completed_at=invitation.completed_at, revoked_at=invitation.revoked_at)


def status_of(invitation: Invitation, now: datetime | None = None) -> str:
    return rules.status(moments(invitation), now or datetime.now(UTC))


def email_of(participant: Participant) -> str | None:
    return getattr(participant, "email", None) or rules.email_in(participant.contact)


def check_purpose(*, participant: Participant, purpose: str, now: datetime) -> None:
    """An intake or re-screen needs an adult with a known date of birth; an agreement needs one published."""
    if purpose in rules.FORM_PURPOSES:
        if participant.date_of_birth is None:
            raise Invalid("The intake form needs the participant's date of birth: add it first.",
                          errors={"date_of_birth": ["Required for an intake or re-screen invitation."]})
        if is_minor(participant.date_of_birth, now.date()):
            message = (f"The participant is under {ADULT_AGE}: the intake form is for adults. A clinical lead "
                       "records a clinician assessment instead.")
            raise Invalid(message, errors={"purpose": [message]})
    elif agreements.current() is None:
        raise Invalid("The practice has no group agreement yet: publish one with POST /agreements first.",
                      errors={"purpose": ["No agreement to sign."]})


def create_invitation(*, participant: Participant, purpose: str, expires_in_days: int, actor, base_url: str,
                      now: datetime | None = None, plan_id: str | None = None, created_by_id: str | None = None,
                      expires_at: datetime | None = None, draft_of: Invitation | None = None) -> tuple[Invitation, str]:
    """A new link for the participant. Returns the invitation and its URL, which carries the secret and is
    never stored or shown again. `actor` is the therapist, or None when the server invites by itself (then
    `created_by_id` names the clinician responsible). A reminder passes the invitation it replaces as `draft_of`
    (its answers so far carry over, and it keeps its expiry)."""
    now = now or datetime.now(UTC)
    if purpose not in rules.PURPOSES:
        raise Invalid("Unknown purpose.", errors={"purpose": [f"One of {', '.join(rules.PURPOSES)}."]})
    if not rules.MIN_DAYS <= expires_in_days <= rules.MAX_DAYS:
        raise Invalid("An invitation stays open 1 to 14 days.",
                      errors={"expires_in_days": ["Between 1 and 14."]})
    check_purpose(participant=participant, purpose=purpose, now=now)
    for old in db.session.scalars(open_invitations(participant.id, purpose, now)):
        old.revoked_at, old.revoked_reason = now, "superseded"
    token = secrets.token_urlsafe(rules.TOKEN_BYTES)
    email = email_of(participant)
    invitation = Invitation(participant_id=participant.id, purpose=purpose, token_hash=rules.hash_token(token),
                            created_by_id=actor.id if actor is not None else created_by_id, created_at=now,
                            expires_at=expires_at or now + timedelta(days=expires_in_days), emailed=email is not None,
                            answers={}, declined=[], scheduled=actor is None, plan_id=plan_id)
    if draft_of is not None:
        invitation.answers, invitation.declined = dict(draft_of.answers or {}), list(draft_of.declined or [])
        invitation.started, invitation.crisis_at, invitation.reminded_at = draft_of.started, draft_of.crisis_at, now
    db.session.add(invitation)
    db.session.flush()
    if actor is not None:
        record("create", "invitation", invitation.id, actor=actor)
    url = page_url(base_url, token)
    if email is not None:
        signals.invitation_sent.send(actor, invitation=invitation, participant=participant, url=url)
    return invitation, url


def open_invitations(participant_id: str, purpose: str, now: datetime):
    return select(Invitation).where(Invitation.participant_id == participant_id, Invitation.purpose == purpose,
                                    Invitation.revoked_at.is_(None), Invitation.completed_at.is_(None),
                                    Invitation.expires_at > now)


def revoke_invitation(*, invitation: Invitation, actor) -> Invitation:
    """The link stops working at once (the neutral page). Revoking a finished or revoked one changes nothing."""
    if invitation.revoked_at is None and invitation.completed_at is None:
        invitation.revoked_at, invitation.revoked_reason = datetime.now(UTC), "revoked"
        db.session.flush()
        record("delete", "invitation", invitation.id, actor=actor)
    return invitation


def invitations_of(participant: Participant):
    return (select(Invitation).where(Invitation.participant_id == participant.id)
            .order_by(Invitation.created_at.desc(), Invitation.id))


def with_status(status: str | None, now: datetime):
    """The practice's invitations, newest first, optionally of one status (the same rules as `rules.status`)."""
    stmt = select(Invitation).order_by(Invitation.created_at.desc(), Invitation.id)
    live = and_(Invitation.revoked_at.is_(None), Invitation.completed_at.is_(None))
    conditions = {
        "revoked": Invitation.revoked_at.is_not(None),
        "completed": and_(Invitation.revoked_at.is_(None), Invitation.completed_at.is_not(None)),
        "expired": and_(live, Invitation.expires_at <= now),
        "opened": and_(live, Invitation.expires_at > now, Invitation.opened_at.is_not(None)),
        "sent": and_(live, Invitation.expires_at > now, Invitation.opened_at.is_(None)),
    }
    return stmt.where(conditions[status]) if status else stmt


def find_by_token(token: str | None) -> Invitation | None:
    """The invitation a token opens, whatever its status (None for a made-up one). Runs without a caller: the
    invitation's practice scopes everything after it."""
    if not token or not rules.plausible_token(token):
        return None
    stmt = select(Invitation).where(Invitation.token_hash == rules.hash_token(token))
    invitation = db.session.scalars(stmt.execution_options(all_practices=True)).first()
    if invitation is not None:
        set_practice(db.session, invitation.practice_id)
    return invitation


def present(invitation: Invitation, now: datetime | None = None, url: str | None = None) -> dict:
    body = {"id": invitation.id, "participant_id": invitation.participant_id, "purpose": invitation.purpose,
            "status": status_of(invitation, now), "created_at": invitation.created_at,
            "created_by": invitation.created_by_id, "expires_at": invitation.expires_at,
            "opened_at": invitation.opened_at, "completed_at": invitation.completed_at,
            "revoked_at": invitation.revoked_at, "revoked_reason": invitation.revoked_reason,
            "emailed": invitation.emailed, "scheduled": invitation.scheduled, "plan_id": invitation.plan_id,
            "reminded_at": invitation.reminded_at, "screening_id": invitation.screening_id,
            "crisis_answer_at": invitation.crisis_at}
    if url is not None:
        body["url"] = url
    return body
