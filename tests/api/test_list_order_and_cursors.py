"""Issue 34 point 6: lists users sort take `sort` (screenings, alerts, audit; participants, groups and plans had
it), the audit trail reads on by cursor (`after_seq`, `before_seq`) without offsets, and every list is paginated
(session notes too)."""

import json

from tests.helpers import answers_for, assert_error


def _screen(client, admin, form, pid, overrides):
    r = client.post(f"/api/v1/participants/{pid}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, overrides)})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_screenings_sort_oldest_first_and_by_outcome(client, admin, form, create_participant):
    pid = create_participant()["id"]
    made = [_screen(client, admin, form, pid, o) for o in ({}, {"dissociation_1": 3}, {})]
    url = f"/api/v1/participants/{pid}/screenings"
    newest_first = [s["id"] for s in client.get(url, headers=admin["headers"]).get_json()]
    oldest_first = [s["id"] for s in client.get(url, headers=admin["headers"],
                                                query_string={"sort": "screened_at"}).get_json()]
    assert oldest_first == [s["id"] for s in made] and newest_first == oldest_first[::-1]
    by_outcome = client.get(url, headers=admin["headers"], query_string={"sort": "computed_outcome"}).get_json()
    assert [s["computed_outcome"] for s in by_outcome] == sorted(s["computed_outcome"] for s in made)
    assert "sort" in assert_error(client.get(url, headers=admin["headers"], query_string={"sort": "answers"}),
                                  422)["errors"]


def test_alerts_sort_by_kind(app, client, admin, form, create_participant):
    for overrides in ({"present_crisis_1": 1}, {"phq9_9": 1}):
        _screen(client, admin, form, create_participant()["id"], overrides)
    listed = client.get("/api/v1/alerts", headers=admin["headers"], query_string={"sort": "kind"}).get_json()
    assert listed and [a["kind"] for a in listed] == sorted(a["kind"] for a in listed)
    assert "sort" in assert_error(client.get("/api/v1/alerts", headers=admin["headers"],
                                             query_string={"sort": "participant_name"}), 422)["errors"]


def test_the_audit_trail_reads_on_by_cursor(client, admin, create_participant):
    for _ in range(4):
        create_participant()
    url = "/api/v1/audit-events"
    first = client.get(url, headers=admin["headers"], query_string={"sort": "seq", "page_size": 3}).get_json()
    seqs = [e["seq"] for e in first]
    assert seqs == sorted(seqs) and len(seqs) == 3
    more = client.get(url, headers=admin["headers"], query_string={"sort": "seq", "after_seq": seqs[-1],
                                                                    "page_size": 3}).get_json()
    assert more and all(e["seq"] > seqs[-1] for e in more) and [e["seq"] for e in more] == sorted(
        e["seq"] for e in more)
    newest = client.get(url, headers=admin["headers"], query_string={"page_size": 2}).get_json()
    older = client.get(url, headers=admin["headers"], query_string={"before_seq": newest[-1]["seq"]}).get_json()
    assert older and all(e["seq"] < newest[-1]["seq"] for e in older)
    assert "after_seq" in assert_error(client.get(url, headers=admin["headers"], query_string={"after_seq": -1}),
                                       422)["errors"]


def test_session_notes_lists_are_paginated(client, admin, create_participant):
    person = create_participant()
    r = client.get(f"/api/v1/participants/{person['id']}/notes", headers=admin["headers"])
    assert r.status_code == 200 and r.get_json() == []
    assert json.loads(r.headers["X-Pagination"])["total"] == 0


def test_pagination_metadata_is_complete_past_the_end(client, admin, create_participant):
    for _ in range(3):
        create_participant()
    r = client.get("/api/v1/participants", headers=admin["headers"], query_string={"page_size": 2, "page": 5})
    assert r.status_code == 200 and r.get_json() == []
    assert json.loads(r.headers["X-Pagination"]) == {"total": 3, "total_pages": 2, "first_page": 1, "last_page": 2,
                                                     "page": 5, "previous_page": 2, "next_page": None}
