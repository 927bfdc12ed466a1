from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SeriesCreate")



@_attrs_define
class SeriesCreate:
    """ A new series: `count` held sessions cloned from a template, every `every_weeks` weeks in the group's time
    zone; a skipped date does not count.

        Attributes:
            group_id (str): The group that meets (an unknown or foreign id is a 422 naming this field). Example:
                0d9c4b1e-5a7f-4c3e-9b2d-1e2f3a4b5c6d.
            template_id (str): A template (a plan with no group) each session is cloned from. Example:
                6a1f0e2d-3c4b-4a5e-8f7d-9b0c1d2e3f4a.
            first_starts_at (datetime.datetime): The first session; later ones keep its wall-clock time in the group's time
                zone. An ISO 8601 date-time with an offset, between 2000-01-01 and 2199-12-31. Example:
                2027-03-04T18:00:00+00:00.
            count (int): How many sessions are held (skipped dates do not count). Example: 8.
            every_weeks (int | Unset): 1: weekly, 2: every other week, ... Default when left out: `1`. Example: 1.
            skip_dates (list[datetime.date] | Unset): Dates (in the group's zone) of the series with no session, e.g. a
                holiday: the series runs one slot longer for each. Example: ['2027-04-01'].
            title (str | Unset): Default: the template's title. Sessions are titled '<title> - session N'.
     """

    group_id: str
    template_id: str
    first_starts_at: datetime.datetime
    count: int
    every_weeks: int | Unset = UNSET
    skip_dates: list[datetime.date] | Unset = UNSET
    title: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        template_id = self.template_id

        first_starts_at = self.first_starts_at.isoformat()

        count = self.count

        every_weeks = self.every_weeks

        skip_dates: list[str] | Unset = UNSET
        if not isinstance(self.skip_dates, Unset):
            skip_dates = []
            for skip_dates_item_data in self.skip_dates:
                skip_dates_item = skip_dates_item_data.isoformat()
                skip_dates.append(skip_dates_item)



        title = self.title


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "template_id": template_id,
            "first_starts_at": first_starts_at,
            "count": count,
        })
        if every_weeks is not UNSET:
            field_dict["every_weeks"] = every_weeks
        if skip_dates is not UNSET:
            field_dict["skip_dates"] = skip_dates
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_id = d.pop("group_id")

        template_id = d.pop("template_id")

        first_starts_at = datetime.datetime.fromisoformat(d.pop("first_starts_at"))




        count = d.pop("count")

        every_weeks = d.pop("every_weeks", UNSET)

        _skip_dates = d.pop("skip_dates", UNSET)
        skip_dates: list[datetime.date] | Unset = UNSET
        if _skip_dates is not UNSET:
            skip_dates = []
            for skip_dates_item_data in _skip_dates:
                skip_dates_item = datetime.date.fromisoformat(skip_dates_item_data)



                skip_dates.append(skip_dates_item)


        title = d.pop("title", UNSET)

        series_create = cls(
            group_id=group_id,
            template_id=template_id,
            first_starts_at=first_starts_at,
            count=count,
            every_weeks=every_weeks,
            skip_dates=skip_dates,
            title=title,
        )

        return series_create

