from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_end import InvitationEnd
from ..models.invitation_purpose import InvitationPurpose
from ..models.invitation_status import InvitationStatus
from typing import cast
import datetime






T = TypeVar("T", bound="Invitation")



@_attrs_define
class Invitation:
    """ An invitation and its status. The link's secret is never shown here (only once, when made).

        Attributes:
            id (str):
            participant_id (str):
            purpose (InvitationPurpose): What a participant's secure link is for.
            status (InvitationStatus): Where a secure link stands.
            created_at (datetime.datetime):
            created_by (None | str): The therapist who made it, or the clinician responsible for a scheduled one.
            expires_at (datetime.datetime):
            opened_at (datetime.datetime | None):
            completed_at (datetime.datetime | None):
            revoked_at (datetime.datetime | None):
            revoked_reason (InvitationEnd | None):
            emailed (bool): True when the link was sent to the participant's email address.
            scheduled (bool): True when the server invited by itself (a re-screen due before a session).
            plan_id (None | str): Scheduled invitations: the session the re-screen is for.
            reminded_at (datetime.datetime | None):
            screening_id (None | str): The screening the participant's answers made (method `self_report`).
            crisis_answer_at (datetime.datetime | None): When a critical item was first answered positively on the page (a
                `crisis` alert was raised then).
     """

    id: str
    participant_id: str
    purpose: InvitationPurpose
    status: InvitationStatus
    created_at: datetime.datetime
    created_by: None | str
    expires_at: datetime.datetime
    opened_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    revoked_reason: InvitationEnd | None
    emailed: bool
    scheduled: bool
    plan_id: None | str
    reminded_at: datetime.datetime | None
    screening_id: None | str
    crisis_answer_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        participant_id = self.participant_id

        purpose = self.purpose.value

        status = self.status.value

        created_at = self.created_at.isoformat()

        created_by: None | str
        created_by = self.created_by

        expires_at = self.expires_at.isoformat()

        opened_at: None | str
        if isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        revoked_reason: None | str
        if isinstance(self.revoked_reason, InvitationEnd):
            revoked_reason = self.revoked_reason.value
        else:
            revoked_reason = self.revoked_reason

        emailed = self.emailed

        scheduled = self.scheduled

        plan_id: None | str
        plan_id = self.plan_id

        reminded_at: None | str
        if isinstance(self.reminded_at, datetime.datetime):
            reminded_at = self.reminded_at.isoformat()
        else:
            reminded_at = self.reminded_at

        screening_id: None | str
        screening_id = self.screening_id

        crisis_answer_at: None | str
        if isinstance(self.crisis_answer_at, datetime.datetime):
            crisis_answer_at = self.crisis_answer_at.isoformat()
        else:
            crisis_answer_at = self.crisis_answer_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "participant_id": participant_id,
            "purpose": purpose,
            "status": status,
            "created_at": created_at,
            "created_by": created_by,
            "expires_at": expires_at,
            "opened_at": opened_at,
            "completed_at": completed_at,
            "revoked_at": revoked_at,
            "revoked_reason": revoked_reason,
            "emailed": emailed,
            "scheduled": scheduled,
            "plan_id": plan_id,
            "reminded_at": reminded_at,
            "screening_id": screening_id,
            "crisis_answer_at": crisis_answer_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        participant_id = d.pop("participant_id")

        purpose = InvitationPurpose(d.pop("purpose"))




        status = InvitationStatus(d.pop("status"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))


        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        def _parse_opened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)



                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        opened_at = _parse_opened_at(d.pop("opened_at"))


        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)



                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))


        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        def _parse_revoked_reason(data: object) -> InvitationEnd | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_reason_type_0 = InvitationEnd(data)



                return revoked_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvitationEnd | None, data)

        revoked_reason = _parse_revoked_reason(d.pop("revoked_reason"))


        emailed = d.pop("emailed")

        scheduled = d.pop("scheduled")

        def _parse_plan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))


        def _parse_reminded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_at_type_0 = datetime.datetime.fromisoformat(data)



                return reminded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reminded_at = _parse_reminded_at(d.pop("reminded_at"))


        def _parse_screening_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        screening_id = _parse_screening_id(d.pop("screening_id"))


        def _parse_crisis_answer_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                crisis_answer_at_type_0 = datetime.datetime.fromisoformat(data)



                return crisis_answer_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        crisis_answer_at = _parse_crisis_answer_at(d.pop("crisis_answer_at"))


        invitation = cls(
            id=id,
            participant_id=participant_id,
            purpose=purpose,
            status=status,
            created_at=created_at,
            created_by=created_by,
            expires_at=expires_at,
            opened_at=opened_at,
            completed_at=completed_at,
            revoked_at=revoked_at,
            revoked_reason=revoked_reason,
            emailed=emailed,
            scheduled=scheduled,
            plan_id=plan_id,
            reminded_at=reminded_at,
            screening_id=screening_id,
            crisis_answer_at=crisis_answer_at,
        )

        return invitation

