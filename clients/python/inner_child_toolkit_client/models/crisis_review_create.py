from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.risk_level import RiskLevel
from typing import cast
import datetime






T = TypeVar("T", bound="CrisisReviewCreate")



@_attrs_define
class CrisisReviewCreate:
    """ A clinical lead's review of the person's latest crisis screening. Unless the risk is `high`, a
    screening free of crisis taken at least 24 hours after the review lifts the crisis hold.

        Attributes:
            screening_id (str): The person's latest crisis screening (409 for any other: a newer crisis is unseen). Example:
                6f1c2b4e-8d0a-4c57-9f3e-2a7b5d9e1c44.
            summary (str): What was assessed and agreed: at least 20 characters (422 otherwise). Example: Met with the
                person and their GP; thoughts have settled, coping plan agreed..
            risk_level (RiskLevel): The risk level a crisis review records.
            safety_plan_id (str): The person's current safety plan (`POST /participants/{id}/safety-plans`; 422 naming
                `safety_plan_id` when it is not: unknown, superseded or another person's). Example:
                0b7d3e52-41a9-4f0e-9c6d-5e2f8a1b3c77.
            follow_up_on (datetime.date): When the follow-up contact happens. Example: 2027-01-15.
     """

    screening_id: str
    summary: str
    risk_level: RiskLevel
    safety_plan_id: str
    follow_up_on: datetime.date





    def to_dict(self) -> dict[str, Any]:
        screening_id = self.screening_id

        summary = self.summary

        risk_level = self.risk_level.value

        safety_plan_id = self.safety_plan_id

        follow_up_on = self.follow_up_on.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "screening_id": screening_id,
            "summary": summary,
            "risk_level": risk_level,
            "safety_plan_id": safety_plan_id,
            "follow_up_on": follow_up_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        screening_id = d.pop("screening_id")

        summary = d.pop("summary")

        risk_level = RiskLevel(d.pop("risk_level"))




        safety_plan_id = d.pop("safety_plan_id")

        follow_up_on = datetime.date.fromisoformat(d.pop("follow_up_on"))




        crisis_review_create = cls(
            screening_id=screening_id,
            summary=summary,
            risk_level=risk_level,
            safety_plan_id=safety_plan_id,
            follow_up_on=follow_up_on,
        )

        return crisis_review_create

