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






T = TypeVar("T", bound="GroupUpdate")



@_attrs_define
class GroupUpdate:
    """ Changes to a group: only the fields sent are changed; the kind rules are checked again.

        Attributes:
            kind (GroupKind | Unset): The kind of group: it sets how many members it holds.
            name (str | Unset): The group's name.
            description (None | str | Unset): What the group is for.
            facilitator_ids (list[str] | Unset): Replaces the facilitators (ids of your therapists).
            capacity (int | None | Unset): Required for the kinds `group` and `retreat` (422 naming `capacity` without it);
                caps any kind (an `individual` group holds one person, a `couples` group two). Example: 12.
            starts_on (datetime.date | None | Unset): First day (retreats).
            ends_on (datetime.date | None | Unset): Last day; not before starts_on.
            timezone (str | Unset): An IANA time zone name (e.g. Europe/Berlin); plan times are shown in it.
            location (None | str | Unset): Where it meets.
            emergency_contact (None | str | Unset): Whom to call in an emergency where the group meets (a retreat abroad has
                its own number). The agendas print it; null falls back to the practice's `emergency_contact`. Example: 112
                (emergency, Germany); centre reception +49 30 0000000.
            closed (bool | Unset): Closed groups take no new members after `starts_on`.
            id (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            facilitators (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            member_count (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            etag (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            created_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            updated_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
     """

    kind: GroupKind | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    facilitator_ids: list[str] | Unset = UNSET
    capacity: int | None | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    timezone: str | Unset = UNSET
    location: None | str | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET
    closed: bool | Unset = UNSET
    id: Any | Unset = UNSET
    facilitators: Any | Unset = UNSET
    member_count: Any | Unset = UNSET
    etag: Any | Unset = UNSET
    created_at: Any | Unset = UNSET
    updated_at: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        facilitator_ids: list[str] | Unset = UNSET
        if not isinstance(self.facilitator_ids, Unset):
            facilitator_ids = self.facilitator_ids



        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        timezone = self.timezone

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        emergency_contact: None | str | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = self.emergency_contact

        closed = self.closed

        id = self.id

        facilitators = self.facilitators

        member_count = self.member_count

        etag = self.etag

        created_at = self.created_at

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if facilitator_ids is not UNSET:
            field_dict["facilitator_ids"] = facilitator_ids
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if location is not UNSET:
            field_dict["location"] = location
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if closed is not UNSET:
            field_dict["closed"] = closed
        if id is not UNSET:
            field_dict["id"] = id
        if facilitators is not UNSET:
            field_dict["facilitators"] = facilitators
        if member_count is not UNSET:
            field_dict["member_count"] = member_count
        if etag is not UNSET:
            field_dict["etag"] = etag
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: GroupKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = GroupKind(_kind)




        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        facilitator_ids = cast(list[str], d.pop("facilitator_ids", UNSET))


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)



                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))


        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)



                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))


        timezone = d.pop("timezone", UNSET)

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        def _parse_emergency_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))


        closed = d.pop("closed", UNSET)

        id = d.pop("id", UNSET)

        facilitators = d.pop("facilitators", UNSET)

        member_count = d.pop("member_count", UNSET)

        etag = d.pop("etag", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        group_update = cls(
            kind=kind,
            name=name,
            description=description,
            facilitator_ids=facilitator_ids,
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
        )

        return group_update

