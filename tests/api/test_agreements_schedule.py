"""The group agreement (versioned, signed on the participant's page, `agreement_missing` in clearance) and
scheduled measures (the worker invites members due a re-screen before a coming session, and reminds once),
issue 30."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import ADULT
from tests.helpers import assert_error, csrf, token_of
from toolkit import signals

API = "/api/v1"
TEXT = ("What is said in the group stays in the group.\n\nIf you are in crisis, we contact you and, when needed, "
        "emergency services.\n\nTell us when you cannot come.")


def publish(client, who, title="Group agreement"):
    r = client.post(f"{API}/agreements", headers=who["headers"], json={"title": title, "text": TEXT})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def agreement_link(client, admin, person):
    r = client.post(f"{API}/participants/{person['id']}/invitations", headers=admin["headers"],
                    json={"purpose": "agreement"})
    assert r.status_code == 201, r.get_json()
    return "/p/" + token_of(r.get_json()["url"])


@pytest.fixture
def weekly(client, admin, create_group, create_participant):
    """A `group` whose next session starts in `days` days, with the given members."""

    def make(members, days=3, kind="group"):
        mods = {m["slug"]: m for m in client.get(f"{API}/modules", headers=admin["headers"],
                                                  query_string={"page_size": 100, "source": "builtin"}).get_json()}
        group = create_group(kind=kind, name="Weekly", timezone="Europe/London", capacity=8)
        today = datetime.now(UTC).date().isoformat()
        for person in members:
            r = client.post(f"{API}/groups/{group['id']}/members", headers=admin["headers"],
                            json={"participant_id": person["id"], "joined_on": today})
            assert r.status_code == 201, r.get_json()
        starts = (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0)
        plan = client.post(f"{API}/plans", headers=admin["headers"], json={
            "title": "Session", "group_id": group["id"], "starts_at": starts.isoformat(),
            "items": [{"module_id": mods["opening-check-in"]["id"], "minutes": 15}]})
        assert plan.status_code == 201, plan.get_json()
        return group, plan.get_json()

    return make


def test_publishing_is_for_admins_and_versions_count_up(client, admin, create_therapist):
    therapist = create_therapist()
    assert_error(client.post(f"{API}/agreements", headers=therapist["headers"], json={"title": "x", "text": TEXT}),
                 403)
    assert publish(client, admin)["version"] == 1 and publish(client, admin, "Second")["version"] == 2
    listed = client.get(f"{API}/agreements", headers=therapist["headers"]).get_json()
    assert [a["version"] for a in listed] == [2, 1]


def test_an_agreement_invitation_needs_a_published_agreement(client, admin, create_participant):
    person = create_participant()  # no date of birth needed to sign
    r = client.post(f"{API}/participants/{person['id']}/invitations", headers=admin["headers"],
                    json={"purpose": "agreement"})
    assert "purpose" in assert_error(r, 422)["errors"]


def test_signing_on_the_page_records_name_tick_time_version_address(client, admin, other, create_participant):
    publish(client, admin)
    person = create_participant()
    path = agreement_link(client, admin, person)
    html = client.get(path).get_data(as_text=True)
    assert "What is said in the group stays in the group." in html and 'autocomplete="name"' in html
    refused = client.post(path, data={"csrf_token": csrf(html), "action": "sign", "typed_name": " "})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'href="#typed_name"' in page and 'href="#agreed"' in page
    done = client.post(path, data={"csrf_token": csrf(html), "action": "sign", "typed_name": "Sam Example",
                                   "agreed": "yes"})
    assert done.status_code == 303 and "Your signature has been sent" in client.get(path).get_data(as_text=True)
    signed = client.get(f"{API}/participants/{person['id']}/agreements", headers=admin["headers"]).get_json()
    assert len(signed) == 1
    assert {k: signed[0][k] for k in ("typed_name", "ticked", "version", "address", "current")} == {
        "typed_name": "Sam Example", "ticked": True, "version": 1, "address": "127.0.0.1", "current": True}
    assert datetime.fromisoformat(signed[0]["signed_at"]) > datetime.now(UTC) - timedelta(minutes=1)
    assert_error(client.get(f"{API}/participants/{person['id']}/agreements", headers=other["headers"]), 404)
    publish(client, admin, "Second version")
    again = client.get(f"{API}/participants/{person['id']}/agreements", headers=admin["headers"]).get_json()
    assert again[0]["current"] is False


def test_agreement_missing_in_clearance_until_the_current_version_is_signed(app, client, admin, create_participant,
                                                                           weekly):
    from toolkit.agreements.services import agreement_missing
    from toolkit.extensions import db
    from toolkit.tenancy import set_practice

    signer, other_member = create_participant(), create_participant()
    group, plan = weekly([signer, other_member])

    def warned():
        body = client.get(f"{API}/plans/{plan['id']}/clearance", headers=admin["headers"]).get_json()
        return {w["participant_id"] for w in body["warnings"] if w["code"] == "agreement_missing"}

    assert warned() == set()  # no agreement published: nothing to sign
    publish(client, admin)
    assert warned() == {signer["id"], other_member["id"]}
    token = agreement_link(client, admin, signer).rsplit("/", 1)[1]
    twin = client.get(f"{API}/self-report/{token}").get_json()
    assert twin["purpose"] == "agreement" and twin["form"] is None and twin["agreement"]["version"] == 1
    assert_error(client.post(f"{API}/self-report/{token}/submit", json={"typed_name": "Sam"}), 422)  # no tick
    assert client.post(f"{API}/self-report/{token}/submit", json={"typed_name": "Sam", "agreed": True}).status_code \
        == 201
    assert warned() == {other_member["id"]}
    publish(client, admin, "New version")  # a new version needs a new signature
    assert warned() == {signer["id"], other_member["id"]}
    with app.test_request_context():
        set_practice(db.session, admin["practice_id"])
        on = datetime.fromisoformat(plan["starts_at"]).date()
        assert set(agreement_missing([signer["id"], other_member["id"]], on)) == {signer["id"], other_member["id"]}
        assert agreement_missing([signer["id"]], on - timedelta(days=400)) == {}  # nothing was in force then


def test_couples_and_individual_groups_get_no_agreement_warning(client, admin, create_participant, weekly):
    publish(client, admin)
    _, plan = weekly([create_participant()], kind="individual")
    body = client.get(f"{API}/plans/{plan['id']}/clearance", headers=admin["headers"]).get_json()
    assert [w for w in body["warnings"] if w["code"] == "agreement_missing"] == []


def run_scheduler(app, now):
    from toolkit.extensions import db
    from toolkit.invitations.tasks import invite_and_remind

    with app.test_request_context():
        counts = invite_and_remind(now=now)
        db.session.commit()
    return counts


def test_the_worker_invites_members_due_before_a_coming_session_and_reminds_once(app, client, admin,
                                                                                 create_participant, weekly):
    due = create_participant(**ADULT)
    no_email = create_participant(date_of_birth="1975-05-05", contact="phone 0123")
    no_birth_date = create_participant(contact="x@example.org", date_of_birth=None)
    _, plan = weekly([due, no_email, no_birth_date], days=3)
    emails = []
    now = datetime.now(UTC)
    with signals.invitation_sent.connected_to(lambda sender, **kw: emails.append((sender, kw))):
        assert run_scheduler(app, now) == {"invited": 2, "reminded": 0}
        assert run_scheduler(app, now + timedelta(hours=1)) == {"invited": 0, "reminded": 0}  # once per session
        listed = client.get(f"{API}/invitations?status=sent", headers=admin["headers"]).get_json()
        assert {i["participant_id"] for i in listed} == {due["id"], no_email["id"]}
        assert all(i["scheduled"] and i["purpose"] == "rescreen" and i["plan_id"] == plan["id"] for i in listed)
        assert all(i["created_by"] == admin["therapist_id"] for i in listed)  # the clinician responsible
        assert len(emails) == 1 and emails[0][0] is None and emails[0][1]["participant"].id == due["id"]
        first_url = emails[0][1]["url"]
        client.put(f"{API}/self-report/{token_of(first_url)}/answers", json={"answers": {"phq9_1": 1}})
        assert run_scheduler(app, now + timedelta(days=2, hours=1)) == {"invited": 0, "reminded": 1}
        assert run_scheduler(app, now + timedelta(days=2, hours=5)) == {"invited": 0, "reminded": 0}  # only once
    assert len(emails) == 2 and emails[1][1]["url"] != first_url
    assert emails[1][1]["invitation"].id != emails[0][1]["invitation"].id  # a new invitation: a new email
    assert client.get(f"{API}/self-report/{token_of(first_url)}").status_code == 404  # the fresh link replaces it
    resumed = client.get(f"{API}/self-report/{token_of(emails[1][1]['url'])}").get_json()
    assert resumed["answers"] == {"phq9_1": 1}  # the answers given before the reminder carry over
    mine = client.get(f"{API}/participants/{due['id']}/invitations", headers=admin["headers"]).get_json()
    assert [(i["status"], i["revoked_reason"], bool(i["reminded_at"])) for i in mine] == [
        ("opened", None, True), ("revoked", "superseded", True)]
    assert mine[0]["expires_at"] == mine[1]["expires_at"] and mine[0]["plan_id"] == plan["id"]


def test_sessions_beyond_the_lead_time_wait(app, client, admin, create_participant, weekly):
    weekly([create_participant(**ADULT)], days=10)
    assert run_scheduler(app, datetime.now(UTC)) == {"invited": 0, "reminded": 0}
    assert run_scheduler(app, datetime.now(UTC) + timedelta(days=4)) == {"invited": 1, "reminded": 0}


def test_a_member_with_a_valid_screening_is_not_invited(app, client, admin, create_participant, weekly):
    person = create_participant(**ADULT)
    form = client.get(f"{API}/screening/form", headers=admin["headers"]).get_json()
    from tests.helpers import answers_for

    client.post(f"{API}/participants/{person['id']}/screenings", headers=admin["headers"],
                json={"form_version": form["version"], "answers": answers_for(form)})
    weekly([person], days=3)
    assert run_scheduler(app, datetime.now(UTC)) == {"invited": 0, "reminded": 0}


def test_the_periodic_task_is_registered():
    from toolkit import worker
    from toolkit.invitations import tasks

    assert worker.huey is tasks.huey
    assert any(re.search("scheduled_invitations", str(t)) for t in tasks.huey._registry._periodic_tasks)


def test_the_demo_has_a_pending_and_a_completed_invitation_and_a_signed_agreement(app, client):
    from tests.helpers import cli

    assert cli(app, "seed", "--demo").exit_code == 0
    login = client.post(f"{API}/auth/login", json={"email": "demo-admin@example.org",
                                                    "password": "demo-password-change-me"}).get_json()
    headers = {"Authorization": f"Bearer {login['access_token']}"}
    invitations = client.get(f"{API}/invitations?page_size=100", headers=headers).get_json()
    assert sorted(i["status"] for i in invitations) == ["completed", "completed", "sent"]
    intake = next(i for i in invitations if i["purpose"] == "intake")
    screening = client.get(f"{API}/screenings/{intake['screening_id']}", headers=headers).get_json()
    assert screening["method"] == "self_report"
    signed = client.get(f"{API}/participants/{next(i for i in invitations if i['status'] == 'completed' and i['purpose'] == 'agreement')['participant_id']}/agreements", headers=headers).get_json()  # noqa: E501
    assert signed[0]["current"] and signed[0]["address"] == "192.0.2.24"
    groups = client.get(f"{API}/groups?page_size=100", headers=headers).get_json()
    weekly = next(g for g in groups if g["kind"] == "group")
    [series] = client.get(f"{API}/series?group_id={weekly['id']}", headers=headers).get_json()
    week4 = client.get(f"{API}/plans/{series['sessions'][3]['plan_id']}/clearance", headers=headers).get_json()
    assert week4["warnings"] == []  # every member of the weekly group signed the agreement


def test_agreement_missing_is_on_the_facilitator_status_box_only(client, admin, create_participant, weekly):
    signer = create_participant(display_name="Sam Example")
    group, plan = weekly([signer])
    publish(client, admin)

    def status(audience):
        r = client.get(f"{API}/groups/{group['id']}/agenda", headers=admin["headers"],
                       query_string={"format": "json", "audience": audience})
        assert r.status_code == 200, r.get_json()
        return r.get_json()

    assert any("Sam Example" in w and "group agreement" in w for w in status("facilitator")["safety_warnings"])
    handout = status("participant")  # no one's signatures in the participant copy
    assert "safety_warnings" not in handout and "group agreement" not in str(handout)
    markdown = client.get(f"{API}/groups/{group['id']}/agenda", headers=admin["headers"],
                          query_string={"format": "md"}).get_data(as_text=True)
    assert "Sam Example has not signed the current group agreement" in markdown
    token = agreement_link(client, admin, signer).rsplit("/", 1)[1]
    assert client.post(f"{API}/self-report/{token}/submit", json={"typed_name": "Sam", "agreed": True}).status_code \
        == 201
    assert not any("group agreement" in w for w in status("facilitator")["safety_warnings"])
