from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.counts import Counts
  from ..models.member_progress import MemberProgress
  from ..models.member_ref import MemberRef





T = TypeVar("T", bound="GroupProgress")



@_attrs_define
class GroupProgress:
    """ A group's progress summary for a supervision meeting.

        Attributes:
            group_id (str):
            group_name (str):
            counts (Counts): How many members improved, did not change, deteriorated or are not yet measured.
            improved (list[MemberRef]):
            no_change (list[MemberRef]):
            deteriorated (list[MemberRef]):
            not_measured (list[MemberRef]):
            members (list[MemberProgress]):
     """

    group_id: str
    group_name: str
    counts: Counts
    improved: list[MemberRef]
    no_change: list[MemberRef]
    deteriorated: list[MemberRef]
    not_measured: list[MemberRef]
    members: list[MemberProgress]





    def to_dict(self) -> dict[str, Any]:
        from ..models.counts import Counts # noqa: PLC0415
        from ..models.member_progress import MemberProgress # noqa: PLC0415
        from ..models.member_ref import MemberRef # noqa: PLC0415
        group_id = self.group_id

        group_name = self.group_name

        counts = self.counts.to_dict()

        improved = []
        for improved_item_data in self.improved:
            improved_item = improved_item_data.to_dict()
            improved.append(improved_item)



        no_change = []
        for no_change_item_data in self.no_change:
            no_change_item = no_change_item_data.to_dict()
            no_change.append(no_change_item)



        deteriorated = []
        for deteriorated_item_data in self.deteriorated:
            deteriorated_item = deteriorated_item_data.to_dict()
            deteriorated.append(deteriorated_item)



        not_measured = []
        for not_measured_item_data in self.not_measured:
            not_measured_item = not_measured_item_data.to_dict()
            not_measured.append(not_measured_item)



        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "group_name": group_name,
            "counts": counts,
            "improved": improved,
            "no_change": no_change,
            "deteriorated": deteriorated,
            "not_measured": not_measured,
            "members": members,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts import Counts # noqa: PLC0415
        from ..models.member_progress import MemberProgress # noqa: PLC0415
        from ..models.member_ref import MemberRef # noqa: PLC0415
        d = dict(src_dict)
        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        counts = Counts.from_dict(d.pop("counts"))




        improved = []
        _improved = d.pop("improved")
        for improved_item_data in (_improved):
            improved_item = MemberRef.from_dict(improved_item_data)



            improved.append(improved_item)


        no_change = []
        _no_change = d.pop("no_change")
        for no_change_item_data in (_no_change):
            no_change_item = MemberRef.from_dict(no_change_item_data)



            no_change.append(no_change_item)


        deteriorated = []
        _deteriorated = d.pop("deteriorated")
        for deteriorated_item_data in (_deteriorated):
            deteriorated_item = MemberRef.from_dict(deteriorated_item_data)



            deteriorated.append(deteriorated_item)


        not_measured = []
        _not_measured = d.pop("not_measured")
        for not_measured_item_data in (_not_measured):
            not_measured_item = MemberRef.from_dict(not_measured_item_data)



            not_measured.append(not_measured_item)


        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberProgress.from_dict(members_item_data)



            members.append(members_item)


        group_progress = cls(
            group_id=group_id,
            group_name=group_name,
            counts=counts,
            improved=improved,
            no_change=no_change,
            deteriorated=deteriorated,
            not_measured=not_measured,
            members=members,
        )

        return group_progress

