from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SeriesSession")



@_attrs_define
class SeriesSession:
    """ One session of a series: its plan, number and date, and whether attendance or a note exists.

        Attributes:
            plan_id (str):
            session_number (int):
            title (str):
            starts_at (datetime.datetime):
            ends_at (datetime.datetime):
            has_attendance (bool):
            has_note (bool):
     """

    plan_id: str
    session_number: int
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    has_attendance: bool
    has_note: bool





    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        session_number = self.session_number

        title = self.title

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        has_attendance = self.has_attendance

        has_note = self.has_note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "plan_id": plan_id,
            "session_number": session_number,
            "title": title,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "has_attendance": has_attendance,
            "has_note": has_note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        session_number = d.pop("session_number")

        title = d.pop("title")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        has_attendance = d.pop("has_attendance")

        has_note = d.pop("has_note")

        series_session = cls(
            plan_id=plan_id,
            session_number=session_number,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            has_attendance=has_attendance,
            has_note=has_note,
        )

        return series_session

