"""Password policy: plain rules, tested directly.

Besides length, a new password is checked offline with zxcvbn (Dropbox's strength estimator, which ships
lists of the passwords most often found in breaches, common words and names): a password on those lists,
or one it rates as guessable (score below 3 of 4), is refused with its reason and a suggestion."""

from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 12
MIN_STRENGTH = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline slow-hash attacks"
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
