"""practices and rescreen_rhythms get a version (their ETag): the practice settings and the re-screen rhythm
are written with If-Match like every other shared record (issue 34 point 3)

Revision ID: v3int_practice_rhythm_version
Revises: v3main_fk_indexes
Create Date: 2026-12-07 21:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = 'v3int_practice_rhythm_version'
down_revision = 'v3main_fk_indexes'
branch_labels = None
depends_on = None

TABLES = ("practices", "rescreen_rhythms")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
