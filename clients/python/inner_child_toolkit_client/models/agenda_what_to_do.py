from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.agenda_what_to_do_clinical_leads_item import AgendaWhatToDoClinicalLeadsItem





T = TypeVar("T", bound="AgendaWhatToDo")



@_attrs_define
class AgendaWhatToDo:
    """ What a facilitator does if a member who must not take part comes (issue 31).

        Attributes:
            member_name (str): The member.
            reason (str): Why, once, in plain words.
            checklist (list[str]): The screening's crisis checklist in short (its first steps).
            clinical_leads (list[AgendaWhatToDoClinicalLeadsItem]): `{name, how}`: the practice's clinical leads and how to
                reach them.
            emergency_contact (str): The group's emergency contact, else the practice's.
            people_to_ask (list[str]): From the member's current safety plan.
            open_alerts (list[str]): Their unresolved alerts.
            plan_ids (list[str]): The sessions it applies to (printed on their run sheets too).
     """

    member_name: str
    reason: str
    checklist: list[str]
    clinical_leads: list[AgendaWhatToDoClinicalLeadsItem]
    emergency_contact: str
    people_to_ask: list[str]
    open_alerts: list[str]
    plan_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_what_to_do_clinical_leads_item import AgendaWhatToDoClinicalLeadsItem # noqa: PLC0415
        member_name = self.member_name

        reason = self.reason

        checklist = self.checklist



        clinical_leads = []
        for clinical_leads_item_data in self.clinical_leads:
            clinical_leads_item = clinical_leads_item_data.to_dict()
            clinical_leads.append(clinical_leads_item)



        emergency_contact = self.emergency_contact

        people_to_ask = self.people_to_ask



        open_alerts = self.open_alerts



        plan_ids = self.plan_ids




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_name": member_name,
            "reason": reason,
            "checklist": checklist,
            "clinical_leads": clinical_leads,
            "emergency_contact": emergency_contact,
            "people_to_ask": people_to_ask,
            "open_alerts": open_alerts,
            "plan_ids": plan_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_what_to_do_clinical_leads_item import AgendaWhatToDoClinicalLeadsItem # noqa: PLC0415
        d = dict(src_dict)
        member_name = d.pop("member_name")

        reason = d.pop("reason")

        checklist = cast(list[str], d.pop("checklist"))


        clinical_leads = []
        _clinical_leads = d.pop("clinical_leads")
        for clinical_leads_item_data in (_clinical_leads):
            clinical_leads_item = AgendaWhatToDoClinicalLeadsItem.from_dict(clinical_leads_item_data)



            clinical_leads.append(clinical_leads_item)


        emergency_contact = d.pop("emergency_contact")

        people_to_ask = cast(list[str], d.pop("people_to_ask"))


        open_alerts = cast(list[str], d.pop("open_alerts"))


        plan_ids = cast(list[str], d.pop("plan_ids"))


        agenda_what_to_do = cls(
            member_name=member_name,
            reason=reason,
            checklist=checklist,
            clinical_leads=clinical_leads,
            emergency_contact=emergency_contact,
            people_to_ask=people_to_ask,
            open_alerts=open_alerts,
            plan_ids=plan_ids,
        )


        agenda_what_to_do.additional_properties = d
        return agenda_what_to_do

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
