from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.plan_item_replace import PlanItemReplace





T = TypeVar("T", bound="PlanItems")



@_attrs_define
class PlanItems:
    """ The whole ordered list of a plan's items, replacing the old one.

        Attributes:
            items (list[PlanItemReplace]): At most 100 items. Example: [{'module_id': None, 'minutes': 15, 'title': 'Tea
                break'}].
     """

    items: list[PlanItemReplace]





    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_item_replace import PlanItemReplace # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_item_replace import PlanItemReplace # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = PlanItemReplace.from_dict(items_item_data)



            items.append(items_item)


        plan_items = cls(
            items=items,
        )

        return plan_items

