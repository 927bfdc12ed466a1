"""Password policy: plain rules, tested directly.

Besides length, a new password is checked offline with zxcvbn (Dropbox's strength estimator, which ships
lists of the passwords most often found in breaches, common words and names): a password on those lists,
or one it rates below its top score (4 of 4: more than 10^10 guesses, so `Summer2024!!`, a season, a year and
symbols, is refused) is refused with its reason and a suggestion. The user's own name and email are context:
a password built from them is judged as guessable as it is.

Also here: the refresh grace decision, TOTP codes (RFC 6238, pyotp) and the user-agent summary of a login."""

import re
from datetime import datetime, timedelta

import pyotp
from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 12
MIN_STRENGTH = 4  # zxcvbn: 4 = "very unguessable: strong protection from offline slow-hash attacks" (>= 10^10)
_ESTIMATE_CHARS = 72  # zxcvbn refuses longer input (and its time grows with length); a longer tail only adds strength


def password_problems(password: str, *, email: str | None = None, user_inputs: tuple[str, ...] = ()) -> list[str]:
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(f"Use at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > 256:
        problems.append("Use at most 256 characters.")
    if email:
        lowered, mail = password.strip().lower(), email.strip().lower()
        if lowered == mail or lowered == mail.split("@")[0]:
            problems.append("The password must not be your email address.")
    if password and len(set(password)) < 4:
        problems.append("Use more than three different characters.")
    if not problems:
        problems += strength_problems(password, user_inputs=(*(i for i in (email,) if i), *user_inputs))
    return problems


def strength_problems(password: str, *, user_inputs: tuple[str, ...] = ()) -> list[str]:
    """Why zxcvbn finds the password guessable (empty: strong enough)."""
    inputs = [part for value in user_inputs for part in _parts(value)]
    result = zxcvbn(password[:_ESTIMATE_CHARS], user_inputs=inputs)
    common = [m for m in result["sequence"]
              if m.get("pattern") == "dictionary" and m.get("dictionary_name") == "passwords"
              and len(m.get("token", "")) >= len(password[:_ESTIMATE_CHARS]) - 4]
    problems = []
    if common:
        problems.append("This password is on the list of passwords most often found in data breaches.")
    if result["score"] < MIN_STRENGTH:
        warning = result["feedback"].get("warning")
        if warning and not common:
            problems.append(warning.rstrip(".") + ".")
        problems.append("This password is too easy to guess.")
        problems += list(result["feedback"].get("suggestions", []))[:2]
    return problems


def _parts(value: str) -> list[str]:
    """Words of a name or email that must not make a password strong (the email, its local part, ...)."""
    value = value.strip().lower()
    parts = [value, *value.replace("@", " ").replace(".", " ").replace("-", " ").split()]
    return [p for p in parts if len(p) >= 3]


def normalise_email(email: str) -> str:
    return email.strip().lower()


# --- refresh rotation -----------------------------------------------------------------------------------------

ROTATE, REPEAT, REUSED = "rotate", "repeat", "reused"


def refresh_decision(*, presented: str | None, current: str | None, previous: str | None,
                     replaced_at: datetime | None, now: datetime, grace: timedelta) -> str:
    """What a presented refresh token id does to its login (OAuth 2.0 Security BCP, refresh token rotation):
    the current one rotates; the one it replaced, within `grace` of being replaced, repeats the pair that
    replaced it (two tabs refreshing at once); anything else was used before and ends the login."""
    if presented is None:
        return REUSED
    if presented == current:
        return ROTATE
    if presented == previous and replaced_at is not None and now - replaced_at <= grace:
        return REPEAT
    return REUSED


# --- TOTP (RFC 6238) ---------------------------------------------------------------------------------------------

TOTP_ISSUER = "Inner Child Group Toolkit"
TOTP_DIGITS = 6
TOTP_PERIOD = 30
_CODE = re.compile(r"^[0-9]{6}$")


def new_totp_secret() -> str:
    return pyotp.random_base32()  # 160 bits, as RFC 4226 recommends


def totp_uri(secret: str, *, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=TOTP_ISSUER)


def totp_step(secret: str, code: str, *, at: datetime, last_step: int | None) -> int | None:
    """The time step a code belongs to (this one or its neighbours, for clock drift), or None when the code is
    wrong or that step (or a later one) was used already: each code signs in once."""
    code = code.strip().replace(" ", "")
    if not _CODE.match(code):
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(at.timestamp()) // TOTP_PERIOD
    for step in (now_step, now_step - 1, now_step + 1):
        if last_step is not None and step <= last_step:
            continue
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None


# --- sessions -------------------------------------------------------------------------------------------------

_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
             ("Safari/", "Safari"), ("curl/", "curl"), ("python-requests/", "Python requests"),
             ("node-fetch", "Node.js"), ("undici", "Node.js"), ("okhttp/", "Android app"))
_SYSTEMS = (("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("Windows", "Windows"),
            ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


def summarise_user_agent(user_agent: str | None) -> str | None:
    """A short, readable name for a login's device ("Firefox on Linux"), never the raw header (it can carry
    anything a client puts there)."""
    if not user_agent or not user_agent.strip():
        return None
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), None)
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), None)
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or system
    first = re.sub(r"[^A-Za-z0-9._/ -]", "", user_agent.split(" ", 1)[0])[:40]
    return first or "Unknown client"
