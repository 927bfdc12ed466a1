"""Demo data of issue 30: the practice's group agreement, signed by the weekly group's members (one of them on
their own page, by a completed agreement invitation), a retreat member's agreement invitation still pending,
and a new participant's intake sent from their own page (a completed invitation; the screening is
`self_report`)."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from ..agreements import services as agreements
from ..extensions import db
from ..groups.models import GroupMember
from ..invitations.services import create_invitation
from ..participants.models import Participant
from ..participants.services import create_participant
from ..screening.answers import valid_answers
from ..screening.services import current_form
from . import services

AGREEMENT = ("Our group agreement",
             "What anyone shares in the group stays in the group. You may talk about your own experience "
             "outside, never about someone else's.\n\n"
             "If you are in crisis, tell a facilitator or call the practice. If we are worried about your safety, "
             "we will contact you and, when needed, your emergency contact or emergency services.\n\n"
             "Come to every session you can, on time. If you cannot come, let us know before the session.\n\n"
             "You can pass in any round, and you can step out of an exercise at any time.")
DEMO_URL = "http://localhost:5000"
DOCUMENTATION_ADDRESS = "192.0.2.24"  # an address reserved for documentation (RFC 5737)


def add_participant_demo(*, admin, guide, group_id: str, pending) -> None:
    """`group_id`: the weekly group, whose members (all who ever joined) have signed."""
    now = datetime.now(UTC)
    rows = db.session.scalars(select(GroupMember.participant_id).where(GroupMember.group_id == group_id)
                              .order_by(GroupMember.joined_at, GroupMember.id))
    signers = [db.session.get_one(Participant, pid) for pid in dict.fromkeys(rows)]
    agreements.publish(title=AGREEMENT[0], text=AGREEMENT[1], actor=admin)
    agreement = agreements.current()
    assert agreement is not None
    first, *others = signers
    invitation, _ = create_invitation(participant=first, purpose="agreement", expires_in_days=7, actor=guide,
                                      base_url=DEMO_URL, now=now - timedelta(days=16))
    agreements.sign(participant=first, agreement=agreement, typed_name=first.display_name, ticked=True,
                    address=DOCUMENTATION_ADDRESS, invitation_id=invitation.id, now=now - timedelta(days=15))
    invitation.opened_at = invitation.completed_at = now - timedelta(days=15)
    for person in others:
        agreements.sign(participant=person, agreement=agreement, typed_name=person.display_name, ticked=True,
                        address=None, now=now - timedelta(days=15))
    create_invitation(participant=pending, purpose="agreement", expires_in_days=14, actor=guide, base_url=DEMO_URL)
    newcomer = create_participant(data={"display_name": "Lane Selfreport", "date_of_birth": date(1988, 6, 1),
                                        "contact": "lane.selfreport@example.org (fictional)"}, actor=admin)
    intake, _ = create_invitation(participant=newcomer, purpose="intake", expires_in_days=7, actor=guide,
                                  base_url=DEMO_URL)
    services.open_link_of(intake)
    services.save_answers(invitation=intake, answers=valid_answers(current_form().to_dict(), {"phq9_2": 1}),
                          declined=[])
    services.submit(invitation=intake)
