from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.review import Review





T = TypeVar("T", bound="Deterioration")



@_attrs_define
class Deterioration:
    """ A reliable deterioration since baseline on one instrument.

        Attributes:
            active (bool): A reliable deterioration not reviewed after the latest screening: deep items exclude.
            reviewed (bool):
            details (list[str]):
            review (None | Review):
            review_path (str):
     """

    active: bool
    reviewed: bool
    details: list[str]
    review: None | Review
    review_path: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.review import Review # noqa: PLC0415
        active = self.active

        reviewed = self.reviewed

        details = self.details



        review: dict[str, Any] | None
        if isinstance(self.review, Review):
            review = self.review.to_dict()
        else:
            review = self.review

        review_path = self.review_path


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "active": active,
            "reviewed": reviewed,
            "details": details,
            "review": review,
            "review_path": review_path,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review import Review # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        reviewed = d.pop("reviewed")

        details = cast(list[str], d.pop("details"))


        def _parse_review(data: object) -> None | Review:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_type_0 = Review.from_dict(data)



                return review_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Review, data)

        review = _parse_review(d.pop("review"))


        review_path = d.pop("review_path")

        deterioration = cls(
            active=active,
            reviewed=reviewed,
            details=details,
            review=review,
            review_path=review_path,
        )

        return deterioration

