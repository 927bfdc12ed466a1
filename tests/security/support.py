"""Shared pieces of the security tests: a practice with one record of every kind, the spec's operations,
valid bodies for every write that takes an id, and helpers to run a real server."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests

from tests.factories import module_payload
from tests.helpers import answers_for

API = "/api/v1"
ROOT = Path(__file__).resolve().parents[2]
START = "2027-04-01T09:00:00+02:00"





def ok(response, code=200):
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:500])
    return response.get_json()


def builtin_module(client, headers) -> dict:
    rows = ok(client.get(f"{API}/modules", headers=headers, query_string={"source": "builtin", "page_size": 1}))
    return rows[0]


def build_world(client, who, *, create_participant, create_group, create_therapist) -> dict:
    """One record of every kind in `who`'s practice: a therapist, a participant who is a member of a group
    (and one who is not), a custom module, a plan of the group using it, a screening with an override."""
    h = who["headers"]
    therapist = create_therapist(by=who, name="World Therapist")
    member = create_participant(by=who, display_name="World Member", notes="clinical note")
    loner = create_participant(by=who, display_name="World Loner")
    group = create_group(by=who, name="World retreat", capacity=10, facilitator_ids=[therapist["id"]])
    ok(client.post(f"{API}/groups/{group['id']}/members", headers=h, json={"participant_id": member["id"]}), 201)
    module = ok(client.post(f"{API}/modules", headers=h, json=module_payload(title="World module")), 201)
    builtin = builtin_module(client, h)
    plan = ok(client.post(f"{API}/plans", headers=h, json={
        "title": "World plan", "group_id": group["id"], "starts_at": START,
        "items": [{"module_id": builtin["id"], "minutes": builtin["default_minutes"]},
                  {"module_id": module["id"], "minutes": 20}, {"minutes": 10, "title": "Tea"}]}), 201)
    template = ok(client.post(f"{API}/plans", headers=h, json={"title": "World template", "starts_at": START}), 201)
    form = ok(client.get(f"{API}/screening/form", headers=h))
    screening = ok(client.post(f"{API}/participants/{member['id']}/screenings", headers=h,
                               json={"form_version": form["version"], "answers": answers_for(form)}), 201)
    ok(client.post(f"{API}/screenings/{screening['id']}/override", headers=h,
                   json={"outcome": "caution", "reason": "Seen in the interview."}), 201)
    series = ok(client.post(f"{API}/series", headers=h, json={  # issue 19: a programme and a session note
        "group_id": group["id"], "template_id": template["id"], "first_starts_at": START, "count": 2}), 201)
    note = ok(client.post(f"{API}/plans/{plan['id']}/notes", headers=h, json={
        "shared": "World note", "entries": [{"participant_id": member["id"], "text": "World entry"}]}), 201)
    feed = ok(client.post(f"{API}/groups/{group['id']}/calendar-feed", headers=h), 201)  # issue 18
    safety_plan = ok(client.post(f"{API}/participants/{member['id']}/safety-plans", headers=h,  # issue 29
                                 json={"warning_signs": ["World sign"]}), 201)
    # issue 29: a crisis of the loner raises an alert; a webhook to a public address (an IP: no DNS needed)
    ok(client.post(f"{API}/participants/{loner['id']}/screenings", headers=h,
                   json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 1})}), 201)
    alert = next(a for a in ok(client.get(f"{API}/alerts", headers=h)) if a["kind"] == "crisis")
    # issue 30: the group agreement and an invitation to sign it
    ok(client.post(f"{API}/agreements", headers=h, json={"title": "World agreement", "text": "World agreement text."}),
       201)
    invitation = ok(client.post(f"{API}/participants/{member['id']}/invitations", headers=h,
                                json={"purpose": "agreement"}), 201)
    hook = ok(client.post(f"{API}/webhooks", headers=h,
                          json={"url": "https://93.184.216.34/hook", "events": ["alert.raised"]}), 201)
    login = next(s for s in ok(client.get(f"{API}/me/sessions", headers=h)) if s["current"])  # issue 28
    return {"session_id": login["id"], "safety_plan_id": safety_plan["id"], "alert_id": alert["id"],
            "webhook_id": hook["id"], "invitation_id": invitation["id"],
            "series_id": series["id"], "note_id": note["id"], "calendar_token": feed["token"],
            "who": who, "therapist_id": therapist["id"], "therapist_headers": therapist["headers"],
            "participant_id": member["id"], "loner_id": loner["id"], "group_id": group["id"],
            "module_id": module["id"], "builtin_module_id": builtin["id"], "plan_id": plan["id"],
            "template_id": template["id"], "screening_id": screening["id"], "form": form}


def snapshot(client, world) -> dict:
    """What the owner sees of every record (bodies and ETags), to prove nothing changed."""
    h = world["who"]["headers"]
    urls = [f"{API}/participants/{world['participant_id']}", f"{API}/participants/{world['loner_id']}",
            f"{API}/groups/{world['group_id']}", f"{API}/groups/{world['group_id']}/members",
            f"{API}/modules/{world['module_id']}", f"{API}/plans/{world['plan_id']}",
            f"{API}/plans/{world['template_id']}", f"{API}/screenings/{world['screening_id']}",
            f"{API}/participants/{world['participant_id']}/screenings", f"{API}/therapists/{world['therapist_id']}",
            f"{API}/therapists/{world['who']['therapist_id']}"]
    result = {}
    for url in urls:
        r = client.get(url, headers=h)
        assert r.status_code == 200, (url, r.get_json())
        result[url] = (r.headers.get("ETag"), r.get_json())
    return result


# --- the spec's operations ------------------------------------------------------------------------------

METHODS = ("get", "put", "post", "patch", "delete")


def spec_operations(client) -> list[tuple[str, str, dict]]:
    """(path template, method, operation) for every operation of the published spec."""
    spec = ok(client.get(f"{API}/openapi.json"))
    return [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()
            if method in METHODS]


def id_operations(client) -> list[tuple[str, str, dict]]:
    return [(path, method, op) for path, method, op in spec_operations(client) if "{" in path]


def write_bodies(world) -> dict:
    """A valid body for every write that takes an id, from the caller's own world (so the body itself
    passes validation and only the id in the path can stop the request)."""
    return {
        ("patch", "/therapists/{therapist_id}"): {"name": "Hijacked", "role": "admin", "active": False},
        ("post", "/auth/password-reset/{token}"): {"new_password": "kitten-orbit-lantern-59"},  # issue 28
        ("put", "/self-report/{token}/answers"): {"answers": {}, "declined": []},  # issue 30
        ("post", "/self-report/{token}/submit"): {},
        ("patch", "/participants/{participant_id}"): {"display_name": "Hijacked", "archived": True},
        ("patch", "/groups/{group_id}"): {"name": "Hijacked", "capacity": 1},
        ("post", "/groups/{group_id}/members"): {"participant_id": world["loner_id"]},
        ("patch", "/modules/{module_id}"): {"title": "Hijacked"},
        ("patch", "/plans/{plan_id}"): {"title": "Hijacked", "group_id": None},
        ("put", "/plans/{plan_id}/items"): {"items": [{"minutes": 5, "title": "Hijacked"}]},
        ("post", "/plans/{plan_id}/clone"): {"title": "Stolen copy", "group_id": None},
        ("post", "/participants/{participant_id}/screenings"): {
            "form_version": world["form"]["version"], "answers": answers_for(world["form"])},
        ("post", "/screenings/{screening_id}/override"): {"outcome": "clear", "reason": "Hijacked"},
        ("post", "/participants/{participant_id}/crisis-reviews"): {
            "screening_id": world["screening_id"], "summary": "Hijacked by another practice entirely",
            "risk_level": "low", "safety_plan_id": world["safety_plan_id"], "follow_up_on": "2099-01-01"},
        ("patch", "/series/{series_id}"): {"title": "Hijacked"},
        ("put", "/plans/{plan_id}/attendance"): {"records": []},
        ("post", "/plans/{plan_id}/notes"): {"shared": "Hijacked"},
        ("patch", "/notes/{note_id}"): {"shared": "Hijacked"},
        ("post", "/notes/{note_id}/addenda"): {"text": "Hijacked"},
        ("post", "/participants/{participant_id}/progress-reviews"): {"reason": "Hijacked review text"},
        ("post", "/participants/{participant_id}/safety-plans"): {"warning_signs": ["Hijacked"]},
        ("post", "/alerts/{alert_id}/resolve"): {"reason": "Hijacked: resolved from another practice."},
        ("post", "/participants/{participant_id}/invitations"): {"purpose": "agreement", "expires_in_days": 7},
    }


def body_for(bodies, path: str, method: str, op: dict):
    key = (method, path.removeprefix(API))
    if key in bodies:
        return bodies[key]
    assert "requestBody" not in op, f"{method.upper()} {path} takes a body: add a valid one to write_bodies()"
    return None


def fill(path: str, ids: dict) -> str:
    """Substitute ids into a path template; every parameter name must be known."""
    names = {name.split("}")[0] for name in path.split("{")[1:]}
    missing = names - set(ids)
    assert not missing, f"{path}: no id for {missing}: add the record to build_world()"
    for name in names:
        path = path.replace("{" + name + "}", ids[name])
    return path


def world_ids(world) -> dict:
    return {"therapist_id": world["therapist_id"], "participant_id": world["participant_id"],
            "group_id": world["group_id"], "module_id": world["module_id"], "plan_id": world["plan_id"],
            "screening_id": world["screening_id"], "template_id": world["template_id"],
            "series_id": world["series_id"], "note_id": world["note_id"], "safety_plan_id": world["safety_plan_id"],
            "alert_id": world["alert_id"], "webhook_id": world["webhook_id"], "session_id": world["session_id"],
            "invitation_id": world["invitation_id"],
            "observation_id": f"{world['screening_id']}-phq9"}  # FHIR (issue 22): a score of the screening


# FHIR path parameters that name what every practice shares (the intake form, our code systems), not a record.
SHARED_IDS = {"questionnaire_id", "code_system_id"}
# A capability in the path, not a record id: whoever holds a calendar feed token reads that feed (participant-safe
# data only), whatever their practice. tests/api/test_calendar_feed.py covers it: 404 alike for unknown, replaced
# and revoked tokens; the feed's management (/groups/{group_id}/calendar-feed) is in the walk like any id.
CAPABILITY_IDS = {"token"}


def is_404(response) -> bool:
    """A 404 in the one error shape, or (under the FHIR API) as an OperationOutcome."""
    body = response.get_json(silent=True) or {}
    if response.status_code != 404:
        return False
    if response.mimetype == "application/fhir+json":
        return body.get("resourceType") == "OperationOutcome"
    return body.get("code") == 404


def call(client, method: str, url: str, headers: dict, body=None, **kwargs):
    return client.open(url, method=method.upper(), headers={**headers, "If-Match": "*"}, json=body, **kwargs)


def excerpt(response, size: int = 200) -> str:
    """The start of a response body for a failure message (a PDF is not text)."""
    return response.data[:size].decode("utf-8", "replace")


# --- real servers ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_in_thread(app):
    """A real, threaded WSGI server on a free port running `app`; yields its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


class Gunicorn:
    """One `gunicorn app:app` process group; always stopped by `stop()` (SIGKILL as the last resort)."""

    def __init__(self, env: dict, log_dir: Path, workers: int = 1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"gunicorn-{self.port}-{uuid.uuid4().hex[:6]}.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115
        cmd = [str(Path(sys.executable).parent / "gunicorn"), "app:app", "-w", str(workers), "--no-control-socket",
               "-b", f"127.0.0.1:{self.port}", "--timeout", "30", "--graceful-timeout", "2"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, timeout: float = 30.0) -> "Gunicorn":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"gunicorn exited early ({self.proc.returncode}):\n{self.output()}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError(f"gunicorn did not become ready in {timeout} s:\n{self.output()}")

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text()[-3000:]

    def kill(self) -> None:
        """SIGKILL the whole process group (master and workers): no chance to clean up."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        """The instances keep no state: SIGKILL the whole group (also any orphaned worker) and reap it."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)
        self.log.close()


def run_together(n: int, action, timeout: float = 60.0) -> list:
    """Run `action(i)` in n threads released at once by a barrier; returns the results in order."""
    barrier = threading.Barrier(n, timeout=timeout)
    results: list = [None] * n

    def worker(i):
        try:
            barrier.wait()
            results[i] = action(i)
        except Exception as exc:  # noqa: BLE001 - reported by the caller
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    assert not any(t.is_alive() for t in threads), "concurrent requests did not finish in time"
    return results
