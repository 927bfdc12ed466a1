"""Chain heads outside the database: every head an audited transaction commits is appended to an
append-only file (`AUDIT_ANCHOR_PATH`, default `instance/audit-anchors.log`, created 0600) and written to
the log (`toolkit.audit.anchor`), so a database restored from an older backup, a deleted tail with an
older `audit_anchors` row put back, or a practice deleted with its trail no longer verifies.

A line is written after its transaction commits (never for a rolled-back head), one JSON object sealed
with AUDIT_KEY: `{"practice_id", "seq", "hash", "at", "mac"}`. `flask audit verify` reads the newest line
per practice and checks the database still holds that event with that hash. Keep one file per database
(a restore of the database behind the file is reported, as it should be: the events after it are gone).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from datetime import datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..config import ROOT
from .rules import anchor_mac

log = logging.getLogger("toolkit.audit.anchor")
PENDING = "audit_heads_pending"


def anchor_path(config=None) -> Path:
    config = config if config is not None else current_app.config
    return Path(config.get("AUDIT_ANCHOR_PATH") or ROOT / "instance" / "audit-anchors.log")


def note_head(session, *, practice_id: str, seq: int, head: str, at: datetime, path: Path, key: bytes) -> None:
    """Remember a head this transaction moved; it is written out when (and only if) the transaction commits."""
    heads = session.info.setdefault(PENDING, {})
    heads[practice_id] = {"practice_id": practice_id, "seq": seq, "hash": head, "at": at.isoformat(),
                          "mac": anchor_mac(key=key, practice_id=practice_id, seq=seq, head=head),
                          "_path": str(path)}


def append_lines(path: Path, lines: list[str]) -> None:
    """One O_APPEND write (atomic beside other processes' appends) to a file only its owner can read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, "".join(line + "\n" for line in lines).encode())
    finally:
        os.close(fd)


@event.listens_for(Session, "after_commit")
def _write_heads(session) -> None:
    heads = session.info.pop(PENDING, None)
    if not heads:
        return
    by_path: dict[str, list[str]] = {}
    for head in heads.values():
        path = head.pop("_path")
        line = json.dumps(head, sort_keys=True)
        by_path.setdefault(path, []).append(line)
        log.info("audit anchor %s", line)
    for path, lines in by_path.items():
        try:
            append_lines(Path(path), lines)
        except OSError as exc:  # the commit stands; the log still carries the heads
            log.error("audit anchor file %s not written: %s", path, exc)


@event.listens_for(Session, "after_rollback")
def _forget_heads(session) -> None:
    session.info.pop(PENDING, None)


def newest_heads(path: Path, *, key: bytes) -> tuple[dict[str, dict], list[str]]:
    """({practice_id: newest sealed head}, problems) from the anchor file; a missing file has no heads."""
    heads: dict[str, dict] = {}
    problems: list[str] = []
    try:
        text = path.read_text()
    except FileNotFoundError:
        return heads, problems
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            head = json.loads(line)
            sealed = anchor_mac(key=key, practice_id=head["practice_id"], seq=int(head["seq"]), head=head["hash"])
        except (ValueError, KeyError, TypeError):
            problems.append(f"anchor file line {number}: unreadable")
            continue
        if head.get("restored"):
            sealed = restore_mac(key=key, head=head)
        if not hmac.compare_digest(sealed, str(head.get("mac", ""))):
            problems.append(f"anchor file line {number}: not sealed with this AUDIT_KEY")
            continue
        known = heads.get(head["practice_id"])
        if head.get("restored") or known is None or int(head["seq"]) >= int(known["seq"]):
            heads[head["practice_id"]] = head  # a restore starts the practice's heads again
    return heads, problems


def restore_mac(*, key: bytes, head: dict) -> str:
    """The seal of a line written by `flask restore` (the flag and its time are sealed too)."""
    return anchor_mac(key=key, practice_id=f"{head['practice_id']}|restored|{head['at']}", seq=int(head["seq"]),
                      head=head["hash"])


def record_restore(rows, *, path: Path, key: bytes, at: datetime) -> int:
    """After `flask restore`: the restored database's heads (audit_anchors rows: practice_id, seq, hash)
    start each practice's heads again in the file, marked and logged as a restore (the events after the
    backup are gone, and this line says when and to which head). Returns the number of practices."""
    lines = []
    for row in rows:
        head = {"practice_id": row.practice_id, "seq": int(row.seq), "hash": row.hash, "at": at.isoformat(),
                "restored": True}
        head["mac"] = restore_mac(key=key, head=head)
        line = json.dumps(head, sort_keys=True)
        log.warning("audit anchor after a restore %s", line)
        lines.append(line)
    if lines:
        append_lines(path, lines)
    return len(lines)
