"""agenda_renders: the PDF agendas rendered by the background render workers, keyed by ETag

Revision ID: i15a_agenda_renders
Revises: i17b_module_search
Create Date: 2026-12-01 09:50:00

"""
from alembic import op
import sqlalchemy as sa

import toolkit.common.models


revision = 'i15a_agenda_renders'
down_revision = 'i17b_module_search'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'agenda_renders',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('practice_id', sa.String(length=36), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('body', sa.LargeBinary(), nullable=True),
        sa.Column('reason', sa.String(length=10), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('created_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column('finished_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['practice_id'], ['practices.id'],
                                name=op.f('fk_agenda_renders_practice_id_practices'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_agenda_renders')),
    )
    with op.batch_alter_table('agenda_renders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_renders_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_renders_practice_id'), ['practice_id'], unique=False)


def downgrade():
    with op.batch_alter_table('agenda_renders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_renders_practice_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_renders_created_at'))
    op.drop_table('agenda_renders')
