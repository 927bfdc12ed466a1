from flask import current_app, g, request
from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt
from flask_smorest import Blueprint, abort

from ..audit.services import record
from ..audit.tasks import queue_event
from ..common.spec import LOCATION_HEADER, document_errors
from ..extensions import db, limiter
from . import services
from .jwt import auth_required
from .models import Practice
from .schemas import (
    LoginSchema,
    MeSchema,
    PracticeSchema,
    PracticeUpdateSchema,
    RegisteredSchema,
    RegisterSchema,
    TokensSchema,
)

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="Practices, logins and tokens.")
PUBLIC: dict[str, list] = {"security": []}


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_email_key():
    body = request.get_json(silent=True) or {}
    email = body.get("email") if isinstance(body, dict) else None
    return f"login-email:{str(email).strip().lower()[:320]}" if email else "login-email:-"


def _failed(response) -> bool:
    return response.status_code == 401


def _expires_in() -> int:
    return int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())


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
@limiter.limit(_login_limit, deduct_when=_failed)
@limiter.limit(_login_limit, key_func=_login_email_key, deduct_when=_failed)
@blp.arguments(LoginSchema)
@blp.response(200, TokensSchema)
@document_errors(blp, 400, 401, 413, 422, 429)
@blp.doc(operationId="login", summary="Log in", **PUBLIC)
def login(args):
    """Returns an access token (short-lived) and a refresh token for one login (one device).

    A wrong email, a wrong password and a deactivated account all answer the same 401. Repeated
    failures for one account or from one address answer 429 with `Retry-After`."""
    therapist = services.authenticate(args["email"], args["password"])
    if therapist is None:
        abort(401, message="Email or password is wrong.")
    access, refresh = services.start_login(therapist)
    db.session.commit()
    queue_event("login", "therapist", therapist.id, actor=therapist)
    return {"access_token": access, "refresh_token": refresh, "token_type": "Bearer", "expires_in": _expires_in()}


@blp.route("/auth/refresh", methods=["POST"])
@auth_required(refresh=True)
@blp.response(200, TokensSchema)
@document_errors(blp, 401)
@blp.doc(operationId="refreshAccessToken", summary="Get a new access token and a new refresh token",
         security=[{"bearerAuth": []}])
def refresh():
    """Send the **refresh** token as the bearer token; returns a new access token and a new refresh token
    for the same login. Refresh tokens rotate: the one you sent stops working, keep the new one. Sending
    an already used refresh token again is taken as theft: the whole login ends (every token of it
    answers 401) and the user must log in again."""
    try:
        access, refresh_token = services.rotate_refresh(current_user, g.therapist.login_id, get_jwt().get("rid"))
    except services.RefreshReused:
        db.session.commit()
        abort(401, message="This refresh token was already used: the login has been ended. Log in again.")
    db.session.commit()
    return {"access_token": access, "refresh_token": refresh_token, "token_type": "Bearer",
            "expires_in": _expires_in()}


@blp.route("/auth/logout", methods=["POST"])
@auth_required(verify_type=False)
@blp.response(204)
@document_errors(blp, 401)
@blp.doc(operationId="logout", summary="Log out this login")
def logout():
    """Ends this login: its access token, its refresh token and every access token refreshed from it
    stop working on every instance. The same therapist's other logins (other devices) go on."""
    services.end_login(g.therapist.login_id)
    db.session.commit()


@blp.route("/me", methods=["GET"])
@auth_required
@blp.response(200, MeSchema)
@document_errors(blp, 401)
@blp.doc(operationId="getMe", summary="The logged-in therapist")
def me():
    """The therapist the access token belongs to, with their practice and role."""
    return g.therapist  # the object itself: the schema reads ten attributes, each through a proxy otherwise


@blp.route("/practice")
class PracticeSettings(MethodView):
    decorators = [auth_required]

    @blp.response(200, PracticeSchema)
    @document_errors(blp, 401)
    @blp.doc(operationId="getPractice", summary="Your practice and its settings")
    def get(self):
        """The practice of the logged-in therapist: its name and its `contact`, the line the participant
        handout prints so participants know how to reach the practice (and a crisis line)."""
        return db.session.get(Practice, current_user.practice_id)

    @auth_required(admin=True)
    @blp.arguments(PracticeUpdateSchema)
    @blp.response(200, PracticeSchema)
    @document_errors(blp, 400, 401, 403, 413, 422)
    @blp.doc(operationId="updatePractice", summary="Change your practice's settings (admin): name, contact")
    def patch(self, changes):
        """Only an admin. Send only the fields to change; a null or blank `contact` clears it. The contact
        is printed on every participant handout from then on."""
        practice = services.update_practice(practice=db.session.get(Practice, current_user.practice_id),
                                            changes=changes)
        record("update", "practice", practice.id, actor=current_user)
        db.session.commit()
        return practice
