"""Clearance's plan does not depend on planner statistics (issue 21): with a practice's long screening
history loaded and no ANALYZE since, each member's newest screening (with the tenant filter that
toolkit/tenancy.py adds) is found through (practice_id, participant_id, screened_at), not by reading the
practice's screenings."""

import sqlalchemy as sa

from tests.helpers import CLEAR
from toolkit.extensions import db, refresh_planner_statistics
from toolkit.tenancy import set_practice

COMPOSITE = "ix_screenings_practice_participant_screened"


def _history(per_member: int) -> None:
    """Copies each screening `per_member` times, older, with new ids: a long history, written in bulk."""
    table = db.metadata.tables["screenings"]
    columns = [c.name for c in table.columns]
    values = ", ".join("md5(random()::text || g::text)::uuid::text" if c == "id"
                       else f"s.{c} - g * interval '1 day'" if c == "screened_at" else f"s.{c}" for c in columns)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO screenings ({', '.join(columns)}) SELECT {values} "
                             f"FROM screenings s, generate_series(1, {per_member}) g")


def _clearance_plan(group_id: str, practice_id: str) -> str:
    from toolkit.clearance.services import group_screenings

    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "group_members" in statement:
            captured.append((statement, parameters))

    sa.event.listen(db.engine, "before_cursor_execute", capture)
    try:
        set_practice(db.session, practice_id)
        group_screenings(group_id)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", capture)
        db.session.rollback()
    statement, parameters = captured[0]  # the members and their newest screenings (progress comes after)
    with db.engine.connect() as conn:
        return "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {statement}", parameters))


def test_the_newest_screening_lookup_uses_the_composite_index_without_statistics(on_postgres, app, admin,
                                                                                  setup):  # noqa: F811
    group, _plan, _members = setup([CLEAR] * 6)
    with app.app_context():
        _history(400)
        without = _clearance_plan(group["id"], admin["practice_id"])
        assert refresh_planner_statistics(db.engine)
        analysed = _clearance_plan(group["id"], admin["practice_id"])
    for plan in (without, analysed):
        assert COMPOSITE in plan and "Seq Scan on screenings" not in plan, plan
        assert "ix_screenings_practice_id" not in plan, plan
