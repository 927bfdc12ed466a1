"""person_states: what each person's whole history says for clearance (crisis hold, latest crisis, unreviewed
reliable deterioration), written with every change of that history so clearance reads one row per member
(issue 32 point 1). Existing people get their row from `flask seed` (boot.sh runs it after every upgrade);
until then clearance computes a missing row from the history, as before.

Revision ID: v3perf_person_states
Revises: v3int_practice_rhythm_version
Create Date: 2026-12-08 00:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = 'v3perf_person_states'
down_revision = 'v3int_practice_rhythm_version'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "person_states",
        sa.Column("participant_id", sa.String(36), nullable=False),
        sa.Column("hold", sa.Boolean(), nullable=False),
        sa.Column("crisis", sa.JSON(), nullable=True),
        sa.Column("deterioration", sa.JSON(), nullable=False),
        sa.Column("progress_notes", sa.JSON(), nullable=False),
        sa.Column("overall", sa.String(20), nullable=True),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("practice_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"],
                                name=op.f("fk_person_states_participant_id_participants"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["practice_id"], ["practices.id"],
                                name=op.f("fk_person_states_practice_id_practices"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("participant_id", name=op.f("pk_person_states")),
    )
    op.create_index(op.f("ix_person_states_practice_id"), "person_states", ["practice_id"])


def downgrade():
    op.drop_index(op.f("ix_person_states_practice_id"), table_name="person_states")
    op.drop_table("person_states")
