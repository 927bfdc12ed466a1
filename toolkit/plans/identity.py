"""Which stored item a replacement item is: plain functions (no Flask, no database).

`PUT /plans/{id}/items` replaces the ordered list, but an item that is still there keeps its id, so
everything keyed by it (calendar UIDs, prerequisites of an earlier item, the client's own state) survives an
edit of its minutes, notes or position. An item sent with `id` is that item; an item sent without one is the
next unclaimed stored item of the same module (or the next unclaimed break), in order. Anything else is new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class ItemIdentityError(ValueError):
    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True, slots=True)
class Stored:
    id: str
    module_id: str | None  # None for a break


@dataclass(frozen=True, slots=True)
class Sent:
    id: str | None  # the id the client sent, if any
    module_id: str | None


def match_items(stored: Sequence[Stored], sent: Sequence[Sent]) -> list[str | None]:
    """For each sent item, the id of the stored item it is (None: a new item).

    Raises ItemIdentityError for an id that is not an item of this plan or is sent twice.
    """
    known = {s.id for s in stored}
    claimed: set[str] = set()
    result: list[str | None] = [None] * len(sent)
    for index, item in enumerate(sent):
        if item.id is None:
            continue
        if item.id not in known:
            raise ItemIdentityError(index, "Not an item of this plan (leave `id` out for a new item).")
        if item.id in claimed:
            raise ItemIdentityError(index, "This item id is sent twice.")
        claimed.add(item.id)
        result[index] = item.id
    for index, item in enumerate(sent):
        if item.id is not None:
            continue
        match = next((s.id for s in stored if s.id not in claimed and s.module_id == item.module_id), None)
        if match is not None:
            claimed.add(match)
            result[index] = match
    return result
