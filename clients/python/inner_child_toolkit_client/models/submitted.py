from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.submitted_status import SubmittedStatus
from typing import cast
import datetime






T = TypeVar("T", bound="Submitted")



@_attrs_define
class Submitted:
    """ Thank you: no scores, no outcome.

        Attributes:
            status (SubmittedStatus):
            completed_at (datetime.datetime):
     """

    status: SubmittedStatus
    completed_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        completed_at = self.completed_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "completed_at": completed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = SubmittedStatus(d.pop("status"))




        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))




        submitted = cls(
            status=status,
            completed_at=completed_at,
        )

        return submitted

