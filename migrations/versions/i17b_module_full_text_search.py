"""module full-text search: stemmed search terms, and an FTS5 index on SQLite

Revision ID: i17b_module_search
Revises: i17a_idempotency_keys
Create Date: 2026-12-01 10:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'i17b_module_search'
down_revision = 'i17a_idempotency_keys'
branch_labels = None
depends_on = None

FTS_TRIGGERS = {
    "exercise_modules_fts_insert": "AFTER INSERT ON exercise_modules BEGIN "
    "INSERT INTO exercise_modules_fts (module_id, search_title, search_body) "
    "VALUES (new.id, new.search_title, new.search_body); END",
    "exercise_modules_fts_update": "AFTER UPDATE OF search_title, search_body ON exercise_modules BEGIN "
    "DELETE FROM exercise_modules_fts WHERE module_id = old.id; "
    "INSERT INTO exercise_modules_fts (module_id, search_title, search_body) "
    "VALUES (new.id, new.search_title, new.search_body); END",
    "exercise_modules_fts_delete": "AFTER DELETE ON exercise_modules BEGIN "
    "DELETE FROM exercise_modules_fts WHERE module_id = old.id; END",
}


def upgrade():
    with op.batch_alter_table('exercise_modules', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_title', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('search_body', sa.Text(), nullable=False, server_default=''))
    # Fill the terms of the rows already there (the same pure function the model uses on every write).
    from toolkit.exercises.search import module_terms

    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, slug, title, summary, participant_summary, steps FROM exercise_modules"))
    for row in rows.mappings().all():
        steps = row["steps"]
        if isinstance(steps, str):
            import json

            steps = json.loads(steps)
        title, body = module_terms(title=row["title"], summary=row["summary"],
                                   participant_summary=row["participant_summary"], steps=steps, slug=row["slug"])
        bind.execute(sa.text("UPDATE exercise_modules SET search_title = :t, search_body = :b WHERE id = :id"),
                     {"t": title, "b": body, "id": row["id"]})
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE exercise_modules_fts USING fts5(module_id UNINDEXED, search_title, "
                   "search_body, tokenize='unicode61')")
        op.execute("INSERT INTO exercise_modules_fts (module_id, search_title, search_body) "
                   "SELECT id, search_title, search_body FROM exercise_modules")
        for name, body in FTS_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS exercise_modules_fts")
    with op.batch_alter_table('exercise_modules', schema=None) as batch_op:
        batch_op.drop_column('search_body')
        batch_op.drop_column('search_title')
