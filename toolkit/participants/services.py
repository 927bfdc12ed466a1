from datetime import UTC, datetime

from sqlalchemy import select

from ..audit.services import record
from ..auth.models import Therapist
from ..common.query import flush_delete
from ..errors import Conflict
from ..extensions import db
from ..signals import answers, participant_deleting, participant_uses
from .models import Participant


def same_person_key(display_name: str) -> str:
    """A name as duplicates are found: case and spaces ignored."""
    return "".join(display_name.split()).casefold()


def create_participant(*, data: dict, actor, confirm_new: bool = False) -> Participant:
    """A new participant. The same name (case and spaces ignored) and date of birth as an existing
    participant is a likely duplicate (409 `possible_duplicate` naming the existing id) unless
    `confirm_new`: a second record would start with a clean safety history."""
    if not confirm_new and data.get("date_of_birth") is not None:
        key = same_person_key(data["display_name"])
        for existing_id, name in db.session.execute(
                select(Participant.id, Participant.display_name)
                .where(Participant.date_of_birth == data["date_of_birth"]).order_by(Participant.created_at)):
            if same_person_key(name) == key:
                raise Conflict(f"A participant with this name and date of birth exists already ({existing_id}): use "
                               "that record, or send confirm_new: true if this is a different person.",
                               errors={"possible_duplicate": [existing_id]})
    participant = Participant(**data)
    db.session.add(participant)
    db.session.flush()
    record("create", "participant", participant.id, actor=actor)
    return participant


def update_participant(*, participant: Participant, changes: dict, actor) -> Participant:
    archived = changes.pop("archived", None)
    for key, value in changes.items():
        setattr(participant, key, value)
    if archived is not None:
        participant.archived_at = datetime.now(UTC) if archived else None
    if db.session.is_modified(participant):  # a PATCH that changes nothing keeps the version (and the ETag)
        participant.updated_at = datetime.now(UTC)
    db.session.flush()
    record("update", "participant", participant.id, actor=actor)
    return participant


def delete_participant(*, participant: Participant, actor: Therapist) -> None:
    """Only a participant with no clinical history is deleted; otherwise 409 (archive instead)."""
    # The packages that hold references count them (screening, groups, attendance, notes).
    found = answers(participant_uses, participant_id=participant.id)
    screenings, memberships = found.get("screenings", 0), found.get("memberships", 0)
    sessions = found.get("attendance", 0) + found.get("note_entries", 0)
    message = (f"This participant has {screenings} screening(s), {memberships} current group "
               f"membership(s) and {sessions} attendance or note record(s); their clinical history "
               "is kept. Archive them instead (PATCH with {\"archived\": true}).")
    if screenings or memberships or sessions:
        raise Conflict(message)
    participant_deleting.send(None, participant_id=participant.id)  # ended memberships with nothing recorded go too
    record("delete", "participant", participant.id, actor=actor)
    db.session.delete(participant)
    flush_delete(message)
