"""Drop practices.data_version: the per-worker answer cache it keyed is gone (issue 33.1, 32.2)

Revision ID: v3house_drop_data_version
Revises: v3fac_facilitator_room
Create Date: 2026-12-07 17:00:00

Every GET is answered from the database again, so no counter of a practice's changes is kept.
The downgrade adds the column back at 0 (the counter's value meant nothing outside a running server).
"""
import sqlalchemy as sa
from alembic import op


revision = 'v3house_drop_data_version'
down_revision = 'v3part_invitations'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.drop_column('data_version')


def downgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data_version', sa.Integer(), nullable=False, server_default='0'))
