from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audit_event_outcome import AuditEventOutcome
from typing import cast
import datetime






T = TypeVar("T", bound="AuditEvent")



@_attrs_define
class AuditEvent:
    """ One audit event: who read or changed which record, when.

        Attributes:
            id (str):
            seq (int):
            actor_id (None | str):
            action (str):  Example: read.
            record_type (str):  Example: screening.
            record_id (None | str):
            outcome (AuditEventOutcome):
            request_id (None | str):
            at (datetime.datetime):
     """

    id: str
    seq: int
    actor_id: None | str
    action: str
    record_type: str
    record_id: None | str
    outcome: AuditEventOutcome
    request_id: None | str
    at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        seq = self.seq

        actor_id: None | str
        actor_id = self.actor_id

        action = self.action

        record_type = self.record_type

        record_id: None | str
        record_id = self.record_id

        outcome = self.outcome.value

        request_id: None | str
        request_id = self.request_id

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "seq": seq,
            "actor_id": actor_id,
            "action": action,
            "record_type": record_type,
            "record_id": record_id,
            "outcome": outcome,
            "request_id": request_id,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        seq = d.pop("seq")

        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        action = d.pop("action")

        record_type = d.pop("record_type")

        def _parse_record_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_id = _parse_record_id(d.pop("record_id"))


        outcome = AuditEventOutcome(d.pop("outcome"))




        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        audit_event = cls(
            id=id,
            seq=seq,
            actor_id=actor_id,
            action=action,
            record_type=record_type,
            record_id=record_id,
            outcome=outcome,
            request_id=request_id,
            at=at,
        )

        return audit_event

