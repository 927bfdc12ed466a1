from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.plan_person import PlanPerson





T = TypeVar("T", bound="SafetyPlanCreate")



@_attrs_define
class SafetyPlanCreate:
    """ A new version of a participant's safety plan (Stanley-Brown structure), written with the person in their
    own words. It supersedes the current version; at least one section must have an entry.

        Attributes:
            warning_signs (list[str] | Unset): Step 1: thoughts, images, moods or situations that tell the person a crisis
                may be starting. In the person's own words; up to 20 entries of up to 300 characters. Example: ['Not sleeping',
                'Staying in my room all day'].
            internal_coping (list[str] | Unset): Step 2: things the person can do alone to take their mind off their
                problems. In the person's own words; up to 20 entries of up to 300 characters. Example: ['Walk the dog round the
                park', 'Play guitar'].
            social_contacts (list[PlanPerson] | Unset): Step 3: people and social settings that distract (no need to talk
                about the crisis). Up to 20 entries. Example: [{'name': 'The climbing wall', 'contact': None}].
            people_to_ask (list[PlanPerson] | Unset): Step 4: people the person can ask for help. Up to 20 entries. Example:
                [{'name': 'My sister Jo', 'contact': '07700 900123'}].
            professionals (list[PlanPerson] | Unset): Step 5: professionals and services to contact in a crisis. Up to 20
                entries. Example: [{'name': 'Crisis line', 'contact': '116 123'}].
            environment_safety (list[str] | Unset): Step 6: how the person makes their surroundings safer. In the person's
                own words; up to 20 entries of up to 300 characters. Example: ['Ask Jo to keep my tablets'].
            reasons_for_living (list[str] | Unset): The one thing (or things) most important to the person and worth living
                for. In the person's own words; up to 20 entries of up to 300 characters. Example: ['My daughter'].
     """

    warning_signs: list[str] | Unset = UNSET
    internal_coping: list[str] | Unset = UNSET
    social_contacts: list[PlanPerson] | Unset = UNSET
    people_to_ask: list[PlanPerson] | Unset = UNSET
    professionals: list[PlanPerson] | Unset = UNSET
    environment_safety: list[str] | Unset = UNSET
    reasons_for_living: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_person import PlanPerson # noqa: PLC0415
        warning_signs: list[str] | Unset = UNSET
        if not isinstance(self.warning_signs, Unset):
            warning_signs = self.warning_signs



        internal_coping: list[str] | Unset = UNSET
        if not isinstance(self.internal_coping, Unset):
            internal_coping = self.internal_coping



        social_contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.social_contacts, Unset):
            social_contacts = []
            for social_contacts_item_data in self.social_contacts:
                social_contacts_item = social_contacts_item_data.to_dict()
                social_contacts.append(social_contacts_item)



        people_to_ask: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people_to_ask, Unset):
            people_to_ask = []
            for people_to_ask_item_data in self.people_to_ask:
                people_to_ask_item = people_to_ask_item_data.to_dict()
                people_to_ask.append(people_to_ask_item)



        professionals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.professionals, Unset):
            professionals = []
            for professionals_item_data in self.professionals:
                professionals_item = professionals_item_data.to_dict()
                professionals.append(professionals_item)



        environment_safety: list[str] | Unset = UNSET
        if not isinstance(self.environment_safety, Unset):
            environment_safety = self.environment_safety



        reasons_for_living: list[str] | Unset = UNSET
        if not isinstance(self.reasons_for_living, Unset):
            reasons_for_living = self.reasons_for_living




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if warning_signs is not UNSET:
            field_dict["warning_signs"] = warning_signs
        if internal_coping is not UNSET:
            field_dict["internal_coping"] = internal_coping
        if social_contacts is not UNSET:
            field_dict["social_contacts"] = social_contacts
        if people_to_ask is not UNSET:
            field_dict["people_to_ask"] = people_to_ask
        if professionals is not UNSET:
            field_dict["professionals"] = professionals
        if environment_safety is not UNSET:
            field_dict["environment_safety"] = environment_safety
        if reasons_for_living is not UNSET:
            field_dict["reasons_for_living"] = reasons_for_living

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_person import PlanPerson # noqa: PLC0415
        d = dict(src_dict)
        warning_signs = cast(list[str], d.pop("warning_signs", UNSET))


        internal_coping = cast(list[str], d.pop("internal_coping", UNSET))


        _social_contacts = d.pop("social_contacts", UNSET)
        social_contacts: list[PlanPerson] | Unset = UNSET
        if _social_contacts is not UNSET:
            social_contacts = []
            for social_contacts_item_data in _social_contacts:
                social_contacts_item = PlanPerson.from_dict(social_contacts_item_data)



                social_contacts.append(social_contacts_item)


        _people_to_ask = d.pop("people_to_ask", UNSET)
        people_to_ask: list[PlanPerson] | Unset = UNSET
        if _people_to_ask is not UNSET:
            people_to_ask = []
            for people_to_ask_item_data in _people_to_ask:
                people_to_ask_item = PlanPerson.from_dict(people_to_ask_item_data)



                people_to_ask.append(people_to_ask_item)


        _professionals = d.pop("professionals", UNSET)
        professionals: list[PlanPerson] | Unset = UNSET
        if _professionals is not UNSET:
            professionals = []
            for professionals_item_data in _professionals:
                professionals_item = PlanPerson.from_dict(professionals_item_data)



                professionals.append(professionals_item)


        environment_safety = cast(list[str], d.pop("environment_safety", UNSET))


        reasons_for_living = cast(list[str], d.pop("reasons_for_living", UNSET))


        safety_plan_create = cls(
            warning_signs=warning_signs,
            internal_coping=internal_coping,
            social_contacts=social_contacts,
            people_to_ask=people_to_ask,
            professionals=professionals,
            environment_safety=environment_safety,
            reasons_for_living=reasons_for_living,
        )

        return safety_plan_create

