"""What one screen of the page shows, as plain values for the templates: the steps (one instrument per
screen), where the person is, the items of a screen with what is chosen, and the per-invitation CSRF token."""

import hashlib
import hmac
from dataclasses import dataclass, field

from flask import current_app

from ..invitations.models import Invitation
from ..screening.form import Form, Item
from . import services

START, SEND = "start", "send"


def csrf_token(invitation: Invitation) -> str:
    """Tied to the invitation (and to this deployment's SECRET_KEY): a form post without it is refused."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"self-report:{invitation.id}:{invitation.token_hash}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(invitation: Invitation, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(csrf_token(invitation), sent or "")


def steps(form: Form) -> list[str]:
    return [instrument.code for instrument in form.instruments]


def current_step(form: Form, invitation: Invitation) -> str:
    """Where the same link resumes: the start, the first part with a question left, or sending."""
    if not invitation.started:
        return START
    answers, declined = invitation.answers or {}, invitation.declined or []
    for code in steps(form):
        if services.unanswered(form, answers, declined, code):
            return code
    return SEND


def chosen_step(form: Form, invitation: Invitation, wanted: str | None) -> str:
    """A part the person goes back to (`?step=`), if it is one they have reached; else where they are."""
    here = current_step(form, invitation)
    order = steps(form)
    if wanted in order and here != START and (here == SEND or order.index(wanted) <= order.index(here)):
        return wanted
    return here


@dataclass
class Question:
    item: Item
    number: int
    chosen: str | None  # the option's value as text, "declined", or None
    error: bool = False


@dataclass
class Screen:
    code: str
    number: int  # 1-based part number
    total: int
    title: str
    questions: list[Question] = field(default_factory=list)
    back: str | None = None


def screen(form: Form, invitation: Invitation, code: str, *, typed: dict | None = None,
           missing: tuple[str, ...] = ()) -> Screen:
    """The items of one part asked with the answers so far; `typed` overrides what is shown as chosen."""
    answers, declined = invitation.answers or {}, invitation.declined or []
    order = steps(form)
    index = order.index(code)
    instrument = form.instrument(code)
    questions = []
    for number, item in enumerate(services.asked(form, answers, declined, code), start=1):
        if typed is not None and item.id in typed:
            chosen = typed[item.id]
        elif item.id in declined:
            chosen = "declined"
        else:
            chosen = str(answers[item.id]) if item.id in answers else None
        questions.append(Question(item=item, number=number, chosen=chosen, error=item.id in missing))
    return Screen(code=code, number=index + 1, total=len(order) + 1, title=instrument.title, questions=questions,
                  back=order[index - 1] if index else None)


def read_screen(form: Form, code: str, fields) -> tuple[dict[str, int], list[str], dict[str, str], list[str]]:
    """The answers of one posted part: (answers, declined, what was chosen as text, the shown items left
    unanswered). Only items of this part that the page showed count."""
    known = {item.id: item for item in form.instrument(code).items}
    shown = [i for i in (fields.get("shown") or "").split(",") if i in known]
    answers: dict[str, int] = {}
    declined: list[str] = []
    typed: dict[str, str] = {}
    missing = []
    for item_id in shown:
        value = fields.get(item_id)
        if value == "declined":
            declined.append(item_id)
            typed[item_id] = value
        elif value is not None and value.lstrip("-").isdigit() and int(value) in known[item_id].values:
            answers[item_id] = int(value)
            typed[item_id] = value
        else:
            missing.append(item_id)
    return answers, declined, typed, missing
