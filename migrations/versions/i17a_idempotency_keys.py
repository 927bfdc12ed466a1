"""idempotency keys: a retried POST with the same Idempotency-Key returns the first response

Revision ID: i17a_idempotency_keys
Revises: i14a_safety_over_time
Create Date: 2026-12-01 10:30:00

"""
import sqlalchemy as sa
from alembic import op

from toolkit.common.models import UTCDateTime

# revision identifiers, used by Alembic.
revision = 'i17a_idempotency_keys'
down_revision = 'i14a_safety_over_time'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'idempotency_keys',
        sa.Column('therapist_id', sa.String(length=36), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('request_hash', sa.String(length=64), nullable=False),
        sa.Column('status_code', sa.Integer(), nullable=True),
        sa.Column('response_body', sa.Text(), nullable=True),
        sa.Column('response_headers', sa.Text(), nullable=True),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('practice_id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['practice_id'], ['practices.id'], name=op.f('fk_idempotency_keys_practice_id_practices'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['therapist_id'], ['therapists.id'],
                                name=op.f('fk_idempotency_keys_therapist_id_therapists'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_keys')),
        sa.UniqueConstraint('therapist_id', 'key', name=op.f('uq_idempotency_keys_therapist_id_key')),
    )
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_keys_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_idempotency_keys_practice_id'), ['practice_id'], unique=False)


def downgrade():
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_practice_id'))
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_expires_at'))
    op.drop_table('idempotency_keys')
