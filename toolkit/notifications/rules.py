"""Notifications by email: who is told, what the email says, and when a failed send is tried again.
Pure: no Flask, no database. The texts never carry a participant's name or any clinical detail: the kind of
alert, the practice's name and a link (that a therapist opens after logging in)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .. import vocab
from ..common.smtp_url import SmtpSettings, parse_smtp_url

# The alert kinds (toolkit/vocab.py), with the words an email uses for each.
ALERT_LABELS = {
    "crisis": "crisis",
    "deterioration": "reliable deterioration",
    "follow_up_due": "crisis review follow-up due",
    "screening_due": "screening due",
    "self_report_received": "self-report received",
    "note_unsigned": "session note unsigned",
    "webhook_disabled": "webhook switched off",
}
ALERT_KINDS = vocab.ALERT_KINDS
assert set(ALERT_LABELS) == set(ALERT_KINDS), "every alert kind has its words in an email"
ALWAYS_FOR_CLINICAL_LEADS = frozenset({"crisis"})  # a clinical lead cannot switch these off
FOR_ADMINS = frozenset({"webhook_disabled"})  # about the practice's set-up, not a person: its admins are told

MESSAGE_KINDS = ("alert", "digest", "password_reset", "invitation")
STATUSES = ("kept", "queued", "sent", "failed")
# Seconds to wait before attempt n+1 after n failed attempts: about a day in all, then the message fails.
RETRY_DELAYS = (60, 300, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
__all__ = ["SmtpSettings", "parse_smtp_url"]  # SMTP_URL is read where the configuration is checked too
WITHHELD = "[withheld: this message carries a one-time link meant only for its recipient]"


# -- preferences ----------------------------------------------------------------------------------------------

def preference_problems(alert_kinds: list[str], *, clinical_lead: bool) -> dict[str, list[str]]:
    """A clinical lead keeps crisis alerts; every kind named must be one of ALERT_KINDS."""
    unknown = sorted(set(alert_kinds) - set(ALERT_KINDS))
    if unknown:
        return {"alert_kinds": [f"Unknown alert kind(s): {', '.join(unknown)}."]}
    missing = sorted(ALWAYS_FOR_CLINICAL_LEADS - set(alert_kinds)) if clinical_lead else []
    if missing:
        return {"alert_kinds": [f"A clinical lead always receives {', '.join(missing)} alerts by email: keep "
                                f"{', '.join(repr(k) for k in missing)} in the list."]}
    return {}


def effective_kinds(chosen: list[str] | None, *, clinical_lead: bool) -> list[str]:
    """The alert kinds that email this therapist: every kind until they choose; a lead's crisis always."""
    kinds = set(ALERT_KINDS if chosen is None else chosen)
    if clinical_lead:
        kinds |= ALWAYS_FOR_CLINICAL_LEADS
    return [k for k in ALERT_KINDS if k in kinds]


def wants_alert(kind: str, *, chosen: list[str] | None, clinical_lead: bool) -> bool:
    """Whether an alert of `kind` emails this therapist (a kind this list does not know: unless they chose)."""
    if clinical_lead and kind in ALWAYS_FOR_CLINICAL_LEADS:
        return True
    return chosen is None or kind in chosen


@dataclass(frozen=True)
class Recipient:
    therapist_id: str
    email: str
    clinical_lead: bool
    facilitator: bool
    admin: bool = False


def alert_recipients(kind: str, candidates: list[Recipient], chosen: dict[str, list[str] | None]) -> list[Recipient]:
    """Each therapist once (a lead who also facilitates gets one email), in a stable order, if their
    preferences (`chosen`, by therapist id; missing: every kind) let this kind reach them."""
    merged: dict[str, Recipient] = {}
    for c in candidates:
        seen = merged.get(c.therapist_id)
        merged[c.therapist_id] = c if seen is None else Recipient(
            c.therapist_id, c.email, seen.clinical_lead or c.clinical_lead, seen.facilitator or c.facilitator,
            seen.admin or c.admin)
    return [r for _, r in sorted(merged.items())
            if wants_alert(kind, chosen=chosen.get(r.therapist_id), clinical_lead=r.clinical_lead)]


# -- retries --------------------------------------------------------------------------------------------------

def next_attempt_at(attempts: int, now: datetime) -> datetime | None:
    """After `attempts` failed attempts: when to try again, or None when the message has failed for good."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + timedelta(seconds=RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1])


def transient(code: int | None) -> bool:
    """SMTP 4xx replies and failures without a reply (connection refused, timeout) are tried again; 5xx are
    final."""
    return code is None or 400 <= code < 500


# -- what the emails say --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Email:
    subject: str
    body: str
    link: str | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "subject", one_line(self.subject))


def one_line(text: str) -> str:
    """A header value on one line (a practice name with a line break must not add a header)."""
    return " ".join(text.split())[:300]


def alert_email(*, kind: str, practice_name: str, link: str, raised_at: datetime, preferences_url: str,
                recipient: Recipient) -> Email:
    label = ALERT_LABELS.get(kind, kind.replace("_", " "))
    why = ("an admin of the practice" if recipient.admin else "a clinical lead of the practice"
           if recipient.clinical_lead else "a facilitator of the group concerned")
    body = (f"A new alert at {practice_name} needs attention.\n\n"
            f"Kind: {label}\n"
            f"Raised: {raised_at:%Y-%m-%d %H:%M} UTC\n"
            f"Open it (after logging in): {link}\n\n"
            "This email names no one and holds no clinical detail, by design: the alert itself is behind the "
            "link.\n"
            f"You receive it as {why}. Choose which alerts email you: {preferences_url}\n")
    return Email(subject=f"{practice_name}: new {label} alert", body=body, link=link)


@dataclass(frozen=True)
class DigestCounts:
    open_alerts: int
    screenings_due: int
    notes_unsigned: int

    @property
    def empty(self) -> bool:
        return not (self.open_alerts or self.screenings_due or self.notes_unsigned)


def week_key(day: date) -> str:
    """The ISO week a digest is for, e.g. 2026-W50: one digest per therapist and week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def digest_email(*, practice_name: str, week: str, counts: DigestCounts, links: dict[str, str]) -> Email:
    body = (f"Your week at {practice_name} ({week}):\n\n"
            f"- Open alerts: {counts.open_alerts}  {links['alerts']}\n"
            f"- Re-screens due in the next 7 days: {counts.screenings_due}  {links['screenings_due']}\n"
            f"- Session notes still unsigned: {counts.notes_unsigned}  {links['notes']}\n\n"
            "Counts only, by design: log in to see who and what.\n"
            f"Switch the weekly digest off: {links['preferences']}\n")
    return Email(subject=f"{practice_name}: your weekly summary ({week})", body=body, link=links["alerts"])


def password_reset_email(*, practice_name: str, url: str) -> Email:
    body = ("Someone asked to reset the password of your account at "
            f"{practice_name}. If it was you, choose a new password here (the link works once, and not for "
            f"long):\n\n{url}\n\nIf it was not you, ignore this email: your password stays as it is.\n")
    return Email(subject=f"{practice_name}: reset your password", body=body, link=url)


def invitation_email(*, practice_name: str, url: str, expires_at: datetime | None) -> Email:
    until = f" It works until {expires_at:%d %B %Y}." if expires_at else ""
    body = (f"{practice_name} has sent you a personal link.{until}\n\n{url}\n\n"
            "The link is for you only: please do not forward this email. If you did not expect it, you can "
            "ignore it.\n")
    return Email(subject=f"{practice_name}: your personal link", body=body, link=url)
