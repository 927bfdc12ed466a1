from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="EnableWhen")



@_attrs_define
class EnableWhen:
    """ A condition on an earlier answer.

        Attributes:
            item (str):
            values (list[int]):
     """

    item: str
    values: list[int]





    def to_dict(self) -> dict[str, Any]:
        item = self.item

        values = self.values




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "item": item,
            "values": values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item = d.pop("item")

        values = cast(list[int], d.pop("values"))


        enable_when = cls(
            item=item,
            values=values,
        )

        return enable_when

