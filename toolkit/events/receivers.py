"""What goes into the change feed: one receiver per named signal (toolkit/signals.py), each appending an event
of ids and kinds, never clinical data (no names, answers, scores, flags, outcomes or texts)."""

from sqlalchemy import select

from .. import signals
from ..extensions import db
from ..groups.models import GroupMember
from .services import emit


def _clearance_changed(practice_id: str, participant_id: str, cause: str, record_id: str) -> None:
    """A screening, override or review changes the clearance of every plan of the person's current groups."""
    groups = db.session.scalars(select(GroupMember.group_id).where(GroupMember.participant_id == participant_id,
                                                                   GroupMember.left_on.is_(None))
                                .order_by(GroupMember.group_id).distinct())
    for group_id in groups:
        emit(practice_id=practice_id, type="clearance.changed",
             data={"participant_id": participant_id, "group_id": group_id, "cause": cause, "record_id": record_id})


@signals.screening_saved.connect
def on_screening_saved(actor, *, screening, participant, **_) -> None:
    emit(practice_id=screening.practice_id, type="screening.created",
         data={"screening_id": screening.id, "participant_id": participant.id})
    _clearance_changed(screening.practice_id, participant.id, "screening", screening.id)


@signals.screening_overridden.connect
def on_screening_overridden(actor, *, screening, override, **_) -> None:
    emit(practice_id=screening.practice_id, type="screening.overridden",
         data={"screening_id": screening.id, "override_id": override.id, "participant_id": screening.participant_id})
    _clearance_changed(screening.practice_id, screening.participant_id, "override", override.id)


@signals.crisis_review_recorded.connect
def on_crisis_review(actor, *, review, participant, **_) -> None:
    emit(practice_id=review.practice_id, type="crisis_review.created",
         data={"crisis_review_id": review.id, "participant_id": participant.id})
    _clearance_changed(review.practice_id, participant.id, "crisis_review", review.id)


@signals.progress_review_recorded.connect
def on_progress_review(actor, *, review, participant, **_) -> None:
    emit(practice_id=review.practice_id, type="progress_review.created",
         data={"progress_review_id": review.id, "participant_id": participant.id})
    _clearance_changed(review.practice_id, participant.id, "progress_review", review.id)


@signals.attendance_recorded.connect
def on_attendance(actor, *, plan, **_) -> None:
    emit(practice_id=plan.practice_id, type="attendance.recorded", data={"plan_id": plan.id, "group_id": plan.group_id})


@signals.note_signed.connect
def on_note_signed(actor, *, note, **_) -> None:
    emit(practice_id=note.practice_id, type="note.signed", data={"note_id": note.id, "plan_id": note.plan_id})


@signals.self_report_submitted.connect
def on_self_report(actor, *, participant, screening, invitation=None, **_) -> None:
    emit(practice_id=participant.practice_id, type="self_report.submitted",
         data={"screening_id": screening.id, "participant_id": participant.id,
               "invitation_id": getattr(invitation, "id", None)})


def _alert(kind: str):
    def receiver(actor, *, alert, **_) -> None:
        emit(practice_id=alert.practice_id, type=kind,
             data={"alert_id": alert.id, "alert_kind": alert.kind, "participant_id": alert.participant_id})

    receiver.__name__ = f"on_{kind.replace('.', '_')}"
    return receiver


on_alert_raised = signals.alert_raised.connect(_alert("alert.raised"))
on_alert_acknowledged = signals.alert_acknowledged.connect(_alert("alert.acknowledged"))
on_alert_resolved = signals.alert_resolved.connect(_alert("alert.resolved"))

