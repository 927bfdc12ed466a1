"""Session notes: PHI. Every read and write is audited; no text of a note is ever logged."""

from datetime import UTC, datetime

from sqlalchemy import select

from .. import signals
from ..attendance.services import roster
from ..audit.services import record
from ..common.etag import etag_of
from ..errors import Conflict, Invalid
from ..extensions import db
from ..groups.models import GroupMember
from ..participants.models import Participant
from ..plans.models import SessionPlan
from .models import NoteAddendum, NoteEntry, SessionNote
from .rules import editable, entry_problems, view_for_participant


def _person(therapist) -> dict | None:
    return {"id": therapist.id, "name": therapist.name} if therapist is not None else None


def _names(ids) -> dict[str, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(Participant.id, Participant.display_name)
                                   .where(Participant.id.in_(ids))).all())


def _addenda(note: SessionNote) -> list[dict]:
    return [{"id": a.id, "author": _person(a.author), "at": a.at, "text": a.text} for a in note.addenda]


def present(note: SessionNote) -> dict:
    names = _names({e.participant_id for e in note.entries})
    return {"id": note.id, "plan_id": note.plan_id, "status": note.status, "shared": note.shared,
            "entries": [{"participant_id": e.participant_id, "display_name": names.get(e.participant_id, ""),
                         "text": e.text} for e in note.entries],
            "author": _person(note.author), "signed_by": _person(note.signed_by), "signed_at": note.signed_at,
            "addenda": _addenda(note), "created_at": note.created_at, "updated_at": note.updated_at,
            "etag": etag_of(note)}


def _entries(plan: SessionPlan, entries: list[dict]) -> list[NoteEntry]:
    errors = entry_problems(entries, roster(plan))
    if errors:
        raise Invalid("Note entries are for members on the session's roster, one each.",
              errors={"entries": errors})
    return [NoteEntry(participant_id=e["participant_id"], position=i, text=e["text"]) for i, e in enumerate(entries)]


def create_note(*, plan: SessionPlan, actor, shared: str = "", entries=()) -> SessionNote:
    if plan.group_id is None or plan.starts_at is None:
        raise Conflict("A template has no session note: only a session of a group does.")
    if db.session.scalar(select(SessionNote.id).where(SessionNote.plan_id == plan.id)) is not None:
        raise Conflict("This session has a note already: edit it while it is a draft, or add an addendum.")
    note = SessionNote(plan_id=plan.id, shared=shared, status="draft", author_id=actor.id)
    note.entries = _entries(plan, list(entries))
    db.session.add(note)
    db.session.flush()
    record("write", "note", note.id, actor=actor)
    return note


def _locked(note: SessionNote) -> None:
    if not editable(note.status):
        raise Conflict("The note is signed and locked: add an addendum instead.")


def update_note(*, note: SessionNote, actor, changes: dict) -> SessionNote:
    _locked(note)
    if "shared" in changes:
        note.shared = changes["shared"]
    if "entries" in changes:
        plan = db.session.get(SessionPlan, note.plan_id)
        assert plan is not None  # a note's plan cannot be deleted (restricting foreign key)
        new = _entries(plan, changes["entries"])
        note.entries.clear()
        db.session.flush()
        note.entries.extend(new)
    note.updated_at = datetime.now(UTC)
    db.session.flush()
    record("write", "note", note.id, actor=actor)
    return note


def sign_note(*, note: SessionNote, actor) -> SessionNote:
    _locked(note)
    note.status, note.signed_by_id, note.signed_at = "signed", actor.id, datetime.now(UTC)
    note.updated_at = note.signed_at
    db.session.flush()
    db.session.refresh(note)
    record("write", "note", note.id, actor=actor)
    signals.note_signed.send(actor, note=note)
    return note


def add_addendum(*, note: SessionNote, actor, text: str) -> SessionNote:
    """Words added after signing, with author and time; the signed text itself never changes."""
    if editable(note.status):
        raise Conflict("The note is still a draft: edit it, and add addenda once it is signed.")
    note.addenda.append(NoteAddendum(author_id=actor.id, text=text, at=datetime.now(UTC)))
    note.updated_at = datetime.now(UTC)
    db.session.flush()
    db.session.refresh(note)
    record("write", "note", note.id, actor=actor)
    return note


def read_note(*, note: SessionNote, actor) -> dict:
    record("read", "note", note.id, actor=actor)
    return present(note)


def notes_of_participant(*, participant: Participant, actor) -> list[dict]:
    """Every note with an entry for this person or of a session they were on the roster of: the shared part
    and only their own entry."""
    group_ids = set(db.session.scalars(select(GroupMember.group_id)
                                       .where(GroupMember.participant_id == participant.id)))
    stmt = (select(SessionNote, SessionPlan).join(SessionPlan, SessionPlan.id == SessionNote.plan_id)
            .where(SessionPlan.group_id.in_(group_ids)).order_by(SessionPlan.starts_at, SessionNote.id))
    result = []
    for note, plan in db.session.execute(stmt).all() if group_ids else []:
        entries = [{"participant_id": e.participant_id, "text": e.text} for e in note.entries]
        if participant.id not in roster(plan) and not any(e["participant_id"] == participant.id for e in entries):
            continue
        view = view_for_participant(shared=note.shared, entries=entries, participant_id=participant.id)
        result.append({"note_id": note.id, "plan_id": plan.id, "plan_title": plan.title,
                       "session_starts_at": plan.starts_at, "session_number": plan.session_number,
                       "status": note.status, "shared": view["shared"],
                       "entry": view["entry"]["text"] if view["entry"] else None, "signed_at": note.signed_at,
                       "addenda": _addenda(note)})
    record("read", "participant_notes", participant.id, actor=actor)
    return result
