from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="AgendaRosterLine")



@_attrs_define
class AgendaRosterLine:
    """ One member on the facilitator-only roster (issue 31).

        Attributes:
            member_name (str): The member.
            emergency_contact (str): Whom to call for them.
            dietary_notes (str): Allergies and dietary notes.
            open_alerts (list[str]): Their unresolved alerts.
     """

    member_name: str
    emergency_contact: str
    dietary_notes: str
    open_alerts: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        member_name = self.member_name

        emergency_contact = self.emergency_contact

        dietary_notes = self.dietary_notes

        open_alerts = self.open_alerts




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_name": member_name,
            "emergency_contact": emergency_contact,
            "dietary_notes": dietary_notes,
            "open_alerts": open_alerts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_name = d.pop("member_name")

        emergency_contact = d.pop("emergency_contact")

        dietary_notes = d.pop("dietary_notes")

        open_alerts = cast(list[str], d.pop("open_alerts"))


        agenda_roster_line = cls(
            member_name=member_name,
            emergency_contact=emergency_contact,
            dietary_notes=dietary_notes,
            open_alerts=open_alerts,
        )


        agenda_roster_line.additional_properties = d
        return agenda_roster_line

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
