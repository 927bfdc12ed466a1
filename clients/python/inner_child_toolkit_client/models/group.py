from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_kind import GroupKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.facilitator import Facilitator





T = TypeVar("T", bound="Group")



@_attrs_define
class Group:
    """ A group as the API shows it: every field is always present (null when not set).

        Attributes:
            kind (GroupKind): The kind of group: it sets how many members it holds.
            name (str): The group's name. Example: Spring retreat.
            description (None | str): What the group is for.
            capacity (int | None): Required for the kinds `group` and `retreat` (422 naming `capacity` without it); caps any
                kind (an `individual` group holds one person, a `couples` group two). Example: 12.
            starts_on (datetime.date | None): First day (retreats).
            ends_on (datetime.date | None): Last day; not before starts_on.
            timezone (str): An IANA time zone name (e.g. Europe/Berlin); plan times are shown in it. Default when left out:
                `"UTC"`. Example: Europe/Berlin.
            location (None | str): Where it meets.
            emergency_contact (None | str): Whom to call in an emergency where the group meets (a retreat abroad has its own
                number). The agendas print it; null falls back to the practice's `emergency_contact`. Example: 112 (emergency,
                Germany); centre reception +49 30 0000000.
            closed (bool): A closed group takes no new members after `starts_on` (an open group takes them any time).
                Default when left out: `false`.
            id (str): Opaque id.
            facilitators (list[Facilitator]): Who facilitates it, by name.
            member_count (int): Current members.
            etag (str): The record's ETag, as the ETag header gives it: send it as If-Match to change the record. Example:
                "3f2a9c0d1e4b5a6f7a8b".
            created_at (datetime.datetime): When the record was created.
            updated_at (datetime.datetime): When the record last changed.
            facilitator_ids (list[str] | Unset): Therapists of your practice who facilitate it (an unknown id is a 422
                naming this field).
     """

    kind: GroupKind
    name: str
    description: None | str
    capacity: int | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    timezone: str
    location: None | str
    emergency_contact: None | str
    closed: bool
    id: str
    facilitators: list[Facilitator]
    member_count: int
    etag: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    facilitator_ids: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.facilitator import Facilitator # noqa: PLC0415
        kind = self.kind.value

        name = self.name

        description: None | str
        description = self.description

        capacity: int | None
        capacity = self.capacity

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        timezone = self.timezone

        location: None | str
        location = self.location

        emergency_contact: None | str
        emergency_contact = self.emergency_contact

        closed = self.closed

        id = self.id

        facilitators = []
        for facilitators_item_data in self.facilitators:
            facilitators_item = facilitators_item_data.to_dict()
            facilitators.append(facilitators_item)



        member_count = self.member_count

        etag = self.etag

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        facilitator_ids: list[str] | Unset = UNSET
        if not isinstance(self.facilitator_ids, Unset):
            facilitator_ids = self.facilitator_ids




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "name": name,
            "description": description,
            "capacity": capacity,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "timezone": timezone,
            "location": location,
            "emergency_contact": emergency_contact,
            "closed": closed,
            "id": id,
            "facilitators": facilitators,
            "member_count": member_count,
            "etag": etag,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if facilitator_ids is not UNSET:
            field_dict["facilitator_ids"] = facilitator_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facilitator import Facilitator # noqa: PLC0415
        d = dict(src_dict)
        kind = GroupKind(d.pop("kind"))




        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_capacity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity = _parse_capacity(d.pop("capacity"))


        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)



                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))


        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)



                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))


        timezone = d.pop("timezone")

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))


        def _parse_emergency_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact"))


        closed = d.pop("closed")

        id = d.pop("id")

        facilitators = []
        _facilitators = d.pop("facilitators")
        for facilitators_item_data in (_facilitators):
            facilitators_item = Facilitator.from_dict(facilitators_item_data)



            facilitators.append(facilitators_item)


        member_count = d.pop("member_count")

        etag = d.pop("etag")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        facilitator_ids = cast(list[str], d.pop("facilitator_ids", UNSET))


        group = cls(
            kind=kind,
            name=name,
            description=description,
            capacity=capacity,
            starts_on=starts_on,
            ends_on=ends_on,
            timezone=timezone,
            location=location,
            emergency_contact=emergency_contact,
            closed=closed,
            id=id,
            facilitators=facilitators,
            member_count=member_count,
            etag=etag,
            created_at=created_at,
            updated_at=updated_at,
            facilitator_ids=facilitator_ids,
        )

        return group

