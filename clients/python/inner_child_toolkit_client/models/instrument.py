from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.screening_flag import ScreeningFlag
from typing import cast

if TYPE_CHECKING:
  from ..models.form_item import FormItem





T = TypeVar("T", bound="Instrument")



@_attrs_define
class Instrument:
    """ One instrument of the intake form, with its licence and source.

        Attributes:
            code (str):
            title (str):
            screens_for (list[ScreeningFlag]):
            licence (str):
            source (str):
            instructions (str):
            items (list[FormItem]):
     """

    code: str
    title: str
    screens_for: list[ScreeningFlag]
    licence: str
    source: str
    instructions: str
    items: list[FormItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.form_item import FormItem # noqa: PLC0415
        code = self.code

        title = self.title

        screens_for = []
        for screens_for_item_data in self.screens_for:
            screens_for_item = screens_for_item_data.value
            screens_for.append(screens_for_item)



        licence = self.licence

        source = self.source

        instructions = self.instructions

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "title": title,
            "screens_for": screens_for,
            "licence": licence,
            "source": source,
            "instructions": instructions,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_item import FormItem # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        title = d.pop("title")

        screens_for = []
        _screens_for = d.pop("screens_for")
        for screens_for_item_data in (_screens_for):
            screens_for_item = ScreeningFlag(screens_for_item_data)



            screens_for.append(screens_for_item)


        licence = d.pop("licence")

        source = d.pop("source")

        instructions = d.pop("instructions")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = FormItem.from_dict(items_item_data)



            items.append(items_item)


        instrument = cls(
            code=code,
            title=title,
            screens_for=screens_for,
            licence=licence,
            source=source,
            instructions=instructions,
            items=items,
        )

        return instrument

