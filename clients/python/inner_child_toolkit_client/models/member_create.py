from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="MemberCreate")



@_attrs_define
class MemberCreate:
    """ Enrol a participant of your practice.

        Attributes:
            participant_id (str): An unknown id (or another practice's) is a 422 naming this field. Example:
                5b0c9a52-2f37-4a8e-9a51-3f6f1b0e6d21.
            joined_on (datetime.date | Unset): First day of membership (default: today in the group's time zone). Example:
                2026-01-05.
     """

    participant_id: str
    joined_on: datetime.date | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        joined_on: str | Unset = UNSET
        if not isinstance(self.joined_on, Unset):
            joined_on = self.joined_on.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
        })
        if joined_on is not UNSET:
            field_dict["joined_on"] = joined_on

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        _joined_on = d.pop("joined_on", UNSET)
        joined_on: datetime.date | Unset
        if isinstance(_joined_on,  Unset):
            joined_on = UNSET
        else:
            joined_on = datetime.date.fromisoformat(_joined_on)




        member_create = cls(
            participant_id=participant_id,
            joined_on=joined_on,
        )

        return member_create

