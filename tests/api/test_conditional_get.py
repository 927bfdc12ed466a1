"""Every GET answers 304 to a current If-None-Match (issue 34 point 3), through one mechanism
(toolkit/common/etag.answer_conditionally): the record's version tag where there is one, else a weak tag of the
body. The read still runs, so an audited read is recorded on a 304 too."""

import pytest

API = "/api/v1"


def _get(client, who, path, tag=None):
    headers = {**who["headers"], **({"If-None-Match": tag} if tag else {})}
    return client.get(f"{API}{path}", headers=headers)


@pytest.mark.parametrize("path", ["/me", "/participants?page_size=5", "/modules?page_size=3", "/screening/form",
                                  "/groups", "/plans"])
def test_a_current_tag_answers_304_with_no_body(client, admin, create_participant, path):
    create_participant(display_name="Robin Example")
    first = _get(client, admin, path)
    assert first.status_code == 200 and first.headers.get("ETag")
    again = _get(client, admin, path, first.headers["ETag"])
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert _get(client, admin, path, '"something-else"').status_code == 200


def test_a_record_answers_304_until_it_changes_and_the_read_is_audited_each_time(client, admin, create_participant):
    pat = create_participant(display_name="Robin Example")
    first = _get(client, admin, f"/participants/{pat['id']}")
    tag = first.headers["ETag"]
    assert not tag.startswith("W/")  # the record's own version tag, the one If-Match takes
    assert _get(client, admin, f"/participants/{pat['id']}", tag).status_code == 304
    r = client.patch(f"{API}/participants/{pat['id']}", headers={**admin["headers"], "If-Match": tag},
                     json={"notes": "Prefers the seat by the window."})
    assert r.status_code == 200
    changed = _get(client, admin, f"/participants/{pat['id']}", tag)
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    events = client.get(f"{API}/audit-events", headers=admin["headers"],
                        query_string={"record_type": "participant", "record_id": pat["id"], "action": "read",
                                      "page_size": 100}).get_json()
    assert len(events) == 3  # the 200, the 304 and the 200 after the change: each one a read


def test_a_list_tag_moves_when_the_list_changes(client, admin, create_participant):
    create_participant(display_name="Robin Example")
    tag = _get(client, admin, "/participants").headers["ETag"]
    assert tag.startswith("W/")  # a list has no version: a weak tag of what it shows
    create_participant(display_name="Sam Example")
    assert _get(client, admin, "/participants", tag).status_code == 200


def test_writes_and_errors_are_never_304(client, admin, create_participant):
    pat = create_participant(display_name="Robin Example")
    missing = _get(client, admin, "/participants/00000000-0000-0000-0000-000000000000", "*")
    assert missing.status_code == 404
    r = client.post(f"{API}/participants", headers={**admin["headers"], "If-None-Match": "*"},
                    json={"display_name": "Alex Example"})
    assert r.status_code == 201 and pat["id"]
