from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agenda_material import AgendaMaterial





T = TypeVar("T", bound="AgendaPackingDay")



@_attrs_define
class AgendaPackingDay:
    """ Facilitators: what to pack for one day (that day's consumables added up, reused things at their
    largest need at one time).

        Attributes:
            date (datetime.date): The day.
            label (str): The day as printed.
            materials (list[AgendaMaterial]): The day's materials, in order of first use.
     """

    date: datetime.date
    label: str
    materials: list[AgendaMaterial]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_material import AgendaMaterial # noqa: PLC0415
        date = self.date.isoformat()

        label = self.label

        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "label": label,
            "materials": materials,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_material import AgendaMaterial # noqa: PLC0415
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        label = d.pop("label")

        materials = []
        _materials = d.pop("materials")
        for materials_item_data in (_materials):
            materials_item = AgendaMaterial.from_dict(materials_item_data)



            materials.append(materials_item)


        agenda_packing_day = cls(
            date=date,
            label=label,
            materials=materials,
        )


        agenda_packing_day.additional_properties = d
        return agenda_packing_day

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
