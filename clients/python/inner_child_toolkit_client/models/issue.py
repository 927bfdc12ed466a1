from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.issue_severity import IssueSeverity
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.issue_details import IssueDetails





T = TypeVar("T", bound="Issue")



@_attrs_define
class Issue:
    """ One issue of a FHIR OperationOutcome.

        Attributes:
            severity (IssueSeverity):
            code (str): FHIR issue type, e.g. not-found, login, invalid. Example: not-found.
            details (IssueDetails | Unset): The human-readable part of an OperationOutcome issue.
            diagnostics (str | Unset): The HTTP status, e.g. `HTTP 404 Not Found`.
            expression (list[str] | Unset): The search parameter at fault.
     """

    severity: IssueSeverity
    code: str
    details: IssueDetails | Unset = UNSET
    diagnostics: str | Unset = UNSET
    expression: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.issue_details import IssueDetails # noqa: PLC0415
        severity = self.severity.value

        code = self.code

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        diagnostics = self.diagnostics

        expression: list[str] | Unset = UNSET
        if not isinstance(self.expression, Unset):
            expression = self.expression




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "severity": severity,
            "code": code,
        })
        if details is not UNSET:
            field_dict["details"] = details
        if diagnostics is not UNSET:
            field_dict["diagnostics"] = diagnostics
        if expression is not UNSET:
            field_dict["expression"] = expression

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_details import IssueDetails # noqa: PLC0415
        d = dict(src_dict)
        severity = IssueSeverity(d.pop("severity"))




        code = d.pop("code")

        _details = d.pop("details", UNSET)
        details: IssueDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = IssueDetails.from_dict(_details)




        diagnostics = d.pop("diagnostics", UNSET)

        expression = cast(list[str], d.pop("expression", UNSET))


        issue = cls(
            severity=severity,
            code=code,
            details=details,
            diagnostics=diagnostics,
            expression=expression,
        )

        return issue

