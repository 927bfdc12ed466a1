"""Injection and bad input (issue 15): ICS text values, the Markdown handout in a linkifying renderer, long
titles through clone, deeply nested JSON and lone surrogates: a clear 4xx or a safe document, never a 500."""

import json
from html.parser import HTMLParser

import icalendar
import pytest
from markdown_it import MarkdownIt

from tests.helpers import assert_error

API = "/api/v1"
PAYLOADS = [
    "www.example.org\\<img src=x onerror=alert(1)//>",
    "<img src=x onerror=alert(2)>",
    "https://example.org/<svg onload=alert(3)>",
    "[x](javascript:alert(4)) & <b onmouseover=alert(5)>hi</b>",
    "`code` *star* _under_ <script>alert(6)</script>",
]


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture
def hostile_plan(client, admin, create_group):
    group = create_group(name="Line one\nLine two\r\x07bell\x1b[31m", location="Room 1\n\x0bAnnex;, back\x7f",
                         kind="retreat", capacity=5)
    items = [{"module_id": None, "minutes": 10, "title": text} for text in PAYLOADS]
    r = client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "Evening\nsession " + PAYLOADS[0], "group_id": group["id"], "notes": PAYLOADS[1],
        "starts_at": "2027-04-01T18:00:00+02:00", "items": items})
    assert r.status_code == 201, r.get_json()
    return group, r.get_json()


def test_ics_with_control_characters_parses(client, admin, hostile_plan):
    group, plan = hostile_plan
    for url in (f"{API}/groups/{group['id']}/agenda", f"{API}/plans/{plan['id']}/agenda"):
        for detail in ("plans", "items"):
            r = client.get(url, headers=admin["headers"], query_string={"format": "ics", "detail": detail})
            assert r.status_code == 200, r.get_data(as_text=True)[:300]
            cal = icalendar.Calendar.from_ical(r.data)
            assert "\n" not in str(cal["X-WR-CALNAME"]) and "\x07" not in str(cal["X-WR-CALNAME"])
            events = cal.walk("VEVENT")
            assert events or detail == "items"  # every item is a break: one event per plan only
            for event in events:
                for key in ("SUMMARY", "LOCATION"):
                    text = str(event.get(key, ""))
                    assert not any(ord(c) < 32 for c in text), (key, text)
            for line in r.data.split(b"\r\n"):
                assert not any(b < 32 and b != 9 for b in line), line


@pytest.mark.parametrize("audience", ["participant", "facilitator"])
def test_markdown_agenda_has_no_live_html_in_markdown_it_with_linkify(client, admin, hostile_plan, audience):
    group, _ = hostile_plan
    r = client.get(f"{API}/groups/{group['id']}/agenda", headers=admin["headers"],
                   query_string={"format": "md", "audience": audience})
    assert r.status_code == 200
    source = r.get_data(as_text=True)
    assert "<img" not in source and "&lt;img" in source
    renderer = MarkdownIt("gfm-like")  # raw HTML on, linkify on
    assert renderer.options["html"] and renderer.options["linkify"]
    parser = Tags()
    parser.feed(renderer.render(source))
    for tag, attrs in parser.tags:
        assert tag not in ("img", "svg", "script", "b"), (tag, attrs)
        assert not [a for a in attrs if a.lower().startswith("on")], (tag, attrs)
        assert not attrs.get("href", "").lower().startswith("javascript:"), attrs


def test_cloning_a_plan_with_a_200_character_title_fits(client, admin, create_group):
    group = create_group(name="Clones", kind="retreat", capacity=5)
    title = "T" * 200
    r = client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": title, "group_id": group["id"], "starts_at": "2027-04-01T18:00:00+02:00", "items": []})
    assert r.status_code == 201
    copy = client.post(f"{API}/plans/{r.get_json()['id']}/clone", headers=admin["headers"], json={})
    assert copy.status_code == 201, copy.get_json()
    body = copy.get_json()
    assert len(body["title"]) == 200 and body["title"].endswith("… (copy)")
    again = client.get(f"{API}/plans/{body['id']}", headers=admin["headers"]).get_json()
    assert again["title"] == body["title"]


def test_deeply_nested_json_is_400(client, admin):
    for depth in (40, 5000, 100_000):
        body = "[" * depth + "]" * depth
        r = client.post(f"{API}/participants", headers={**admin["headers"], "Content-Type": "application/json"},
                        data=body)
        assert_error(r, 400)
    nested = {"display_name": "Deep"}
    for _ in range(40):
        nested = {"x": nested}
    assert_error(client.post(f"{API}/participants", headers=admin["headers"], json=nested), 400)


def test_lone_surrogates_are_422_never_500(client, admin, create_participant):
    person = create_participant()
    headers = {**admin["headers"], "Content-Type": "application/json"}
    for body in ('{"display_name": "Pat \\ud800"}', '{"display_name": "x", "\\udfff": 1}',
                 '{"display_name": "\\udc80\\ud800"}'):
        r = client.post(f"{API}/participants", headers=headers, data=body)
        assert "surrogate" in json.dumps(assert_error(r, 422)["errors"]), body
    r = client.get(f"{API}/participants", headers=admin["headers"], query_string="search=%ED%A0%80")
    assert r.status_code in (200, 422)
    r = client.get(f"{API}/participants/%ED%A0%80", headers=admin["headers"])
    assert_error(r, 404)
    tag = client.get(f"{API}/participants/{person['id']}", headers=admin["headers"]).headers["ETag"]
    r = client.patch(f"{API}/participants/{person['id']}", headers={**headers, "If-Match": tag},
                     data='{"display_name": "\\ud83d"}')
    assert_error(r, 422)
