"""Indexes: every foreign key is the leading column of an index (or key), every column a list filters or
sorts on is indexed, and on PostgreSQL the main list queries can use them (EXPLAIN)."""

import pytest
import sqlalchemy as sa

from toolkit.extensions import db
from toolkit.tenancy import across_practices

# Columns the list endpoints filter or sort on (besides foreign keys and practice_id).
FILTERED_OR_SORTED = {
    "participants": ["display_name", "created_at"],
    "groups": ["name", "kind", "starts_on", "created_at"],
    "therapists": ["name"],
    "exercise_modules": ["category", "intensity", "setting"],
    "session_plans": ["starts_at", "created_at", "title"],
    "audit_events": ["at"],
}


def _leading_columns(inspector, table):
    leading = set()
    for index in inspector.get_indexes(table):
        leading.add(index["column_names"][0])
    for constraint in inspector.get_unique_constraints(table):
        leading.add(constraint["column_names"][0])
    pk = inspector.get_pk_constraint(table)["constrained_columns"]
    if pk:
        leading.add(pk[0])
    return leading


def _indexed_anywhere(inspector, table):
    """Columns that lead an index, or follow practice_id in one (the tenancy filter comes first)."""
    cols = _leading_columns(inspector, table)
    for index in inspector.get_indexes(table):
        names = index["column_names"]
        if names[0] == "practice_id" and len(names) > 1:
            cols.add(names[1])
    return cols


def test_every_foreign_key_leads_an_index(app):
    with app.app_context():
        inspector = sa.inspect(db.engine)
        missing = [f"{table}.{fk['constrained_columns'][0]}"
                   for table in inspector.get_table_names()
                   for fk in inspector.get_foreign_keys(table)
                   if fk["constrained_columns"][0] not in _leading_columns(inspector, table)]
    assert missing == []


def test_filtered_and_sorted_columns_are_indexed(app):
    with app.app_context():
        inspector = sa.inspect(db.engine)
        missing = [f"{table}.{column}" for table, columns in FILTERED_OR_SORTED.items()
                   for column in columns if column not in _indexed_anywhere(inspector, table)]
    assert missing == []


@pytest.mark.parametrize("sql", [
    "SELECT * FROM participants WHERE practice_id = 'p' ORDER BY display_name LIMIT 20",
    "SELECT * FROM groups WHERE practice_id = 'p' ORDER BY name LIMIT 20",
    "SELECT * FROM session_plans WHERE practice_id = 'p' AND group_id = 'g' ORDER BY starts_at LIMIT 20",
    "SELECT * FROM screenings WHERE participant_id = 'x' ORDER BY screened_at DESC LIMIT 20",
    "SELECT * FROM plan_items WHERE plan_id = 'x' ORDER BY position",
    "SELECT * FROM audit_events WHERE practice_id = 'p' ORDER BY seq DESC LIMIT 20",
])
def test_postgres_list_queries_use_an_index(app, on_postgres, sql):
    with app.app_context(), db.engine.connect() as conn:
        conn.execute(sa.text("SET enable_seqscan = off"))  # tiny test tables: ask whether an index *can* serve
        plan = "\n".join(conn.execute(sa.text(f"EXPLAIN {sql}")).scalars())
    assert "Index" in plan and "Seq Scan" not in plan, plan


def test_clearance_finds_each_members_newest_screening_by_index(app):
    """Clearance reads every member's newest screening: an index seek per member (a LATERAL join on
    PostgreSQL, a correlated subquery on SQLite), never a scan of the screenings table, whose size is
    every participant's whole history."""
    from toolkit.clearance.services import group_screenings

    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "group_members" in statement:
            captured.append((statement, parameters))

    with app.app_context(), across_practices(db.session):  # the lookup as a worker reads it: no practice filter
        sa.event.listen(db.engine, "before_cursor_execute", capture)
        try:
            group_screenings("no-such-group")
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", capture)
        (statement, parameters), = captured
        with db.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET enable_seqscan = off")  # tiny tables: ask what an index can serve
                plan = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {statement}", parameters))
                assert "ix_screenings_participant_screened" in plan and "Seq Scan on screenings" not in plan, plan
            else:
                plan = "\n".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
                assert "USING INDEX ix_screenings_participant_screened" in plan or \
                    "USING COVERING INDEX ix_screenings_participant_screened" in plan, plan
                assert "SCAN screenings" not in plan, plan
