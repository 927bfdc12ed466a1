"""The servers the benchmark drives and how it drives them: gunicorn with the service (and the render
queue's consumer beside it), gunicorn with the bare floor app, wrk, plain HTTP calls, and the memory of
processes read from /proc."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "wrk.lua"
BIN = Path(sys.executable).parent
BOOT = ROOT / "boot.sh"


def boot_gunicorn_flags(text: str | None = None) -> list[str]:
    """gunicorn's flags exactly as boot.sh starts the service (workers, control socket, the config with its
    access logger, the access log to stdout and its format, forwarded IPs), with `${VAR:-default}` at its
    default and without `--bind` (the bench binds a free port). Floor and app both get these (issue 32.5)."""
    text = BOOT.read_text() if text is None else text
    command = re.search(r"^gunicorn app:app \\\n(.*?)&\s*$", text, re.M | re.S)
    if command is None:
        raise SystemExit("boot.sh: no `gunicorn app:app \\` command found")
    joined = re.sub(r"\\\n", " ", command.group(1))
    joined = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", joined)
    words = shlex.split(joined)
    if "--bind" in words:
        at = words.index("--bind")
        del words[at:at + 2]
    return words


GUNICORN = boot_gunicorn_flags()
# Limits stay on (as in production) but high enough that wrk's loop measures the work, not 429s; the
# login limit is the production one (the bench logs in a few times).
BENCH_LIMITS = {"PDF_RATE_LIMIT": "100000 per minute", "AGENDA_RATE_LIMIT": "100000 per minute"}
PORTS: range | None = None  # set from --ports: the bench binds only these


def free_port() -> int:
    candidates = PORTS or [0]
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise SystemExit(f"no free port in {PORTS}")


def http(method: str, url: str, body=None, token=None, headers=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    h = {"Accept": "*/*", **({"Content-Type": "application/json"} if data else {}), **(headers or {})}
    if token:
        h["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        found += kids
        todo += kids
    return found


def memory_of(pid: int) -> dict[str, float]:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    return {k: int(v) / 1024 for k, v in re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB", status, re.M)}


def cpu_seconds_of(pid: int) -> float:
    """utime + stime of one process, from /proc/PID/stat (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def command_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class PeakSampler:
    """Polls a process tree's resident memory (VmHWM) in a thread: the peak of each process seen,
    including short-lived children such as the render worker's layout processes."""

    def __init__(self, root_pid: int, interval: float = 0.1):
        self.root, self.interval = root_pid, interval
        self.peaks: dict[int, float] = {}
        self.lineage: dict[int, str] = {}  # pid -> its command line and its ancestors'
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self._sample(self.root, "")
            self._stop.wait(self.interval)

    def _sample(self, pid: int, ancestry: str) -> None:
        hwm = memory_of(pid).get("VmHWM")
        if hwm:
            self.peaks[pid] = max(self.peaks.get(pid, 0.0), hwm)
            self.lineage.setdefault(pid, f"{ancestry} | {command_of(pid)}")
        for kid in children(pid):
            self._sample(kid, self.lineage.get(pid, ancestry))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)

    def largest(self, contains: str = "", leaf: str = "") -> float | None:
        """The largest peak among processes with `contains` in their lineage and `leaf` in their own command."""
        chosen = [peak for pid, peak in self.peaks.items() if contains in self.lineage.get(pid, "")
                  and leaf in self.lineage.get(pid, "").rsplit(" | ", 1)[-1]]
        return round(max(chosen), 1) if chosen else None


class Gunicorn:
    """gunicorn with 2 sync workers on 127.0.0.1; `ready` is a path that answers 200 once it serves."""

    def __init__(self, app: str, env: dict, logfile: Path, ready: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.cmd = [str(BIN / "gunicorn"), app, *GUNICORN, "--bind", f"127.0.0.1:{self.port}"]
        self.log = open(logfile, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self._wait(ready, logfile)

    def _wait(self, ready: str, logfile: Path) -> None:
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.proc.returncode}); see {logfile}")
            try:
                if http("GET", self.base + ready)[0] == 200 and len(self.workers()) == 2:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer {ready} within 60 s; see {logfile}")

    def workers(self) -> list[int]:
        return children(self.proc.pid)

    def memory(self) -> dict[int, dict]:
        return {pid: memory_of(pid) for pid in self.workers()}

    def cpu_seconds(self) -> float:
        """User + system CPU the web workers have used so far (read before and after a load)."""
        return sum(cpu_seconds_of(pid) for pid in self.workers())

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.close()


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Server(Gunicorn):
    """The service as deployed: gunicorn beside the render queue's consumer, rate limiter on."""

    def __init__(self, url: str, logfile: Path):
        queue = logfile.with_suffix(".queue.sqlite3")
        for stale in (queue, queue.with_name(queue.name + "-wal"), queue.with_name(queue.name + "-shm")):
            stale.unlink(missing_ok=True)  # tasks of an earlier run name rows of another database
        env = {**os.environ, "DATABASE_URL": url, "TOOLKIT_ENV": "development", "RATELIMIT_ENABLED": "true",
               **BENCH_LIMITS, "RENDER_QUEUE_PATH": str(queue), "RENDER_QUEUE_IMMEDIATE": "false"}
        self.consumer_log = open(logfile.with_suffix(".consumer.log"), "w")  # noqa: SIM115 - closed in stop()
        # PDF agendas and the audit events of reads are handled by the queue's consumer, as boot.sh runs it.
        # As boot.sh starts it: one queue thread more than the warm render workers.
        workers = int(os.environ.get("RENDER_WORKERS") or os.cpu_count() or 1)
        self.database_url = url
        self.consumer = subprocess.Popen([str(BIN / "huey_consumer"), "toolkit.worker.huey", "-w", str(workers + 1),
                                          "-k", "thread", "-d", "0.1", "-m", "0.5"], cwd=ROOT, env=env,
                                         stdout=self.consumer_log, stderr=subprocess.STDOUT, start_new_session=True)
        super().__init__("app:app", env, logfile, "/healthz")

    def drain(self, limit: float = 180) -> None:
        """Wait until requests wrk left queued (slow renders whose clients are gone) are done: twice in
        a row, /healthz answers quickly."""
        deadline, quick = time.time() + limit, 0
        while time.time() < deadline and quick < 2:
            t0 = time.perf_counter()
            try:
                http("GET", self.base + "/healthz", timeout=limit)
                quick = quick + 1 if time.perf_counter() - t0 < 0.25 else 0
            except OSError:
                quick = 0
            time.sleep(0.1)

    def stop(self) -> None:
        stop_process(self.consumer)
        self.consumer_log.close()
        super().stop()


class BareServer(Gunicorn):
    """The floor: bench/bare.py under the same gunicorn settings."""

    def __init__(self, logfile: Path):
        super().__init__("bench.bare:app", {**os.environ}, logfile, "/")


def run_wrk(base: str, spec: dict, token: str, seconds: float, args, etag: str | None = None) -> dict:
    env = {**os.environ, "BENCH_METHOD": spec.get("method", "GET"), "BENCH_PATHS": "\n".join(spec["paths"]),
           "BENCH_REQUESTS": "\n".join(f"{m} {path}" for m, path in spec.get("requests", ())),
           "BENCH_TOKEN": token,
           "BENCH_BODY": json.dumps(body) if (body := spec.get("body") or spec.get("mix_body")) else "",
           "BENCH_IF_NONE_MATCH": etag or "", "BENCH_ACCEPT_ENCODING": args.accept_encoding,
           "BENCH_CACHE_CONTROL": "" if spec.get("bare") else "no-cache"}
    connections = spec.get("connections", args.connections)
    cmd = ["wrk", "-t", str(min(args.threads, connections)), "-c", str(connections), "-d", f"{max(1, round(seconds))}s",
           "--timeout", "60s", "-s", str(LUA), base]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 90)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {done.stdout[-500:]} {done.stderr[-500:]}")
    return wrk_figures(json.loads(line.removeprefix("BENCH_JSON ")))


def wrk_figures(raw: Mapping) -> dict:
    """Requests/s and latency in ms from the BENCH_JSON line of bench/wrk.lua."""
    seconds = raw["duration_us"] / 1e6 if raw.get("duration_us") else None
    lat = raw.get("latency_us", {})
    errors = raw.get("errors", {})
    ok = sum(n for code, n in raw.get("statuses", {}).items() if 200 <= int(code) < 400)
    return {
        "requests": raw.get("requests", 0),
        "rps": round(raw["requests"] / seconds, 1) if seconds else None,
        "ok_rps": round(ok / seconds, 1) if seconds else None,
        "p50_ms": round(lat.get("p50", 0) / 1000, 3),
        "p90_ms": round(lat.get("p90", 0) / 1000, 3),
        "p99_ms": round(lat.get("p99", 0) / 1000, 3),
        "max_ms": round(lat.get("max", 0) / 1000, 3),
        "bytes_per_request": round(raw["bytes"] / raw["requests"]) if raw.get("requests") and raw.get("bytes")
        else None,
        "statuses": dict(raw.get("statuses", {})),
        "errors": {k: v for k, v in errors.items() if v},
    }
