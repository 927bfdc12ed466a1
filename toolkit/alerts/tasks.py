"""The alerts' periodic task on the background worker (toolkit/queue.py): every 15 minutes, the due alerts.
Every consumer runs it (two instances: twice); raising is idempotent, so each alert is raised once."""

from datetime import UTC, datetime

from huey import crontab

from ..queue import app_context, huey
from .due import raise_due_alerts


@huey.periodic_task(crontab(minute="*/15"))
def raise_due_alerts_task() -> int:
    with app_context():
        return raise_due_alerts(datetime.now(UTC))
