from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.series_session import SeriesSession





T = TypeVar("T", bound="Series")



@_attrs_define
class Series:
    """ A series of sessions (a programme) with the recurrence rule the server wrote (RRULE and EXDATEs).

        Attributes:
            id (str):
            group_id (str):
            template_id (None | str):
            title (str):
            timezone (str):
            first_starts_at (datetime.datetime):
            count (int):
            every_weeks (int):
            skip_dates (list[datetime.date]):
            dtstart (str):  Example: DTSTART;TZID=Europe/London:20270304T180000.
            rrule (str): Written by the server: COUNT includes the skipped slots (RFC 5545 removes EXDATEs after counting).
                Example: RRULE:FREQ=WEEKLY;COUNT=9;INTERVAL=1.
            exdates (list[str]):  Example: ['EXDATE;TZID=Europe/London:20270401T180000'].
            sessions (list[SeriesSession]):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            etag (str): The series's ETag, as the ETag header gives it: send it as If-Match to change it. Example:
                "3f2a9c0d1e4b5a6f7a8b".
     """

    id: str
    group_id: str
    template_id: None | str
    title: str
    timezone: str
    first_starts_at: datetime.datetime
    count: int
    every_weeks: int
    skip_dates: list[datetime.date]
    dtstart: str
    rrule: str
    exdates: list[str]
    sessions: list[SeriesSession]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    etag: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.series_session import SeriesSession # noqa: PLC0415
        id = self.id

        group_id = self.group_id

        template_id: None | str
        template_id = self.template_id

        title = self.title

        timezone = self.timezone

        first_starts_at = self.first_starts_at.isoformat()

        count = self.count

        every_weeks = self.every_weeks

        skip_dates = []
        for skip_dates_item_data in self.skip_dates:
            skip_dates_item = skip_dates_item_data.isoformat()
            skip_dates.append(skip_dates_item)



        dtstart = self.dtstart

        rrule = self.rrule

        exdates = self.exdates



        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "group_id": group_id,
            "template_id": template_id,
            "title": title,
            "timezone": timezone,
            "first_starts_at": first_starts_at,
            "count": count,
            "every_weeks": every_weeks,
            "skip_dates": skip_dates,
            "dtstart": dtstart,
            "rrule": rrule,
            "exdates": exdates,
            "sessions": sessions,
            "created_at": created_at,
            "updated_at": updated_at,
            "etag": etag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.series_session import SeriesSession # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        group_id = d.pop("group_id")

        def _parse_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template_id = _parse_template_id(d.pop("template_id"))


        title = d.pop("title")

        timezone = d.pop("timezone")

        first_starts_at = datetime.datetime.fromisoformat(d.pop("first_starts_at"))




        count = d.pop("count")

        every_weeks = d.pop("every_weeks")

        skip_dates = []
        _skip_dates = d.pop("skip_dates")
        for skip_dates_item_data in (_skip_dates):
            skip_dates_item = datetime.date.fromisoformat(skip_dates_item_data)



            skip_dates.append(skip_dates_item)


        dtstart = d.pop("dtstart")

        rrule = d.pop("rrule")

        exdates = cast(list[str], d.pop("exdates"))


        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in (_sessions):
            sessions_item = SeriesSession.from_dict(sessions_item_data)



            sessions.append(sessions_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        etag = d.pop("etag")

        series = cls(
            id=id,
            group_id=group_id,
            template_id=template_id,
            title=title,
            timezone=timezone,
            first_starts_at=first_starts_at,
            count=count,
            every_weeks=every_weeks,
            skip_dates=skip_dates,
            dtstart=dtstart,
            rrule=rrule,
            exdates=exdates,
            sessions=sessions,
            created_at=created_at,
            updated_at=updated_at,
            etag=etag,
        )

        return series

