"""The account lifecycle over HTTP (issue 28): password change and reset, the caller's logins, TOTP. The routes
belong to the `auth` blueprint (toolkit/auth/resources.py), which this module hands on complete: the registry
imports `blp` from here."""

import time

from flask import current_app, request
from flask.views import MethodView

from ..access import auth_required, current_therapist
from ..common.spec import document_errors
from ..extensions import db, limiter
from ..web import get_or_404
from . import account
from .models import Therapist
from .resources import PUBLIC, _address_limit, _login_email_key, _login_limit, blp
from .schemas import (
    AcceptedSchema,
    LoginSessionSchema,
    PasswordChangeSchema,
    PasswordConfirmSchema,
    PasswordResetRequestSchema,
    PasswordResetSchema,
    TotpCodeSchema,
    TotpEnrolmentSchema,
)


def reset_link() -> str:
    """The link a reset email carries, `{token}` standing for the secret."""
    return current_app.config["PASSWORD_RESET_URL"] or request.host_url.rstrip("/") + "/reset-password#token={token}"


def _me() -> Therapist:
    return get_or_404(Therapist, current_therapist().id, what="Therapist")


@blp.route("/auth/password", methods=["POST"])
@auth_required(enrolling=True)
@limiter.limit(_address_limit)
@blp.arguments(PasswordChangeSchema)
@blp.response(204)
@document_errors(blp, 400, 401, 413, 422, 429)
@blp.doc(operationId="changePassword", summary="Change your password")
def change_password(args):
    """Needs the current password (422 naming `current_password` when wrong). The new one follows the password
    policy (422 naming `new_password`). Every other login of the account ends at once; this one goes on."""
    account.change_password(therapist=_me(), current_password=args["current_password"],
                            new_password=args["new_password"], login_id=current_therapist().login_id)
    db.session.commit()


@blp.route("/auth/password-reset", methods=["POST"])
@limiter.limit(_login_limit)
@limiter.limit(_login_limit, key_func=_login_email_key)
@blp.arguments(PasswordResetRequestSchema)
@blp.response(202, AcceptedSchema)
@document_errors(blp, 400, 413, 422, 429)
@blp.doc(operationId="requestPasswordReset", summary="Ask for a password reset link by email", **PUBLIC)
def request_password_reset(args):
    """Always 202, whatever the email, in the same time (at least `PASSWORD_RESET_MIN_SECONDS`) whether an
    account has it or not. For an active account, a one-time link is emailed to its address: it holds a
    256-bit secret (only its hash is kept), works once, and expires after `PASSWORD_RESET_MINUTES` (30)."""
    started = time.monotonic()
    account.request_password_reset(email=args["email"], link=reset_link(),
                                   minutes=current_app.config["PASSWORD_RESET_MINUTES"])
    db.session.commit()
    _wait_until(started + current_app.config["PASSWORD_RESET_MIN_SECONDS"])
    return {"message": "If an account has this email, a reset link is on its way to it."}


def _wait_until(moment: float) -> None:
    """Answer no sooner than `moment`: the work done for an existing account (a token, an outbox email) must
    not show in the time taken."""
    left = moment - time.monotonic()
    if left > 0:
        time.sleep(left)


@blp.route("/auth/password-reset/<string:token>", methods=["POST"])
@limiter.limit(_address_limit)
@blp.arguments(PasswordResetSchema)
@blp.response(204)
@document_errors(blp, 400, 404, 413, 422, 429)
@blp.doc(operationId="resetPassword", summary="Set a new password with a reset link", **PUBLIC)
def reset_password(args, token):
    """`token` is the secret of the emailed link. The new password follows the policy (422 naming
    `new_password`); on success the link and any other outstanding link of the account stop working, and every
    login of the account ends. An unknown, used or expired link answers 404."""
    account.reset_password(secret=token, new_password=args["new_password"])
    db.session.commit()


@blp.route("/me/sessions")
class MySessions(MethodView):
    decorators = [auth_required(enrolling=True)]

    @blp.response(200, LoginSessionSchema(many=True))
    @document_errors(blp, 401)
    @blp.doc(operationId="listMySessions", summary="Your logins (devices)")
    def get(self):
        """Every live login of your account, the most recently used first; `current` marks this one."""
        caller = current_therapist()
        return [{"id": s.id, "created_at": s.created_at, "last_used_at": s.last_used_at, "user_agent": s.user_agent,
                 "current": s.id == caller.login_id} for s in account.live_logins(caller.id)]


@blp.route("/me/sessions/<string:session_id>")
class MySession(MethodView):
    decorators = [auth_required(enrolling=True)]

    @blp.response(204)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="endMySession", summary="End one of your logins")
    def delete(self, session_id):
        """Its tokens stop working on every instance. Ending the current one is a logout. An id that is not a
        live login of yours answers 404."""
        account.end_own_login(therapist_id=current_therapist().id, login_id=session_id)
        db.session.commit()


@blp.route("/me/totp")
class MyTotp(MethodView):
    decorators = [auth_required(enrolling=True)]

    @blp.response(201, TotpEnrolmentSchema, headers={
        "Location": {"description": "Where the enrolment is confirmed: /api/v1/me/totp/confirm.",
                     "schema": {"type": "string"}},
        "Cache-Control": {"description": "no-store: the secret is shown once.", "schema": {"type": "string"}}})
    @document_errors(blp, 401, 409)
    @blp.doc(operationId="startTotpEnrolment", summary="Start turning on two-factor sign-in (TOTP)")
    def post(self):
        """A new secret and its otpauth:// URI (show it as a QR code), shown this once. Two-factor sign-in is
        on only after `POST /me/totp/confirm` with a first code; until then, starting again replaces the
        secret. 409 when it is on already."""
        enrolment = account.start_totp(therapist=_me())
        db.session.commit()
        return enrolment, 201, {"Location": f"{blp.url_prefix}/me/totp/confirm"}

    @blp.arguments(PasswordConfirmSchema)
    @blp.response(204)
    @document_errors(blp, 400, 401, 404, 409, 413, 422)
    @blp.doc(operationId="disableTotp", summary="Turn off two-factor sign-in")
    def delete(self, args):
        """Needs your password (422 naming `password`). 409 when the practice requires two-factor sign-in; 404
        when it is not on."""
        account.disable_totp(therapist=_me(), password=args["password"])
        db.session.commit()


@blp.route("/me/totp/confirm", methods=["POST"])
@auth_required(enrolling=True)
@limiter.limit(_address_limit)
@blp.arguments(TotpCodeSchema)
@blp.response(204)
@document_errors(blp, 400, 401, 409, 413, 422, 429)
@blp.doc(operationId="confirmTotp", summary="Turn on two-factor sign-in with a first code")
def confirm_totp(args):
    """The current code of the authenticator app (422 naming `code` when wrong). From then on every login
    asks for a code (`POST /auth/login` answers 202, then `POST /auth/login/totp`)."""
    account.confirm_totp(therapist=_me(), code=args["code"])
    db.session.commit()
