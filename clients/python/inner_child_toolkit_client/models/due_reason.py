from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.due_reason_reason import DueReasonReason






T = TypeVar("T", bound="DueReason")



@_attrs_define
class DueReason:
    """ Why a re-screen is due.

        Attributes:
            reason (DueReasonReason):
            message (str):
     """

    reason: DueReasonReason
    message: str





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = DueReasonReason(d.pop("reason"))




        message = d.pop("message")

        due_reason = cls(
            reason=reason,
            message=message,
        )

        return due_reason

