from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from typing import cast
import datetime






T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ A webhook as listed: never its secret.

        Attributes:
            id (str):
            url (str):
            events (list[EventType]):
            active (bool): false once switched off after repeated failure (make a new one when the endpoint is fixed).
            consecutive_failures (int):
            disabled_at (datetime.datetime | None):
            disabled_reason (None | str):
            created_at (datetime.datetime):
     """

    id: str
    url: str
    events: list[EventType]
    active: bool
    consecutive_failures: int
    disabled_at: datetime.datetime | None
    disabled_reason: None | str
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        active = self.active

        consecutive_failures = self.consecutive_failures

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
            "events": events,
            "active": active,
            "consecutive_failures": consecutive_failures,
            "disabled_at": disabled_at,
            "disabled_reason": disabled_reason,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = EventType(events_item_data)



            events.append(events_item)


        active = d.pop("active")

        consecutive_failures = d.pop("consecutive_failures")

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)



                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))


        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        webhook = cls(
            id=id,
            url=url,
            events=events,
            active=active,
            consecutive_failures=consecutive_failures,
            disabled_at=disabled_at,
            disabled_reason=disabled_reason,
            created_at=created_at,
        )

        return webhook

