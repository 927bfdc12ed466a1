from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agenda_status_level import AgendaStatusLevel
from typing import cast

if TYPE_CHECKING:
  from ..models.agenda_status_person import AgendaStatusPerson





T = TypeVar("T", bound="AgendaStatus")



@_attrs_define
class AgendaStatus:
    """ Facilitators: the safety status box of the whole agenda or of one session (page one of each).

        Attributes:
            level (AgendaStatusLevel): blocked: someone must not take part; caution: adaptations; clear; empty: no members.
            headline (str): The box's first line.
            people (list[AgendaStatusPerson]): Members who need attention, blocked and unscreened first.
            warnings (list[str]): Whole agenda only: the facilitator warnings.
     """

    level: AgendaStatusLevel
    headline: str
    people: list[AgendaStatusPerson]
    warnings: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_status_person import AgendaStatusPerson # noqa: PLC0415
        level = self.level.value

        headline = self.headline

        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)



        warnings = self.warnings




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "level": level,
            "headline": headline,
            "people": people,
            "warnings": warnings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_status_person import AgendaStatusPerson # noqa: PLC0415
        d = dict(src_dict)
        level = AgendaStatusLevel(d.pop("level"))




        headline = d.pop("headline")

        people = []
        _people = d.pop("people")
        for people_item_data in (_people):
            people_item = AgendaStatusPerson.from_dict(people_item_data)



            people.append(people_item)


        warnings = cast(list[str], d.pop("warnings"))


        agenda_status = cls(
            level=level,
            headline=headline,
            people=people,
            warnings=warnings,
        )


        agenda_status.additional_properties = d
        return agenda_status

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
