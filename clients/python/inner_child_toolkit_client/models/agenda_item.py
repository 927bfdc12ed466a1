from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.module_category import ModuleCategory
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agenda_adaptation import AgendaAdaptation
  from ..models.agenda_facilitator import AgendaFacilitator
  from ..models.agenda_material import AgendaMaterial





T = TypeVar("T", bound="AgendaItem")



@_attrs_define
class AgendaItem:
    """ One item of a session in the agenda, timed in the group's time zone.

        Attributes:
            item_id (str): The plan item.
            position (int): 0-based order.
            title (str): Title.
            is_break (bool): True for a break.
            starts_at (datetime.datetime): Start.
            ends_at (datetime.datetime): End.
            minutes (int): Length.
            category (ModuleCategory | None): The module's category; null for a break.
            participant_summary (str): A gentle description.
            summary (str | Unset): Facilitators: the module's summary.
            steps (list[str] | Unset): Facilitators: the steps.
            facilitator_script (str | Unset): Facilitators: the script.
            materials (list[AgendaMaterial] | Unset): Facilitators.
            notes (None | str | Unset): Facilitators: the item's notes.
            lead (AgendaFacilitator | None | Unset): Facilitators: who leads this item (the plan item's `lead_id`); null
                when nobody is named.
            adaptations (list[AgendaAdaptation] | Unset): Facilitators: the adaptations and exclusions that happen at this
                item.
     """

    item_id: str
    position: int
    title: str
    is_break: bool
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    minutes: int
    category: ModuleCategory | None
    participant_summary: str
    summary: str | Unset = UNSET
    steps: list[str] | Unset = UNSET
    facilitator_script: str | Unset = UNSET
    materials: list[AgendaMaterial] | Unset = UNSET
    notes: None | str | Unset = UNSET
    lead: AgendaFacilitator | None | Unset = UNSET
    adaptations: list[AgendaAdaptation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_adaptation import AgendaAdaptation # noqa: PLC0415
        from ..models.agenda_facilitator import AgendaFacilitator # noqa: PLC0415
        from ..models.agenda_material import AgendaMaterial # noqa: PLC0415
        item_id = self.item_id

        position = self.position

        title = self.title

        is_break = self.is_break

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        minutes = self.minutes

        category: None | str
        if isinstance(self.category, ModuleCategory):
            category = self.category.value
        else:
            category = self.category

        participant_summary = self.participant_summary

        summary = self.summary

        steps: list[str] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = self.steps



        facilitator_script = self.facilitator_script

        materials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.materials, Unset):
            materials = []
            for materials_item_data in self.materials:
                materials_item = materials_item_data.to_dict()
                materials.append(materials_item)



        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        lead: dict[str, Any] | None | Unset
        if isinstance(self.lead, Unset):
            lead = UNSET
        elif isinstance(self.lead, AgendaFacilitator):
            lead = self.lead.to_dict()
        else:
            lead = self.lead

        adaptations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adaptations, Unset):
            adaptations = []
            for adaptations_item_data in self.adaptations:
                adaptations_item = adaptations_item_data.to_dict()
                adaptations.append(adaptations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "item_id": item_id,
            "position": position,
            "title": title,
            "is_break": is_break,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "minutes": minutes,
            "category": category,
            "participant_summary": participant_summary,
        })
        if summary is not UNSET:
            field_dict["summary"] = summary
        if steps is not UNSET:
            field_dict["steps"] = steps
        if facilitator_script is not UNSET:
            field_dict["facilitator_script"] = facilitator_script
        if materials is not UNSET:
            field_dict["materials"] = materials
        if notes is not UNSET:
            field_dict["notes"] = notes
        if lead is not UNSET:
            field_dict["lead"] = lead
        if adaptations is not UNSET:
            field_dict["adaptations"] = adaptations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_adaptation import AgendaAdaptation # noqa: PLC0415
        from ..models.agenda_facilitator import AgendaFacilitator # noqa: PLC0415
        from ..models.agenda_material import AgendaMaterial # noqa: PLC0415
        d = dict(src_dict)
        item_id = d.pop("item_id")

        position = d.pop("position")

        title = d.pop("title")

        is_break = d.pop("is_break")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        minutes = d.pop("minutes")

        def _parse_category(data: object) -> ModuleCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = ModuleCategory(data)



                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModuleCategory | None, data)

        category = _parse_category(d.pop("category"))


        participant_summary = d.pop("participant_summary")

        summary = d.pop("summary", UNSET)

        steps = cast(list[str], d.pop("steps", UNSET))


        facilitator_script = d.pop("facilitator_script", UNSET)

        _materials = d.pop("materials", UNSET)
        materials: list[AgendaMaterial] | Unset = UNSET
        if _materials is not UNSET:
            materials = []
            for materials_item_data in _materials:
                materials_item = AgendaMaterial.from_dict(materials_item_data)



                materials.append(materials_item)


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_lead(data: object) -> AgendaFacilitator | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lead_type_0 = AgendaFacilitator.from_dict(data)



                return lead_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgendaFacilitator | None | Unset, data)

        lead = _parse_lead(d.pop("lead", UNSET))


        _adaptations = d.pop("adaptations", UNSET)
        adaptations: list[AgendaAdaptation] | Unset = UNSET
        if _adaptations is not UNSET:
            adaptations = []
            for adaptations_item_data in _adaptations:
                adaptations_item = AgendaAdaptation.from_dict(adaptations_item_data)



                adaptations.append(adaptations_item)


        agenda_item = cls(
            item_id=item_id,
            position=position,
            title=title,
            is_break=is_break,
            starts_at=starts_at,
            ends_at=ends_at,
            minutes=minutes,
            category=category,
            participant_summary=participant_summary,
            summary=summary,
            steps=steps,
            facilitator_script=facilitator_script,
            materials=materials,
            notes=notes,
            lead=lead,
            adaptations=adaptations,
        )


        agenda_item.additional_properties = d
        return agenda_item

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
