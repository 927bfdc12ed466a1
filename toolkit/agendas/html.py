"""HTML and Markdown agendas: Jinja2 templates over the audience view.

HTML is autoescaped and self-contained (the stylesheet is inlined, no external URL), and also prints as
the PDF; Markdown is escaped by a `finalize` hook, like HTML autoescape.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .document import STATIC_DIR, TEMPLATE_DIR, AgendaDocument, short_date
from .view import audience_view


def is_ambiguous(value: datetime) -> bool:
    """True for a wall time that happens twice (the hour the clocks go back)."""
    return value.replace(fold=1 - value.fold).utcoffset() != value.utcoffset()


def hm(value: datetime) -> str:
    """'09:30'; during the repeated hour of a fall-back night '01:30 EST' so the two are distinct."""
    return value.strftime("%H:%M %Z" if is_ambiguous(value) else "%H:%M")


def oneline(value: Any) -> str:
    return " ".join(str(value or "").split())


_URL = re.compile(r"""https?://[^\s<>"'`]+""", re.IGNORECASE)


def linkify(value: Any, offline: bool = False) -> Markup:
    """User text, HTML-escaped, with its http(s) URLs as links (no other scheme ever becomes a link). `offline`
    (a page of the offline pack): no links at all, the URL stays as text, so every link of the pack works."""
    text = str(value or "")
    if offline:
        return escape(text)
    out, last = [], 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:!?)]}")
        out += [escape(text[last:match.start()]), Markup('<a href="{0}">{0}</a>').format(url)]
        last = match.start() + len(url)
    out.append(escape(text[last:]))
    return Markup("").join(out)


def paragraphs(value: Any) -> list[str]:
    """A script's paragraphs (blank lines between them in the text)."""
    return [p.strip() for p in re.split(r"\n\s*\n", str(value or "")) if p.strip()]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _md_escape(value: Any) -> str:
    """Finalize hook of the Markdown environment: every {{ value }} is escaped, like HTML autoescape.

    `<`, `>` and `&` become entities, not backslash escapes: renderers with autolinks (markdown-it with
    linkify, marked) end a link at a backslash and then pass the rest through as raw HTML."""
    if value is None:
        return ""
    text = str(value)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"[&<>]", lambda m: _MD_ENTITIES[m.group()], text)
    # A line of user text must not start a list, a quote or a heading.
    text = re.sub(r"(?m)^(\s*)([-+=#])", r"\1\\\2", text)
    return re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", text)


def _environment(*, markdown: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_md_escape if markdown else None,
    )
    env.filters["hm"] = hm
    env.filters["oneline"] = oneline
    env.filters["linkify"] = linkify
    env.filters["paragraphs"] = paragraphs
    env.filters["short_date"] = short_date
    return env


_HTML_ENV = _environment(markdown=False)
_MD_ENV = _environment(markdown=True)


def document_title(doc: AgendaDocument, *, roster_only: bool = False) -> str:
    """A real title per audience and scope (issue 31): what it is, of which group or session, and when."""
    if roster_only:
        what = "Roster: emergency contacts and allergies (facilitator only)"
    elif doc.audience == "facilitator":
        what = "Run sheets (facilitator only)" if doc.run_sheet_only else "Facilitator agenda (confidential)"
    else:
        what = "Participant handout (large print)" if doc.large_print else "Participant handout"
    dates = [day.date for day in doc.days]
    when = ""
    if dates:
        when = short_date(dates[0]) + (f" to {short_date(dates[-1])}" if dates[-1] != dates[0] else "")
    return " · ".join(x for x in (doc.group_name or "Session", what, when) if x)


def _template_context(doc: AgendaDocument, *, roster_only: bool = False, offline: bool = False) -> dict[str, Any]:
    view = audience_view(doc)
    view["page_size"] = "A4" if doc.paper == "a4" else "letter"
    view["title"] = document_title(doc, roster_only=roster_only)
    view["roster_only"] = roster_only
    view["chart_links"] = bool(doc.chart_paths)  # only inside an offline pack: relative files, never API URLs
    view["offline"] = bool(doc.chart_paths) or offline
    if doc.audience != "facilitator":
        view.update(what_to_do=[], roster=None, packing=[])
    return view


def _print_label(doc: AgendaDocument) -> str:
    """The footer's copy label as literal text (fixed words, no user text): Chromium does not print string()."""
    label = ("Facilitator only: confidential, contains clinical information" if doc.audience == "facilitator"
             else "Participant agenda")
    return f'\n@page {{ @bottom-left {{ content: "{label}"; }} }}\n'


def render_html(doc: AgendaDocument, *, roster_only: bool = False, offline: bool = False) -> str:
    """A self-contained HTML page (stylesheet inlined, no external URL) that also prints as the PDF.
    `roster_only`: the facilitator-only roster page alone (the offline pack's roster)."""
    context = _template_context(doc, roster_only=roster_only, offline=offline)
    context["css"] = Markup((STATIC_DIR / "agenda.css").read_text(encoding="utf-8"))
    context["screen_css"] = Markup((STATIC_DIR / "agenda-screen.css").read_text(encoding="utf-8") + _print_label(doc))
    return _HTML_ENV.get_template("agenda.html.j2").render(context)


def render_markdown(doc: AgendaDocument) -> str:
    """The agenda as Markdown (GitHub flavour tables); all user text is escaped."""
    return _MD_ENV.get_template("agenda.md.j2").render(_template_context(doc))

