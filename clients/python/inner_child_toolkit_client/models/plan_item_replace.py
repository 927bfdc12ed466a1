from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PlanItemReplace")



@_attrs_define
class PlanItemReplace:
    """ One item of the new list: with `id`, that stored item (it keeps its id); without, matched to the next
    stored item of the same module (or break) in order, else a new item.

        Attributes:
            minutes (int): How long the item runs. Example: 20.
            module_id (None | str | Unset): The module; null for a break. An unknown module (or another practice's) is a 422
                naming `items.N.module_id`. Default when left out: `null`. Example: 9d2e4c1a-7b3f-4e0d-8a6c-1f2b3c4d5e6f.
            notes (None | str | Unset): Facilitator notes for this item.
            title (None | str | Unset): Shown for breaks (default 'Break').
            lead_id (None | str | Unset): The facilitator leading this item (a therapist id); null for none. It must be a
                facilitator of the plan's group, else a 422 naming `items.N.lead_id` (the same for an unknown id and another
                practice's); a template's items have no lead. When the facilitator leaves the group, or the plan moves to
                another group, the lead becomes null. Default when left out: `null`.
            id (None | str | Unset): The id of an item of this plan (from a GET) to keep it as the same item; an id that is
                not an item of this plan is a 422 naming `items.N.id`. Default when left out: `null`. Example:
                5c3b2a1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d.
     """

    minutes: int
    module_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        minutes = self.minutes

        module_id: None | str | Unset
        if isinstance(self.module_id, Unset):
            module_id = UNSET
        else:
            module_id = self.module_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        else:
            lead_id = self.lead_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "minutes": minutes,
        })
        if module_id is not UNSET:
            field_dict["module_id"] = module_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if title is not UNSET:
            field_dict["title"] = title
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        minutes = d.pop("minutes")

        def _parse_module_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        module_id = _parse_module_id(d.pop("module_id", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_lead_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lead_id = _parse_lead_id(d.pop("lead_id", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        plan_item_replace = cls(
            minutes=minutes,
            module_id=module_id,
            notes=notes,
            title=title,
            lead_id=lead_id,
            id=id,
        )

        return plan_item_replace

