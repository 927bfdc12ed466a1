"""Notification tasks of the background queue (toolkit/queue.py).

* `deliver_outbox`: enqueued right after a transaction that queued an email commits (the session's
  `after_commit`), so the email leaves within moments, from the worker, never from the request;
* `sweep_outbox` (every minute): sends what is due again (retries after backoff, messages whose enqueue was
  lost or whose worker died while sending);
* `weekly_digest` (Mondays 07:00 UTC): one digest per therapist and ISO week. Its dedupe key is unique in the
  database, so two consumers (two instances) running the same schedule never send one twice.
"""

import logging
from datetime import UTC, datetime

from huey import crontab
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..extensions import db
from ..queue import app_context, huey
from .delivery import deliver_due
from .services import QUEUED_FLAG, as_practice, digest_for, digest_recipients

log = logging.getLogger(__name__)


@huey.task()
def deliver_outbox() -> None:
    """Send the queued emails that are due."""
    with app_context():
        deliver_due()


@huey.periodic_task(crontab(minute="*"))
def sweep_outbox() -> None:
    with app_context():
        deliver_due()


def run_weekly_digests(*, now: datetime | None = None) -> int:
    """Write this week's digests (each therapist in a transaction of its own); returns how many were written."""
    now = now or datetime.now(UTC)
    written = 0
    for practice, therapists in digest_recipients():
        for therapist in therapists:
            try:
                with as_practice(practice.id):
                    message = digest_for(therapist=therapist, practice=practice, now=now)
                db.session.commit()
            except IntegrityError:  # another worker wrote this week's digest at the same moment
                db.session.rollback()
                continue
            written += message is not None
    return written


@huey.periodic_task(crontab(day_of_week="1", hour="7", minute="0"))
def weekly_digest() -> None:
    with app_context():
        run_weekly_digests()
        deliver_due()


@event.listens_for(Session, "after_commit")
def _send_after_commit(session) -> None:
    """A committed transaction that queued an email hands it to the worker (never sent before the commit)."""
    if session.info.pop(QUEUED_FLAG, False):
        try:
            deliver_outbox()
        except Exception:  # the minute's sweep sends it anyway; a failed enqueue must not fail the request
            log.exception("could not enqueue the outbox delivery; the periodic sweep will send it")


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session) -> None:
    session.info.pop(QUEUED_FLAG, None)
