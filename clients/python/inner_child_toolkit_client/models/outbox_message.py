from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outbox_message_kind import OutboxMessageKind
from ..models.outbox_status import OutboxStatus
from typing import cast
import datetime






T = TypeVar("T", bound="OutboxMessage")



@_attrs_define
class OutboxMessage:
    """ One email of the practice's outbox. Never a participant's name nor any clinical detail; the body and link
    of a message with a one-time link (password reset, a participant's invitation) are withheld.

        Attributes:
            id (str):
            kind (OutboxMessageKind): alert, digest (weekly), password_reset or invitation (to a participant).
            therapist_id (None | str): The therapist it is for; null for a participant's invitation.
            to_address (str):  Example: lead@example.org.
            subject (str):  Example: Hillside Practice: new crisis alert.
            body (str):
            link (None | str):  Example: https://toolkit.example.org/api/v1/alerts/0b7c….
            status (OutboxStatus): Where an email stands: kept in the outbox (no SMTP server set), queued, sent, or failed
                after retries.
            attempts (int):
            last_error (None | str):
            next_attempt_at (datetime.datetime | None):
            sent_at (datetime.datetime | None):
            created_at (datetime.datetime):
     """

    id: str
    kind: OutboxMessageKind
    therapist_id: None | str
    to_address: str
    subject: str
    body: str
    link: None | str
    status: OutboxStatus
    attempts: int
    last_error: None | str
    next_attempt_at: datetime.datetime | None
    sent_at: datetime.datetime | None
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        therapist_id: None | str
        therapist_id = self.therapist_id

        to_address = self.to_address

        subject = self.subject

        body = self.body

        link: None | str
        link = self.link

        status = self.status.value

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "kind": kind,
            "therapist_id": therapist_id,
            "to_address": to_address,
            "subject": subject,
            "body": body,
            "link": link,
            "status": status,
            "attempts": attempts,
            "last_error": last_error,
            "next_attempt_at": next_attempt_at,
            "sent_at": sent_at,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = OutboxMessageKind(d.pop("kind"))




        def _parse_therapist_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        therapist_id = _parse_therapist_id(d.pop("therapist_id"))


        to_address = d.pop("to_address")

        subject = d.pop("subject")

        body = d.pop("body")

        def _parse_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link = _parse_link(d.pop("link"))


        status = OutboxStatus(d.pop("status"))




        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        outbox_message = cls(
            id=id,
            kind=kind,
            therapist_id=therapist_id,
            to_address=to_address,
            subject=subject,
            body=body,
            link=link,
            status=status,
            attempts=attempts,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            sent_at=sent_at,
            created_at=created_at,
        )

        return outbox_message

