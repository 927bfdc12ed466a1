"""Password policy: plain rules, tested directly."""

MIN_PASSWORD_LENGTH = 12


def password_problems(password: str, *, email: str | None = None) -> list[str]:
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
    return problems


def normalise_email(email: str) -> str:
    return email.strip().lower()
