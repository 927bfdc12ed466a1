from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tally import Tally





T = TypeVar("T", bound="GroupAttendance")



@_attrs_define
class GroupAttendance:
    """ Attendance per member over all the sessions a group has held.

        Attributes:
            group_id (str):
            sessions_held (int):
            members (list[Tally]):
     """

    group_id: str
    sessions_held: int
    members: list[Tally]





    def to_dict(self) -> dict[str, Any]:
        from ..models.tally import Tally # noqa: PLC0415
        group_id = self.group_id

        sessions_held = self.sessions_held

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "sessions_held": sessions_held,
            "members": members,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tally import Tally # noqa: PLC0415
        d = dict(src_dict)
        group_id = d.pop("group_id")

        sessions_held = d.pop("sessions_held")

        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = Tally.from_dict(members_item_data)



            members.append(members_item)


        group_attendance = cls(
            group_id=group_id,
            sessions_held=sessions_held,
            members=members,
        )

        return group_attendance

