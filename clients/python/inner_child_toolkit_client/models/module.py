from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.framework import Framework
from ..models.group_kind import GroupKind
from ..models.intensity import Intensity
from ..models.module_category import ModuleCategory
from ..models.setting import Setting
from ..models.target import Target
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contraindication import Contraindication
  from ..models.material import Material





T = TypeVar("T", bound="Module")



@_attrs_define
class Module:
    """ A module as the API shows it: every field is always present.

        Attributes:
            slug (str): Kebab-case, unique in your practice; made from the title when omitted. Example: kind-letter-to-
                little-me.
            title (str): Title. Example: A kind letter to little me.
            summary (str): What the module does, for facilitators. Example: Write a kind letter to yourself as a child..
            participant_summary (str): A gentle description for participant handouts (no clinical language). Example: A
                quiet writing exercise..
            category (ModuleCategory): Where a module belongs in a session.
            steps (list[str]): 2 to 50 steps. Example: ['Settle and breathe.', 'Write to your younger self.', 'Read it
                back.'].
            facilitator_script (str): What the facilitator says. Example: Invite everyone to settle, then to write..
            default_minutes (int): Usual length; min_minutes <= default_minutes <= max_minutes. Example: 20.
            min_minutes (int): Shortest sensible length. Example: 15.
            max_minutes (int): Longest sensible length. Example: 30.
            materials (list[Material]): What it needs.
            suitable_kinds (list[GroupKind]): Kinds of group it suits. Example: ['individual', 'retreat'].
            frameworks (list[Framework]): Frameworks it draws on.
            targets (list[Target]): Themes it addresses.
            intensity (Intensity): How emotionally demanding a module is; a deep module must exclude acute_crisis.
            setting (Setting): Where a module is done.
            contraindications (list[Contraindication]): At most one per flag. A `deep` module must hold `{"flag":
                "acute_crisis", "action": "exclude"}` (422 naming `contraindications` otherwise). Example: [{'flag':
                'acute_crisis', 'action': 'exclude'}].
            prerequisites (list[str]): Module slugs a member should have done first (in an earlier session or item); a
                member who missed one gets the clearance warning `missed_prerequisite`. Example: ['group-agreements', 'opening-
                check-in'].
            gate_on_deterioration (bool): A trauma-focused module (e.g. a letter to the younger self): a person's unreviewed
                reliable deterioration excludes it in clearance, as it excludes every `deep` module. Default when left out:
                `false`.
            id (str): Opaque id.
            builtin (bool): Built-in modules are read-only.
            etag (str): The record's ETag, as the ETag header gives it: send it as If-Match to change the record. Example:
                "3f2a9c0d1e4b5a6f7a8b".
            created_at (datetime.datetime): When the record was created.
            updated_at (datetime.datetime): When the record last changed.
     """

    slug: str
    title: str
    summary: str
    participant_summary: str
    category: ModuleCategory
    steps: list[str]
    facilitator_script: str
    default_minutes: int
    min_minutes: int
    max_minutes: int
    materials: list[Material]
    suitable_kinds: list[GroupKind]
    frameworks: list[Framework]
    targets: list[Target]
    intensity: Intensity
    setting: Setting
    contraindications: list[Contraindication]
    prerequisites: list[str]
    gate_on_deterioration: bool
    id: str
    builtin: bool
    etag: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.contraindication import Contraindication # noqa: PLC0415
        from ..models.material import Material # noqa: PLC0415
        slug = self.slug

        title = self.title

        summary = self.summary

        participant_summary = self.participant_summary

        category = self.category.value

        steps = self.steps



        facilitator_script = self.facilitator_script

        default_minutes = self.default_minutes

        min_minutes = self.min_minutes

        max_minutes = self.max_minutes

        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)



        suitable_kinds = []
        for suitable_kinds_item_data in self.suitable_kinds:
            suitable_kinds_item = suitable_kinds_item_data.value
            suitable_kinds.append(suitable_kinds_item)



        frameworks = []
        for frameworks_item_data in self.frameworks:
            frameworks_item = frameworks_item_data.value
            frameworks.append(frameworks_item)



        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.value
            targets.append(targets_item)



        intensity = self.intensity.value

        setting = self.setting.value

        contraindications = []
        for contraindications_item_data in self.contraindications:
            contraindications_item = contraindications_item_data.to_dict()
            contraindications.append(contraindications_item)



        prerequisites = self.prerequisites



        gate_on_deterioration = self.gate_on_deterioration

        id = self.id

        builtin = self.builtin

        etag = self.etag

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "slug": slug,
            "title": title,
            "summary": summary,
            "participant_summary": participant_summary,
            "category": category,
            "steps": steps,
            "facilitator_script": facilitator_script,
            "default_minutes": default_minutes,
            "min_minutes": min_minutes,
            "max_minutes": max_minutes,
            "materials": materials,
            "suitable_kinds": suitable_kinds,
            "frameworks": frameworks,
            "targets": targets,
            "intensity": intensity,
            "setting": setting,
            "contraindications": contraindications,
            "prerequisites": prerequisites,
            "gate_on_deterioration": gate_on_deterioration,
            "id": id,
            "builtin": builtin,
            "etag": etag,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contraindication import Contraindication # noqa: PLC0415
        from ..models.material import Material # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        summary = d.pop("summary")

        participant_summary = d.pop("participant_summary")

        category = ModuleCategory(d.pop("category"))




        steps = cast(list[str], d.pop("steps"))


        facilitator_script = d.pop("facilitator_script")

        default_minutes = d.pop("default_minutes")

        min_minutes = d.pop("min_minutes")

        max_minutes = d.pop("max_minutes")

        materials = []
        _materials = d.pop("materials")
        for materials_item_data in (_materials):
            materials_item = Material.from_dict(materials_item_data)



            materials.append(materials_item)


        suitable_kinds = []
        _suitable_kinds = d.pop("suitable_kinds")
        for suitable_kinds_item_data in (_suitable_kinds):
            suitable_kinds_item = GroupKind(suitable_kinds_item_data)



            suitable_kinds.append(suitable_kinds_item)


        frameworks = []
        _frameworks = d.pop("frameworks")
        for frameworks_item_data in (_frameworks):
            frameworks_item = Framework(frameworks_item_data)



            frameworks.append(frameworks_item)


        targets = []
        _targets = d.pop("targets")
        for targets_item_data in (_targets):
            targets_item = Target(targets_item_data)



            targets.append(targets_item)


        intensity = Intensity(d.pop("intensity"))




        setting = Setting(d.pop("setting"))




        contraindications = []
        _contraindications = d.pop("contraindications")
        for contraindications_item_data in (_contraindications):
            contraindications_item = Contraindication.from_dict(contraindications_item_data)



            contraindications.append(contraindications_item)


        prerequisites = cast(list[str], d.pop("prerequisites"))


        gate_on_deterioration = d.pop("gate_on_deterioration")

        id = d.pop("id")

        builtin = d.pop("builtin")

        etag = d.pop("etag")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        module = cls(
            slug=slug,
            title=title,
            summary=summary,
            participant_summary=participant_summary,
            category=category,
            steps=steps,
            facilitator_script=facilitator_script,
            default_minutes=default_minutes,
            min_minutes=min_minutes,
            max_minutes=max_minutes,
            materials=materials,
            suitable_kinds=suitable_kinds,
            frameworks=frameworks,
            targets=targets,
            intensity=intensity,
            setting=setting,
            contraindications=contraindications,
            prerequisites=prerequisites,
            gate_on_deterioration=gate_on_deterioration,
            id=id,
            builtin=builtin,
            etag=etag,
            created_at=created_at,
            updated_at=updated_at,
        )

        return module

