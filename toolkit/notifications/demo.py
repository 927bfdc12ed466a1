"""Demo data of issue 29 (`flask --app app seed --demo`): a few messages in the demo practice's outbox (kept:
the demo has no SMTP_URL), as the weekly digest writes them."""

from datetime import UTC, datetime

from .rules import DigestCounts, digest_email, week_key
from .services import public_url, put_message


def add_notification_demo(*, practice, therapists) -> None:
    week = week_key(datetime.now(UTC).date())
    links = {"alerts": public_url("/api/v1/alerts"), "screenings_due": public_url("/api/v1/screenings/due"),
             "notes": public_url("/api/v1/alerts?kind=note_unsigned"),
             "preferences": public_url("/api/v1/me/notification-preferences")}
    for index, therapist in enumerate(therapists):
        counts = DigestCounts(open_alerts=1, screenings_due=2 + index, notes_unsigned=index)
        put_message(practice_id=practice.id, therapist_id=therapist.id, to_address=therapist.email, kind="digest",
                    email=digest_email(practice_name=practice.name, week=week, counts=counts, links=links),
                    dedupe_key=f"digest:{therapist.id}:{week}")
