"""The overlap warning of plan lists and plan reads is computed from the plans that overlap in time only
(issue 21 point 5): the query asks for neighbours, so what it loads does not grow with the group's
history, and a page still sees a plan that overlaps it from outside the page."""

from sqlalchemy import event

from tests.helpers import PLANS, make_items, make_plan, queries_for
from toolkit.extensions import db


def codes(plan):
    return [w["code"] for w in plan["warnings"]]


def _weekly(client, admin, group_id, mods, weeks):
    return [make_plan(client, admin, group_id, make_items(mods, 3),
                      starts_at=f"2027-{1 + w // 4:02d}-{1 + 7 * (w % 4):02d}T09:00:00+01:00") for w in range(weeks)]


def _rows_loaded(app, client, admin, url, **kwargs):
    """Rows the overlap query returns for one request."""
    loaded = []

    def after(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT SESSION_PLANS.ID, SESSION_PLANS.GROUP_ID"):
            loaded.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "after_cursor_execute", after)
    try:
        r = client.get(url, headers=admin["headers"], **kwargs)
    finally:
        event.remove(engine, "after_cursor_execute", after)
    assert r.status_code == 200, r.get_json()
    return loaded, r.get_json()


def test_the_overlap_query_asks_for_neighbours_and_its_count_does_not_grow(app, client, admin, create_group, mods,
                                                                          count_queries):
    small, large = create_group(name="Short history"), create_group(name="Long history")
    _weekly(client, admin, small["id"], mods, 3)
    _weekly(client, admin, large["id"], mods, 30)
    page = {"group_id": large["id"], "page_size": 5}
    n_small, body_small = queries_for(client, count_queries, "GET", PLANS, admin,
                                      query_string={"group_id": small["id"], "page_size": 5})
    n_large, body_large = queries_for(client, count_queries, "GET", PLANS, admin, query_string=page)
    assert len(body_small) == 3 and len(body_large) == 5 and n_small == n_large, (n_small, n_large)
    statements, _ = _rows_loaded(app, client, admin, PLANS, query_string=page)
    (overlap_sql,) = statements
    assert "session_plans.starts_at <" in overlap_sql and "session_plans.ends_at >" in overlap_sql
    assert not any("overlap" in codes(p) for p in body_large)  # weekly plans: nothing overlaps


def test_a_page_sees_an_overlapping_plan_outside_the_page(client, admin, create_group, mods):
    group = create_group(name="Busy")
    plans = _weekly(client, admin, group["id"], mods, 8)
    clash = make_plan(client, admin, group["id"], make_items(mods, 3), starts_at="2027-01-01T09:10:00+01:00")
    first_page = client.get(PLANS, headers=admin["headers"],
                            query_string={"group_id": group["id"], "page_size": 1}).get_json()
    assert [p["id"] for p in first_page] == [plans[0]["id"]] and "overlap" in codes(first_page[0])
    detail = client.get(f"{PLANS}/{clash['id']}", headers=admin["headers"]).get_json()
    assert any(w["code"] == "overlap" and plans[0]["id"] in w["message"] for w in detail["warnings"])
    later = client.get(f"{PLANS}/{plans[5]['id']}", headers=admin["headers"]).get_json()
    assert "overlap" not in codes(later)


def test_the_overlap_query_is_bounded_below_by_the_longest_plan(app, client, admin, create_group, mods):
    """The neighbours' index range starts MAX_PLAN_LENGTH before each plan (no plan is longer), so a group's
    older history is not read; a long plan that starts days earlier and still runs is still found."""
    group = create_group(name="Long days")
    week = [{"module_id": None, "minutes": 24 * 60} for _ in range(6)]  # six whole days
    long_plan = make_plan(client, admin, group["id"], week, starts_at="2027-03-01T09:00:00+01:00")
    later = make_plan(client, admin, group["id"], make_items(mods, 3), starts_at="2027-03-05T09:00:00+01:00")
    statements, body = _rows_loaded(app, client, admin, f"{PLANS}/{later['id']}")
    (overlap_sql,) = statements
    assert overlap_sql.count("session_plans.starts_at >") == 1 and "session_plans.starts_at <" in overlap_sql
    assert "overlap" in codes(body) and long_plan["id"] in " ".join(w["message"] for w in body["warnings"])
