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
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contraindication import Contraindication
  from ..models.material import Material





T = TypeVar("T", bound="ModuleCreate")



@_attrs_define
class ModuleCreate:
    """ A module of your practice's own, validated like the built-ins: min_minutes <= default_minutes <=
    max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a `deep` module must
    `exclude` `acute_crisis`.

        Attributes:
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
            suitable_kinds (list[GroupKind]): Kinds of group it suits. Example: ['individual', 'retreat'].
            intensity (Intensity): How emotionally demanding a module is; a deep module must exclude acute_crisis.
            setting (Setting): Where a module is done.
            slug (str | Unset): Kebab-case, unique in your practice; made from the title when omitted. Example: kind-letter-
                to-little-me.
            materials (list[Material] | Unset): What it needs.
            frameworks (list[Framework] | Unset): Frameworks it draws on.
            targets (list[Target] | Unset): Themes it addresses.
            contraindications (list[Contraindication] | Unset): At most one per flag. A `deep` module must hold `{"flag":
                "acute_crisis", "action": "exclude"}` (422 naming `contraindications` otherwise). Example: [{'flag':
                'acute_crisis', 'action': 'exclude'}].
            prerequisites (list[str] | Unset): Module slugs a member should have done first (in an earlier session or item);
                a member who missed one gets the clearance warning `missed_prerequisite`. Example: ['group-agreements',
                'opening-check-in'].
            gate_on_deterioration (bool | Unset): A trauma-focused module (e.g. a letter to the younger self): a person's
                unreviewed reliable deterioration excludes it in clearance, as it excludes every `deep` module. Default when
                left out: `false`.
     """

    title: str
    summary: str
    participant_summary: str
    category: ModuleCategory
    steps: list[str]
    facilitator_script: str
    default_minutes: int
    min_minutes: int
    max_minutes: int
    suitable_kinds: list[GroupKind]
    intensity: Intensity
    setting: Setting
    slug: str | Unset = UNSET
    materials: list[Material] | Unset = UNSET
    frameworks: list[Framework] | Unset = UNSET
    targets: list[Target] | Unset = UNSET
    contraindications: list[Contraindication] | Unset = UNSET
    prerequisites: list[str] | Unset = UNSET
    gate_on_deterioration: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contraindication import Contraindication # noqa: PLC0415
        from ..models.material import Material # noqa: PLC0415
        title = self.title

        summary = self.summary

        participant_summary = self.participant_summary

        category = self.category.value

        steps = self.steps



        facilitator_script = self.facilitator_script

        default_minutes = self.default_minutes

        min_minutes = self.min_minutes

        max_minutes = self.max_minutes

        suitable_kinds = []
        for suitable_kinds_item_data in self.suitable_kinds:
            suitable_kinds_item = suitable_kinds_item_data.value
            suitable_kinds.append(suitable_kinds_item)



        intensity = self.intensity.value

        setting = self.setting.value

        slug = self.slug

        materials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.materials, Unset):
            materials = []
            for materials_item_data in self.materials:
                materials_item = materials_item_data.to_dict()
                materials.append(materials_item)



        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = []
            for frameworks_item_data in self.frameworks:
                frameworks_item = frameworks_item_data.value
                frameworks.append(frameworks_item)



        targets: list[str] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = []
            for targets_item_data in self.targets:
                targets_item = targets_item_data.value
                targets.append(targets_item)



        contraindications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contraindications, Unset):
            contraindications = []
            for contraindications_item_data in self.contraindications:
                contraindications_item = contraindications_item_data.to_dict()
                contraindications.append(contraindications_item)



        prerequisites: list[str] | Unset = UNSET
        if not isinstance(self.prerequisites, Unset):
            prerequisites = self.prerequisites



        gate_on_deterioration = self.gate_on_deterioration


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "summary": summary,
            "participant_summary": participant_summary,
            "category": category,
            "steps": steps,
            "facilitator_script": facilitator_script,
            "default_minutes": default_minutes,
            "min_minutes": min_minutes,
            "max_minutes": max_minutes,
            "suitable_kinds": suitable_kinds,
            "intensity": intensity,
            "setting": setting,
        })
        if slug is not UNSET:
            field_dict["slug"] = slug
        if materials is not UNSET:
            field_dict["materials"] = materials
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if targets is not UNSET:
            field_dict["targets"] = targets
        if contraindications is not UNSET:
            field_dict["contraindications"] = contraindications
        if prerequisites is not UNSET:
            field_dict["prerequisites"] = prerequisites
        if gate_on_deterioration is not UNSET:
            field_dict["gate_on_deterioration"] = gate_on_deterioration

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contraindication import Contraindication # noqa: PLC0415
        from ..models.material import Material # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        summary = d.pop("summary")

        participant_summary = d.pop("participant_summary")

        category = ModuleCategory(d.pop("category"))




        steps = cast(list[str], d.pop("steps"))


        facilitator_script = d.pop("facilitator_script")

        default_minutes = d.pop("default_minutes")

        min_minutes = d.pop("min_minutes")

        max_minutes = d.pop("max_minutes")

        suitable_kinds = []
        _suitable_kinds = d.pop("suitable_kinds")
        for suitable_kinds_item_data in (_suitable_kinds):
            suitable_kinds_item = GroupKind(suitable_kinds_item_data)



            suitable_kinds.append(suitable_kinds_item)


        intensity = Intensity(d.pop("intensity"))




        setting = Setting(d.pop("setting"))




        slug = d.pop("slug", UNSET)

        _materials = d.pop("materials", UNSET)
        materials: list[Material] | Unset = UNSET
        if _materials is not UNSET:
            materials = []
            for materials_item_data in _materials:
                materials_item = Material.from_dict(materials_item_data)



                materials.append(materials_item)


        _frameworks = d.pop("frameworks", UNSET)
        frameworks: list[Framework] | Unset = UNSET
        if _frameworks is not UNSET:
            frameworks = []
            for frameworks_item_data in _frameworks:
                frameworks_item = Framework(frameworks_item_data)



                frameworks.append(frameworks_item)


        _targets = d.pop("targets", UNSET)
        targets: list[Target] | Unset = UNSET
        if _targets is not UNSET:
            targets = []
            for targets_item_data in _targets:
                targets_item = Target(targets_item_data)



                targets.append(targets_item)


        _contraindications = d.pop("contraindications", UNSET)
        contraindications: list[Contraindication] | Unset = UNSET
        if _contraindications is not UNSET:
            contraindications = []
            for contraindications_item_data in _contraindications:
                contraindications_item = Contraindication.from_dict(contraindications_item_data)



                contraindications.append(contraindications_item)


        prerequisites = cast(list[str], d.pop("prerequisites", UNSET))


        gate_on_deterioration = d.pop("gate_on_deterioration", UNSET)

        module_create = cls(
            title=title,
            summary=summary,
            participant_summary=participant_summary,
            category=category,
            steps=steps,
            facilitator_script=facilitator_script,
            default_minutes=default_minutes,
            min_minutes=min_minutes,
            max_minutes=max_minutes,
            suitable_kinds=suitable_kinds,
            intensity=intensity,
            setting=setting,
            slug=slug,
            materials=materials,
            frameworks=frameworks,
            targets=targets,
            contraindications=contraindications,
            prerequisites=prerequisites,
            gate_on_deterioration=gate_on_deterioration,
        )

        return module_create

