from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.operation_outcome_resource_type import OperationOutcomeResourceType
from typing import cast

if TYPE_CHECKING:
  from ..models.issue import Issue





T = TypeVar("T", bound="OperationOutcome")



@_attrs_define
class OperationOutcome:
    """ Errors under /api/v1/fhir (and of a participant's FHIR Bundle) are FHIR OperationOutcome resources with
    the HTTP status of the one error shape: 400 bad search parameter, 401 no or bad token, 404 not found
    (another practice's record too), 422 unknown patient in `subject`.

        Attributes:
            resource_type (OperationOutcomeResourceType):  Example: OperationOutcome.
            issue (list[Issue]):
     """

    resource_type: OperationOutcomeResourceType
    issue: list[Issue]





    def to_dict(self) -> dict[str, Any]:
        from ..models.issue import Issue # noqa: PLC0415
        resource_type = self.resource_type.value

        issue = []
        for issue_item_data in self.issue:
            issue_item = issue_item_data.to_dict()
            issue.append(issue_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "resourceType": resource_type,
            "issue": issue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue import Issue # noqa: PLC0415
        d = dict(src_dict)
        resource_type = OperationOutcomeResourceType(d.pop("resourceType"))




        issue = []
        _issue = d.pop("issue")
        for issue_item_data in (_issue):
            issue_item = Issue.from_dict(issue_item_data)



            issue.append(issue_item)


        operation_outcome = cls(
            resource_type=resource_type,
            issue=issue,
        )

        return operation_outcome

