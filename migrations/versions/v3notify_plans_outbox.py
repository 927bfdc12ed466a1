"""safety plans (versioned, Stanley-Brown) and email notifications (outbox, preferences, digests)

Revision ID: v3notify_plans_outbox
Revises: i21b_practice_data_version
Create Date: 2026-12-07 17:00:00

Issue 29: a participant's safety plan in seven sections, one `current` version per person; the outbox of
emails (kept, queued, sent or failed), each therapist's choice of alert kinds by email.
"""
import sqlalchemy as sa
from alembic import op

import toolkit.common.models


revision = 'v3notify_plans_outbox'
down_revision = 'i21b_practice_data_version'
branch_labels = None
depends_on = None

SECTIONS = ('warning_signs', 'internal_coping', 'social_contacts', 'people_to_ask', 'professionals',
            'environment_safety', 'reasons_for_living')


def upgrade():
    op.create_table('safety_plans',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    *[sa.Column(name, sa.JSON(), nullable=False) for name in SECTIONS],
    sa.Column('created_by_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('practice_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['therapists.id'], name=op.f('fk_safety_plans_created_by_id_therapists')),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_safety_plans_participant_id_participants'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['practice_id'], ['practices.id'], name=op.f('fk_safety_plans_practice_id_practices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['safety_plans.id'], name=op.f('fk_safety_plans_supersedes_id_safety_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_plans')),
    sa.UniqueConstraint('participant_id', 'version', name=op.f('uq_safety_plans_participant_id_version'))
    )
    with op.batch_alter_table('safety_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_plans_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_plans_practice_id'), ['practice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_plans_supersedes_id'), ['supersedes_id'], unique=False)
        batch_op.create_index('uq_safety_plans_current', ['participant_id'], unique=True,
                              postgresql_where=sa.text("status = 'current'"),
                              sqlite_where=sa.text("status = 'current'"))

    op.create_table('outbox_messages',
    sa.Column('therapist_id', sa.String(length=36), nullable=True),
    sa.Column('to_address', sa.String(length=320), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=2000), nullable=True),
    sa.Column('secret', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_attempt_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('locked_until', toolkit.common.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sent_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('dedupe_key', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('practice_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['practice_id'], ['practices.id'], name=op.f('fk_outbox_messages_practice_id_practices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['therapist_id'], ['therapists.id'], name=op.f('fk_outbox_messages_therapist_id_therapists'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_messages')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_outbox_messages_dedupe_key'))
    )
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_messages_due', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index('ix_outbox_messages_practice_created', ['practice_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_messages_practice_id'), ['practice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_messages_therapist_id'), ['therapist_id'], unique=False)

    op.create_table('notification_preferences',
    sa.Column('therapist_id', sa.String(length=36), nullable=False),
    sa.Column('alert_kinds', sa.JSON(), nullable=False),
    sa.Column('weekly_digest', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('updated_at', toolkit.common.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('practice_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['practice_id'], ['practices.id'], name=op.f('fk_notification_preferences_practice_id_practices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['therapist_id'], ['therapists.id'], name=op.f('fk_notification_preferences_therapist_id_therapists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_preferences')),
    sa.UniqueConstraint('therapist_id', name=op.f('uq_notification_preferences_therapist_id'))
    )
    with op.batch_alter_table('notification_preferences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_preferences_practice_id'), ['practice_id'], unique=False)


def downgrade():
    with op.batch_alter_table('notification_preferences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_preferences_practice_id'))
    op.drop_table('notification_preferences')
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_messages_therapist_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_messages_practice_id'))
        batch_op.drop_index('ix_outbox_messages_practice_created')
        batch_op.drop_index('ix_outbox_messages_due')
    op.drop_table('outbox_messages')

    with op.batch_alter_table('safety_plans', schema=None) as batch_op:
        batch_op.drop_index('uq_safety_plans_current', postgresql_where=sa.text("status = 'current'"),
                            sqlite_where=sa.text("status = 'current'"))
        batch_op.drop_index(batch_op.f('ix_safety_plans_supersedes_id'))
        batch_op.drop_index(batch_op.f('ix_safety_plans_practice_id'))
        batch_op.drop_index(batch_op.f('ix_safety_plans_created_by_id'))

    op.drop_table('safety_plans')
