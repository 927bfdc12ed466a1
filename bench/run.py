"""The benchmark of issue 8, end to end, in one command:

    .venv/bin/python -m bench.run --scale 1 --db both --duration 10

For each database: create a scratch database, migrate it (`flask db upgrade`) and seed the built-ins
(`flask seed`), build the dataset through the API (bench/dataset.py), count SQL queries per request
in process, serve the app with gunicorn (2 sync workers, --no-control-socket, 127.0.0.1), drive each
endpoint with wrk for --duration seconds, time the agenda PDF against WeasyPrint alone, read the
workers' peak memory, compare everything with the targets and write bench/results/latest.{json,md}.
The scratch database is dropped at the end (--keep keeps it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from . import report
from .dataset import Api, Targets, build, form_answers

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
LUA = BENCH / "wrk.lua"
BIN = Path(sys.executable).parent
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
WRK_INSTALL = "sudo apt-get update && sudo apt-get install -y wrk   (Debian/Ubuntu package 'wrk')"


def log(msg: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {msg}", flush=True)


# ------------------------------------------------------------------------------------------------
# Databases
# ------------------------------------------------------------------------------------------------

@contextmanager
def scratch_database(kind: str, pg_admin_url: str, keep: bool):
    """Yields a DATABASE_URL for a fresh, empty database, removed afterwards."""
    if kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="toolkit_bench_"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}"
        finally:
            if not keep:
                shutil.rmtree(folder, ignore_errors=True)
        return
    import sqlalchemy as sa

    from toolkit.config import normalise_database_url

    base = sa.make_url(normalise_database_url(pg_admin_url))
    name = f"toolkit_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def analyze(app) -> None:
    """PostgreSQL: refresh the planner's statistics after the bulk build, as autovacuum soon would on a
    live server; measuring before it does would time plans made for near-empty tables. (SQLite keeps no
    statistics unless told to, and the app does not: it is measured as it runs.)"""
    from sqlalchemy import text

    from toolkit.extensions import db

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))


def flask_cli(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "TOOLKIT_ENV": "development"}
    done = subprocess.run([str(BIN / "flask"), "--app", "app", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    if done.returncode:
        raise SystemExit(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return (done.stdout + done.stderr).strip()


def in_process_app(url: str):
    os.environ["DATABASE_URL"] = url
    os.environ["TOOLKIT_ENV"] = "development"
    from toolkit import create_app
    from toolkit.config import Config

    return create_app(Config(RATELIMIT_ENABLED=False))


@contextmanager
def fast_commits(app):
    """While the dataset is built only: commits skip the fsync (SQLite `synchronous=OFF`, PostgreSQL
    `synchronous_commit=off`). Same SQL, same code; it only stops the build waiting on the disk.
    The server under test opens its own connections with the defaults."""
    from sqlalchemy import event

    from toolkit.extensions import db

    with app.app_context():
        engine = db.engine
        sql = "PRAGMA synchronous=OFF" if engine.dialect.name == "sqlite" else "SET synchronous_commit TO OFF"

        def on_connect(dbapi_conn, record):
            cur = dbapi_conn.cursor()
            cur.execute(sql)
            cur.close()
            if engine.dialect.name != "sqlite":
                dbapi_conn.commit()

        event.listen(engine, "connect", on_connect)
        engine.dispose()
    try:
        yield
    finally:
        with app.app_context():
            event.remove(engine, "connect", on_connect)
            engine.dispose()


# ------------------------------------------------------------------------------------------------
# What is measured
# ------------------------------------------------------------------------------------------------

def endpoint_specs(t: Targets, screening_body: dict | None) -> list[dict]:
    g3 = f"/api/v1/groups/{t.retreat3d_group_id}/agenda"
    specs = [
        {"name": "health", "paths": ["/healthz"], "expect": 200},
        {"name": "floor", "paths": ["/api/v1/me"], "expect": 200},
        {"name": "modules", "paths": ["/api/v1/modules?category=exercise&intensity=gentle"], "expect": 200},
        {"name": "plan_detail", "paths": [f"/api/v1/plans/{t.plan10_id}"], "expect": 200},
        {"name": "plans_by_group", "paths": [f"/api/v1/plans?group_id={t.list_group_id}"], "expect": 200},
        {"name": "clearance", "paths": [f"/api/v1/plans/{t.retreat40_plan_id}/clearance"], "expect": 200},
        {"name": "screening_post", "method": "POST", "body": screening_body, "expect": 201,
         "paths": [f"/api/v1/participants/{pid}/screenings" for pid in t.screen_participant_ids]},
        {"name": "agenda_ics", "paths": [f"{g3}?format=ics"], "expect": 200, "agenda": True},
        # A render takes whole seconds and blocks a sync worker: one connection per worker, no queue.
        {"name": "agenda_pdf", "paths": [f"{g3}?format=pdf"], "expect": 200, "agenda": True, "connections": 2},
        {"name": "agenda_pdf_304", "paths": [f"{g3}?format=pdf"], "expect": 304, "agenda": True, "etag": True},
    ]
    # The other list and detail reads, for growth from scale 1 to scale N (no throughput target): each
    # against the run's mean floor, not a floor measured just before it.
    v1 = "/api/v1"
    specs += [{"name": name, "paths": [v1 + path], "expect": 200, "growth_only": True} for name, path in (
        ("participants_list", "/participants"),
        ("participant_detail", f"/participants/{t.participant_id}"),
        ("screenings_list", f"/participants/{t.participant_id}/screenings"),
        ("screening_detail", f"/screenings/{t.screening_id}"),
        ("groups_list", "/groups"),
        ("group_detail", f"/groups/{t.retreat40_group_id}"),
        ("group_members", f"/groups/{t.retreat40_group_id}/members"),
        ("plans_list", "/plans"),
        ("module_detail", f"/modules/{t.module_id}"),
        ("therapists_list", "/therapists"),
        ("audit_list", "/audit-events"),
    )]
    return specs


def count_queries(app, t: Targets, specs: list[dict], etag: str | None) -> tuple[dict, dict]:
    """SQL statements per request: each request run once (after one warm-up) through the Flask test
    client, counting SQLAlchemy's before_cursor_execute events."""
    from sqlalchemy import event

    from toolkit.extensions import db

    counts, extra = {}, {}
    with app.app_context():
        engine = db.engine
    seen = {"n": 0}

    def on_execute(*_args):
        seen["n"] += 1

    # No outer app context: each test-client request pushes its own, as a server request does.
    api = Api(app.test_client())
    api.token = api.call("POST", "/auth/login", {"email": t.email, "password": t.password})["access_token"]
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        def one(method, path, body=None, headers=None):
            hdrs = {"Authorization": f"Bearer {api.token}", **(headers or {})}
            api.client.open(path, method=method, json=body, headers=hdrs)  # warm-up
            seen["n"] = 0
            response = api.client.open(path, method=method, json=body, headers=hdrs)
            return seen["n"], response.status_code

        for spec in specs:
            if spec.get("etag") and not etag:
                continue
            headers = {"If-None-Match": etag} if spec.get("etag") else None
            n, status = one(spec.get("method", "GET"), spec["paths"][0], spec.get("body"), headers)
            counts[spec["name"]] = n if status == spec["expect"] else None
        small, _ = one("GET", f"/api/v1/plans/{t.small_plan_id}/clearance")
        big, _ = one("GET", f"/api/v1/plans/{t.retreat40_plan_id}/clearance")
        extra = {"small": small, "retreat40": big}
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
        engine.dispose()
    return counts, extra


# ------------------------------------------------------------------------------------------------
# The server and the load
# ------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, url: str, logfile: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DATABASE_URL": url, "RATELIMIT_ENABLED": "false", "TOOLKIT_ENV": "development",
               "RENDER_QUEUE_PATH": str(logfile.with_suffix(".queue.sqlite3")), "RENDER_QUEUE_IMMEDIATE": "false"}
        self.cmd = [str(BIN / "gunicorn"), "app:app", "-w", "2", "-k", "sync", "--no-control-socket",
                    "-b", f"127.0.0.1:{self.port}"]
        self.log = open(logfile, "w")
        # PDF agendas are laid out by the render queue's consumer, as boot.sh runs it.
        self.consumer = subprocess.Popen([str(BIN / "huey_consumer"), "toolkit.worker.huey", "-w", "1",
                                          "-d", "0.1", "-m", "0.5"], cwd=ROOT, env=env, stdout=self.log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.proc.returncode}); see {logfile}")
            try:
                if http("GET", self.base + "/healthz")[0] == 200 and len(self.workers()) == 2:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer /healthz within 60 s; see {logfile}")

    def workers(self) -> list[int]:
        try:
            text = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def memory(self) -> dict[int, dict]:
        out = {}
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            fields = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB", status, re.M))
            out[pid] = {k: int(v) / 1024 for k, v in fields.items()}
        return out

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
        if self.consumer.poll() is None:
            self.consumer.send_signal(signal.SIGTERM)
            self.consumer.wait(timeout=30)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


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


def run_wrk(base: str, spec: dict, token: str, seconds: float, args, etag: str | None = None) -> dict:
    env = {**os.environ, "BENCH_METHOD": spec.get("method", "GET"), "BENCH_PATHS": "\n".join(spec["paths"]),
           "BENCH_TOKEN": token, "BENCH_BODY": json.dumps(spec["body"]) if spec.get("body") else "",
           "BENCH_IF_NONE_MATCH": etag or ""}
    connections = spec.get("connections", args.connections)
    cmd = ["wrk", "-t", str(min(args.threads, connections)), "-c", str(connections), "-d", f"{max(1, round(seconds))}s",
           "--timeout", "60s", "-s", str(LUA), base]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 90)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {done.stdout[-500:]} {done.stderr[-500:]}")
    return report.wrk_figures(json.loads(line.removeprefix("BENCH_JSON ")))


def pdf_pages(pdf: bytes) -> int | None:
    try:
        import io

        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception:  # pypdf is a dev dependency; the count is informative only
        found = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        return found or None


def time_pdf(server: Server, token: str, path: str, reps: int) -> dict:
    """Endpoint: sequential requests on an idle server (one warm-up), median wall time.
    WeasyPrint alone: the same agenda's finished HTML (format=html) rendered in this process with the
    app's own base_url and URL fetcher (one warm-up), median. Ratio = endpoint / WeasyPrint."""
    import weasyprint

    from toolkit.agendas.document import STATIC_DIR
    from toolkit.agendas.pdf import SafeURLFetcher

    status, pdf, _ = http("GET", server.base + path, token=token)
    endpoint = []
    for _ in range(reps):
        t0 = time.perf_counter()
        status, pdf, _ = http("GET", server.base + path, token=token)
        endpoint.append(time.perf_counter() - t0)
        if status != 200:
            return {"note": f"PDF answered {status}"}
    status, html, _ = http("GET", server.base + path.replace("format=pdf", "format=html"), token=token)
    if status != 200:
        return {"note": f"format=html answered {status}: cannot time WeasyPrint alone"}
    html = html.decode("utf-8")

    def render():
        return weasyprint.HTML(string=html, base_url=STATIC_DIR.resolve().as_uri() + "/",
                               url_fetcher=SafeURLFetcher()).write_pdf()

    render()
    alone = []
    for _ in range(reps):
        t0 = time.perf_counter()
        render()
        alone.append(time.perf_counter() - t0)
    e, w = statistics.median(endpoint), statistics.median(alone)
    return {"endpoint_median_s": round(e, 4), "weasyprint_median_s": round(w, 4), "ratio": round(e / w, 3),
            "reps": reps, "endpoint_s": [round(x, 4) for x in endpoint], "weasyprint_s": [round(x, 4) for x in alone],
            "pages": pdf_pages(pdf), "pdf_bytes": len(pdf), "html_bytes": len(html)}


# ------------------------------------------------------------------------------------------------
# One database, one scale
# ------------------------------------------------------------------------------------------------

def run_one(kind: str, scale: int, args) -> dict:
    notes: list[str] = []
    with scratch_database(kind, args.pg_url, args.keep) as url:
        log(f"{kind} scale {scale}: migrating and seeding {url.split('@')[-1]}")
        flask_cli(url, "db", "upgrade")
        seeded = flask_cli(url, "seed").splitlines()[-1:]
        log(f"  seed: {' '.join(seeded)}")
        app = in_process_app(url)
        log(f"{kind} scale {scale}: building the dataset through the API")
        t0 = time.perf_counter()
        with fast_commits(app):  # no outer app context: each test-client request gets its own, as in a server
            targets = build(app, scale, workers=args.build_workers, log=log)
        analyze(app)
        build_seconds = round(time.perf_counter() - t0, 1)
        log(f"  built in {build_seconds} s")

        RESULTS.mkdir(parents=True, exist_ok=True)
        server = Server(url, RESULTS / f"gunicorn-{kind}.log")
        try:
            return measure(kind, scale, args, app, server, targets, build_seconds, notes)
        finally:
            server.stop()
            from toolkit.extensions import db

            with app.app_context():
                db.engine.dispose()


def loadavg() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def _hwm(server) -> dict:
    return {str(p): round(m.get("VmHWM", 0), 1) for p, m in server.memory().items()}


def measure(kind, scale, args, app, server, targets, build_seconds, notes) -> dict:
    load_before = loadavg()
    memory_steps = [{"after": "start", "vmhwm_mib": _hwm(server)}]
    status, body, _ = http("POST", server.base + "/api/v1/auth/login",
                           {"email": targets.email, "password": targets.password})
    if status != 200:
        raise SystemExit(f"login failed: {status} {body[:300]!r}")
    token = json.loads(body)["access_token"]
    status, body, _ = http("GET", server.base + "/api/v1/screening/form", token=token)
    form = json.loads(body)
    import random

    screening_body = {"form_version": form["version"],
                      "answers": form_answers(form, random.Random(0), symptoms=False)}
    specs = endpoint_specs(targets, screening_body)

    # Probe every endpoint once: the right status, or skip it with a note.
    etag = None
    skipped = {}
    for spec in specs:
        if spec.get("etag"):
            continue
        status, body, headers = http(spec.get("method", "GET"), server.base + spec["paths"][0], spec.get("body"), token)
        if status != spec["expect"]:
            why = f"answered {status}" + (" (agenda endpoints not available yet)" if spec.get("agenda") else "")
            skipped[spec["name"]] = why
        if spec["name"] == "agenda_pdf" and status == 200:
            etag = headers.get("ETag")
    pdf_304 = next(s for s in specs if s["name"] == "agenda_pdf_304")
    if "agenda_pdf" in skipped:
        skipped["agenda_pdf_304"] = skipped["agenda_pdf"]
    elif not etag:
        skipped["agenda_pdf_304"] = "the PDF response carries no ETag"
    else:
        status, _, _ = http("GET", server.base + pdf_304["paths"][0], token=token, headers={"If-None-Match": etag})
        if status != 304:
            notes.append(f"repeat PDF with If-None-Match answered {status}, not 304 (measured anyway)")
    memory_steps.append({"after": "probes (one request each)", "vmhwm_mib": _hwm(server)})
    for name, why in skipped.items():
        notes.append(f"{report.LABELS[name]}: skipped, {why}")

    log(f"{kind} scale {scale}: counting SQL queries per request (in process)")
    queries, clearance_queries = count_queries(app, targets, [s for s in specs if s["name"] not in skipped], etag)

    log(f"{kind} scale {scale}: load with wrk, {args.duration:g} s per endpoint "
        f"(-t{args.threads} -c{args.connections}, {args.warmup:g} s warm-up each)")
    endpoints: dict[str, dict] = {}
    floors = []
    order = specs + [dict(specs[1], name="floor_end")]
    for spec in order:
        name = spec["name"]
        if name in skipped:
            endpoints[name] = {"skipped": skipped[name], "queries": queries.get(name)}
            continue
        hdr_etag = etag if spec.get("etag") else None
        paired = None
        if args.paired and name not in ("health", "floor", "floor_end") and not spec.get("growth_only"):
            # The floor again, just before: on a machine shared with other work, the ratio compares
            # two measurements taken under the same conditions.
            server.drain()
            paired = run_wrk(server.base, specs[1], token, max(3, args.duration // 2), args)
            floors.append(paired)
        if args.warmup:
            run_wrk(server.base, spec, token, args.warmup, args, hdr_etag)
        server.drain()
        figures = run_wrk(server.base, spec, token, args.duration, args, hdr_etag)
        if not figures["requests"]:
            figures["note"] = f"no request completed in {args.duration} s"
        figures["paths"] = spec["paths"][:1] + (["..."] if len(spec["paths"]) > 1 else [])
        figures["queries"] = queries.get(name if name != "floor_end" else "floor")
        if paired:
            figures["paired_floor"] = {k: paired[k] for k in ("rps", "p50_ms", "p99_ms")}
        memory_steps.append({"after": name, "vmhwm_mib": _hwm(server)})
        log(f"  {name:15s} {figures['rps']:>8} req/s  p50 {figures['p50_ms']:>8} ms  p99 {figures['p99_ms']:>8} ms"
            f"  statuses {figures['statuses']}")
        if name in ("floor", "floor_end"):
            floors.append(figures)
        if name != "floor_end":
            endpoints[name] = figures
    floor = report.floor_of(floors)
    endpoints = {name: (ep if ep.get("skipped") else report.with_ratios(ep, floor)) for name, ep in endpoints.items()}
    endpoints["floor"]["second_run"] = floors[-1] if len(floors) > 1 else None

    pdf = {}
    if "agenda_pdf" not in skipped:
        log(f"{kind} scale {scale}: timing the agenda PDF against WeasyPrint alone")
        server.drain()
        pdf = time_pdf(server, token, specs[8]["paths"][0], args.pdf_reps)
    else:
        pdf = {"note": skipped["agenda_pdf"]}

    mem = server.memory()
    workers = {str(pid): {"vmhwm_mib": round(m.get("VmHWM", 0), 1), "vmrss_mib": round(m.get("VmRSS", 0), 1)}
               for pid, m in mem.items()}
    rises, previous = {}, None
    for step in memory_steps:
        peak = max(step["vmhwm_mib"].values(), default=0.0)
        if previous is not None:
            rises[step["after"]] = round(peak - previous, 1)
        previous = peak if previous is None else max(previous, peak)
    memory = {"workers": workers, "peak_mib": max((w["vmhwm_mib"] for w in workers.values()), default=None),
              "steps": memory_steps,
              "at_start_mib": max(memory_steps[0]["vmhwm_mib"].values(), default=None),
              "largest_rise": (lambda k: f"{k} (+{rises[k]} MiB)")(max(rises, key=rises.get)) if rises else None}

    run = {"db": kind, "scale": scale, "dataset": targets.counts, "build_seconds": build_seconds,
           "server": " ".join(server.cmd[1:]), "floor": floor, "endpoints": endpoints, "pdf": pdf,
           "memory": memory, "clearance_queries": clearance_queries, "notes": notes,
           "loadavg": {"before": load_before, "after": loadavg()},
           "ids": {k: v for k, v in vars(targets).items() if k not in ("password", "counts", "screen_participant_ids")}}
    run["targets"] = report.evaluate(run)
    busiest = max(load_before[:1] + run["loadavg"]["after"][:1], default=0)
    if busiest > (os.cpu_count() or 1):
        notes.append(f"load average reached {busiest:.1f} on {os.cpu_count()} cores during this run (other "
                     "processes were busy): absolute figures are depressed; ratios to the floor less so")
    if floor.get("drift") and floor["drift"] > 0.15:
        notes.append(f"the floor varied by {floor['drift']:.0%} across its runs: the machine was busy")
    return run


# ------------------------------------------------------------------------------------------------
# CLI
# ------------------------------------------------------------------------------------------------

def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=int, default=1, help="practices to build (1 = 500 participants, 600 plans, ...)")
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--duration", type=int, default=10, help="seconds of load per endpoint (default 10)")
    p.add_argument("--warmup", type=int, default=2, help="seconds of unrecorded load before each (default 2)")
    p.add_argument("--connections", type=int, default=4, help="wrk connections (default 4)")
    p.add_argument("--threads", type=int, default=1, help="wrk threads (default 1: the machine has 2 cores)")
    p.add_argument("--growth", type=int, nargs="?", const=10, default=None, metavar="N",
                   help="also run at scale N (default 10) and report p50 growth from scale 1")
    p.add_argument("--no-paired", dest="paired", action="store_false",
                   help="do not measure the floor again right before each endpoint (ratios then use the run's "
                        "mean floor)")
    p.add_argument("--build-workers", type=int, default=os.cpu_count() or 1,
                   help="processes building the practices after the first (default: one per core)")
    p.add_argument("--pdf-reps", type=int, default=5, help="repetitions for the PDF timing (median)")
    p.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG),
                   help=f"an existing PostgreSQL database, used to CREATE/DROP the scratch one (default {DEFAULT_PG})")
    p.add_argument("--keep", action="store_true", help="keep the scratch databases")
    p.add_argument("--output", default=str(RESULTS), help="where latest.json and latest.md go")
    p.add_argument("--report-only", action="store_true",
                   help="measure nothing: recompute growth and targets from --output's latest.json and rewrite "
                        "latest.md (after a change to bench/report.py)")
    return p.parse_args(argv)


def machine() -> dict:
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    version = (wrk.stdout + wrk.stderr).split("Copyright")[0].strip()
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                   if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    info = {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "wrk": version,
            "platform": platform.platform()}
    info["summary"] = f"{info['cores']} cores ({cpu or 'unknown CPU'}), Python {info['python']}, {version}"
    return info


def rewrite_report(out: Path) -> int:
    results = json.loads((out / "latest.json").read_text())
    for run in results["runs"].values():
        run["targets"] = report.evaluate(run)
    for kind, table in results.get("growth", {}).items():
        large = results["runs"][f"{kind} (scale {table['large']})"]
        table["endpoints"] = report.growth(results["runs"][kind], large)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    (out / "latest.md").write_text(report.markdown(results) + "\n")
    print(f"rewrote {out / 'latest.json'} and {out / 'latest.md'}")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.report_only:
        return rewrite_report(Path(args.output))
    if shutil.which("wrk") is None:
        print(f"wrk is not installed. Install it with:\n    {WRK_INSTALL}", file=sys.stderr)
        return 2
    import logging

    logging.disable(logging.INFO)  # the in-process app's request logs would drown the progress lines
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    command = "python -m bench.run " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    results = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "command": command,
               "machine": machine(),
               "load": f"wrk -t{args.threads} -c{args.connections}, {args.duration:g} s per endpoint after "
                       f"{args.warmup:g} s warm-up; gunicorn -w 2 -k sync on 127.0.0.1",
               "targets": {"rps": report.RPS_TARGETS, "pdf_max_ratio": report.PDF_MAX_RATIO,
                           "memory_max_mib": report.MEMORY_MAX_MIB, "growth_max": report.GROWTH_MAX},
               "runs": {}, "growth": {}}
    for kind in kinds:
        results["runs"][kind] = run_one(kind, args.scale, args)
        if args.growth and args.growth != args.scale:
            large = run_one(kind, args.growth, args)
            results["runs"][f"{kind} (scale {args.growth})"] = large
            results["growth"][kind] = {"small": args.scale, "large": args.growth,
                                       "endpoints": report.growth(results["runs"][kind], large)}
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    text = report.markdown(results)
    (out / "latest.md").write_text(text + "\n")
    print()
    print(text)
    failed = [(db, c["id"]) for db, run in results["runs"].items() for c in run["targets"] if c["result"] == "FAIL"]
    failed += [(db, f"growth:{n}") for db, g in results["growth"].items() for n, r in g["endpoints"].items()
               if r["result"] == "FAIL"]
    print(f"\n{len(failed)} target(s) failed" + (": " + ", ".join(f"{d}/{n}" for d, n in failed) if failed else ""))
    print(f"wrote {out / 'latest.json'} and {out / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
