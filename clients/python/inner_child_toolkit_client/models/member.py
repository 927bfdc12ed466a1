from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Member")



@_attrs_define
class Member:
    """ A membership period of a group: who, and from when to when.

        Attributes:
            participant_id (str): The participant.
            display_name (str): Their name.
            joined_at (datetime.datetime): When they were enrolled.
            joined_on (datetime.date): First day of this membership period.
            left_on (datetime.date | None): First day no longer a member (the period ended); null while current.
     """

    participant_id: str
    display_name: str
    joined_at: datetime.datetime
    joined_on: datetime.date
    left_on: datetime.date | None





    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        display_name = self.display_name

        joined_at = self.joined_at.isoformat()

        joined_on = self.joined_on.isoformat()

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "joined_at": joined_at,
            "joined_on": joined_on,
            "left_on": left_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))




        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))




        def _parse_left_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)



                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_on = _parse_left_on(d.pop("left_on"))


        member = cls(
            participant_id=participant_id,
            display_name=display_name,
            joined_at=joined_at,
            joined_on=joined_on,
            left_on=left_on,
        )

        return member

