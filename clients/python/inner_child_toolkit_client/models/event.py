from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.event_data import EventData





T = TypeVar("T", bound="Event")



@_attrs_define
class Event:
    """ One change: its cursor, kind and the ids it concerns. Never clinical data: fetch the records by id (those
    reads are audited).

        Attributes:
            cursor (int): 1, 2, 3, ... per practice: no gap, no duplicate, in commit order.
            id (str): The event's id (also `webhook-id`'s source).
            type_ (EventType): What an event of the change feed (and a webhook delivery) says happened.
            at (datetime.datetime):
            data (EventData): Ids and kinds only, e.g. `{"alert_id": ..., "alert_kind": "crisis", "participant_id": ...}`.
                Example: {'screening_id': '4c1f2a7e-0000-4000-8000-000000000001', 'participant_id':
                '4c1f2a7e-0000-4000-8000-000000000002'}.
     """

    cursor: int
    id: str
    type_: EventType
    at: datetime.datetime
    data: EventData





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_data import EventData # noqa: PLC0415
        cursor = self.cursor

        id = self.id

        type_ = self.type_.value

        at = self.at.isoformat()

        data = self.data.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cursor": cursor,
            "id": id,
            "type": type_,
            "at": at,
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data import EventData # noqa: PLC0415
        d = dict(src_dict)
        cursor = d.pop("cursor")

        id = d.pop("id")

        type_ = EventType(d.pop("type"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        data = EventData.from_dict(d.pop("data"))




        event = cls(
            cursor=cursor,
            id=id,
            type_=type_,
            at=at,
            data=data,
        )

        return event

