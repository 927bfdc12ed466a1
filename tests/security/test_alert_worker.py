"""The real background worker (issue 29): a `huey_consumer toolkit.worker.huey` process, its queue on this
test's own SQLite file or on Redis (database 3), sends a webhook delivery handed to it and runs the due-alerts
task, against the same database as the app under test (a file, or PostgreSQL)."""

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from standardwebhooks.webhooks import Webhook as Verifier

from tests.factories import crisis_review
from tests.helpers import answers_for
from tests.webhook_support import Receiver

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/3"
WAIT = 60


def redis_up() -> bool:
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.flushdb()  # this test's own database number
        return True
    except Exception:  # noqa: BLE001  (no Redis here: that variant is skipped)
        return False


def worker_env(db_url: str, queue: str, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("RENDER_QUEUE_IMMEDIATE", "REDIS_URL")}
    env.update(DATABASE_URL=db_url, WEBHOOK_ALLOW_PRIVATE="true", PYTHONPATH=str(ROOT))
    if queue == "redis":
        env["REDIS_URL"] = REDIS_URL
    else:
        env["RENDER_QUEUE_PATH"] = str(tmp_path / f"queue-{uuid.uuid4().hex[:6]}.sqlite3")
    return env


def enqueue(env: dict, code: str) -> None:
    """Hand a task to the queue the way the web process does (a process of its own, not eager)."""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=60)


def wait_for(check, what: str, log: Path):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"the worker did not {what}:\n{log.read_text()[-3000:]}")


@pytest.mark.parametrize("queue", ["sqlite", "redis"])
def test_the_consumer_delivers_webhooks_and_raises_due_alerts(queue, app, client, admin, db_url, tmp_path,
                                                              create_therapist, create_participant):
    if queue == "redis" and not redis_up():
        pytest.skip("no Redis on 127.0.0.1:6379")
    app.config["WEBHOOK_ALLOW_PRIVATE"] = True
    receiver = Receiver()
    env = worker_env(db_url, queue, tmp_path)
    log = tmp_path / "worker.log"
    consumer = None
    try:
        hook = client.post("/api/v1/webhooks", headers=admin["headers"],
                           json={"url": receiver.url, "events": ["alert.raised"]}).get_json()
        lead = create_therapist(clinical_lead=True)
        person = create_participant()
        form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
        r = client.post(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"],
                        json={"form_version": form["version"], "answers": answers_for(form, {"phq9_9": 1})})
        assert r.status_code == 201
        r = client.post(f"/api/v1/participants/{person['id']}/crisis-reviews", headers=lead["headers"],
                        json=crisis_review(client, lead, person["id"], r.get_json()["id"], date.today().isoformat()))
        assert r.status_code == 201
        engine = sa.create_engine(db_url)
        with engine.connect() as conn:
            [delivery_id] = conn.execute(sa.text("SELECT id FROM webhook_deliveries")).scalars().all()
        engine.dispose()

        with open(log, "w") as out:
            consumer = subprocess.Popen([str(Path(sys.executable).parent / "huey_consumer"), "toolkit.worker.huey",
                                         "-w", "1", "-k", "thread"], cwd=ROOT, env=env, stdout=out,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        enqueue(env, f"from toolkit.webhooks.tasks import deliver; deliver({delivery_id!r})")
        wait_for(lambda: receiver.received, "deliver the webhook", log)
        got = receiver.received[0]
        assert Verifier(hook["secret"]).verify(got["body"], got["headers"])["type"] == "alert.raised"
        assert got["headers"]["webhook-id"] == delivery_id

        enqueue(env, "from toolkit.alerts.tasks import raise_due_alerts_task; raise_due_alerts_task()")

        def follow_up():
            return client.get("/api/v1/alerts", headers=admin["headers"],
                              query_string={"kind": "follow_up_due"}).get_json()

        [alert] = wait_for(follow_up, "raise the follow-up alert", log)
        assert alert["participant_id"] == person["id"] and alert["source_type"] == "crisis_review"
    finally:
        if consumer is not None and consumer.poll() is None:
            os.killpg(consumer.pid, signal.SIGTERM)
            consumer.wait(timeout=30)
        receiver.close()
