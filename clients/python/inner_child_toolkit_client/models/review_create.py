from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ReviewCreate")



@_attrs_define
class ReviewCreate:
    """ A progress review: why the member may do deep modules again despite a reliable deterioration.

        Attributes:
            reason (str): Why deep work may go on despite the reliable deterioration (10 characters or more). Example: Seen
                individually: the rise follows a bereavement; safety plan reviewed, deep work may go on..
     """

    reason: str





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        review_create = cls(
            reason=reason,
        )

        return review_create

