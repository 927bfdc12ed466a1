"""`GET /me` latency while two large PDF agendas render (issue 15): p50 must stay within 3x of idle.

    .venv/bin/python -m bench.render_load [--port 5115] [--requests 300] [--database-url URL]

Starts the service the way it is deployed (`boot.sh`: gunicorn with 2 sync workers beside the render
queue's consumer, rate limiter on) on a scratch SQLite database (or the given one: it registers its own
practice there), builds two large retreats through the API, measures `GET /me` idle, then again while
both facilitator PDFs are queued and laid out by the render workers. Meanwhile it samples the peak
resident memory of the web workers and of the render worker (the consumer and its layout processes).
Writes bench/results/render-load.json and prints the figures. `python -m bench.run` calls `measure()`.
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

from .servers import PeakSampler

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


def _start(port: int, database_url: str, scratch: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "RENDER_QUEUE_IMMEDIATE", "RATELIMIT_ENABLED")}
    env.update({"DATABASE_URL": database_url, "RENDER_QUEUE_PATH": str(scratch / "q.db"),
                "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", "AGENDA_WAIT_PAGES": "0",
                "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}"})
    log = open(scratch / "boot.log", "w")  # noqa: SIM115 - closed by the caller
    boot = subprocess.Popen(["./boot.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if call("GET", f"http://127.0.0.1:{port}/healthz", timeout=2)[0] == 200:
                return boot, log
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the service did not start; see {scratch / 'boot.log'}")


def _stop(boot, log) -> None:
    try:
        os.kill(boot.pid, signal.SIGTERM)
        boot.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(boot.pid, signal.SIGKILL)
    log.close()


SLUGS = ["group-agreements", "opening-check-in", "younger-self-visualisation", "dear-little-me-letter",
         "what-little-me-needed", "sharing-round", "closing-grounding"]


def _retreats(base: str, token: str, plans: int) -> list[str]:
    mods = {m["slug"]: m["id"] for m in json.loads(call("GET", f"{base}/api/v1/modules?page_size=100",
                                                        token=token)[1])}
    urls = []
    for n in range(2):
        status, body = call("POST", f"{base}/api/v1/groups", {"name": f"Retreat {n + 1}", "kind": "retreat",
                                                              "capacity": 30}, token=token)
        group = json.loads(body)
        for p in range(plans):
            call("POST", f"{base}/api/v1/plans", {
                "title": f"Day {p + 1}", "group_id": group["id"], "starts_at": f"2027-06-{1 + p:02d}T09:00:00+02:00",
                "items": [{"module_id": mods[s], "minutes": 20, "notes": "Keep the room warm. " * 10}
                          for s in SLUGS]}, token=token)
        urls.append(f"{base}/api/v1/groups/{group['id']}/agenda?format=pdf")
    return urls


def _while_rendering(base: str, token: str, urls: list[str]) -> tuple[list[float], float]:
    started = time.perf_counter()
    for url in urls:
        status, _ = call("GET", url, token=token)
        assert status == 202, f"expected the PDF to be queued (202), got {status}"
    busy, done = [], set()
    while len(done) < len(urls):
        busy += latencies(base, token, 20)
        done |= {url for url in urls if url not in done and call("GET", url, token=token)[0] == 200}
        if time.perf_counter() - started > 600:
            raise SystemExit("the PDFs did not finish within 10 minutes")
    return busy, time.perf_counter() - started


def measure(*, port: int, database_url: str | None = None, requests: int = 300, plans: int = 6) -> dict:
    """Idle and busy `GET /me` p50, render time and peak memory (web workers, render worker)."""
    scratch = Path(tempfile.mkdtemp(prefix="render-load-"))
    base = f"http://127.0.0.1:{port}"
    boot, log = _start(port, database_url or f"sqlite:///{scratch / 'bench.sqlite3'}", scratch)
    try:
        with PeakSampler(boot.pid) as memory:
            email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
            call("POST", f"{base}/api/v1/auth/register", {"practice_name": "Bench", "name": "Bench Admin",
                                                          "email": email, "password": PASSWORD})
            token = json.loads(call("POST", f"{base}/api/v1/auth/login",
                                    {"email": email, "password": PASSWORD})[1])["access_token"]
            urls = _retreats(base, token, plans)
            latencies(base, token, 30)  # warm up
            idle = latencies(base, token, requests)
            busy, seconds = _while_rendering(base, token, urls)
    finally:
        _stop(boot, log)
    result = {"idle_p50_ms": round(statistics.median(idle), 3), "busy_p50_ms": round(statistics.median(busy), 3),
              "idle_requests": len(idle), "busy_requests": len(busy), "render_seconds_both": round(seconds, 1),
              "plans_per_pdf": plans, "web_worker_peak_mib": memory.largest("gunicorn", leaf="gunicorn"),
              "render_worker_peak_mib": memory.largest("huey_consumer"),
              "render_consumer_peak_mib": memory.largest(leaf="huey_consumer")}
    result["ratio"] = round(result["busy_p50_ms"] / result["idle_p50_ms"], 3)
    result["target"] = "busy p50 <= 3x idle p50"
    result["met"] = result["ratio"] <= 3
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5115)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--plans", type=int, default=6, help="plans per retreat (7 modules each)")
    parser.add_argument("--database-url", default=None, help="default: a scratch SQLite database")
    args = parser.parse_args(argv)
    result = measure(port=args.port, database_url=args.database_url, requests=args.requests, plans=args.plans)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "render-load.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0 if result["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
