"""The printable sign-in sheet of one session (facilitator audience): plain HTML from plain values. A4 or Letter,
with a comment column, spare rows for late bookings and a footer on every page (issue 31); several sessions'
sheets can share one document (the offline retreat pack), one page each."""

from dataclasses import dataclass
from html import escape

SPARE_ROWS = 4  # for a late booking or a guest the roster does not know yet
PAGE_SIZES = {"a4": "A4", "letter": "letter"}
FOOTER = "Facilitator only: sign-in sheet, no clinical data"

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 0; color: #222; }
h1 { font-size: 16pt; margin: 0 0 .2em; } p.meta { margin: 0 0 1em; color: #555; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #999; padding: .45em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th.name { width: 30%; } th.box { width: 8%; } th.sign { width: 28%; } th.comment { width: 26%; }
td { height: 1.5em; } tr { break-inside: avoid; }
p.foot { margin-top: 1.2em; font-size: 9pt; color: #555; }
section.sheet + section.sheet { break-before: page; }
@page { size: __SIZE__; margin: 1.5cm 1.5cm 2cm;
  @bottom-left { content: "__FOOTER__"; font-size: 9pt; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #555; } }
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sheet:
    """One session's sheet: where and when, who is on the roster, who facilitates."""

    title: str
    group: str
    when: str
    session_number: int | None
    names: tuple[str, ...]
    facilitators: tuple[str, ...]


def _section(practice: str, sheet: Sheet) -> str:
    number = f"Session {sheet.session_number} · " if sheet.session_number else ""
    rows = "\n".join(f'<tr><td>{escape(name)}</td><td></td><td></td><td></td><td></td></tr>' for name in sheet.names)
    if not sheet.names:
        rows = '<tr><td colspan="5">No members on this date.</td></tr>'
    spare = "\n".join('<tr class="spare"><td></td><td></td><td></td><td></td><td></td></tr>'
                      for _ in range(SPARE_ROWS))
    leads = ", ".join(escape(f) for f in sheet.facilitators) or "-"
    return f"""<section class="sheet">
<h1>Sign-in sheet: {escape(sheet.title)}</h1>
<p class="meta">{escape(practice)} · {escape(sheet.group)} · {number}{escape(sheet.when)} · Facilitators: {leads}</p>
<table><thead><tr><th class="name">Member</th><th class="box">Here</th><th class="box">Late</th>
<th class="sign">Signature</th><th class="comment">Comment</th></tr></thead>
<tbody>
{rows}
{spare}
</tbody></table>
<p class="foot">For the facilitator: record the attendance afterwards in the toolkit (present, late, left early,
excused, late cancel, no show, cancelled by the practice). The blank rows are for someone not yet on the roster.
Keep this sheet with the session's records.</p>
</section>"""


def render_sign_in_sheets(*, practice: str, sheets: list[Sheet], paper: str = "a4", title: str | None = None) -> str:
    """Every sheet in one HTML document, one page each; `paper` a4 or letter."""
    style = STYLE.replace("__SIZE__", PAGE_SIZES.get(paper, "A4")).replace("__FOOTER__", FOOTER)
    heading = title or (f"Sign-in sheet - {sheets[0].title}" if len(sheets) == 1 else "Sign-in sheets")
    body = "\n".join(_section(practice, sheet) for sheet in sheets)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(heading)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{style}</style></head>
<body>
{body}
</body></html>
"""


def render_sign_in_html(*, practice: str, group: str, title: str, when: str, session_number: int | None,
                        names: list[str], facilitators: list[str], paper: str = "a4") -> str:
    """One row per member on the session's roster, with boxes to tick and room to sign; no clinical data."""
    sheet = Sheet(title=title, group=group, when=when, session_number=session_number, names=tuple(names),
                  facilitators=tuple(facilitators))
    return render_sign_in_sheets(practice=practice, sheets=[sheet], paper=paper)
