"""In the event's transaction: one delivery row per subscribed hook, handed to the worker (tasks.py)."""

from sqlalchemy import select

from .. import signals
from ..events.models import Event
from ..extensions import db
from .models import Webhook, WebhookDelivery
from .rules import subscribed
from .tasks import deliver_soon


@signals.event_recorded.connect
def queue_deliveries(sender, *, event: Event, **_) -> None:
    """A delivery row for each active hook of the practice subscribed to this kind, committed with the event
    (so a rolled-back change sends nothing), then handed to the worker a moment later; the periodic dispatch
    sends whatever that hand-off missed."""
    hooks = db.session.scalars(select(Webhook).where(Webhook.practice_id == event.practice_id,
                                                     Webhook.active.is_(True))
                               .execution_options(all_practices=True))
    made = []
    for hook in hooks:
        if subscribed(hook.events, event.type):
            delivery = WebhookDelivery(practice_id=event.practice_id, webhook_id=hook.id, event_id=event.id,
                                       event_type=event.type, status="pending", attempts=0,
                                       next_attempt_at=event.at, created_at=event.at)
            db.session.add(delivery)
            made.append(delivery)
    if made:
        db.session.flush()
        for delivery in made:
            deliver_soon(delivery.id)
