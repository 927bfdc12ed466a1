from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CalendarFeed")



@_attrs_define
class CalendarFeed:
    """ A group's calendar subscription, without its token (that is shown once, when it is made).

        Attributes:
            group_id (str): The group whose sessions the feed shows.
            created_at (datetime.datetime): When the current token was made.
            created_by (None | str): The therapist who made the current token (null if that account is gone).
     """

    group_id: str
    created_at: datetime.datetime
    created_by: None | str





    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        created_at = self.created_at.isoformat()

        created_by: None | str
        created_by = self.created_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "created_at": created_at,
            "created_by": created_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_id = d.pop("group_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))


        calendar_feed = cls(
            group_id=group_id,
            created_at=created_at,
            created_by=created_by,
        )

        return calendar_feed

