from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fhir_code_system_resource_type import FhirCodeSystemResourceType






T = TypeVar("T", bound="FhirCodeSystem")



@_attrs_define
class FhirCodeSystem:
    """ A FHIR R4 CodeSystem (https://hl7.org/fhir/R4/codesystem.html); every other element as the FHIR specification
    defines it.

        Attributes:
            id (str): The logical id of the resource.
            resource_type (FhirCodeSystemResourceType):  Example: CodeSystem.
     """

    id: str
    resource_type: FhirCodeSystemResourceType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        resource_type = self.resource_type.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "resourceType": resource_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        resource_type = FhirCodeSystemResourceType(d.pop("resourceType"))




        fhir_code_system = cls(
            id=id,
            resource_type=resource_type,
        )


        fhir_code_system.additional_properties = d
        return fhir_code_system

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
