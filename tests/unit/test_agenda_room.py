"""What a facilitator carries into the room (issue 31), as pure rules over the agenda document: facilitator
coverage for exclusions whose alternative needs a second adult, exclusions called exclusions, the "What to do"
box and roster only in the facilitator audience, the reason once, series labels, titles and large print."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_doc, make_plan
from toolkit.agendas.document import ClearanceLine, Facilitator, RosterLine, WhatToDo, group_by_day, participant_copy
from toolkit.agendas.html import document_title, render_html, render_markdown
from toolkit.agendas.sheets import coverage_warnings, needs_second_adult, status_box
from toolkit.agendas.view import render_json

BERLIN = ZoneInfo("Europe/Berlin")
ONE = (Facilitator(facilitator_id="f1", name="Mira Lead"),)
TWO = (*ONE, Facilitator(facilitator_id="f2", name="Noor Second"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Offer the eyes-open grounding with a co-facilitator while the group does this item.", True),
    ("a quiet space, with a facilitator checking in", True),
    ("pair the person with a facilitator who checks in during the afternoon", True),
    ("journalling with a facilitator one-to-one instead", True),
    ("a second adult stays with them", True),
    ("Sit with the group and draw instead.", False),
    ("", False),
    (None, False),
])
def test_an_alternative_needs_a_second_adult(text, expected):
    assert needs_second_adult(text) is expected


def _excluded(alternative, plan_title="Saturday morning"):
    return ClearanceLine(member_name="Devon Testcase", plan_title=plan_title, item_title="Letter to your younger self",
                         verdict="exclude", alternative=alternative, reasons=("flag dissociation",))


@pytest.mark.parametrize(("facilitators", "alternative", "warned"), [
    (ONE, "the eyes-open grounding with a co-facilitator", True),
    ((), "the eyes-open grounding with a co-facilitator", True),
    (TWO, "the eyes-open grounding with a co-facilitator", False),
    (ONE, "drawing at the side of the room", False),
])
def test_facilitator_coverage_is_a_status_box_warning_naming_the_item(facilitators, alternative, warned):
    doc = make_doc(clearance=(_excluded(alternative),), facilitators=facilitators)
    warnings = coverage_warnings(doc)
    assert bool(warnings) is warned
    box = status_box(doc)
    if warned:
        assert '"Letter to your younger self"' in warnings[0] and "Devon Testcase" in warnings[0]
        assert warnings[0] in box["warnings"]
        saturday = next(p for p in doc.plans if p.title == "Saturday morning")
        assert any("Letter to your younger self" in w for w in status_box(doc, saturday)["warnings"])
        sunday = next(p for p in doc.plans if p.title == "Sunday morning")
        assert not status_box(doc, sunday)["warnings"]  # only the session where it happens
    else:
        assert not any("coverage" in w for w in box["warnings"])


def test_exclusions_are_called_exclusions():
    doc = make_doc(clearance=(_excluded("drawing"),), facilitators=TWO)
    box = status_box(doc)
    assert box["headline"] == "Caution: 1 member with exclusions (printed under each item)"
    assert box["people"][0]["label"] == "Excluded from an item"
    html = render_html(doc)
    assert "Exclusion: Devon does not take part" in html and "adaptation" not in box["headline"]


BOX = WhatToDo(member_name="Yusuf Okonkwo", reason="On a crisis hold: no group work until a review.",
               checklist=("Pause the intake.", "Complete a full safety assessment.", "Ground them."),
               clinical_leads=(("Sam Lead", "07700 900123 · sam@example.org"),), emergency_contact="112",
               people_to_ask=("A friend, 07700 900555",), plan_ids=("p1",))
ROSTER = (RosterLine(member_name="Casey Example", emergency_contact="Pat (parent) 07700 900102",
                     dietary_notes="No nuts"),)


def test_the_what_to_do_box_and_the_roster_are_for_the_facilitator_only():
    doc = make_doc(what_to_do=(BOX,), roster=ROSTER, emergency_contact="112", facilitators=ONE)
    html = render_html(doc)
    cover = html[: html.index('<section class="day">')]
    assert "What to do if Yusuf Okonkwo comes" in cover and "Pause the intake." in cover
    assert "Sam Lead (07700 900123 · sam@example.org)" in cover and "A friend, 07700 900555" in cover
    assert cover.count("On a crisis hold") == 1 and "see “What to do” below" in cover
    saturday = html[html.index('id="plan-p1"'):html.index('id="plan-p2"')]
    assert "What to do if Yusuf Okonkwo comes" in saturday and "Ground them." not in saturday  # short on the sheet
    assert "No nuts" in html and "Pat (parent)" in html
    assert "What to do if Yusuf" in render_markdown(doc)
    assert render_json(doc)["roster"][0]["dietary_notes"] == "No nuts"
    handout = participant_copy(doc)
    for text in (render_html(handout), render_markdown(handout), str(render_json(handout))):
        for secret in ("Yusuf", "No nuts", "Pat (parent)", "Sam Lead", "Pause the intake"):
            assert secret not in text, secret
    assert "In an emergency at Lakeside House, Room 2:</span> 112" in render_html(handout)


def test_a_series_session_is_headed_session_n_of_m():
    plan = make_plan("s4", "Weekly group", datetime(2027, 4, 8, 18, 30, tzinfo=BERLIN), [("open", 15)])
    days = group_by_day([replace(plan, session_label="Session 4 of 8")], "Europe/Berlin",
                        first_date=datetime(2027, 3, 18).date())
    assert days[0].label == "Session 4 of 8 · Thursday 8 April 2027"
    assert group_by_day([plan], "Europe/Berlin", first_date=datetime(2027, 3, 18).date())[0].label.startswith("Day 22")


def test_titles_say_audience_scope_and_dates_and_large_print_is_16pt():
    doc = make_doc()
    assert document_title(doc) == "Spring Retreat · Facilitator agenda (confidential) · 3 Apr 2027 to 4 Apr 2027"
    assert document_title(replace(doc, run_sheet_only=True)).startswith("Spring Retreat · Run sheets")
    large = replace(participant_copy(doc), large_print=True)
    assert document_title(large).startswith("Spring Retreat · Participant handout (large print)")
    html = render_html(large)
    assert 'class="audience-participant paper-a4 detail-full print-large"' in html
    assert "<title>Spring Retreat · Participant handout (large print)" in html and '<html lang="en">' in html


def test_progress_chart_links_are_relative_in_the_pack_and_absent_elsewhere():
    from toolkit.agendas.document import MemberSafety

    member = MemberSafety(member_name="Yusuf Okonkwo", outcome="clear",
                          progress_chart="/api/v1/participants/x/progress?format=svg")
    doc = make_doc(member_safety=(member,))
    assert "Progress chart" not in render_html(doc) and "/api/v1/" not in render_html(doc)
    packed = replace(doc, chart_paths=(("Yusuf Okonkwo", "charts/yusuf.svg"),))
    assert 'href="charts/yusuf.svg"' in render_html(packed, offline=True)
    assert render_json(doc)["member_safety"][0]["progress_chart"].startswith("/api/v1/")
