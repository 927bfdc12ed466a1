from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attendance_line import AttendanceLine





T = TypeVar("T", bound="AttendanceSheet")



@_attrs_define
class AttendanceSheet:
    """ A session's attendance sheet: one line per member on the roster of its date.

        Attributes:
            plan_id (str):
            session_date (datetime.date): The roster is the members on this date.
            session_number (int | None):
            records (list[AttendanceLine]): One line per member on the session's roster.
            etag (str): The sheet's ETag, as the ETag header gives it: send it as If-Match to change it. Example:
                "3f2a9c0d1e4b5a6f7a8b".
     """

    plan_id: str
    session_date: datetime.date
    session_number: int | None
    records: list[AttendanceLine]
    etag: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.attendance_line import AttendanceLine # noqa: PLC0415
        plan_id = self.plan_id

        session_date = self.session_date.isoformat()

        session_number: int | None
        session_number = self.session_number

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)



        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "plan_id": plan_id,
            "session_date": session_date,
            "session_number": session_number,
            "records": records,
            "etag": etag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendance_line import AttendanceLine # noqa: PLC0415
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        session_date = datetime.date.fromisoformat(d.pop("session_date"))




        def _parse_session_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        session_number = _parse_session_number(d.pop("session_number"))


        records = []
        _records = d.pop("records")
        for records_item_data in (_records):
            records_item = AttendanceLine.from_dict(records_item_data)



            records.append(records_item)


        etag = d.pop("etag")

        attendance_sheet = cls(
            plan_id=plan_id,
            session_date=session_date,
            session_number=session_number,
            records=records,
            etag=etag,
        )

        return attendance_sheet

