"""/readyz and the render consumer (issue 28 point 2): not ready while no fresh heartbeat of a living
consumer exists (the heartbeat file, toolkit/queue.py)."""

import os
import subprocess

from tests.helpers import assert_error
from toolkit import create_app
from toolkit.queue import write_heartbeat


def test_readyz_needs_a_fresh_heartbeat_of_a_living_consumer(make_config, tmp_path, monkeypatch):
    beat = tmp_path / "consumer.heartbeat"
    monkeypatch.setenv("CONSUMER_HEARTBEAT_PATH", str(beat))
    web = create_app(make_config(READY_NEEDS_CONSUMER=True)).test_client()
    body = assert_error(web.get("/readyz"), 503)
    assert "render consumer" in body["message"]
    write_heartbeat(slots=2, busy=0, path=str(beat))
    assert web.get("/readyz").status_code == 200
    gone = subprocess.Popen(["true"])
    gone.wait()
    beat.write_text(beat.read_text().replace(f'"pid": {os.getpid()}', f'"pid": {gone.pid}'))
    assert_error(web.get("/readyz"), 503)  # the consumer died: not ready at once, whatever the time says


def test_without_a_consumer_on_this_machine_readiness_does_not_ask_for_one(make_config, tmp_path, monkeypatch):
    monkeypatch.setenv("CONSUMER_HEARTBEAT_PATH", str(tmp_path / "none"))
    web = create_app(make_config(READY_NEEDS_CONSUMER=False)).test_client()
    assert web.get("/readyz").status_code == 200
