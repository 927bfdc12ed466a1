"""The participant's own printed copy of their safety plan: their plan only, in their own words, in large
clear type (16pt text, nothing under 14pt), with no score, flag or clinical note (the template is given only
the plan's sections and the practice's name and contact).

Printed by WeasyPrint through the bundled-asset fetcher (toolkit/common/pdf.py), so nothing outside the
bundled font is ever fetched. A plan is one or two A4 pages (about 0.2 s), so it renders in the request.
"""

from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..common.pdf import BundledAssetFetcher, write_pdf
from .rules import printable

TEMPLATES = Path(__file__).resolve().parent / "templates"
# The bundled font (DejaVu Sans and its @font-face rules in fonts.css) lives with the agendas' static assets;
# it is read as files, so this package imports nothing of the agendas (the crisis review in screening reads
# the current plan from here, and the agendas stand above screening).
FONT_ASSETS = Path(__file__).resolve().parents[1] / "agendas" / "static"

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)


def plan_html(*, sections: dict, version: int, made_on: date, practice_name: str, practice_contact: str | None,
              crisis_text: str | None) -> str:
    """The printed copy as HTML (what `plan_pdf` prints)."""
    return _env.get_template("safety_plan.html").render(
        sections=printable(sections), version=version, made_on=f"{made_on.day} {made_on:%B %Y}",
        practice_name=practice_name, practice_contact=practice_contact, crisis_text=crisis_text)


def plan_pdf(**kwargs) -> bytes:
    """The printed copy as PDF bytes (the arguments of `plan_html`)."""
    return write_pdf(plan_html(**kwargs), fetcher=BundledAssetFetcher(FONT_ASSETS))
