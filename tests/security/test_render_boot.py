"""The real render path, end to end: `boot.sh` starts gunicorn and the Huey consumer (its queue on this
test's own temporary SQLite file). A small PDF answers 200 after a short wait for the worker; a 60-plan
facilitator PDF is refused before rendering; the 60-plan handout answers 202 + Retry-After until a worker
has laid it out. Stopping boot.sh in the middle of a render leaves no process behind (the process table
is checked) and the port is free: a restart on the same port serves again."""

import os
import signal
import socket
import subprocess
import uuid
from pathlib import Path

import requests

from tests.conftest import PASSWORD
from tests.security.boot_support import Boot, wait_for
from tests.security.support import API
from toolkit.agendas.layout import group_alive


def layout_children(marker: str) -> list[int]:
    """Layout processes of this test (their output file lives in the test's own TMPDIR)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if "toolkit.agendas.layout" in cmd and marker in cmd and state != "Z":
                found.append(int(entry))
    return found


def sockets_of(pid: int) -> list[str]:
    found = []
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:"):
                found.append(target)
    except OSError:
        pass
    return found


def port_free(port: int) -> bool:
    """Nothing listens on the port (connections in TIME_WAIT do not stop a server that reuses the address)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True






def test_boot_renders_through_the_consumer_and_stops_without_strays(boot_env, tmp_path):
    env, port, marker = boot_env
    base = f"http://127.0.0.1:{port}"
    boots = []
    try:
        boot = Boot(env, tmp_path / "boot.log")
        boots.append(boot)
        boot.wait_ready(base)
        email = f"boot-{uuid.uuid4().hex[:8]}@example.org"
        assert requests.post(f"{base}{API}/auth/register", timeout=10, json={
            "practice_name": "Boot practice", "name": "Bo Admin", "email": email, "password": PASSWORD}).ok
        token = requests.post(f"{base}{API}/auth/login", json={"email": email, "password": PASSWORD},
                              timeout=10).json()["access_token"]
        h = {"Authorization": f"Bearer {token}"}
        mods = {m["slug"]: m["id"] for m in requests.get(f"{base}{API}/modules?page_size=100", headers=h,
                                                         timeout=10).json()}
        group = requests.post(f"{base}{API}/groups", headers=h, timeout=10, json={
            "name": "Long retreat", "kind": "retreat", "capacity": 40}).json()
        slugs = ["group-agreements", "opening-check-in", "younger-self-visualisation", "sharing-round",
                 "closing-grounding"]
        plan_ids = []
        for n in range(60):
            r = requests.post(f"{base}{API}/plans", headers=h, timeout=10, json={
                "title": f"Session {n + 1}", "group_id": group["id"],
                "starts_at": f"2027-05-{1 + n // 3:02d}T{9 + 3 * (n % 3):02d}:00:00+02:00",
                "items": [{"module_id": mods[s], "minutes": 15} for s in slugs]})
            assert r.status_code == 201, r.text
            plan_ids.append(r.json()["id"])

        # A %0a in the URL cannot forge an access-log line.
        requests.get(f"{base}/api/v1/x%0a127.0.0.1%20[forged]%20%22GET%20/admin%22%20200", timeout=10)

        # A small PDF: the web worker waits for the consumer and answers 200 at once.
        r = requests.get(f"{base}{API}/plans/{plan_ids[0]}/agenda?format=pdf", headers=h, timeout=30)
        assert r.status_code == 200 and r.content.startswith(b"%PDF"), (r.status_code, r.text[:300], boot.output())

        # The 60-plan facilitator PDF is refused before anything is rendered.
        url = f"{base}{API}/groups/{group['id']}/agenda"
        r = requests.get(url, headers=h, params={"format": "pdf"}, timeout=30)
        assert r.status_code == 422 and "pages" in r.json()["message"], r.text[:300]

        # The 60-plan handout: 202 with Retry-After while a render worker lays it out, then 200.
        params = {"format": "pdf", "audience": "participant"}
        r = requests.get(url, headers=h, params=params, timeout=30)
        assert r.status_code == 202, r.text[:300]
        assert r.json()["status"] in ("queued", "rendering") and int(r.headers["Retry-After"]) >= 1
        assert wait_for(lambda: layout_children(marker)), boot.output()
        for child in layout_children(marker):  # a layout child holds no socket (least of all the listening one)
            assert not [fd for fd in sockets_of(child)], child

        def finished():
            answer = requests.get(url, headers=h, params=params, timeout=30)
            assert answer.status_code in (200, 202), answer.text[:300]
            return answer.status_code == 200 and answer.content.startswith(b"%PDF")

        assert wait_for(finished, timeout=120, step=1), boot.output()

        # Stop boot.sh while a render runs: gunicorn, the consumer and the layout child all end.
        r = requests.get(url, headers=h, params={**params, "paper": "letter"}, timeout=30)
        assert r.status_code == 202
        assert wait_for(lambda: layout_children(marker)), boot.output()
        boot.terminate()
        assert wait_for(lambda: not group_alive(boot.proc.pid), timeout=15), "boot.sh left processes behind"
        assert wait_for(lambda: not layout_children(marker), timeout=15), "a layout child outlived its worker"
        assert port_free(port)
        log = boot.log_path.read_text()
        assert "\\x0a127.0.0.1 [forged]" in log
        assert not [line for line in log.splitlines() if line.startswith("127.0.0.1 [forged]")]

        # A restart on the same port serves again; killing gunicorn's master stops everything too.
        again = Boot(env, tmp_path / "boot.log")
        boots.append(again)
        again.wait_ready(base)
        master = int(subprocess.run(["pgrep", "-o", "-g", str(again.proc.pid), "-f", "gunicorn app:app"],
                                    capture_output=True, text=True).stdout.split()[0])
        os.kill(master, signal.SIGKILL)
        assert wait_for(lambda: not group_alive(again.proc.pid), timeout=15), again.output()
        assert port_free(port)
    finally:
        for b in boots:
            b.kill()
