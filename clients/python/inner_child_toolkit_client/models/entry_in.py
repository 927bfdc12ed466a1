from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EntryIn")



@_attrs_define
class EntryIn:
    """ One member's entry in a session note.

        Attributes:
            participant_id (str): A member on the session's roster (else a 422 naming this field).
            text (str): This member's part of the note. Example: Spoke about a school memory; calmer by the close..
     """

    participant_id: str
    text: str





    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        text = d.pop("text")

        entry_in = cls(
            participant_id=participant_id,
            text=text,
        )

        return entry_in

