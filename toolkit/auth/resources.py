from datetime import timedelta

from flask import current_app, g, request
from flask.views import MethodView
from flask_smorest import abort

from ..access import auth_required, current_therapist, token_claims
from ..audit.services import record
from ..audit.tasks import queue_event
from ..common.etag import ETAG_HEADER, IF_MATCH, check_if_match, etag_of
from ..common.spec import LOCATION_HEADER, Blueprint, document_errors
from ..extensions import db, limiter
from . import account, services
from .models import Practice
from .schemas import (
    LoginSchema,
    MeSchema,
    PracticeSettingsSchema,
    PracticeUpdateSchema,
    RegisteredSchema,
    RegisterSchema,
    TokensSchema,
)

blp = Blueprint("auth", __name__, url_prefix="/api/v1",
                description="Practices, logins and tokens; the account's password, logins and two-factor sign-in.")
PUBLIC: dict[str, list] = {"security": []}


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_email_key():
    body = request.get_json(silent=True) or {}
    email = body.get("email") if isinstance(body, dict) else None
    return f"login-email:{str(email).strip().lower()[:320]}" if email else "login-email:-"


def _failed(response) -> bool:
    return response.status_code == 401 and not g.get("login_code_needed")


def _address_limit():
    return current_app.config["LOGIN_ADDRESS_RATE_LIMIT"]


def _account_limit():
    return current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"]


def _tokens(access: str, refresh: str) -> dict:
    return {"access_token": access, "refresh_token": refresh, "token_type": "Bearer",
            "expires_in": int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())}


@blp.after_request
def _no_store(response):
    """Tokens and account answers are never stored by a browser or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


@blp.route("/auth/register", methods=["POST"])
@limiter.limit(_login_limit)
@blp.arguments(RegisterSchema)
@blp.response(201, RegisteredSchema, headers=LOCATION_HEADER)
@document_errors(blp, 400, 409, 413, 422, 429)
@blp.doc(operationId="registerPractice", summary="Register a practice and its first admin", **PUBLIC)
def register(args):
    """Creates a new practice (tenant) and its first therapist, with the `admin` role.

    The password needs at least 12 characters, must not be the email address, and must not be one of the
    passwords most often found in breaches or otherwise easy to guess (checked offline with zxcvbn); a
    refused password answers 422 with the reasons in `errors.password`.

    The answer does not tell whether the email already has an account: for such an email nothing is
    created, the answer has the same shape (with ids that lead nowhere), and logging in with the new
    password fails like any wrong password."""
    therapist = services.register_practice(**args)
    db.session.commit()
    return {"practice": therapist.practice, "therapist": therapist}, 201, {
        "Location": f"{blp.url_prefix}/therapists/{therapist.id}"}


@blp.route("/auth/login", methods=["POST"])
@limiter.limit(_address_limit, deduct_when=_failed)
@limiter.limit(_account_limit, key_func=_login_email_key, deduct_when=_failed)
@blp.arguments(LoginSchema)
@blp.response(200, TokensSchema)
@document_errors(blp, 400, 401, 413, 422, 429)
@blp.doc(operationId="login", summary="Log in", **PUBLIC)
def login(args):
    """Returns an access token (short-lived) and a refresh token for one login (one device).

    With two-factor sign-in on, send the authenticator app's current code as `totp`: a right password
    without it answers 401 with `errors.totp` (send the login again with the code); a wrong or already used
    code answers 401 too. Where the practice requires two-factor sign-in and the account has none, the login
    succeeds but only enrolment is open (`must_enrol_totp` in `GET /me`; other operations answer 403).

    A wrong email, a wrong password and a deactivated account all answer the same 401; a failure for an
    existing account is an event of its practice's audit trail (never the password). Repeated failures for
    one account answer 429 with `Retry-After`, with backoff (`LOGIN_ACCOUNT_RATE_LIMIT`: 5 a minute, 20 an
    hour, 50 a day); other accounts signing in from the same address are not held up by them (the limit per
    address is far higher, for a clinic behind one address)."""
    try:
        therapist = services.authenticate(args["email"], args["password"])
        account.check_login_code(therapist, args.get("totp"))
    except services.LoginFailed as failed:
        account.audit_failed_login(failed.account, args["email"], key=current_app.config["AUDIT_KEY"])
        db.session.commit()
        abort(401, message="Email or password is wrong.")
    except account.CodeNeeded:
        g.login_code_needed = True  # not a failure: the limiter does not count it
        abort(401, message="Two-factor sign-in is on: send the authenticator app's current code as `totp`.",
              errors={"totp": ["A code from your authenticator app is needed."]})
    except account.CodeRefused as refused:
        account.audit_failed_login(refused.account, args["email"], key="", action="login_totp")
        db.session.commit()
        abort(401, message="The code is wrong or was used already.", errors={"totp": ["Wrong or already used."]})
    access, refresh = services.start_login(therapist, user_agent=request.headers.get("User-Agent"))
    db.session.commit()
    queue_event("login", "therapist", therapist.id, actor=therapist)
    return _tokens(access, refresh)


@blp.route("/auth/refresh", methods=["POST"])
@auth_required(refresh=True)
@blp.response(200, TokensSchema)
@document_errors(blp, 401)
@blp.doc(operationId="refreshAccessToken", summary="Get a new access token and a new refresh token",
         security=[{"bearerAuth": []}])
def refresh():
    """Send the **refresh** token as the bearer token; returns a new access token and a new refresh token
    for the same login. Refresh tokens rotate: keep the new one. The one you sent, sent again within
    `REFRESH_GRACE_SECONDS` (30 s) of its first use, answers with the very same new pair (two tabs of one
    browser refreshing at once both keep the login); sent later than that, it is taken as theft (OAuth 2.0
    Security BCP): the whole login ends (every token of it answers 401) and the user must log in again."""
    caller = current_therapist()
    grace = timedelta(seconds=current_app.config["REFRESH_GRACE_SECONDS"])
    try:
        access, refresh_token = services.rotate_refresh(caller, caller.login_id, token_claims().get("rid"),
                                                        grace=grace)
    except services.RefreshReused:
        db.session.commit()
        abort(401, message="This refresh token was already used: the login has been ended. Log in again.")
    db.session.commit()
    return _tokens(access, refresh_token)


@blp.route("/auth/logout", methods=["POST"])
@auth_required(verify_type=False)
@blp.response(204)
@document_errors(blp, 401)
@blp.doc(operationId="logout", summary="Log out this login")
def logout():
    """Ends this login: its access token, its refresh token and every access token refreshed from it
    stop working on every instance. The same therapist's other logins (other devices) go on."""
    services.end_login(current_therapist().login_id)
    db.session.commit()


@blp.route("/me", methods=["GET"])
@auth_required(enrolling=True)
@blp.response(200, MeSchema)
@document_errors(blp, 401)
@blp.doc(operationId="getMe", summary="The logged-in therapist")
def me():
    """The therapist the access token belongs to, with their practice and role."""
    return current_therapist()


@blp.route("/practice")
class PracticeSettings(MethodView):
    decorators = [auth_required]

    @blp.response(200, PracticeSettingsSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401)
    @blp.doc(operationId="getPractice", summary="Your practice and its settings")
    def get(self):
        """The practice of the logged-in therapist: its name and its `contact`, the line the participant
        handout prints so participants know how to reach the practice (and a crisis line). The `ETag` header
        (also `etag` in the body) is the version to send as `If-Match` with a change."""
        practice = db.session.get(Practice, current_therapist().practice_id)
        return practice, 200, {"ETag": etag_of(practice)}

    @auth_required(admin=True)
    @blp.arguments(PracticeUpdateSchema)
    @blp.response(200, PracticeSettingsSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 403, 412, 413, 422, 428)
    @blp.doc(operationId="updatePractice",
             summary="Change your practice's settings (admin): name, contact, required two-factor sign-in",
             parameters=[IF_MATCH])
    def patch(self, changes):
        """Only an admin, with the settings' ETag as `If-Match` (412 when another admin changed them since,
        428 without). Send only the fields to change; a null or blank `contact` clears it. The contact
        is printed on every participant handout from then on. `require_totp: true` makes every therapist
        sign in with a TOTP code: those without one enrol at their next login (202 `totp_enrolment`)."""
        caller = current_therapist()
        practice = db.session.get(Practice, caller.practice_id)
        check_if_match(practice, what="practice")
        practice = services.update_practice(practice=practice, changes=changes)
        record("update", "practice", practice.id, actor=caller)
        db.session.commit()
        return practice, 200, {"ETag": etag_of(practice)}
