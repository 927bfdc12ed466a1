"""screenings: composite index (practice_id, participant_id, screened_at)

Revision ID: i21a_screenings_practice_index
Revises: i18c_item_leads
Create Date: 2026-12-01 12:55:00

Clearance reads each member's newest screening with the tenant filter added by toolkit/tenancy.py. With
only (participant_id, screened_at) and (practice_id) to choose from, PostgreSQL without statistics read a
whole practice's screenings per member; this index matches both equalities and the order.
"""
from alembic import op


revision = 'i21a_screenings_practice_index'
down_revision = 'i18c_item_leads'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.create_index('ix_screenings_practice_participant_screened',
                              ['practice_id', 'participant_id', 'screened_at'], unique=False)


def downgrade():
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.drop_index('ix_screenings_practice_participant_screened')
