from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.plan_item_in import PlanItemIn





T = TypeVar("T", bound="PlanCreate")



@_attrs_define
class PlanCreate:
    """ A new plan. With no `group_id` it is a reusable template.

        Attributes:
            title (str): The plan's title. Example: Day 1 - Meeting little me.
            group_id (None | str | Unset): The group; null makes the plan a reusable template. An unknown group (or another
                practice's) is a 422 naming this field. Default when left out: `null`.
            starts_at (datetime.datetime | None | Unset): Start, with an offset (years 2000-2199). Required for a plan of a
                group; a template (no group) may have none. An ISO 8601 date-time with an offset, between 2000-01-01 and
                2199-12-31. Default when left out: `null`. Example: 2027-04-01T09:00:00+02:00.
            target_minutes (int | None | Unset): Intended length; over it is a warning.
            status (PlanStatus | Unset): Whether a plan is still being drafted.
            notes (None | str | Unset): Notes for the facilitators.
            items (list[PlanItemIn] | Unset): The ordered items.
     """

    title: str
    group_id: None | str | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    target_minutes: int | None | Unset = UNSET
    status: PlanStatus | Unset = UNSET
    notes: None | str | Unset = UNSET
    items: list[PlanItemIn] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_item_in import PlanItemIn # noqa: PLC0415
        title = self.title

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        target_minutes: int | None | Unset
        if isinstance(self.target_minutes, Unset):
            target_minutes = UNSET
        else:
            target_minutes = self.target_minutes

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
        })
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes
        if status is not UNSET:
            field_dict["status"] = status
        if notes is not UNSET:
            field_dict["notes"] = notes
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_item_in import PlanItemIn # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))


        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)



                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))


        def _parse_target_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes", UNSET))


        _status = d.pop("status", UNSET)
        status: PlanStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = PlanStatus(_status)




        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        _items = d.pop("items", UNSET)
        items: list[PlanItemIn] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = PlanItemIn.from_dict(items_item_data)



                items.append(items_item)


        plan_create = cls(
            title=title,
            group_id=group_id,
            starts_at=starts_at,
            target_minutes=target_minutes,
            status=status,
            notes=notes,
            items=items,
        )

        return plan_create

