from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.attendance_in import AttendanceIn





T = TypeVar("T", bound="AttendanceSheetIn")



@_attrs_define
class AttendanceSheetIn:
    """ The whole attendance sheet of a session, for members on its roster; replaced in one transaction.

        Attributes:
            records (list[AttendanceIn]): The whole sheet: members left out have nothing recorded.
     """

    records: list[AttendanceIn]





    def to_dict(self) -> dict[str, Any]:
        from ..models.attendance_in import AttendanceIn # noqa: PLC0415
        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "records": records,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendance_in import AttendanceIn # noqa: PLC0415
        d = dict(src_dict)
        records = []
        _records = d.pop("records")
        for records_item_data in (_records):
            records_item = AttendanceIn.from_dict(records_item_data)



            records.append(records_item)


        attendance_sheet_in = cls(
            records=records,
        )

        return attendance_sheet_in

