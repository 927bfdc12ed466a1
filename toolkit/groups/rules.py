"""Group kind rules: plain functions, tested directly."""

KIND_LIMITS = {"individual": 1, "couples": 2}
MIN_MEMBERS_TO_PLAN = {"individual": 1, "couples": 2, "family": 2, "retreat": 1}


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
    if kind == "retreat" and capacity is None:
        errors.setdefault("capacity", []).append("A retreat needs a capacity.")
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
