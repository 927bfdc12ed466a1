from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.render_status import RenderStatus






T = TypeVar("T", bound="GetPlanAgendaPdfResponse202")



@_attrs_define
class GetPlanAgendaPdfResponse202:
    """ 
        Attributes:
            status (RenderStatus): Where a file being laid out by a render worker stands.
            retry_after (int): Seconds to wait before asking again (as Retry-After).
            estimated_pages (int):
            message (str):
     """

    status: RenderStatus
    retry_after: int
    estimated_pages: int
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        retry_after = self.retry_after

        estimated_pages = self.estimated_pages

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "retry_after": retry_after,
            "estimated_pages": estimated_pages,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = RenderStatus(d.pop("status"))




        retry_after = d.pop("retry_after")

        estimated_pages = d.pop("estimated_pages")

        message = d.pop("message")

        get_plan_agenda_pdf_response_202 = cls(
            status=status,
            retry_after=retry_after,
            estimated_pages=estimated_pages,
            message=message,
        )


        get_plan_agenda_pdf_response_202.additional_properties = d
        return get_plan_agenda_pdf_response_202

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
