"""audit_anchors: each practice's chain head outside the audited table; existing events re-sealed with HMAC

The chain becomes an HMAC-SHA256 keyed by AUDIT_KEY (a secret outside the database). This migration
re-seals the existing events under the AUDIT_KEY of the environment it runs in (the development default
when unset), after checking their SHA-256 chain is intact, and anchors every practice's head. Run it with
the same AUDIT_KEY the service will use.

Revision ID: i15c_audit_hmac_and_anchors
Revises: i15b_login_refresh_rotation
Create Date: 2026-12-01 10:20:00

"""
import hashlib
import hmac
import os
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa

import toolkit.common.models


revision = 'i15c_audit_hmac_and_anchors'
down_revision = 'i15b_login_refresh_rotation'
branch_labels = None
depends_on = None

GENESIS = "0" * 64
DEV_AUDIT_KEY = "dev-only-audit-key-change-me"


def _fields(prev, row):
    at = row.at
    return "\x1f".join([prev, row.practice_id, str(row.seq), row.actor_id or "", row.action, row.record_type,
                        row.record_id or "", row.outcome, row.request_id or "",
                        at.astimezone(UTC).isoformat(timespec="microseconds")]).encode()


def upgrade():
    op.create_table(
        'audit_anchors',
        sa.Column('practice_id', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.Column('mac', sa.String(length=64), nullable=False),
        sa.Column('updated_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['practice_id'], ['practices.id'],
                                name=op.f('fk_audit_anchors_practice_id_practices'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('practice_id', name=op.f('pk_audit_anchors')),
    )
    key = (os.environ.get("AUDIT_KEY") or DEV_AUDIT_KEY).encode()
    conn = op.get_bind()
    events = sa.table("audit_events", *(sa.column(c) for c in (
        "id", "practice_id", "seq", "actor_id", "action", "record_type", "record_id", "outcome", "request_id",
        "prev_hash", "hash")), sa.column("at", toolkit.common.models.UTCDateTime()))
    anchors = sa.table("audit_anchors", sa.column("practice_id"), sa.column("seq"), sa.column("hash"),
                       sa.column("mac"), sa.column("updated_at", toolkit.common.models.UTCDateTime()))
    now = datetime.now(UTC)
    for (practice_id,) in conn.execute(sa.text("SELECT id FROM practices")).all():
        rows = conn.execute(sa.select(events).where(events.c.practice_id == practice_id)
                            .order_by(events.c.seq)).all()
        old_prev, new_prev, seq = GENESIS, GENESIS, 0
        for row in rows:
            if row.prev_hash != old_prev or hashlib.sha256(_fields(old_prev, row)).hexdigest() != row.hash:
                raise RuntimeError(f"audit chain of practice {practice_id} is broken at seq {row.seq}: "
                                   "run `flask audit verify` on the previous version before upgrading")
            new_hash = hmac.new(key, _fields(new_prev, row), hashlib.sha256).hexdigest()
            conn.execute(events.update().where(events.c.id == row.id).values(prev_hash=new_prev, hash=new_hash))
            old_prev, new_prev, seq = row.hash, new_hash, row.seq
        mac = hmac.new(key, "\x1f".join(["anchor", practice_id, str(seq), new_prev]).encode(),
                       hashlib.sha256).hexdigest()
        conn.execute(anchors.insert().values(practice_id=practice_id, seq=seq, hash=new_prev, mac=mac,
                                             updated_at=now))


def downgrade():
    op.drop_table('audit_anchors')
