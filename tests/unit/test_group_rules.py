"""Group kind rules (toolkit/groups/rules.py): no app, no database."""

from datetime import date

import pytest

from toolkit.groups.rules import MIN_MEMBERS_TO_PLAN, full_message, group_problems, member_limit
from toolkit.vocab import GROUP_KINDS


@pytest.mark.parametrize("kind,capacity,expected", [
    ("individual", None, 1),
    ("individual", 5, 1),
    ("couples", None, 2),
    ("couples", 10, 2),
    ("couples", 1, 1),  # a capacity caps any kind
    ("family", None, None),
    ("family", 6, 6),
    ("retreat", 40, 40),
    ("retreat", None, None),
])
def test_member_limit(kind, capacity, expected):
    assert member_limit(kind, capacity) == expected


def test_every_kind_has_a_planning_minimum():
    assert set(MIN_MEMBERS_TO_PLAN) == set(GROUP_KINDS)
    assert MIN_MEMBERS_TO_PLAN["individual"] == 1
    assert MIN_MEMBERS_TO_PLAN["couples"] == 2
    assert MIN_MEMBERS_TO_PLAN["family"] == 2


@pytest.mark.parametrize("kind,limit,needle", [
    ("individual", 1, "one"),
    ("couples", 2, "two"),
    ("retreat", 12, "12"),
    ("family", 4, "4"),
])
def test_full_message(kind, limit, needle):
    assert needle in full_message(kind, limit)


def problems(**kwargs):
    kwargs.setdefault("capacity", None)
    kwargs.setdefault("starts_on", None)
    kwargs.setdefault("ends_on", None)
    return group_problems(**kwargs)


@pytest.mark.parametrize("kind,capacity", [
    ("individual", None), ("couples", None), ("family", None), ("retreat", 10), ("family", 3),
])
def test_valid_settings_have_no_problems(kind, capacity):
    assert problems(kind=kind, capacity=capacity) == {}


def test_retreat_needs_capacity():
    assert "capacity" in problems(kind="retreat")
    assert problems(kind="retreat", capacity=1) == {}


@pytest.mark.parametrize("starts,ends,bad", [
    (date(2026, 5, 2), date(2026, 5, 1), True),
    (date(2026, 5, 2), date(2026, 5, 2), False),
    (date(2026, 5, 2), date(2026, 5, 9), False),
    (None, date(2026, 5, 1), False),
    (date(2026, 5, 2), None, False),
])
def test_dates(starts, ends, bad):
    assert ("ends_on" in problems(kind="family", starts_on=starts, ends_on=ends)) is bad


@pytest.mark.parametrize("kind,capacity,members,field", [
    ("individual", None, 2, "kind"),
    ("couples", None, 3, "kind"),
    ("retreat", 5, 6, "capacity"),
    ("family", 2, 3, "capacity"),
    ("couples", 1, 2, "capacity"),
])
def test_more_members_than_allowed(kind, capacity, members, field):
    errors = problems(kind=kind, capacity=capacity, member_count=members)
    assert field in errors
    assert str(members) in errors[field][0]


@pytest.mark.parametrize("kind,capacity,members", [
    ("individual", None, 1), ("couples", None, 2), ("retreat", 5, 5), ("family", None, 50), ("family", 3, 0),
])
def test_members_within_limit(kind, capacity, members):
    assert problems(kind=kind, capacity=capacity, member_count=members) == {}


def test_several_problems_at_once():
    errors = problems(kind="retreat", starts_on=date(2026, 1, 2), ends_on=date(2026, 1, 1), member_count=3)
    assert {"capacity", "ends_on"} <= set(errors)
