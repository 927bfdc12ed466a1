from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendance_status import AttendanceStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.recorder import Recorder





T = TypeVar("T", bound="AttendanceLine")



@_attrs_define
class AttendanceLine:
    """ One roster member's attendance (status null while not recorded).

        Attributes:
            participant_id (str):
            display_name (str):
            status (AttendanceStatus | None): Null: not recorded yet.
            note (None | str):
            recorded_by (None | Recorder):
            recorded_at (datetime.datetime | None):
     """

    participant_id: str
    display_name: str
    status: AttendanceStatus | None
    note: None | str
    recorded_by: None | Recorder
    recorded_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.recorder import Recorder # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        status: None | str
        if isinstance(self.status, AttendanceStatus):
            status = self.status.value
        else:
            status = self.status

        note: None | str
        note = self.note

        recorded_by: dict[str, Any] | None
        if isinstance(self.recorded_by, Recorder):
            recorded_by = self.recorded_by.to_dict()
        else:
            recorded_by = self.recorded_by

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "status": status,
            "note": note,
            "recorded_by": recorded_by,
            "recorded_at": recorded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recorder import Recorder # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        def _parse_status(data: object) -> AttendanceStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AttendanceStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttendanceStatus | None, data)

        status = _parse_status(d.pop("status"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        def _parse_recorded_by(data: object) -> None | Recorder:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recorded_by_type_0 = Recorder.from_dict(data)



                return recorded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recorder, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))


        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)



                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))


        attendance_line = cls(
            participant_id=participant_id,
            display_name=display_name,
            status=status,
            note=note,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )

        return attendance_line

