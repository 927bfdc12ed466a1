from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.risk_level import RiskLevel
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person import Person





T = TypeVar("T", bound="CrisisReview")



@_attrs_define
class CrisisReview:
    """ A recorded crisis review.

        Attributes:
            id (str):
            participant_id (str):
            screening_id (None | str): The crisis screening reviewed (null on reviews recorded before version 3).
            summary (str):
            risk_level (None | RiskLevel): null on reviews recorded before version 3.
            safety_plan_id (None | str):
            safety_plan_in_place (bool): Whether a safety plan was in place: what reviews before version 3 recorded instead
                of a risk level (such a review lifts the hold only when true); always true on newer reviews, which name the plan
                (`safety_plan_id`).
            follow_up_on (datetime.date):
            by (Person): A therapist, by id and name.
            at (datetime.datetime):
     """

    id: str
    participant_id: str
    screening_id: None | str
    summary: str
    risk_level: None | RiskLevel
    safety_plan_id: None | str
    safety_plan_in_place: bool
    follow_up_on: datetime.date
    by: Person
    at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        id = self.id

        participant_id = self.participant_id

        screening_id: None | str
        screening_id = self.screening_id

        summary = self.summary

        risk_level: None | str
        if isinstance(self.risk_level, RiskLevel):
            risk_level = self.risk_level.value
        else:
            risk_level = self.risk_level

        safety_plan_id: None | str
        safety_plan_id = self.safety_plan_id

        safety_plan_in_place = self.safety_plan_in_place

        follow_up_on = self.follow_up_on.isoformat()

        by = self.by.to_dict()

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "participant_id": participant_id,
            "screening_id": screening_id,
            "summary": summary,
            "risk_level": risk_level,
            "safety_plan_id": safety_plan_id,
            "safety_plan_in_place": safety_plan_in_place,
            "follow_up_on": follow_up_on,
            "by": by,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        participant_id = d.pop("participant_id")

        def _parse_screening_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        screening_id = _parse_screening_id(d.pop("screening_id"))


        summary = d.pop("summary")

        def _parse_risk_level(data: object) -> None | RiskLevel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_level_type_0 = RiskLevel(data)



                return risk_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskLevel, data)

        risk_level = _parse_risk_level(d.pop("risk_level"))


        def _parse_safety_plan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        safety_plan_id = _parse_safety_plan_id(d.pop("safety_plan_id"))


        safety_plan_in_place = d.pop("safety_plan_in_place")

        follow_up_on = datetime.date.fromisoformat(d.pop("follow_up_on"))




        by = Person.from_dict(d.pop("by"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        crisis_review = cls(
            id=id,
            participant_id=participant_id,
            screening_id=screening_id,
            summary=summary,
            risk_level=risk_level,
            safety_plan_id=safety_plan_id,
            safety_plan_in_place=safety_plan_in_place,
            follow_up_on=follow_up_on,
            by=by,
            at=at,
        )

        return crisis_review

