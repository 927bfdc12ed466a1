from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.safety_plan_status import SafetyPlanStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.plan_author import PlanAuthor
  from ..models.plan_person import PlanPerson





T = TypeVar("T", bound="SafetyPlan")



@_attrs_define
class SafetyPlan:
    """ One version of a participant's safety plan. Clinical data: every read is audited.

        Attributes:
            warning_signs (list[str]): Step 1: thoughts, images, moods or situations that tell the person a crisis may be
                starting. In the person's own words; up to 20 entries of up to 300 characters. Example: ['Not sleeping',
                'Staying in my room all day'].
            internal_coping (list[str]): Step 2: things the person can do alone to take their mind off their problems. In
                the person's own words; up to 20 entries of up to 300 characters. Example: ['Walk the dog round the park', 'Play
                guitar'].
            social_contacts (list[PlanPerson]): Step 3: people and social settings that distract (no need to talk about the
                crisis). Up to 20 entries. Example: [{'name': 'The climbing wall', 'contact': None}].
            people_to_ask (list[PlanPerson]): Step 4: people the person can ask for help. Up to 20 entries. Example:
                [{'name': 'My sister Jo', 'contact': '07700 900123'}].
            professionals (list[PlanPerson]): Step 5: professionals and services to contact in a crisis. Up to 20 entries.
                Example: [{'name': 'Crisis line', 'contact': '116 123'}].
            environment_safety (list[str]): Step 6: how the person makes their surroundings safer. In the person's own
                words; up to 20 entries of up to 300 characters. Example: ['Ask Jo to keep my tablets'].
            reasons_for_living (list[str]): The one thing (or things) most important to the person and worth living for. In
                the person's own words; up to 20 entries of up to 300 characters. Example: ['My daughter'].
            id (str): Opaque id.
            participant_id (str):
            version (int): 1 for the person's first plan, then one more for each new version. Example: 2.
            status (SafetyPlanStatus): current: the plan in force (one per person); superseded: an earlier version, kept.
            supersedes_id (None | str): The version this one replaced; null for the first.
            created_by (PlanAuthor): The therapist who recorded a safety plan.
            created_at (datetime.datetime):
     """

    warning_signs: list[str]
    internal_coping: list[str]
    social_contacts: list[PlanPerson]
    people_to_ask: list[PlanPerson]
    professionals: list[PlanPerson]
    environment_safety: list[str]
    reasons_for_living: list[str]
    id: str
    participant_id: str
    version: int
    status: SafetyPlanStatus
    supersedes_id: None | str
    created_by: PlanAuthor
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_author import PlanAuthor # noqa: PLC0415
        from ..models.plan_person import PlanPerson # noqa: PLC0415
        warning_signs = self.warning_signs



        internal_coping = self.internal_coping



        social_contacts = []
        for social_contacts_item_data in self.social_contacts:
            social_contacts_item = social_contacts_item_data.to_dict()
            social_contacts.append(social_contacts_item)



        people_to_ask = []
        for people_to_ask_item_data in self.people_to_ask:
            people_to_ask_item = people_to_ask_item_data.to_dict()
            people_to_ask.append(people_to_ask_item)



        professionals = []
        for professionals_item_data in self.professionals:
            professionals_item = professionals_item_data.to_dict()
            professionals.append(professionals_item)



        environment_safety = self.environment_safety



        reasons_for_living = self.reasons_for_living



        id = self.id

        participant_id = self.participant_id

        version = self.version

        status = self.status.value

        supersedes_id: None | str
        supersedes_id = self.supersedes_id

        created_by = self.created_by.to_dict()

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "warning_signs": warning_signs,
            "internal_coping": internal_coping,
            "social_contacts": social_contacts,
            "people_to_ask": people_to_ask,
            "professionals": professionals,
            "environment_safety": environment_safety,
            "reasons_for_living": reasons_for_living,
            "id": id,
            "participant_id": participant_id,
            "version": version,
            "status": status,
            "supersedes_id": supersedes_id,
            "created_by": created_by,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_author import PlanAuthor # noqa: PLC0415
        from ..models.plan_person import PlanPerson # noqa: PLC0415
        d = dict(src_dict)
        warning_signs = cast(list[str], d.pop("warning_signs"))


        internal_coping = cast(list[str], d.pop("internal_coping"))


        social_contacts = []
        _social_contacts = d.pop("social_contacts")
        for social_contacts_item_data in (_social_contacts):
            social_contacts_item = PlanPerson.from_dict(social_contacts_item_data)



            social_contacts.append(social_contacts_item)


        people_to_ask = []
        _people_to_ask = d.pop("people_to_ask")
        for people_to_ask_item_data in (_people_to_ask):
            people_to_ask_item = PlanPerson.from_dict(people_to_ask_item_data)



            people_to_ask.append(people_to_ask_item)


        professionals = []
        _professionals = d.pop("professionals")
        for professionals_item_data in (_professionals):
            professionals_item = PlanPerson.from_dict(professionals_item_data)



            professionals.append(professionals_item)


        environment_safety = cast(list[str], d.pop("environment_safety"))


        reasons_for_living = cast(list[str], d.pop("reasons_for_living"))


        id = d.pop("id")

        participant_id = d.pop("participant_id")

        version = d.pop("version")

        status = SafetyPlanStatus(d.pop("status"))




        def _parse_supersedes_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        supersedes_id = _parse_supersedes_id(d.pop("supersedes_id"))


        created_by = PlanAuthor.from_dict(d.pop("created_by"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        safety_plan = cls(
            warning_signs=warning_signs,
            internal_coping=internal_coping,
            social_contacts=social_contacts,
            people_to_ask=people_to_ask,
            professionals=professionals,
            environment_safety=environment_safety,
            reasons_for_living=reasons_for_living,
            id=id,
            participant_id=participant_id,
            version=version,
            status=status,
            supersedes_id=supersedes_id,
            created_by=created_by,
            created_at=created_at,
        )

        return safety_plan

