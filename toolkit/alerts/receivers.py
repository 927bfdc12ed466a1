"""What raises an alert at once, in the transaction of its cause: receivers of the named signals
(toolkit/signals.py). A crisis screening's alert is committed with the screening, so `GET /alerts` shows it as
soon as the request that saved it has answered. The periodic causes are in `due.py`."""

from .. import signals
from ..participants.models import Participant
from ..progress.services import participant_progress
from ..screening.models import Screening
from .rules import cause_key, is_crisis
from .services import raise_alert


def reliably_deteriorated(participant: Participant) -> bool:
    """Whether the participant's newest screening shows a reliable deterioration. The one place alerts ask
    progress (whose baseline is moving to a per-person one): change it here when progress changes."""
    return participant_progress(participant=participant, actor=None, audit=False)["overall"] == "deteriorated"


def _crisis(screening: Screening, actor, invitation_id: str | None = None) -> None:
    """A screening's crisis alert. A self-report sent from a link shares the link's cause: the critical answer
    on the page raised the alert already, and the same crisis is one alert, not two."""
    cause = (cause_key("crisis", "invitation", invitation_id) if invitation_id
             else cause_key("crisis", "screening", screening.id))
    raise_alert(practice_id=screening.practice_id, kind="crisis", cause=cause, source_type="screening",
                source_id=screening.id, participant_id=screening.participant_id, actor=actor)


@signals.screening_saved.connect
def on_screening_saved(actor, *, screening: Screening, participant: Participant, invitation_id: str | None = None,
                       **_) -> None:
    """A crisis (acute_crisis in the computed flags, or a defer) raises `crisis`; a reliable deterioration on a
    new form screening raises `deterioration`. One alert per screening for each (a self-report's crisis: one
    per link, with the critical answer's)."""
    if is_crisis(computed_flags=screening.flags, outcome=screening.computed_outcome):
        _crisis(screening, actor, invitation_id)
    if screening.method != "clinician_assessment" and reliably_deteriorated(participant):
        raise_alert(practice_id=screening.practice_id, kind="deterioration",
                    cause=cause_key("deterioration", "screening", screening.id), source_type="screening",
                    source_id=screening.id, participant_id=participant.id, actor=actor)


@signals.screening_overridden.connect
def on_screening_overridden(actor, *, screening: Screening, override, **_) -> None:
    """An override to defer raises the screening's crisis alert (the same cause as the screening's own: a
    screening has at most one crisis alert, however often it is overridden)."""
    if override.outcome == "defer":
        _crisis(screening, actor)


@signals.self_report_crisis_answer.connect
def on_self_report_crisis_answer(actor, *, participant: Participant, invitation, **_) -> None:
    """A critical answer on the participant's own page, before the form is sent: one crisis alert per
    invitation (the page saves answers as the person goes; the second critical answer raises nothing new)."""
    raise_alert(practice_id=participant.practice_id, kind="crisis",
                cause=cause_key("crisis", "invitation", invitation.id), source_type="invitation",
                source_id=invitation.id, participant_id=participant.id, actor=actor)


@signals.self_report_submitted.connect
def on_self_report_submitted(actor, *, participant: Participant, screening: Screening, **_) -> None:
    raise_alert(practice_id=participant.practice_id, kind="self_report_received",
                cause=cause_key("self_report_received", "screening", screening.id), source_type="screening",
                source_id=screening.id, participant_id=participant.id, actor=actor)
