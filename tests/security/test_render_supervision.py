"""Supervised background work and no PHI at rest in the queue (issue 28 points 2 and 6), through the real
`boot.sh` (gunicorn, the Huey consumer and its warm render workers):

* the consumer is killed with SIGKILL in the middle of a render: `/readyz` answers 503 at once (the
  heartbeat names a dead process), boot.sh starts the consumer again and the service is ready by itself
  within 10 s; the interrupted render is queued again and reaches 200, and so does a PDF asked for while
  no consumer ran;
* after a facilitator PDF, no file under the instance folder, the queue's folder or the temporary folder
  that other users may read holds a participant's name, and the queue file holds it nowhere at all
  (tasks carry ids; the database and the queue files are 0600).
"""

import os
import signal
import stat
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from tests.conftest import PASSWORD
from tests.security.boot_support import Boot, wait_for
from tests.security.support import API

NAME = "Zelda Quillfeather"


def consumer_pid(boot: Boot) -> int | None:
    found = subprocess.run(["pgrep", "-g", str(boot.proc.pid), "-f", "huey_consumer"], capture_output=True,
                           text=True).stdout.split()
    return int(found[0]) if found else None


def readiness(base: str) -> int:
    try:
        return requests.get(f"{base}/readyz", timeout=2).status_code
    except requests.RequestException:
        return 0


def render_row(db_url: str, status: str):
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT key, claimed_by FROM agenda_renders WHERE status = :s"),
                                {"s": status}).first()
    finally:
        engine.dispose()


def files_under(*roots: Path):
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from (p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def boot_run(boot_env, db_url, tmp_path):
    env, port, tmp = boot_env
    instance = tmp_path / "instance"
    instance.mkdir()
    env.update({"RENDER_QUEUE_PATH": str(instance / "render-queue.sqlite3"), "AGENDA_WAIT_SECONDS": "0",
                "AUDIT_ANCHOR_PATH": str(instance / "audit-anchors.log"), "RENDER_WORKERS": "2"})
    boot = Boot(env, tmp_path / "boot.log")
    try:
        yield boot, f"http://127.0.0.1:{port}", instance, Path(tmp)
    finally:
        boot.kill()


def test_a_killed_consumer_is_restarted_and_no_file_others_can_read_holds_a_name(boot_run, db_url):
    boot, base, instance, tmp = boot_run
    boot.wait_ready(base)
    assert wait_for(lambda: readiness(base) == 200, timeout=60), boot.output()
    email = f"sup-{uuid.uuid4().hex[:8]}@example.org"
    assert requests.post(f"{base}{API}/auth/register", timeout=10, json={
        "practice_name": "Supervised practice", "name": "Su Admin", "email": email, "password": PASSWORD}).ok
    h = {"Authorization": "Bearer " + requests.post(f"{base}{API}/auth/login", timeout=10, json={
        "email": email, "password": PASSWORD}).json()["access_token"]}
    mods = {m["slug"]: m["id"] for m in requests.get(f"{base}{API}/modules?page_size=100", headers=h,
                                                     timeout=10).json()}
    group = requests.post(f"{base}{API}/groups", headers=h, timeout=10, json={
        "name": "Supervised retreat", "kind": "retreat", "capacity": 12}).json()
    person = requests.post(f"{base}{API}/participants", headers=h, timeout=10, json={"display_name": NAME}).json()
    assert requests.post(f"{base}{API}/groups/{group['id']}/members", headers=h, timeout=10,
                         json={"participant_id": person["id"]}).status_code == 201
    plan_ids = []
    for n in range(24):
        r = requests.post(f"{base}{API}/plans", headers=h, timeout=10, json={
            "title": f"Session {n + 1}", "group_id": group["id"],
            "starts_at": f"2027-05-{1 + n // 3:02d}T{9 + 3 * (n % 3):02d}:00:00+02:00",
            "items": [{"module_id": mods[s], "minutes": 20} for s in
                      ("opening-check-in", "younger-self-visualisation", "sharing-round", "closing-grounding")]})
        assert r.status_code == 201, r.text
        plan_ids.append(r.json()["id"])

    def pdf(url, params):
        def done():
            answer = requests.get(url, headers=h, params=params, timeout=30)
            assert answer.status_code in (200, 202), answer.text[:300]
            return answer.status_code == 200 and answer.content.startswith(b"%PDF")
        return done

    # A facilitator PDF (it names the member) through the warm workers.
    facilitator = (f"{base}{API}/plans/{plan_ids[0]}/agenda", {"format": "pdf"})
    assert wait_for(pdf(*facilitator), timeout=120, step=0.5), boot.output()

    # The whole retreat's handout is being laid out when the consumer is killed.
    handout = (f"{base}{API}/groups/{group['id']}/agenda", {"format": "pdf", "audience": "participant"})
    assert requests.get(handout[0], headers=h, params=handout[1], timeout=30).status_code == 202
    assert wait_for(lambda: render_row(db_url, "rendering") is not None, timeout=60, step=0.1), boot.output()
    _key, claimed_by = render_row(db_url, "rendering")
    killed = consumer_pid(boot)
    assert killed and claimed_by.endswith(f":{killed}")
    os.kill(killed, signal.SIGKILL)
    at = time.monotonic()
    seen = []
    while time.monotonic() - at < 30:
        seen.append(readiness(base))
        if seen[-1] == 200:
            break
        time.sleep(0.2)
    recovered = time.monotonic() - at
    assert 503 in seen and seen[-1] == 200, (seen, boot.output())  # not ready meanwhile, then ready again
    # Within 10 s (the consumer's cold start is about 2.5 s of CPU); on a machine loaded past one runnable
    # process per core the same start takes several times longer, and the bound says so instead of failing.
    limit = 10 if os.getloadavg()[0] <= (os.cpu_count() or 1) else 40
    assert recovered <= limit, (recovered, os.getloadavg(), boot.output())
    assert consumer_pid(boot) not in (None, killed)
    log = boot.log_path.read_text()
    assert "render consumer exited" in log and "Traceback" not in log, log[-3000:]

    # A PDF asked for after the kill, and the interrupted one, both reach 200.
    letter = (f"{base}{API}/plans/{plan_ids[1]}/agenda", {"format": "pdf", "paper": "letter"})
    assert wait_for(pdf(*letter), timeout=120, step=0.5), boot.output()
    assert wait_for(pdf(*handout), timeout=180, step=1), boot.output()

    # No PHI at rest where others could read it; none at all in the queue.
    database = Path(sa.make_url(db_url).database or "") if db_url.startswith("sqlite") else instance
    queue_files = [p for p in instance.iterdir() if p.name.startswith("render-queue.sqlite3")]
    assert queue_files
    for path in queue_files:
        assert NAME.encode() not in path.read_bytes(), path
    for path in files_under(instance, tmp, database):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            assert NAME.encode() not in path.read_bytes(), (path, oct(mode))
    if db_url.startswith("sqlite"):
        assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
    for path in queue_files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    boot.terminate()
