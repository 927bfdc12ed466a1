"""The practice's settings (issue 18): `GET /practice`, `PATCH /practice` (admin) with the `contact` the
participant handout prints; refused for therapists, strict about fields, and scoped to the caller's practice."""

from tests.helpers import assert_error, if_match

URL = "/api/v1/practice"
CONTACT = "Willow Tree Therapy: 01234 567890, hello@example.org. Out of hours: your local crisis line."


def test_an_admin_sets_the_contact_and_the_handout_prints_it(client, admin, other, create_group):
    shown = client.get(URL, headers=admin["headers"])
    assert shown.get_json() == {
        "id": admin["practice_id"], "name": "Test practice", "contact": None, "require_totp": False,
        "emergency_contact": None, "etag": shown.headers["ETag"]}
    r = client.patch(URL, headers=if_match(client, URL, admin["headers"]), json={"contact": f"  {CONTACT}  "})
    assert r.status_code == 200 and r.get_json()["contact"] == CONTACT and r.headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/me", headers=admin["headers"]).get_json()["practice"]["contact"] == CONTACT
    assert client.get(URL, headers=other["headers"]).get_json()["contact"] is None  # another practice: untouched
    group = create_group(name="Handout group", description="A small group for adults.")
    for fmt in ("md", "html", "json"):
        body = client.get(f"/api/v1/groups/{group['id']}/agenda?audience=participant&format={fmt}",
                          headers=admin["headers"]).get_data(as_text=True)
        assert "01234 567890" in body and "A small group for adults." in body, fmt
    events = client.get("/api/v1/audit-events?page_size=100", headers=admin["headers"]).get_json()
    assert any(e["record_type"] == "practice" and e["action"] == "update" for e in events)


def test_blank_contact_clears_it_and_the_name_can_change(client, admin):
    client.patch(URL, headers=if_match(client, URL, admin["headers"]), json={"contact": CONTACT})
    changing = if_match(client, URL, admin["headers"])
    r = client.patch(URL, headers=changing, json={"contact": "   ", "name": " New  name "})
    assert r.status_code == 200 and r.get_json()["contact"] is None and r.get_json()["name"] == "New name"
    changing = if_match(client, URL, admin["headers"])
    assert client.patch(URL, headers=changing, json={"contact": None}).get_json()["contact"] is None


def test_only_an_admin_may_change_it(client, admin, create_therapist):
    therapist = create_therapist()
    assert client.get(URL, headers=therapist["headers"]).status_code == 200
    changing = if_match(client, URL, therapist["headers"])
    assert_error(client.patch(URL, headers=changing, json={"contact": "hijacked"}), 403)
    assert client.get(URL, headers=admin["headers"]).get_json()["contact"] is None
    assert_error(client.get(URL), 401)


def test_bad_bodies_are_422_naming_the_field_and_change_nothing(client, admin):
    for body, field in [({"contact": "x" * 501}, "contact"), ({"name": ""}, "name"), ({"name": "   "}, "name"),
                        ({"id": "other"}, "id"), ({"contact": 5}, "contact")]:
        error = assert_error(client.patch(URL, headers=if_match(client, URL, admin["headers"]), json=body), 422)
        assert field in str(error.get("errors")), (body, error)
    shown = client.get(URL, headers=admin["headers"])
    assert shown.get_json() == {
        "id": admin["practice_id"], "name": "Test practice", "contact": None, "require_totp": False,
        "emergency_contact": None, "etag": shown.headers["ETag"]}
