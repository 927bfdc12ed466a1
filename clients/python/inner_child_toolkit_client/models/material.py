from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Material")



@_attrs_define
class Material:
    """ Something a module needs.

        Attributes:
            name (str):  Example: Crayons or markers.
            quantity (int | Unset): Default when left out: `1`.
            per_participant (bool | Unset): When true the checklist multiplies `quantity` by the group's size. Default when
                left out: `false`.
            consumable (bool | Unset): Used up (envelopes, paper, juice): the checklist adds up every use across items and
                sessions. False (the default) for things that are reused (a bell, a flip chart stand): the checklist keeps the
                largest number needed at one time. Default when left out: `false`.
            for_participants (bool | Unset): Participants bring or use it themselves (a pen, a notebook): the participant
                handout lists only these. False (the default) for the facilitators' own kit (a flip chart, masking tape).
                Default when left out: `false`.
     """

    name: str
    quantity: int | Unset = UNSET
    per_participant: bool | Unset = UNSET
    consumable: bool | Unset = UNSET
    for_participants: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        quantity = self.quantity

        per_participant = self.per_participant

        consumable = self.consumable

        for_participants = self.for_participants


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if per_participant is not UNSET:
            field_dict["per_participant"] = per_participant
        if consumable is not UNSET:
            field_dict["consumable"] = consumable
        if for_participants is not UNSET:
            field_dict["for_participants"] = for_participants

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        quantity = d.pop("quantity", UNSET)

        per_participant = d.pop("per_participant", UNSET)

        consumable = d.pop("consumable", UNSET)

        for_participants = d.pop("for_participants", UNSET)

        material = cls(
            name=name,
            quantity=quantity,
            per_participant=per_participant,
            consumable=consumable,
            for_participants=for_participants,
        )

        return material

