from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fhir_bundle_resource_type import FhirBundleResourceType
from ..types import UNSET, Unset






T = TypeVar("T", bound="FhirBundle")



@_attrs_define
class FhirBundle:
    """ A FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html): `searchset` for a search (with `total` and paging links),
    `collection` for a participant's record.

        Attributes:
            resource_type (FhirBundleResourceType):  Example: Bundle.
            id (str | Unset): The logical id of the resource.
     """

    resource_type: FhirBundleResourceType
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type.value

        id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourceType": resource_type,
        })
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_type = FhirBundleResourceType(d.pop("resourceType"))




        id = d.pop("id", UNSET)

        fhir_bundle = cls(
            resource_type=resource_type,
            id=id,
        )


        fhir_bundle.additional_properties = d
        return fhir_bundle

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
