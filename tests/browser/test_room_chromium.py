"""Issue 31 in a real browser (Debian's headless `chromium`): at 375 px no table cell is narrower than its
longest word and the stacked cells keep their labels; the demo's offline pack, unpacked to disk and opened with
the network off (every host unresolvable, a dead proxy), has 0 broken links and every chart image loads.

As in test_agenda_chromium.py, a probe script writes its measurements into the DOM, which `--dump-dom`
returns; the phone is an iframe 375 CSS px wide. The pack is built with the API's own code (`pack_spec`,
`build_zip`) from the demo, with placeholder PDFs (their layout is tested in tests/api/test_facilitator_pack.py).
"""

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.factories import demo_app, make_doc, make_plan
from toolkit.agendas.document import ClearanceLine, Facilitator, MemberSafety, RosterLine, WhatToDo
from toolkit.agendas.html import render_html

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install -y chromium; "
                                                ".ci/run does it): the browser tests of issue 31 are skipped"),
]
BERLIN = ZoneInfo("Europe/Berlin")
OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
           "--proxy-bypass-list=<-loopback>"]


def _chromium(tmp: Path, *args: str) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--disable-extensions",
               f"--user-data-dir={tmp / 'profile'}", *OFFLINE, *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


CELL_PROBE = r"""
<script>
(function () {
  var narrow = [], unlabelled = [];
  document.querySelectorAll("td, th").forEach(function (cell) {
    var style = getComputedStyle(cell);
    if (style.display === "none" || cell.closest("thead") || !cell.getBoundingClientRect().width) { return; }
    var box = cell.getBoundingClientRect();
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) {
      var re = /[^\s\u2010-\u2014\/-]+/g, m;  // a break at a hyphen, dash or slash breaks no word
      while ((m = re.exec(node.data))) {
        if (m[0].indexOf("://") >= 0 || m[0].length > 30) { continue; }
        var range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        var tops = {}, right = 0;
        Array.prototype.forEach.call(range.getClientRects(), function (r) {
          if (r.width) { tops[Math.round(r.top)] = true; right = Math.max(right, r.right); } });
        if (Object.keys(tops).length > 1) { narrow.push(cell.className + ": " + m[0] + " is broken"); }
        else if (right > box.right + 0.5) { narrow.push(cell.className + ": " + m[0] + " runs out of its cell"); }
      }
    }
    if (cell.dataset.label && style.display === "block" && cell.textContent.trim() &&
        getComputedStyle(cell, "::before").content.indexOf(cell.dataset.label) < 0 &&
        !cell.classList.contains("what") && cell.cellIndex !== 0) {
      unlabelled.push(cell.dataset.label);
    }
  });
  var out = parent.document.createElement("pre");
  out.id = "probe-WIDTH";
  out.textContent = JSON.stringify({innerWidth: window.innerWidth, narrow: narrow, unlabelled: unlabelled,
                                    cells: document.querySelectorAll("td").length});
  parent.document.body.appendChild(out);
})();
</script>
"""


def _doc():
    """A facilitator agenda with what broke before: a lead named "Dr. Demo Admin", long words in the member
    table ("reliable_deterioration", "Computed"), a What to do box and a roster."""
    lead = Facilitator(facilitator_id="f1", name="Dr. Demo Admin")
    plan = make_plan("p1", "Saturday morning", datetime(2027, 4, 3, 9, 0, tzinfo=BERLIN),
                     [("open", 20), ("letter", 45), (None, 15), ("close", 20)])
    plan = replace(plan, items=tuple(replace(i, lead=lead) for i in plan.items))
    clearance = (ClearanceLine(member_name="Blake Placeholder", plan_title="Saturday morning",
                               item_title="Letter to your younger self", verdict="exclude",
                               alternative="the eyes-open grounding with a co-facilitator",
                               reasons=("reliable_deterioration: PHQ-9",)),)
    safety = (MemberSafety(member_name="Blake Placeholder", computed_outcome="caution", outcome="clear",
                           override="clear by Sam Trauma-Informed on 2027-03-01: reviewed",
                           progress=("reliable_deterioration: PHQ-9 rose from 5 to 14",)),)
    box = WhatToDo(member_name="Morgan Holdexample", reason="On a crisis hold.", checklist=("Pause the intake.",),
                   clinical_leads=(("Sam Trauma-Informed", "07700 900123 · demo-therapist@example.org"),),
                   emergency_contact="112 (emergency, Germany)", plan_ids=("p1",))
    roster = (RosterLine(member_name="Casey Example", emergency_contact="Pat Example (parent) 07700 900102",
                         dietary_notes="No nuts"),)
    return make_doc(plans=[plan], clearance=clearance, member_safety=safety, what_to_do=(box,), roster=roster,
                    facilitators=(lead,))


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("room-chromium")


@pytest.fixture(scope="module")
def cells(tmp):
    html = render_html(_doc())
    widths = (375, 1280)
    frames = "".join(
        f'<iframe style="display:block;width:{w}px;height:900px;border:0" srcdoc="'
        f'{escape(html.replace("</body>", CELL_PROBE.replace("WIDTH", str(w)) + "</body>"), quote=True)}"></iframe>'
        for w in widths)
    page = tmp / "cells.html"
    page.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frames}</body></html>', encoding="utf-8")
    dom = _chromium(tmp, "--window-size=1330,1000", "--dump-dom", page.as_uri())
    found = dict(re.findall(r'<pre id="probe-(\d+)">(.*?)</pre>', dom, re.S))
    return {int(w): json.loads(t.replace("&quot;", '"').replace("&amp;", "&")) for w, t in found.items()}


@pytest.mark.parametrize("width", [375, 1280])
def test_no_table_cell_is_narrower_than_its_longest_word(cells, width):
    seen = cells[width]
    assert seen["innerWidth"] == width and seen["cells"] > 10, seen
    assert seen["narrow"] == [], seen["narrow"]


def test_at_375_px_stacked_cells_keep_their_labels(cells):
    assert cells[375]["unlabelled"] == [], cells[375]


LINK_PROBE = """
<script>
(function () {
  var broken = [], checked = 0, images = [];
  document.querySelectorAll("a[href], img[src], link[href], script[src]").forEach(function (el) {
    var url = el.getAttribute("href") || el.getAttribute("src");
    checked += 1;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.charAt(0) === "/") { broken.push("not relative: " + url); return; }
    try {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", url, false);
      xhr.send();
      if (!(xhr.status === 0 || xhr.status === 200) || !xhr.responseText.length) { broken.push(url); }
    } catch (e) { broken.push(url + " (" + e.name + ")"); }
    if (el.tagName === "IMG") { images.push(el); }
  });
  function report() {
    var out = document.createElement("pre");
    out.id = "links";
    out.textContent = JSON.stringify({checked: checked, broken: broken, images: images.length,
      unloaded: images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })
                      .map(function (i) { return i.getAttribute("src"); })});
    document.body.appendChild(out);
  }
  if (document.readyState === "complete") { report(); } else { window.addEventListener("load", report); }
})();
</script>
"""


@pytest.fixture(scope="module")
def pack_dir(tmp):
    """The demo retreat's pack, built by the API's code with placeholder PDFs, unpacked to disk."""
    from sqlalchemy import select

    from toolkit.agendas import pack
    from toolkit.auth.models import Practice, Therapist
    from toolkit.extensions import db
    from toolkit.groups.models import Group
    from toolkit.tenancy import set_practice

    with demo_app(tmp / "demo.db") as app, app.app_context():
        group = db.session.scalars(select(Group).where(Group.kind == "retreat")
                                   .execution_options(all_practices=True)).first()
        set_practice(db.session, group.practice_id)
        actor = db.session.scalars(select(Therapist).where(Therapist.role == "admin")).first()
        spec = pack.pack_spec(group=group, practice=db.session.get(Practice, group.practice_id), paper="a4",
                              actor=actor)
        charts = {name: pack._chart(data) for name, data in spec["charts"].items()}
        data = pack.build_zip(spec, {name: b"%PDF-1.7 placeholder" for name in spec["pdfs"]}, charts)
    target = tmp / "pack"
    zipfile.ZipFile(__import__("io").BytesIO(data)).extractall(target)
    return target


def test_the_pack_index_opened_from_disk_offline_has_no_broken_link(tmp, pack_dir):
    index = (pack_dir / "index.html").read_text(encoding="utf-8")
    probe = pack_dir / "_probe.html"  # the index itself plus the probe, beside it (the same relative base)
    probe.write_text(index.replace("</body>", LINK_PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                    probe.as_uri())
    [found] = re.findall(r'<pre id="links">(.*?)</pre>', dom, re.S)
    seen = json.loads(found.replace("&quot;", '"').replace("&amp;", "&"))
    assert seen["checked"] >= 11 and seen["broken"] == [], seen
    assert seen["images"] >= 1 and seen["unloaded"] == [], seen


def test_every_page_of_the_pack_links_only_inside_it(tmp, pack_dir):
    for page in ("facilitator-agenda.html", "roster.html", "handout.html", "sign-in-sheets.html"):
        html = (pack_dir / page).read_text(encoding="utf-8")
        probe = pack_dir / f"_probe-{page}"
        probe.write_text(html.replace("</body>", LINK_PROBE + "</body>"), encoding="utf-8")
        dom = _chromium(tmp, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                        probe.as_uri())
        [found] = re.findall(r'<pre id="links">(.*?)</pre>', dom, re.S)
        seen = json.loads(found.replace("&quot;", '"').replace("&amp;", "&"))
        assert seen["broken"] == [], (page, seen)
