"""Accounts and logins. Functions flush; the request commits once."""

from datetime import UTC, datetime
from types import SimpleNamespace

from flask_jwt_extended import create_access_token, create_refresh_token
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..common.models import new_id, utcnow
from ..common.query import rowcount
from ..errors import Conflict, Invalid
from ..extensions import db
from .models import LoginSession, Practice, Therapist
from .passwords import hash_password, verify_password
from .rules import normalise_email, password_problems


def check_password_policy(password: str, email: str, *, user_inputs: tuple[str, ...] = ()) -> None:
    problems = password_problems(password, email=email, user_inputs=user_inputs)
    if problems:
        raise Invalid("The password does not meet the policy.", errors={"password": problems})


def email_taken(email: str) -> bool:
    stmt = select(Therapist.id).where(Therapist.email == email).execution_options(all_practices=True)
    return db.session.scalar(stmt) is not None


def create_therapist(*, practice_id: str, name: str, email: str, password: str, role: str = "therapist",
                     credentials: str | None = None, trauma_informed: bool = False,
                     clinical_lead: bool = False) -> Therapist:
    email = normalise_email(email)
    check_password_policy(password, email, user_inputs=(name,))
    if email_taken(email):
        raise Conflict("An account with this email already exists.", errors={"email": ["Already in use."]})
    therapist = Therapist(practice_id=practice_id, name=name, email=email, password_hash=hash_password(password),
                          role=role, credentials=credentials, trauma_informed=trauma_informed,
                          clinical_lead=clinical_lead, active=True)
    db.session.add(therapist)
    try:
        db.session.flush()
    except IntegrityError:  # a concurrent registration with the same email
        db.session.rollback()
        raise Conflict("An account with this email already exists.", errors={"email": ["Already in use."]}) from None
    return therapist


def register_practice(*, practice_name: str, name: str, email: str, password: str):
    """A new practice and its first admin. For an email that already has an account nothing is created, yet
    the answer looks the same (same work, same shape, ids that lead nowhere): registration must not tell
    anyone which emails have accounts. Logging in with the new password then fails like any wrong one."""
    email = normalise_email(email)
    check_password_policy(password, email, user_inputs=(name, practice_name))
    if email_taken(email):
        return _decoy_registration(practice_name=practice_name, name=name, email=email, password=password)
    practice = Practice(name=practice_name)
    db.session.add(practice)
    db.session.flush()
    from ..audit.services import anchor_empty_chain

    anchor_empty_chain(practice.id)
    try:
        return create_therapist(practice_id=practice.id, name=name, email=email, password=password, role="admin")
    except Conflict:  # a concurrent registration took the email between the check and the insert
        db.session.rollback()
        return _decoy_registration(practice_name=practice_name, name=name, email=email, password=password)


def _decoy_registration(*, practice_name: str, name: str, email: str, password: str):
    hash_password(password)  # the same work as a real registration
    practice = SimpleNamespace(id=new_id(), name=practice_name)
    return SimpleNamespace(id=new_id(), name=name, email=email, role="admin", credentials=None,
                           trauma_informed=False, clinical_lead=False, active=True, practice=practice,
                           practice_id=practice.id)


def authenticate(email: str, password: str) -> Therapist | None:
    """The therapist, or None for a wrong email, a wrong password or a deactivated account alike."""
    stmt = select(Therapist).where(Therapist.email == normalise_email(email)).execution_options(all_practices=True)
    therapist = db.session.scalars(stmt).first()
    ok = verify_password(therapist.password_hash if therapist else None, password)
    return therapist if ok and therapist is not None and therapist.active else None


def _claims(therapist: Therapist, login: LoginSession) -> dict:
    return {"sid": login.id, "pid": therapist.practice_id, "role": therapist.role}


def start_login(therapist: Therapist) -> tuple[str, str]:
    login = LoginSession(therapist_id=therapist.id, refresh_id=new_id())
    db.session.add(login)
    db.session.flush()
    claims = _claims(therapist, login)
    return (create_access_token(identity=therapist.id, additional_claims=claims),
            create_refresh_token(identity=therapist.id, additional_claims={**claims, "rid": login.refresh_id}))


class RefreshReused(Exception):
    """A refresh token that was already exchanged was presented again: the login has been ended."""


def rotate_refresh(therapist: Therapist, login: LoginSession, presented_id: str | None) -> tuple[str, str]:
    """A new access token and a new refresh token; the presented refresh token stops working.

    The swap is one conditional UPDATE, so of two requests presenting the same token only one wins. A
    refresh token that is not the login's current one was used before: someone holds a copy, so the whole
    login (every token of it) is ended and RefreshReused raised; the caller commits that and answers 401."""
    fresh = new_id()
    swapped = rowcount(db.session.execute(
        update(LoginSession).where(LoginSession.id == login.id, LoginSession.refresh_id == presented_id,
                                   LoginSession.revoked_at.is_(None))
        .values(refresh_id=fresh).execution_options(synchronize_session=False)))
    if presented_id is None or not swapped:
        db.session.execute(update(LoginSession).where(LoginSession.id == login.id, LoginSession.revoked_at.is_(None))
                           .values(revoked_at=utcnow()).execution_options(synchronize_session=False))
        raise RefreshReused()
    claims = _claims(therapist, login)
    return (create_access_token(identity=therapist.id, additional_claims=claims),
            create_refresh_token(identity=therapist.id, additional_claims={**claims, "rid": fresh}))


def end_login(login: LoginSession) -> None:
    if login.revoked_at is None:
        login.revoked_at = datetime.now(UTC)
    db.session.flush()


def load_login(session_id: str | None) -> tuple[LoginSession, Therapist] | None:
    """The live login and its therapist, or None if revoked, unknown or the account is inactive."""
    if not session_id:
        return None
    stmt = (select(LoginSession, Therapist).join(Therapist, Therapist.id == LoginSession.therapist_id)
            .where(LoginSession.id == session_id).execution_options(all_practices=True))
    row = db.session.execute(stmt).first()
    if row is None:
        return None
    login, therapist = row
    if login.revoked_at is not None or not therapist.active:
        return None
    return login, therapist
