"""Webhook deliveries on the background worker (toolkit/queue.py): a delivery is handed over a moment after
its event's transaction, and a periodic dispatch every minute sends retries that are due and anything the
hand-off missed. Every consumer runs the dispatch; a delivery is claimed by one worker only."""

from datetime import UTC, datetime

from huey import crontab

from ..queue import app_context, huey
from .delivery import attempt, dispatch_due

HAND_OFF_SECONDS = 2  # after the event's transaction has (almost always) committed; the dispatch covers the rest


@huey.task()
def deliver(delivery_id: str) -> None:
    with app_context():
        attempt(delivery_id, now=datetime.now(UTC))


def deliver_soon(delivery_id: str) -> None:
    """Hand a delivery to the worker. (Tests run tasks eagerly, where a task scheduled for later never runs:
    they call `attempt` / `dispatch_due` with the clock they choose.)"""
    deliver.schedule(args=(delivery_id,), delay=HAND_OFF_SECONDS)


@huey.periodic_task(crontab(minute="*"))
def dispatch_webhooks() -> int:
    with app_context():
        return dispatch_due(datetime.now(UTC))
