from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MemberRef")



@_attrs_define
class MemberRef:
    """ A group member (for facilitators: id and display name).

        Attributes:
            participant_id (str):
            display_name (str):
     """

    participant_id: str
    display_name: str





    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        display_name = self.display_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        member_ref = cls(
            participant_id=participant_id,
            display_name=display_name,
        )

        return member_ref

