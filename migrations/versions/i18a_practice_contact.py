"""practice contact: how participants reach the practice (printed on the participant handout)

Revision ID: i18a_practice_contact
Revises: i21a_screenings_practice_index
Create Date: 2026-12-01 13:05:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'i18a_practice_contact'
down_revision = 'i21a_screenings_practice_index'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN (no batch rebuild), so no table is copied.
    op.add_column('practices', sa.Column('contact', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.drop_column('contact')
