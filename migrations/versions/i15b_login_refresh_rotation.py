"""login_sessions.refresh_id: refresh tokens rotate on use; reusing an old one ends the login

Revision ID: i15b_login_refresh_rotation
Revises: i15a_agenda_renders
Create Date: 2026-12-01 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'i15b_login_refresh_rotation'
down_revision = 'i15a_agenda_renders'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refresh_id', sa.String(length=36), nullable=True))


def downgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_column('refresh_id')
