"""The HTML agenda in a real browser (issue 18, point 8): Debian's headless `chromium`.

Printed with `--print-to-pdf` (Chromium's own header and footer off), every page keeps the page number
("Page N of M") and the footer's copy label, read back with pypdf. In a 375 px wide viewport nothing runs
off the screen: a probe script appended to the agenda writes the measurements into the DOM, which
`--dump-dom` returns. A few seconds in all; skipped with a message where chromium is not installed
(`.ci/run` installs it with apt-get when it can). Run only these: `pytest -m chromium`.

The phone is an iframe 375 CSS px wide: Chromium's headless window is at least 500 px wide, and the old
headless mode (which allowed narrower windows) is gone from current versions.
"""

import io
import json
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest

from tests.factories import CLEARANCE, make_doc, make_plan, retreat_plans
from toolkit.agendas.document import ClearanceLine
from toolkit.agendas.html import render_html

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install -y chromium; "
                                                ".ci/run does it): the browser tests of the HTML agenda are skipped"),
]

BERLIN = ZoneInfo("Europe/Berlin")
LONG_WORD = "https://example.org/" + "averyveryverylongunbrokenpathsegment" * 4
FACILITATOR_LABEL = "Facilitator only: confidential, contains clinical information"


def _doc(audience="facilitator"):
    """The retreat of the unit tests, plus a long unbroken word in a note and a long clearance line."""
    plans = retreat_plans()
    plans.append(make_plan("p4", "Sunday afternoon", datetime(2027, 4, 4, 14, tzinfo=BERLIN),
                           [("open", 15), ("letter", 50), ("close", 15)], item_notes={1: f"See {LONG_WORD}"}))
    clearance = (*CLEARANCE, ClearanceLine(
        member_name="Maximiliane Oberhollenzer-Featherstonehaugh", plan_title="Sunday afternoon",
        item_title="Letter to your younger self", verdict="adapt",
        adaptation="Eyes open, a grounding object in hand, and a seat near the door " + LONG_WORD,
        reasons=("dissociation under emotional load",)))
    return make_doc(audience=audience, plans=plans, clearance=clearance if audience == "facilitator" else None)


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--disable-extensions",
               f"--user-data-dir={tmp / 'profile'}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _print(tmp: Path, html: str, name: str) -> pypdf.PdfReader:
    page, pdf = tmp / f"{name}.html", tmp / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    _chromium(tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    return pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))


PROBE = """
<script>
(function () {
  var root = document.documentElement, widest = 0, culprit = "", cells = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var box = el.getBoundingClientRect();
    if (el.closest("thead")) { return; }  // visually hidden (clipped to 1 px), kept for screen readers
    if (box.width && box.right > widest) { widest = box.right; culprit = el.tagName + "." + el.className; }
  });
  document.querySelectorAll("td.activity, td.what").forEach(function (td) {
    cells.push(td.getBoundingClientRect().width);
  });
  var out = parent.document.createElement("pre");
  out.id = "probe-WIDTH";
  out.textContent = JSON.stringify({
    innerWidth: window.innerWidth, scrollWidth: root.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
    rightmost: widest, culprit: culprit, activityWidths: cells,
    scheduleDisplay: getComputedStyle(document.querySelector("table.schedule")).display
  });
  parent.document.body.appendChild(out);
})();
</script>
"""


def _measure(tmp: Path, html: str, widths: tuple[int, ...]) -> dict[int, dict]:
    """The agenda in iframes of these widths in CSS px, in one browser run (a headless window is at least
    500 px wide; an iframe's viewport is exactly its width, and media queries inside it see that width). The
    probe in each writes its measurements into the page around it (a srcdoc frame has the page's origin)."""
    page = tmp / "probe.html"
    frames = "".join(
        f'<iframe style="display:block;width:{width}px;height:900px;border:0" srcdoc="'
        f'{escape(html.replace("</body>", PROBE.replace("WIDTH", str(width)) + "</body>"), quote=True)}"></iframe>'
        for width in widths)
    page.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frames}</body></html>', encoding="utf-8")
    dom = _chromium(tmp, f"--window-size={max(widths) + 50},1000", "--dump-dom", page.as_uri()).stdout
    found = dict(re.findall(r'<pre id="probe-(\d+)">(.*?)</pre>', dom, re.S))
    assert set(found) == {str(w) for w in widths}, dom[-1000:]
    return {int(w): json.loads(text.replace("&quot;", '"').replace("&amp;", "&")) for w, text in found.items()}


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("chromium")


@pytest.fixture(scope="module")
def measured(tmp):
    return _measure(tmp, render_html(_doc("facilitator")), (375, 1280))


@pytest.mark.parametrize(("audience", "label"), [("facilitator", FACILITATOR_LABEL),
                                                 ("participant", "Participant agenda")])
def test_printing_from_chromium_keeps_page_numbers_and_the_footer(tmp, audience, label):
    reader = _print(tmp, render_html(_doc(audience)), audience)
    pages = [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text, (number, text[-300:])
        assert label in text, (number, text[-300:])
    whole = " ".join(pages)
    assert "Session dates: 2027-04-03" in whole  # the document's own footer line (session dates, print date)
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4 from the agenda's @page size


def test_letter_paper_prints_on_letter(tmp):
    reader = _print(tmp, render_html(replace(_doc("participant"), paper="letter")), "letter")
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert all("Page " in page.extract_text() for page in reader.pages)


def test_at_375_px_nothing_runs_off_the_screen_and_the_activity_has_the_width(measured):
    seen = measured[375]
    assert seen["innerWidth"] == 375, seen  # the viewport really is a phone's
    assert seen["scrollWidth"] <= 375 and seen["bodyScrollWidth"] <= 375, seen
    assert seen["rightmost"] <= 375.5, seen  # the clearance table and the long word included
    assert seen["scheduleDisplay"] == "block"
    assert seen["activityWidths"] and min(seen["activityWidths"]) >= 300, seen


def test_a_desktop_window_keeps_the_tables(measured):
    seen = measured[1280]
    assert seen["innerWidth"] == 1280 and seen["scheduleDisplay"] == "table", seen
    assert seen["scrollWidth"] <= 1280, seen
