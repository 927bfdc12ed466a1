from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person import Person





T = TypeVar("T", bound="ClearanceOverride")



@_attrs_define
class ClearanceOverride:
    """ The override that sets a member's effective outcome: who made it, when and why.

        Attributes:
            outcome (Outcome): A screening outcome, from least to most restrictive.
            reason (str):
            by (Person): A therapist, by id and name.
            at (datetime.datetime):
     """

    outcome: Outcome
    reason: str
    by: Person
    at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person # noqa: PLC0415
        outcome = self.outcome.value

        reason = self.reason

        by = self.by.to_dict()

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "outcome": outcome,
            "reason": reason,
            "by": by,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        outcome = Outcome(d.pop("outcome"))




        reason = d.pop("reason")

        by = Person.from_dict(d.pop("by"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        clearance_override = cls(
            outcome=outcome,
            reason=reason,
            by=by,
            at=at,
        )

        return clearance_override

