"""A valid answer set for a form as clients see it (GET /api/v1/screening/form, or `Form.to_dict()`): the
one builder the demo seed, the tests and the bench use. Pure Python over plain JSON values."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any


def is_asked(item: Mapping[str, Any], answers: Mapping[str, int]) -> bool:
    """Whether an item (JSON) is asked, given the answers so far: its enable_when conditions."""
    conditions = item.get("enable_when") or []
    if not conditions:
        return True
    hits = [answers.get(c["item"]) in c["values"] for c in conditions]
    return any(hits) if item.get("enable_behavior") == "any" else all(hits)


def valid_answers(form: Mapping[str, Any], overrides: Mapping[str, int] | None = None, *,
                  choose: Callable[[Mapping[str, Any], Sequence[int]], int] | None = None) -> dict[str, int]:
    """Every asked item in form order, answered `overrides[id]`, else `choose(item, sorted values)`, else its
    lowest option ("no symptom"). An answer can open follow-up items, which are then answered the same way.
    ValueError when `overrides` names an item that is not asked with these answers."""
    overrides = overrides or {}
    answers: dict[str, int] = {}
    for instrument in form["instruments"]:
        for item in instrument["items"]:
            if not is_asked(item, answers):
                continue
            values = sorted(o["value"] for o in item["options"])
            if item["id"] in overrides:
                answers[item["id"]] = overrides[item["id"]]
            else:
                answers[item["id"]] = choose(item, values) if choose else values[0]
    unknown = set(overrides) - set(answers)
    if unknown:
        raise ValueError(f"overrides for items that are not asked: {sorted(unknown)}")
    return answers
