"""Accounts and logins. Functions flush; the request commits once."""

from datetime import UTC, datetime

from flask_jwt_extended import create_access_token, create_refresh_token
from flask_smorest import abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from .models import LoginSession, Practice, Therapist
from .passwords import hash_password, verify_password
from .rules import normalise_email, password_problems


def check_password_policy(password: str, email: str) -> None:
    problems = password_problems(password, email=email)
    if problems:
        abort(422, message="The password does not meet the policy.", errors={"password": problems})


def email_taken(email: str) -> bool:
    stmt = select(Therapist.id).where(Therapist.email == email).execution_options(all_practices=True)
    return db.session.scalar(stmt) is not None


def create_therapist(*, practice_id: str, name: str, email: str, password: str, role: str = "therapist",
                     credentials: str | None = None, trauma_informed: bool = False,
                     clinical_lead: bool = False) -> Therapist:
    email = normalise_email(email)
    check_password_policy(password, email)
    if email_taken(email):
        abort(409, message="An account with this email already exists.", errors={"email": ["Already in use."]})
    therapist = Therapist(practice_id=practice_id, name=name, email=email, password_hash=hash_password(password),
                          role=role, credentials=credentials, trauma_informed=trauma_informed,
                          clinical_lead=clinical_lead, active=True)
    db.session.add(therapist)
    try:
        db.session.flush()
    except IntegrityError:  # a concurrent registration with the same email
        db.session.rollback()
        abort(409, message="An account with this email already exists.", errors={"email": ["Already in use."]})
    return therapist


def register_practice(*, practice_name: str, name: str, email: str, password: str) -> Therapist:
    check_password_policy(password, normalise_email(email))
    practice = Practice(name=practice_name)
    db.session.add(practice)
    db.session.flush()
    return create_therapist(practice_id=practice.id, name=name, email=email, password=password, role="admin")


def authenticate(email: str, password: str) -> Therapist | None:
    """The therapist, or None for a wrong email, a wrong password or a deactivated account alike."""
    stmt = select(Therapist).where(Therapist.email == normalise_email(email)).execution_options(all_practices=True)
    therapist = db.session.scalars(stmt).first()
    ok = verify_password(therapist.password_hash if therapist else None, password)
    return therapist if ok and therapist.active else None


def _claims(therapist: Therapist, login: LoginSession) -> dict:
    return {"sid": login.id, "pid": therapist.practice_id, "role": therapist.role}


def start_login(therapist: Therapist) -> tuple[str, str]:
    login = LoginSession(therapist_id=therapist.id)
    db.session.add(login)
    db.session.flush()
    claims = _claims(therapist, login)
    return (create_access_token(identity=therapist.id, additional_claims=claims),
            create_refresh_token(identity=therapist.id, additional_claims=claims))


def refresh_access(therapist: Therapist, login: LoginSession) -> str:
    return create_access_token(identity=therapist.id, additional_claims=_claims(therapist, login))


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
