"""`/p/{token}`: the participant's page, rendered here (no JavaScript, no outside assets, phone first).

One part (one instrument) per screen with a progress indicator; each screen's answers are kept when it is
posted, so the same link resumes; a positive critical answer shows the deployment's crisis text on the next
page (and raised the crisis alert when it was saved); sending shows a thank-you with no scores, and from then
on the link shows only that. Every link that cannot be used gets one neutral page, byte for byte the same.
Every form post carries a CSRF token tied to the invitation. Responses: strict CSP (no script, styles from
here only), `Referrer-Policy: no-referrer`, `no-store`. The token is kept out of the access log
(toolkit/serving.py) and every route is rate-limited per address."""

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..agreements import services as agreements
from ..errors import DomainError
from ..extensions import db, limiter
from ..invitations.models import Invitation
from ..screening.services import current_form
from . import i18n, services, view

bp = Blueprint("participant_pages", __name__, url_prefix="/p", template_folder="templates",
               static_folder="static", static_url_path="/assets")

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")


def _limit():
    return current_app.config["SELF_REPORT_RATE_LIMIT"]


@bp.after_request
def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    if not request.path.startswith("/p/assets/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def _page(template: str, status: int = 200, **context) -> tuple[str, int]:
    return render_template(template, lang=i18n.page_language(), form_lang=i18n.FORM_LANGUAGE, **context), status


def neutral() -> tuple[str, int]:
    """The same bytes for a made-up, expired or revoked link (nothing here depends on the link)."""
    db.session.rollback()
    return _page("neutral.html.j2", 404, title=_("This link cannot be used"))


def thanks(invitation: Invitation) -> tuple[str, int]:
    return _page("thanks.html.j2", 200, title=_("Thank you"), agreement=invitation.purpose == "agreement")


def _common(invitation: Invitation, token: str) -> dict:
    return {"action": url_for(".page", token=token), "csrf": view.csrf_token(invitation),
            "purpose": invitation.purpose}


@bp.get("/<string:token>")
@limiter.shared_limit(_limit, scope="self-report")
def page(token):
    state, invitation = services.open_link(token)
    if state == "bad" or invitation is None:
        return neutral()
    if state == "completed":
        db.session.rollback()
        return thanks(invitation)
    body = _render(invitation, token, request.args.get("step"))
    db.session.commit()
    return body


def _render(invitation: Invitation, token: str, wanted: str | None = None, *, status: int = 200,
            typed: dict | None = None, missing: tuple[str, ...] = (), errors: dict | None = None):
    common = _common(invitation, token)
    if invitation.purpose == "agreement":
        agreement = agreements.current()
        if agreement is None:
            return neutral()
        return _page("agreement.html.j2", status, title=agreement.title, agreement=agreement,
                     paragraphs=[p.strip() for p in agreement.text.split("\n\n") if p.strip()],
                     errors=errors or {}, typed_name=(typed or {}).get("typed_name", ""), **common)
    form = current_form()
    crisis = services.in_crisis(invitation)
    extra = {"crisis": crisis, "crisis_text": _crisis_text(), "total": len(view.steps(form)) + 1, **common}
    step = view.chosen_step(form, invitation, wanted)
    if step == view.START:
        return _page("start.html.j2", status, title=_("Before you start"), **extra)
    if step == view.SEND:
        return _page("send.html.j2", status, title=_("Send your answers"),
                     back_url=url_for(".page", token=token, step=view.steps(form)[-1]), **extra)
    shown = view.screen(form, invitation, step, typed=typed, missing=missing)
    instrument = form.instrument(step)
    return _page("instrument.html.j2", status, title=shown.title, screen=shown, instrument=instrument,
                 plain=i18n.plain_words(step),
                 form_instructions=instrument.instructions if step in i18n.SHOW_FORM_INSTRUCTIONS else None,
                 back_url=url_for(".page", token=token, step=shown.back) if shown.back else None, **extra)


def _crisis_text() -> str:
    configured = (current_app.config.get("CRISIS_LINE_TEXT") or "").strip()
    return configured or _("If you are thinking about ending your life, or you are in danger now, call your "
                           "local emergency number or go to the nearest emergency department. You do not have to "
                           "wait for your appointment: your practice has been told and will contact you.")


@bp.post("/<string:token>")
@limiter.shared_limit(_limit, scope="self-report")
def post(token):
    state, invitation = services.open_link(token)
    if state == "bad" or invitation is None:
        return neutral()
    if state == "completed":
        db.session.rollback()
        return thanks(invitation)
    if not view.csrf_ok(invitation, request.form.get("csrf_token")):
        db.session.rollback()
        return _page("expired_form.html.j2", 400, title=_("Please try again"),
                     action=url_for(".page", token=token))
    action = request.form.get("action", "")
    try:
        result = _act(invitation, token, action)
    except DomainError:
        db.session.rollback()
        return _page("problem.html.j2", 422, title=_("Your answers could not be sent"),
                     action=url_for(".page", token=token))
    db.session.commit()
    return result


def _act(invitation: Invitation, token: str, action: str):
    here = url_for(".page", token=token)
    if invitation.purpose == "agreement":
        if action != "sign":
            return redirect(here, 303)
        typed_name = (request.form.get("typed_name") or "").strip()[:200]
        if not typed_name or request.form.get("agreed") != "yes":
            errors = {"typed_name": not typed_name, "agreed": request.form.get("agreed") != "yes"}
            return _render(invitation, token, status=422, typed={"typed_name": typed_name}, errors=errors)
        services.submit(invitation=invitation, typed_name=typed_name, agreed=True, address=request.remote_addr)
        return redirect(here, 303)
    if action == "start":
        invitation.started = True
        db.session.flush()
        return redirect(here, 303)
    if action == "next":
        form = current_form()
        step = request.form.get("step", "")
        if step not in view.steps(form):
            return redirect(here, 303)
        answers, declined, typed, missing = view.read_screen(form, step, request.form)
        services.save_answers(invitation=invitation, answers=answers, declined=declined)
        if missing:
            return _render(invitation, token, step, status=422, typed=typed, missing=tuple(missing))
        return redirect(here, 303)
    if action in ("stop", "send"):
        form = current_form()
        left = services.unanswered(form, invitation.answers or {}, invitation.declined or [])
        if not left or services.in_crisis(invitation):  # at a crisis the person may stop and send what they have
            services.submit(invitation=invitation)
    return redirect(here, 303)


def init_pages(app) -> None:
    i18n.init_babel(app)
    app.register_blueprint(bp)
