from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_purpose import InvitationPurpose
from ..types import UNSET, Unset






T = TypeVar("T", bound="InvitationCreate")



@_attrs_define
class InvitationCreate:
    """ What the link is for and how long it stays open.

        Attributes:
            purpose (InvitationPurpose): What a participant's secure link is for.
            expires_in_days (int | Unset): Days the link stays open (1-14). Default when left out: `7`. Example: 7.
     """

    purpose: InvitationPurpose
    expires_in_days: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose.value

        expires_in_days = self.expires_in_days


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "purpose": purpose,
        })
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purpose = InvitationPurpose(d.pop("purpose"))




        expires_in_days = d.pop("expires_in_days", UNSET)

        invitation_create = cls(
            purpose=purpose,
            expires_in_days=expires_in_days,
        )

        return invitation_create

