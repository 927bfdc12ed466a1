"""item leads: plan_items.lead_id, the facilitator leading an item

Revision ID: i18c_item_leads
Revises: i20a_progress
Create Date: 2026-12-01 12:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'i18c_item_leads'
down_revision = 'i20a_progress'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plan_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lead_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_plan_items_lead_id'), ['lead_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_plan_items_lead_id_therapists'), 'therapists', ['lead_id'],
                                    ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('plan_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_plan_items_lead_id_therapists'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_plan_items_lead_id'))
        batch_op.drop_column('lead_id')
