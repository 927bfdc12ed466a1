from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agenda_plan import AgendaPlan





T = TypeVar("T", bound="AgendaDay")



@_attrs_define
class AgendaDay:
    """ The sessions of one day, in the group's time zone.

        Attributes:
            date (datetime.date): The day.
            label (str): The day as printed.
            plans (list[AgendaPlan]): Its sessions.
     """

    date: datetime.date
    label: str
    plans: list[AgendaPlan]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_plan import AgendaPlan # noqa: PLC0415
        date = self.date.isoformat()

        label = self.label

        plans = []
        for plans_item_data in self.plans:
            plans_item = plans_item_data.to_dict()
            plans.append(plans_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date": date,
            "label": label,
            "plans": plans,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_plan import AgendaPlan # noqa: PLC0415
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        label = d.pop("label")

        plans = []
        _plans = d.pop("plans")
        for plans_item_data in (_plans):
            plans_item = AgendaPlan.from_dict(plans_item_data)



            plans.append(plans_item)


        agenda_day = cls(
            date=date,
            label=label,
            plans=plans,
        )


        agenda_day.additional_properties = d
        return agenda_day

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
