"""Notifications: outbox rows written in the transaction of their cause (an alert, a reset link, an
invitation, the weekly digest), each therapist's preferences, the admins' view of the outbox. Sending is the
worker's (toolkit/notifications/delivery.py), after the cause has committed."""

import re
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from hashlib import sha256

from sqlalchemy import func, or_, select

from ..alerts.models import Alert
from ..auth.models import Practice, Therapist
from ..config import setting
from ..errors import Invalid
from ..extensions import db
from ..groups.models import GroupMember, group_facilitators
from ..notes.models import SessionNote
from ..plans.models import SessionPlan
from ..progress.services import screenings_due
from ..tenancy import ALL, KEY, set_practice
from .models import NotificationPreference, OutboxMessage
from .rules import (
    FOR_ADMINS,
    WITHHELD,
    DigestCounts,
    Email,
    Recipient,
    alert_email,
    alert_recipients,
    digest_email,
    effective_kinds,
    invitation_email,
    password_reset_email,
    preference_problems,
    week_key,
)

QUEUED_FLAG = "outbox_queued"  # set on the session when a queued message is written: sent after commit
_EMAIL = re.compile(r"[^@\s<>(),;:\"']+@[^@\s<>(),;:\"']+\.[^@\s<>(),;:\"']+")


def public_url(path: str) -> str:
    return setting("PUBLIC_URL").rstrip("/") + path


def put_message(*, practice_id: str, therapist_id: str | None, to_address: str, kind: str, email: Email,
                dedupe_key: str, secret: bool = False) -> OutboxMessage | None:
    """One email in the outbox (`queued` for the worker with SMTP_URL, else `kept`), unless this cause has
    already mailed this person (the same `dedupe_key`): then None."""
    found = db.session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)
                              .execution_options(all_practices=True))
    if found is not None:
        return None
    queued = bool(setting("SMTP_URL"))
    message = OutboxMessage(practice_id=practice_id, therapist_id=therapist_id, to_address=to_address, kind=kind,
                            subject=email.subject, body=email.body, link=email.link, secret=secret,
                            status="queued" if queued else "kept", attempts=0, dedupe_key=dedupe_key,
                            next_attempt_at=datetime.now(UTC) if queued else None)
    db.session.add(message)
    db.session.flush()
    if queued:
        db.session.info[QUEUED_FLAG] = True
    return message


# -- alerts ---------------------------------------------------------------------------------------------------

def _candidates(practice_id: str, kind: str, participant_id: str | None, note_id: str | None = None) -> list[Recipient]:
    """The practice's active clinical leads, and the active facilitators of the person's current groups (of the
    session's group, for an alert about a session note); for an alert about the practice's set-up (a webhook
    switched off), its active admins."""
    active = (Therapist.practice_id == practice_id, Therapist.active.is_(True))
    if kind in FOR_ADMINS:
        admins = db.session.execute(select(Therapist.id, Therapist.email).where(*active, Therapist.role == "admin")
                                    .execution_options(all_practices=True))
        return [Recipient(row.id, row.email, False, False, admin=True) for row in admins]
    leads = db.session.execute(select(Therapist.id, Therapist.email).where(*active, Therapist.clinical_lead.is_(True))
                               .execution_options(all_practices=True))
    found = [Recipient(row.id, row.email, True, False) for row in leads]
    if participant_id is not None:
        facilitators = db.session.execute(
            select(Therapist.id, Therapist.email)
            .join(group_facilitators, group_facilitators.c.therapist_id == Therapist.id)
            .join(GroupMember, GroupMember.group_id == group_facilitators.c.group_id)
            .where(*active, GroupMember.participant_id == participant_id, GroupMember.left_on.is_(None))
            .execution_options(all_practices=True))
        found += [Recipient(row.id, row.email, False, True) for row in facilitators]
    if note_id is not None:
        facilitators = db.session.execute(
            select(Therapist.id, Therapist.email)
            .join(group_facilitators, group_facilitators.c.therapist_id == Therapist.id)
            .join(SessionPlan, SessionPlan.group_id == group_facilitators.c.group_id)
            .join(SessionNote, SessionNote.plan_id == SessionPlan.id)
            .where(*active, SessionNote.id == note_id).execution_options(all_practices=True))
        found += [Recipient(row.id, row.email, False, True) for row in facilitators]
    return found


def _chosen(practice_id: str, therapist_ids: list[str]) -> dict[str, list[str] | None]:
    if not therapist_ids:
        return {}
    rows = db.session.execute(select(NotificationPreference.therapist_id, NotificationPreference.alert_kinds)
                              .where(NotificationPreference.practice_id == practice_id,
                                     NotificationPreference.therapist_id.in_(therapist_ids))
                              .execution_options(all_practices=True))
    return {row.therapist_id: list(row.alert_kinds) for row in rows}


def notify_alert(*, alert) -> list[OutboxMessage]:
    """An email for each clinical lead and each facilitator of the person's current groups whose preferences
    take this kind: the kind, the practice's name and a link; never the person's name nor any clinical detail.
    `alert` has `id, practice_id, kind, participant_id, raised_at` (toolkit/alerts)."""
    practice = db.session.get(Practice, alert.practice_id)
    assert practice is not None  # an alert's practice exists (foreign key)
    note_id = alert.source_id if getattr(alert, "source_type", None) == "note" else None
    candidates = _candidates(alert.practice_id, alert.kind, alert.participant_id, note_id)
    chosen = _chosen(alert.practice_id, sorted({c.therapist_id for c in candidates}))
    link = public_url(f"/api/v1/alerts/{alert.id}")
    raised_at = alert.raised_at or datetime.now(UTC)
    written = []
    for person in alert_recipients(alert.kind, candidates, chosen):
        email = alert_email(kind=alert.kind, practice_name=practice.name, link=link, raised_at=raised_at,
                            preferences_url=public_url("/api/v1/me/notification-preferences"), recipient=person)
        message = put_message(practice_id=alert.practice_id, therapist_id=person.therapist_id,
                              to_address=person.email, kind="alert", email=email,
                              dedupe_key=f"alert:{alert.id}:{person.therapist_id}")
        if message is not None:
            written.append(message)
    return written


# -- one-time links -------------------------------------------------------------------------------------------

def notify_password_reset(*, therapist: Therapist, url: str) -> OutboxMessage | None:
    """The reset link, to the therapist's own address only (withheld from the admins' outbox view)."""
    practice = db.session.get(Practice, therapist.practice_id)
    assert practice is not None
    return put_message(practice_id=therapist.practice_id, therapist_id=therapist.id, to_address=therapist.email,
                       kind="password_reset", email=password_reset_email(practice_name=practice.name, url=url),
                       dedupe_key=f"password_reset:{therapist.id}:{sha256(url.encode()).hexdigest()[:32]}",
                       secret=True)


def participant_address(invitation, participant) -> str | None:
    """The participant's email address: the invitation's, else the participant's, else the first address in
    their contact text."""
    for value in (getattr(invitation, "email", None), getattr(participant, "email", None)):
        if value:
            return str(value)
    found = _EMAIL.search(getattr(participant, "contact", None) or "")
    return found.group(0) if found else None


def notify_invitation(*, invitation, participant, url: str) -> OutboxMessage | None:
    """The participant's secure link, to their own address only: the one place the link is ever written. Once per
    link: a reminder (the same invitation with a fresh link) is a new email."""
    address = participant_address(invitation, participant)
    if address is None:
        return None
    practice = db.session.get(Practice, participant.practice_id)
    assert practice is not None
    email = invitation_email(practice_name=practice.name, url=url, expires_at=getattr(invitation, "expires_at", None))
    return put_message(practice_id=participant.practice_id, therapist_id=None, to_address=address,
                       kind="invitation", email=email, secret=True,
                       dedupe_key=f"invitation:{invitation.id}:{sha256(url.encode()).hexdigest()[:32]}")


# -- preferences ----------------------------------------------------------------------------------------------

def _preference_row(therapist: Therapist) -> NotificationPreference | None:
    return db.session.scalars(select(NotificationPreference)
                              .where(NotificationPreference.therapist_id == therapist.id)).first()


def get_preferences(*, therapist: Therapist) -> dict:
    row = _preference_row(therapist)
    return {"alert_kinds": effective_kinds(list(row.alert_kinds) if row else None,
                                           clinical_lead=therapist.clinical_lead),
            "weekly_digest": row.weekly_digest if row else True,
            "always": ["crisis"] if therapist.clinical_lead else []}


def set_preferences(*, therapist: Therapist, alert_kinds: list[str], weekly_digest: bool) -> dict:
    """Replace the therapist's choice; a clinical lead who leaves out `crisis` gets a 422 naming `alert_kinds`."""
    errors = preference_problems(alert_kinds, clinical_lead=therapist.clinical_lead)
    if errors:
        raise Invalid("These notification preferences cannot be kept.", errors=errors)
    row = _preference_row(therapist)
    if row is None:
        row = NotificationPreference(therapist_id=therapist.id, practice_id=therapist.practice_id)
        db.session.add(row)
    row.alert_kinds = sorted(set(alert_kinds))
    row.weekly_digest = weekly_digest
    db.session.flush()
    return get_preferences(therapist=therapist)


# -- the admins' outbox ---------------------------------------------------------------------------------------

def outbox(*, status: str | None = None):
    """The practice's messages, newest first (a statement, for pagination)."""
    stmt = select(OutboxMessage).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    return stmt.where(OutboxMessage.status == status) if status else stmt


def present(message: OutboxMessage) -> dict:
    withheld = message.secret
    return {"id": message.id, "kind": message.kind, "therapist_id": message.therapist_id,
            "to_address": message.to_address, "subject": message.subject,
            "body": WITHHELD if withheld else message.body, "link": None if withheld else message.link,
            "status": message.status, "attempts": message.attempts, "last_error": message.last_error,
            "next_attempt_at": message.next_attempt_at if message.status == "queued" else None,
            "sent_at": message.sent_at, "created_at": message.created_at}


# -- the weekly digest ----------------------------------------------------------------------------------------

@contextmanager
def as_practice(practice_id: str):
    """Scope the session to one practice for a block of the worker's work, then put the scope back."""
    info = db.session.info
    before = (info.get(KEY), info.get(ALL))
    set_practice(db.session, practice_id)
    try:
        yield
    finally:
        info.pop(KEY, None)
        info.pop(ALL, None)
        if before[0] is not None:
            info[KEY] = before[0]
        if before[1] is not None:
            info[ALL] = before[1]


def digest_counts(*, therapist: Therapist, now: datetime) -> DigestCounts:
    """Open alerts, re-screens due within 7 days and notes unsigned 72 hours after their session, for the
    groups this therapist facilitates (a clinical lead: every open alert of the practice). Call within
    `as_practice(therapist.practice_id)`."""
    groups = set(db.session.scalars(select(group_facilitators.c.group_id)
                                    .where(group_facilitators.c.therapist_id == therapist.id)))
    members = set(db.session.scalars(select(GroupMember.participant_id).where(
        GroupMember.group_id.in_(groups), GroupMember.left_on.is_(None)))) if groups else set()
    stmt = select(func.count()).select_from(Alert).where(Alert.practice_id == therapist.practice_id,
                                                         Alert.status != "resolved")
    if not therapist.clinical_lead:
        stmt = stmt.where(Alert.participant_id.in_(members))
    open_alerts = db.session.scalar(stmt) or 0
    due = [d for d in screenings_due(before=(now + timedelta(days=7)).date(), actor=therapist, now=now)
           if therapist.clinical_lead or d["session"]["group_id"] in groups]
    notes = db.session.scalar(
        select(func.count()).select_from(SessionNote).join(SessionPlan, SessionPlan.id == SessionNote.plan_id)
        .where(SessionNote.status == "draft", SessionPlan.starts_at < now - timedelta(hours=72),
               or_(SessionPlan.group_id.in_(groups), SessionNote.author_id == therapist.id))) or 0
    return DigestCounts(open_alerts=open_alerts, screenings_due=len(due), notes_unsigned=notes)


def digest_for(*, therapist: Therapist, practice: Practice, now: datetime) -> OutboxMessage | None:
    """This week's digest for one therapist (once per ISO week: the dedupe key), unless they switched it off or
    there is nothing to tell. Call within `as_practice(practice.id)`."""
    week = week_key(now.date())
    key = f"digest:{therapist.id}:{week}"
    row = _preference_row(therapist)
    if (row is not None and not row.weekly_digest) or db.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)) is not None:
        return None
    counts = digest_counts(therapist=therapist, now=now)
    if counts.empty:
        return None
    links = {"alerts": public_url("/api/v1/alerts"), "screenings_due": public_url("/api/v1/screenings/due"),
             "notes": public_url("/api/v1/alerts?kind=note_unsigned"),
             "preferences": public_url("/api/v1/me/notification-preferences")}
    email = digest_email(practice_name=practice.name, week=week, counts=counts, links=links)
    return put_message(practice_id=practice.id, therapist_id=therapist.id, to_address=therapist.email,
                       kind="digest", email=email, dedupe_key=key)


def digest_recipients() -> list[tuple[Practice, list[Therapist]]]:
    """Every practice with its active therapists (read across practices: the worker's weekly run)."""
    practices = list(db.session.scalars(select(Practice).order_by(Practice.id)))
    therapists = db.session.scalars(select(Therapist).where(Therapist.active.is_(True))
                                    .order_by(Therapist.practice_id, Therapist.id)
                                    .execution_options(all_practices=True))
    by_practice: dict[str, list[Therapist]] = {}
    for t in therapists:
        by_practice.setdefault(t.practice_id, []).append(t)
    return [(p, by_practice[p.id]) for p in practices if p.id in by_practice]
