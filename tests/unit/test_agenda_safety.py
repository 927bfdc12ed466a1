"""Agenda content about member safety (toolkit/agendas): the facilitator's "Member safety" section,
named warnings, alternatives for exclusions and the name-free safety check line, in every format; none of
it for participants. Pure rendering: no Flask, no database."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from toolkit.agendas.document import AgendaDocument, AgendaItem, AgendaPlan, ClearanceLine, MemberSafety, group_by_day
from toolkit.agendas.html import render_html, render_markdown
from toolkit.agendas.ics import render_ics
from toolkit.agendas.view import render_json

START = datetime(2027, 4, 1, 7, 0, tzinfo=UTC)
NOTE = "status blocked; 1 member(s) must not take part (refer or defer). Who and why: see the facilitator agenda."
SAFETY = (
    MemberSafety(member_name="Ada Brightwater", computed_outcome="caution", outcome="clear",
                 override="clear by Lena Lead on 2026-12-01: seen twice, the items reflect the past",
                 findings=("AUDIT-C total 4 ≥ 3: positive alcohol screen",)),
    MemberSafety(member_name="Cy Dunmore", computed_outcome="clear", outcome="defer", crisis_hold=True),
    MemberSafety(member_name="Eli Farrow", computed_outcome="clear", expires_before_session=("Day one",),
                 notes=("expires_before_session: the screening is valid until 2027-03-01",)),
)
WARNINGS = ("Ada Brightwater is flagged unresolved_trauma and the group has no trauma-informed facilitator",)
LINES = (ClearanceLine(member_name="Ada Brightwater", plan_title="Day one", item_title="Visualisation",
                       verdict="exclude", reasons=("flag unresolved_trauma",),
                       alternative="Offer the eyes-open grounding instead."),)


def doc(audience="facilitator"):
    item = AgendaItem(item_id="i1", position=0, title="Visualisation", is_break=False, starts_at=START,
                      ends_at=START + timedelta(minutes=30), minutes=30, participant_summary="A gentle exercise.")
    plan = AgendaPlan(plan_id="p1", title="Day one", starts_at=START, ends_at=START + timedelta(minutes=30),
                      items=(item,), safety_note=NOTE)
    return AgendaDocument(practice_name="Practice", group_name="Group", group_kind="retreat", timezone="UTC",
                          location=None, audience=audience, paper="a4", generated_for_date=date(2027, 4, 1),
                          member_count=3, days=group_by_day([plan], "UTC"),
                          clearance=LINES if audience == "facilitator" else None,
                          member_safety=SAFETY if audience == "facilitator" else None,
                          safety_warnings=WARNINGS if audience == "facilitator" else ())


FACTS = ("Ada Brightwater", "Lena Lead", "AUDIT-C", "Cy Dunmore", "Eli Farrow", "expires_before_session",
         "trauma-informed", "eyes-open grounding", "status blocked")


@pytest.mark.parametrize("render", [render_html, render_markdown, lambda d: str(render_json(d))],
                         ids=["html", "md", "json"])
def test_the_facilitator_sees_every_safety_fact(render):
    text = render(doc())
    # The name-free safety line is for calendars (and JSON); the printed agenda has the status box instead.
    printed = render in (render_html, render_markdown)
    for fact in FACTS[:-1] if printed else FACTS:
        assert fact in text, fact


@pytest.mark.parametrize("render", [render_html, render_markdown], ids=["html", "md"])
def test_the_exclusion_and_its_alternative_print_under_the_item(render):
    text = render(doc())
    item = text.index("Visualisation", text.index("Day one"))  # the item's own row, after the status boxes
    assert "Ada does not take part" in text[item:] and "Instead: Offer the eyes-open grounding" in text[item:]


def test_json_member_safety_shape():
    view = render_json(doc())
    cy = next(m for m in view["member_safety"] if m["member_name"] == "Cy Dunmore")
    assert cy == {"member_name": "Cy Dunmore", "computed_outcome": "clear", "outcome": "defer", "override": None,
                  "crisis_hold": True, "findings": [], "expires_before_session": [], "notes": [],
                  "progress": [], "progress_chart": None, "recent_crisis": None}
    assert view["clearance"][0]["alternative"] == "Offer the eyes-open grounding instead."
    assert view["days"][0]["plans"][0]["safety_note"] == NOTE


def test_the_facilitators_calendar_gets_the_name_free_line_only():
    body = render_ics(doc(), detail_items=False).decode()
    event = next(iter(icalendar.Calendar.from_ical(body).walk("VEVENT")))
    assert "must not take part" in str(event["DESCRIPTION"])
    for name in ("Ada", "Cy Dunmore", "Eli", "AUDIT", "Lena"):
        assert name not in body


@pytest.mark.parametrize("render", [render_html, render_markdown, lambda d: str(render_json(d)),
                                    lambda d: render_ics(d, detail_items=False).decode()],
                         ids=["html", "md", "json", "ics"])
def test_participants_get_none_of_it(render):
    facilitator_days = doc().days  # even with safety notes on the plans, the participant view drops them
    participant = AgendaDocument(**{**{k: getattr(doc("participant"), k) for k in AgendaDocument.__slots__},
                                    "days": facilitator_days})
    text = render(participant)
    for fact in (*FACTS, "Member safety", "Safety check", "defer"):
        assert fact not in text, fact
