from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome






T = TypeVar("T", bound="OverrideCreate")



@_attrs_define
class OverrideCreate:
    """ An override of a screening's outcome; the reason is required.

        Attributes:
            outcome (Outcome): A screening outcome, from least to most restrictive.
            reason (str): Required: why the clinician departs from the computed outcome. Making the outcome less restrictive
                needs a clinical lead and at least 20 characters. Example: Disclosed a recent bereavement in the intake
                interview; individual work first..
     """

    outcome: Outcome
    reason: str





    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "outcome": outcome,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = Outcome(d.pop("outcome"))




        reason = d.pop("reason")

        override_create = cls(
            outcome=outcome,
            reason=reason,
        )

        return override_create

