"""Which agreement binds a session, and who has not signed it. Plain Python."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

AGREEMENT_KINDS = ("group", "retreat")  # group kinds whose members sign the group agreement


def in_force(published: Sequence[tuple[str, datetime]], on_date: date) -> str | None:
    """The id of the newest version published on or before `on_date` ((id, published_at) pairs), else None
    (nothing to sign yet)."""
    best: tuple[datetime, str] | None = None
    for agreement_id, at in published:
        if at.date() <= on_date and (best is None or at > best[0]):
            best = (at, agreement_id)
    return best[1] if best else None


def unsigned(participant_ids: Iterable[str], signed: Iterable[str]) -> list[str]:
    """The participants (in the order given, once each) with no signature of the binding version."""
    done = set(signed)
    return [pid for pid in dict.fromkeys(participant_ids) if pid not in done]


def missing_message(version: int) -> str:
    return f"agreement_missing: no signature of the current group agreement (version {version})"
