"""What a facilitator carries into the room (issue 31): emergency contacts of the practice and of a group,
a therapist's phone, members' own calendar feeds, and the tombstones of deleted sessions

Revision ID: v3fac_facilitator_room
Revises: v3rel_render_jobs
Create Date: 2026-12-07 17:00:00
"""
import sqlalchemy as sa
from alembic import op

import toolkit.common.models

revision = 'v3fac_facilitator_room'
down_revision = 'v3rel_render_jobs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emergency_contact', sa.String(length=500), nullable=True))
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emergency_contact', sa.String(length=500), nullable=True))
    with op.batch_alter_table('therapists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=100), nullable=True))
    op.create_table('member_calendar_feeds',
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('practice_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['therapists.id'], name=op.f('fk_member_calendar_feeds_created_by_therapists'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_member_calendar_feeds_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_member_calendar_feeds_participant_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['practice_id'], ['practices.id'], name=op.f('fk_member_calendar_feeds_practice_id_practices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_calendar_feeds')),
    sa.UniqueConstraint('group_id', 'participant_id', name='uq_member_calendar_feeds_member'),
    sa.UniqueConstraint('token_hash', name=op.f('uq_member_calendar_feeds_token_hash'))
    )
    with op.batch_alter_table('member_calendar_feeds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_calendar_feeds_created_by'), ['created_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_calendar_feeds_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_calendar_feeds_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_calendar_feeds_practice_id'), ['practice_id'], unique=False)
    op.create_table('cancelled_sessions',
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('practice_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_cancelled_sessions_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['practice_id'], ['practices.id'], name=op.f('fk_cancelled_sessions_practice_id_practices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cancelled_sessions')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_cancelled_sessions_plan_id'))
    )
    with op.batch_alter_table('cancelled_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cancelled_sessions_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cancelled_sessions_practice_id'), ['practice_id'], unique=False)


def downgrade():
    op.drop_table('cancelled_sessions')
    op.drop_table('member_calendar_feeds')
    with op.batch_alter_table('therapists', schema=None) as batch_op:
        batch_op.drop_column('phone')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('emergency_contact')
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.drop_column('emergency_contact')
