"""The participant's side of an invitation: open the link, keep the answers as they come (a critical answer
raises the crisis alert at once), and send: the screening is made by the same service as the therapist's
POST /participants/{id}/screenings, with `method: self_report`, so the same rules and scores apply.

The participant is no therapist: their writes are audited with no actor (`actor_id` NULL) in the practice's
chain; the screening names the clinician responsible for the invitation as `screened_by`."""

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from .. import signals
from ..agreements import services as agreements
from ..audit.chain import append
from ..auth.models import Therapist
from ..errors import Invalid, NotFound
from ..extensions import db
from ..invitations import rules
from ..invitations.models import Invitation
from ..invitations.services import find_by_token, moments
from ..participants.models import Participant
from ..screening.form import Form
from ..screening.intake import assumed_positive, positive_critical
from ..screening.services import current_form, submit_screening

NOT_FOUND = "This link cannot be used."
DEFAULT_CRISIS_TEXT = ("If you are thinking about ending your life, or you are in danger now, call your local "
                       "emergency number or go to the nearest emergency department. You do not have to wait "
                       "for your appointment: your practice has been told and will contact you.")


def audit(invitation: Invitation, action: str, record_type: str = "self_report") -> None:
    append(practice_id=invitation.practice_id, actor_id=None, action=action, record_type=record_type,
           record_id=invitation.id, outcome="ok", request_id=None, at=datetime.now(UTC))


def open_link(token: str | None, now: datetime | None = None) -> tuple[str, Invitation | None]:
    """("open", invitation) for a usable link (marked opened the first time), ("completed", invitation) for a
    used one, else ("bad", None): made up, expired and revoked look the same."""
    now = now or datetime.now(UTC)
    invitation = find_by_token(token)
    if invitation is None:
        return "bad", None
    state = rules.status(moments(invitation), now)
    if state == "completed":
        return "completed", invitation
    if state not in ("sent", "opened"):
        return "bad", None
    open_link_of(invitation, now)
    return "open", invitation


def open_link_of(invitation: Invitation, now: datetime | None = None) -> None:
    """Mark an invitation opened (the demo and the CLI, which have the row rather than the secret)."""
    if invitation.opened_at is None:
        invitation.opened_at = now or datetime.now(UTC)
        db.session.flush()
        audit(invitation, "open")


def usable(token: str | None) -> Invitation:
    """The JSON twin: a usable link, else 404 (also after the form was sent)."""
    state, invitation = open_link(token)
    if state != "open" or invitation is None:
        raise NotFound(NOT_FOUND)
    return invitation


def participant_of(invitation: Invitation) -> Participant:
    participant = db.session.get(Participant, invitation.participant_id)
    assert participant is not None  # an invitation goes with its participant (ON DELETE CASCADE)
    return participant


def gates(form: Form, answers: Mapping[str, int], declined: Iterable[str]) -> dict[str, int]:
    return {**answers, **assumed_positive(form, declined)}


def asked(form: Form, answers: Mapping[str, int], declined: Iterable[str], instrument: str | None = None):
    """The items asked with these answers (a declined critical item opens its follow-ups), in form order."""
    given = gates(form, answers, declined)
    return [item for item in form.items if (instrument is None or item.instrument == instrument)
            and item.is_enabled(given)]


def unanswered(form: Form, answers: Mapping[str, int], declined: Iterable[str], instrument: str | None = None):
    declined = set(declined)
    return [item for item in asked(form, answers, declined, instrument)
            if item.id not in answers and item.id not in declined]


def check_draft(form: Form, answers: Mapping[str, Any], declined: Iterable[Any]) -> dict[str, list[str]]:
    """Item ids and values the form knows (an unanswered item is fine here: this is a draft)."""
    errors: dict[str, list[str]] = {}
    for item_id, value in answers.items():
        if not form.has_item(item_id):
            errors[f"answers.{item_id}"] = ["Not an item of the current form."]
        elif isinstance(value, bool) or value not in form.item(item_id).values:
            errors[f"answers.{item_id}"] = ["Not one of this item's options."]
    for item_id in declined:
        if not form.has_item(item_id):
            errors[f"declined.{item_id}"] = ["Not an item of the current form."]
        elif item_id in answers:
            errors[f"declined.{item_id}"] = ["Either answered or declined, not both."]
    return errors


def tidy(form: Form, answers: dict[str, int], declined: list[str]) -> tuple[dict[str, int], list[str]]:
    """Drop answers to items no longer asked (a follow-up whose opening answer changed), until nothing moves."""
    while True:
        ids = {item.id for item in asked(form, answers, declined)}
        kept = {k: v for k, v in answers.items() if k in ids}
        kept_declined = [i for i in dict.fromkeys(declined) if i in ids]
        if kept == answers and kept_declined == declined:
            return kept, kept_declined
        answers, declined = kept, kept_declined


def save_answers(*, invitation: Invitation, answers: Mapping[str, Any], declined: Iterable[Any],
                 replace: bool = False, now: datetime | None = None) -> Invitation:
    """Keep the answers so far. `replace`: the whole draft (the JSON twin's PUT); else these items only (one
    screen of the page). The first positive critical answer raises the crisis alert here, before sending."""
    now = now or datetime.now(UTC)
    form = current_form()
    declined = list(declined)
    errors = check_draft(form, answers, declined)
    if errors:
        raise Invalid("Some answers are not items or options of the current form: see errors.", errors=errors)
    if replace:
        merged, refused = dict(answers), declined
    else:
        touched = set(answers) | set(declined)
        merged = {k: v for k, v in (invitation.answers or {}).items() if k not in touched} | dict(answers)
        refused = [i for i in (invitation.declined or []) if i not in touched] + declined
    invitation.answers, invitation.declined = tidy(form, merged, refused)
    invitation.started = True
    crisis = positive_critical(form, invitation.answers, invitation.declined)
    first_crisis = bool(crisis) and invitation.crisis_at is None
    if first_crisis:
        invitation.crisis_at = now
    db.session.flush()
    audit(invitation, "update")
    if first_crisis:
        signals.self_report_crisis_answer.send(None, participant=participant_of(invitation), invitation=invitation)
    return invitation


def in_crisis(invitation: Invitation) -> bool:
    return bool(positive_critical(current_form(), invitation.answers or {}, invitation.declined or []))


def responsible(invitation: Invitation) -> Therapist:
    """The clinician a self-report is filed under: who made the invitation, else a practice admin."""
    therapist = db.session.get(Therapist, invitation.created_by_id) if invitation.created_by_id else None
    if therapist is None:
        therapist = db.session.scalars(select(Therapist).where(
            Therapist.practice_id == invitation.practice_id, Therapist.role == "admin").order_by(Therapist.id)
            .execution_options(all_practices=True)).first()
    if therapist is None:
        raise Invalid("No clinician of the practice can receive this form.")
    return therapist


def submit(*, invitation: Invitation, typed_name: str | None = None, agreed: bool | None = None,
           address: str | None = None, now: datetime | None = None) -> Invitation:
    """Send the form (or sign the agreement, recording the signer's network `address`). The link shows only a
    thank-you from now on."""
    now = now or datetime.now(UTC)
    participant = participant_of(invitation)
    if invitation.purpose == "agreement":
        agreement = agreements.current()
        if agreement is None:
            raise NotFound(NOT_FOUND)
        agreements.sign(participant=participant, agreement=agreement, typed_name=typed_name or "",
                        ticked=agreed is True, address=address, invitation_id=invitation.id, now=now)
        invitation.completed_at = now
        db.session.flush()
        audit(invitation, "sign", "agreement_signature")
        return invitation
    form = current_form()
    data = {"method": "self_report", "form_version": form.version, "answers": dict(invitation.answers or {}),
            "declined": list(invitation.declined or [])}
    screening = submit_screening(participant=participant, actor=responsible(invitation), data=data,
                                 invitation_id=invitation.id)
    invitation.completed_at, invitation.screening_id = now, screening.id
    invitation.answers, invitation.declined = {}, []  # the screening keeps them now
    db.session.flush()
    audit(invitation, "submit")
    signals.self_report_submitted.send(None, participant=participant, screening=screening, invitation=invitation)
    return invitation
