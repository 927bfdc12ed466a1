"""The built-in exercise module library (seed/modules) and its loader/validator."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from toolkit.exercises.catalogue import (
    DEFAULT_SEED_DIR,
    Contraindication,
    Material,
    ModuleSpec,
    SeedError,
    load_catalogue,
    validate_module,
)
from toolkit.vocab import FLAGS, GROUP_KINDS, MODULE_CATEGORIES

# One module per technique of the source material, plus the structural pieces a session needs.
TECHNIQUE_SLUGS = {
    "younger-self-visualisation": "exercise",  # meditate / imagine spending time with the younger self
    "dear-little-me-letter": "exercise",
    "childhood-play": "exercise",
    "childhood-play-retreat": "exercise",
    "what-little-me-needed": "reflection",
    "caregiver-patterns": "reflection",
    "childhood-favourite-foods": "exercise",
    "personal-mantra": "exercise",
    "self-compassion-practice": "exercise",
    "spending-time-with-children": "homework",
}
STRUCTURAL_SLUGS = {
    "opening-check-in": "opening",
    "eyes-open-grounding": "opening",
    "what-is-inner-child-work": "psychoeducation",
    "sharing-round": "reflection",
    "closing-grounding": "closing",
}
VISUALISATION = "younger-self-visualisation"
FOODS = "childhood-favourite-foods"


@pytest.fixture(scope="module")
def catalogue() -> list[ModuleSpec]:
    return load_catalogue(DEFAULT_SEED_DIR)


@pytest.fixture(scope="module")
def by_slug(catalogue) -> dict[str, ModuleSpec]:
    return {m.slug: m for m in catalogue}


def valid_module() -> dict:
    return {
        "slug": "test-module",
        "title": "A test module",
        "summary": "Clinician-facing summary.",
        "participant_summary": "A gentle description for the handout.",
        "category": "exercise",
        "steps": ["First step.", "Second step."],
        "facilitator_script": "Say this.\nThen this.\n",
        "default_minutes": 20,
        "min_minutes": 10,
        "max_minutes": 30,
        "materials": [{"name": "Pen", "quantity": 1, "per_participant": True}, {"name": "Flip chart"}],
        "suitable_kinds": ["individual", "retreat"],
        "frameworks": ["act"],
        "targets": ["anxiety"],
        "intensity": "moderate",
        "setting": "in_session",
        "contraindications": [
            {"flag": "dissociation", "action": "adapt", "adaptation": "Keep eyes open."},
            {"flag": "acute_crisis", "action": "exclude", "adaptation": "Stabilisation first."},
        ],
    }


# ------------------------------------------------------------------------------------- shipped catalogue
def test_default_seed_dir_points_at_repo_seed_modules():
    assert DEFAULT_SEED_DIR.is_absolute()
    assert DEFAULT_SEED_DIR.parts[-2:] == ("seed", "modules")
    assert DEFAULT_SEED_DIR.is_dir()


def test_shipped_catalogue_loads(catalogue):
    assert 18 <= len(catalogue) <= 24
    assert all(isinstance(m, ModuleSpec) for m in catalogue)
    slugs = [m.slug for m in catalogue]
    assert len(slugs) == len(set(slugs))
    assert slugs == sorted(slugs, key=lambda s: s + ".yaml")  # file-name order


def test_every_file_slug_matches_filename(catalogue):
    files = sorted(p.stem for p in DEFAULT_SEED_DIR.glob("*.yaml"))
    assert sorted(m.slug for m in catalogue) == files


@pytest.mark.parametrize("slug,category", sorted({**TECHNIQUE_SLUGS, **STRUCTURAL_SLUGS}.items()))
def test_required_module_exists_with_category(by_slug, slug, category):
    assert slug in by_slug, f"missing module {slug}"
    assert by_slug[slug].category == category


def test_spending_time_with_children_is_homework_setting(by_slug):
    assert by_slug["spending-time-with-children"].setting == "homework"


def test_category_counts(catalogue):
    counts = {c: sum(1 for m in catalogue if m.category == c) for c in MODULE_CATEGORIES}
    assert counts["opening"] >= 2
    assert counts["closing"] >= 2
    assert counts["psychoeducation"] >= 1
    assert counts["exercise"] >= 4
    assert counts["reflection"] >= 2
    assert counts["homework"] >= 2


def test_every_group_kind_has_modules_and_variants_exist(catalogue):
    for kind in GROUP_KINDS:
        assert any(kind in m.suitable_kinds for m in catalogue), kind
    assert any(m.suitable_kinds == ("couples",) for m in catalogue)
    assert any(m.suitable_kinds == ("family",) for m in catalogue)
    assert any(m.setting == "retreat_activity" for m in catalogue)


def test_minutes_ordered_everywhere(catalogue):
    for m in catalogue:
        assert 1 <= m.min_minutes <= m.default_minutes <= m.max_minutes <= 480, m.slug


def test_moderate_and_deep_in_session_modules_exclude_acute_crisis(catalogue):
    for m in catalogue:
        if m.intensity in ("moderate", "deep") and m.setting == "in_session":
            contra = m.contraindication_for("acute_crisis")
            assert contra is not None and contra.action == "exclude", m.slug


def test_no_deep_module_without_acute_crisis_exclude(catalogue):
    for m in catalogue:
        if m.intensity == "deep":
            assert m.contraindication_for("acute_crisis").action == "exclude", m.slug


def test_exclusions_say_what_to_offer_instead(catalogue):
    for m in catalogue:
        for c in m.contraindications:
            assert c.adaptation.strip(), (m.slug, c.flag)


def test_visualisation_is_eyes_closed_and_adapts_for_dissociation(by_slug):
    vis = by_slug[VISUALISATION]
    assert vis.intensity == "deep"
    assert "eyes" in vis.facilitator_script.lower()
    assert len(vis.facilitator_script.splitlines()) >= 30  # a real guided script
    contra = vis.contraindication_for("dissociation")
    assert contra is not None and contra.action == "adapt"
    assert "eyes open" in contra.adaptation.lower()
    assert "anchor" in contra.adaptation.lower()
    assert "stop signal" in contra.adaptation.lower()


def test_eyes_open_grounding_has_no_contraindications(by_slug):
    assert by_slug["eyes-open-grounding"].contraindications == ()


def test_food_module_lists_foods_and_checks_allergies(by_slug):
    food = by_slug[FOODS]
    names = " ".join(m.name.lower() for m in food.materials)
    for food_word in ("cereal", "juice", "fruit"):
        assert food_word in names
    assert "allerg" in food.facilitator_script.lower()
    assert any("allerg" in step.lower() and "dietary" in step.lower() for step in food.steps)
    assert "allerg" in food.steps[0].lower()  # checked before anything else happens


def test_letter_module_has_crayons_and_markers(by_slug):
    names = " ".join(m.name.lower() for m in by_slug["dear-little-me-letter"].materials)
    assert "crayon" in names and "marker" in names
    assert "non-dominant" in by_slug["dear-little-me-letter"].facilitator_script.lower() or any(
        "non-dominant" in s.lower() for s in by_slug["dear-little-me-letter"].steps
    )


def test_psychoeducation_names_jung_and_frameworks(by_slug):
    psy = by_slug["what-is-inner-child-work"]
    assert "jung" in psy.facilitator_script.lower()
    assert set(psy.frameworks) == {"jungian", "ifs", "psychodynamic", "act", "cbt"}


def test_participant_summaries_have_no_clinical_terms(catalogue):
    clinical = ("contraindicat", "diagnos", "dissociat", "trauma", "crisis", "flag", "exclude", "suicid")
    for m in catalogue:
        text = m.participant_summary.lower()
        for word in clinical:
            assert word not in text, (m.slug, word)
        for flag in FLAGS:
            assert flag not in text


def test_to_dict_is_json_and_round_trips(catalogue):
    for m in catalogue:
        data = m.to_dict()
        json.dumps(data)
        assert validate_module(json.loads(json.dumps(data))) == m


# ------------------------------------------------------------------------------------- validator
def test_valid_module_parses_with_defaults():
    spec = validate_module(valid_module())
    assert spec.steps == ("First step.", "Second step.")
    assert spec.materials == (Material("Pen", 1, True), Material("Flip chart", 1, False))
    assert spec.contraindications[0] == Contraindication("dissociation", "adapt", "Keep eyes open.")
    assert spec.suitable_kinds == ("individual", "retreat")
    assert spec.contraindication_for("mood_exacerbation") is None


def test_spec_is_frozen():
    spec = validate_module(valid_module())
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.slug = "other"  # type: ignore[misc]


def test_exclude_without_adaptation_is_allowed():
    data = valid_module()
    data["contraindications"] = [{"flag": "acute_crisis", "action": "exclude"}]
    assert validate_module(data).contraindications[0].adaptation == ""


def _set(path: str, value):
    def mutate(data: dict) -> None:
        target = data
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        last = keys[-1]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


def _drop(key: str):
    def mutate(data: dict) -> None:
        del data[key]

    return mutate


def _drop_contra_adaptation(data: dict) -> None:
    del data["contraindications"][0]["adaptation"]


def _duplicate_flag(data: dict) -> None:
    data["contraindications"].append({"flag": "dissociation", "action": "exclude", "adaptation": "x"})


def _deep_with_crisis_adapt(data: dict) -> None:
    data["intensity"] = "deep"
    data["contraindications"][1]["action"] = "adapt"


def _deep_without_contraindications(data: dict) -> None:
    data["intensity"] = "deep"
    data["contraindications"] = []


INVALID = [
    ("unknown key", _set("colour", "blue"), "colour"),
    ("missing title", _drop("title"), "title"),
    ("missing contraindications", _drop("contraindications"), "contraindications"),
    ("slug with capitals", _set("slug", "Test-Module"), "slug"),
    ("slug with underscore", _set("slug", "test_module"), "slug"),
    ("slug with double hyphen", _set("slug", "test--module"), "slug"),
    ("slug not a string", _set("slug", 12), "slug"),
    ("empty title", _set("title", "   "), "title"),
    ("summary not a string", _set("summary", ["a"]), "summary"),
    ("participant summary missing text", _set("participant_summary", ""), "participant_summary"),
    ("bad category", _set("category", "warmup"), "category"),
    ("one step only", _set("steps", ["only"]), "steps"),
    ("steps not a list", _set("steps", "do it"), "steps"),
    ("step not a string", _set("steps", ["ok", 3]), "steps[1]"),
    ("empty script", _set("facilitator_script", ""), "facilitator_script"),
    ("minutes as string", _set("default_minutes", "20"), "default_minutes"),
    ("minutes as bool", _set("min_minutes", True), "min_minutes"),
    ("minutes as float", _set("max_minutes", 30.0), "max_minutes"),
    ("zero minutes", _set("min_minutes", 0), "min_minutes"),
    ("too many minutes", _set("max_minutes", 481), "max_minutes"),
    ("min above default", _set("min_minutes", 25), "min_minutes"),
    ("default above max", _set("default_minutes", 35), "max_minutes"),
    ("materials not a list", _set("materials", "pens"), "materials"),
    ("material not a mapping", _set("materials.0", "Pen"), "materials[0]"),
    ("material without name", _set("materials.1", {"quantity": 2}), "materials[1].name"),
    ("material zero quantity", _set("materials.0.quantity", 0), "materials[0].quantity"),
    ("material bool quantity", _set("materials.0.quantity", True), "materials[0].quantity"),
    (
        "material per_participant not bool",
        _set("materials.0.per_participant", "yes"),
        "materials[0].per_participant",
    ),
    ("material unknown key", _set("materials.0.colour", "red"), "materials[0].colour"),
    ("no suitable kinds", _set("suitable_kinds", []), "suitable_kinds"),
    ("bad group kind", _set("suitable_kinds", ["individual", "team"]), "suitable_kinds[1]"),
    ("duplicate group kind", _set("suitable_kinds", ["retreat", "retreat"]), "suitable_kinds[1]"),
    ("bad framework", _set("frameworks", ["gestalt"]), "frameworks[0]"),
    ("frameworks not a list", _set("frameworks", "act"), "frameworks"),
    ("bad target", _set("targets", ["grief"]), "targets[0]"),
    ("bad intensity", _set("intensity", "intense"), "intensity"),
    ("bad setting", _set("setting", "online"), "setting"),
    ("contraindications not a list", _set("contraindications", {}), "contraindications"),
    ("bad flag", _set("contraindications.0.flag", "insomnia"), "contraindications[0].flag"),
    ("bad action", _set("contraindications.0.action", "warn"), "contraindications[0].action"),
    ("adapt without text", _drop_contra_adaptation, "contraindications[0].adaptation"),
    ("adapt with blank text", _set("contraindications.0.adaptation", " "), "contraindications[0].adaptation"),
    ("contraindication unknown key", _set("contraindications.0.note", "x"), "contraindications[0].note"),
    ("duplicate flag", _duplicate_flag, "contraindications[2].flag"),
    ("deep without crisis exclude", _deep_with_crisis_adapt, "contraindications"),
    ("deep without any contraindication", _deep_without_contraindications, "contraindications"),
]


@pytest.mark.parametrize("mutate,field", [pytest.param(m, f, id=name) for name, m, f in INVALID])
def test_invalid_module_raises_seed_error_naming_field(mutate, field):
    data = copy.deepcopy(valid_module())
    mutate(data)
    with pytest.raises(SeedError) as info:
        validate_module(data, path="custom.yaml")
    assert info.value.field == field
    assert info.value.path == "custom.yaml"
    assert str(info.value).startswith(f"custom.yaml: field '{field}': ")


def test_not_a_mapping_is_rejected():
    with pytest.raises(SeedError) as info:
        validate_module(["not", "a", "mapping"])  # type: ignore[arg-type]
    assert info.value.path == "<data>"


def test_seed_error_str_format():
    err = SeedError("seed/modules/x.yaml", "min_minutes", "must be ≤ default_minutes")
    assert str(err) == "seed/modules/x.yaml: field 'min_minutes': must be ≤ default_minutes"
    assert (err.path, err.field, err.message) == (
        "seed/modules/x.yaml",
        "min_minutes",
        "must be ≤ default_minutes",
    )


# ------------------------------------------------------------------------------------- loader
def _write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_load_catalogue_from_tmp_dir(tmp_path):
    a = valid_module() | {"slug": "b-module"}
    b = valid_module() | {"slug": "a-module"}
    _write(tmp_path, "b-module.yaml", a)
    _write(tmp_path, "a-module.yaml", b)
    (tmp_path / "notes.txt").write_text("ignored")
    specs = load_catalogue(str(tmp_path))
    assert [s.slug for s in specs] == ["a-module", "b-module"]


def test_empty_directory_gives_empty_catalogue(tmp_path):
    assert load_catalogue(tmp_path) == []


def test_broken_yaml_raises_seed_error_naming_file(tmp_path):
    _write(tmp_path, "a-fine.yaml", valid_module() | {"slug": "a-fine"})
    broken = tmp_path / "broken.yaml"
    broken.write_text("slug: broken\ntitle: [unclosed\n  steps: :\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert info.value.path == str(broken)
    assert "broken.yaml" in str(info.value)
    assert "YAML" in info.value.message


def test_duplicate_yaml_key_rejected(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("slug: dup\nslug: dup\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert info.value.path == str(path)
    assert "duplicate key" in info.value.message


def test_yaml_not_a_mapping_rejected(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- one\n- two\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert info.value.path == str(path)


def test_invalid_field_in_file_names_file_and_field(tmp_path):
    data = valid_module() | {"slug": "bad-minutes", "min_minutes": 99}
    path = _write(tmp_path, "bad-minutes.yaml", data)
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert (info.value.path, info.value.field) == (str(path), "min_minutes")
    line = path.read_text(encoding="utf-8").splitlines().index("min_minutes: 99") + 1
    assert info.value.line == line
    assert str(info.value) == f"{path}: field 'min_minutes': must be ≤ default_minutes (line {line})"


def test_slug_filename_mismatch_rejected(tmp_path):
    path = _write(tmp_path, "some-name.yaml", valid_module() | {"slug": "other-name"})
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert (info.value.path, info.value.field) == (str(path), "slug")


def test_missing_directory_rejected(tmp_path):
    with pytest.raises(SeedError):
        load_catalogue(tmp_path / "nope")
