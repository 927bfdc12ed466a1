"""Plan timing and warnings (toolkit.plans.rules): pure functions, no app, no database."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from toolkit.common.zones import localize
from toolkit.plans.rules import (
    WARNING_CODES,
    ItemInput,
    ModuleInfo,
    PlanRuleError,
    PlanSchedule,
    PlanWarning,
    Warning,
    compute_plan,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
ALL_KINDS = ("individual", "family", "couples", "retreat")

MODULES = {
    "open": ModuleInfo(
        id="open",
        title="Check-in",
        category="opening",
        min_minutes=5,
        max_minutes=20,
        suitable_kinds=ALL_KINDS,
    ),
    "edu": ModuleInfo(
        id="edu",
        title="What is the inner child",
        category="psychoeducation",
        min_minutes=10,
        max_minutes=30,
        suitable_kinds=ALL_KINDS,
    ),
    "letter": ModuleInfo(
        id="letter",
        title="Letter to your younger self",
        category="exercise",
        min_minutes=20,
        max_minutes=45,
        suitable_kinds=("individual", "retreat"),
    ),
    "photo": ModuleInfo(
        id="photo",
        title="Childhood photo",
        category="exercise",
        suitable_kinds=ALL_KINDS,
    ),
    "close": ModuleInfo(
        id="close",
        title="Closing round",
        category="closing",
        min_minutes=5,
        max_minutes=15,
        suitable_kinds=ALL_KINDS,
    ),
    "hw": ModuleInfo(
        id="hw",
        title="Daily check-in journal",
        category="homework",
        suitable_kinds=ALL_KINDS,
    ),
    "walk": ModuleInfo(
        id="walk",
        title="Playful walk at home",
        category="exercise",
        setting="homework",
        suitable_kinds=ALL_KINDS,
    ),
}


def item(module_id: str | None, minutes: int, notes: str | None = None) -> ItemInput:
    return ItemInput(module_id=module_id, minutes=minutes, notes=notes)


def run(items, *, starts_at=None, kind="retreat", target=None, other_plans=(), timezone=None) -> PlanSchedule:
    return compute_plan(
        starts_at=starts_at or datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN),
        items=items,
        modules=MODULES,
        group_kind=kind,
        target_minutes=target,
        other_plans=other_plans,
        timezone=timezone,
    )


GOOD = [item("open", 10), item("edu", 20), item(None, 15), item("letter", 30), item("close", 10)]


def test_good_plan_has_times_and_no_warnings():
    plan = run(GOOD, target=90)
    assert plan.warnings == ()
    assert plan.total_minutes == 85
    assert [(i.starts_at.strftime("%H:%M"), i.ends_at.strftime("%H:%M")) for i in plan.items] == [
        ("09:00", "09:10"),
        ("09:10", "09:30"),
        ("09:30", "09:45"),
        ("09:45", "10:15"),
        ("10:15", "10:25"),
    ]
    assert plan.ends_at == datetime(2027, 4, 3, 10, 25, tzinfo=BERLIN)
    assert [i.position for i in plan.items] == [0, 1, 2, 3, 4]
    assert [i.is_break for i in plan.items] == [False, False, True, False, False]
    assert plan.items[2].module_id is None


def test_items_are_contiguous_and_keep_notes():
    plan = run([item("open", 10, "go slow"), item(None, 5), item("close", 10)])
    for before, after in zip(plan.items, plan.items[1:], strict=False):
        assert before.ends_at == after.starts_at
    assert plan.items[0].notes == "go slow"
    assert plan.items[1].notes is None


@pytest.mark.parametrize(
    ("zone", "start", "minutes", "expected_local_end", "expected_offset_hours"),
    [
        # Spring forward in Berlin: 02:00 CET jumps to 03:00 CEST. One elapsed hour from 01:30 is 03:30.
        ("Europe/Berlin", datetime(2027, 3, 28, 1, 30), 60, datetime(2027, 3, 28, 3, 30), 2),
        ("Europe/Berlin", datetime(2027, 3, 28, 1, 0), 120, datetime(2027, 3, 28, 4, 0), 2),
        # Fall back in New York: 02:00 EDT goes back to 01:00 EST. 60 min from 00:30 EDT is 01:30 EDT.
        ("America/New_York", datetime(2027, 11, 7, 0, 30), 60, datetime(2027, 11, 7, 1, 30), -4),
        # ... and 120 min from 00:30 EDT is 01:30 EST (the second 01:30 of the night).
        ("America/New_York", datetime(2027, 11, 7, 0, 30), 120, datetime(2027, 11, 7, 1, 30), -5),
        ("America/New_York", datetime(2027, 11, 7, 0, 30), 180, datetime(2027, 11, 7, 2, 30), -5),
        # An ordinary day: no change.
        ("Europe/Berlin", datetime(2027, 4, 3, 9, 0), 90, datetime(2027, 4, 3, 10, 30), 2),
    ],
)
def test_dst_elapsed_time(zone, start, minutes, expected_local_end, expected_offset_hours):
    tz = ZoneInfo(zone)
    starts_at = start.replace(tzinfo=tz)
    plan = run([item("photo", minutes)], starts_at=starts_at, timezone=zone)
    end = plan.ends_at
    assert end.replace(tzinfo=None) == expected_local_end
    assert end.utcoffset() == timedelta(hours=expected_offset_hours)
    # Elapsed time really is the planned length.
    assert end.astimezone(UTC) - starts_at.astimezone(UTC) == timedelta(minutes=minutes)
    assert plan.items[0].ends_at == end


def test_dst_multi_item_plan_across_spring_forward():
    starts_at = datetime(2027, 3, 28, 1, 0, tzinfo=BERLIN)
    plan = run([item("open", 10), item("letter", 40), item(None, 30), item("close", 10)], starts_at=starts_at)
    assert [i.starts_at.strftime("%H:%M %z") for i in plan.items] == [
        "01:00 +0100",
        "01:10 +0100",
        "01:50 +0100",
        "03:20 +0200",
    ]
    assert plan.ends_at.strftime("%H:%M %z") == "03:30 +0200"


def test_fixed_offset_start_is_converted_to_the_group_zone():
    # An ISO string parsed from JSON has a fixed offset, not a zone; the group's zone gives local times.
    starts_at = datetime.fromisoformat("2027-03-28T01:30:00+01:00")
    plan = run([item("photo", 60)], starts_at=starts_at, timezone="Europe/Berlin")
    assert plan.starts_at.isoformat() == "2027-03-28T01:30:00+01:00"
    assert plan.ends_at.isoformat() == "2027-03-28T03:30:00+02:00"
    assert plan.ends_at.tzinfo == BERLIN
    # Without a zone the times keep the fixed offset of the start: the same instant.
    plain = run([item("photo", 60)], starts_at=starts_at)
    assert plain.ends_at.isoformat() == "2027-03-28T02:30:00+01:00"
    assert plain.ends_at == plan.ends_at


def test_utc_start_converted_to_new_york():
    plan = run(
        [item("photo", 30)], starts_at=datetime(2027, 11, 7, 5, 45, tzinfo=UTC), timezone="America/New_York"
    )
    assert plan.starts_at.strftime("%H:%M %Z") == "01:45 EDT"
    assert plan.ends_at.strftime("%H:%M %Z") == "01:15 EST"


@pytest.mark.parametrize(
    ("items", "kind", "target", "expected"),
    [
        pytest.param([], "retreat", None, [("empty_plan", None)], id="empty"),
        pytest.param([], "retreat", 60, [("empty_plan", None)], id="empty-with-target"),
        pytest.param(GOOD, "retreat", 80, [("over_target", None)], id="over-target"),
        pytest.param(GOOD, "retreat", 85, [], id="exactly-on-target"),
        pytest.param(
            [item("open", 3), item("close", 10)],
            "retreat",
            None,
            [("below_min", 0)],
            id="below-min",
        ),
        pytest.param(
            [item("open", 10), item("close", 16)],
            "retreat",
            None,
            [("above_max", 1)],
            id="above-max",
        ),
        pytest.param(
            [item("open", 5), item("close", 15)],
            "retreat",
            None,
            [],
            id="min-and-max-are-inclusive",
        ),
        pytest.param(
            [item("open", 10), item("photo", 600), item("close", 10)],
            "retreat",
            None,
            [],
            id="no-limits-no-warning",
        ),
        pytest.param(
            [item("open", 10), item("letter", 30), item("close", 10)],
            "couples",
            None,
            [("unsuited_kind", 1)],
            id="unsuited-kind",
        ),
        pytest.param(
            [item("open", 10), item("letter", 30), item("close", 10)],
            None,
            None,
            [],
            id="template-no-kind-check",
        ),
        pytest.param(
            [item("open", 10), item("hw", 5), item("close", 10)],
            "retreat",
            None,
            [("homework_mid_session", 1)],
            id="homework-before-closing",
        ),
        pytest.param(
            [item("open", 10), item("walk", 5), item("edu", 10), item("close", 10)],
            "retreat",
            None,
            [("homework_mid_session", 1)],
            id="homework-setting-mid-session",
        ),
        pytest.param(
            [item("open", 10), item("close", 10), item("hw", 5), item("walk", 5), item(None, 5)],
            "retreat",
            None,
            [],
            id="homework-at-the-end-then-break-is-fine",
        ),
        pytest.param(
            [item("open", 10), item("hw", 5), item(None, 10), item("close", 10)],
            "retreat",
            None,
            [("homework_mid_session", 1)],
            id="break-does-not-hide-later-module",
        ),
        pytest.param(
            [item("edu", 10), item("close", 10)],
            "retreat",
            None,
            [("no_opening", None)],
            id="no-opening",
        ),
        pytest.param(
            [item("open", 10), item("edu", 10)],
            "retreat",
            None,
            [("no_closing", None)],
            id="no-closing",
        ),
        pytest.param(
            [item(None, 30)],
            "retreat",
            None,
            [],
            id="only-breaks-no-structure-warnings",
        ),
        pytest.param(
            [item("letter", 10)],
            "family",
            5,
            [
                ("below_min", 0),
                ("unsuited_kind", 0),
                ("over_target", None),
                ("no_opening", None),
                ("no_closing", None),
            ],
            id="many-at-once-in-order",
        ),
    ],
)
def test_warnings(items, kind, target, expected):
    plan = run(items, kind=kind, target=target)
    assert [(w.code, w.position) for w in plan.warnings] == expected
    for w in plan.warnings:
        assert w.code in WARNING_CODES
        assert isinstance(w.message, str) and len(w.message) > 10


def test_warning_messages_name_the_module_and_numbers():
    plan = run([item("open", 3), item("letter", 50), item("close", 10)], kind="couples", target=60)
    messages = {w.code: w.message for w in plan.warnings}
    assert "Check-in" in messages["below_min"] and "3 min" in messages["below_min"]
    assert "5 min" in messages["below_min"]
    assert "Letter to your younger self" in messages["above_max"] and "45 min" in messages["above_max"]
    assert "couples" in messages["unsuited_kind"]
    assert "63 min" in messages["over_target"] and "3 min over" in messages["over_target"]


START = datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("other_start", "other_end", "overlaps"),
    [
        (START - timedelta(hours=1), START, False),  # ends exactly when we start
        (START + timedelta(minutes=85), START + timedelta(hours=3), False),  # starts when we end
        (START - timedelta(hours=1), START + timedelta(minutes=1), True),
        (START + timedelta(minutes=84), START + timedelta(hours=3), True),
        (START + timedelta(minutes=10), START + timedelta(minutes=20), True),  # inside
        (START - timedelta(hours=1), START + timedelta(hours=5), True),  # around
        # Same instant written in another zone.
        (datetime(2027, 4, 3, 7, 30, tzinfo=UTC), datetime(2027, 4, 3, 8, 0, tzinfo=UTC), True),
        (datetime(2027, 4, 3, 6, 0, tzinfo=UTC), datetime(2027, 4, 3, 7, 0, tzinfo=UTC), False),
    ],
)
def test_overlap(other_start, other_end, overlaps):
    plan = run(GOOD, starts_at=START, other_plans=[("plan-b", other_start, other_end)])
    codes = [w.code for w in plan.warnings]
    assert ("overlap" in codes) is overlaps
    if overlaps:
        assert "plan-b" in plan.warnings[codes.index("overlap")].message


def test_one_overlap_warning_per_other_plan():
    others = [
        ("a", START, START + timedelta(minutes=30)),
        ("b", START + timedelta(minutes=200), START + timedelta(minutes=230)),
        ("c", START + timedelta(minutes=60), START + timedelta(minutes=90)),
    ]
    plan = run(GOOD, starts_at=START, other_plans=others)
    overlap_messages = [w.message for w in plan.warnings if w.code == "overlap"]
    assert len(overlap_messages) == 2
    assert "(a)" in overlap_messages[0] and "(c)" in overlap_messages[1]


def test_empty_plan_overlaps_nothing():
    plan = run(
        [], starts_at=START, other_plans=[("x", START - timedelta(hours=1), START + timedelta(hours=1))]
    )
    assert [w.code for w in plan.warnings] == ["empty_plan"]
    assert plan.ends_at == plan.starts_at == START
    assert plan.total_minutes == 0
    assert plan.items == ()


@pytest.mark.parametrize(
    ("kwargs", "position", "field"),
    [
        ({"items": [item("open", 10), item("edu", 0)]}, 1, "minutes"),
        ({"items": [item("open", -5)]}, 0, "minutes"),
        ({"items": [item(None, 0)]}, 0, "minutes"),
        ({"items": [item("open", 10), item(None, 5), item("nope", 10)]}, 2, "module_id"),
        ({"items": [ItemInput(module_id="open", minutes=10.5)]}, 0, "minutes"),
        ({"items": [ItemInput(module_id="open", minutes=True)]}, 0, "minutes"),
        ({"items": [item("open", 24 * 60 + 1)]}, 0, "minutes"),
        ({"starts_at": datetime(2027, 4, 3, 9, 0)}, None, "starts_at"),
        ({"group_kind": "crowd"}, None, "group_kind"),
        ({"target_minutes": 0}, None, "target_minutes"),
        ({"target_minutes": -10}, None, "target_minutes"),
        ({"timezone": "Mars/Olympus_Mons"}, None, "timezone"),
        ({"timezone": "../../etc/passwd"}, None, "timezone"),
        ({"other_plans": [("x", datetime(2027, 4, 3, 9), datetime(2027, 4, 3, 10))]}, None, "other_plans"),
    ],
)
def test_invalid_input_raises_plan_rule_error(kwargs, position, field):
    args = {
        "starts_at": START,
        "items": [item("open", 10)],
        "modules": MODULES,
        "group_kind": "retreat",
        "target_minutes": None,
    }
    args.update(kwargs)
    with pytest.raises(PlanRuleError) as info:
        compute_plan(**args)
    assert info.value.position == position
    assert info.value.field == field
    assert info.value.message
    assert isinstance(info.value, ValueError)


def test_inputs_are_frozen_and_keyword_only():
    with pytest.raises(TypeError):
        ItemInput("open", 10)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        item("open", 10).minutes = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        compute_plan(START, [], MODULES, None, None)  # type: ignore[misc]
    assert Warning is PlanWarning
    assert MODULES["letter"].suitable_kinds == frozenset({"individual", "retreat"})


@pytest.mark.parametrize(
    ("dt", "zone", "expected"),
    [
        (datetime(2027, 4, 3, 7, 0, tzinfo=UTC), "Europe/Berlin", "2027-04-03T09:00:00+02:00"),
        (datetime(2027, 4, 3, 9, 0), "Europe/Berlin", "2027-04-03T09:00:00+02:00"),
        # A wall time inside the spring-forward gap moves forward by the gap.
        (datetime(2027, 3, 28, 2, 30), "Europe/Berlin", "2027-03-28T03:30:00+02:00"),
        # An ambiguous fall-back wall time means its first occurrence (still EDT).
        (datetime(2027, 11, 7, 1, 30), "America/New_York", "2027-11-07T01:30:00-04:00"),
        (datetime(2027, 11, 7, 6, 30, tzinfo=UTC), "America/New_York", "2027-11-07T01:30:00-05:00"),
    ],
)
def test_localize(dt, zone, expected):
    assert localize(dt, zone).isoformat() == expected


@pytest.mark.parametrize("name", ["", "Nowhere/City", "../etc/passwd"])
def test_localize_rejects_unknown_zones(name):
    with pytest.raises(ValueError):
        localize(datetime(2027, 1, 1, tzinfo=UTC), name)


@pytest.mark.parametrize("title, expected_length, ends", [
    ("Morning", 14, "Morning (copy)"),
    ("T" * 193, 200, "T (copy)"),
    ("T" * 194, 200, "T… (copy)"),
    ("T" * 200, 200, "T… (copy)"),
    ("word " * 40, 200, "… (copy)"),
])
def test_copy_title_fits_the_column(title, expected_length, ends):
    from toolkit.plans.rules import copy_title

    copied = copy_title(title)
    assert len(copied) == expected_length and copied.endswith(ends)
