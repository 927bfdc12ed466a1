"""The demo retreat's agendas as a facilitator prints them (issue 18): the status box on page one, each day
opening with its run sheet, `?detail=run_sheet` at most two pages a day, no page with only a heading, no text
lost off the page, continuation pages naming their item, and the practice's contact on the handout.
Checked with pypdf on the text of the pages. The demo is built once per module (its PDFs take seconds)."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.factories import demo_retreat
from tests.helpers import assert_error

# One worker builds the module's demo fixture once (`--dist loadgroup`).
pytestmark = pytest.mark.xdist_group("agenda_demo_pdf")

DEMO_LOGIN = {"email": "demo-admin@example.org", "password": "demo-password-change-me"}
LONG_WORD = "order=day-2-letters-and-play-c5-envelopes-for-every-participant-8f3a9c2e7b1d"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _body(text: str) -> list[str]:
    """A page's text without the running header and footer lines (practice, group, continuation, page N)."""
    return [line for line in text.splitlines() if line.strip() and "Page " not in line
            and not line.startswith(("Demo Practice (fictional)", "Continued: "))]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The facilitator PDFs (full and run sheet only) and the participant PDF of the demo retreat, built with
    the same code the API uses, plus the demo's retreat document."""
    from toolkit.agendas.pdf import render_pdf

    with demo_retreat(tmp_path_factory.mktemp("demo") / "demo.db") as build:
        full, sheets, handout = build(), build(detail="run_sheet"), build("participant")
        return {"doc": full, "full": _pages(render_pdf(full)), "run_sheet": _pages(render_pdf(sheets)),
                "participant": _pages(render_pdf(handout)), "days": [d.label for d in full.days]}


def test_page_one_carries_the_status_box_blocked_people_first(demo):
    first = demo["full"][0]
    assert "Safety status: STOP" in first
    flat = " ".join(first.split())
    blocked, adapted = flat.index("KIT LATECOMER"), flat.index("Devon Testcase")
    assert blocked < adapted  # the unscreened member before the one who needs adaptations
    assert "Member safety" in first + demo["full"][1]  # after page 1's "What to do" boxes (issue 31)
    names = [f.name for f in demo["doc"].facilitators]
    for name in names:  # filled by the service (issue 18, point 3); the template prints each of them
        assert name in first


def test_each_day_opens_with_its_run_sheet_and_its_session_status(demo):
    pages = demo["full"]
    for label in demo["days"]:
        [start] = [n for n, text in enumerate(pages) if f"{label} · Run sheet" in text]
        sheet = pages[start]
        assert "Time Min Item Lead Materials Notes" in sheet
        assert "STOP: 2 members must not take part" in sheet  # the session's own status box
        assert "What to do if Morgan Holdexample comes" in sheet  # issue 31: the short box on the run sheet
        details = next(n for n, text in enumerate(pages) if f"{label} · Scripts and steps" in text)
        assert start < details <= start + 2  # a run sheet of one or two pages, then the scripts


def test_run_sheet_detail_is_at_most_two_pages_a_day_without_scripts(demo):
    pages = demo["run_sheet"]
    text = "\n".join(pages)
    assert "Scripts and steps" not in text and "Before we start the work itself" not in text
    assert all(f"{label} · Run sheet" in text for label in demo["days"])
    assert "Adapt for Devon" in text  # adaptations stay, under their items
    starts = [next(n for n, page in enumerate(pages) if f"{label} · Run sheet" in page) for label in demo["days"]]
    end = next(n for n, page in enumerate(pages) if "Materials checklist" in page)
    for start, following in zip(starts, [*starts[1:], end], strict=True):
        assert following - start <= 2  # each day's run sheet is at most two pages (issue 31: with its box)


@pytest.mark.parametrize("which", ["full", "run_sheet", "participant"])
def test_no_page_is_only_a_heading(demo, which):
    for number, text in enumerate(demo[which], start=1):
        body = _body(text)
        words = sum(len(line.split()) for line in body)
        assert len(body) >= 3 and words >= 12, f"page {number} has no body text: {body}"


def test_a_long_unbroken_word_wraps_instead_of_being_clipped(demo):
    for which in ("full", "run_sheet"):
        joined = "".join("".join(demo[which]).split())  # wrapped pieces join up again without whitespace
        assert LONG_WORD in joined, which
        assert "https://supplies.example.org/retreat/spring-2027/envelopes?" in joined


def test_continuation_pages_name_the_item_that_continues(demo):
    pages = demo["full"]
    continued = [re.search(r"Continued: (\d\d:\d\d · [^\n]+)", text) for text in pages]
    assert sum(1 for m in continued if m) >= 3
    for number, match in enumerate(continued):
        if match:  # that item's heading is on an earlier page, and this page does not start a new one first
            title = match.group(1).split(" · ", 1)[1].strip()
            assert any(title[:20] in earlier for earlier in pages[:number]), title


def test_no_item_title_is_stranded_at_a_page_bottom(demo):
    for number, text in enumerate(demo["full"], start=1):
        body = _body(text)
        if body:
            assert not re.fullmatch(r"\d\d:\d\d · .+", body[-1].strip()), f"page {number} ends with a heading"


def test_footer_shows_the_print_date_and_the_session_dates_apart(demo):
    doc = demo["doc"]
    for text in demo["full"]:
        assert "Printed " in text and "Sessions " in text
    assert doc.printed_on is not None and doc.printed_on != doc.days[0].date


def test_draft_plans_are_marked(demo):
    text = "\n".join(demo["full"])
    assert "DRAFT" in text and text.count("DRAFT") >= 2  # Day 3 is a draft in the demo: run sheet and details
    assert "DRAFT  Day 1" not in text


def test_the_handout_welcomes_names_the_contact_and_has_no_clinical_data(demo):
    text = "\n".join(demo["participant"])
    assert "Welcome to Spring inner child retreat" in text
    assert "Three gentle days for adults" in text  # the group's description
    assert "hello@example.org" in text  # the practice's contact
    assert "If it gets too much" in text and "step out" in text
    for secret in ("Devon", "Kit Latecomer", "dissociation", "Adapt for", "Script", "Before we start the work"):
        assert secret not in text, secret


def test_detail_vocabulary_is_checked_and_run_sheet_leaves_scripts_out(client, app):
    from toolkit.demo import create_demo
    from toolkit.extensions import db

    with app.app_context():
        create_demo()
        db.session.remove()
    token = client.post("/api/v1/auth/login", json=DEMO_LOGIN).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    groups = client.get("/api/v1/groups?page_size=100", headers=headers).get_json()
    retreat = next(g for g in groups if g["kind"] == "retreat")
    url = f"/api/v1/groups/{retreat['id']}/agenda"
    assert_error(client.get(f"{url}?detail=scripts", headers=headers), 422)
    full = client.get(f"{url}?format=json", headers=headers).get_json()
    sheets = client.get(f"{url}?format=json&detail=run_sheet", headers=headers).get_json()
    assert full["detail"] == "full" and sheets["detail"] == "run_sheet"
    item = full["days"][0]["plans"][0]["items"][0]
    assert item["facilitator_script"] and "facilitator_script" not in sheets["days"][0]["plans"][0]["items"][0]
    assert full["status"]["level"] == "blocked"
    assert [p["member_name"] for p in full["status"]["people"][:2]] == ["Morgan Holdexample", "Kit Latecomer"]
    md = client.get(f"{url}?format=md&detail=run_sheet", headers=headers).get_data(as_text=True)
    assert "Run sheet" in md and "**Script:**" not in md
    r1 = client.get(f"{url}?format=md", headers=headers)
    r2 = client.get(f"{url}?format=md&detail=run_sheet", headers=headers)
    assert r1.headers["ETag"] != r2.headers["ETag"]


def test_table_rows_never_split_across_pages(demo):
    """A row is whole on one page: no page starts with the tail of a row (a lone "Adapt" or a lone
    adaptation), and each run-sheet adaptation is on the page of its item's row."""
    doc = demo["doc"]
    pages = [" ".join(text.split()) for text in demo["full"]]
    for number, text in enumerate(demo["full"], start=1):
        body = _body(text)
        if body:
            assert body[0].strip() not in ("Adapt", "adapt", "OK", "Must not take part"), number
    for line in doc.clearance:
        if line.verdict != "adapt":
            continue
        tail = " ".join(line.adaptation.split()[-4:])
        with_tail = [n for n, text in enumerate(pages) if f"Adapt for Devon: {line.adaptation[:25]}" in text]
        assert with_tail, line.item_title
        for n in with_tail:
            assert tail in pages[n], (line.item_title, n + 1)  # the whole adaptation on the same page
