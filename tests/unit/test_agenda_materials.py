"""Materials that add up (issue 18, point 4): consumables summed across items and sessions and multiplied by
the roster, reused things at their largest need at one time, a packing list per day, and the participant
handout limited to what participants bring or use. Pure functions over the document: no app, no DB."""

from datetime import UTC, date, datetime, timedelta

import pytest

from toolkit.agendas.document import (
    AgendaDocument,
    AgendaItem,
    AgendaPlan,
    Facilitator,
    Material,
    group_by_day,
)
from toolkit.agendas.materials import Need, gather, larger, materials_checklist, packing_lists, participant_materials
from toolkit.agendas.view import render_json

ENVELOPE = Material(name="Envelope", per_participant=True, consumable=True, for_participants=True)
PEN = Material(name="Pen", per_participant=True, for_participants=True)
FLIP_CHART = Material(name="Flip chart sheet", consumable=True)
TAPE = Material(name="Masking tape or sticky putty")
TISSUES = Material(name="Box of tissues", quantity=2)
BELL = Material(name="Hand bell")


def _item(plan_id, position, start, title, materials, *, is_break=False, lead=None):
    return AgendaItem(item_id=f"{plan_id}-{position}", position=position, title=title, is_break=is_break,
                      starts_at=start, ends_at=start + timedelta(minutes=20), minutes=20, category="exercise",
                      materials=tuple(materials), lead=lead)


def _plan(plan_id, day, entries):
    start = datetime(2027, 4, day, 8, 0, tzinfo=UTC)
    items = [_item(plan_id, i, start + timedelta(minutes=20 * i), title, mats, is_break=title == "Tea break")
             for i, (title, mats) in enumerate(entries)]
    return AgendaPlan(plan_id=plan_id, title=f"Day {day}", starts_at=start,
                      ends_at=start + timedelta(minutes=20 * len(items)), items=tuple(items))


def demo_like_plans():
    """The demo retreat's shape: envelopes only on Day 2 (the letter and the closing container), pens and
    tissues every day, the flip chart and tape for the agreements on Day 1."""
    return [
        _plan("d1", 1, [("Group agreements", [FLIP_CHART, TAPE]), ("Opening check-in", [TISSUES]),
                        ("Tea break", [ENVELOPE]), ("Closing", [PEN])]),
        _plan("d2", 2, [("Opening check-in", [TISSUES]), ("Dear little me", [ENVELOPE, PEN, TISSUES]),
                        ("Closing container", [ENVELOPE, PEN, BELL])]),
        _plan("d3", 3, [("Personal mantra", [PEN, Material(name="Index card", quantity=2, per_participant=True,
                                                           consumable=True, for_participants=True)]),
                        ("Closing", [FLIP_CHART, Material(name="index CARD", per_participant=True,
                                                          consumable=True, for_participants=True)])]),
    ]


def make_doc(plans=None, *, member_count=10, audience="facilitator", facilitators=()):
    plans = demo_like_plans() if plans is None else plans
    return AgendaDocument(practice_name="P", group_name="Retreat", group_kind="retreat", timezone="UTC",
                          location=None, audience=audience, paper="a4", generated_for_date=date(2027, 4, 1),
                          member_count=member_count, days=group_by_day(plans, "UTC"), facilitators=facilitators)


def lines_of(lines):
    return {line.name: line for line in lines}


def test_consumables_add_up_across_items_and_days_and_multiply_by_the_roster():
    lines = lines_of(materials_checklist(make_doc()))
    # Day 2 needs 10 envelopes for the letter and 10 for the closing container: 20, not the largest (10).
    assert lines["Envelope"].total == 20 and lines["Envelope"].quantity == 2
    assert lines["Envelope"].label == "20 (2 per participant)" and lines["Envelope"].consumable
    # One flip chart sheet on Day 1 and one on Day 3 (used up): 2.
    assert lines["Flip chart sheet"].total == 2 and lines["Flip chart sheet"].label == "2"
    # Index cards: 2 + 1 per participant (names matched whatever their case): 30, under the first name.
    assert lines["Index card"].total == 30
    assert lines["Index card"].used_in == ("Personal mantra", "Closing")


def test_reused_things_keep_the_largest_need_at_one_time():
    lines = lines_of(materials_checklist(make_doc()))
    assert lines["Pen"].total == 10 and not lines["Pen"].consumable  # one pen each, in 4 items on 3 days
    assert lines["Box of tissues"].total == 2 and lines["Box of tissues"].used_in == ("Opening check-in",
                                                                                      "Dear little me")
    assert lines["Hand bell"].total == 1


def test_breaks_bring_nothing():
    lines = lines_of(materials_checklist(make_doc()))
    assert "Tea break" not in lines["Envelope"].used_in


def test_unknown_roster_keeps_the_per_participant_amount():
    lines = lines_of(materials_checklist(make_doc(member_count=0)))
    assert lines["Envelope"].total is None and lines["Envelope"].label == "2 per participant"
    assert lines["Flip chart sheet"].total == 2


@pytest.mark.parametrize(
    ("uses", "roster", "total", "label"),
    [
        # consumed per participant + consumed in total: both add up
        ([Material(name="Juice", per_participant=True, consumable=True),
          Material(name="Juice", quantity=3, consumable=True)], 4, 7, "7 (1 per participant + 3)"),
        # reused: the larger of 1 per participant (4) and 6 in total is 6
        ([Material(name="Crayons", per_participant=True), Material(name="Crayons", quantity=6)], 4, 6, "6"),
        # reused, and the per-participant need is the larger one
        ([Material(name="Crayons", per_participant=True), Material(name="Crayons", quantity=2)], 4, 4,
         "4 (1 per participant)"),
        # consumed in one item, reused in another: the sum of the consumed plus the largest reused need
        ([Material(name="Paper", quantity=5, consumable=True), Material(name="Paper", quantity=3),
          Material(name="Paper", quantity=2), Material(name="Paper", quantity=4, consumable=True)], 4, 12, "12"),
        # roster unknown: a need covering both ways
        ([Material(name="Crayons", per_participant=True), Material(name="Crayons", quantity=6)], 0, None,
         "1 per participant + 6"),
    ],
)
def test_mixed_uses_of_one_material(uses, roster, total, label):
    plan = _plan("p", 1, [(f"Item {i}", [use]) for i, use in enumerate(uses)])
    (line,) = gather([plan], roster)
    assert line.total == total and line.label == label


def test_need_arithmetic():
    assert Need(1, 2) + Need(3, 4) == Need(4, 6)
    assert Need(2, 1).total(5) == 7 and Need(0, 1).total(0) is None and Need(3, 0).total(0) == 3
    assert larger(Need(6, 0), Need(0, 1), 10) == Need(0, 1)
    assert larger(Need(6, 0), Need(0, 1), 0) == Need(6, 1)


def test_a_packing_list_per_day():
    packing = packing_lists(make_doc())
    assert [day.date for day in packing] == [date(2027, 4, 1), date(2027, 4, 2), date(2027, 4, 3)]
    day1, day2, day3 = (lines_of(day.lines) for day in packing)
    assert set(day1) == {"Flip chart sheet", "Masking tape or sticky putty", "Box of tissues", "Pen"}
    assert "Envelope" not in day1  # the break's materials are not packed
    assert day2["Envelope"].total == 20 and day2["Pen"].total == 10 and day2["Hand bell"].total == 1
    assert day3["Index card"].total == 30 and day3["Flip chart sheet"].total == 1
    assert packing[0].label.startswith("Day 1 ·")


def test_a_day_without_materials_has_no_packing_list():
    bare = _plan("bare", 4, [("Sharing round", [])])
    packing = packing_lists(make_doc([*demo_like_plans(), bare]))
    assert date(2027, 4, 4) not in [day.date for day in packing] and len(packing) == 3


def test_the_handout_lists_only_what_participants_bring_or_use():
    names = [line.name for line in participant_materials(make_doc())]
    assert names == ["Pen", "Envelope", "Index card"]
    view = render_json(make_doc(audience="participant"))
    assert [m["name"] for m in view["materials"]] == names
    assert {"name": "Pen", "quantity": 1, "per_participant": True} in view["materials"]
    assert "packing" not in view
    text = str(view)
    assert "Flip chart" not in text and "Masking tape" not in text and "Hand bell" not in text


def test_the_facilitator_view_has_flags_packing_and_facilitators():
    guide = Facilitator(facilitator_id="t1", name="Sam Guide", trauma_informed=True)
    plan = demo_like_plans()[0]
    led = AgendaPlan(plan_id=plan.plan_id, title=plan.title, starts_at=plan.starts_at, ends_at=plan.ends_at,
                     items=(_item("d1", 0, plan.starts_at, "Group agreements", [FLIP_CHART], lead=guide),))
    doc = make_doc([led], facilitators=(guide, Facilitator(facilitator_id="t2", name="Ada Admin")))
    view = render_json(doc)
    assert view["facilitators"] == [{"id": "t1", "name": "Sam Guide", "trauma_informed": True},
                                    {"id": "t2", "name": "Ada Admin", "trauma_informed": False}]
    item = view["days"][0]["plans"][0]["items"][0]
    assert item["lead"] == {"id": "t1", "name": "Sam Guide", "trauma_informed": True}
    assert item["materials"][0]["consumable"] is True and item["materials"][0]["for_participants"] is False
    assert view["materials"][0]["consumable"] is True and view["materials"][0]["for_participants"] is False
    assert view["packing"] == [{"date": "2027-04-01", "label": view["days"][0]["label"],
                                "materials": view["materials"]}]
    participant = render_json(make_doc([led], audience="participant", facilitators=doc.facilitators))
    assert participant["facilitators"] == [{"name": "Sam Guide"}, {"name": "Ada Admin"}]
    assert "lead" not in participant["days"][0]["plans"][0]["items"][0]
    assert "t1" not in str(participant)
