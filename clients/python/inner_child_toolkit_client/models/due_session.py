from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DueSession")



@_attrs_define
class DueSession:
    """ The next session a participant is on the roster of.

        Attributes:
            plan_id (str):
            title (str):
            group_id (str):
            group_name (str):
            starts_at (datetime.datetime):
            ends_at (datetime.datetime | None):
            series_id (None | str):
            session_number (int | None):
     """

    plan_id: str
    title: str
    group_id: str
    group_name: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    series_id: None | str
    session_number: int | None





    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        title = self.title

        group_id = self.group_id

        group_name = self.group_name

        starts_at = self.starts_at.isoformat()

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        series_id: None | str
        series_id = self.series_id

        session_number: int | None
        session_number = self.session_number


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "plan_id": plan_id,
            "title": title,
            "group_id": group_id,
            "group_name": group_name,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "series_id": series_id,
            "session_number": session_number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        title = d.pop("title")

        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)



                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))


        def _parse_series_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series_id = _parse_series_id(d.pop("series_id"))


        def _parse_session_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        session_number = _parse_session_number(d.pop("session_number"))


        due_session = cls(
            plan_id=plan_id,
            title=title,
            group_id=group_id,
            group_name=group_name,
            starts_at=starts_at,
            ends_at=ends_at,
            series_id=series_id,
            session_number=session_number,
        )

        return due_session

