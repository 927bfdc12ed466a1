"""Audit coverage (issue 28 point 7): FHIR `Group` (member names) and `CarePlan` reads, failed sign-ins
(never the password; an email with no account only as a keyed hash in the log) and reads of the audit trail
itself are events of the trail."""

import uuid

import sqlalchemy as sa

from tests.helpers import assert_error
from toolkit.extensions import db

API = "/api/v1"
LOGIN = f"{API}/auth/login"


def login(client, email, password):
    return client.post(LOGIN, json={"email": email, "password": password})


def events(client, admin, **filters):
    return client.get(f"{API}/audit-events", headers=admin["headers"], query_string=filters).get_json()


def test_fhir_group_and_care_plan_reads_are_audited(client, admin, create_group):
    group = create_group(name="FHIR group")
    for path in (f"fhir/Group/{group['id']}", f"fhir/CarePlan/{group['id']}"):
        assert client.get(f"{API}/{path}", headers=admin["headers"]).status_code == 200
    read = [(e["action"], e["record_type"]) for e in events(client, admin, record_id=group["id"])]
    assert ("read", "group") in read and ("read", "care_plan") in read
    assert all(e["actor_id"] == admin["therapist_id"] for e in events(client, admin, record_type="care_plan"))


def test_a_failed_login_is_audited_without_the_password(app, client, admin, caplog):
    assert_error(login(client, admin["email"], "wrong-password-here"), 401)
    unknown = f"nobody-{uuid.uuid4().hex[:6]}@example.org"
    assert_error(login(client, unknown, "wrong-password-here"), 401)
    events = client.get(f"{API}/audit-events", headers=admin["headers"],
                        query_string={"action": "login", "record_id": admin["therapist_id"]}).get_json()
    denied = [e for e in events if e["outcome"] == "denied"]
    assert len(denied) == 1 and denied[0]["actor_id"] is None and denied[0]["record_type"] == "therapist"
    assert unknown not in caplog.text and "wrong-password-here" not in caplog.text
    assert "failed sign-in for an email with no account (hmac " in caplog.text
    with app.app_context():
        assert "wrong-password-here" not in str(db.session.execute(sa.text("SELECT * FROM audit_events")).all())


def test_reading_the_audit_trail_is_audited(client, admin):
    client.get(f"{API}/audit-events", headers=admin["headers"])
    events = client.get(f"{API}/audit-events", headers=admin["headers"],
                        query_string={"record_type": "audit_event"}).get_json()
    assert events and events[0]["action"] == "list" and events[0]["actor_id"] == admin["therapist_id"]


