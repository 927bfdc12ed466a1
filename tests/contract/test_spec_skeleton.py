"""The refactors of version 3 (issue 33) move no operation: the committed spec keeps every path, method,
operationId, tag, parameter, response code and schema of the v2 spec (descriptions, summaries and examples
aside). New operations, properties and enum values may appear; nothing may move or go."""

import json
from pathlib import Path

from tests.helpers import kept, referenced, spec_skeleton

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS = json.loads((ROOT / "tests" / "fixtures" / "openapi-v2-skeleton.json").read_text())
CURRENT = spec_skeleton(json.loads((ROOT / "openapi" / "openapi.json").read_text()))
# Changes made on purpose by a version-3 issue (not by a refactor), each with the commit that made it. A
# refactor adds nothing here.
ON_PURPOSE = {
    # issue 34 (1f41bbf): errors are RFC 9457 problem details, whose `status` is the number
    "schemas/Error/properties/status/type: 'string' -> 'integer'",
    # issue 34 point 8 (b71c9d7): the FHIR CapabilityStatement is public
    "operations/GET /api/v1/fhir/metadata/responses: ['401'] gone",
    # issue 27 (9e2672f): a crisis review names the crisis screening and a risk level instead of a yes/no
    "schemas/CrisisReviewCreate/properties/safety_plan_in_place: gone",
    "schemas/CrisisReviewCreate/required: ['safety_plan_in_place'] gone",
    # issue 34 point 3: the rhythm's PATCH takes its own body (the response's `etag` echoed, read-only)
    "operations/PATCH /api/v1/practice/rescreen-rhythm/requestBody/application/json/schema/$ref: "
    "'#/components/schemas/Rhythm' -> '#/components/schemas/RhythmUpdate'",
    # issue 34 point 5: the screening body is oneOf its two shapes (ScreeningFormCreate, ClinicianAssessmentCreate)
    # with `method` as the discriminator; the server still loads either (and a form body without `method`)
    "schemas/ScreeningCreate/additionalProperties: gone", "schemas/ScreeningCreate/properties: gone",
    "schemas/ScreeningCreate/type: gone",
    # issue 34 (one media type per operation): a negotiated path documents its primary representation only
    # (JSON; the sign-in sheet's HTML), which never waits for a render (202) nor fails to draw a chart (503).
    # Those answers moved with their representations to the sibling operations (agenda.pdf, sign-in-sheet.pdf,
    # progress.svg); the paths still give them when asked by `?format=` or `Accept`.
    *(f"operations/GET /api/v1/{path}/responses: ['202'] gone"
      for path in ("plans/{plan_id}/agenda", "groups/{group_id}/agenda", "plans/{plan_id}/sign-in-sheet")),
    "operations/GET /api/v1/participants/{participant_id}/progress/responses: ['503'] gone",
    # issue 27 (9e2672f): `recovered` replaced by `paired` and `below_caseness`
    *(f"schemas/{name}/{part}" for name in ("InstrumentProgress", "MemberInstrument", "MemberProgress", "Progress")
      for part in ("properties/recovered: gone", "required: ['recovered'] gone")),
}


SPEC = json.loads((ROOT / "openapi" / "openapi.json").read_text())


def named_now(change: str) -> bool:
    """issue 34 point 4: an inline enum became a reference to the named component of its vocabulary (every
    value it had is still allowed): "schemas/Note/properties/status/enum: gone" (and its `type`)."""
    where, _, what = change.partition(": ")
    parts = where.split("/")
    if what != "gone" or len(parts) != 5 or parts[0] != "schemas" or parts[2] != "properties" \
            or parts[4] not in ("enum", "type"):
        return False
    prop = SPEC["components"]["schemas"][parts[1]]["properties"][parts[3]]
    refs = referenced(prop)
    old = PREVIOUS["schemas"][parts[1]]["properties"][parts[3]].get("enum", [])
    return len(refs) == 1 and set(old) - {None} <= set(SPEC["components"]["schemas"][refs[0]].get("enum", []))


def rewritten_reference(change: str) -> bool:
    """issue 34 (Redocly's rules, none changed): a reference is now a bare `$ref` when nothing is beside it, and
    a nullable one `anyOf: [$ref, <null>]` instead of `allOf: [$ref] + nullable` (OpenAPI 3.0 reads `nullable`
    only beside a `type`): "schemas/Note/properties/status/allOf: gone" (or `…/items/allOf`) with the same
    component referenced, and "…/nullable: gone" with null still allowed."""
    where, _, what = change.partition(": ")
    parts = where.split("/")
    if what != "gone" or len(parts) < 5 or parts[0] != "schemas" or parts[-1] not in ("allOf", "nullable"):
        return False
    now, before = SPEC["components"]["schemas"], PREVIOUS["schemas"]
    for part in parts[1:-1]:
        now, before = now.get(part, {}), before.get(part, {})
    if parts[-1] == "nullable":
        return any(branch.get("enum") == [None] for branch in now.get("anyOf", ()))
    return referenced(now) == referenced(before) != []


def on_purpose(change: str) -> bool:
    # issue 34 point 4: a server default is said in the property's description, never as `default` (generated
    # clients made every property with a default required)
    # issue 34 point 5: the spec states the password length the server enforces (12, was documented as 1)
    return (change in ON_PURPOSE or change.endswith("/default: gone") or named_now(change)
            or rewritten_reference(change) or (change.endswith("/minLength: 1 -> 12") and "password" in change))


def test_every_operation_keeps_its_path_id_tags_parameters_and_responses():
    changes = kept(PREVIOUS["operations"], CURRENT["operations"], "operations")
    assert [c for c in changes if not on_purpose(c)] == []


def test_every_schema_keeps_its_shape():
    assert [c for c in kept(PREVIOUS["schemas"], CURRENT["schemas"], "schemas") if not on_purpose(c)] == []


def test_the_comparison_sees_a_moved_operation():
    moved = json.loads(json.dumps(CURRENT["operations"]))
    op = moved.pop("GET /api/v1/plans/{plan_id}/clearance")
    moved["GET /api/v1/clearances/{plan_id}"] = op
    assert [c for c in kept(PREVIOUS["operations"], moved, "operations") if not on_purpose(c)] == [
        "operations/GET /api/v1/plans/{plan_id}/clearance: gone"]
    retagged = json.loads(json.dumps(CURRENT["operations"]))
    retagged["GET /api/v1/plans/{plan_id}/clearance"]["tags"] = ["clearance"]
    assert [c for c in kept(PREVIOUS["operations"], retagged, "operations") if not on_purpose(c)]
