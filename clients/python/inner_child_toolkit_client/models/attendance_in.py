from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendance_status import AttendanceStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AttendanceIn")



@_attrs_define
class AttendanceIn:
    """ One member's attendance at a session.

        Attributes:
            participant_id (str): A member on the session's roster (else a 422 naming this field).
            status (AttendanceStatus): What was recorded for one member at one session.
            note (None | str | Unset): Default when left out: `null`. Example: Arrived 10 minutes late (bus)..
     """

    participant_id: str
    status: AttendanceStatus
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        status = self.status.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "status": status,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        status = AttendanceStatus(d.pop("status"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        attendance_in = cls(
            participant_id=participant_id,
            status=status,
            note=note,
        )

        return attendance_in

