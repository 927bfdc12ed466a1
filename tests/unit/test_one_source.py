"""Each limit, vocabulary and helper is written once: the pieces the rest is built from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from marshmallow import ValidationError

from toolkit.common.text import slugify
from toolkit.common.zones import aware, get_zone, localize
from toolkit.exercises import rules as module_rules
from toolkit.exercises.catalogue import SeedError, validate_module
from toolkit.exercises.models import ExerciseModule
from toolkit.exercises.schemas import ModuleCreateSchema
from toolkit.plans.rules import WARNING_CODES
from toolkit.plans.schemas import WarningSchema
from toolkit.screening.schemas import GUIDANCE_KINDS
from toolkit.vocab import OUTCOMES, RULE_LEVELS


@pytest.mark.parametrize(("moment", "expected"), [
    (None, None),
    (datetime(2027, 3, 1, 12, 0), datetime(2027, 3, 1, 12, 0, tzinfo=UTC)),  # naive: read as UTC
    (datetime(2027, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=2))),
     datetime(2027, 3, 1, 10, 0, tzinfo=UTC)),  # aware: kept (same instant)
])
def test_aware(moment, expected):
    assert aware(moment) == expected
    if moment is not None:
        assert aware(moment).tzinfo is not None


def test_zone_helpers():
    assert str(get_zone("Europe/Berlin")) == "Europe/Berlin"
    with pytest.raises(ValueError, match="unknown timezone"):
        get_zone("Mars/Olympus")
    assert localize(datetime(2027, 3, 28, 2, 30), "Europe/Berlin").isoformat() == "2027-03-28T03:30:00+02:00"


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("A kind letter to little me", None, "a-kind-letter-to-little-me"),
    ("  Safe place -- visualisation!  ", None, "safe-place-visualisation"),
    ("moderate (10-14)", None, "moderate-10-14"),
    ("!!!", None, ""),
    ("abc def", 5, "abc-d"),
])
def test_slugify(text, limit, expected):
    assert slugify(text, limit=limit) == expected


def test_a_module_slug_from_its_title_fits_the_rule():
    assert module_rules.slug_for("A kind letter") == "a-kind-letter"
    assert module_rules.slug_for("???") == "module"
    assert len(module_rules.slug_for("word " * 40)) <= module_rules.SLUG_MAX


def test_every_module_column_holds_what_the_rules_accept():
    # The columns are deliberately wider than the rules (see exercises/rules.py): never narrower.
    assert ExerciseModule.__table__.c.slug.type.length >= module_rules.SLUG_MAX
    assert ExerciseModule.__table__.c.title.type.length >= module_rules.TITLE_MAX


def _module(**changes):
    data = {"slug": "a-module", "title": "A module", "summary": "s", "participant_summary": "p",
            "category": "exercise", "steps": ["one", "two"], "facilitator_script": "f", "default_minutes": 10,
            "min_minutes": 5, "max_minutes": 20, "materials": [], "suitable_kinds": ["group"], "frameworks": [],
            "targets": [], "intensity": "gentle", "setting": "in_session", "contraindications": []}
    return {**data, **changes}


@pytest.mark.parametrize(("field", "limit"), [("slug", module_rules.SLUG_MAX), ("title", module_rules.TITLE_MAX),
                                              ("summary", module_rules.SUMMARY_MAX)])
def test_the_validator_and_the_schema_share_each_limit(field, limit):
    value = "a" * limit
    validate_module(_module(**{field: value}))
    ModuleCreateSchema().load(_module(**{field: value}))
    too_long = "a" * (limit + 1)
    with pytest.raises(SeedError):
        validate_module(_module(**{field: too_long}))
    with pytest.raises(ValidationError):
        ModuleCreateSchema().load(_module(**{field: too_long}))


def test_the_validator_checks_fields_in_order():
    # Both the title and the category are wrong: the first one checked is named.
    with pytest.raises(SeedError) as info:
        validate_module(_module(title="", category="nope"))
    assert info.value.field == "title"


def test_vocabularies_once():
    assert RULE_LEVELS == ("info", *OUTCOMES[1:])
    assert "too_few_members" in WARNING_CODES
    assert list(WarningSchema().fields["code"].validate.choices) == list(WARNING_CODES)
    assert GUIDANCE_KINDS == ("acute", "non_acute")
