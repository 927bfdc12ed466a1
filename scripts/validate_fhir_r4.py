"""Validate FHIR JSON files against the R4 (4.0.1) models of `fhir.resources` 6.4 (pydantic 1).

    python scripts/validate_fhir_r4.py FILE_OR_FOLDER...

Each file (a folder: every `*.json` under it) holds one resource. It is parsed by the model of its
`resourceType`: required elements, cardinalities, the primitive types' formats, unknown elements and
choice types (value[x]) are checked. A Bundle's entries are validated by the model of each entry's own
`resourceType` (the models do this); the script also checks that each parsed entry is an instance of that
model, so an entry never passes as a bare Resource. pydantic 1 converts what it can (`"true"` for a boolean,
`5` for a string), so the model's own JSON is compared with the file's: an element the model changed to
another JSON type, dropped or added fails too. Prints one line per file (`ok` or the errors) and exits
1 when any file fails, 2 when the installed models are not FHIR 4.0.1.

It imports nothing of the toolkit and runs under its own interpreter: fhir.resources 6.x needs pydantic 1,
which cannot share the project's venv (pydantic 2). Its pinned requirements are tests/fhir-r4-requirements.txt;
tests/api/test_fhir_r4_models.py makes that venv once (.venv-fhir-r4/) and runs this script on every kind of
resource the API serves.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import fhir.resources
from fhir.resources import get_fhir_model_class

R4 = "4.0.1"


def files_of(arguments: list[str]) -> list[Path]:
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        found.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    return found


def entry_problems(model, where: str = "") -> list[str]:
    """Entries of a (parsed) Bundle that were not parsed by their own resource type's model, recursively."""
    problems = []
    for index, entry in enumerate(getattr(model, "entry", None) or ()):
        resource = entry.resource
        at = f"{where}entry[{index}].resource"
        if resource is None:
            continue
        expected = get_fhir_model_class(resource.resource_type)
        if type(resource) is not expected:
            problems.append(f"{at}: parsed as {type(resource).__name__}, not {expected.__name__}")
        if resource.resource_type == "Bundle":
            problems.extend(entry_problems(resource, at + "."))
    return problems


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {dict: "object", list: "array", str: "string"}.get(type(value), type(value).__name__)


def converted(sent, parsed, where: str = "") -> list[str]:
    """Where the model's JSON differs from the file's in shape: another JSON type, or an element dropped or
    added (values of the same type may be written differently, e.g. a decimal or an offset)."""
    if _json_type(sent) != _json_type(parsed):
        return [f"{where or '(root)'}: sent as a {_json_type(sent)} ({sent!r:.60}), "
                f"the model reads a {_json_type(parsed)}"]
    if isinstance(sent, dict):
        at = (lambda key: f"{where}.{key}" if where else key)  # noqa: E731
        problems = [f"{at(key)}: {'dropped' if key in sent else 'added'} by the model"
                    for key in sorted(set(sent) ^ set(parsed))]
        for key in sorted(set(sent) & set(parsed)):
            problems.extend(converted(sent[key], parsed[key], at(key)))
        return problems
    if isinstance(sent, list):
        if len(sent) != len(parsed):
            return [f"{where}: {len(sent)} items sent, {len(parsed)} in the model"]
        return [problem for index, (a, b) in enumerate(zip(sent, parsed, strict=True))
                for problem in converted(a, b, f"{where}[{index}]")]
    return []


def validate(data) -> list[str]:
    """The problems of one resource (empty when it is valid R4)."""
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        return ["not a FHIR resource: a JSON object with a resourceType is expected"]
    try:
        model_class = get_fhir_model_class(data["resourceType"])
    except KeyError:
        return [f"resourceType {data['resourceType']!r} is not an R4 resource"]
    try:
        model = model_class.parse_obj(data)
    except Exception as exc:  # pydantic's ValidationError, or a LookupError for an unknown nested type
        return [str(exc)]
    return entry_problems(model) + converted(data, json.loads(model.json()))


def main(arguments: list[str]) -> int:
    if fhir.resources.__fhir_version__ != R4:
        print(f"fhir.resources {fhir.resources.__version__} has FHIR {fhir.resources.__fhir_version__} models, "
              f"not {R4}: install tests/fhir-r4-requirements.txt", file=sys.stderr)
        return 2
    paths = files_of(arguments)
    if not paths:
        print("no JSON files given", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            problems = validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            problems = [f"unreadable: {exc}"]
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for problem in problems:
                print("    " + problem.replace("\n", "\n    "))
        else:
            print(f"ok   {path}")
    print(f"{len(paths) - failed}/{len(paths)} valid against FHIR {R4} (fhir.resources {fhir.resources.__version__})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
