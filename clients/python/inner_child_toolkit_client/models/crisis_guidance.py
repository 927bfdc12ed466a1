from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.crisis_guidance_kind import CrisisGuidanceKind
from typing import cast






T = TypeVar("T", bound="CrisisGuidance")



@_attrs_define
class CrisisGuidance:
    """ Crisis guidance for a `defer` outcome: a stabilisation checklist and this deployment's crisis line.

        Attributes:
            kind (CrisisGuidanceKind): `acute` (thoughts of suicide right now: do not leave the person alone, emergency
                assessment now) or `non_acute` (a full safety assessment before any group work).
            summary (str):
            checklist (list[str]):
            crisis_line (str):
     """

    kind: CrisisGuidanceKind
    summary: str
    checklist: list[str]
    crisis_line: str





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        summary = self.summary

        checklist = self.checklist



        crisis_line = self.crisis_line


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "summary": summary,
            "checklist": checklist,
            "crisis_line": crisis_line,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = CrisisGuidanceKind(d.pop("kind"))




        summary = d.pop("summary")

        checklist = cast(list[str], d.pop("checklist"))


        crisis_line = d.pop("crisis_line")

        crisis_guidance = cls(
            kind=kind,
            summary=summary,
            checklist=checklist,
            crisis_line=crisis_line,
        )

        return crisis_guidance

