from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RecentCrisis")



@_attrs_define
class RecentCrisis:
    """ A crisis screening of the last 90 days, as clearance and the facilitator agenda show it.

        Attributes:
            screening_id (str):
            on (datetime.date): The day of the crisis screening.
            reviewed_by (None | str): The clinical lead who reviewed it (null: not reviewed yet).
            follow_up_on (datetime.date | None): The review's follow-up.
     """

    screening_id: str
    on: datetime.date
    reviewed_by: None | str
    follow_up_on: datetime.date | None





    def to_dict(self) -> dict[str, Any]:
        screening_id = self.screening_id

        on = self.on.isoformat()

        reviewed_by: None | str
        reviewed_by = self.reviewed_by

        follow_up_on: None | str
        if isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "screening_id": screening_id,
            "on": on,
            "reviewed_by": reviewed_by,
            "follow_up_on": follow_up_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        screening_id = d.pop("screening_id")

        on = datetime.date.fromisoformat(d.pop("on"))




        def _parse_reviewed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by"))


        def _parse_follow_up_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_on_type_0 = datetime.date.fromisoformat(data)



                return follow_up_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        follow_up_on = _parse_follow_up_on(d.pop("follow_up_on"))


        recent_crisis = cls(
            screening_id=screening_id,
            on=on,
            reviewed_by=reviewed_by,
            follow_up_on=follow_up_on,
        )

        return recent_crisis

