"""The gathered materials of an agenda: plain functions over the document (no Flask, no SQL).

How the numbers add up, for one material (one name, case-insensitive) over the items that use it:
- a **consumable** (used up: envelopes, worksheets, juice) is summed over every item and every session;
- anything else is **reused** (a bell, pens, a flip chart stand): the largest need of any one item is
  enough, since one item runs at a time;
- a per-participant quantity is multiplied by the roster (the document's member count); when the roster
  is unknown (0, a template) the total is None and the line says "N per participant".
A material that is consumed in some items and reused in others needs both: the consumed sum plus the
largest reused need.

`materials_checklist` covers the whole agenda, `packing_lists` each day (what to pack for that day),
`participant_materials` only what participants bring or use (the handout).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..exercises.rules import Material
from .document import AgendaDocument, AgendaPlan


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialLine:
    """One line of the gathered materials checklist.

    `quantity` is the amount per participant when `per_participant`, else the total; `extra` is a fixed
    amount on top of the per-participant one (a material used both ways). `total` is the number to
    prepare; None when part of it is per participant and the member count is unknown (0, a template).
    """

    name: str
    quantity: int
    per_participant: bool
    total: int | None
    used_in: tuple[str, ...]
    consumable: bool = False
    for_participants: bool = False
    extra: int = 0

    @property
    def label(self) -> str:
        plus = f" + {self.extra}" if self.per_participant and self.extra else ""
        if self.per_participant and self.total is None:
            return f"{self.quantity} per participant{plus}"
        if self.per_participant:
            return f"{self.total} ({self.quantity} per participant{plus})"
        return str(self.total)


@dataclass(frozen=True, slots=True, kw_only=True)
class DayPacking:
    """The materials to pack for one day of the agenda."""

    date: date
    label: str
    lines: tuple[MaterialLine, ...]


@dataclass(frozen=True, slots=True)
class Need:
    """An amount: `fixed` items plus `per_person` items for each participant."""

    fixed: int = 0
    per_person: int = 0

    def __add__(self, other: Need) -> Need:
        return Need(self.fixed + other.fixed, self.per_person + other.per_person)

    def total(self, roster: int) -> int | None:
        if self.per_person and roster <= 0:
            return None
        return self.fixed + self.per_person * max(roster, 0)


def larger(a: Need, b: Need, roster: int) -> Need:
    """The larger of two needs at one time; with the roster unknown, a need covering both."""
    if roster > 0:
        return a if (a.total(roster) or 0) >= (b.total(roster) or 0) else b
    return Need(max(a.fixed, b.fixed), max(a.per_person, b.per_person))


@dataclass(slots=True)
class _Tally:
    name: str
    consumed: Need = field(default_factory=Need)
    reused: Need = field(default_factory=Need)
    used_in: list[str] = field(default_factory=list)
    consumable: bool = False
    for_participants: bool = False

    def add(self, mat: Material, item_title: str, roster: int) -> None:
        need = Need(per_person=mat.quantity) if mat.per_participant else Need(fixed=mat.quantity)
        if mat.consumable:
            self.consumed = self.consumed + need
            self.consumable = True
        else:
            self.reused = larger(self.reused, need, roster)
        self.for_participants = self.for_participants or mat.for_participants
        if item_title not in self.used_in:
            self.used_in.append(item_title)

    def line(self, roster: int) -> MaterialLine:
        need = self.consumed + self.reused
        per_participant = need.per_person > 0
        return MaterialLine(
            name=self.name,
            quantity=need.per_person if per_participant else need.fixed,
            per_participant=per_participant,
            total=need.total(roster),
            used_in=tuple(self.used_in),
            consumable=self.consumable,
            for_participants=self.for_participants,
            extra=need.fixed if per_participant else 0,
        )


def gather(plans: Iterable[AgendaPlan], roster: int) -> tuple[MaterialLine, ...]:
    """The materials of every module item of these plans, one line per name (case-insensitive, spaces
    collapsed), in order of first use."""
    tallies: dict[str, _Tally] = {}
    for plan in plans:
        for item in plan.items:
            if item.is_break:
                continue
            for mat in item.materials:
                name = " ".join(mat.name.split())
                if name:
                    tallies.setdefault(name.casefold(), _Tally(name=name)).add(mat, item.title, roster)
    return tuple(t.line(roster) for t in tallies.values())


def materials_checklist(doc: AgendaDocument) -> tuple[MaterialLine, ...]:
    """The whole agenda's checklist: consumables summed across items and sessions, the rest at their
    largest need at one time."""
    return gather(doc.plans, doc.member_count)


def packing_lists(doc: AgendaDocument) -> tuple[DayPacking, ...]:
    """One packing list per day: that day's consumables summed, its reused things at their largest need."""
    return tuple(
        DayPacking(date=day.date, label=day.label, lines=gather(day.plans, doc.member_count))
        for day in doc.days
        if any(not item.is_break and item.materials for plan in day.plans for item in plan.items)
    )


def participant_materials(doc: AgendaDocument) -> tuple[MaterialLine, ...]:
    """What participants bring or use (the handout): the checklist lines marked `for_participants`."""
    return tuple(line for line in materials_checklist(doc) if line.for_participants)
