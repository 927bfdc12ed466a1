from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clinician_assessment_create_method import ClinicianAssessmentCreateMethod
from ..models.outcome import Outcome
from ..models.screening_flag import ScreeningFlag
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ClinicianAssessmentCreate")



@_attrs_define
class ClinicianAssessmentCreate:
    """ A clinician assessment instead of the form (a clinical lead only): for under-18s and anyone who cannot do
    the form.

        Attributes:
            method (ClinicianAssessmentCreateMethod):
            outcome (Outcome): A screening outcome, from least to most restrictive.
            reason (str): Why, in words a colleague can follow (at least 20 characters).
            flags (list[ScreeningFlag] | Unset): The contraindication flags found; their module adaptations apply as for a
                form screening.
            notes (None | str | Unset):
     """

    method: ClinicianAssessmentCreateMethod
    outcome: Outcome
    reason: str
    flags: list[ScreeningFlag] | Unset = UNSET
    notes: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        outcome = self.outcome.value

        reason = self.reason

        flags: list[str] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = []
            for flags_item_data in self.flags:
                flags_item = flags_item_data.value
                flags.append(flags_item)



        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "method": method,
            "outcome": outcome,
            "reason": reason,
        })
        if flags is not UNSET:
            field_dict["flags"] = flags
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = ClinicianAssessmentCreateMethod(d.pop("method"))




        outcome = Outcome(d.pop("outcome"))




        reason = d.pop("reason")

        _flags = d.pop("flags", UNSET)
        flags: list[ScreeningFlag] | Unset = UNSET
        if _flags is not UNSET:
            flags = []
            for flags_item_data in _flags:
                flags_item = ScreeningFlag(flags_item_data)



                flags.append(flags_item)


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        clinician_assessment_create = cls(
            method=method,
            outcome=outcome,
            reason=reason,
            flags=flags,
            notes=notes,
        )

        return clinician_assessment_create

