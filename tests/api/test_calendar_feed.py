"""Calendar subscriptions (issue 18, point 7): a group's sessions, a series' among them, as one iCalendar URL
with a secret token: made and shown once, stored as a hash, rotated and revoked; the feed answers without a
bearer token, 404 alike for unknown and revoked tokens, participant-safe, rate-limited, with ETag/304."""

import hashlib

import icalendar
import pytest

from tests.conftest import PASSWORD
from tests.helpers import answers_for, assert_error
from toolkit.extensions import db
from toolkit.tenancy import across_practices

SECRET_NAME = "Quinn Feedtest"
SECRET_NOTE = "CLINICAL-FEED-NOTE-5e2a"


@pytest.fixture
def programme(client, admin, create_group, create_participant):
    """A weekly group in Europe/London with a flagged member and a 3-session series from a template."""
    h = admin["headers"]
    mods = {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=h).get_json()}
    group = create_group(name="Thursday group", kind="group", capacity=8, timezone="Europe/London",
                         location="Room 4, Elm House")
    person = create_participant(display_name=SECRET_NAME, notes=SECRET_NOTE)
    assert client.post(f"/api/v1/groups/{group['id']}/members", json={"participant_id": person["id"]},
                       headers=h).status_code == 201
    form = client.get("/api/v1/screening/form", headers=h).get_json()
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=h, json={
        "form_version": form["version"], "answers": answers_for(form, {"dissociation_1": 2, "dissociation_2": 2})})
    assert r.status_code == 201, r.get_json()
    template = client.post("/api/v1/plans", headers=h, json={"title": "Weekly session", "items": [
        {"module_id": mods["group-agreements"]["id"], "minutes": 15, "notes": SECRET_NOTE},
        {"module_id": mods["younger-self-visualisation"]["id"], "minutes": 25}], "notes": SECRET_NOTE}).get_json()
    r = client.post("/api/v1/series", headers=h, json={
        "group_id": group["id"], "template_id": template["id"], "first_starts_at": "2027-03-18T18:00:00+00:00",
        "count": 3, "title": "Spring term"})
    assert r.status_code == 201, r.get_json()
    return {"group": group, "series": r.get_json()}


def _make(client, who, group_id):
    r = client.post(f"/api/v1/groups/{group_id}/calendar-feed", headers=who["headers"])
    assert r.status_code == 201, r.get_json()
    return r


def _path(body):
    return "/api/v1/calendar-feeds/" + body["token"]


def test_a_token_is_shown_once_and_its_feed_has_the_series_sessions(app, client, admin, programme):
    r = _make(client, admin, programme["group"]["id"])
    body = r.get_json()
    assert r.headers["Location"] == f"/api/v1/groups/{programme['group']['id']}/calendar-feed"
    assert r.headers["Cache-Control"] == "no-store"
    assert len(body["token"]) >= 40 and body["url"].endswith(_path(body))
    assert body["webcal_url"].startswith("webcal://") and body["webcal_url"].endswith(_path(body))
    shown = client.get(f"/api/v1/groups/{programme['group']['id']}/calendar-feed", headers=admin["headers"])
    assert shown.status_code == 200 and "token" not in shown.get_json()
    assert body["token"] not in shown.get_data(as_text=True)
    assert shown.get_json()["created_by"] == admin["therapist_id"]
    # only the hash is stored
    from toolkit.series.models import CalendarFeed

    with app.app_context(), across_practices(db.session):
        stored = db.session.query(CalendarFeed).one()
        assert stored.token_hash == hashlib.sha256(body["token"].encode()).hexdigest()
        assert body["token"] not in repr(stored.__dict__)
    feed = client.get(_path(body))  # no bearer token
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    cal = icalendar.Calendar.from_ical(feed.data)
    events = cal.walk("VEVENT")
    sessions = programme["series"]["sessions"]
    assert [str(e["UID"]) for e in events] == [f"plan-{s['plan_id']}@inner-child-toolkit" for s in sessions]
    assert [str(e["SUMMARY"]) for e in events] == [f"Spring term - session {n}" for n in (1, 2, 3)]
    assert all(str(e["LOCATION"]) == "Room 4, Elm House" and "SEQUENCE" in e and "LAST-MODIFIED" in e
               for e in events)
    assert [e.decoded("DTSTART").hour for e in events] == [18, 18, 18]  # across the DST change of 28 March
    assert [t.tz_name for t in cal.timezones] == ["Europe/London"] and b"RDATE" not in feed.data


def test_the_feed_carries_no_clinical_data(client, admin, programme):
    body = _make(client, admin, programme["group"]["id"]).get_json()
    text = client.get(_path(body)).get_data(as_text=True)
    for secret in (SECRET_NAME, "Quinn", SECRET_NOTE, "dissociation", "caution", "status clear", "status caution",
                   "must not take part", "Before we start the work itself"):
        assert secret not in text, secret
    assert "Grounding" in text or "Group agreements" in text  # participant-safe item titles are there


def test_etag_answers_304_until_a_session_changes(client, admin, programme):
    body = _make(client, admin, programme["group"]["id"]).get_json()
    first = client.get(_path(body))
    tag = first.headers["ETag"]
    again = client.get(_path(body), headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.data and again.headers["ETag"] == tag
    plan_id = programme["series"]["sessions"][0]["plan_id"]
    current = client.get(f"/api/v1/plans/{plan_id}", headers=admin["headers"])
    r = client.patch(f"/api/v1/plans/{plan_id}", json={"title": "Spring term - first evening"},
                     headers={**admin["headers"], "If-Match": current.headers["ETag"]})
    assert r.status_code == 200
    changed = client.get(_path(body), headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert b"first evening" in changed.data


def test_rotating_replaces_the_token_and_revoking_ends_it(client, admin, programme):
    group_id = programme["group"]["id"]
    old = _make(client, admin, group_id).get_json()
    new = _make(client, admin, group_id).get_json()
    assert old["token"] != new["token"]
    gone = client.get(_path(old))
    unknown = client.get("/api/v1/calendar-feeds/" + "x" * 43)
    assert_error(gone, 404)
    assert gone.get_json() == unknown.get_json()  # a replaced token looks like one that never existed
    assert client.get(_path(new)).status_code == 200
    r = client.delete(f"/api/v1/groups/{group_id}/calendar-feed", headers=admin["headers"])
    assert r.status_code == 204
    revoked = client.get(_path(new))
    assert_error(revoked, 404)
    assert revoked.get_json() == unknown.get_json() and set(revoked.headers.keys()) == set(unknown.headers.keys())
    assert_error(client.get(f"/api/v1/groups/{group_id}/calendar-feed", headers=admin["headers"]), 404)
    assert_error(client.delete(f"/api/v1/groups/{group_id}/calendar-feed", headers=admin["headers"]), 404)


@pytest.mark.parametrize("token", ["", "%00", "a" * 500, "..%2F..%2Fetc", "' OR 1=1 --"])
def test_odd_tokens_are_404(client, token):
    r = client.get("/api/v1/calendar-feeds/" + token)
    assert r.status_code in (404, 405) if token == "" else assert_error(r, 404)


def test_another_practice_cannot_make_show_or_revoke_a_groups_feed(client, admin, other, programme):
    group_id = programme["group"]["id"]
    body = _make(client, admin, group_id).get_json()
    for method in ("get", "post", "delete"):
        assert_error(client.open(f"/api/v1/groups/{group_id}/calendar-feed", method=method.upper(),
                                 headers=other["headers"]), 404)
    assert client.get(_path(body)).status_code == 200  # still the owner's token
    assert_error(client.post(f"/api/v1/groups/{group_id}/calendar-feed"), 401)  # managing needs a bearer token


def test_the_feed_is_rate_limited(make_config):
    from toolkit import create_app

    app = create_app(make_config(RATELIMIT_ENABLED=True, CALENDAR_FEED_RATE_LIMIT="3 per minute"))
    app.config["TESTING"] = True
    client = app.test_client()
    r = client.post("/api/v1/auth/register", json={"practice_name": "P", "name": "N", "password": PASSWORD,
                                                   "email": "feed-limit@example.org"})
    assert r.status_code == 201
    tokens = client.post("/api/v1/auth/login", json={"email": "feed-limit@example.org", "password": PASSWORD})
    h = {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}
    group = client.post("/api/v1/groups", headers=h, json={"name": "G", "kind": "retreat", "capacity": 5}).get_json()
    body = _make(client, {"headers": h}, group["id"]).get_json()
    codes = [client.get(_path(body)).status_code for _ in range(3)]
    limited = client.get("/api/v1/calendar-feeds/unknown-token")  # guessing counts too
    assert codes == [200, 200, 200]
    assert_error(limited, 429)
    assert "Retry-After" in limited.headers
    with app.app_context(), across_practices(db.session):
        db.session.remove()
        db.engine.dispose()


def test_deleting_the_group_ends_its_feed(client, admin, create_group):
    group = create_group(name="Short-lived", kind="retreat", capacity=4)
    body = _make(client, admin, group["id"]).get_json()
    assert client.get(_path(body)).status_code == 200  # a group with no sessions yet: an empty calendar
    current = client.get(f"/api/v1/groups/{group['id']}", headers=admin["headers"])
    r = client.delete(f"/api/v1/groups/{group['id']}",
                      headers={**admin["headers"], "If-Match": current.headers["ETag"]})
    assert r.status_code == 204, r.get_json()
    assert_error(client.get(_path(body)), 404)
