from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from typing import cast






T = TypeVar("T", bound="WebhookCreate")



@_attrs_define
class WebhookCreate:
    """ A subscription: an https endpoint and the kinds of event it receives.

        Attributes:
            url (str): https only; its host must resolve to public addresses (private, loopback, link-local, multicast and
                reserved ones are refused unless the deployment sets WEBHOOK_ALLOW_PRIVATE=true). Example:
                https://ehr.example.org/hooks/toolkit.
            events (list[EventType]): Kinds of event to deliver (the same kinds as GET /events). Example: ['alert.raised',
                'clearance.changed'].
     """

    url: str
    events: list[EventType]





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
            "events": events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = EventType(events_item_data)



            events.append(events_item)


        webhook_create = cls(
            url=url,
            events=events,
        )

        return webhook_create

