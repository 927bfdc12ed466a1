"""The printable sign-in sheet of one session (facilitator audience): plain HTML from plain values."""

from html import escape

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 1.5cm; color: #222; }
h1 { font-size: 16pt; margin: 0 0 .2em; } p.meta { margin: 0 0 1em; color: #555; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #999; padding: .5em; text-align: left; }
td.sign { width: 35%; height: 1.6em; } td.box { width: 6%; }
p.foot { margin-top: 1.5em; font-size: 9pt; color: #555; }
@page { size: A4; margin: 1.5cm; }
"""


def render_sign_in_html(*, practice: str, group: str, title: str, when: str, session_number: int | None,
                        names: list[str], facilitators: list[str]) -> str:
    """One row per member on the session's roster, with boxes to tick and room to sign; no clinical data."""
    number = f"Session {session_number} · " if session_number else ""
    rows = "\n".join(f'<tr><td>{escape(name)}</td><td class="box"></td><td class="box"></td><td class="sign"></td>'
                     "</tr>" for name in names) or '<tr><td colspan="4">No members on this date.</td></tr>'
    leads = ", ".join(escape(f) for f in facilitators) or "-"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in sheet - {escape(title)}</title>
<style>{STYLE}</style></head>
<body>
<h1>Sign-in sheet: {escape(title)}</h1>
<p class="meta">{escape(practice)} · {escape(group)} · {number}{escape(when)} · Facilitators: {leads}</p>
<table><thead><tr><th>Member</th><th>Here</th><th>Late</th><th>Signature</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<p class="foot">For the facilitator: record the attendance afterwards in the toolkit (present, late, left early,
excused, late cancel, no show, cancelled by the practice). Keep this sheet with the session's records.</p>
</body></html>
"""
