"""The queue consumer's entry point: `huey_consumer toolkit.worker.huey` (boot.sh).

It stands on the top floor: it registers every task module with the consumer and hands the queue the app
factory, so the queue itself (toolkit/queue.py) imports neither the tasks nor the app.
"""

from . import create_app
from .agendas import tasks as _agenda_tasks  # noqa: F401  (registers the render task)
from .alerts import tasks as _alert_tasks  # noqa: F401  (registers the periodic due-alerts task)
from .audit import tasks as _audit_tasks  # noqa: F401  (registers the audit task)
from .notifications import tasks as _notification_tasks  # noqa: F401  (email delivery, the weekly digest)
from .queue import huey, use_app_factory
from .webhooks import tasks as _webhook_tasks  # noqa: F401  (registers delivery and dispatch)

use_app_factory(create_app)

__all__ = ["huey"]
