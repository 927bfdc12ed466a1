"""Who a verified token belongs to: the accounts package's side of authentication (toolkit/access.py).

`init_app` registers `load_caller` as the app extension `toolkit.logins`; `toolkit.access.authenticate` calls it
with the claims of a token whose signature, expiry and type it has checked. The login (`sid`) must be live and
belong to the token's subject; the caller is read with one Core query (login, therapist and practice) and the
session is scoped to the caller's practice."""

from ..access import LOGINS
from ..extensions import db
from ..tenancy import set_practice
from .services import Caller, load_login


def load_caller(claims: dict) -> Caller | None:
    found = load_login(claims.get("sid"))
    if found is None or found.id != claims.get("sub"):
        return None
    set_practice(db.session, found.practice_id)
    return found


def init_app(app) -> None:
    app.extensions[LOGINS] = load_caller
