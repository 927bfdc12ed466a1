"""The refactors of version 3 (issue 33) move no operation: the committed spec keeps every path, method,
operationId, tag, parameter, response code and schema of the v2 spec (descriptions, summaries and examples
aside). New operations, properties and enum values may appear; nothing may move or go."""

import json
from pathlib import Path

from tests.helpers import kept, spec_skeleton

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS = json.loads((ROOT / "tests" / "fixtures" / "openapi-v2-skeleton.json").read_text())
CURRENT = spec_skeleton(json.loads((ROOT / "openapi" / "openapi.json").read_text()))


def test_every_operation_keeps_its_path_id_tags_parameters_and_responses():
    assert kept(PREVIOUS["operations"], CURRENT["operations"], "operations") == []


def test_every_schema_keeps_its_shape():
    assert kept(PREVIOUS["schemas"], CURRENT["schemas"], "schemas") == []


def test_the_comparison_sees_a_moved_operation():
    moved = json.loads(json.dumps(CURRENT["operations"]))
    op = moved.pop("GET /api/v1/plans/{plan_id}/clearance")
    moved["GET /api/v1/clearances/{plan_id}"] = op
    assert kept(PREVIOUS["operations"], moved) == ["/GET /api/v1/plans/{plan_id}/clearance: gone"]
    retagged = json.loads(json.dumps(CURRENT["operations"]))
    retagged["GET /api/v1/plans/{plan_id}/clearance"]["tags"] = ["clearance"]
    assert kept(PREVIOUS["operations"], retagged)
