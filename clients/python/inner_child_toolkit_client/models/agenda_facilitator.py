from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="AgendaFacilitator")



@_attrs_define
class AgendaFacilitator:
    """ A facilitator of the group. Participants get the name only.

        Attributes:
            name (str): The facilitator's name.
            id (str | Unset): Facilitators: the therapist's id.
            trauma_informed (bool | Unset): Facilitators: trained in trauma-informed care.
     """

    name: str
    id: str | Unset = UNSET
    trauma_informed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        trauma_informed = self.trauma_informed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if trauma_informed is not UNSET:
            field_dict["trauma_informed"] = trauma_informed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        trauma_informed = d.pop("trauma_informed", UNSET)

        agenda_facilitator = cls(
            name=name,
            id=id,
            trauma_informed=trauma_informed,
        )


        agenda_facilitator.additional_properties = d
        return agenda_facilitator

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
