"""The participant's page as JSON, for frontends that build their own page. No bearer token: the secret in
the path is the key. Every bad token (made up, expired, revoked, already sent) answers the same 404."""

from flask import current_app, request
from flask.views import MethodView

from ..agreements import services as agreements
from ..common.spec import Blueprint, document_errors
from ..extensions import db, limiter
from ..screening.services import current_form
from . import services
from .schemas import AnswersSchema, SelfReportSchema, SubmitSchema, SubmittedSchema

blp = Blueprint("self-report", __name__, url_prefix="/api/v1",
                description="The participant's own page as JSON (the same steps as `/p/{token}`): the form, the "
                            "answers kept as the person goes, and sending. The secret token in the path is the key.")

PUBLIC: dict[str, list] = {"security": []}
NO_STORE = {"Cache-Control": "no-store"}


def _limit():
    return current_app.config["SELF_REPORT_RATE_LIMIT"]


def crisis_text() -> str:
    return (current_app.config.get("CRISIS_LINE_TEXT") or "").strip() or services.DEFAULT_CRISIS_TEXT


def state(invitation) -> dict:
    form = current_form()
    agreement = agreements.current() if invitation.purpose == "agreement" else None
    answers, declined = dict(invitation.answers or {}), list(invitation.declined or [])
    is_form = invitation.purpose != "agreement"
    return {
        "purpose": invitation.purpose, "expires_at": invitation.expires_at,
        "form": form.to_dict() if is_form else None, "answers": answers, "declined": declined,
        "asked": [i.id for i in services.asked(form, answers, declined)] if is_form else [],
        "unanswered": [i.id for i in services.unanswered(form, answers, declined)] if is_form else [],
        "crisis": {"text": crisis_text()} if is_form and services.in_crisis(invitation) else None,
        "agreement": ({"version": agreement.version, "title": agreement.title, "text": agreement.text}
                      if agreement else None),
    }


@blp.route("/self-report/<string:token>")
class SelfReport(MethodView):
    decorators = [limiter.shared_limit(_limit, scope="self-report")]

    @blp.response(200, SelfReportSchema)
    @document_errors(blp, 404, 429)
    @blp.doc(operationId="getSelfReport", summary="A participant's form by their link", **PUBLIC)
    def get(self, token):
        """The form (the instruments in their validated wording), the answers kept so far and, when a critical
        item is positive, the crisis text to show at once. Opening marks the invitation `opened`. 404 for any
        link that cannot be used (made up, expired, revoked, or already sent). Rate-limited per address."""
        invitation = services.usable(token)
        body = state(invitation)
        db.session.commit()
        return body, 200, NO_STORE


@blp.route("/self-report/<string:token>/answers")
class SelfReportAnswers(MethodView):
    decorators = [limiter.shared_limit(_limit, scope="self-report")]

    @blp.arguments(AnswersSchema)
    @blp.response(200, SelfReportSchema)
    @document_errors(blp, 400, 404, 413, 422, 429)
    @blp.doc(operationId="saveSelfReportAnswers", summary="Keep the answers so far", **PUBLIC)
    def put(self, data, token):
        """Replaces the saved draft (answers to items no longer asked are dropped). Unanswered items are fine
        here. A critical item answered positively (or declined) raises the practice's `crisis` alert now,
        before the form is sent, and the answer carries the crisis text to show."""
        invitation = services.usable(token)
        services.save_answers(invitation=invitation, answers=data["answers"], declined=data["declined"],
                              replace=True)
        body = state(invitation)
        db.session.commit()
        return body, 200, NO_STORE


@blp.route("/self-report/<string:token>/submit")
class SelfReportSubmit(MethodView):
    decorators = [limiter.shared_limit(_limit, scope="self-report")]

    @blp.arguments(SubmitSchema)
    @blp.response(201, SubmittedSchema, headers={"Location": {
        "description": "The participant's page, which now shows only the thank-you.",
        "schema": {"type": "string", "format": "uri-reference"}}})
    @document_errors(blp, 400, 404, 413, 422, 429)
    @blp.doc(operationId="submitSelfReport", summary="Send the form (or sign the agreement)", **PUBLIC)
    def post(self, data, token):
        """Makes the screening (`method: self_report`, scored by the same rules as a therapist's entry) from the
        saved answers; 422 naming the items still unanswered, unless a critical item is positive (the person
        may stop there). For an `agreement` invitation: `typed_name` and `agreed: true` sign the current
        version. The answer has no scores. From now on the link shows only a thank-you and this API answers
        404."""
        invitation = services.usable(token)
        services.submit(invitation=invitation, typed_name=data.get("typed_name"), agreed=data.get("agreed"),
                        address=request.remote_addr)
        body = {"status": "completed", "completed_at": invitation.completed_at}
        db.session.commit()
        return body, 201, {**NO_STORE, "Location": f"/p/{token}"}
