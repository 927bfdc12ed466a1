from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PracticeSettings")



@_attrs_define
class PracticeSettings:
    """ A practice with the settings its therapists see.

        Attributes:
            id (str): Opaque id.
            name (str): The practice's name.
            contact (None | str): How participants reach the practice, e.g. a phone number, an email address and the crisis
                line to call out of hours. Printed on the participant handout; null when not set.
            emergency_contact (None | str): Whom to call in an emergency during a session (e.g. 999): printed in the
                facilitator agenda's "What to do" box and on the handout unless the group has its own.
            require_totp (bool): Every therapist of the practice signs in with a TOTP code; those without one enrol at their
                next login.
            etag (str): The record's ETag, as the ETag header gives it: send it as If-Match to change the record. Example:
                "3f2a9c0d1e4b5a6f7a8b".
     """

    id: str
    name: str
    contact: None | str
    emergency_contact: None | str
    require_totp: bool
    etag: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        contact: None | str
        contact = self.contact

        emergency_contact: None | str
        emergency_contact = self.emergency_contact

        require_totp = self.require_totp

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "contact": contact,
            "emergency_contact": emergency_contact,
            "require_totp": require_totp,
            "etag": etag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))


        def _parse_emergency_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact"))


        require_totp = d.pop("require_totp")

        etag = d.pop("etag")

        practice_settings = cls(
            id=id,
            name=name,
            contact=contact,
            emergency_contact=emergency_contact,
            require_totp=require_totp,
            etag=etag,
        )

        return practice_settings

