from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Facilitator")



@_attrs_define
class Facilitator:
    """ A therapist who facilitates the group.

        Attributes:
            id (str): The therapist's id.
            name (str): The therapist's name.
            trauma_informed (bool): Trained in trauma-informed care.
     """

    id: str
    name: str
    trauma_informed: bool





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        trauma_informed = self.trauma_informed


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "trauma_informed": trauma_informed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        trauma_informed = d.pop("trauma_informed")

        facilitator = cls(
            id=id,
            name=name,
            trauma_informed=trauma_informed,
        )

        return facilitator

