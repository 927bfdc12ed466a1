from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.module_category import ModuleCategory
from typing import cast
import datetime






T = TypeVar("T", bound="PlanItem")



@_attrs_define
class PlanItem:
    """ One item of a plan, with its computed start and end in the group's time zone.

        Attributes:
            id (str): Opaque id.
            position (int): 0-based order in the plan.
            module_id (None | str): null for a break.
            title (str): The module's title, or the break's.
            category (ModuleCategory | None): The module's category; null for a break.
            is_break (bool): True for a break.
            minutes (int): How long the item runs.
            notes (None | str): Facilitator notes.
            lead_id (None | str): The facilitator leading this item (one of the group's facilitators); null for none.
            starts_at (datetime.datetime | None): Computed start; null in a template without a start time.
            ends_at (datetime.datetime | None): Computed end; null in a template without a start time.
     """

    id: str
    position: int
    module_id: None | str
    title: str
    category: ModuleCategory | None
    is_break: bool
    minutes: int
    notes: None | str
    lead_id: None | str
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        module_id: None | str
        module_id = self.module_id

        title = self.title

        category: None | str
        if isinstance(self.category, ModuleCategory):
            category = self.category.value
        else:
            category = self.category

        is_break = self.is_break

        minutes = self.minutes

        notes: None | str
        notes = self.notes

        lead_id: None | str
        lead_id = self.lead_id

        starts_at: None | str
        if isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "position": position,
            "module_id": module_id,
            "title": title,
            "category": category,
            "is_break": is_break,
            "minutes": minutes,
            "notes": notes,
            "lead_id": lead_id,
            "starts_at": starts_at,
            "ends_at": ends_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        def _parse_module_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        module_id = _parse_module_id(d.pop("module_id"))


        title = d.pop("title")

        def _parse_category(data: object) -> ModuleCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = ModuleCategory(data)



                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModuleCategory | None, data)

        category = _parse_category(d.pop("category"))


        is_break = d.pop("is_break")

        minutes = d.pop("minutes")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        def _parse_lead_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lead_id = _parse_lead_id(d.pop("lead_id"))


        def _parse_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)



                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        starts_at = _parse_starts_at(d.pop("starts_at"))


        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)



                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))


        plan_item = cls(
            id=id,
            position=position,
            module_id=module_id,
            title=title,
            category=category,
            is_break=is_break,
            minutes=minutes,
            notes=notes,
            lead_id=lead_id,
            starts_at=starts_at,
            ends_at=ends_at,
        )

        return plan_item

