from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PlanPerson")



@_attrs_define
class PlanPerson:
    """ A person, place or service on a safety plan, and how to reach them.

        Attributes:
            name (str): Who (or where) it is, as the person names them. Example: My sister Jo.
            contact (None | str | Unset): How to reach them (a phone number, an address, a time); null when not needed.
                Default when left out: `null`. Example: 07700 900123.
     """

    name: str
    contact: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))


        plan_person = cls(
            name=name,
            contact=contact,
        )

        return plan_person

