"""agenda_renders as the fair render queue: what to render (kind, source, params), its estimate, attempts
and the worker that claimed it

Revision ID: v3rel_render_jobs
Revises: v3accounts_lifecycle
Create Date: 2026-12-07 17:00:00

Render workers claim rows round-robin across practices (toolkit/agendas/fairqueue.py); the queue's tasks
carry the row's key only. `source` (the HTML to lay out) is dropped when the render finishes.
"""
import sqlalchemy as sa
from alembic import op

import toolkit.common.models

revision = 'v3rel_render_jobs'
down_revision = 'v3accounts_lifecycle'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('agenda_renders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='pdf'))
        batch_op.add_column(sa.Column('source', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('params', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('pages', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('render_ms', sa.Integer(), nullable=True))
        batch_op.create_index('ix_agenda_renders_status', ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('agenda_renders', schema=None) as batch_op:
        batch_op.drop_index('ix_agenda_renders_status')
        for column in ('render_ms', 'claimed_at', 'claimed_by', 'attempts', 'pages', 'params', 'source', 'kind'):
            batch_op.drop_column(column)
