"""What a facilitator carries into the room (issue 31), read from the demo's offline retreat pack as a facilitator
would: the "What to do" box on page 1 for the member on a crisis hold, the roster (allergy in the facilitator copy,
never in the participant's), the group's emergency number on the handout, tagged PDFs with a real title and no
`file:` link, no page without body text, Letter run sheets of at most two pages a day, large print, and an index
whose every link points at a file inside the zip. The pack is built once for the module (its PDFs take seconds):
one GET through the API, whose render worker runs eagerly in tests; then the weekly group's run sheet PDF.
"""

import io
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import PurePosixPath

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.factories import demo_app
from toolkit.screening.guidance import default_guidance

# One worker builds the module's demo fixture once (`--dist loadgroup`).
pytestmark = pytest.mark.xdist_group("facilitator_pack")

DEMO_LOGIN = {"email": "demo-admin@example.org", "password": "demo-password-change-me"}
FACILITATOR_PDFS = ("facilitator-agenda.pdf", "run-sheets.pdf", "roster.pdf", "sign-in-sheets.pdf")
PARTICIPANT_FILES = ("handout.pdf", "handout-large-print.pdf", "handout.html", "calendar.ics")


def _pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _body_words(text: str) -> int:
    """Words on a page outside the running header and footer (practice, group, copy label, dates, page N)."""
    lines = [line for line in text.splitlines() if line.strip()]
    body = [line for line in lines if "Page " not in line and not line.startswith(
        ("Demo Practice (fictional)", "Continued: ", "Facilitator only", "Sessions ", "Printed ", "clinical "
         "information", "Participant agenda"))]
    return sum(len(line.split()) for line in body)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with demo_app(tmp_path_factory.mktemp("pack") / "demo.db") as app:
        web = app.test_client()
        token = web.post("/api/v1/auth/login", json=DEMO_LOGIN).get_json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        groups = web.get("/api/v1/groups?page_size=100", headers=headers).get_json()
        retreat = next(g for g in groups if g["kind"] == "retreat")
        weekly = next(g for g in groups if g["kind"] == "group")
        answer = web.get(f"/api/v1/groups/{retreat['id']}/pack?paper=letter", headers=headers)
        assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
        archive = zipfile.ZipFile(io.BytesIO(answer.data))
        files = {name: archive.read(name) for name in archive.namelist()}
        weekly_pdf = web.get(f"/api/v1/groups/{weekly['id']}/agenda?format=pdf&detail=run_sheet", headers=headers)
        for _ in range(60):  # the render queue runs eagerly: a second ask finds it ready at the latest
            if weekly_pdf.status_code == 200:
                break
            weekly_pdf = web.get(f"/api/v1/groups/{weekly['id']}/agenda?format=pdf&detail=run_sheet",
                                 headers=headers)
        assert weekly_pdf.status_code == 200
        weekly_json = web.get(f"/api/v1/groups/{weekly['id']}/agenda?format=json", headers=headers).get_json()
        markdown = {audience: web.get(f"/api/v1/groups/{retreat['id']}/agenda?format=md&audience={audience}",
                                      headers=headers).get_data(as_text=True)
                    for audience in ("facilitator", "participant")}
        with app.app_context():
            from toolkit.audit.models import AuditEvent
            from toolkit.extensions import db

            exports = list(db.session.execute(select(AuditEvent.action, AuditEvent.record_type, AuditEvent.record_id)
                                              .where(AuditEvent.action == "export")
                                              .execution_options(all_practices=True)))
        return {"files": files, "answer": answer, "retreat": retreat, "exports": exports,
                "pdf_text": {n: _pages(b) for n, b in files.items() if n.endswith(".pdf")},
                "weekly": _pages(weekly_pdf.data), "weekly_json": weekly_json, "markdown": markdown}


def test_the_pack_holds_every_document(demo):
    names = set(demo["files"])
    assert {"index.html", "facilitator-agenda.pdf", "facilitator-agenda.html", "run-sheets.pdf", "roster.pdf",
            "roster.html", "sign-in-sheets.pdf", "sign-in-sheets.html", "handout.pdf", "handout.html",
            "handout-large-print.pdf", "calendar.ics"} <= names
    assert demo["answer"].headers["Content-Type"] == "application/zip"
    assert "attachment" in demo["answer"].headers["Content-Disposition"]
    assert ("export", "group_pack", demo["retreat"]["id"]) in demo["exports"]  # audited as an export


def test_page_one_has_the_what_to_do_box_for_the_member_on_a_crisis_hold(demo):
    first = demo["pdf_text"]["facilitator-agenda.pdf"][0]
    checklist = default_guidance().texts["non_acute"][1]
    assert "What to do if Morgan Holdexample comes" in first
    assert " ".join(checklist[0].split()) in first  # the screening's crisis checklist, first line
    assert "112 (emergency, Germany)" in first  # the group's emergency contact (a retreat abroad)
    assert "Sam Trauma-Informed (07700 900123" in first  # the clinical lead and how to reach them
    assert first.count("On a crisis hold") == 1  # the reason once, in plain words
    assert "Robin Holdexample (sibling, fictional) (07700 900999)" in first  # their safety plan's people to ask
    assert "Open alerts: crisis (open since" in first  # the alert their defer screening raised
    whole = " ".join(demo["pdf_text"]["facilitator-agenda.pdf"])
    assert "Screening outcome defer" not in whole and "outcome defer:" not in whole


def test_each_day_run_sheet_carries_the_short_box(demo):
    sheets = demo["pdf_text"]["run-sheets.pdf"]
    for day in ("Day 1", "Day 2", "Day 3"):
        [start] = [n for n, text in enumerate(sheets) if f"{day} · " in text and "Run sheet" in text]
        assert "What to do if Morgan Holdexample comes" in sheets[start], day


def test_the_roster_is_in_the_facilitator_copy_and_never_in_the_participant_one(demo):
    roster = " ".join(demo["pdf_text"]["roster.pdf"])
    assert "No nuts" in roster and "Alex Sample (partner)" in roster and "Vegetarian" in roster
    assert "crisis (open since" in roster and "deterioration (open since" in roster  # open alerts
    assert "No nuts" in " ".join(demo["pdf_text"]["facilitator-agenda.pdf"])
    assert "## Roster: emergency contacts, allergies and diet" in demo["markdown"]["facilitator"]
    assert "No nuts" in demo["markdown"]["facilitator"] and "Alex Sample" in demo["markdown"]["facilitator"]
    assert "Roster" not in demo["markdown"]["participant"] and "No nuts" not in demo["markdown"]["participant"]
    for name in PARTICIPANT_FILES:
        data = demo["files"][name]
        text = " ".join(demo["pdf_text"][name]) if name.endswith(".pdf") else data.decode("utf-8")
        for secret in ("No nuts", "Vegetarian", "Alex Sample", "Holdexample", "Latecomer", "07700 900",
                       'class="clearance-table roster-table"', "open since"):
            assert secret not in text, (name, secret)


def test_the_handout_prints_the_retreat_emergency_number_not_the_practice_one(demo):
    for name in ("handout.pdf", "handout-large-print.pdf"):
        text = " ".join(demo["pdf_text"][name])
        assert "112 (emergency, Germany)" in text and "999" not in text, name
        assert "We provide all of these" in text and "☐" not in text  # nothing to tick off as if to bring


def test_every_pdf_is_tagged_titled_in_english_and_has_no_file_link(demo):
    titles = set()
    for name in (*FACILITATOR_PDFS, "handout.pdf", "handout-large-print.pdf"):
        data = demo["files"][name]
        reader = PdfReader(io.BytesIO(data))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], name
        assert str(root.get("/Lang")) == "en", name
        titles.add(reader.metadata.title)
        assert b"file:" not in data, name
        for page in reader.pages:
            for annot in page.get("/Annots") or ():
                uri = annot.get_object().get("/A", {}).get("/URI")
                assert uri is None or not str(uri).startswith("file:"), (name, uri)
    assert len(titles) == 6 and all("Spring inner child retreat" in t for t in titles), titles
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-"], input=demo["files"]["facilitator-agenda.pdf"], capture_output=True,
                              check=True).stdout.decode()
        assert re.search(r"^Tagged:\s+yes", info, re.M), info


def test_no_page_is_without_body_text(demo):
    for name in (*FACILITATOR_PDFS, "handout.pdf", "handout-large-print.pdf"):
        for number, page in enumerate(PdfReader(io.BytesIO(demo["files"][name])).pages, 1):
            assert _body_words(page.extract_text()) >= 12, (name, number, page.extract_text()[:300])


def test_facilitator_only_contents_are_marked_on_every_page(demo):
    for name in FACILITATOR_PDFS:
        for number, text in enumerate(demo["pdf_text"][name], 1):
            assert "Facilitator only" in text, (name, number)
    assert "Facilitator only" in demo["files"]["index.html"].decode()
    assert "Facilitator only" in demo["files"]["roster.html"].decode()


def test_letter_run_sheets_are_at_most_two_pages_a_day(demo):
    pages = demo["pdf_text"]["run-sheets.pdf"]
    assert round(float(PdfReader(io.BytesIO(demo["files"]["run-sheets.pdf"])).pages[0].mediabox.width)) == 612
    starts = [next(n for n, text in enumerate(pages) if f"{day} · " in text and "Run sheet" in text)
              for day in ("Day 1", "Day 2", "Day 3")]
    end = next(n for n, text in enumerate(pages) if "Materials checklist" in text)
    for start, following in zip(starts, [*starts[1:], end], strict=True):
        assert following - start <= 2, (start, following)


def test_the_large_print_handout_is_16_pt_or_more(demo):
    sizes = set()
    for page in PdfReader(io.BytesIO(demo["files"]["handout-large-print.pdf"])).pages:
        content = page.get_contents().get_data().decode("latin-1")
        sizes.update(float(size) for size in re.findall(r"/\S+ ([\d.]+) Tf", content))
    # WeasyPrint writes sizes in CSS px (1 pt = 4/3 px): 16 pt is 21.33 px. The running header and footer in the
    # page margins stay at 9 pt (12 px).
    body_sizes = {s for s in sizes if s > 12}
    assert body_sizes and min(body_sizes) >= 16 * 4 / 3 - 0.01, sorted(sizes)
    assert len(demo["pdf_text"]["handout-large-print.pdf"]) > len(demo["pdf_text"]["handout.pdf"])


def test_the_per_day_packing_list_is_printed(demo):
    text = " ".join(demo["pdf_text"]["facilitator-agenda.pdf"])
    assert "Packing list by day" in text
    assert "Packing list by day" in demo["files"]["facilitator-agenda.html"].decode()


def test_sign_in_sheets_have_a_comment_column_spare_rows_and_a_footer(demo):
    pages = demo["pdf_text"]["sign-in-sheets.pdf"]
    assert len(pages) == 3  # one page per session of the retreat
    for number, text in enumerate(pages, 1):
        assert "Comment" in text and "Morgan Holdexample" in text
        assert f"Page {number} of 3" in text
    html = demo["files"]["sign-in-sheets.html"].decode()
    assert html.count('class="spare"') == 3 * 4
    assert "size: letter" in html


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def test_every_link_of_every_page_in_the_pack_is_relative_and_works(demo):
    files = demo["files"]
    checked = 0
    for name in [n for n in files if n.endswith(".html")]:
        parser = _Links()
        parser.feed(files[name].decode("utf-8"))
        for link in parser.links:
            assert not re.match(r"^[a-z][a-z0-9+.-]*:", link, re.I) and not link.startswith("/"), (name, link)
            target = link.split("#", 1)[0]
            if target:
                resolved = str(PurePosixPath(name).parent / target)
                assert resolved in files, (name, link)
            checked += 1
    index = _Links()
    index.feed(files["index.html"].decode("utf-8"))
    assert {link for link in index.links if not link.startswith("charts/")} >= {
        "facilitator-agenda.pdf", "roster.pdf", "sign-in-sheets.pdf", "handout.pdf", "handout-large-print.pdf",
        "calendar.ics", "run-sheets.pdf"}
    assert checked >= 12


def test_progress_charts_are_images_inside_the_pack(demo):
    files = demo["files"]
    charts = [n for n in files if n.startswith("charts/")]
    assert charts, sorted(files)
    for chart in charts:
        assert files[chart].lstrip().startswith((b"<?xml", b"<svg")), chart
        assert f'src="{chart}"' in files["index.html"].decode()
        assert f'href="{chart}"' in files["facilitator-agenda.html"].decode()
    assert "/api/v1/" not in files["facilitator-agenda.html"].decode()


def test_the_pack_calendar_is_participant_safe(demo):
    ics = demo["files"]["calendar.ics"].decode()
    assert ics.count("BEGIN:VEVENT") == 3 and "METHOD:PUBLISH" in ics
    assert "Holdexample" not in ics and "crisis" not in ics.lower()


def test_a_weekly_series_is_headed_session_n_of_m(demo):
    text = " ".join(demo["weekly"])
    assert "Session 4 of 8" in text
    assert not re.search(r"Day \d+ · ", text)
    labels = [day["label"] for day in demo["weekly_json"]["days"]]
    assert labels[0].startswith("Session 1 of 8 · ") and labels[3].startswith("Session 4 of 8 · ")
