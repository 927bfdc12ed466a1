"""Notifications by email (issue 29): the outbox, preferences, the signal receivers, delivery by a real SMTP
server (aiosmtpd on loopback) with retries, and the weekly digest."""

import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.helpers import answers_for, assert_error
from tests.smtp_support import Inbox, start_server
from toolkit import signals
from toolkit.extensions import db
from toolkit.notifications import receivers
from toolkit.notifications.delivery import deliver_due
from toolkit.notifications.models import OutboxMessage
from toolkit.notifications.rules import MAX_ATTEMPTS, WITHHELD
from toolkit.notifications.tasks import run_weekly_digests
from toolkit.tenancy import set_practice

OUTBOX = "/api/v1/outbox"
PREFS = "/api/v1/me/notification-preferences"
NAME = "Zelda Quarantotto"
PUBLIC = "https://toolkit.example.org"


def execute(app, sql, **params):
    """A raw write for the test's setup."""
    import sqlalchemy as sa

    with app.app_context():
        db.session.execute(sa.text(sql), params)
        db.session.commit()


# --- a practice with leads, a facilitator and a member ----------------------------------------------------


@pytest.fixture
def team(client, admin, other, create_therapist, create_participant, create_group, app):
    lead = create_therapist(name="Lena Lead", clinical_lead=True)
    lead2 = create_therapist(name="Luis Lead", clinical_lead=True)
    gone = create_therapist(name="Gina Gone", clinical_lead=True)
    facilitator = create_therapist(name="Fay Facilitator")
    bystander = create_therapist(name="Bo Bystander")
    foreign_lead = create_therapist(name="Olga Otherlead", clinical_lead=True, by=other)
    pat = create_participant(display_name=NAME)
    group = create_group(name="Tuesday group", kind="group", capacity=12, facilitator_ids=[facilitator["id"]])
    r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                    json={"participant_id": pat["id"]})
    assert r.status_code == 201, r.get_json()
    execute(app, "UPDATE therapists SET active = :no WHERE id = :id", no=False, id=gone["id"])
    execute(app, "UPDATE practices SET name = :name WHERE id = :id", name="Hillside Practice", id=admin["practice_id"])
    return SimpleNamespace(lead=lead, lead2=lead2, gone=gone, facilitator=facilitator, bystander=bystander,
                           foreign_lead=foreign_lead, pat=pat, group=group)


def raise_alert(app, practice_id, participant_id, kind="crisis", alert_id=None):
    """Send alert_raised as the alerts package does (after its flush, in the transaction), with a stand-in
    carrying the documented attributes of toolkit/alerts' Alert; then commit."""
    alert = SimpleNamespace(id=alert_id or str(uuid.uuid4()), practice_id=practice_id, kind=kind,
                            participant_id=participant_id, status="open", raised_at=datetime.now(UTC))
    with app.app_context():
        set_practice(db.session, practice_id)
        signals.alert_raised.send(None, alert=alert)
        db.session.commit()
    return alert


def outbox(client, who, **query):
    r = client.get(OUTBOX, headers=who["headers"], query_string={"page_size": 100, **query})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def test_receivers_are_connected():
    assert signals.alert_raised.has_receivers_for(None)
    assert receivers.email_alert in signals.alert_raised.receivers_for(None)
    assert receivers.email_password_reset in signals.password_reset_requested.receivers_for(None)
    assert receivers.email_invitation in signals.invitation_sent.receivers_for(None)


# --- without SMTP_URL: kept in the outbox -----------------------------------------------------------------


def test_an_alert_mails_the_leads_and_the_facilitators_once_kept_without_smtp(app, client, admin, other, team):
    alert = raise_alert(app, admin["practice_id"], team.pat["id"])
    rows = outbox(client, admin)
    assert sorted(r["to_address"] for r in rows) == sorted(
        [team.lead["email"], team.lead2["email"], team.facilitator["email"]])  # not inactive, not foreign
    for row in rows:
        assert row["status"] == "kept" and row["kind"] == "alert" and row["attempts"] == 0
        assert row["link"] == f"http://localhost:5000/api/v1/alerts/{alert.id}"
        assert row["subject"] == "Hillside Practice: new crisis alert"
        assert row["link"] in row["body"] and "Hillside Practice" in row["body"]
        for never in (NAME, "Zelda", team.pat["id"], "Tuesday group", "score", "PHQ"):
            assert never not in row["body"] + row["subject"], never
    by_therapist = {r["therapist_id"] for r in rows}
    assert by_therapist == {team.lead["id"], team.lead2["id"], team.facilitator["id"]}
    raise_alert(app, admin["practice_id"], team.pat["id"], alert_id=alert.id)  # the same cause again
    assert len(outbox(client, admin)) == 3
    assert outbox(client, other) == []  # tenancy
    assert len(outbox(client, admin, status="kept")) == 3 and outbox(client, admin, status="sent") == []


def test_a_lead_who_facilitates_gets_one_email(app, client, admin, team):
    r = client.patch(f"/api/v1/groups/{team.group['id']}", headers={**admin["headers"], "If-Match": team.group["etag"]},
                     json={"facilitator_ids": [team.facilitator["id"], team.lead["id"]]})
    assert r.status_code == 200, r.get_json()
    raise_alert(app, admin["practice_id"], team.pat["id"], kind="deterioration")
    rows = outbox(client, admin)
    expected = [team.lead["id"], team.lead2["id"], team.facilitator["id"]]
    assert sorted(r["therapist_id"] for r in rows) == sorted(expected)
    assert all(r["subject"] == "Hillside Practice: new reliable deterioration alert" for r in rows)


def test_outbox_is_for_admins_paginated_newest_first(app, client, admin, team):
    assert_error(client.get(OUTBOX, headers=team.lead["headers"]), 403)
    assert_error(client.get(OUTBOX), 401)
    assert_error(client.get(OUTBOX, headers=admin["headers"], query_string={"status": "lost"}), 422)
    raise_alert(app, admin["practice_id"], team.pat["id"], kind="screening_due")
    raise_alert(app, admin["practice_id"], team.pat["id"], kind="note_unsigned")
    r = client.get(OUTBOX, headers=admin["headers"], query_string={"page_size": 2})
    assert r.status_code == 200 and len(r.get_json()) == 2
    assert '"total": 6' in r.headers["X-Pagination"]
    assert all("session note unsigned" in m["subject"] for m in r.get_json())  # the newest first


# --- preferences ------------------------------------------------------------------------------------------


def test_preferences_default_and_the_lead_keeps_crisis(client, team):
    body = client.get(PREFS, headers=team.lead["headers"]).get_json()
    assert body["weekly_digest"] is True and body["always"] == ["crisis"]
    assert set(body["alert_kinds"]) == {"crisis", "deterioration", "follow_up_due", "screening_due",
                                        "self_report_received", "note_unsigned", "webhook_disabled"}
    r = client.put(PREFS, headers=team.lead["headers"], json={"alert_kinds": ["deterioration"], "weekly_digest": True})
    assert "alert_kinds" in assert_error(r, 422)["errors"]
    assert_error(client.put(PREFS, headers=team.lead["headers"], json={"alert_kinds": ["crisis", "gossip"],
                                                                       "weekly_digest": True}), 422)
    assert_error(client.put(PREFS, headers=team.lead["headers"], json={"alert_kinds": ["crisis"]}), 422)
    r = client.put(PREFS, headers=team.facilitator["headers"], json={"alert_kinds": [], "weekly_digest": False})
    assert r.status_code == 200 and r.get_json() == {"alert_kinds": [], "weekly_digest": False, "always": []}
    assert client.get(PREFS, headers=team.facilitator["headers"]).get_json()["alert_kinds"] == []


def test_preferences_choose_who_is_mailed(app, client, admin, team):
    ok = client.put(PREFS, headers=team.lead["headers"], json={"alert_kinds": ["crisis"], "weekly_digest": True})
    assert ok.status_code == 200, ok.get_json()
    off = client.put(PREFS, headers=team.facilitator["headers"], json={"alert_kinds": ["note_unsigned"],
                                                                       "weekly_digest": True})
    assert off.status_code == 200
    raise_alert(app, admin["practice_id"], team.pat["id"], kind="crisis")
    assert {r["therapist_id"] for r in outbox(client, admin)} == {team.lead["id"], team.lead2["id"]}
    raise_alert(app, admin["practice_id"], team.pat["id"], kind="deterioration")
    deterioration = [r for r in outbox(client, admin) if "deterioration" in r["subject"]]
    assert {r["therapist_id"] for r in deterioration} == {team.lead2["id"]}


# --- one-time links ---------------------------------------------------------------------------------------


def test_reset_and_invitation_links_are_withheld_from_admins(app, client, admin, team):
    url = "http://localhost:5000/reset/SECRET-TOKEN-123"
    invite_url = "http://localhost:5000/p/INVITE-SECRET-456"
    with app.app_context():
        from toolkit.auth.models import Therapist
        from toolkit.participants.models import Participant

        set_practice(db.session, admin["practice_id"])
        therapist = db.session.get(Therapist, team.bystander["id"])
        signals.password_reset_requested.send(None, therapist=therapist, url=url)
        participant = db.session.get(Participant, team.pat["id"])
        invitation = SimpleNamespace(id=str(uuid.uuid4()), email="zelda@example.org",
                                     expires_at=datetime(2027, 1, 8, tzinfo=UTC))
        signals.invitation_sent.send(None, invitation=invitation, participant=participant, url=invite_url)
        signals.invitation_sent.send(None, invitation=invitation, participant=participant, url=invite_url)
        db.session.commit()
        reminder_url = "http://localhost:5000/p/INVITE-SECRET-REMINDER"
        signals.invitation_sent.send(None, invitation=invitation, participant=participant, url=reminder_url)
        db.session.commit()
        messages = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.created_at)))
        assert [m.kind for m in messages] == ["password_reset", "invitation", "invitation"]  # the same link once
        stored = {m.kind: m for m in messages[:2]}
        assert url in stored["password_reset"].body and invite_url in stored["invitation"].body
        assert reminder_url in messages[2].body  # a reminder's fresh link is a new email
        assert NAME not in stored["invitation"].body and "08 January 2027" in stored["invitation"].body
    rows = {r["kind"]: r for r in outbox(client, admin)}
    assert set(rows) == {"password_reset", "invitation"}
    assert rows["password_reset"]["to_address"] == team.bystander["email"]
    assert rows["invitation"]["to_address"] == "zelda@example.org" and rows["invitation"]["therapist_id"] is None
    for row in rows.values():
        assert row["body"] == WITHHELD and row["link"] is None
        assert "SECRET" not in str(row)


def test_invitation_without_an_address_writes_nothing(app, client, admin, team):
    with app.app_context():
        from toolkit.participants.models import Participant

        set_practice(db.session, admin["practice_id"])
        participant = db.session.get(Participant, team.pat["id"])
        signals.invitation_sent.send(None, invitation=SimpleNamespace(id="i-1"), participant=participant,
                                     url="http://x/p/T")
        db.session.commit()
    assert outbox(client, admin) == []


# --- with SMTP_URL: a real SMTP server --------------------------------------------------------------------


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = start_server(inbox, user="toolkit", password="p@ss word")
    yield SimpleNamespace(inbox=inbox, url=f"smtp://toolkit:p%40ss%20word@127.0.0.1:{controller.port}",
                          port=controller.port)
    controller.stop()


@pytest.fixture
def mailing_app(app, smtp):
    """The same database, served with SMTP_URL and a public address set."""
    app.config.update(SMTP_URL=smtp.url, PUBLIC_URL=PUBLIC, MAIL_FROM="Hillside Toolkit <toolkit@hillside.example>")
    return app


def test_alert_emails_arrive_after_commit(mailing_app, client, admin, team, smtp):
    alert = raise_alert(mailing_app, admin["practice_id"], team.pat["id"])
    received = smtp.inbox.received
    assert sorted(r.rcpt_tos[0] for r in received) == sorted([team.lead["email"], team.lead2["email"],
                                                              team.facilitator["email"]])
    assert smtp.inbox.logins == ["toolkit"] * 3  # user and password from SMTP_URL, percent-decoded
    for r in received:
        m = r.message
        assert r.mail_from == "toolkit@hillside.example" and len(r.rcpt_tos) == 1
        assert m["From"] == "Hillside Toolkit <toolkit@hillside.example>" and m["To"] == r.rcpt_tos[0]
        assert m["Subject"] == "Hillside Practice: new crisis alert"
        assert m["Auto-Submitted"] == "auto-generated" and m["Message-ID"].endswith("@hillside.example>")
        assert m["Date"]
        assert f"{PUBLIC}/api/v1/alerts/{alert.id}" in r.body
        for never in (NAME, "Zelda", "Quarantotto", team.pat["id"], "score", "PHQ", "asq"):
            assert never not in r.body and never not in str(m["Subject"]), never
    rows = outbox(client, admin)
    assert {r["status"] for r in rows} == {"sent"} and all(r["attempts"] == 1 and r["sent_at"] for r in rows)


def test_a_refused_send_is_retried_with_backoff(mailing_app, client, admin, team, smtp):
    execute(mailing_app, "UPDATE therapists SET clinical_lead = :no WHERE id IN (:a, :b)", no=False,
            a=team.lead2["id"], b=team.facilitator["id"])
    smtp.inbox.refuse.append("451 4.3.0 Try again later")
    raise_alert(mailing_app, admin["practice_id"], team.bystander["id"])  # no such member: the lead alone
    assert smtp.inbox.received == []
    (row,) = outbox(client, admin)
    assert row["status"] == "queued" and row["attempts"] == 1 and row["last_error"].startswith("451")
    retry_at = datetime.fromisoformat(row["next_attempt_at"])
    assert timedelta(seconds=50) < retry_at - datetime.now(UTC) <= timedelta(seconds=61)
    with mailing_app.app_context():
        assert deliver_due() == {"sent": 0, "retry": 0, "failed": 0}  # not yet due
        assert deliver_due(now=retry_at + timedelta(seconds=1)) == {"sent": 1, "retry": 0, "failed": 0}
    (row,) = outbox(client, admin)
    assert row["status"] == "sent" and row["attempts"] == 2 and row["last_error"] is None
    assert [r.rcpt_tos for r in smtp.inbox.received] == [[team.lead["email"]]]


def test_a_permanent_refusal_fails_at_once(mailing_app, client, admin, team, smtp):
    execute(mailing_app, "UPDATE therapists SET clinical_lead = :no WHERE id IN (:a, :b)", no=False,
            a=team.lead2["id"], b=team.facilitator["id"])
    smtp.inbox.refuse.append("550 5.1.1 No such mailbox")
    raise_alert(mailing_app, admin["practice_id"], team.bystander["id"])
    (row,) = outbox(client, admin)
    assert row["status"] == "failed" and row["attempts"] == 1 and row["last_error"].startswith("550")


def test_an_unreachable_server_is_tried_for_about_a_day_then_failed(app, client, admin, team):
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{port}?timeout=2"
    execute(app, "UPDATE therapists SET clinical_lead = :no WHERE id IN (:a, :b)", no=False,
            a=team.lead2["id"], b=team.facilitator["id"])
    raise_alert(app, admin["practice_id"], team.bystander["id"])
    now = datetime.now(UTC)
    with app.app_context():
        for _ in range(MAX_ATTEMPTS - 1):
            now += timedelta(hours=13)
            deliver_due(now=now)
    (row,) = outbox(client, admin)
    assert row["status"] == "failed" and row["attempts"] == MAX_ATTEMPTS and row["next_attempt_at"] is None


def test_two_workers_never_send_one_message_twice(mailing_app, admin, team, smtp):
    from sqlalchemy.orm import Session
    from sqlalchemy.orm.exc import StaleDataError

    from toolkit.notifications.delivery import _claim
    from toolkit.tenancy import across_practices

    mailing_app.config["SMTP_URL"] = None  # written as kept, then queued by hand: nothing sent yet
    raise_alert(mailing_app, admin["practice_id"], team.bystander["id"])
    execute(mailing_app, "UPDATE outbox_messages SET status = 'queued', next_attempt_at = :now", now=datetime.now(UTC))
    mailing_app.config["SMTP_URL"] = smtp.url
    with mailing_app.app_context():
        with Session(db.engine) as one, Session(db.engine) as two, Session(db.engine) as late, \
                across_practices(one), across_practices(two), across_practices(late):
            ids = list(one.scalars(select(OutboxMessage.id)))
            stale = late.get(OutboxMessage, ids[0])  # a third worker read it before the first claimed it
            assert _claim(one, ids[0], datetime.now(UTC)) is not None
            assert _claim(two, ids[0], datetime.now(UTC)) is None  # sees the lease
            stale.locked_until = datetime.now(UTC)
            with pytest.raises(StaleDataError):  # a claim from an old read loses (the version column)
                late.commit()
        counts = deliver_due(now=datetime.now(UTC) + timedelta(minutes=6))  # the first worker's lease ran out
    assert counts["sent"] == 2 and len(smtp.inbox.received) == 2


def test_a_sent_reset_link_is_not_kept(mailing_app, client, admin, team, smtp):
    url = f"{PUBLIC}/reset/ONE-TIME-789"
    with mailing_app.app_context():
        from toolkit.auth.models import Therapist

        set_practice(db.session, admin["practice_id"])
        signals.password_reset_requested.send(None, therapist=db.session.get(Therapist, team.bystander["id"]),
                                              url=url)
        db.session.commit()
    (received,) = smtp.inbox.received
    assert received.rcpt_tos == [team.bystander["email"]] and url in received.body
    with mailing_app.app_context():
        (stored,) = db.session.scalars(select(OutboxMessage).execution_options(all_practices=True))
        assert stored.status == "sent" and stored.body == WITHHELD and stored.link is None


def test_a_rolled_back_cause_sends_nothing(mailing_app, admin, team, smtp):
    with mailing_app.app_context():
        set_practice(db.session, admin["practice_id"])
        alert = SimpleNamespace(id=str(uuid.uuid4()), practice_id=admin["practice_id"], kind="crisis",
                                participant_id=team.pat["id"], status="open", raised_at=datetime.now(UTC))
        signals.alert_raised.send(None, alert=alert)
        db.session.rollback()
        db.session.commit()
    assert smtp.inbox.received == []


# --- the weekly digest ------------------------------------------------------------------------------------


def test_weekly_digest_once_per_therapist_and_week(app, client, admin, team):
    soon = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0).isoformat()
    r = client.post("/api/v1/plans", headers=admin["headers"],
                    json={"title": "Week 2", "group_id": team.group["id"], "starts_at": soon, "items": []})
    assert r.status_code == 201, r.get_json()
    off = client.put(PREFS, headers=team.lead2["headers"], json={"alert_kinds": ["crisis"], "weekly_digest": False})
    assert off.status_code == 200
    now = datetime.now(UTC)
    with app.app_context():
        assert run_weekly_digests(now=now) == 2  # the facilitator (their member is due) and the lead
    with app.app_context():
        assert run_weekly_digests(now=now + timedelta(hours=1)) == 0  # a second worker, the same week
    rows = outbox(client, admin)
    assert sorted(r["therapist_id"] for r in rows) == sorted([team.facilitator["id"], team.lead["id"]])
    for row in rows:
        assert row["kind"] == "digest" and row["status"] == "kept"
        assert "Re-screens due in the next 7 days: 1" in row["body"]
        assert NAME not in row["body"] and "Tuesday group" not in row["body"]
    later = (now + timedelta(days=10)).replace(microsecond=0).isoformat()
    r = client.post("/api/v1/plans", headers=admin["headers"],
                    json={"title": "Week 3", "group_id": team.group["id"], "starts_at": later, "items": []})
    assert r.status_code == 201, r.get_json()
    with app.app_context():
        assert run_weekly_digests(now=now + timedelta(days=7)) == 2  # next week: a new digest


# --- the demo ---------------------------------------------------------------------------------------------


def test_demo_has_a_safety_plan_and_outbox_messages(app, client):
    from tests.helpers import cli

    result = cli(app, "seed", "--demo")
    assert result.exit_code == 0, result.output
    login = client.post("/api/v1/auth/login", json={"email": "demo-admin@example.org",
                                                     "password": "demo-password-change-me"}).get_json()
    h = {"Authorization": f"Bearer {login['access_token']}"}
    rows = client.get(OUTBOX, headers=h).get_json()
    assert len(rows) >= 2 and {r["status"] for r in rows} == {"kept"}
    people = client.get("/api/v1/participants", headers=h, query_string={"page_size": 100}).get_json()
    devon = next(p for p in people if p["display_name"] == "Devon Testcase")
    plans = client.get(f"/api/v1/participants/{devon['id']}/safety-plans", headers=h).get_json()
    assert [(p["version"], p["status"]) for p in plans] == [(2, "current"), (1, "superseded")]
    pdf = client.get(f"/api/v1/safety-plans/{plans[0]['id']}?format=pdf", headers=h)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_a_switched_off_webhook_mails_the_admins(app, client, admin, team, create_therapist):
    second_admin = create_therapist(name="Ada Second", role="admin")
    raise_alert(app, admin["practice_id"], None, kind="webhook_disabled")
    rows = outbox(client, admin)
    assert sorted(r["therapist_id"] for r in rows) == sorted([admin["therapist_id"], second_admin["id"]])
    assert all(r["subject"] == "Hillside Practice: new webhook switched off alert" for r in rows)


def test_the_worker_runs_the_email_tasks_on_their_schedule():
    from toolkit import worker
    from toolkit.notifications import tasks

    registry = worker.huey._registry
    assert {"toolkit.notifications.tasks.deliver_outbox", "toolkit.notifications.tasks.sweep_outbox",
            "toolkit.notifications.tasks.weekly_digest"} <= set(registry._registry)
    monday, tuesday = datetime(2026, 12, 7, 7, 0), datetime(2026, 12, 8, 7, 0)
    weekly, sweep = tasks.weekly_digest.task_class(), tasks.sweep_outbox.task_class()
    assert weekly.validate_datetime(monday) and not weekly.validate_datetime(tuesday)
    assert not weekly.validate_datetime(monday.replace(hour=8))
    assert sweep.validate_datetime(tuesday.replace(minute=13))


# --- two instances at once (PostgreSQL: real concurrent transactions) -------------------------------------


def _two_instances(make_config, **config):
    from toolkit import create_app

    return [create_app(make_config(**config)) for _ in range(2)]


def _run_together(apps, work):
    import threading

    barrier, errors = threading.Barrier(len(apps)), []

    def run(app):
        try:
            with app.app_context():
                barrier.wait(timeout=30)
                work()
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            with app.app_context():
                db.session.remove()

    threads = [threading.Thread(target=run, args=(app,)) for app in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors


def test_two_instances_send_each_email_once(on_postgres, app, client, admin, team, smtp, make_config):
    for i in range(4):
        raise_alert(app, admin["practice_id"], team.pat["id"], kind=("crisis", "deterioration")[i % 2])
    execute(app, "UPDATE outbox_messages SET status = 'queued', next_attempt_at = :now", now=datetime.now(UTC))
    instances = _two_instances(make_config, SMTP_URL=smtp.url)
    _run_together(instances, lambda: deliver_due())
    delivered = [(r.rcpt_tos[0], r.body) for r in smtp.inbox.received]  # the body names the alert's link
    assert len(delivered) == 12 and len(set(delivered)) == 12  # 4 alerts x 3 people, none twice
    rows = outbox(client, admin)
    assert len(rows) == 12 and {r["status"] for r in rows} == {"sent"} and {r["attempts"] for r in rows} == {1}
    assert len(smtp.inbox.received) == len(rows)  # each message once, whichever instance sent it


def test_two_instances_write_one_digest_each(on_postgres, app, client, admin, team, make_config):
    soon = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0).isoformat()
    r = client.post("/api/v1/plans", headers=admin["headers"],
                    json={"title": "Week 2", "group_id": team.group["id"], "starts_at": soon, "items": []})
    assert r.status_code == 201, r.get_json()
    now = datetime.now(UTC)
    _run_together(_two_instances(make_config), lambda: run_weekly_digests(now=now))
    rows = outbox(client, admin)
    assert sorted(r["therapist_id"] for r in rows) == sorted([team.facilitator["id"], team.lead["id"],
                                                              team.lead2["id"]])


def test_a_message_that_cannot_be_written_fails_alone(mailing_app, client, admin, team, smtp):
    execute(mailing_app, "UPDATE therapists SET email = :bad WHERE id = :id", bad="lead\nBcc: x@example.org",
            id=team.lead["id"])
    raise_alert(mailing_app, admin["practice_id"], team.pat["id"])
    rows = {r["therapist_id"]: r for r in outbox(client, admin)}
    assert rows[team.lead["id"]]["status"] == "failed" and "not a valid message" in rows[team.lead["id"]]["last_error"]
    assert {rows[t["id"]]["status"] for t in (team.lead2, team.facilitator)} == {"sent"}
    assert len(smtp.inbox.received) == 2


# --- end to end with toolkit/alerts -----------------------------------------------------------------------


def everyone(team):
    return sorted([team.lead["id"], team.lead2["id"], team.facilitator["id"]])


def crisis_screening(client, who, pid):
    form = client.get("/api/v1/screening/form", headers=who["headers"]).get_json()
    r = client.post(f"/api/v1/participants/{pid}/screenings", headers=who["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 3, "asq_1": 1})})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_a_crisis_screening_mails_each_lead_and_facilitator_in_its_request(client, admin, team):
    screening = crisis_screening(client, team.facilitator, team.pat["id"])
    (alert,) = client.get("/api/v1/alerts", headers=admin["headers"], query_string={"kind": "crisis"}).get_json()
    rows = outbox(client, admin)
    assert sorted(r["therapist_id"] for r in rows) == everyone(team)
    for row in rows:
        assert row["kind"] == "alert" and row["status"] == "kept"
        assert row["link"] == f"http://localhost:5000/api/v1/alerts/{alert['id']}"
        for never in (NAME, "Zelda", team.pat["id"], screening["id"], "PHQ", "score", "defer"):
            assert never not in row["body"] + row["subject"], never
    crisis_screening(client, team.facilitator, team.pat["id"])  # a second crisis: a second alert, new emails
    assert len(outbox(client, admin)) == 6


def test_a_crisis_screening_reaches_the_smtp_server(mailing_app, client, admin, team, smtp):
    crisis_screening(client, team.lead, team.pat["id"])
    (alert,) = client.get("/api/v1/alerts", headers=admin["headers"]).get_json()
    assert sorted(r.rcpt_tos[0] for r in smtp.inbox.received) == sorted(
        [team.lead["email"], team.lead2["email"], team.facilitator["email"]])
    for r in smtp.inbox.received:
        assert f"{PUBLIC}/api/v1/alerts/{alert['id']}" in r.body
        assert NAME not in r.body and "Zelda" not in r.body and "score" not in r.body
    assert {m["status"] for m in outbox(client, admin)} == {"sent"}


def test_an_alert_raised_by_the_worker_is_mailed_too(app, client, admin, team):
    from toolkit.alerts.services import raise_alert
    from toolkit.tenancy import across_practices

    with app.app_context(), across_practices(db.session):  # as the periodic task runs: no request, no practice
        alert = raise_alert(practice_id=admin["practice_id"], kind="follow_up_due", cause=f"test:{uuid.uuid4()}",
                            source_type="crisis_review", source_id=str(uuid.uuid4()), participant_id=team.pat["id"],
                            actor=None)
        db.session.commit()
    rows = outbox(client, admin)
    assert {r["link"] for r in rows} == {f"http://localhost:5000/api/v1/alerts/{alert.id}"}
    assert sorted(r["therapist_id"] for r in rows) == everyone(team)


def test_the_digest_counts_open_alerts(app, client, admin, team):
    crisis_screening(client, team.facilitator, team.pat["id"])
    now = datetime.now(UTC)
    with app.app_context():
        assert run_weekly_digests(now=now) == 3  # both leads and the facilitator: an open alert each
    digests = [r for r in outbox(client, admin) if r["kind"] == "digest"]
    assert len(digests) == 3 and all("Open alerts: 1" in r["body"] for r in digests)
    assert all(NAME not in r["body"] for r in digests)


def test_an_unsigned_note_mails_the_leads_and_the_sessions_facilitators(app, client, admin, team, create_group,
                                                                         create_participant):
    from toolkit.alerts.due import raise_due_alerts
    from toolkit.tenancy import across_practices

    held = (datetime.now(UTC) - timedelta(days=4)).replace(microsecond=0).isoformat()
    plan = client.post("/api/v1/plans", headers=admin["headers"],
                       json={"title": "Week 1", "group_id": team.group["id"], "starts_at": held, "items": []})
    assert plan.status_code == 201, plan.get_json()
    note = client.post(f"/api/v1/plans/{plan.get_json()['id']}/notes", headers=admin["headers"],
                       json={"shared": "Week 1 went well."})
    assert note.status_code == 201, note.get_json()
    with app.app_context(), across_practices(db.session):
        raise_due_alerts(datetime.now(UTC))
    unsigned = [r for r in outbox(client, admin) if "session note unsigned" in r["subject"]]
    assert sorted(r["therapist_id"] for r in unsigned) == everyone(team)
    assert all("Week 1 went well" not in r["body"] for r in unsigned)
