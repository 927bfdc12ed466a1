"""practices.data_version: the counter every committed change to a practice's records moves

Revision ID: i21b_practice_data_version
Revises: i18b_calendar_feeds
Create Date: 2026-12-01 16:00:00

toolkit/versioning.py moves it in the transaction of each change; toolkit/read_cache.py keys cached GET
answers by it (issue 21). Existing practices start at 0.
"""
import sqlalchemy as sa
from alembic import op


revision = 'i21b_practice_data_version'
down_revision = 'i18b_calendar_feeds'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data_version', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.drop_column('data_version')
