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





T = TypeVar("T", bound="ModuleUpdate")



@_attrs_define
class ModuleUpdate:
    """ Changes to one of your practice's modules: only the fields sent change; the whole module is validated
    again.

        Attributes:
            slug (str | Unset): Kebab-case, unique in your practice; made from the title when omitted. Example: kind-letter-
                to-little-me.
            title (str | Unset):
            summary (str | Unset):
            participant_summary (str | Unset):
            category (ModuleCategory | Unset): Where a module belongs in a session.
            steps (list[str] | Unset):
            facilitator_script (str | Unset): What the facilitator says. Example: Invite everyone to settle, then to write..
            default_minutes (int | Unset):
            min_minutes (int | Unset):
            max_minutes (int | Unset):
            materials (list[Material] | Unset): What it needs.
            suitable_kinds (list[GroupKind] | Unset):
            frameworks (list[Framework] | Unset): Frameworks it draws on.
            targets (list[Target] | Unset): Themes it addresses.
            intensity (Intensity | Unset): How emotionally demanding a module is; a deep module must exclude acute_crisis.
            setting (Setting | Unset): Where a module is done.
            contraindications (list[Contraindication] | Unset): At most one per flag. A `deep` module must hold `{"flag":
                "acute_crisis", "action": "exclude"}` (422 naming `contraindications` otherwise). Example: [{'flag':
                'acute_crisis', 'action': 'exclude'}].
            prerequisites (list[str] | Unset): Module slugs a member should have done first (in an earlier session or item);
                a member who missed one gets the clearance warning `missed_prerequisite`. Example: ['group-agreements',
                'opening-check-in'].
            gate_on_deterioration (bool | Unset): A trauma-focused module (e.g. a letter to the younger self): a person's
                unreviewed reliable deterioration excludes it in clearance, as it excludes every `deep` module. Default when
                left out: `false`.
            id (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            builtin (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can
                be sent back.
            etag (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            created_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            updated_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
     """

    slug: str | Unset = UNSET
    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    participant_summary: str | Unset = UNSET
    category: ModuleCategory | Unset = UNSET
    steps: list[str] | Unset = UNSET
    facilitator_script: str | Unset = UNSET
    default_minutes: int | Unset = UNSET
    min_minutes: int | Unset = UNSET
    max_minutes: int | Unset = UNSET
    materials: list[Material] | Unset = UNSET
    suitable_kinds: list[GroupKind] | Unset = UNSET
    frameworks: list[Framework] | Unset = UNSET
    targets: list[Target] | Unset = UNSET
    intensity: Intensity | Unset = UNSET
    setting: Setting | Unset = UNSET
    contraindications: list[Contraindication] | Unset = UNSET
    prerequisites: list[str] | Unset = UNSET
    gate_on_deterioration: bool | Unset = UNSET
    id: Any | Unset = UNSET
    builtin: Any | Unset = UNSET
    etag: Any | Unset = UNSET
    created_at: Any | Unset = UNSET
    updated_at: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contraindication import Contraindication # noqa: PLC0415
        from ..models.material import Material # noqa: PLC0415
        slug = self.slug

        title = self.title

        summary = self.summary

        participant_summary = self.participant_summary

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value


        steps: list[str] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = self.steps



        facilitator_script = self.facilitator_script

        default_minutes = self.default_minutes

        min_minutes = self.min_minutes

        max_minutes = self.max_minutes

        materials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.materials, Unset):
            materials = []
            for materials_item_data in self.materials:
                materials_item = materials_item_data.to_dict()
                materials.append(materials_item)



        suitable_kinds: list[str] | Unset = UNSET
        if not isinstance(self.suitable_kinds, Unset):
            suitable_kinds = []
            for suitable_kinds_item_data in self.suitable_kinds:
                suitable_kinds_item = suitable_kinds_item_data.value
                suitable_kinds.append(suitable_kinds_item)



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



        intensity: str | Unset = UNSET
        if not isinstance(self.intensity, Unset):
            intensity = self.intensity.value


        setting: str | Unset = UNSET
        if not isinstance(self.setting, Unset):
            setting = self.setting.value


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

        id = self.id

        builtin = self.builtin

        etag = self.etag

        created_at = self.created_at

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if slug is not UNSET:
            field_dict["slug"] = slug
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if participant_summary is not UNSET:
            field_dict["participant_summary"] = participant_summary
        if category is not UNSET:
            field_dict["category"] = category
        if steps is not UNSET:
            field_dict["steps"] = steps
        if facilitator_script is not UNSET:
            field_dict["facilitator_script"] = facilitator_script
        if default_minutes is not UNSET:
            field_dict["default_minutes"] = default_minutes
        if min_minutes is not UNSET:
            field_dict["min_minutes"] = min_minutes
        if max_minutes is not UNSET:
            field_dict["max_minutes"] = max_minutes
        if materials is not UNSET:
            field_dict["materials"] = materials
        if suitable_kinds is not UNSET:
            field_dict["suitable_kinds"] = suitable_kinds
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if targets is not UNSET:
            field_dict["targets"] = targets
        if intensity is not UNSET:
            field_dict["intensity"] = intensity
        if setting is not UNSET:
            field_dict["setting"] = setting
        if contraindications is not UNSET:
            field_dict["contraindications"] = contraindications
        if prerequisites is not UNSET:
            field_dict["prerequisites"] = prerequisites
        if gate_on_deterioration is not UNSET:
            field_dict["gate_on_deterioration"] = gate_on_deterioration
        if id is not UNSET:
            field_dict["id"] = id
        if builtin is not UNSET:
            field_dict["builtin"] = builtin
        if etag is not UNSET:
            field_dict["etag"] = etag
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contraindication import Contraindication # noqa: PLC0415
        from ..models.material import Material # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        participant_summary = d.pop("participant_summary", UNSET)

        _category = d.pop("category", UNSET)
        category: ModuleCategory | Unset
        if isinstance(_category,  Unset):
            category = UNSET
        else:
            category = ModuleCategory(_category)




        steps = cast(list[str], d.pop("steps", UNSET))


        facilitator_script = d.pop("facilitator_script", UNSET)

        default_minutes = d.pop("default_minutes", UNSET)

        min_minutes = d.pop("min_minutes", UNSET)

        max_minutes = d.pop("max_minutes", UNSET)

        _materials = d.pop("materials", UNSET)
        materials: list[Material] | Unset = UNSET
        if _materials is not UNSET:
            materials = []
            for materials_item_data in _materials:
                materials_item = Material.from_dict(materials_item_data)



                materials.append(materials_item)


        _suitable_kinds = d.pop("suitable_kinds", UNSET)
        suitable_kinds: list[GroupKind] | Unset = UNSET
        if _suitable_kinds is not UNSET:
            suitable_kinds = []
            for suitable_kinds_item_data in _suitable_kinds:
                suitable_kinds_item = GroupKind(suitable_kinds_item_data)



                suitable_kinds.append(suitable_kinds_item)


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


        _intensity = d.pop("intensity", UNSET)
        intensity: Intensity | Unset
        if isinstance(_intensity,  Unset):
            intensity = UNSET
        else:
            intensity = Intensity(_intensity)




        _setting = d.pop("setting", UNSET)
        setting: Setting | Unset
        if isinstance(_setting,  Unset):
            setting = UNSET
        else:
            setting = Setting(_setting)




        _contraindications = d.pop("contraindications", UNSET)
        contraindications: list[Contraindication] | Unset = UNSET
        if _contraindications is not UNSET:
            contraindications = []
            for contraindications_item_data in _contraindications:
                contraindications_item = Contraindication.from_dict(contraindications_item_data)



                contraindications.append(contraindications_item)


        prerequisites = cast(list[str], d.pop("prerequisites", UNSET))


        gate_on_deterioration = d.pop("gate_on_deterioration", UNSET)

        id = d.pop("id", UNSET)

        builtin = d.pop("builtin", UNSET)

        etag = d.pop("etag", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        module_update = cls(
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

        return module_update

