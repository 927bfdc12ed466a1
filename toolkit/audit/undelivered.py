"""Audit events that could not be written because the database failed (issue 28 point 1): kept, never
dropped. A read whose event cannot be committed shows nothing (audit/reads.py), and its event is kept
here with the outcome `withheld` (a failed request's events keep theirs) in a local file
(`AUDIT_UNDELIVERED_PATH`, default `instance/audit-undelivered.jsonl`, 0600; ids and times only).

Where they are seen: `audit verify` reports them as a problem, `/readyz` is 503 while any wait, and the
render consumer's supervisor appends them to their chains (retried every round, without a cap, in the
order they happened) as soon as the database takes writes again; `flask audit replay` does the same
by hand.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import datetime
from pathlib import Path

from flask import current_app

from ..config import ROOT
from .anchors import append_lines


def undelivered_path(config=None) -> Path:
    config = config if config is not None else current_app.config
    return Path(config.get("AUDIT_UNDELIVERED_PATH") or ROOT / "instance" / "audit-undelivered.jsonl")


def keep(events: list[dict], *, outcome: str | None = None) -> None:
    lines = [json.dumps({**e, "at": e["at"].isoformat(), **({"outcome": outcome} if outcome else {})},
                        sort_keys=True) for e in events]
    append_lines(undelivered_path(), lines)


def waiting(path: Path | None = None) -> int:
    try:
        with open(path or undelivered_path()) as fh:
            return sum(1 for line in fh if line.strip())
    except FileNotFoundError:
        return 0


def replay(append, commit, rollback, path: Path | None = None) -> int:
    """Append every kept event (`append(**event)`, then `commit()`), and empty the file; events that still
    fail stay. Locked, so two processes never replay the same file at once. The number appended."""
    path = path or undelivered_path()
    if not waiting(path):
        return 0
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(os.dup(fd), "r") as fh:
            events = [json.loads(line) for line in fh if line.strip()]
        done = 0
        for event in events:
            try:
                append(**{**event, "at": datetime.fromisoformat(event["at"])})
                commit()
            except Exception:  # noqa: BLE001 - still failing: keep it and the ones after it
                rollback()
                break
            done += 1
        remaining = events[done:]
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        if remaining:
            os.write(fd, "".join(json.dumps(e, sort_keys=True) + "\n" for e in remaining).encode())
        return done
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
