"""The offline retreat pack (issue 31): one zip a facilitator takes to a retreat centre with no signal.

The web worker gathers everything cheap (the documents' HTML, the calendar file, the charts' data, the index
page) into one render job of kind `pack` (the fair render queue's `KINDS`, beside `pdf`); a render worker lays
out the PDFs within the render budgets, draws the progress charts as SVG and stores the zip as the job's file.
The render workers import it for `make_pack` (which needs no request). Every link of the pack is relative and
points at a file inside it: `index.html` opens from disk with no network and no login.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import jinja2
from sqlalchemy import select

from ..attendance.services import sign_in_sheet
from ..attendance.sheet import render_sign_in_sheets
from ..auth.models import Practice
from ..common.text import ascii_fold, slugify
from ..extensions import db
from ..groups.models import Group, GroupMember
from ..participants.models import Participant
from ..progress.chart import ChartError, render_svg
from ..progress.services import chart_data, participant_progress
from . import services
from .document import TEMPLATE_DIR, AgendaDocument
from .html import document_title, render_html
from .ics import render_ics

log = logging.getLogger("toolkit.agendas")
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed entry times: the same inputs make the same zip
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                          undefined=jinja2.StrictUndefined)

# (file, what it is, facilitator only)
CONTENTS = (
    ("facilitator-agenda.pdf", "Facilitator agenda: status, What to do boxes, run sheets, scripts (PDF)", True),
    ("facilitator-agenda.html", "Facilitator agenda with the members' progress charts (web page)", True),
    ("run-sheets.pdf", "Run sheets only, one to two pages a day (PDF)", True),
    ("roster.pdf", "Roster: emergency contacts, allergies and diet, open alerts (PDF)", True),
    ("roster.html", "Roster (web page)", True),
    ("sign-in-sheets.pdf", "Every session's sign-in sheet, one page each (PDF)", True),
    ("sign-in-sheets.html", "Sign-in sheets (web page)", True),
    ("handout.pdf", "Participant handout (PDF)", False),
    ("handout.html", "Participant handout (web page)", False),
    ("handout-large-print.pdf", "Participant handout in large print, 16 pt (PDF)", False),
    ("calendar.ics", "Every session as a calendar file, cancelled ones marked cancelled (iCalendar)", False),
)


def _charts(group: Group, actor) -> list[tuple[str, str, dict]]:
    """(member name, file, chart data) of each current member with at least two scores of one instrument."""
    members = db.session.scalars(select(Participant).join(GroupMember, GroupMember.participant_id == Participant.id)
                                 .where(GroupMember.group_id == group.id, GroupMember.left_on.is_(None))
                                 .order_by(Participant.display_name))
    charts = []
    for person in members:
        data = chart_data(participant_progress(participant=person, actor=actor, group_id=group.id, audit=False))
        if any(len(i["points"]) >= 2 for i in data["instruments"]):
            name = slugify(ascii_fold(person.display_name), limit=40).strip("-") or "member"
            charts.append((person.display_name, f"charts/{name}-{person.id[:8]}.svg", data))
    return charts


def _index(*, group: Group, practice: Practice, doc: AgendaDocument, charts: list[tuple[str, str, dict]]) -> str:
    return _ENV.get_template("pack_index.html.j2").render(
        group=group.name, practice=practice.name, title=f"{group.name} · Offline retreat pack (facilitator only)",
        dates=document_title(doc).split(" · ")[-1] if doc.days else "", location=group.location or "",
        emergency=doc.emergency_contact or "", contents=CONTENTS, charts=[(n, p) for n, p, _ in charts],
        made=datetime.now(UTC).strftime("%Y-%m-%d"))


def pack_spec(*, group: Group, practice: Practice, paper: str, actor) -> dict:
    """Everything the render worker needs to build the pack: {pdfs: {file: html}, files: {file: text},
    charts: {file: chart data}}."""

    plans = services.plans_of_group(group)

    def build(audience: str, detail: str = "plans", large: bool = False) -> AgendaDocument:
        return services.build_document(plans=plans, group=group, practice_id=practice.id, audience=audience,
                                       paper=paper, detail=detail, large_print=large)

    facilitator, sheets = build("facilitator"), build("facilitator", "run_sheet")
    handout, large = build("participant"), build("participant", large=True)
    charts = _charts(group, actor)
    with_charts = replace(facilitator, chart_paths=tuple((name, path) for name, path, _ in charts))
    sign_in = render_sign_in_sheets(practice=practice.name, paper=paper,
                                    sheets=[sign_in_sheet(p) for p in plans if p.starts_at],
                                    title=f"{group.name} · Sign-in sheets (facilitator only)")
    pdfs = {"facilitator-agenda.pdf": render_html(facilitator), "run-sheets.pdf": render_html(sheets),
            "roster.pdf": render_html(facilitator, roster_only=True), "sign-in-sheets.pdf": sign_in,
            "handout.pdf": render_html(handout), "handout-large-print.pdf": render_html(large)}
    files = {"index.html": _index(group=group, practice=practice, doc=facilitator, charts=charts),
             "facilitator-agenda.html": render_html(with_charts, offline=True),
             "roster.html": render_html(facilitator, roster_only=True, offline=True),
             "sign-in-sheets.html": sign_in, "handout.html": render_html(handout, offline=True),
             "calendar.ics": render_ics(services.with_cancellations(handout, group), detail_items=False,
                                        dtstamp=_today()).decode("utf-8")}
    return {"pdfs": pdfs, "files": files, "charts": {path: data for _, path, data in charts}}


def _today() -> datetime:
    """The day's start (UTC): the pack's stamps move once a day, so the same data is the same pack all day."""
    return datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def digest(spec: dict) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()[:40]


def build_zip(spec: dict, pdfs: dict[str, bytes], charts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in [*spec["files"].items(), *pdfs.items(), *charts.items()]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # readable files when unpacked
            archive.writestr(info, body if isinstance(body, bytes) else body.encode("utf-8"))
    return out.getvalue()


def _chart(data: dict) -> bytes:
    try:
        return render_svg(data)
    except (ChartError, OSError) as exc:  # the pack still opens: the file says why it is empty
        log.warning("pack chart failed: %s", type(exc).__name__)
        return (b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="4" y="24">'
                b'The chart could not be drawn.</text></svg>')


def make_pack(job, layout) -> bytes:
    """The render job kind `pack` (rendering.KINDS): the job's source is the spec as JSON; each PDF is laid out
    on the render worker's slot (`layout`, within the budgets: a RenderFailed fails the pack like a PDF), the
    charts are drawn, and the zip is the job's file."""
    spec = json.loads(job.source or "{}")
    pdfs = {name: layout(html) for name, html in spec["pdfs"].items()}
    charts = {name: _chart(data) for name, data in spec["charts"].items()}
    return build_zip(spec, pdfs, charts)
