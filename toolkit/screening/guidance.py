"""Crisis guidance for a `defer` outcome: acute (imminent risk) or non-acute, from
`seed/screening/<version>/guidance.yaml` (read by the one strict reader), plus the deployment's crisis-line
text. Pure Python: no Flask, no database."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.common.yaml_strict import DataFileError, Node

DEFAULT_GUIDANCE_FILE = Path(__file__).resolve().parents[2] / "seed" / "screening" / "v1" / "guidance.yaml"
KINDS = ("acute", "non_acute")

DEFAULT_CRISIS_LINE_TEXT = (
    "If the person is at immediate risk, follow your local emergency procedures now: call your local "
    "emergency number or crisis service, and do not leave them alone until help has taken over."
)


class GuidanceError(DataFileError):
    """guidance.yaml is broken: the message names the file, the field and the line."""


@dataclass(frozen=True)
class Guidance:
    acute_items: tuple[str, ...]
    texts: Mapping[str, tuple[str, tuple[str, ...]]]  # kind -> (summary, checklist)
    source: str

    def kind_for(self, answers: Mapping[str, int], declined: Iterable[str] = (), *,
                 asked: Iterable[str] = ()) -> str:
        """`acute` when an acute item is answered above 0, declined (a declined critical item counts as
        positive), or asked (`asked`: the items the answers open) and left without an answer: unknown acuity
        is acute. Else `non_acute`."""
        declined, asked = set(declined), set(asked)
        acute = any((answers.get(item) or 0) > 0 or item in declined or (item in asked and item not in answers)
                    for item in self.acute_items)
        return "acute" if acute else "non_acute"

    def for_kind(self, kind: str, crisis_line_text: str | None = None) -> dict[str, Any]:
        summary, checklist = self.texts[kind]
        text = crisis_line_text.strip() if isinstance(crisis_line_text, str) else ""
        return {"kind": kind, "summary": summary, "checklist": list(checklist),
                "crisis_line": text or DEFAULT_CRISIS_LINE_TEXT}


def load_guidance(file: str | Path = DEFAULT_GUIDANCE_FILE, *, item_ids: Iterable[str] | None = None) -> Guidance:
    doc = Node.read(file, GuidanceError)
    doc.only({"acute_when_positive", "source", "kinds"})
    acute = doc.strings("acute_when_positive")
    if item_ids is not None:
        known = set(item_ids)
        for index, item in enumerate(acute):
            if item not in known:
                raise doc.child("acute_when_positive").fail(f"{item!r} is not an item of the form", index)
    kinds = doc.child("kinds")
    kinds.only(set(KINDS))
    texts = {}
    for kind in KINDS:
        node = kinds.child(kind)
        node.only({"summary", "checklist"})
        texts[kind] = (node.str("summary"), tuple(node.strings("checklist")))
    return Guidance(acute_items=tuple(acute), texts=texts, source=doc.str("source"))


@functools.cache
def default_guidance() -> Guidance:
    return load_guidance(DEFAULT_GUIDANCE_FILE)


def crisis_guidance(crisis_line_text: str | None = None, kind: str = "non_acute") -> dict[str, Any]:
    """Guidance carried by a `defer` result: a checklist in our own words and the crisis-line text,
    configurable per deployment. With no text (None or blank) it tells the clinician to follow local
    emergency procedures; it never names a country or a phone number."""
    return default_guidance().for_kind(kind, crisis_line_text)
