"""Webhooks (issue 29) against a real HTTP receiver on loopback (port 0; WEBHOOK_ALLOW_PRIVATE=true in those
tests only): signatures verified with the standardwebhooks library, a retry after a 500 with backoff (the clock
moved, not slept), switching off after repeated failure with the admins told, SSRF refusals at subscribe and at
delivery (127.0.0.1, 169.254.169.254, DNS rebinding, a redirect to them), and two instances sending each
delivery once."""

import json
import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks.webhooks import Webhook as Verifier
from standardwebhooks.webhooks import WebhookVerificationError

from tests.helpers import answers_for, assert_error
from tests.webhook_support import Receiver
from toolkit import create_app, signals
from toolkit.extensions import db
from toolkit.webhooks.delivery import dispatch_due

HOOKS = "/api/v1/webhooks"
NAME = "Ottoline Brackenridge"




@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def private_ok(app):
    app.config["WEBHOOK_ALLOW_PRIVATE"] = True
    return app


@pytest.fixture
def form(client, admin):
    return client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()


@pytest.fixture
def crisis(client, admin, form, create_participant):
    def make():
        person = create_participant(display_name=NAME, confirm_new=True)  # the same fictional name each time
        r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                        json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 1})})
        assert r.status_code == 201
        return person, r.get_json()

    return make


def subscribe(client, admin, url, events=("alert.raised",)):
    r = client.post(HOOKS, headers=admin["headers"], json={"url": url, "events": list(events)})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def dispatch(app, now):
    with app.app_context():
        return dispatch_due(now)


def deliveries(client, admin, hook):
    r = client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=admin["headers"])
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def test_a_crisis_is_delivered_signed_with_ids_only(private_ok, client, admin, receiver, crisis):
    hook = subscribe(client, admin, receiver.url, ("alert.raised", "screening.created"))
    assert hook["secret"].startswith("whsec_") and hook["active"] is True
    listed = client.get(HOOKS, headers=admin["headers"]).get_json()
    assert [h["id"] for h in listed] == [hook["id"]] and "secret" not in listed[0]
    person, screening = crisis()
    assert receiver.received == []  # sent by the worker, not by the request
    assert dispatch(private_ok, datetime.now(UTC)) == 2
    assert len(receiver.received) == 2
    verifier = Verifier(hook["secret"])
    bodies = []
    for got in receiver.received:
        assert {"webhook-id", "webhook-timestamp", "webhook-signature"} <= {k.lower() for k in got["headers"]}
        bodies.append(verifier.verify(got["body"], got["headers"]))  # raises unless the signature is right
        assert got["path"] == "/hook"
    by_type = {b["type"]: b for b in bodies}
    assert set(by_type) == {"alert.raised", "screening.created"}
    assert by_type["screening.created"]["data"] == {"screening_id": screening["id"], "participant_id": person["id"]}
    assert by_type["alert.raised"]["data"]["alert_kind"] == "crisis" and by_type["alert.raised"]["timestamp"]
    raw = b" ".join(g["body"] for g in receiver.received).decode()
    for clinical in (NAME, "defer", "acute_crisis", "phq9", "score"):
        assert clinical not in raw
    with pytest.raises(WebhookVerificationError):  # another secret does not verify
        Verifier("whsec_" + "A" * 43).verify(receiver.received[0]["body"], receiver.received[0]["headers"])
    log = deliveries(client, admin, hook)
    assert {d["status"] for d in log} == {"delivered"}
    assert all(d["attempts"][0]["outcome"] == "ok" and d["attempts"][0]["status_code"] == 204 for d in log)
    assert {d["id"] for d in log} == {g["headers"]["webhook-id"] for g in receiver.received}
    assert dispatch(private_ok, datetime.now(UTC) + timedelta(hours=1)) == 0  # delivered once


def test_a_500_is_retried_with_backoff(private_ok, client, admin, receiver, crisis):
    hook = subscribe(client, admin, receiver.url)
    receiver.answers = [(500, {})]
    crisis()
    now = datetime.now(UTC)
    assert dispatch(private_ok, now) == 1
    [delivery] = deliveries(client, admin, hook)
    assert delivery["status"] == "pending" and delivery["attempts"][0]["status_code"] == 500
    retry_at = datetime.fromisoformat(delivery["next_attempt_at"])
    assert timedelta(seconds=29) <= retry_at - now <= timedelta(seconds=31)
    assert dispatch(private_ok, now + timedelta(seconds=10)) == 0  # not yet due
    assert dispatch(private_ok, now + timedelta(seconds=31)) == 1
    [delivery] = deliveries(client, admin, hook)
    assert delivery["status"] == "delivered" and [a["outcome"] for a in delivery["attempts"]] == ["http_error", "ok"]
    assert len(receiver.received) == 2
    assert receiver.received[0]["headers"]["webhook-id"] == receiver.received[1]["headers"]["webhook-id"]
    Verifier(hook["secret"]).verify(receiver.received[1]["body"], receiver.received[1]["headers"])
    assert client.get(HOOKS, headers=admin["headers"]).get_json()[0]["consecutive_failures"] == 0


def test_repeated_failure_switches_the_hook_off_and_tells_the_admins(private_ok, client, admin, receiver, crisis):
    private_ok.config["WEBHOOK_MAX_FAILURES"] = 3
    hook = subscribe(client, admin, receiver.url)
    receiver.answers = [(500, {})] * 10
    told = []

    def heard(sender, webhook, **_):
        told.append(webhook.id)

    signals.webhook_disabled.connect(heard)
    try:
        crisis()
        now = datetime.now(UTC)
        for minutes in (0, 1, 3, 10):
            dispatch(private_ok, now + timedelta(minutes=minutes))
    finally:
        signals.webhook_disabled.disconnect(heard)
    assert len(receiver.received) == 3
    [shown] = client.get(HOOKS, headers=admin["headers"]).get_json()
    assert shown["active"] is False and shown["disabled_reason"] == "3 failed deliveries in a row"
    assert told == [hook["id"]]
    [delivery] = deliveries(client, admin, hook)
    assert delivery["status"] == "failed" and len(delivery["attempts"]) == 3
    alerts = client.get("/api/v1/alerts", headers=admin["headers"], query_string={"kind": "webhook_disabled"})
    assert [(a["source_type"], a["source_id"]) for a in alerts.get_json()] == [("webhook", hook["id"])]
    crisis()  # a switched-off hook gets nothing more
    assert dispatch(private_ok, now + timedelta(hours=1)) == 0 and len(receiver.received) == 3


def test_a_delivery_failing_for_a_day_fails_and_switches_the_hook_off(private_ok, client, admin, receiver, crisis):
    hook = subscribe(client, admin, receiver.url)
    receiver.answers = [(503, {})] * 100
    crisis()
    now, tries = datetime.now(UTC), 0
    while tries < 40:
        [delivery] = deliveries(client, admin, hook)
        if delivery["status"] != "pending":
            break
        dispatch(private_ok, max(now, datetime.fromisoformat(delivery["next_attempt_at"])))
        tries += 1
    assert delivery["status"] == "failed"
    times = [datetime.fromisoformat(a["at"]) for a in delivery["attempts"]]
    waits = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert waits == sorted(waits) and waits[0] == timedelta(seconds=30) and max(waits) == timedelta(hours=4)
    assert times[-1] - times[0] <= timedelta(days=1) and len(times) < 20
    [shown] = client.get(HOOKS, headers=admin["headers"]).get_json()
    assert shown["active"] is False and shown["disabled_reason"] == "a delivery failed for a day"


@pytest.mark.parametrize("url", ["https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                                 "https://[::1]/hook", "https://[::ffff:169.254.169.254]/hook",
                                 "https://[fe80::1]/hook", "https://10.1.2.3/hook", "https://224.0.0.1/hook",
                                 "https://0.0.0.0/hook", "http://ehr.example.org/hook", "ftp://ehr.example.org/",
                                 "https://user:pw@ehr.example.org/hook", "not a url"])
def test_private_loopback_link_local_and_plain_http_targets_are_refused(client, admin, url, caplog, monkeypatch):
    monkeypatch.setattr("toolkit.webhooks.transport.resolve", lambda host, port: [host])
    with caplog.at_level(logging.WARNING, logger="toolkit.webhooks.services"):
        body = assert_error(client.post(HOOKS, headers=admin["headers"], json={"url": url, "events": ["note.signed"]}),
                            422)
    assert "url" in body["errors"]
    assert "refused" in caplog.text and "whsec_" not in caplog.text
    assert client.get(HOOKS, headers=admin["headers"]).get_json() == []


def test_a_name_resolving_to_the_metadata_address_is_refused(client, admin, monkeypatch):
    monkeypatch.setattr("toolkit.webhooks.transport.resolve",
                        lambda host, port: ["93.184.216.34", "169.254.169.254"])
    body = assert_error(client.post(HOOKS, headers=admin["headers"],
                                    json={"url": "https://hooks.example.org/x", "events": ["note.signed"]}), 422)
    assert "169.254.169.254" in body["errors"]["url"][0]


@pytest.mark.parametrize("rebound", ["127.0.0.1", "169.254.169.254", "::1"])
def test_dns_rebinding_is_refused_at_delivery_and_logged(app, client, admin, crisis, monkeypatch, caplog, rebound,
                                                         receiver):
    answer = ["93.184.216.34"]
    monkeypatch.setattr("toolkit.webhooks.transport.resolve", lambda host, port: list(answer))
    hook = subscribe(client, admin, "https://hooks.example.org/x")
    answer[:] = [rebound]  # the attacker's DNS now points the name inside
    crisis()
    with caplog.at_level(logging.WARNING, logger="toolkit.webhooks.delivery"):
        assert dispatch(app, datetime.now(UTC)) == 1
    [delivery] = deliveries(client, admin, hook)
    assert delivery["attempts"][0]["outcome"] == "refused" and rebound in delivery["attempts"][0]["error"]
    assert "refused" in caplog.text and hook["secret"] not in caplog.text
    assert receiver.received == []


@pytest.mark.parametrize("target", ["loopback receiver", "http://169.254.169.254/latest/meta-data/"])
def test_a_redirect_is_not_followed(private_ok, client, admin, crisis, receiver, target):
    inside = Receiver()
    try:
        location = inside.url if target == "loopback receiver" else target
        hook = subscribe(client, admin, receiver.url)
        receiver.answers = [(302, {"Location": location})]
        crisis()
        assert dispatch(private_ok, datetime.now(UTC)) == 1
        [delivery] = deliveries(client, admin, hook)
        attempt = delivery["attempts"][0]
        assert attempt["outcome"] == "http_error" and attempt["status_code"] == 302
        assert "redirect" in attempt["error"] and delivery["status"] == "pending"
        assert len(receiver.received) == 1 and inside.received == []
    finally:
        inside.close()


def test_webhooks_are_for_admins_and_practice_scoped(client, admin, other, create_therapist, receiver, private_ok):
    plain = create_therapist()
    assert_error(client.post(HOOKS, headers=plain["headers"], json={"url": receiver.url, "events": ["note.signed"]}),
                 403)
    assert_error(client.get(HOOKS, headers=plain["headers"]), 403)
    assert_error(client.post(HOOKS, headers=admin["headers"], json={"url": receiver.url, "events": ["nope"]}), 422)
    assert_error(client.post(HOOKS, headers=admin["headers"], json={"url": receiver.url, "events": []}), 422)
    hook = subscribe(client, admin, receiver.url)
    assert_error(client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=other["headers"]), 404)
    assert_error(client.delete(f"{HOOKS}/{hook['id']}", headers=other["headers"]), 404)
    assert_error(client.delete(f"{HOOKS}/{hook['id']}", headers=plain["headers"]), 403)
    assert client.get(HOOKS, headers=other["headers"]).get_json() == []
    assert client.delete(f"{HOOKS}/{hook['id']}", headers=admin["headers"]).status_code == 204
    assert client.get(HOOKS, headers=admin["headers"]).get_json() == []
    assert_error(client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=admin["headers"]), 404)


def test_two_instances_send_each_delivery_once(make_config, private_ok, client, admin, receiver, crisis):
    apps = [create_app(make_config(WEBHOOK_ALLOW_PRIVATE=True)) for _ in range(2)]
    hook = subscribe(client, admin, receiver.url, ("alert.raised", "screening.created", "clearance.changed"))
    for _ in range(3):
        crisis()
    now = datetime.now(UTC)
    barrier = threading.Barrier(2)
    sent, errors = [], []

    def run(app):
        try:
            with app.app_context():
                barrier.wait(timeout=10)
                sent.append(dispatch_due(now))
                db.engine.dispose()
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    log = deliveries(client, admin, hook)
    assert len(log) == 6 and sum(sent) == 6  # 3 screenings and 3 crisis alerts (no group: no clearance.changed)
    ids = [g["headers"]["webhook-id"] for g in receiver.received]
    assert sorted(ids) == sorted(d["id"] for d in log)  # each once
    assert all(json.loads(g["body"])["type"] in ("alert.raised", "screening.created") for g in receiver.received)


def test_done_when_a_crisis_raises_one_alert_an_email_per_lead_and_facilitator_and_a_delivery(
        private_ok, client, admin, receiver, form, create_participant, create_group, create_therapist):
    """Issue 29's first 'done when', end to end through HTTP: the crisis screening's request has answered, and
    there is exactly one crisis alert, an outbox email for each clinical lead and the person's facilitator, and
    a webhook delivery that arrives signed; resolving needs a lead and 20+ characters; all of it audited."""
    lead, facilitator = create_therapist(clinical_lead=True), create_therapist(name="Fay Facilitator")
    group = create_group(name="Monday group", facilitator_ids=[facilitator["id"]])
    person = create_participant(display_name=NAME)
    assert client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                       json={"participant_id": person["id"]}).status_code == 201
    hook = subscribe(client, admin, receiver.url)
    r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=facilitator["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 1})})
    assert r.status_code == 201
    [alert] = client.get("/api/v1/alerts", headers=admin["headers"]).get_json()
    assert alert["kind"] == "crisis" and alert["participant_id"] == person["id"]
    mails = client.get("/api/v1/outbox", headers=admin["headers"], query_string={"page_size": 100}).get_json()
    assert sorted(m["to_address"] for m in mails if m["kind"] == "alert") == sorted(
        [lead["email"], facilitator["email"]])
    assert all(NAME not in m["body"] for m in mails)
    assert dispatch(private_ok, datetime.now(UTC)) == 1
    got = receiver.received[0]
    assert Verifier(hook["secret"]).verify(got["body"], got["headers"])["data"]["alert_id"] == alert["id"]
    url = f"/api/v1/alerts/{alert['id']}/resolve"
    assert_error(client.post(url, headers=facilitator["headers"], json={"reason": "x" * 30}), 403)
    assert_error(client.post(url, headers=lead["headers"], json={"reason": "x" * 19}), 422)
    assert client.post(url, headers=lead["headers"], json={"reason": "x" * 20}).status_code == 200
    trail = client.get("/api/v1/audit-events", headers=admin["headers"],
                       query_string={"record_type": "alert", "page_size": 100}).get_json()
    assert {("raise", "ok"), ("resolve", "denied"), ("resolve", "ok")} <= {(e["action"], e["outcome"]) for e in trail}
