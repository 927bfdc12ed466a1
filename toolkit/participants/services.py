from datetime import UTC, datetime

from flask_smorest import abort
from sqlalchemy import delete, func, select

from ..audit.services import record
from ..extensions import db
from .models import Participant


def create_participant(data: dict, *, actor) -> Participant:
    participant = Participant(**data)
    db.session.add(participant)
    db.session.flush()
    record("create", "participant", participant.id, actor=actor)
    return participant


def update_participant(participant: Participant, changes: dict, *, actor) -> Participant:
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


def delete_participant(participant: Participant, *, actor) -> None:
    """Only a participant with no clinical history is deleted; otherwise 409 (archive instead)."""
    from ..groups.models import GroupMember
    from ..screening.models import Screening

    screenings = db.session.scalar(select(func.count()).select_from(Screening)
                                   .where(Screening.participant_id == participant.id))
    from ..attendance.models import AttendanceRecord
    from ..notes.models import NoteEntry

    memberships = db.session.scalar(select(func.count()).select_from(GroupMember)
                                    .where(GroupMember.participant_id == participant.id, GroupMember.left_on.is_(None)))
    sessions = sum(db.session.scalar(select(func.count()).select_from(model).where(
        model.participant_id == participant.id)) for model in (AttendanceRecord, NoteEntry))
    if screenings or memberships or sessions:
        abort(409, message=(f"This participant has {screenings} screening(s), {memberships} current group "
                            f"membership(s) and {sessions} attendance or note record(s); their clinical history "
                            "is kept. Archive them instead (PATCH with {\"archived\": true})."))
    # Ended memberships with nothing recorded go with the person.
    db.session.execute(delete(GroupMember).where(GroupMember.participant_id == participant.id))
    record("delete", "participant", participant.id, actor=actor)
    db.session.delete(participant)
    db.session.flush()
