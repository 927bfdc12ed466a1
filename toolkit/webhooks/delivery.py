"""Webhook delivery, on the background worker (webhooks/tasks.py): attempt a delivery (claimed by one worker
only, so two instances never send it twice), sign it with the Standard Webhooks library, record the attempt,
retry with backoff, and switch off a hook that keeps failing. A task body owns its transactions: each claim
and each record is committed here, and no transaction is held open while the receiver is called."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select, update
from standardwebhooks.webhooks import Webhook as Signer

from .. import signals
from ..alerts.rules import cause_key
from ..alerts.services import raise_alert
from ..common.query import rowcount
from ..common.zones import aware
from ..config import setting
from ..events.models import Event
from ..extensions import db
from ..tenancy import ALL, current_practice, set_practice
from . import transport
from .models import Webhook, WebhookAttempt, WebhookDelivery
from .rules import UrlRefused, body, next_attempt, should_disable
from .services import allow_private

log = logging.getLogger(__name__)
CLAIM_FOR = timedelta(minutes=2)


@contextmanager
def _in_practice(practice_id: str) -> Iterator[None]:
    before, across = current_practice(db.session), db.session.info.get(ALL)
    set_practice(db.session, practice_id)
    try:
        yield
    finally:
        set_practice(db.session, before)
        if across is not None:
            db.session.info[ALL] = across


def dispatch_due(now: datetime) -> int:
    """Attempt every pending delivery that is due at `now` (retries, and any hand-off that ran before its
    transaction committed); returns how many were attempted by this worker."""
    ids = list(db.session.scalars(
        select(WebhookDelivery.id)
        .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now,
               or_(WebhookDelivery.claimed_until.is_(None), WebhookDelivery.claimed_until < now))
        .order_by(WebhookDelivery.next_attempt_at).limit(200).execution_options(all_practices=True)))
    db.session.rollback()
    return sum(attempt(delivery_id, now=now) is not None for delivery_id in ids)


def _claim(delivery_id: str, now: datetime) -> bool:
    """Take the delivery for this worker: of two workers (two instances), exactly one gets it."""
    table = WebhookDelivery.__table__
    moved = rowcount(db.session.connection().execute(
        update(table).where(table.c.id == delivery_id, table.c.status == "pending", table.c.next_attempt_at <= now,
                            or_(table.c.claimed_until.is_(None), table.c.claimed_until < now))
        .values(claimed_until=now + CLAIM_FOR, attempts=table.c.attempts + 1)))
    db.session.commit()
    return bool(moved)


def attempt(delivery_id: str, *, now: datetime) -> str | None:
    """One try at a delivery if it is due and this worker claims it: the outcome (ok, http_error,
    network_error, refused), or None when there was nothing to do. Commits."""
    if not _claim(delivery_id, now):
        return None
    found = db.session.execute(
        select(WebhookDelivery, Webhook, Event).join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
        .join(Event, Event.id == WebhookDelivery.event_id).where(WebhookDelivery.id == delivery_id)
        .execution_options(all_practices=True)).first()
    if found is None:  # deleted with its hook meanwhile
        db.session.rollback()
        return None
    delivery, hook, event = found
    practice_id, attempts, created_at = delivery.practice_id, delivery.attempts, aware(delivery.created_at)
    url, secret, active, hook_id = hook.url, hook.secret, hook.active, hook.id
    payload = body(event_type=event.type, at=aware(event.at), data=event.data)
    db.session.rollback()  # no transaction is held open during the request
    outcome: str
    status_code: int | None
    error: str | None
    if not active:
        outcome, status_code, error = "refused", None, "the webhook is switched off"
    else:
        outcome, status_code, error = _send(url=url, secret=secret, delivery_id=delivery_id, payload=payload,
                                            hook_id=hook_id)
    with _in_practice(practice_id):
        _record(delivery_id=delivery_id, hook_id=hook_id, practice_id=practice_id, now=now, attempts=attempts,
                created_at=created_at, outcome=outcome, status_code=status_code, error=error, active=active)
        db.session.commit()
    return outcome


def _send(*, url: str, secret: str, delivery_id: str, payload: str, hook_id: str) -> tuple[str, int | None, str | None]:
    """Resolve and check the host again (DNS may answer differently now), sign with the Standard Webhooks
    library, POST to the checked address; never follow a redirect."""
    try:
        _scheme, host, _port, address = transport.checked_address(url, allow_private=allow_private())
    except UrlRefused as exc:
        log.warning("webhook %s delivery %s refused: %s", hook_id, delivery_id, exc)
        return "refused", None, str(exc)[:500]
    sent_at = datetime.now(UTC)  # the signature's time is the wall clock's, whatever the scheduler's `now`
    headers = {"webhook-id": delivery_id, "webhook-timestamp": str(int(sent_at.timestamp())),
               "webhook-signature": Signer(secret).sign(delivery_id, sent_at, payload)}
    timeout = float(setting("WEBHOOK_TIMEOUT_SECONDS", 10))
    try:
        answer = transport.post(url, address=address, body=payload, headers=headers, timeout=timeout)
    except (OSError, ValueError) as exc:
        return "network_error", None, f"{type(exc).__name__}: could not deliver to {host}"[:500]
    if 200 <= answer.status < 300:
        return "ok", answer.status, None
    note = "a redirect, not followed" if 300 <= answer.status < 400 else "the receiver answered an error"
    return "http_error", answer.status, note


def _record(*, delivery_id, hook_id, practice_id, now, attempts, created_at, outcome, status_code, error,
            active) -> None:
    db.session.add(WebhookAttempt(practice_id=practice_id, delivery_id=delivery_id, at=now, outcome=outcome,
                                  status_code=status_code, error=error))
    deliveries, hooks = WebhookDelivery.__table__, Webhook.__table__
    if outcome == "ok":
        db.session.execute(update(deliveries).where(deliveries.c.id == delivery_id)
                           .values(status="delivered", delivered_at=now, claimed_until=None))
        db.session.execute(update(hooks).where(hooks.c.id == hook_id).values(consecutive_failures=0))
        return
    retry_at = next_attempt(attempts=attempts, created_at=created_at, now=now) if active else None
    db.session.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        status="pending" if retry_at else "failed", next_attempt_at=retry_at or now, claimed_until=None))
    if not active:
        return
    failures = db.session.execute(update(hooks).where(hooks.c.id == hook_id)
                                  .values(consecutive_failures=hooks.c.consecutive_failures + 1)
                                  .returning(hooks.c.consecutive_failures)).scalar_one()
    max_failures = int(setting("WEBHOOK_MAX_FAILURES", 15))
    if should_disable(consecutive_failures=failures, max_failures=max_failures, gave_up=retry_at is None):
        _disable(hook_id=hook_id, practice_id=practice_id, now=now,
                 reason=("a delivery failed for a day" if retry_at is None
                         else f"{failures} failed deliveries in a row"))


def _disable(*, hook_id: str, practice_id: str, now: datetime, reason: str) -> None:
    """Switch the hook off (once, whatever runs at the same time), fail what is still pending for it, raise a
    `webhook_disabled` alert for the practice's admins and send `signals.webhook_disabled`."""
    hooks, deliveries = Webhook.__table__, WebhookDelivery.__table__
    moved = rowcount(db.session.execute(update(hooks).where(hooks.c.id == hook_id, hooks.c.active.is_(True))
                                        .values(active=False, disabled_at=now, disabled_reason=reason)))
    if not moved:
        return
    db.session.execute(update(deliveries).where(deliveries.c.webhook_id == hook_id, deliveries.c.status == "pending")
                       .values(status="failed", claimed_until=None))
    log.warning("webhook %s of practice %s switched off: %s", hook_id, practice_id, reason)
    raise_alert(practice_id=practice_id, kind="webhook_disabled",
                cause=cause_key("webhook_disabled", "webhook", hook_id, now.isoformat()), source_type="webhook",
                source_id=hook_id, participant_id=None, actor=None, now=now)
    hook = db.session.scalars(select(Webhook).where(Webhook.id == hook_id)).one()
    signals.webhook_disabled.send(None, webhook=hook)
