from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Entry")



@_attrs_define
class Entry:
    """ One member's entry in a session note.

        Attributes:
            participant_id (str):
            display_name (str):
            text (str):
     """

    participant_id: str
    display_name: str
    text: str





    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        display_name = self.display_name

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        text = d.pop("text")

        entry = cls(
            participant_id=participant_id,
            display_name=display_name,
            text=text,
        )

        return entry

