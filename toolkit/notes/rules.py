"""Session notes: draft, then signed (locked), then only addenda. Plain functions."""

NOTE_STATUSES = ("draft", "signed")


def editable(status: str) -> bool:
    return status == "draft"


def view_for_participant(*, shared: str, entries, participant_id: str) -> dict:
    """What one participant's record shows of a note: the shared part and only their own entry."""
    own = next((e for e in entries if e["participant_id"] == participant_id), None)
    return {"shared": shared, "entry": own}


def entry_problems(entries, roster) -> dict:
    """Field errors for note entries: each for a member on the session's roster, at most once."""
    allowed = set(roster)
    errors: dict = {}
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        pid = entry["participant_id"]
        if pid not in allowed:
            errors[str(i)] = {"participant_id": ["Not on this session's roster."]}
        elif pid in seen:
            errors[str(i)] = {"participant_id": ["A second entry for the same participant."]}
        seen.add(pid)
    return errors
