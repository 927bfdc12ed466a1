"""Issue 34 point 3: every shared record is written with If-Match, and every body a write needs carries the same
`etag` as the ETag header. The therapist account (role, clinical lead), the practice's settings and its
re-screen rhythm join the records that had it; notes, series and attendance sheets now say their tag in the
body too, so a client can edit from a list or a body without reading headers."""

import pytest

from tests.helpers import assert_error

API = "/api/v1"


@pytest.fixture
def therapist(create_therapist):
    return create_therapist()


def targets(admin, therapist):
    return {"therapist": f"{API}/therapists/{therapist['id']}", "practice": f"{API}/practice",
            "rhythm": f"{API}/practice/rescreen-rhythm"}


CHANGES = {"therapist": {"clinical_lead": True}, "practice": {"contact": "01234 567890"},
           "rhythm": {"every_days": 30}}


@pytest.mark.parametrize("what", ["therapist", "practice", "rhythm"])
def test_a_change_needs_the_current_etag(client, admin, therapist, what):
    url = targets(admin, therapist)[what]
    shown = client.get(url, headers=admin["headers"])
    assert shown.status_code == 200
    tag = shown.headers["ETag"]
    assert shown.get_json()["etag"] == tag  # the body says the same tag as the header
    assert_error(client.patch(url, headers=admin["headers"], json=CHANGES[what]), 428)
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": '"stale"'}, json=CHANGES[what]), 412)
    changed = client.patch(url, headers={**admin["headers"], "If-Match": tag}, json=CHANGES[what])
    assert changed.status_code == 200, changed.get_json()
    new_tag = changed.headers["ETag"]
    assert new_tag != tag and changed.get_json()["etag"] == new_tag
    # A second admin still holding the first tag cannot overwrite the change (412), and nothing moved.
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": tag}, json=CHANGES[what]), 412)
    assert client.get(url, headers=admin["headers"]).headers["ETag"] == new_tag


def test_deactivating_a_therapist_needs_the_current_etag(client, admin, therapist):
    url = f"{API}/therapists/{therapist['id']}"
    assert_error(client.delete(url, headers=admin["headers"]), 428)
    assert_error(client.delete(url, headers={**admin["headers"], "If-Match": '"stale"'}), 412)
    assert client.get(url, headers=admin["headers"]).get_json()["active"] is True
    tag = client.get(url, headers=admin["headers"]).headers["ETag"]
    assert client.delete(url, headers={**admin["headers"], "If-Match": tag}).status_code == 204
    assert client.get(url, headers=admin["headers"]).get_json()["active"] is False


def test_the_rhythm_body_from_a_get_goes_back_as_the_patch(client, admin):
    url = f"{API}/practice/rescreen-rhythm"
    shown = client.get(url, headers=admin["headers"])
    body = {**shown.get_json(), "every_sessions": 4}
    changed = client.patch(url, headers={**admin["headers"], "If-Match": shown.headers["ETag"]}, json=body)
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["every_sessions"] == 4
    stale = {**changed.get_json(), "etag": '"not-this-one"'}
    error = assert_error(client.patch(url, headers={**admin["headers"], "If-Match": changed.headers["ETag"]},
                                      json=stale), 422)
    assert "etag" in error["errors"]


def test_a_plain_therapist_is_refused_before_any_tag_is_asked_for(client, therapist):
    for url in (f"{API}/practice", f"{API}/practice/rescreen-rhythm"):
        assert_error(client.patch(url, headers=therapist["headers"], json={}), 403)


def test_lists_of_therapists_carry_each_etag(client, admin, therapist):
    listed = client.get(f"{API}/therapists", headers=admin["headers"]).get_json()
    for item in listed:
        one = client.get(f"{API}/therapists/{item['id']}", headers=admin["headers"])
        assert item["etag"] == one.headers["ETag"] == one.get_json()["etag"]


def test_note_series_and_attendance_bodies_carry_their_etag(client, admin, mods, create_group, create_participant):
    group = create_group(kind="group", name="Weekly group", timezone="Europe/London", capacity=8)
    person = create_participant()
    assert client.post(f"{API}/groups/{group['id']}/members", headers=admin["headers"],
                       json={"participant_id": person["id"], "joined_on": "2026-01-01"}).status_code == 201
    template = client.post(f"{API}/plans", headers=admin["headers"], json={
        "title": "Weekly session", "items": [{"module_id": mods["opening-check-in"]["id"], "minutes": 15}]})
    assert template.status_code == 201, template.get_json()
    series = client.post(f"{API}/series", headers=admin["headers"], json={
        "group_id": group["id"], "template_id": template.get_json()["id"],
        "first_starts_at": "2026-02-05T18:30:00+00:00", "count": 2})
    assert series.status_code == 201, series.get_json()
    assert series.get_json()["etag"] == series.headers["ETag"]
    shown = client.get(f"{API}/series/{series.get_json()['id']}", headers=admin["headers"])
    assert shown.get_json()["etag"] == shown.headers["ETag"]
    renamed = client.patch(f"{API}/series/{series.get_json()['id']}", json={"title": "Spring group"},
                           headers={**admin["headers"], "If-Match": shown.get_json()["etag"]})
    assert renamed.status_code == 200 and renamed.get_json()["etag"] == renamed.headers["ETag"] != shown.headers["ETag"]

    plan_id = series.get_json()["sessions"][0]["plan_id"]
    sheet = client.get(f"{API}/plans/{plan_id}/attendance", headers=admin["headers"])
    assert sheet.get_json()["etag"] == sheet.headers["ETag"]
    put = client.put(f"{API}/plans/{plan_id}/attendance", json={
        "records": [{"participant_id": person["id"], "status": "present"}]},
        headers={**admin["headers"], "If-Match": sheet.get_json()["etag"]})
    assert put.status_code == 200, put.get_json()
    assert put.get_json()["etag"] == put.headers["ETag"] != sheet.headers["ETag"]

    note = client.post(f"{API}/plans/{plan_id}/notes", headers=admin["headers"], json={"shared": "Draft."})
    assert note.status_code == 201 and note.get_json()["etag"] == note.headers["ETag"]
    edited = client.patch(f"{API}/notes/{note.get_json()['id']}", json={"shared": "Week 1."},
                          headers={**admin["headers"], "If-Match": note.get_json()["etag"]})
    assert edited.status_code == 200 and edited.get_json()["etag"] == edited.headers["ETag"]
