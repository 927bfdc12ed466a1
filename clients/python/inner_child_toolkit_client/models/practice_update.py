from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PracticeUpdate")



@_attrs_define
class PracticeUpdate:
    """ The practice's settings an admin may change (send only the fields to change).

        Attributes:
            name (str | Unset): The practice's name. Example: Willow Tree Therapy.
            contact (None | str | Unset): How participants reach the practice (printed on the participant handout); empty or
                null clears it. Plain text, at most 500 characters. Example: Willow Tree Therapy: 01234 567890,
                hello@example.org. Out of hours: call your local crisis line or 999 in an emergency..
            emergency_contact (None | str | Unset): Whom to call in an emergency during a session; a group's own
                `emergency_contact` (a retreat abroad) wins over it. Empty or null clears it. Example: 999.
            require_totp (bool | Unset): true: every therapist must sign in with a TOTP code (those without one enrol at
                their next login); false: two-factor sign-in is each therapist's choice. Example: False.
     """

    name: str | Unset = UNSET
    contact: None | str | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET
    require_totp: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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

        require_totp = self.require_totp


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if contact is not UNSET:
            field_dict["contact"] = contact
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if require_totp is not UNSET:
            field_dict["require_totp"] = require_totp

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

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


        require_totp = d.pop("require_totp", UNSET)

        practice_update = cls(
            name=name,
            contact=contact,
            emergency_contact=emergency_contact,
            require_totp=require_totp,
        )

        return practice_update

