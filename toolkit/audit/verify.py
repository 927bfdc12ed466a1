"""Verify every practice's audit trail: each chain against its HMACs, and its head against the anchor kept
outside the table (`flask --app app audit verify`, exit 1 on a problem). Reads across practices, explicitly."""

from sqlalchemy import select

from .models import PRACTICES, AuditAnchor, AuditEvent
from .rules import verify_chain


def verify_audit_chains(session, key: bytes) -> tuple[int, int, list[str]]:
    """(events checked, practices checked, problems) over every practice's chain and its head anchor,
    read unscoped. `key` is the AUDIT_KEY the chain was written with."""
    practice_ids = session.scalars(select(PRACTICES.c.id).order_by(PRACTICES.c.id)).all()
    anchors = {a.practice_id: a for a in session.execute(select(AuditAnchor.__table__)).all()}
    events, problems = 0, []
    for practice_id in practice_ids:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.practice_id == practice_id).order_by(AuditEvent.seq)
            .execution_options(all_practices=True)).all()
        events += len(rows)
        problems += [f"practice {practice_id}: {problem}"
                     for problem in verify_chain(rows, key=key, anchor=anchors.get(practice_id), anchored=True)]
    return events, len(practice_ids), problems
