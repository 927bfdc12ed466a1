"""Invitations (issue 30): the participant's secure link, its status, supersession, revocation, the 422s, and
the JSON twin of the page (GET/PUT answers/submit) ending in a `self_report` screening scored as the
therapist's entry of the same answers."""

import re
from datetime import date, timedelta

import pytest

from tests.factories import ADULT
from tests.helpers import answers_for, assert_error, execute, expire, token_of
from toolkit import signals


@pytest.fixture
def invite(client, admin):
    def make(participant_id, purpose="intake", days=7, by=None):
        r = client.post(f"/api/v1/participants/{participant_id}/invitations", headers=(by or admin)["headers"],
                        json={"purpose": purpose, "expires_in_days": days})
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    return make






@pytest.fixture
def form(client, admin):
    return client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()


def test_create_shows_the_secret_once_and_keeps_only_its_hash(app, client, admin, create_participant, invite):
    person = create_participant(**ADULT)
    body = invite(person["id"])
    assert body["status"] == "sent" and body["purpose"] == "intake" and body["emailed"] is True
    token = token_of(body["url"])
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)  # 32 bytes, url-safe base64
    rows = execute(app, "SELECT token_hash FROM invitations")
    assert token not in str(rows) and len(rows[0][0]) == 64
    shown = client.get(f"/api/v1/invitations/{body['id']}", headers=admin["headers"]).get_json()
    assert "url" not in shown and token not in str(shown)
    listed = client.get(f"/api/v1/participants/{person['id']}/invitations", headers=admin["headers"])
    assert [i["id"] for i in listed.get_json()] == [body["id"]] and token not in listed.get_data(as_text=True)


def test_the_link_is_emailed_only_to_a_participant_with_an_address(client, admin, create_participant, invite):
    sent = []

    def receiver(sender, **kwargs):
        sent.append(kwargs)

    with signals.invitation_sent.connected_to(receiver):
        with_email = invite(create_participant(**ADULT)["id"])
        without = invite(create_participant(date_of_birth="1980-01-01", contact="phone only")["id"])
    assert without["emailed"] is False
    assert len(sent) == 1 and sent[0]["url"] == with_email["url"]
    assert sent[0]["invitation"].id == with_email["id"] and sent[0]["participant"].id == with_email["participant_id"]


def test_a_new_invitation_for_the_same_purpose_supersedes_the_open_one(client, admin, create_participant, invite):
    person = create_participant(**ADULT)
    first, second = invite(person["id"]), invite(person["id"])
    old = client.get(f"/api/v1/invitations/{first['id']}", headers=admin["headers"]).get_json()
    assert old["status"] == "revoked" and old["revoked_reason"] == "superseded"
    assert client.get(f"/api/v1/self-report/{token_of(first['url'])}").status_code == 404
    assert client.get(f"/api/v1/self-report/{token_of(second['url'])}").status_code == 200


def test_intake_needs_an_adult_with_a_date_of_birth(client, admin, create_participant):
    minor = str(date.today() - timedelta(days=365 * 15))
    for fields, field in (({"date_of_birth": None}, "date_of_birth"), ({"date_of_birth": minor}, "purpose")):
        person = create_participant(**fields)
        for purpose in ("intake", "rescreen"):
            r = client.post(f"/api/v1/participants/{person['id']}/invitations", headers=admin["headers"],
                            json={"purpose": purpose})
            assert field in assert_error(r, 422)["errors"]


@pytest.mark.parametrize("days", [0, 15, -1])
def test_expiry_is_one_to_fourteen_days(client, admin, create_participant, days):
    person = create_participant(**ADULT)
    r = client.post(f"/api/v1/participants/{person['id']}/invitations", headers=admin["headers"],
                    json={"purpose": "intake", "expires_in_days": days})
    assert "expires_in_days" in assert_error(r, 422)["errors"]


def test_revoke_and_list_by_status(app, client, admin, create_participant, invite):
    a, b, c = (invite(create_participant(**ADULT)["id"]) for _ in range(3))
    assert client.delete(f"/api/v1/invitations/{a['id']}", headers=admin["headers"]).status_code == 204
    client.get(f"/api/v1/self-report/{token_of(b['url'])}")  # opened
    expire(app, c["id"])

    def ids(status):
        r = client.get(f"/api/v1/invitations?status={status}", headers=admin["headers"])
        assert r.status_code == 200 and "X-Pagination" in r.headers
        return [i["id"] for i in r.get_json()]

    assert ids("revoked") == [a["id"]] and ids("opened") == [b["id"]] and ids("expired") == [c["id"]]
    assert ids("sent") == [] and ids("completed") == []
    assert_error(client.get("/api/v1/invitations?status=nope", headers=admin["headers"]), 422)
    assert client.get(f"/api/v1/self-report/{token_of(a['url'])}").status_code == 404
    assert client.get(f"/api/v1/self-report/{token_of(c['url'])}").status_code == 404


def test_another_practice_sees_nothing(client, admin, other, create_participant, invite):
    person = create_participant(**ADULT)
    made = invite(person["id"])
    assert_error(client.get(f"/api/v1/invitations/{made['id']}", headers=other["headers"]), 404)
    assert_error(client.delete(f"/api/v1/invitations/{made['id']}", headers=other["headers"]), 404)
    assert_error(client.post(f"/api/v1/participants/{person['id']}/invitations", headers=other["headers"],
                             json={"purpose": "intake"}), 404)
    assert client.get("/api/v1/invitations", headers=other["headers"]).get_json() == []


def test_json_twin_end_to_end_scores_equal_the_therapists(app, client, admin, create_participant, invite, form):
    person = create_participant(**ADULT)
    twin = create_participant(**{**ADULT, "display_name": "Twin"})
    answers = answers_for(form, {"phq9_2": 2, "gad7_1": 3, "audit_c_1": 2})
    received = []
    made = invite(person["id"])
    token = token_of(made["url"])
    got = client.get(f"/api/v1/self-report/{token}")
    assert got.status_code == 200 and got.headers["Cache-Control"] == "no-store"
    body = got.get_json()
    assert body["form"]["version"] == form["version"] and body["answers"] == {} and body["crisis"] is None
    half = dict(list(answers.items())[:5])
    saved = client.put(f"/api/v1/self-report/{token}/answers", json={"answers": half, "declined": []}).get_json()
    assert saved["answers"] == half and saved["unanswered"]
    assert client.get(f"/api/v1/self-report/{token}").get_json()["answers"] == half  # resumes
    client.put(f"/api/v1/self-report/{token}/answers", json={"answers": answers, "declined": []})
    with signals.self_report_submitted.connected_to(lambda s, **kw: received.append((s, kw))):
        sent = client.post(f"/api/v1/self-report/{token}/submit", json={})
    assert sent.status_code == 201 and set(sent.get_json()) == {"status", "completed_at"}
    assert received and received[0][0] is None and set(received[0][1]) == {"participant", "screening", "invitation"}
    assert client.get(f"/api/v1/self-report/{token}").status_code == 404
    assert_error(client.post(f"/api/v1/self-report/{token}/submit", json={}), 404)
    mine = client.get(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"]).get_json()[0]
    typed = client.post(f"/api/v1/participants/{twin['id']}/screenings", headers=admin["headers"],
                        json={"form_version": form["version"], "answers": answers}).get_json()
    assert mine["method"] == "self_report" and typed["method"] == "form"
    assert mine["scores"] == typed["scores"] and mine["flags"] == typed["flags"]
    assert mine["computed_outcome"] == typed["computed_outcome"] and mine["answers"] == typed["answers"]
    shown = client.get(f"/api/v1/invitations/{made['id']}", headers=admin["headers"]).get_json()
    assert shown["status"] == "completed" and shown["screening_id"] == mine["id"]
    received = client.get("/api/v1/alerts?kind=self_report_received", headers=admin["headers"]).get_json()
    assert [(a["participant_id"], a["source_id"]) for a in received] == [(person["id"], mine["id"])]


def test_a_therapist_cannot_post_a_self_report(client, admin, create_participant, form):
    person = create_participant(**ADULT)
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                    json={"method": "self_report", "form_version": form["version"], "answers": answers_for(form)})
    assert "method" in assert_error(r, 422)["errors"]


def test_a_critical_answer_raises_the_crisis_signal_once_before_sending(client, create_participant, invite, form):
    person = create_participant(**ADULT)
    token = token_of(invite(person["id"])["url"])
    seen = []
    with signals.self_report_crisis_answer.connected_to(lambda s, **kw: seen.append((s, kw))):
        body = client.put(f"/api/v1/self-report/{token}/answers",
                          json={"answers": {"asq_1": 1}, "declined": []}).get_json()
        client.put(f"/api/v1/self-report/{token}/answers", json={"answers": {"asq_1": 1, "asq_2": 1}, "declined": []})
    assert body["crisis"]["text"] and "asq_acuity" in body["asked"]
    assert len(seen) == 1 and seen[0][0] is None
    assert seen[0][1]["participant"].id == person["id"] and set(seen[0][1]) == {"participant", "invitation"}
    # stopping there is allowed: the screening is saved incomplete, defer
    assert client.post(f"/api/v1/self-report/{token}/submit", json={}).status_code == 201


def test_bad_answers_are_422_and_unknown_tokens_404(client, create_participant, invite):
    token = token_of(invite(create_participant(**ADULT)["id"])["url"])
    r = client.put(f"/api/v1/self-report/{token}/answers", json={"answers": {"nope": 1, "phq9_1": 9}})
    assert set(assert_error(r, 422)["errors"]) == {"answers.nope", "answers.phq9_1"}
    assert_error(client.post(f"/api/v1/self-report/{token}/submit", json={}), 422)  # nothing answered yet
    for bad in ("x", "A" * 43, "A" * 300):
        assert_error(client.get(f"/api/v1/self-report/{bad}"), 404)
        assert_error(client.put(f"/api/v1/self-report/{bad}/answers", json={"answers": {}}), 404)


def test_declined_items_are_recorded_as_declined(client, admin, create_participant, invite, form):
    person = create_participant(**ADULT)
    token = token_of(invite(person["id"])["url"])
    answers = answers_for(form)
    answers.pop("phq9_3")
    client.put(f"/api/v1/self-report/{token}/answers", json={"answers": answers, "declined": ["phq9_3"]})
    assert client.post(f"/api/v1/self-report/{token}/submit", json={}).status_code == 201
    screening = client.get(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"]).get_json()[0]
    assert screening["declined"] == ["phq9_3"] and screening["complete"] is False
    assert screening["computed_outcome"] in ("caution", "refer", "defer")


def test_the_link_reaches_the_outbox_for_the_participants_address(app, client, admin, create_participant, invite):
    made = invite(create_participant(**ADULT)["id"])
    rows = execute(app, "SELECT to_address, kind, link FROM outbox_messages WHERE kind = 'invitation'")
    assert [(r[0], r[1]) for r in rows] == [("pat@example.org", "invitation")]
    assert rows[0][2] in (None, made["url"])  # the secret link is only ever in that one message
