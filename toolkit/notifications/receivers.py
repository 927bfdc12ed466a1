"""The notifications package's reactions to the named signals (toolkit/signals.py): each writes outbox rows
in the sender's transaction (they commit or roll back with their cause); the email is sent later by the
worker, after the commit (toolkit/notifications/tasks.py)."""

from .. import signals
from . import services


@signals.alert_raised.connect
def email_alert(sender, *, alert, **_kwargs) -> None:
    """A raised alert emails the practice's clinical leads and the person's facilitators (their choice)."""
    services.notify_alert(alert=alert)


@signals.password_reset_requested.connect
def email_password_reset(sender, *, therapist, url, **_kwargs) -> None:
    services.notify_password_reset(therapist=therapist, url=url)


@signals.invitation_sent.connect
def email_invitation(sender, *, invitation, participant, url, **_kwargs) -> None:
    services.notify_invitation(invitation=invitation, participant=participant, url=url)
