"""Agenda content and layout rules of issue 18 (toolkit/agendas): the status box, adaptations under their
items, an empty group, the handout's welcome, placeholders, links, DRAFT, the run-sheet detail, colour
contrast and font sizes of the stylesheet, the bundled font, and Markdown parsed with markdown-it-py."""

import io
import re
from dataclasses import replace
from datetime import date, datetime

import pypdf
import pytest
from markdown_it import MarkdownIt

from tests.factories import BERLIN, CLEARANCE, MEMBER, make_doc, make_plan
from toolkit.agendas.document import STATIC_DIR, AgendaItem, ClearanceLine, Facilitator, MemberSafety
from toolkit.agendas.html import linkify, render_html, render_markdown
from toolkit.agendas.pdf import render_pdf
from toolkit.agendas.sheets import fill_placeholders, status_box
from toolkit.agendas.view import audience_view, render_json

ADAPT = "Keep your eyes open and feet on the floor."
LINES = (
    ClearanceLine(member_name="Zoe Adapted", plan_title="Saturday morning", item_title="Letter to your younger self",
                  verdict="adapt", adaptation=ADAPT,
                  reasons=(f"flag dissociation: module 'Letter to your younger self' must be adapted: {ADAPT}",)),
    ClearanceLine(member_name="Xavier Excluded", plan_title="Saturday morning",
                  item_title="Letter to your younger self", verdict="exclude", alternative="Quiet drawing nearby.",
                  reasons=("flag unresolved_trauma",)),
    ClearanceLine(member_name="Yusuf Blocked", plan_title=None, item_title=None, verdict="blocked",
                  reasons=("Screening outcome defer.",)),
    ClearanceLine(member_name="Una Unscreened", plan_title="Saturday morning", item_title=None,
                  verdict="unscreened", reasons=("expires_before_session",)),
)
FACILITATORS = (Facilitator(facilitator_id="f1", name="Mira Lead", trauma_informed=True),
                Facilitator(facilitator_id="f2", name="Ольга Αλεξίου 😀"))


def md_tokens(text):
    return MarkdownIt("commonmark").enable("table").parse(text)


# --- status box and adaptations ---------------------------------------------------------------------


def test_status_box_puts_blocked_and_unscreened_people_first_with_the_reason():
    box = status_box(make_doc(clearance=LINES))
    assert box["level"] == "blocked" and box["headline"].startswith("STOP: 2 members must not take part")
    assert [p["member_name"] for p in box["people"]] == ["Yusuf Blocked", "Una Unscreened", "Xavier Excluded",
                                                        "Zoe Adapted"]
    assert box["people"][0]["reasons"] == ["Screening outcome defer."]
    assert box["people"][3]["reasons"] == ["flag dissociation"]  # the adaptation is printed under the item


def test_session_status_boxes_only_name_that_sessions_people():
    doc = make_doc(clearance=LINES)
    afternoon = next(p for p in doc.plans if p.title == "Saturday afternoon")
    box = status_box(doc, afternoon)
    assert [p["member_name"] for p in box["people"]] == ["Yusuf Blocked"]  # blocked for every session


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_adaptations_print_under_the_item_and_reasons_do_not_repeat_them(render):
    text = render(make_doc(clearance=LINES))
    run_sheet = text[text.index("Run sheet"):]
    item = run_sheet.index("Letter to your younger self")
    assert run_sheet.index("Adapt for Zoe", item) < run_sheet.index("Tea break")
    assert "Xavier does not take part" in run_sheet and "Instead: Quiet drawing nearby." in run_sheet
    assert text.count(ADAPT) == 3  # run sheet, details, the summary table's Adaptation column; not in Reasons
    assert f"must be adapted: {ADAPT}" not in text


def test_an_empty_group_says_so_and_never_claims_everyone_is_cleared():
    doc = make_doc(clearance=(), member_count=0, member_safety=())
    assert status_box(doc)["level"] == "empty"
    for text in (render_html(doc), render_markdown(doc)):
        assert "This group has no members yet" in text
        assert "Every member is cleared" not in text and "All 0 members" not in text
    cleared = make_doc(clearance=())
    assert "All 6 members are cleared for every item." in render_html(cleared)


def test_a_plan_without_a_group_has_no_status_box():
    doc = make_doc(clearance=None, group_name=None, group_kind=None)
    assert status_box(doc) is None and render_json(doc)["status"] is None
    assert 'class="status ' not in render_html(doc)


# --- facilitators, leads, handout -------------------------------------------------------------------


def test_facilitators_and_leads_are_printed_when_known():
    plans = [make_plan("p1", "Saturday morning", datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN), [("letter", 45)])]
    item = replace(plans[0].items[0], lead=FACILITATORS[0])
    plans[0] = replace(plans[0], items=(item,))
    doc = make_doc(plans=plans, facilitators=FACILITATORS)
    html = render_html(doc)
    cover = html[: html.index('<section class="day">')]
    assert "Mira Lead (trauma-informed)" in cover and "Ольга Αλεξίου 😀" in cover
    assert '<td class="lead" data-label="Lead">Mira Lead</td>' in html and "led by Mira Lead" in html
    assert render_json(doc)["days"][0]["plans"][0]["items"][0]["lead"]["name"] == "Mira Lead"
    participant = render_json(make_doc(plans=plans, facilitators=FACILITATORS, audience="participant"))
    assert participant["facilitators"] == [{"name": "Mira Lead"}, {"name": "Ольга Αλεξίου 😀"}]
    assert "lead" not in participant["days"][0]["plans"][0]["items"][0]


def test_the_handout_has_a_welcome_the_contact_and_a_box_for_when_it_gets_too_much():
    contact = "Call 01234 567890; out of hours the Samaritans-style line 116 123."
    doc = make_doc(audience="participant", clearance=None, facilitators=FACILITATORS, contact=contact,
                   group_description="Three gentle days together.")
    for text in (render_html(doc), render_markdown(doc)):
        assert "Welcome to Spring Retreat" in text and "Three gentle days together." in text
        assert "Mira Lead" in text and "trauma-informed" not in text
        assert "If it gets too much" in text and "step out" in text and "Tell a facilitator" in text
        assert "116 123" in text
        assert MEMBER not in text and "Zelda" not in text


# --- placeholders, links, DRAFT, run-sheet detail ---------------------------------------------------


def test_script_placeholders_are_filled_where_the_data_is_known():
    plan = make_plan("p1", "Saturday morning", datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN),
                     [("open", 20), ("letter", 45), (None, 15), ("close", 20)])
    script = "Today is [date], in [place]. [co-facilitator] is here; a pause at [break time]. Go to [quiet space]."
    items = list(plan.items)
    items[1] = replace(items[1], facilitator_script=script, lead=FACILITATORS[0])
    items[3] = replace(items[3], facilitator_script=script)  # no lead: the co-facilitator is unknown
    doc = make_doc(plans=[replace(plan, items=tuple(items))], facilitators=FACILITATORS)
    view = audience_view(doc)["days"][0]["plans"][0]["items"]
    assert view[1]["facilitator_script"] == ("Today is Saturday 3 April 2027, in Lakeside House, Room 2. "
                                             "Ольга Αλεξίου 😀 is here; a pause at 10:05. Go to [quiet space].")
    assert "[co-facilitator] is here" in view[3]["facilitator_script"]
    unknown = audience_view(replace(doc, location=None))["days"][0]["plans"][0]["items"][1]
    assert "in [place]." in unknown["facilitator_script"]
    assert fill_placeholders("[date] [length]", {"date": "today"}) == "today [length]"


@pytest.mark.parametrize(("text", "html"), [
    ("see https://example.org/a?b=1&c=2.", 'see <a href="https://example.org/a?b=1&amp;c=2">'
                                          'https://example.org/a?b=1&amp;c=2</a>.'),
    ('x http://e.org/"><script>', 'x <a href="http://e.org/">http://e.org/</a>&#34;&gt;&lt;script&gt;'),
    ("javascript:alert(1) ftp://e.org data:text/html,x", "javascript:alert(1) ftp://e.org data:text/html,x"),
])
def test_urls_in_notes_become_links_safely(text, html):
    assert str(linkify(text)) == html


def test_notes_links_and_draft_in_the_html():
    plan = make_plan("p1", "Saturday morning", datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN), [("letter", 45)],
                     item_notes={0: "Order: https://example.org/x"})
    doc = make_doc(plans=[replace(plan, draft=True)])
    html = render_html(doc)
    assert '<a href="https://example.org/x">https://example.org/x</a>' in html
    assert '<span class="draft">DRAFT</span>' in html and "DRAFT · Saturday morning" in render_markdown(doc)
    assert render_json(doc)["days"][0]["plans"][0]["draft"] is True


def test_run_sheet_detail_leaves_scripts_steps_and_summaries_out():
    doc = replace(make_doc(), run_sheet_only=True)
    item = render_json(doc)["days"][0]["plans"][0]["items"][1]
    assert {"facilitator_script", "steps", "summary"}.isdisjoint(item) and "adaptations" in item
    html = render_html(doc)
    assert "FACSCRIPT" not in html and "STEPMARK" not in html and "Scripts and steps" not in html
    assert "Run sheet" in html and "Clearance summary" not in html


# --- stylesheet: contrast and sizes -----------------------------------------------------------------

CSS = (STATIC_DIR / "agenda.css").read_text(encoding="utf-8")


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the old grey notes of the issue


def test_every_text_colour_meets_wcag_aa_on_every_background():
    texts = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", CSS))
    backgrounds = {"#ffffff", *re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})", CSS)}
    assert len(texts) >= 5 and len(backgrounds) >= 3
    failing = [(t, b, round(contrast(t, b), 2)) for t in texts for b in backgrounds if contrast(t, b) < 4.5]
    assert not failing


def test_body_text_is_at_least_10_5pt_and_small_print_at_least_9pt():
    html_rule = re.search(r"\nhtml \{([^}]*)\}", CSS).group(1)
    assert float(re.search(r"font-size:\s*([\d.]+)pt", html_rule).group(1)) >= 10.5
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", CSS)]
    assert sizes and min(sizes) >= 9
    assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", CSS)  # every size in pt, so the check is complete


# --- bundled font ----------------------------------------------------------------------------------


def test_non_latin_names_and_an_emoji_print_with_the_bundled_font():
    safety = (MemberSafety(member_name="Ольга Αλεξίου 😀", outcome="clear", computed_outcome="clear"),)
    doc = make_doc(member_safety=safety, facilitators=FACILITATORS)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(doc)))
    text = reader.pages[0].extract_text()
    assert "Ольга" in text and "Αλεξίου" in text and "😀" in text
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in (page["/Resources"].get("/Font") or {}).values() if "/BaseFont" in f.get_object()}
    assert any("Agenda-Sans" in name for name in fonts)  # the bundled font (its @font-face family), embedded
    assert (STATIC_DIR / "fonts" / "LICENSE-DejaVu.txt").is_file()


# --- Markdown, parsed ------------------------------------------------------------------------------


def test_markdown_participant_materials_are_a_list_and_scripts_keep_their_paragraphs():
    participant = render_markdown(make_doc(audience="participant"))
    tokens = md_tokens(participant)
    heading = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "What we will use")
    rest = tokens[heading:]
    start = next(i for i, t in enumerate(rest) if t.type == "bullet_list_open")
    end = next(i for i, t in enumerate(rest) if t.type == "bullet_list_close")
    items = [t for t in rest[start:end] if t.type == "list_item_open"]
    # Only what participants bring or use (issue 18, point 4).
    assert len(items) == len(render_json(make_doc(audience="participant"))["materials"]) >= 2

    plan = make_plan("p1", "Saturday morning", datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN), [("letter", 45)])
    script = "First paragraph,\nwrapped for editing.\n\nSecond paragraph.\n\nThird *paragraph*."
    item: AgendaItem = replace(plan.items[0], facilitator_script=script)
    md = render_markdown(make_doc(plans=[replace(plan, items=(item,))]))
    paragraphs = [t.content for t in md_tokens(md) if t.type == "inline"]
    start = paragraphs.index("**Script:**")
    assert paragraphs[start + 1:start + 4] == ["First paragraph, wrapped for editing.", "Second paragraph.",
                                               r"Third \*paragraph\*."]
    html = MarkdownIt("commonmark").render(md)
    assert "<em>paragraph</em>" not in html and "Third *paragraph*." in html


def test_markdown_escaping_holds_in_tables_and_lists():
    evil = "<script>alert(1)</script> | *x* [l](javascript:x)"
    plan = make_plan("p1", evil, datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN), [("open", 10)], item_notes={0: evil})
    doc = make_doc(plans=[plan], clearance=CLEARANCE)
    html = MarkdownIt("commonmark").enable("table").render(render_markdown(doc))
    assert "<script>" not in html and 'href="javascript' not in html and "<em>x</em>" not in html
    rows = [t for t in md_tokens(render_markdown(doc)) if t.type == "tr_open"]
    assert rows  # the run sheet is a real table: a pipe in user text did not break it
    assert date(2027, 4, 3).isoformat() in render_markdown(doc)
