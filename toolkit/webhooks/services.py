"""Webhooks: subscribe (admin), list, delete; queue a delivery for each subscribed hook in the event's
transaction. The worker's side (attempts, retries, switching a failing hook off) is webhooks/delivery.py.
Refusals are the domain errors of toolkit/errors.py."""

import base64
import logging
import secrets

from sqlalchemy import select

from ..audit.services import record
from ..auth.models import Therapist
from ..common.zones import aware
from ..config import setting
from ..errors import Invalid
from ..extensions import db
from . import transport
from .models import Webhook, WebhookAttempt, WebhookDelivery
from .rules import UrlRefused

log = logging.getLogger(__name__)


def allow_private() -> bool:
    return bool(setting("WEBHOOK_ALLOW_PRIVATE"))


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def create_webhook(*, url: str, events: list[str], actor: Therapist) -> tuple[Webhook, str]:
    """A new hook and its secret (shown once). The URL must be https and its host resolve to public addresses
    only (422 naming `url` otherwise, and the refusal is logged without secrets)."""
    try:
        transport.checked_address(url, allow_private=allow_private())
    except UrlRefused as exc:
        log.warning("webhook URL refused at subscribe (practice %s): %s", actor.practice_id, exc)
        raise Invalid("This URL is not accepted for a webhook.", errors={"url": [str(exc)]}) from None
    secret = new_secret()
    hook = Webhook(url=url, events=sorted(set(events)), secret=secret, active=True, consecutive_failures=0,
                   created_by_id=actor.id)
    db.session.add(hook)
    db.session.flush()
    record("create", "webhook", hook.id, actor=actor)
    return hook, secret


def delete_webhook(*, hook: Webhook, actor: Therapist) -> None:
    """The hook and its delivery log go; nothing more is sent to it."""
    record("delete", "webhook", hook.id, actor=actor)
    db.session.delete(hook)
    db.session.flush()


def present(hook: Webhook) -> dict:
    return {"id": hook.id, "url": hook.url, "events": list(hook.events), "active": hook.active,
            "consecutive_failures": hook.consecutive_failures, "disabled_at": aware(hook.disabled_at),
            "disabled_reason": hook.disabled_reason, "created_at": aware(hook.created_at)}


def deliveries_query(hook: Webhook):
    return (select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id)
            .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc()))


def present_deliveries(rows: list[WebhookDelivery]) -> list[dict]:
    attempts: dict[str, list[dict]] = {d.id: [] for d in rows}
    if rows:
        for a in db.session.scalars(select(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(list(attempts)))
                                    .order_by(WebhookAttempt.at, WebhookAttempt.id)):
            attempts[a.delivery_id].append({"at": aware(a.at), "outcome": a.outcome, "status_code": a.status_code,
                                            "error": a.error})
    return [{"id": d.id, "event_id": d.event_id, "event_type": d.event_type, "status": d.status,
             "attempts": attempts[d.id], "next_attempt_at": aware(d.next_attempt_at) if d.status == "pending" else None,
             "created_at": aware(d.created_at), "delivered_at": aware(d.delivered_at)} for d in rows]
