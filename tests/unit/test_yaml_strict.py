"""The one strict reader (toolkit.common.yaml_strict) and the loaders that use it: a duplicated key, an
unknown key or a wrong type in any seed or form file is refused, naming the file, the field and the line."""

import shutil
from pathlib import Path

import pytest

from toolkit.common.yaml_strict import DataFileError, Node, line_of, load_text
from toolkit.exercises.catalogue import DEFAULT_SEED_DIR, SeedError, load_catalogue
from toolkit.screening.form_loader import DEFAULT_FORM_DIR, FormError, load_form
from toolkit.screening.guidance import DEFAULT_GUIDANCE_FILE, load_guidance

FORM_FILES = sorted(p.relative_to(DEFAULT_FORM_DIR) for p in DEFAULT_FORM_DIR.rglob("*.yaml")
                    if p.name not in ("guidance.yaml", "change.yaml"))
MODULE_FILES = sorted(p.name for p in DEFAULT_SEED_DIR.glob("*.yaml"))


def _duplicate_first_key(path: Path) -> int:
    """Append the file's first top-level key a second time; return the line of the repeat."""
    text = path.read_text(encoding="utf-8")
    first = next(line.split(":", 1)[0] for line in text.splitlines() if line[:1].isalpha() and ":" in line)
    text = text if text.endswith("\n") else text + "\n"
    path.write_text(text + f"{first}: null\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize("relative", FORM_FILES, ids=str)
def test_a_duplicated_key_in_any_form_file_is_refused_with_file_and_line(tmp_path, relative):
    copy = tmp_path / "v1"
    shutil.copytree(DEFAULT_FORM_DIR, copy)
    line = _duplicate_first_key(copy / relative)
    with pytest.raises(FormError) as info:
        load_form(copy)
    assert info.value.file == str(copy / relative)
    assert info.value.line == line and "duplicate key" in info.value.problem
    assert f"(line {line})" in str(info.value) and str(relative) in str(info.value)


def test_a_duplicated_key_in_the_change_thresholds_is_refused_with_file_and_line(tmp_path):
    from toolkit.progress.rules import DEFAULT_CHANGE_FILE, ChangeFileError, load_thresholds

    copy = tmp_path / "change.yaml"
    shutil.copy(DEFAULT_CHANGE_FILE, copy)
    line = _duplicate_first_key(copy)
    with pytest.raises(ChangeFileError) as info:
        load_thresholds(copy)
    assert info.value.line == line and "duplicate key" in info.value.problem


@pytest.mark.parametrize("name", MODULE_FILES)
def test_a_duplicated_key_in_any_module_seed_is_refused_with_file_and_line(tmp_path, name):
    shutil.copy(DEFAULT_SEED_DIR / name, tmp_path / name)
    line = _duplicate_first_key(tmp_path / name)
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert info.value.path == str(tmp_path / name) and info.value.line == line
    assert "duplicate key" in info.value.message and f"(line {line})" in str(info.value)


def test_a_duplicated_key_in_the_guidance_is_refused(tmp_path):
    copy = tmp_path / "guidance.yaml"
    shutil.copy(DEFAULT_GUIDANCE_FILE, copy)
    line = _duplicate_first_key(copy)
    with pytest.raises(DataFileError) as info:
        load_guidance(copy)
    assert info.value.line == line and info.value.file == str(copy)


def test_the_issues_example_a_second_level_under_phq9_severe(tmp_path):
    copy = tmp_path / "v1"
    shutil.copytree(DEFAULT_FORM_DIR, copy)
    rules = copy / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    marker = "  - id: phq9-severe\n    when: {instrument: phq9, score_at_least: 20}\n    flag: mood_exacerbation\n" \
             "    level: refer\n"
    assert marker in text
    rules.write_text(text.replace(marker, marker + "    level: caution\n"), encoding="utf-8")
    line = text[:text.index(marker)].count("\n") + 5
    with pytest.raises(FormError) as info:
        load_form(copy)
    assert info.value.line == line and "'level'" in info.value.problem and "rules.yaml" in str(info.value)


@pytest.mark.parametrize(("text", "field", "problem", "line"), [
    ("a: 1\nb:\n  c: x\n  d: 2\n", "b.e", "is required", 2),
    ("a: 1\nb:\n  c: x\n  zzz: 2\n", "b", "unknown field(s) 'zzz'", 4),
    ("a: 1\nb:\n  c: 5\n  d: 2\n", "b.c", "must be a non-empty string", 3),
    ("a: 1\nb:\n  c: x\n  d: nope\n", "b.d", "must be an integer", 4),
])
def test_unknown_keys_and_wrong_types_name_the_field_and_line(text, field, problem, line):
    root = Node("f.yaml", load_text(text, "f.yaml"))
    with pytest.raises(DataFileError) as info:
        b = root.child("b")
        b.only({"c", "d", "e"})
        b.str("c")
        b.int("d")
        b.str("e")
    assert (info.value.field, info.value.line) == (field, line), str(info.value)
    assert problem in info.value.problem


def test_line_of_a_dotted_path():
    data = load_text("x: 1\nitems:\n  - name: a\n  - name: b\n    size: 3\n", "f.yaml")
    assert line_of(data, "items[1].size") == 5
    assert line_of(data, "items[1].missing") == 4
    assert line_of({"plain": 1}, "plain") is None


def test_an_unknown_field_in_a_module_seed_names_its_line(tmp_path):
    name = MODULE_FILES[0]
    text = (DEFAULT_SEED_DIR / name).read_text(encoding="utf-8")
    (tmp_path / name).write_text(text + "colour: blue\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_catalogue(tmp_path)
    assert info.value.field == "colour" and info.value.line == text.count("\n") + 1
