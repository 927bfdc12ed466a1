"""Sending the outbox by SMTP (the background worker's job, never a request's).

`deliver_due()` takes the queued messages whose time has come, claims each one (a lease: its version column
makes a second worker's claim fail, so two workers or instances never send one message twice), sends it, and
records the outcome: `sent` with the time; on a 4xx reply or no reply, another attempt later (backoff of
rules.RETRY_DELAYS, about a day in all), then `failed`; on a 5xx reply `failed` at once. It runs in a
session of its own, so it can run right after a request's commit (toolkit/notifications/tasks.py).
"""

import logging
import smtplib
import ssl
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from ..tenancy import across_practices
from .models import OutboxMessage
from .rules import WITHHELD, SmtpSettings, next_attempt_at, parse_smtp_url, transient

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)  # a claimed message that was never recorded (a worker died) is tried again after


class SendFailed(Exception):
    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        self.code = code


def build_message(*, mail_from: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(usegmt=True)
    domain = parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(body)
    return message


def send_email(settings: SmtpSettings, message: EmailMessage) -> None:
    """One message through the SMTP server of SMTP_URL; SendFailed with the reply code (None: no reply)."""
    try:
        if settings.ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                                    context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.username:
                client.login(settings.username, settings.password or "")
            client.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()), (None, b""))
        raise SendFailed(f"recipient refused: {code} {_text(reply)}", code) from None
    except smtplib.SMTPResponseException as exc:
        raise SendFailed(f"{exc.smtp_code} {_text(exc.smtp_error)}", exc.smtp_code) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise SendFailed(f"{type(exc).__name__}: {exc}", None) from None


def _text(reply) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _due(session: Session, now: datetime, limit: int) -> list[str]:
    return list(session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= now,
               or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)))


def _claim(session: Session, message_id: str, now: datetime) -> OutboxMessage | None:
    message = session.get(OutboxMessage, message_id, populate_existing=True)
    if message is None or message.status != "queued" or (message.locked_until and message.locked_until >= now):
        return None
    message.locked_until = now + LEASE
    try:
        session.commit()
    except StaleDataError:  # another worker claimed it first
        session.rollback()
        return None
    return message


def _record(message: OutboxMessage, now: datetime, failure: SendFailed | None) -> None:
    message.attempts += 1
    message.locked_until = None
    if failure is None:
        message.status, message.sent_at, message.last_error, message.next_attempt_at = "sent", now, None, None
    else:
        message.last_error = str(failure)[:1000]
        later = next_attempt_at(message.attempts, now) if transient(failure.code) else None
        message.next_attempt_at = later
        if later is None:
            message.status = "failed"
    if message.secret and message.status in ("sent", "failed"):
        message.body, message.link = WITHHELD, None  # a one-time link is not kept once its email is done


def deliver_due(*, now: datetime | None = None, limit: int = 100) -> dict[str, int]:
    """Send the queued messages that are due (with SMTP_URL; without it nothing is queued). Returns counts."""
    url = current_app.config.get("SMTP_URL")
    if not url:
        return {}
    settings = parse_smtp_url(url)
    mail_from = current_app.config["MAIL_FROM"]
    now = now or datetime.now(UTC)
    counts = {"sent": 0, "retry": 0, "failed": 0}
    with Session(bind=db.engine) as session, across_practices(session):
        for message_id in _due(session, now, limit):
            message = _claim(session, message_id, now)
            if message is None:
                continue
            failure = None
            try:
                try:
                    email = build_message(mail_from=mail_from, to=message.to_address, subject=message.subject,
                                          body=message.body)
                except (ValueError, TypeError) as exc:  # an address or header that cannot be written: final
                    raise SendFailed(f"not a valid message: {exc}", 550) from None
                send_email(settings, email)
            except SendFailed as exc:
                failure = exc
                log.warning("email %s not sent (attempt %s): %s", message.id, message.attempts + 1, exc)
            _record(message, now, failure)
            session.commit()
            counts["sent" if failure is None else "failed" if message.status == "failed" else "retry"] += 1
    return counts
