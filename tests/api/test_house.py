"""House rules that concern every read (issue 33): no answer is served from a per-worker copy, so a change
made by any code path (a raw SQL statement, a Core write on the session's connection) is what the next
read shows."""

from sqlalchemy import text

from toolkit.extensions import db
from toolkit.tenancy import set_practice


def test_a_raw_sql_write_is_seen_by_the_next_read(app, client, admin, create_participant):
    person = create_participant(display_name="Before")
    url = f"/api/v1/participants/{person['id']}"
    assert client.get(url, headers=admin["headers"]).get_json()["display_name"] == "Before"
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        db.session.execute(text("UPDATE participants SET display_name = 'After' WHERE id = :id"), {"id": person["id"]})
        db.session.commit()
    assert client.get(url, headers=admin["headers"]).get_json()["display_name"] == "After"


def test_a_core_write_on_the_sessions_connection_is_seen_by_the_next_read(app, client, admin, create_participant):
    person = create_participant(display_name="Before")
    url = f"/api/v1/participants/{person['id']}"
    assert client.get(url, headers=admin["headers"]).status_code == 200
    with app.app_context():
        db.session.connection().execute(text("UPDATE participants SET display_name = 'Core' WHERE id = :id"),
                                        {"id": person["id"]})
        db.session.commit()
    assert client.get(url, headers=admin["headers"]).get_json()["display_name"] == "Core"
