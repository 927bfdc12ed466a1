"""The account lifecycle: passwords (change, reset by a one-time link, an admin's reset), the logins an account
holds, the TOTP second factor, and the audit of failed sign-ins. Functions flush; the request commits once
(issue 28).

Reset links are `AccountToken` rows holding only the secret's SHA-256: each expires and works once."""

import hashlib
import hmac
import logging
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select, update

from .. import signals
from ..audit.services import record
from ..common.models import utcnow
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..tenancy import set_practice
from .models import AccountToken, LoginSession, Therapist
from .passwords import hash_password, verify_password
from .rules import new_totp_secret, normalise_email, totp_step, totp_uri
from .services import check_password_policy, end_logins
from .tokens import hash_secret, new_secret

log = logging.getLogger("toolkit.auth")

RESET = "password_reset"


def _nobody(practice_id: str) -> SimpleNamespace:
    """The actor of an event nobody signed in for (a failed sign-in, a reset asked by email)."""
    return SimpleNamespace(id=None, practice_id=practice_id)


# --- failed sign-ins ------------------------------------------------------------------------------------------

def audit_failed_login(account: Therapist | None, email: str, *, key: str, action: str = "login") -> None:
    """A failed sign-in for an account is an event of its practice's trail (`login`, outcome `denied`, the
    account as the record, no actor: whoever tried is not known). An email with no account belongs to no
    practice: it is logged as a keyed hash (HMAC with the audit key), never as typed, since people type
    passwords and other people's addresses into that field; an admin can still check a suspected address by
    hashing it the same way. The password is never recorded."""
    if account is not None:
        record(action, "therapist", account.id, actor=_nobody(account.practice_id), outcome="denied")
        return
    digest = hmac.new(key.encode(), normalise_email(email).encode(), hashlib.sha256).hexdigest()[:16]
    log.warning("failed sign-in for an email with no account (hmac %s)", digest)


# --- passwords ------------------------------------------------------------------------------------------------

def change_password(*, therapist: Therapist, current_password: str, new_password: str, login_id: str) -> None:
    """The old password is required; every other login of the account ends (this one goes on)."""
    if not verify_password(therapist.password_hash, current_password):
        raise Invalid("The current password is wrong.", errors={"current_password": ["The password is wrong."]})
    _set_password(therapist, new_password)
    end_logins(therapist.id, keep=login_id)
    record("change_password", "therapist", therapist.id, actor=therapist)


def _set_password(therapist: Therapist, new_password: str) -> None:
    try:
        check_password_policy(new_password, therapist.email, user_inputs=(therapist.name,))
    except Invalid as refused:
        raise Invalid(refused.message, errors={"new_password": (refused.errors or {}).get("password", [])}) from None
    therapist.password_hash = hash_password(new_password)
    therapist.password_changed_at = utcnow()
    db.session.flush()


def request_password_reset(*, email: str, link: str, minutes: int) -> None:
    """A one-time reset link for the active account with this email, sent by `signals.password_reset_requested`
    (the notifications package emails it). An unknown email does nothing: the caller answers the same."""
    stmt = select(Therapist).where(Therapist.email == normalise_email(email)).execution_options(all_practices=True)
    therapist = db.session.scalars(stmt).first()
    if therapist is None or not therapist.active:
        return
    send_reset(therapist=therapist, link=link, minutes=minutes, actor=None)


def send_reset(*, therapist: Therapist, link: str, minutes: int, actor) -> None:
    """Make the link (`link` with `{token}` in it) and send it; `actor` is the admin who asked, or None."""
    secret = _issue(therapist, RESET, minutes=minutes)
    record("request_password_reset", "therapist", therapist.id, actor=actor or _nobody(therapist.practice_id))
    signals.password_reset_requested.send(actor, therapist=therapist, url=link.replace("{token}", secret))


def reset_password(*, secret: str, new_password: str) -> None:
    """Set a new password with a reset link's secret: the link is used up, and so is every other outstanding
    link of the account; every login of the account ends."""
    token = _live_token(secret, RESET)
    therapist = _account_of(token)
    if therapist is None or not therapist.active:
        raise NotFound("This reset link is unknown, used or expired: ask for a new one.")
    _set_password(therapist, new_password)
    now = utcnow()
    db.session.execute(update(AccountToken).where(AccountToken.therapist_id == therapist.id,
                                                  AccountToken.purpose == RESET, AccountToken.used_at.is_(None))
                       .values(used_at=now).execution_options(synchronize_session=False))
    end_logins(therapist.id)
    record("reset_password", "therapist", therapist.id, actor=_nobody(therapist.practice_id))


def _issue(therapist: Therapist, purpose: str, *, minutes: int) -> str:
    secret, digest = new_secret()
    db.session.add(AccountToken(therapist_id=therapist.id, purpose=purpose, secret_hash=digest,
                                expires_at=utcnow() + timedelta(minutes=minutes)))
    db.session.flush()
    return secret


def _account_of(token: AccountToken) -> Therapist | None:
    """The token's account, read before anyone is signed in; the session is then scoped to its practice."""
    stmt = select(Therapist).where(Therapist.id == token.therapist_id).execution_options(all_practices=True)
    therapist = db.session.scalars(stmt).first()
    if therapist is not None:
        set_practice(db.session, therapist.practice_id)
    return therapist


def _live_token(secret: str, purpose: str) -> AccountToken:
    stmt = select(AccountToken).where(AccountToken.secret_hash == hash_secret(secret or ""),
                                      AccountToken.purpose == purpose)
    token = db.session.scalars(stmt).first() if secret and len(secret) <= 200 else None
    if token is None or token.used_at is not None or token.expires_at <= utcnow():
        raise NotFound("This reset link is unknown, used or expired: ask for a new one.")
    return token


# --- logins (sessions) ----------------------------------------------------------------------------------------

def live_logins(therapist_id: str) -> list[LoginSession]:
    return list(db.session.scalars(select(LoginSession).where(
        LoginSession.therapist_id == therapist_id, LoginSession.revoked_at.is_(None))
        .order_by(LoginSession.last_used_at.desc(), LoginSession.created_at.desc())))


def end_own_login(*, therapist_id: str, login_id: str) -> None:
    found = db.session.scalars(select(LoginSession).where(
        LoginSession.id == login_id, LoginSession.therapist_id == therapist_id,
        LoginSession.revoked_at.is_(None))).first()
    if found is None:
        raise NotFound("No live login of yours has this id.")
    found.revoked_at = utcnow()
    db.session.flush()


# --- TOTP -------------------------------------------------------------------------------------------------------

def start_totp(*, therapist: Therapist) -> dict:
    """A new secret, pending until confirmed with a first code (a pending one is replaced)."""
    if therapist.totp_enabled_at is not None:
        raise Conflict("Two-factor sign-in is on already: turn it off first to enrol a new device.")
    therapist.totp_secret, therapist.totp_last_step = new_totp_secret(), None
    db.session.flush()
    return {"secret": therapist.totp_secret, "otpauth_uri": totp_uri(therapist.totp_secret, account=therapist.email)}


def confirm_totp(*, therapist: Therapist, code: str) -> None:
    if therapist.totp_enabled_at is not None:
        raise Conflict("Two-factor sign-in is on already.")
    if therapist.totp_secret is None:
        raise Conflict("Start the enrolment first (POST /me/totp).")
    _check_code(therapist, code)
    therapist.totp_enabled_at = utcnow()
    db.session.flush()
    record("enable_totp", "therapist", therapist.id, actor=therapist)


def disable_totp(*, therapist: Therapist, password: str) -> None:
    if not verify_password(therapist.password_hash, password):
        raise Invalid("The password is wrong.", errors={"password": ["The password is wrong."]})
    if therapist.practice.require_totp:
        raise Conflict("Your practice requires two-factor sign-in: it cannot be turned off.")
    if therapist.totp_enabled_at is None and therapist.totp_secret is None:
        raise NotFound("Two-factor sign-in is not on.")
    therapist.totp_secret = therapist.totp_enabled_at = therapist.totp_last_step = None
    db.session.flush()
    record("disable_totp", "therapist", therapist.id, actor=therapist)


def _check_code(therapist: Therapist, code: str) -> None:
    step = totp_step(therapist.totp_secret or "", code, at=utcnow(), last_step=therapist.totp_last_step)
    if step is None:
        raise Invalid("The code is wrong or was used already.", errors={"code": ["Wrong or already used."]})
    therapist.totp_last_step = step


# --- the second step of a sign-in ------------------------------------------------------------------------------

def check_login_code(therapist: Therapist, code: str | None) -> None:
    """With TOTP on, a login needs the current code as well as the password: CodeNeeded without one,
    CodeRefused for a wrong or already used one (the caller commits: the event and the used step count).
    Guessing is bounded by the per-account sign-in limit (5 a minute, 20 an hour, 50 a day by default)."""
    if therapist.totp_enabled_at is None:
        return
    if not code:
        raise CodeNeeded()
    try:
        _check_code(therapist, code)
    except Invalid:
        raise CodeRefused(therapist) from None
    db.session.flush()


class CodeNeeded(Exception):
    """The password was right; the account signs in with a TOTP code too."""


class CodeRefused(Exception):
    """A wrong or already used TOTP code at sign-in."""

    def __init__(self, account: Therapist) -> None:
        super().__init__("wrong code")
        self.account = account
