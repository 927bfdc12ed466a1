from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Programme")



@_attrs_define
class Programme:
    """ The programme (group) the baseline is taken from.

        Attributes:
            group_id (str):
            group_name (str):
            kind (str):
            joined_on (datetime.date):
     """

    group_id: str
    group_name: str
    kind: str
    joined_on: datetime.date





    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        group_name = self.group_name

        kind = self.kind

        joined_on = self.joined_on.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "group_name": group_name,
            "kind": kind,
            "joined_on": joined_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        kind = d.pop("kind")

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))




        programme = cls(
            group_id=group_id,
            group_name=group_name,
            kind=kind,
            joined_on=joined_on,
        )

        return programme

