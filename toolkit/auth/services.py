"""Accounts and logins. Functions flush; the request commits once."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError

from ..audit.chain import anchor_empty_chain
from ..common.models import new_id, utcnow
from ..common.query import rowcount
from ..errors import Conflict, Invalid
from ..extensions import db
from .models import LoginSession, Practice, Therapist
from .passwords import hash_password, verify_password
from .rules import REPEAT, normalise_email, password_problems, refresh_decision, summarise_user_agent
from .tokens import token_pair


def check_password_policy(password: str, email: str, *, user_inputs: tuple[str, ...] = ()) -> None:
    problems = password_problems(password, email=email, user_inputs=user_inputs)
    if problems:
        raise Invalid("The password does not meet the policy.", errors={"password": problems})


def email_taken(email: str) -> bool:
    stmt = select(Therapist.id).where(Therapist.email == email).execution_options(all_practices=True)
    return db.session.scalar(stmt) is not None


def create_therapist(*, practice_id: str, name: str, email: str, password: str, role: str = "therapist",
                     credentials: str | None = None, trauma_informed: bool = False,
                     clinical_lead: bool = False, phone: str | None = None) -> Therapist:
    email = normalise_email(email)
    check_password_policy(password, email, user_inputs=(name,))
    if email_taken(email):
        raise Conflict("An account with this email already exists.", errors={"email": ["Already in use."]})
    therapist = Therapist(practice_id=practice_id, name=name, email=email, password_hash=hash_password(password),
                          role=role, credentials=credentials, trauma_informed=trauma_informed,
                          clinical_lead=clinical_lead, phone=phone, active=True)
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
                           practice_id=practice.id, totp_enabled=False, must_enrol_totp=False)


class LoginFailed(Exception):
    """A wrong email, a wrong password or a deactivated account (the caller answers them alike). `account` is
    the account the email names, if any, so that the failure can be audited in its practice's trail."""

    def __init__(self, account: Therapist | None) -> None:
        super().__init__("login failed")
        self.account = account


def authenticate(email: str, password: str) -> Therapist:
    """The therapist whose email and password these are; LoginFailed otherwise."""
    stmt = select(Therapist).where(Therapist.email == normalise_email(email)).execution_options(all_practices=True)
    therapist = db.session.scalars(stmt).first()
    ok = verify_password(therapist.password_hash if therapist else None, password)
    if not ok or therapist is None or not therapist.active:
        raise LoginFailed(therapist)
    return therapist


def start_login(therapist: Therapist, *, user_agent: str | None = None) -> tuple[str, str]:
    """A new login (one device) and its first pair of tokens."""
    now, refresh_id = utcnow(), new_id()
    login = LoginSession(therapist_id=therapist.id, refresh_id=refresh_id, refreshed_at=now, last_used_at=now,
                         user_agent=summarise_user_agent(user_agent))
    db.session.add(login)
    db.session.flush()
    return token_pair(therapist, login_id=login.id, refresh_id=refresh_id, issued_at=now)


class RefreshReused(Exception):
    """A refresh token that was already exchanged was presented again: the login has been ended."""


def rotate_refresh(therapist, login_id: str, presented_id: str | None, *, grace: timedelta) -> tuple[str, str]:
    """A new access token and a new refresh token; the presented refresh token stops working.

    The swap is one conditional UPDATE, so of two requests presenting the same token only one swaps. The
    other, within `grace` of the swap, gets the very pair the first one got (two tabs of one browser); a
    refresh token presented later than that, or one older still, was copied: the whole login (every token
    of it) is ended and RefreshReused raised; the caller commits that and answers 401."""
    fresh, now = new_id(), utcnow()
    swapped = presented_id is not None and rowcount(db.session.execute(
        update(LoginSession).where(LoginSession.id == login_id, LoginSession.refresh_id == presented_id,
                                   LoginSession.revoked_at.is_(None))
        .values(refresh_id=fresh, previous_refresh_id=presented_id, refreshed_at=now, last_used_at=now)
        .execution_options(synchronize_session=False)))
    if swapped:
        return token_pair(therapist, login_id=login_id, refresh_id=fresh, issued_at=now)
    row = db.session.execute(select(LoginSession.refresh_id, LoginSession.previous_refresh_id,
                                    LoginSession.refreshed_at, LoginSession.revoked_at)
                             .where(LoginSession.id == login_id)).first()
    if row is not None and row.revoked_at is None and row.refresh_id and row.refreshed_at and refresh_decision(
            presented=presented_id, current=row.refresh_id, previous=row.previous_refresh_id,
            replaced_at=row.refreshed_at, now=now, grace=grace) == REPEAT:
        return token_pair(therapist, login_id=login_id, refresh_id=row.refresh_id, issued_at=row.refreshed_at)
    end_login(login_id)
    raise RefreshReused()


def end_login(login_id: str) -> None:
    db.session.execute(update(LoginSession).where(LoginSession.id == login_id, LoginSession.revoked_at.is_(None))
                       .values(revoked_at=datetime.now(UTC)).execution_options(synchronize_session=False))


def end_logins(therapist_id: str, *, keep: str | None = None) -> None:
    """End every login of an account (but `keep`, the caller's own, when given)."""
    stmt = update(LoginSession).where(LoginSession.therapist_id == therapist_id, LoginSession.revoked_at.is_(None))
    if keep is not None:
        stmt = stmt.where(LoginSession.id != keep)
    db.session.execute(stmt.values(revoked_at=datetime.now(UTC)).execution_options(synchronize_session=False))


@dataclass(frozen=True, slots=True)
class PracticeRef:
    id: str
    name: str
    contact: str | None = None
    emergency_contact: str | None = None


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated therapist of a request, read with one Core query (no ORM instance): what services
    take as `actor` (id, practice_id, role, clinical_lead) and what `GET /me` shows."""

    id: str
    practice_id: str
    name: str
    email: str
    role: str
    credentials: str | None
    trauma_informed: bool
    clinical_lead: bool
    active: bool
    practice: PracticeRef
    login_id: str
    totp_enabled: bool = False
    # The practice requires TOTP and the account has none: only enrolment (and /me, logout) is open.
    must_enrol_totp: bool = False


_L, _T, _P = LoginSession.__table__.c, Therapist.__table__.c, Practice.__table__.c
_LOAD_LOGIN = (select(_L.id.label("login_id"), _L.revoked_at, _T.id, _T.practice_id, _T.name, _T.email, _T.role,
                      _T.credentials, _T.trauma_informed, _T.clinical_lead, _T.active, _P.name.label("practice_name"),
                      _P.contact.label("practice_contact"), _P.emergency_contact.label("practice_emergency"),
                      _T.totp_enabled_at, _P.require_totp)
               .select_from(LoginSession.__table__.join(Therapist.__table__, _T.id == _L.therapist_id)
                            .join(Practice.__table__, _P.id == _T.practice_id))
               .where(_L.id == bindparam("sid")))


def _login_row_outside_a_transaction(session_id: str):
    """The login's row read with AUTOCOMMIT. A pooled connection that a deployment's connect hook left inside
    a transaction cannot switch: the login is then read on the session's connection, as on SQLite."""
    conn = db.engine.connect()
    try:
        try:
            conn.execution_options(isolation_level="AUTOCOMMIT")
        except db.engine.dialect.loaded_dbapi.Error:
            return db.session.connection().execute(_LOAD_LOGIN, {"sid": session_id}).first()
        return conn.execute(_LOAD_LOGIN, {"sid": session_id}).first()
    finally:
        conn.close()


def load_login(session_id: str | None) -> Caller | None:
    """The live login's caller, or None if the login is revoked or unknown or the account inactive. One Core
    statement (login, therapist and practice joined; no ORM events)."""
    if not session_id:
        return None
    bind = db.session.get_bind()
    if bind.dialect.name == "sqlite":
        row = db.session.connection().execute(_LOAD_LOGIN, {"sid": session_id}).first()
    else:
        # A server database: read outside any transaction (AUTOCOMMIT), so that a request needing nothing
        # more (GET /me) costs one round trip, not BEGIN, SELECT and ROLLBACK.
        row = _login_row_outside_a_transaction(session_id)
    if row is None or row.revoked_at is not None or not row.active:
        return None
    return Caller(id=row.id, practice_id=row.practice_id, name=row.name, email=row.email, role=row.role,
                  credentials=row.credentials, trauma_informed=bool(row.trauma_informed),
                  clinical_lead=bool(row.clinical_lead), active=True,
                  practice=PracticeRef(id=row.practice_id, name=row.practice_name, contact=row.practice_contact,
                                       emergency_contact=row.practice_emergency),
                  login_id=row.login_id, totp_enabled=row.totp_enabled_at is not None,
                  must_enrol_totp=bool(row.require_totp) and row.totp_enabled_at is None)


def update_practice(*, practice: Practice, changes: dict) -> Practice:
    """Change the practice's name, contact or TOTP requirement (admin; the resource checks the role). A blank
    contact clears it."""
    if "name" in changes:
        name = " ".join(changes["name"].split())
        if not name:
            raise Invalid("The name must not be blank.", errors={"name": ["The name must not be blank."]})
        practice.name = name
    for field in ("contact", "emergency_contact"):
        if field in changes:
            setattr(practice, field, (changes[field] or "").strip() or None)
    if "require_totp" in changes:
        practice.require_totp = bool(changes["require_totp"])
    db.session.flush()
    return practice
