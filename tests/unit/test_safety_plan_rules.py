import pytest

from toolkit.safety_plans.rules import SECTION_KEYS, next_version, normalise, printable, problems


@pytest.mark.parametrize("current,expected", [(None, 1), (1, 2), (7, 8)])
def test_next_version(current, expected):
    assert next_version(current) == expected


@pytest.mark.parametrize("given,expected", [
    ({"warning_signs": ["  a  b "]}, {"warning_signs": ["a b"]}),
    ({"warning_signs": ["", "  "]}, {"warning_signs": []}),
    ({"people_to_ask": [{"name": " Jo ", "contact": "  "}]}, {"people_to_ask": [{"name": "Jo", "contact": None}]}),
    ({"professionals": [{"name": "GP", "contact": " 0123 "}]}, {"professionals": [{"name": "GP", "contact": "0123"}]}),
    ({"social_contacts": [{"name": "   "}]}, {"social_contacts": []}),
])
def test_normalise(given, expected):
    result = normalise(given)
    assert set(result) == set(SECTION_KEYS)
    for key, value in expected.items():
        assert result[key] == value


@pytest.mark.parametrize("sections,fields", [
    ({}, {"warning_signs"}),
    ({"reasons_for_living": ["Mia"]}, set()),
    ({"warning_signs": ["a", "A"]}, {"warning_signs"}),
    ({"people_to_ask": [{"name": "Jo", "contact": None}, {"name": "jo", "contact": "1"}]}, {"people_to_ask"}),
    ({"people_to_ask": [{"name": "Jo", "contact": None}], "professionals": [{"name": "Jo", "contact": None}]}, set()),
])
def test_problems(sections, fields):
    assert set(problems(normalise(sections))) == fields


def test_printable_keeps_every_section_in_stanley_brown_order():
    sections = printable(normalise({"reasons_for_living": ["Mia"]}))
    assert [s["step"] for s in sections] == [1, 2, 3, 4, 5, 6, 7]
    assert sections[-1]["entries"] == ["Mia"] and all(not s["entries"] for s in sections[:-1])
    assert [s["people"] for s in sections] == [False, False, True, True, True, False, False]
