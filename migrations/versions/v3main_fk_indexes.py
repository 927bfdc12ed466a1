"""indexes on the foreign keys version 3 added without one: invitations.plan_id, invitations.screening_id,
webhook_deliveries.event_id (a delete of the referenced row must not scan the table)

Revision ID: v3main_fk_indexes
Revises: v3house_drop_data_version
Create Date: 2026-12-07 19:05:00
"""

from alembic import op

revision = 'v3main_fk_indexes'
down_revision = 'v3house_drop_data_version'
branch_labels = None
depends_on = None

INDEXES = (("invitations", "plan_id"), ("invitations", "screening_id"), ("webhook_deliveries", "event_id"))


def upgrade():
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade():
    for table, column in INDEXES:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
