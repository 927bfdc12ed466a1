"""How big an agenda will be, estimated from its document before anything is rendered: plain functions.

The text an agenda shows dominates both the size of an HTML/Markdown/JSON body and the number of PDF
pages, so the caps are checked on these estimates and a too-large agenda is refused before any work."""

from __future__ import annotations

from .document import AgendaDocument

# Calibrated on the bundled agenda layout (A4, the demo retreat and generated 60-plan retreats).
CHARS_PER_PAGE = 2200
ITEM_LINES_CHARS = 160  # an item's heading, times and spacing take about this much room
PLAN_PAGE = 1  # each plan starts on a new page


def text_size(doc: AgendaDocument) -> int:
    """Characters of user and module text the facilitator view of `doc` shows (the larger view)."""
    total = len(doc.practice_name) + len(doc.group_name or "") + len(doc.location or "")
    for plan in doc.plans:
        total += len(plan.title) + len(plan.notes)
        for item in plan.items:
            total += (len(item.title) + len(item.summary) + len(item.participant_summary)
                      + len(item.facilitator_script) + len(item.notes) + sum(len(s) for s in item.steps)
                      + sum(len(m.name) + 8 for m in item.materials))
    for line in doc.clearance or ():
        total += (len(line.member_name) + len(line.plan_title or "") + len(line.item_title or "")
                  + len(line.adaptation or "") + sum(len(r) for r in line.reasons))
    return total


def estimated_pages(doc: AgendaDocument) -> int:
    """About how many pages the PDF of `doc` will have (an upper estimate: errs on the large side)."""
    chars = 0
    pages = 1
    facilitator = doc.audience == "facilitator"
    for plan in doc.plans:
        pages += PLAN_PAGE
        chars += len(plan.title) + (len(plan.notes) if facilitator else 0)
        for item in plan.items:
            chars += ITEM_LINES_CHARS + len(item.title) + len(item.participant_summary)
            if facilitator:
                chars += (len(item.summary) + len(item.facilitator_script) + len(item.notes)
                          + sum(len(s) + 20 for s in item.steps) + sum(len(m.name) + 20 for m in item.materials))
    if facilitator:
        chars += sum(ITEM_LINES_CHARS + len(line.adaptation or "") + sum(len(r) for r in line.reasons)
                     for line in doc.clearance or ())
    return pages + chars // CHARS_PER_PAGE
