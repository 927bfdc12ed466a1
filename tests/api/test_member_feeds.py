"""Calendars (issue 31, point 7): a feed per member, revoked when they leave the group; a deleted session keeps a
tombstone and goes to calendars as cancelled (STATUS:CANCELLED in the feeds and downloads, METHOD:CANCEL in the
cancellation file), with its UID and a higher SEQUENCE; another practice's group is a 404."""

import icalendar
import pytest

from tests.helpers import assert_error, if_match
from toolkit.extensions import db
from toolkit.tenancy import across_practices


@pytest.fixture
def retreat(client, admin, create_group, create_participant):
    h = admin["headers"]
    mods = {m["slug"]: m for m in client.get("/api/v1/modules?page_size=100", headers=h).get_json()}
    group = create_group(name="Feed retreat", kind="group", capacity=8, timezone="Europe/Berlin",
                         location="Haus am See")
    person = create_participant(display_name="Rowan Feedmember")
    assert client.post(f"/api/v1/groups/{group['id']}/members", json={"participant_id": person["id"]},
                       headers=h).status_code == 201
    plans = []
    for day in (10, 11):
        r = client.post("/api/v1/plans", headers=h, json={
            "title": f"Day {day - 9}", "group_id": group["id"], "starts_at": f"2027-05-{day}T09:30:00+02:00",
            "items": [{"module_id": mods["opening-check-in"]["id"], "minutes": 15}]})
        assert r.status_code == 201, r.get_json()
        plans.append(r.get_json())
    return {"group": group, "person": person, "plans": plans}


def _events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _delete_plan(client, admin, plan):
    current = client.get(f"/api/v1/plans/{plan['id']}", headers=admin["headers"])
    r = client.delete(f"/api/v1/plans/{plan['id']}", headers={**admin["headers"], "If-Match": current.headers["ETag"]})
    assert r.status_code == 204, r.get_json()


def test_a_member_has_an_own_feed_that_stops_when_they_leave(app, client, admin, retreat):
    group, person = retreat["group"], retreat["person"]
    url = f"/api/v1/groups/{group['id']}/members/{person['id']}/calendar-feed"
    r = client.post(url, headers=admin["headers"])
    assert r.status_code == 201 and r.headers["Cache-Control"] == "no-store"
    feed = "/api/v1/calendar-feeds/" + r.get_json()["token"]
    answer = client.get(feed)
    assert answer.status_code == 200 and len(_events(answer.data)) == 2
    assert "Rowan" not in answer.get_data(as_text=True)
    # Leaving the group revokes it at once (the row is gone, and the token answers 404 like any unknown one).
    assert client.delete(f"/api/v1/groups/{group['id']}/members/{person['id']}",
                         headers=admin["headers"]).status_code == 204
    assert_error(client.get(feed), 404)
    from toolkit.agendas.models import MemberCalendarFeed

    with app.app_context(), across_practices(db.session):
        assert db.session.query(MemberCalendarFeed).count() == 0
    # Not a member (any more): no feed can be made.
    assert_error(client.post(url, headers=admin["headers"]), 404)


def test_a_member_feed_is_rotated_and_revoked(client, admin, retreat):
    group, person = retreat["group"], retreat["person"]
    url = f"/api/v1/groups/{group['id']}/members/{person['id']}/calendar-feed"
    first = client.post(url, headers=admin["headers"]).get_json()["token"]
    second = client.post(url, headers=admin["headers"]).get_json()["token"]
    assert_error(client.get("/api/v1/calendar-feeds/" + first), 404)
    assert client.get("/api/v1/calendar-feeds/" + second).status_code == 200
    assert client.delete(url, headers=admin["headers"]).status_code == 204
    assert_error(client.get("/api/v1/calendar-feeds/" + second), 404)
    assert_error(client.delete(url, headers=admin["headers"]), 404)


def test_a_deleted_session_stays_in_the_feeds_as_cancelled(app, client, admin, retreat):
    group, person, plans = retreat["group"], retreat["person"], retreat["plans"]
    token = client.post(f"/api/v1/groups/{group['id']}/members/{person['id']}/calendar-feed",
                        headers=admin["headers"]).get_json()["token"]
    group_token = client.post(f"/api/v1/groups/{group['id']}/calendar-feed", headers=admin["headers"]).get_json()
    before = {str(e["UID"]): e for e in _events(client.get("/api/v1/calendar-feeds/" + token).data)}
    _delete_plan(client, admin, plans[0])
    for feed in ("/api/v1/calendar-feeds/" + token, "/api/v1/calendar-feeds/" + group_token["token"]):
        events = {str(e["UID"]): e for e in _events(client.get(feed).data)}
        uid = f"plan-{plans[0]['id']}@inner-child-toolkit"
        assert set(events) == set(before), feed  # kept, not dropped
        assert str(events[uid]["STATUS"]) == "CANCELLED" and str(events[uid]["SUMMARY"]).startswith("Cancelled: ")
        assert int(events[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
        other = f"plan-{plans[1]['id']}@inner-child-toolkit"
        assert "STATUS" not in events[other]
    # The group's download keeps it as cancelled too; the cancellation file asks calendars to remove it.
    download = client.get(f"/api/v1/groups/{group['id']}/agenda?format=ics&audience=participant",
                          headers=admin["headers"])
    assert b"STATUS:CANCELLED" in download.data and b"METHOD:PUBLISH" in download.data
    cancel = client.get(f"/api/v1/groups/{group['id']}/cancellations.ics", headers=admin["headers"])
    assert cancel.status_code == 200 and b"METHOD:CANCEL" in cancel.data
    [event] = _events(cancel.data)
    assert str(event["UID"]) == f"plan-{plans[0]['id']}@inner-child-toolkit" and str(event["STATUS"]) == "CANCELLED"
    from toolkit.agendas.models import CancelledSession

    with app.app_context(), across_practices(db.session):
        [tomb] = db.session.query(CancelledSession).all()
        assert tomb.plan_id == plans[0]["id"] and tomb.title == "Day 1"


def test_another_practice_cannot_reach_the_member_feed_or_cancellations(client, admin, other, retreat):
    group, person = retreat["group"], retreat["person"]
    assert_error(client.post(f"/api/v1/groups/{group['id']}/members/{person['id']}/calendar-feed",
                             headers=other["headers"]), 404)
    assert_error(client.get(f"/api/v1/groups/{group['id']}/cancellations.ics", headers=other["headers"]), 404)


def test_practice_and_group_emergency_contacts_and_a_therapist_phone_are_settings(client, admin, retreat):
    h = admin["headers"]
    changing = if_match(client, "/api/v1/practice", h)
    r = client.patch("/api/v1/practice", json={"emergency_contact": "999"}, headers=changing)
    assert r.status_code == 200 and r.get_json()["emergency_contact"] == "999"
    handout = client.get(f"/api/v1/groups/{retreat['group']['id']}/agenda?format=html&audience=participant",
                         headers=h).get_data(as_text=True)
    assert "In an emergency at Haus am See:</span> 999" in handout  # the practice's, until the group has its own
    current = client.get(f"/api/v1/groups/{retreat['group']['id']}", headers=h)
    r = client.patch(f"/api/v1/groups/{retreat['group']['id']}", json={"emergency_contact": "112"},
                     headers={**h, "If-Match": current.headers.get("ETag", "*")})
    assert r.status_code == 200, r.get_json()
    handout = client.get(f"/api/v1/groups/{retreat['group']['id']}/agenda?format=html&audience=participant",
                         headers=h).get_data(as_text=True)
    assert "In an emergency at Haus am See:</span> 112" in handout and "999" not in handout


@pytest.mark.parametrize("utc_hour", [0, 12, 23])
def test_a_members_feed_counts_days_in_the_groups_zone(app, client, admin, create_group, create_participant,
                                                        utc_hour):
    """Membership days are the group's (joined_on defaults to today there): at 23:30 UTC a Berlin member who
    joined on Berlin's new day is a member, whatever the day in UTC (the feed once used the UTC date)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from toolkit.agendas.feeds import feed_document

    group = create_group(name="Zone group", kind="group", capacity=8, timezone="Europe/Berlin")
    person = create_participant(display_name="Zone Member")
    moment = datetime(2026, 3, 10, utc_hour, 30, tzinfo=UTC)  # in the past: the membership is current now
    berlin_day = moment.astimezone(ZoneInfo("Europe/Berlin")).date()
    assert client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"], json={
        "participant_id": person["id"], "joined_on": berlin_day.isoformat()}).status_code == 201
    url = f"/api/v1/groups/{group['id']}/members/{person['id']}/calendar-feed"
    token = client.post(url, headers=admin["headers"]).get_json()["token"]
    with app.app_context():
        assert feed_document(token, now=moment).group_name == "Zone group"
