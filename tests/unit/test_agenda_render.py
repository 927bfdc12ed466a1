"""Agenda rendering (toolkit/agendas): HTML, PDF, Markdown, iCalendar, JSON; privacy and SSRF."""

import io
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pypdf
import pytest

from tests.factories import (
    ADAPTATION,
    BERLIN,
    ITEM_NOTE,
    MEMBER,
    PLAN_NOTE,
    PUBLIC_SUMMARY,
    REASON,
    SCRIPT,
    SECRETS,
    STEP,
    SUMMARY,
    make_doc,
    make_plan,
    retreat_plans,
)
from toolkit.agendas import pdf as agenda_pdf
from toolkit.agendas.document import (
    MEDIA_TYPES,
    STATIC_DIR,
    AgendaError,
    AgendaPlan,
    ClearanceLine,
    filename,
    group_by_day,
)
from toolkit.agendas.html import render_html, render_markdown
from toolkit.agendas.ics import render_ics
from toolkit.agendas.materials import materials_checklist
from toolkit.agendas.pdf import AssetRefused, SafeURLFetcher, render_pdf
from toolkit.agendas.render import render
from toolkit.agendas.view import render_json


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


TIME_RANGE = re.compile(r"(\d\d:\d\d)–(\d\d:\d\d)")


# --------------------------------------------------------------------------------------------------
# Model and builders
# --------------------------------------------------------------------------------------------------


def test_group_by_day_sorts_and_labels_days():
    days = group_by_day(retreat_plans(), "Europe/Berlin")
    assert [d.label for d in days] == ["Day 1 · Saturday 3 April 2027", "Day 2 · Sunday 4 April 2027"]
    assert [[p.plan_id for p in d.plans] for d in days] == [["p1", "p2"], ["p3"]]
    assert days[0].date == date(2027, 4, 3)


def test_group_by_day_uses_the_group_zone_and_first_date():
    late = AgendaPlan(
        plan_id="late",
        title="Late",
        starts_at=datetime(2027, 4, 2, 22, 30, tzinfo=UTC),
        ends_at=datetime(2027, 4, 2, 23, 30, tzinfo=UTC),
    )
    # 22:30 UTC is already 00:30 on Saturday in Berlin, but still Friday in New York.
    assert group_by_day([late], "Europe/Berlin")[0].date == date(2027, 4, 3)
    assert group_by_day([late], "America/New_York")[0].label == "Day 1 · Friday 2 April 2027"
    numbered = group_by_day([late], "Europe/Berlin", first_date=date(2027, 4, 1))
    assert numbered[0].label.startswith("Day 3 · Saturday")
    assert group_by_day([], "Europe/Berlin") == ()


def test_materials_checklist_multiplies_and_deduplicates():
    lines = {m.name: m for m in materials_checklist(make_doc())}
    assert list(lines) == ["Name tags", "Bell", "Paper", "Pens", "Tissues"]
    assert lines["Name tags"].total == 6 and lines["Name tags"].per_participant
    # "Paper" x2 per participant in the letter and "paper" x1 in the photo module: one line, 12 sheets.
    assert lines["Paper"].total == 12
    assert lines["Paper"].used_in == ("Letter to your younger self", "Childhood photo reflection")
    assert lines["Bell"].total == 1 and not lines["Bell"].per_participant
    assert lines["Tissues"].label == "3"
    assert lines["Pens"].label == "6 (1 per participant)"
    unknown = {m.name: m for m in materials_checklist(make_doc(member_count=0))}
    assert unknown["Paper"].total is None and unknown["Paper"].label == "2 per participant"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"audience": "therapist"}, "audience"),
        ({"paper": "a3"}, "paper"),
        ({"timezone": "Mars/Base"}, "timezone"),
        ({"member_count": -1}, "member_count"),
        ({"group_kind": "crowd"}, "group_kind"),
    ],
)
def test_document_validation(changes, message):
    with pytest.raises(AgendaError, match=message):
        make_doc(**changes)


def test_naive_times_and_bad_verdicts_are_rejected():
    with pytest.raises(AgendaError):
        AgendaPlan(
            plan_id="x", title="x", starts_at=datetime(2027, 1, 1, 9), ends_at=datetime(2027, 1, 1, 10)
        )
    with pytest.raises(AgendaError):
        ClearanceLine(member_name="a", plan_title=None, item_title=None, verdict="maybe")


@pytest.mark.parametrize(
    ("group_name", "audience", "ext", "expected"),
    [
        ("Spring Retreat", "facilitator", "pdf", "spring-retreat-2027-04-03-agenda.pdf"),
        ("Spring Retreat", "participant", ".ICS", "spring-retreat-2027-04-03-participant-agenda.ics"),
        ('Grüße / "Ängste" & Co.\r\n', "facilitator", "md", "grusse-angste-co-2027-04-03-agenda.md"),
        ("../../etc/passwd", "facilitator", "html", "etc-passwd-2027-04-03-agenda.html"),
        (None, "facilitator", "json", "session-2027-04-03-agenda.json"),
        ("🙂🙂", "facilitator", "pdf", "session-2027-04-03-agenda.pdf"),
    ],
)
def test_filename(group_name, audience, ext, expected):
    assert filename(make_doc(group_name=group_name, audience=audience), ext) == expected


def test_filename_uses_generated_date_when_empty_and_rejects_odd_extensions():
    empty = make_doc(plans=[])
    assert filename(empty, "pdf") == "spring-retreat-2027-04-01-agenda.pdf"
    long_name = filename(make_doc(group_name="x" * 500), "pdf")
    assert len(long_name) < 100
    with pytest.raises(AgendaError):
        filename(empty, "p/df")


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------


def test_html_facilitator_shows_everything_in_order():
    html = render_html(make_doc())
    head = html[html.index("<body") :]
    assert head.index("Willow Tree Therapy") < head.index("Spring Retreat") < head.index('class="status ')
    body = html[html.index('<section class="day">') :]  # the cover's status box names items too
    order = [
        "Day 1 · Saturday 3 April 2027",
        "Saturday morning",
        "Arrival check-in",
        "Letter to your younger self",
        "Tea break",
        "Closing circle",
        "Saturday afternoon",
        "Day 2 · Sunday 4 April 2027",
        "Sunday morning",
        "Materials checklist",
        "Clearance summary",
    ]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    for text in (SCRIPT, STEP, SUMMARY, ITEM_NOTE, PLAN_NOTE, MEMBER, REASON, ADAPTATION):
        assert text.replace("'", "&#39;") in html
    assert "09:00–09:20" in html and "09:20–10:05" in html and "10:05–10:20" in html
    assert "<td class=\"dur\">45</td>" in html
    assert '<tr class="break">' in html
    assert "☐" in html and "12 (2 per participant)" in html
    assert 'class="verdict-exclude"' not in html and "Blocked: no group work" in html
    assert "@page { size: A4; }" in html
    assert 'Page " counter(page) " of " counter(pages)' in html


def test_html_has_no_external_references():
    html = render_html(make_doc())
    css = (STATIC_DIR / "agenda.css").read_text()
    for text in (html, css):
        assert "http://" not in text and "https://" not in text
        assert "@import" not in text and "url(" not in text and "@font-face" not in text
    assert "sans-serif" in css


def test_html_escapes_user_text():
    evil = '<img src="http://169.254.169.254/latest/meta-data/"><script>alert(1)</script>'
    plan = make_plan(
        "evil",
        f"Title {evil}",
        datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN),
        [("open", 10)],
        notes=evil,
        item_notes={0: evil},
    )
    html = render_html(make_doc(plans=[plan], group_name=evil, location=evil))
    assert "<img" not in html and "<script>alert" not in html
    assert "&lt;img src=&#34;http://169.254.169.254/latest/meta-data/&#34;&gt;" in html


@pytest.mark.parametrize(("paper", "size"), [("a4", "A4"), ("letter", "letter")])
def test_html_page_size_follows_paper(paper, size):
    html = render_html(make_doc(paper=paper))
    assert f"@page {{ size: {size}; }}" in html


def test_html_participant_has_no_clinical_data():
    html = render_html(make_doc(audience="participant"))
    for secret in SECRETS:
        assert secret not in html
    assert "Clearance" not in html and "Script" not in html
    assert PUBLIC_SUMMARY in html and "Bring a photo of yourself as a child." in html
    assert "What we will use" in html and "Paper (2 each)" in html
    assert "Participant agenda" in html and "confidential" not in html


def test_empty_documents_render_a_friendly_message():
    empty = make_doc(plans=[], clearance=None)
    html = render_html(empty)
    assert empty.empty_message in html and "Day 1" not in html
    assert empty.empty_message in render_markdown(empty)
    assert render_json(empty)["is_empty"] is True
    no_items = AgendaPlan(
        plan_id="blank",
        title="Blank session",
        starts_at=datetime(2027, 4, 3, 9, tzinfo=BERLIN),
        ends_at=datetime(2027, 4, 3, 9, tzinfo=BERLIN),
    )
    doc = make_doc(plans=[no_items], clearance=None, audience="participant")
    html = render_html(doc)
    assert "Blank session" in html and "Nothing is planned for this session yet." in html
    assert doc.empty_message in html
    assert "Nothing is planned for this session yet." in render_markdown(doc)
    cal = icalendar.Calendar.from_ical(render_ics(doc, detail_items=True))
    assert list(cal.walk("VEVENT")) == []


# --------------------------------------------------------------------------------------------------
# Markdown and JSON
# --------------------------------------------------------------------------------------------------


def test_markdown_facilitator_and_participant():
    md = render_markdown(make_doc())
    assert md.startswith("# Spring Retreat\n")
    assert "## Day 1 · Saturday 3 April 2027" in md and "### Saturday morning (09:00–10:40, 100 min)" in md
    assert "| 10:05–10:20 | 15 | _Break:_ Tea break |" in md  # the run sheet
    assert "- [ ] **Paper**: 12 (2 per participant)" in md
    assert "## Clearance summary" in md and MEMBER in md
    participant = render_markdown(make_doc(audience="participant"))
    for secret in SECRETS:
        assert secret not in participant
    assert PUBLIC_SUMMARY in participant and "- [ ] Paper (2 each)" in participant
    assert "| 10:05–10:20 | 15 min | _Break:_ Tea break |" in participant


def test_markdown_escapes_user_text():
    plan = make_plan(
        "md",
        "# [click](javascript:alert(1)) <b>bold</b> | pipe",
        datetime(2027, 4, 3, 9, tzinfo=BERLIN),
        [("open", 10)],
    )
    md = render_markdown(make_doc(plans=[plan]))
    assert r"\[click\](javascript:alert(1)) &lt;b&gt;bold&lt;/b&gt; \| pipe" in md
    assert "<b>" not in md and "[click]" not in md


def test_json_views():
    data = render_json(make_doc())
    plan = data["days"][0]["plans"][0]
    assert plan["starts_at"] == "2027-04-03T09:00:00+02:00"
    assert plan["notes"] == PLAN_NOTE
    assert plan["items"][1]["facilitator_script"] == SCRIPT
    assert data["clearance"][0]["member_name"] == MEMBER
    participant = render_json(make_doc(audience="participant"))
    text = repr(participant)
    for secret in SECRETS:
        assert secret not in text
    assert "clearance" not in participant
    item = participant["days"][0]["plans"][0]["items"][1]
    assert set(item) == {
        "item_id",
        "position",
        "title",
        "is_break",
        "starts_at",
        "ends_at",
        "minutes",
        "category",
        "participant_summary",
    }
    assert item["participant_summary"] == PUBLIC_SUMMARY


def test_render_dispatch():
    doc = make_doc()
    body, media = render(doc, "md")
    assert media == MEDIA_TYPES["md"] and body.startswith(b"# Spring Retreat")
    assert render(doc, "json")[0]["group_name"] == "Spring Retreat"
    assert render(doc, "ics", detail_items=True)[1].startswith("text/calendar")
    with pytest.raises(AgendaError):
        render(doc, "docx")


# --------------------------------------------------------------------------------------------------
# iCalendar
# --------------------------------------------------------------------------------------------------


def events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_ics_one_event_per_plan_with_tzid_and_stable_uids():
    doc = make_doc()
    first = render_ics(doc, detail_items=False)
    second = render_ics(doc, detail_items=False)
    cal = icalendar.Calendar.from_ical(first)
    evs = events(first)
    assert [str(e["UID"]) for e in evs] == [
        "plan-p1@inner-child-toolkit",
        "plan-p2@inner-child-toolkit",
        "plan-p3@inner-child-toolkit",
    ]
    assert [str(e["UID"]) for e in events(second)] == [str(e["UID"]) for e in evs]
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Berlin"]
    assert cal.get_missing_tzids() == set()
    sat = evs[0]
    assert sat["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert sat.decoded("DTSTART") == datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN)
    assert sat.decoded("DTEND") == datetime(2027, 4, 3, 10, 40, tzinfo=BERLIN)
    assert str(sat["SUMMARY"]) == "Saturday morning"
    assert str(sat["LOCATION"]) == "Lakeside House, Room 2"
    description = str(sat["DESCRIPTION"])
    assert "Letter to your younger self" in description and PUBLIC_SUMMARY in description
    assert "Tea break" in description
    for secret in SECRETS:
        assert secret not in first.decode()
    stamp = datetime(2027, 3, 1, 12, tzinfo=UTC)
    assert render_ics(doc, detail_items=False, dtstamp=stamp) == render_ics(
        doc, detail_items=False, dtstamp=stamp
    )


def test_ics_detail_items_skips_breaks():
    data = render_ics(make_doc(), detail_items=True)
    evs = events(data)
    uids = [str(e["UID"]) for e in evs]
    assert uids[:3] == [
        "item-p1-i0@inner-child-toolkit",
        "item-p1-i1@inner-child-toolkit",
        "item-p1-i3@inner-child-toolkit",
    ]
    assert len(uids) == 3 + 3 + 3 and "item-p1-i2@inner-child-toolkit" not in uids
    letter = evs[1]
    assert str(letter["SUMMARY"]) == "Letter to your younger self"
    assert str(letter["DESCRIPTION"]) == PUBLIC_SUMMARY
    assert letter.decoded("DTSTART") == datetime(2027, 4, 3, 9, 20, tzinfo=BERLIN)
    assert letter.decoded("DTEND") == datetime(2027, 4, 3, 10, 5, tzinfo=BERLIN)
    assert (
        render_ics(make_doc(), detail_items=True, dtstamp=datetime(2027, 1, 1, tzinfo=UTC)).count(
            b"BEGIN:VEVENT"
        )
        == 9
    )
    for secret in SECRETS:
        assert secret not in data.decode()


@pytest.mark.parametrize(
    ("tz", "start", "expected_ends"),
    [
        # Spring forward: 01:30 + 60 min elapsed = 03:30 local (CEST).
        ("Europe/Berlin", datetime(2027, 3, 28, 1, 30), [(3, 30, 2), (3, 45, 2)]),
        # Fall back: 00:30 EDT + 60 min = 01:30 EDT; + 15 more = 01:45 EDT ... then the clock repeats.
        ("America/New_York", datetime(2027, 11, 7, 0, 30), [(1, 30, -4), (1, 45, -4)]),
        # 01:00 EDT + 60 min = 01:00 EST: the repeated wall time is written in UTC so it stays distinct.
        ("America/New_York", datetime(2027, 11, 7, 1, 0), [(1, 0, -5), (1, 15, -5)]),
    ],
)
def test_ics_times_across_dst(tz, start, expected_ends):
    zone = ZoneInfo(tz)
    plan = make_plan("dst", "Night vigil", start.replace(tzinfo=zone), [("photo", 60), ("close", 15)], tz=tz)
    data = render_ics(make_doc(plans=[plan], tz=tz), detail_items=True)
    cal = icalendar.Calendar.from_ical(data)
    assert [t.tz_name for t in cal.timezones] == [tz]
    evs = events(data)
    assert evs[0]["DTSTART"].params["TZID"] == tz
    for event, (hour, minute, offset) in zip(evs, expected_ends, strict=True):
        end = event.decoded("DTEND").astimezone(zone)
        assert (end.hour, end.minute) == (hour, minute)
        assert end.utcoffset() == timedelta(hours=offset)
        if offset == -5 and (hour, minute) < (2, 0):  # second 01:xx of the night
            assert "TZID" not in event["DTEND"].params and event.decoded("DTEND").utcoffset() == timedelta(0)
        else:
            assert event["DTEND"].params["TZID"] == tz

    # Elapsed lengths survive the round trip through the calendar file (compare instants in UTC).
    def utc(event, key):
        return event.decoded(key).astimezone(UTC)

    assert utc(evs[0], "DTEND") - utc(evs[0], "DTSTART") == timedelta(minutes=60)
    assert utc(evs[1], "DTSTART") == utc(evs[0], "DTEND")
    assert utc(evs[1], "DTEND") - utc(evs[1], "DTSTART") == timedelta(minutes=15)


# --------------------------------------------------------------------------------------------------
# URL fetcher (SSRF)
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1/",
        "https://example.com/font.woff2",
        "ftp://127.0.0.1/x",
        "gopher://127.0.0.1:6379/_INFO",
        f"file://{STATIC_DIR}/../render.py",
        f"file://{STATIC_DIR}/../../../../etc/passwd",
        f"file://evil.example.com{STATIC_DIR}/agenda.css",
        "toolkit-asset:../render.py",
        "toolkit-asset:missing.css",
        "javascript:alert(1)",
    ],
)
def test_url_fetcher_refuses(url):
    with pytest.raises(AssetRefused):
        SafeURLFetcher()(url)


@pytest.mark.parametrize(
    "url", ["toolkit-asset:agenda.css", "toolkit-asset:///agenda.css", (STATIC_DIR / "agenda.css").as_uri()]
)
def test_url_fetcher_serves_bundled_assets(url):
    response = SafeURLFetcher()(url)
    try:
        assert b"@page" in response.read()
        assert response.content_type == "text/css"
    finally:
        response.close()


def test_url_fetcher_allows_data_urls():
    response = SafeURLFetcher()("data:text/plain;base64,aGVsbG8=")
    try:
        assert response.read() == b"hello"
    finally:
        response.close()


# --------------------------------------------------------------------------------------------------
# PDF (each render is ~0.3 s: five in this file)
# --------------------------------------------------------------------------------------------------


@pytest.fixture
def fetched(monkeypatch):
    """Record every URL WeasyPrint asks the fetcher for, and what happened."""
    calls: list[tuple[str, str]] = []
    original = SafeURLFetcher.fetch
    fonts = ("toolkit-asset:fonts.css", "toolkit-asset:fonts/")

    def recording(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except Exception as exc:
            calls.append((url, type(exc).__name__))
            raise
        if not url.startswith(fonts):  # the bundled font is always fetched (served), anything else is news
            calls.append((url, "served"))
        return response

    monkeypatch.setattr(SafeURLFetcher, "fetch", recording)
    return calls


def test_pdf_facilitator_a4(fetched):
    reader, text = pdf_text(render_pdf(make_doc()))
    assert fetched == []
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    pages = len(reader.pages)
    assert pages >= 3  # day 1, day 2, materials checklist
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in reader.pages[n - 1].extract_text()
    first = reader.pages[0].extract_text()
    assert "Willow Tree Therapy" in first and "Spring Retreat" in first
    for title in (
        "Saturday morning",
        "Letter to your younger self",
        "Tea break",
        "Sunday morning",
        "Materials checklist",
        "Clearance summary",
        SCRIPT,
        "Zelda",
        REASON[:12],
    ):
        assert title in text
    assert text.index("Saturday morning") < text.index("Saturday afternoon") < text.index("Sunday morning")
    day1 = text[text.index("Day 1") : text.index("Day 2")]
    starts = [m.group(1) for m in TIME_RANGE.finditer(day1)]
    assert starts[:6] == ["09:00", "09:00", "09:20", "10:05", "10:20", "14:00"]
    assert sorted(starts[2:]) == starts[2:]


def test_pdf_participant_letter(fetched):
    reader, text = pdf_text(render_pdf(make_doc(audience="participant", paper="letter")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    for secret in SECRETS:
        assert secret not in text
    assert PUBLIC_SUMMARY in text and "Page 1 of" in text
    assert fetched == []


def test_pdf_user_markup_is_escaped_and_never_fetched(fetched):
    evil = '<img src="http://127.0.0.1/pixel.png"><link rel="stylesheet" href="file:///etc/passwd">'
    plan = make_plan(
        "evil",
        "Evil <img src='http://169.254.169.254/'>",
        datetime(2027, 4, 3, 9, tzinfo=BERLIN),
        [("open", 10)],
        notes=evil,
        item_notes={0: evil},
    )
    _, text = pdf_text(render_pdf(make_doc(plans=[plan])))
    assert fetched == []
    assert '<img src="http://127.0.0.1/pixel.png">' in text  # shown as text, not loaded


def test_pdf_raw_html_urls_go_through_the_safe_fetcher(fetched):
    # Even if markup slipped past escaping, the fetcher is the last line of defence.
    html = (
        "<html><head><link rel='stylesheet' href='file:///etc/passwd'>"
        "<link rel='stylesheet' href='agenda.css'></head><body><p>hello</p>"
        "<img src='http://169.254.169.254/latest/meta-data/'><img src='http://127.0.0.1/'>"
        "<img src='https://example.com/x.png'></body></html>"
    )
    _, text = pdf_text(agenda_pdf.write_pdf(html))
    assert "hello" in text
    outcome = dict(fetched)
    assert outcome["file:///etc/passwd"] == "AssetRefused"
    assert outcome["http://169.254.169.254/latest/meta-data/"] == "AssetRefused"
    assert outcome["http://127.0.0.1/"] == "AssetRefused"
    assert outcome["https://example.com/x.png"] == "AssetRefused"
    assert outcome[(STATIC_DIR / "agenda.css").resolve().as_uri()] == "served"  # relative to the static base


def test_pdf_empty_document(fetched):
    doc = make_doc(plans=[], clearance=None)
    reader, text = pdf_text(render_pdf(doc))
    assert len(reader.pages) == 1
    assert "Nothing is planned yet." in text and "Page 1 of 1" in text
