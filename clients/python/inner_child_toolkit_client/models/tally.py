from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.tally_counts import TallyCounts





T = TypeVar("T", bound="Tally")



@_attrs_define
class Tally:
    """ One member's attendance over the group's sessions held: counts per status and the attendance rate.

        Attributes:
            participant_id (str):
            display_name (str):
            current_member (bool):
            sessions_held (int): Sessions with attendance recorded while this person was on the roster.
            unrecorded (int):
            counts (TallyCounts):  Example: {'present': 0, 'late': 0, 'left_early': 0, 'excused': 0, 'late_cancel': 0,
                'no_show': 0, 'cancelled_by_practice': 0}.
            attendance_rate (float | None): Present, late or left early over the sessions held for them, not counting
                sessions the practice cancelled or with nothing recorded; null before any.
     """

    participant_id: str
    display_name: str
    current_member: bool
    sessions_held: int
    unrecorded: int
    counts: TallyCounts
    attendance_rate: float | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.tally_counts import TallyCounts # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        current_member = self.current_member

        sessions_held = self.sessions_held

        unrecorded = self.unrecorded

        counts = self.counts.to_dict()

        attendance_rate: float | None
        attendance_rate = self.attendance_rate


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "current_member": current_member,
            "sessions_held": sessions_held,
            "unrecorded": unrecorded,
            "counts": counts,
            "attendance_rate": attendance_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tally_counts import TallyCounts # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        current_member = d.pop("current_member")

        sessions_held = d.pop("sessions_held")

        unrecorded = d.pop("unrecorded")

        counts = TallyCounts.from_dict(d.pop("counts"))




        def _parse_attendance_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        attendance_rate = _parse_attendance_rate(d.pop("attendance_rate"))


        tally = cls(
            participant_id=participant_id,
            display_name=display_name,
            current_member=current_member,
            sessions_held=sessions_held,
            unrecorded=unrecorded,
            counts=counts,
            attendance_rate=attendance_rate,
        )

        return tally

