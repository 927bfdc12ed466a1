"""The gathered materials checklist of an agenda: plain functions over the document."""

from __future__ import annotations

from dataclasses import dataclass

from .document import AgendaDocument


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialLine:
    """One line of the gathered materials checklist.

    `total` is the number to prepare (per-participant quantities multiplied by the member count);
    None when the quantity is per participant and the member count is unknown (0, a template).
    """

    name: str
    quantity: int
    per_participant: bool
    total: int | None
    used_in: tuple[str, ...]

    @property
    def label(self) -> str:
        if self.per_participant and self.total is None:
            return f"{self.quantity} per participant"
        if self.per_participant:
            return f"{self.total} ({self.quantity} per participant)"
        return str(self.total)


# --------------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------------


def materials_checklist(doc: AgendaDocument) -> tuple[MaterialLine, ...]:
    """Materials of every module item, one line per name (case-insensitive), in order of first use.

    The same material named by several modules is assumed to be reused, so the line keeps the
    largest quantity needed at any one time rather than the sum.
    """
    lines: dict[str, MaterialLine] = {}
    for plan in doc.plans:
        for item in plan.items:
            if item.is_break:
                continue
            for mat in item.materials:
                name = " ".join(mat.name.split())
                if not name:
                    continue
                key = name.casefold()
                if mat.per_participant:
                    total = mat.quantity * doc.member_count if doc.member_count > 0 else None
                else:
                    total = mat.quantity
                candidate = MaterialLine(
                    name=name,
                    quantity=mat.quantity,
                    per_participant=mat.per_participant,
                    total=total,
                    used_in=(item.title,),
                )
                current = lines.get(key)
                if current is None:
                    lines[key] = candidate
                    continue
                used_in = current.used_in if item.title in current.used_in else (*current.used_in, item.title)
                winner = candidate if _need(candidate) > _need(current) else current
                lines[key] = MaterialLine(
                    name=current.name,
                    quantity=winner.quantity,
                    per_participant=winner.per_participant,
                    total=winner.total,
                    used_in=used_in,
                )
    return tuple(lines.values())


def _need(line: MaterialLine) -> int:
    return line.total if line.total is not None else line.quantity
