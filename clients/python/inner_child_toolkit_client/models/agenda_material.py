from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AgendaMaterial")



@_attrs_define
class AgendaMaterial:
    """ One line of the materials checklist (facilitators get totals and where each is used).

        Attributes:
            name (str): What is needed.
            quantity (int | None): How many.
            per_participant (bool): Multiplied by the group's size.
            total (int | None | Unset): Facilitators: the total to bring (null when no quantity is given).
            label (str | Unset): Facilitators: the line as printed.
            used_in (list[str] | Unset): Facilitators: the items that use it.
            consumable (bool | Unset): Facilitators: used up, so every use is added up (across items and sessions);
                otherwise reused, and the line keeps the largest number needed at one time.
            for_participants (bool | Unset): Facilitators: participants bring or use it (the participant handout lists only
                these).
     """

    name: str
    quantity: int | None
    per_participant: bool
    total: int | None | Unset = UNSET
    label: str | Unset = UNSET
    used_in: list[str] | Unset = UNSET
    consumable: bool | Unset = UNSET
    for_participants: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        quantity: int | None
        quantity = self.quantity

        per_participant = self.per_participant

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        label = self.label

        used_in: list[str] | Unset = UNSET
        if not isinstance(self.used_in, Unset):
            used_in = self.used_in



        consumable = self.consumable

        for_participants = self.for_participants


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "quantity": quantity,
            "per_participant": per_participant,
        })
        if total is not UNSET:
            field_dict["total"] = total
        if label is not UNSET:
            field_dict["label"] = label
        if used_in is not UNSET:
            field_dict["used_in"] = used_in
        if consumable is not UNSET:
            field_dict["consumable"] = consumable
        if for_participants is not UNSET:
            field_dict["for_participants"] = for_participants

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_quantity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quantity = _parse_quantity(d.pop("quantity"))


        per_participant = d.pop("per_participant")

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))


        label = d.pop("label", UNSET)

        used_in = cast(list[str], d.pop("used_in", UNSET))


        consumable = d.pop("consumable", UNSET)

        for_participants = d.pop("for_participants", UNSET)

        agenda_material = cls(
            name=name,
            quantity=quantity,
            per_participant=per_participant,
            total=total,
            label=label,
            used_in=used_in,
            consumable=consumable,
            for_participants=for_participants,
        )


        agenda_material.additional_properties = d
        return agenda_material

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
