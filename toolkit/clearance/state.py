"""The person's state (clearance.rules.PersonState) kept beside their history, in one place.

Every ORM write of something the state is computed from (a screening, an override, a crisis review, a
progress review, a group membership) names its participant after the flush; before the transaction
commits, the state of each participant named is computed again from their whole history and written in
the same transaction (one upsert per person, under the person's lock: two concurrent writes for one person
are serialised, so the later one computes from both). Clearance then reads one row per member
(`read`), never the histories. A participant without a row (written before the table existed, or by the
bulk import) is computed from the history when read, exactly as the row would be (`flask seed` fills the
missing rows); the tests compare rows with recomputation after every kind of write."""

from collections.abc import Iterable

from sqlalchemy import event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..common.models import utcnow
from ..extensions import ToolkitSession, db
from ..groups.models import GroupMember
from ..participants.models import Participant
from ..progress import history
from ..progress.models import ProgressReview
from ..progress.rules import default_thresholds
from ..screening import people
from ..screening.models import CrisisReview, Screening, ScreeningOverride
from ..screening.services import lock_person
from ..signals import participant_deleting
from ..tenancy import across_practices
from .models import PersonState as StateRow
from .rules import PersonHistory, PersonState, ProgressReviewEvent, person_state

PEOPLE = "person_state_people"  # session.info: participant ids whose state a flushed write changed
SCREENINGS = "person_state_screenings"  # screening ids whose overrides changed (their person found at commit)
_BY_PARTICIPANT = (Screening, CrisisReview, ProgressReview, GroupMember)
_COLUMNS = (StateRow.participant_id, StateRow.hold, StateRow.crisis, StateRow.deterioration,
            StateRow.progress_notes, StateRow.overall)


def compute(participant_ids: Iterable[str]) -> dict[str, PersonState]:
    """Each person's state from their whole history, in five statements whatever the number of people."""
    ids = list(dict.fromkeys(participant_ids))
    if not ids:
        return {}
    records = people.records(ids)
    since = history.memberships(ids)
    reviews = history.reviews(ids)
    codes, titles = history.instruments()
    thresholds = default_thresholds()
    out = {}
    for pid, record in records.items():
        person = PersonHistory(
            screenings=record.screenings, reviews=record.reviews, since=since[pid],
            scores={sid: s for sid, s in record.scores.items() if record.methods[sid] in ("form", "self_report")},
            progress_reviews=[ProgressReviewEvent(at=r.at, screening_id=r.screening_id, by=r.by.name,
                                                  reason=r.reason) for r in reviews[pid]])
        out[pid] = person_state(person, thresholds=thresholds, instruments=codes, titles=titles)
    return out


def read(participant_ids: Iterable[str]) -> dict[str, PersonState]:
    """The stored states of these people (one statement); anyone without a row is computed from history."""
    ids = list(dict.fromkeys(participant_ids))
    if not ids:
        return {}
    out = {row.participant_id: PersonState.from_row(row)
           for row in db.session.execute(select(*_COLUMNS).where(StateRow.participant_id.in_(ids)))}
    missing = [pid for pid in ids if pid not in out]
    if missing:
        out.update(compute(missing))
    return out


def refresh(participant_ids: Iterable[str]) -> None:
    """Compute and store the state of these people, in the caller's transaction (tenancy aside: the ids are
    the ones this transaction wrote, and a worker or the CLI may have no practice set)."""
    session = db.session
    ids = sorted(set(participant_ids))
    if not ids:
        return
    with across_practices(session):
        practices = dict(session.execute(select(Participant.id, Participant.practice_id)
                                         .where(Participant.id.in_(ids))).all())
        ids = [pid for pid in ids if pid in practices]  # a participant deleted in this transaction has none
        for pid in ids:
            lock_person(pid)
        states = compute(ids)
    if not ids:
        return
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    values = [{"participant_id": pid, "practice_id": practices[pid], "computed_at": utcnow(),
               **states[pid].to_row()} for pid in ids]
    stmt = insert(StateRow.__table__).values(values)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["participant_id"],
        set_={name: stmt.excluded[name] for name in ("hold", "crisis", "deterioration", "progress_notes",
                                                      "overall", "computed_at")}))


def fill_missing() -> int:
    """Store the state of every participant who has none (after an upgrade or an import); returns how many."""
    with across_practices(db.session):
        ids = list(db.session.scalars(select(Participant.id).outerjoin(
            StateRow, StateRow.participant_id == Participant.id).where(StateRow.participant_id.is_(None))))
    for start in range(0, len(ids), 200):
        refresh(ids[start:start + 200])
    return len(ids)


@event.listens_for(ToolkitSession, "after_flush")
def _note_people(session, _flush_context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, _BY_PARTICIPANT):
            session.info.setdefault(PEOPLE, set()).add(obj.participant_id)
        elif isinstance(obj, ScreeningOverride):
            session.info.setdefault(SCREENINGS, set()).add(obj.screening_id)


@event.listens_for(ToolkitSession, "before_commit")
def _refresh_people(session) -> None:
    session.flush()
    while session.info.get(PEOPLE) or session.info.get(SCREENINGS):
        ids = set(session.info.pop(PEOPLE, ()))
        screenings = session.info.pop(SCREENINGS, ())
        if screenings:
            with across_practices(session):
                ids.update(session.scalars(select(Screening.participant_id).where(Screening.id.in_(screenings))))
        refresh(ids)
        session.flush()


@event.listens_for(ToolkitSession, "after_commit")
def _forget(session) -> None:
    session.info.pop(PEOPLE, None)
    session.info.pop(SCREENINGS, None)


@event.listens_for(ToolkitSession, "after_soft_rollback")
def _forget_rolled_back(session, previous_transaction) -> None:
    """The writes named are gone with the transaction; a savepoint's rollback leaves its parent's names."""
    if previous_transaction.parent is None:
        _forget(session)


@participant_deleting.connect
def _drop_state(_sender, *, participant_id: str) -> None:
    db.session.query(StateRow).filter(StateRow.participant_id == participant_id).delete()
