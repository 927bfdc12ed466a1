"""`GET /me` latency while two large PDF agendas render (issue 15): p50 must stay within 3x of idle.

    .venv/bin/python -m bench.render_load [--port 5115] [--requests 300]

Starts the service the way it is deployed (`boot.sh`: gunicorn with 2 sync workers beside the render
queue's consumer) on a scratch SQLite database, builds two large retreats through the API, measures
`GET /me` idle, then again while both facilitator PDFs are queued and laid out by the render workers.
Writes bench/results/render-load.json and prints the figures. A script, not a timed test.
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PASSWORD = "render-load-bench-passphrase"


def call(method, url, body=None, token=None, timeout=120):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def latencies(base, token, count):
    out = []
    for _ in range(count):
        t0 = time.perf_counter()
        status, _ = call("GET", f"{base}/api/v1/me", token=token)
        out.append((time.perf_counter() - t0) * 1000)
        assert status == 200, status
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5115)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--plans", type=int, default=6, help="plans per retreat (7 modules each)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="render-load-"))
    base = f"http://127.0.0.1:{args.port}"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "RENDER_QUEUE_IMMEDIATE")}
    env.update({"DATABASE_URL": f"sqlite:///{scratch / 'bench.sqlite3'}", "RENDER_QUEUE_PATH": str(scratch / "q.db"),
                "BIND": f"127.0.0.1:{args.port}", "WEB_CONCURRENCY": "2", "RATELIMIT_ENABLED": "false",
                "AGENDA_WAIT_PAGES": "0", "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}"})
    log = open(scratch / "boot.log", "w")  # noqa: SIM115
    boot = subprocess.Popen(["./boot.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if call("GET", f"{base}/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise SystemExit(f"the service did not start; see {scratch / 'boot.log'}")
        email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
        call("POST", f"{base}/api/v1/auth/register", {"practice_name": "Bench", "name": "Bench Admin",
                                                      "email": email, "password": PASSWORD})
        token = json.loads(call("POST", f"{base}/api/v1/auth/login", {"email": email, "password": PASSWORD})[1])[
            "access_token"]
        mods = {m["slug"]: m["id"] for m in json.loads(call("GET", f"{base}/api/v1/modules?page_size=100",
                                                            token=token)[1])}
        slugs = ["group-agreements", "opening-check-in", "younger-self-visualisation", "dear-little-me-letter",
                 "what-little-me-needed", "sharing-round", "closing-grounding"]
        urls = []
        for n in range(2):
            status, body = call("POST", f"{base}/api/v1/groups", {"name": f"Retreat {n + 1}", "kind": "retreat",
                                                                  "capacity": 30}, token=token)
            group = json.loads(body)
            for p in range(args.plans):
                call("POST", f"{base}/api/v1/plans", {
                    "title": f"Day {p + 1}", "group_id": group["id"],
                    "starts_at": f"2027-06-{1 + p:02d}T09:00:00+02:00",
                    "items": [{"module_id": mods[s], "minutes": 20, "notes": "Keep the room warm. " * 10}
                              for s in slugs]}, token=token)
            urls.append(f"{base}/api/v1/groups/{group['id']}/agenda?format=pdf")
        latencies(base, token, 30)  # warm up
        idle = latencies(base, token, args.requests)
        started = time.perf_counter()
        for url in urls:
            status, _ = call("GET", url, token=token)
            assert status == 202, f"expected the PDF to be queued (202), got {status}"
        busy, done = [], set()
        while len(done) < len(urls):
            busy += latencies(base, token, 20)
            for url in urls:
                if url not in done and call("GET", url, token=token)[0] == 200:
                    done.add(url)
            if time.perf_counter() - started > 600:
                raise SystemExit("the PDFs did not finish within 10 minutes")
        render_seconds = time.perf_counter() - started
        result = {"idle_p50_ms": statistics.median(idle), "busy_p50_ms": statistics.median(busy),
                  "idle_requests": len(idle), "busy_requests": len(busy),
                  "render_seconds_both": round(render_seconds, 1), "plans_per_pdf": args.plans}
        result["ratio"] = result["busy_p50_ms"] / result["idle_p50_ms"]
        result["target"] = "busy p50 <= 3x idle p50"
        result["met"] = result["ratio"] <= 3
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "render-load.json").write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))
        return 0 if result["met"] else 1
    finally:
        try:
            os.kill(boot.pid, signal.SIGTERM)
            boot.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(boot.pid, signal.SIGKILL)
        log.close()


if __name__ == "__main__":
    sys.exit(main())
