"""Group kind and membership rules: plain functions, tested directly."""

from datetime import date

KIND_LIMITS = {"individual": 1, "couples": 2}
MIN_MEMBERS_TO_PLAN = {"individual": 1, "couples": 2, "family": 2, "retreat": 1, "group": 2}
NEEDS_CAPACITY = ("retreat", "group")


def member_limit(kind: str, capacity: int | None) -> int | None:
    """How many members a group of this kind may hold (None: no limit)."""
    fixed = KIND_LIMITS.get(kind)
    if fixed is not None:
        return fixed if capacity is None else min(fixed, capacity)
    return capacity


def full_message(kind: str, limit: int) -> str:
    if kind == "individual":
        return "An individual group holds exactly one participant."
    if kind == "couples":
        return "A couples group holds two participants."
    return f"The group is full (capacity {limit})."


def group_problems(*, kind: str, capacity: int | None, starts_on, ends_on, member_count: int = 0) -> dict:
    """Field errors for a group's settings (empty dict: fine)."""
    errors: dict[str, list[str]] = {}
    if kind in NEEDS_CAPACITY and capacity is None:
        errors.setdefault("capacity", []).append(f"A {kind} needs a capacity.")
    limit = member_limit(kind, capacity)
    if limit is not None and member_count > limit:
        errors.setdefault("kind" if capacity is None else "capacity", []).append(
            f"The group already has {member_count} members; this allows {limit}.")
    if starts_on and ends_on and ends_on < starts_on:
        errors.setdefault("ends_on", []).append("Must not be before starts_on.")
    return errors


def planning_warning(kind: str, member_count: int) -> str | None:
    """A plan for a group that has too few members for its kind (a warning, not an error)."""
    needed = MIN_MEMBERS_TO_PLAN.get(kind, 1)
    if member_count < needed:
        return f"A {kind} group needs at least {needed} member(s) to run this plan; it has {member_count}."
    return None


def closed_to(*, closed: bool, starts_on, joined_on) -> str | None:
    """Why a closed group refuses a member joining on this date (None: they may join)."""
    if closed and starts_on is not None and joined_on > starts_on:
        return f"The group is closed: no one joins after it starts ({starts_on.isoformat()})."
    return None


def on_roster(joined_on: date, left_on: date | None, day: date) -> bool:
    """A membership period covers `day`: from joined_on (inclusive) up to left_on (exclusive: the first day
    the person is no longer a member)."""
    return joined_on <= day and (left_on is None or day < left_on)


def roster_on(periods, day: date) -> list[str]:
    """The participant ids whose period (participant_id, joined_on, left_on) covers `day`, first-joined
    first (in the given order for the same day), each once."""
    seen: list[str] = []
    for participant_id, joined_on, left_on in sorted(periods, key=lambda p: p[1]):
        if on_roster(joined_on, left_on, day) and participant_id not in seen:
            seen.append(participant_id)
    return seen
