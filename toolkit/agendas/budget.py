"""How big an agenda will be, estimated from its document before anything is rendered: plain functions.

The text an agenda shows dominates both the size of an HTML/Markdown/JSON body and the number of PDF
pages, so the caps are checked on these estimates and a too-large agenda is refused before any work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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


# How long renders take, for an honest Retry-After (agendas/delivery.py): learnt from recent renders
# (milliseconds per estimated page), this until there are some.
DEFAULT_SECONDS_PER_PAGE = 0.5
MIN_RENDER_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class PendingRender:
    """A render that is queued or being laid out, as the estimate sees it (no content)."""

    key: str
    practice_id: str
    status: str  # queued, rendering
    pages: int
    created_at: datetime
    claimed_at: datetime | None = None


def render_seconds(pages: int, per_page: float) -> float:
    return max(MIN_RENDER_SECONDS, pages * per_page)


def seconds_per_page(samples: list[tuple[int, int]]) -> float:
    """From recent renders' (milliseconds, estimated pages); the default without any."""
    ms, pages = sum(s[0] for s in samples), sum(max(1, s[1]) for s in samples)
    return ms / 1000 / pages if samples and ms > 0 else DEFAULT_SECONDS_PER_PAGE


def seconds_until_ready(pending: list[PendingRender], key: str, *, per_page: float, slots: int,
                        now: datetime) -> float:
    """About how long until render `key` is done, served as the fair queue serves (agendas/fairqueue.py):
    practices in turn, each practice's own renders in order. Ahead of a queued render: what is being laid
    out now (what is left of it), its own practice's earlier renders and, of every other practice, as many
    renders as its turn lets through (its position + 1); all shared by `slots` workers, then its own."""
    mine = next((p for p in pending if p.key == key), None)
    if mine is None:
        return MIN_RENDER_SECONDS
    own = render_seconds(mine.pages, per_page)
    if mine.status != "queued":
        started = mine.claimed_at or now
        return max(MIN_RENDER_SECONDS, own - (now - started).total_seconds())
    running = [p for p in pending if p.status != "queued"]
    ahead = sum(max(0.0, render_seconds(p.pages, per_page) - (now - (p.claimed_at or now)).total_seconds())
                for p in running)
    queued = sorted((p for p in pending if p.status == "queued"), key=lambda p: (p.created_at, p.key))
    by_practice: dict[str, list[PendingRender]] = {}
    for p in queued:
        by_practice.setdefault(p.practice_id, []).append(p)
    position = by_practice[mine.practice_id].index(mine)
    for practice_id, renders in by_practice.items():
        before = renders[:position] if practice_id == mine.practice_id else renders[:position + 1]
        ahead += sum(render_seconds(p.pages, per_page) for p in before)
    return ahead / max(1, slots) + own
