from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Practice")



@_attrs_define
class Practice:
    """ A practice: the tenant every record belongs to, with its settings.

        Attributes:
            id (str): Opaque id.
            name (str): The practice's name.
            contact (None | str | Unset): How participants reach the practice, e.g. a phone number, an email address and the
                crisis line to call out of hours. Printed on the participant handout; null when not set.
            emergency_contact (None | str | Unset): Whom to call in an emergency during a session (e.g. 999): printed in the
                facilitator agenda's "What to do" box and on the handout unless the group has its own.
     """

    id: str
    name: str
    contact: None | str | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        emergency_contact: None | str | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = self.emergency_contact


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
        })
        if contact is not UNSET:
            field_dict["contact"] = contact
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))


        def _parse_emergency_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))


        practice = cls(
            id=id,
            name=name,
            contact=contact,
            emergency_contact=emergency_contact,
        )

        return practice

