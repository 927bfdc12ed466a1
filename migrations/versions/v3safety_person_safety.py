"""Safety follows the person: crisis reviews name the crisis screening, the risk level and the safety plan;
modules may be gated on a person's reliable deterioration

Revision ID: v3safety_person_safety
Revises: v3alerts_alerts_events_webhooks (main's head when main was merged in; re-chain freely)
Create Date: 2026-12-07 17:00:00

Reviews written before this revision keep `safety_plan_in_place` (still shown) and have no screening,
risk level or safety plan id. The built-in letter and caregiver-pattern modules are gated (the seed says
so too; `flask seed` keeps them in step).
"""
import sqlalchemy as sa
from alembic import op


revision = 'v3safety_person_safety'
down_revision = 'v3alerts_alerts_events_webhooks'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('crisis_reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('screening_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('risk_level', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('safety_plan_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_crisis_reviews_screening_id'), ['screening_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_crisis_reviews_screening_id_screenings'), 'screenings',
                                    ['screening_id'], ['id'], ondelete='RESTRICT')
    # A plain ADD COLUMN, not batch mode: on SQLite batch mode rebuilds the table and would drop the triggers
    # that keep the module search index (exercise_modules_fts, i17b) in step.
    op.add_column('exercise_modules', sa.Column('gate_on_deterioration', sa.Boolean(), nullable=False,
                                                server_default=sa.false()))
    modules = sa.table('exercise_modules', sa.column('slug', sa.String), sa.column('practice_id', sa.String),
                       sa.column('gate_on_deterioration', sa.Boolean))
    op.execute(modules.update().where(modules.c.practice_id.is_(None),
                                      modules.c.slug.in_(['dear-little-me-letter', 'caregiver-patterns']))
               .values(gate_on_deterioration=True))


def downgrade():
    # SQLite 3.35+ drops a column in place (keeping the search triggers); PostgreSQL always could.
    op.execute('ALTER TABLE exercise_modules DROP COLUMN gate_on_deterioration')
    with op.batch_alter_table('crisis_reviews', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_crisis_reviews_screening_id_screenings'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_crisis_reviews_screening_id'))
        batch_op.drop_column('safety_plan_id')
        batch_op.drop_column('risk_level')
        batch_op.drop_column('screening_id')
