"""The benchmark of issues 8 and 21, end to end, in one command:

    .venv/bin/python -m bench.run                 # both databases, growth to 100 practices
    .venv/bin/python -m bench.run --quick         # a short run while iterating (growth to 10)

For each database: create a scratch database, migrate it (`flask db upgrade`) and seed the built-ins
(`flask seed`), build the first practice through the API (bench/dataset.py), count SQL queries per request
in process, serve the app with gunicorn (2 sync workers, rate limiter on, the queue's consumer beside it)
and a bare Flask app with the same settings (the floor), drive each endpoint with wrk, time the agenda PDF
against WeasyPrint alone, add practices up to the growth scale (copies of the first, bench/clone.py) and
measure the reads again, time the 100-member clearance before and after ANALYZE, measure `GET /me` while two
large PDFs render (bench/render_load.py), read the workers' peak memory, compare everything with the
targets and write bench/results/latest.{json,md}. No ANALYZE runs before measuring (only the one after the
migrations, on empty tables). The scratch database is dropped at the end (--keep keeps it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import renders, report, servers
from .dataset import Api, Targets, build, form_answers
from .servers import BareServer, PeakSampler, Server, http, run_wrk

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
BIN = Path(sys.executable).parent
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
WRK_INSTALL = "sudo apt-get update && sudo apt-get install -y wrk   (Debian/Ubuntu package 'wrk')"
QUICK = {"duration": 2, "warmup": 1, "growth": 10, "pdf_reps": 2, "render_requests": 100}


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


def flask_cli(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "TOOLKIT_ENV": "development"}
    done = subprocess.run([str(BIN / "flask"), "--app", "app", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    if done.returncode:
        raise SystemExit(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return (done.stdout + done.stderr).strip()


def in_process_app(url: str):
    """The app the dataset is built with: the queue's tasks (read audits) run at once, in this process."""
    os.environ["DATABASE_URL"] = url
    os.environ["TOOLKIT_ENV"] = "development"
    os.environ.setdefault("RENDER_QUEUE_IMMEDIATE", "true")
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

# The other list and detail reads: for growth from one practice to many (no throughput target).
GROWTH_READS = ("participants_list", "screenings_list", "screening_detail", "groups_list", "group_detail",
                "group_members", "plans_list", "module_detail", "therapists_list", "audit_list")


MIX_EVERY = 10  # mix10: every tenth request is a screening POST, the nine before it rotate over the five reads
MIX_READS = ("me", "modules", "plan_detail", "participant_detail", "clearance")


def mix_requests(reads: list[str], posts: list[str], every: int = MIX_EVERY, cycles: int = 5) -> list[tuple[str, str]]:
    """The mixed workload as (method, path) in order: nine reads in rotation over `reads`, then a POST (the
    screened participants in rotation), repeated; wrk loops over the list."""
    out, r, p = [], 0, 0
    for i in range(every * cycles):
        if i % every == every - 1:
            out.append(("POST", posts[p % len(posts)]))
            p += 1
        else:
            out.append(("GET", reads[r % len(reads)]))
            r += 1
    return out


def endpoint_specs(t: Targets, screening_body: dict | None) -> dict[str, dict]:
    """Every measured request, by name, in the order measured. Every read is sent with
    `Cache-Control: no-cache`: the target rows measure the answer built from the database (issue 32.5)."""
    g3 = f"/api/v1/groups/{t.retreat3d_group_id}/agenda"
    v1 = "/api/v1"
    reads = {"me": f"{v1}/me", "modules": f"{v1}/modules?category=exercise&intensity=gentle",
             "plan_detail": f"{v1}/plans/{t.plan10_id}", "participant_detail": f"{v1}/participants/{t.participant_id}",
             "clearance": f"{v1}/plans/{t.retreat40_plan_id}/clearance"}
    posts = [f"{v1}/participants/{pid}/screenings" for pid in t.screen_participant_ids]
    rows = [
        {"name": "bare", "paths": ["/"], "expect": 200, "bare": True},
        {"name": "health", "paths": ["/healthz"], "expect": 200},
        {"name": "me", "paths": [reads["me"]], "expect": 200},
        {"name": "modules", "paths": [reads["modules"]], "expect": 200},
        {"name": "plan_detail", "paths": [reads["plan_detail"]], "expect": 200},
        {"name": "plans_by_group", "paths": [f"{v1}/plans?group_id={t.list_group_id}"], "expect": 200},
        {"name": "participant_detail", "paths": [reads["participant_detail"]], "expect": 200},
        {"name": "clearance", "paths": [reads["clearance"]], "expect": 200},
        {"name": "clearance100", "paths": [f"{v1}/plans/{t.retreat100_plan_id}/clearance"], "expect": 200},
        {"name": "screening_post", "method": "POST", "body": screening_body, "expect": 201, "paths": posts},
        {"name": "mix10", "paths": [reads["me"]], "expect": 200, "mix_body": screening_body,
         "requests": mix_requests([reads[n] for n in MIX_READS], posts)},
        {"name": "agenda_ics", "paths": [f"{g3}?format=ics"], "expect": 200, "agenda": True},
        # Timed sequentially and fresh (bench/renders.py), not under wrk: a render takes seconds on the queue.
        {"name": "agenda_pdf", "paths": [f"{g3}?format=pdf"], "expect": 200, "agenda": True, "probe_only": True},
        {"name": "agenda_pdf_304", "paths": [f"{g3}?format=pdf"], "expect": 304, "agenda": True, "etag": True},
    ]
    rows += [{"name": name, "paths": [v1 + path], "expect": 200, "growth_only": True} for name, path in (
        ("participants_list", "/participants"),
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
    return {row["name"]: row for row in rows}


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
            if spec.get("requests"):
                continue  # a mix: its requests are counted one by one in their own rows
            headers = {"If-None-Match": etag} if spec.get("etag") else {}
            headers["Cache-Control"] = "no-cache"
            n, status = one(spec.get("method", "GET"), spec["paths"][0], spec.get("body"), headers)
            counts[spec["name"]] = n if status == spec["expect"] else None
        built = {"Cache-Control": "no-cache"}  # the statements of building the answer, not of a cached hit
        small, _ = one("GET", f"/api/v1/plans/{t.small_plan_id}/clearance", headers=built)
        big, _ = one("GET", f"/api/v1/plans/{t.retreat40_plan_id}/clearance", headers=built)
        bigger, _ = one("GET", f"/api/v1/plans/{t.retreat100_plan_id}/clearance", headers=built)
        extra = {"small": small, "retreat40": big, "retreat100": bigger}
        extra["cpu_ms"] = {name: clearance_cpu(api, f"/api/v1/plans/{plan}/clearance", built)
                           for name, plan in (("retreat40", t.retreat40_plan_id), ("retreat100", t.retreat100_plan_id))}
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
        engine.dispose()
    return counts, extra


def clearance_cpu(api: Api, path: str, headers: dict, reps: int = 15) -> float:
    """CPU of building one clearance in process (the Flask test client, no HTTP, no gunicorn): the median
    of `reps` requests' process time, in ms, after a warm-up. This process's CPU only: a database server's
    work (PostgreSQL) is not in it; SQLite's is."""
    hdrs = {"Authorization": f"Bearer {api.token}", **headers}
    api.client.get(path, headers=hdrs)
    times = []
    for _ in range(reps):
        t0 = time.process_time()
        api.client.get(path, headers=hdrs)
        times.append((time.process_time() - t0) * 1000)
    return round(statistics.median(times), 2)


# ------------------------------------------------------------------------------------------------
# The agenda PDF
# ------------------------------------------------------------------------------------------------

def pdf_pages(pdf: bytes) -> int | None:
    try:
        import io

        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception:  # pypdf is a dev dependency; the count is informative only
        found = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        return found or None


# ------------------------------------------------------------------------------------------------
# One database: the measurement steps
# ------------------------------------------------------------------------------------------------

@dataclass
class Run:
    """What one database's run has found so far, and what it needs to go on."""

    kind: str
    args: argparse.Namespace
    server: Server
    bare: BareServer
    targets: Targets
    token: str = ""
    specs: dict[str, dict] = field(default_factory=dict)
    etag: str | None = None
    skipped: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    memory_steps: list[dict] = field(default_factory=list)
    floors: list[dict] = field(default_factory=list)

    def base_of(self, spec: dict) -> str:
        return self.bare.base if spec.get("bare") else self.server.base

    def remember_memory(self, after: str) -> None:
        self.memory_steps.append({"after": after, "vmhwm_mib": _hwm(self.server)})


def _hwm(server) -> dict:
    return {str(p): round(m.get("VmHWM", 0), 1) for p, m in server.memory().items()}


def loadavg() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def log_in(run: Run) -> None:
    """A real token over HTTP, and the screening body the POST rotates over (no-symptom answers)."""
    status, body, _ = http("POST", run.server.base + "/api/v1/auth/login",
                           {"email": run.targets.email, "password": run.targets.password})
    if status != 200:
        raise SystemExit(f"login failed: {status} {body[:300]!r}")
    run.token = json.loads(body)["access_token"]
    form = json.loads(http("GET", run.server.base + "/api/v1/screening/form", token=run.token)[1])
    body = {"form_version": form["version"], "answers": form_answers(form, random.Random(0), symptoms=False)}
    run.specs = endpoint_specs(run.targets, body)


def probe(run: Run) -> None:
    """Every endpoint once: the right status, or skip it with a note. Keeps the PDF's ETag for the 304."""
    for name, spec in run.specs.items():
        if spec.get("etag"):
            continue
        status, _, headers = _first_answer(run, spec)
        if status != spec["expect"]:
            run.skipped[name] = f"answered {status}" + (" (agenda endpoints not available yet)"
                                                         if spec.get("agenda") else "")
        elif name == "agenda_pdf":
            run.etag = headers.get("ETag")
    _probe_304(run)
    run.remember_memory("probes (one request each)")
    run.notes += [f"{report.LABELS[name]}: skipped, {why}" for name, why in run.skipped.items()]


def _first_answer(run: Run, spec: dict, limit: float = 180):
    """The endpoint's answer; a PDF still rendering on the queue (202) is asked again until it is done."""
    deadline = time.time() + limit
    while True:
        status, body, headers = http(spec.get("method", "GET"), run.base_of(spec) + spec["paths"][0],
                                     spec.get("body"), run.token)
        if status != 202 or time.time() > deadline:
            return status, body, headers
        time.sleep(float(headers.get("Retry-After", 1)))


def _probe_304(run: Run) -> None:
    if "agenda_pdf" in run.skipped:
        run.skipped["agenda_pdf_304"] = run.skipped["agenda_pdf"]
    elif not run.etag:
        run.skipped["agenda_pdf_304"] = "the PDF response carries no ETag"
    else:
        path = run.specs["agenda_pdf_304"]["paths"][0]
        status, _, _ = http("GET", run.server.base + path, token=run.token, headers={"If-None-Match": run.etag})
        if status != 304:
            run.notes.append(f"repeat PDF with If-None-Match answered {status}, not 304 (measured anyway)")


def load(run: Run, spec: dict, *, seconds: float | None = None, label: str | None = None) -> dict:
    """One endpoint under wrk (after its warm-up): figures, paths and memory step."""
    args = run.args
    seconds = seconds or args.duration
    etag = run.etag if spec.get("etag") else None
    if args.warmup:
        run_wrk(run.base_of(spec), spec, run.token, args.warmup, args, etag)
    run.server.drain()
    served = run.bare if spec.get("bare") else run.server
    cpu_before = served.cpu_seconds()
    figures = run_wrk(run.base_of(spec), spec, run.token, seconds, args, etag)
    if figures["requests"]:
        figures["cpu_ms_per_request"] = round((served.cpu_seconds() - cpu_before) * 1000 / figures["requests"], 2)
    if not figures["requests"]:
        figures["note"] = f"no request completed in {seconds} s"
    figures["paths"] = spec["paths"][:1] + (["..."] if len(spec["paths"]) > 1 else [])
    name = label or spec["name"]
    run.remember_memory(name)
    log(f"  {name:18s} {figures['rps']:>8} req/s  p50 {figures['p50_ms']:>8} ms  p99 {figures['p99_ms']:>8} ms"
        f"  CPU {figures.get('cpu_ms_per_request')} ms/req  {figures.get('bytes_per_request') or 0:>7} B/resp"
        f"  statuses {figures['statuses']}")
    return figures


def measure_endpoints(run: Run, names, queries: dict, *, pair: bool) -> dict[str, dict]:
    """wrk over each named endpoint; with `pair`, the bare floor again just before each target row."""
    out = {}
    for name in names:
        spec = run.specs[name]
        if name in run.skipped:
            out[name] = {"skipped": run.skipped[name], "queries": queries.get(name)}
            continue
        paired = None
        if pair and name in report.RPS_TARGETS:
            paired = load(run, run.specs["bare"], seconds=max(2, run.args.duration // 2), label="(bare, paired)")
            run.floors.append(paired)
        figures = load(run, spec)
        figures["queries"] = queries.get(name)
        if paired:
            figures["paired_floor"] = {k: paired[k] for k in ("rps", "p50_ms", "p99_ms")}
        if name == "bare":
            run.floors.append(figures)
        out[name] = figures
    return out


def with_floor(run: Run, endpoints: dict[str, dict]) -> tuple[dict, dict]:
    """The run's floor (the bare app's runs) and every endpoint's ratios to it."""
    floor = report.floor_of(run.floors)
    rated = {name: (ep if ep.get("skipped") else report.with_ratios(ep, floor)) for name, ep in endpoints.items()}
    return floor, rated


def time_pdf_with_memory(run: Run) -> dict:
    """The agenda PDF rendered fresh (a plan changed first; idle server) against WeasyPrint alone, and the
    render workers' peak memory meanwhile (bench/renders.py)."""
    if "agenda_pdf" in run.skipped:
        return {"note": run.skipped["agenda_pdf"]}
    log(f"{run.kind}: timing fresh agenda PDFs against WeasyPrint alone")
    run.server.drain()
    with PeakSampler(run.server.consumer.pid) as sampler:
        pdf = renders.time_fresh_pdf(run.server.base, run.token, run.specs["agenda_pdf"]["paths"][0],
                                     run.targets.retreat3d_plan_ids[0], run.args.pdf_reps)
    pdf["render_worker_peak_mib"] = sampler.largest()
    return pdf


def concurrent_pdfs(run: Run, url: str) -> dict:
    log(f"{run.kind}: ten concurrent PDFs from three practices")
    run.server.drain()
    try:
        return renders.concurrent_from_three_practices(run.server.base, url)
    except (AssertionError, OSError) as exc:
        return {"note": f"not measured: {exc}"[:300]}


def grow(run: Run, app, scale: int) -> dict:
    """Copies of the first practice up to `scale` practices, in the measured database (no ANALYZE)."""
    from toolkit.extensions import db

    from .clone import clone_practice

    log(f"{run.kind}: adding practices 2..{scale} (copies of the first)")
    t0 = time.perf_counter()
    with fast_commits(app), app.app_context():
        rows = clone_practice(db.engine, db.metadata, run.targets.practice_id, range(1, scale), log=log)
    seconds = round(time.perf_counter() - t0, 1)
    settled = _checkpoint(app)
    return {"practices": scale, "rows_added": rows, "seconds": seconds, "checkpoint": settled}


def _checkpoint(app) -> str:
    """PostgreSQL: write the bulk load's dirty pages out now (CHECKPOINT), so that the flush the load set off
    does not land in the middle of the reads measured next. No statistics are gathered (no ANALYZE)."""
    import sqlalchemy as sa

    from toolkit.extensions import db

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            return "not needed (SQLite)"
        try:
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("CHECKPOINT"))
        except sa.exc.DBAPIError as exc:  # needs superuser or pg_checkpoint: measured without it then
            return f"skipped: {exc.orig}"
    return "done"


def measure_growth(run: Run, app, queries: dict) -> tuple[dict, dict]:
    """The list and detail reads again (and the floor) once the database holds `--growth` practices."""
    if not run.args.growth or run.args.growth <= 1:
        return {"practices": 1}, {}
    info = grow(run, app, run.args.growth)
    log(f"{run.kind}: the reads again at {run.args.growth} practices")
    names = [n for n in dict.fromkeys(("bare", *report.GROWTH_ENDPOINTS)) if n in run.specs]
    large = measure_endpoints(run, names, queries, pair=False)
    floor = report.floor_of([large["bare"]])
    return info, {n: (ep if ep.get("skipped") else report.with_ratios(ep, floor)) for n, ep in large.items()}


def clearance_statistics(run: Run, app) -> dict:
    """The 100-member clearance without planner statistics, then after ANALYZE (PostgreSQL)."""
    from toolkit.extensions import db, refresh_planner_statistics

    if "clearance100" in run.skipped or "clearance100" not in run.specs:
        return {"note": run.skipped.get("clearance100", "not measured")}
    spec = run.specs["clearance100"]  # built from the database each time: the planner's work, not a hit
    without = load(run, spec, label="clearance100 (no ANALYZE)")
    with app.app_context():
        analysed = refresh_planner_statistics(db.engine)
    if not analysed:
        return {"without": without, "note": "SQLite keeps no statistics: nothing to compare"}
    after = load(run, spec, label="clearance100 (ANALYZE)")
    return {"without": without, "with": after, "p50_ratio": report._ratio(without["p50_ms"], after["p50_ms"])}


def render_load(run: Run, url: str) -> dict:
    from . import render_load as rl

    log(f"{run.kind}: GET /me while two large PDFs render (boot.sh on the same database)")
    requests = QUICK["render_requests"] if run.args.quick else 300
    return rl.measure(port=servers.free_port(), database_url=url, requests=requests)


def memory_summary(run: Run) -> dict:
    mem = run.server.memory()
    workers = {str(pid): {"vmhwm_mib": round(m.get("VmHWM", 0), 1), "vmrss_mib": round(m.get("VmRSS", 0), 1)}
               for pid, m in mem.items()}
    rises, previous = {}, None
    for step in run.memory_steps:
        peak = max(step["vmhwm_mib"].values(), default=0.0)
        if previous is not None:
            rises[step["after"]] = round(peak - previous, 1)
        previous = peak if previous is None else max(previous, peak)
    largest = max(rises, key=rises.get) if rises else None
    return {"workers": workers, "peak_mib": max((w["vmhwm_mib"] for w in workers.values()), default=None),
            "steps": run.memory_steps, "at_start_mib": max(run.memory_steps[0]["vmhwm_mib"].values(), default=None),
            "largest_rise": f"{largest} (+{rises[largest]} MiB)" if largest else None}


def busy_notes(run: Run, result: dict) -> None:
    busiest = max(result["loadavg"]["before"][:1] + result["loadavg"]["after"][:1], default=0)
    if busiest > (os.cpu_count() or 1):
        run.notes.append(f"load average reached {busiest:.1f} on {os.cpu_count()} cores during this run (other "
                         "processes were busy): absolute figures are depressed; ratios to the floor less so")
    drift = result["floor"].get("drift")
    if drift and drift > 0.15:
        run.notes.append(f"the floor varied by {drift:.0%} across its runs: the machine was busy")


# ------------------------------------------------------------------------------------------------
# One database
# ------------------------------------------------------------------------------------------------

def prepare(kind: str, url: str, args) -> tuple[object, Targets, float]:
    log(f"{kind}: migrating and seeding {url.split('@')[-1]}")
    flask_cli(url, "db", "upgrade")
    seeded = flask_cli(url, "seed").splitlines()[-1:]
    log(f"  seed: {' '.join(seeded)}")
    app = in_process_app(url)
    log(f"{kind}: building the first practice through the API")
    t0 = time.perf_counter()
    with fast_commits(app):  # no outer app context: each test-client request gets its own, as in a server
        targets = build(app, 1, workers=1, log=log)
    return app, targets, round(time.perf_counter() - t0, 1)


def run_one(kind: str, args) -> dict:
    with scratch_database(kind, args.pg_url, args.keep) as url:
        app, targets, build_seconds = prepare(kind, url, args)
        RESULTS.mkdir(parents=True, exist_ok=True)
        bare = BareServer(RESULTS / f"gunicorn-bare-{kind}.log")
        server = Server(url, RESULTS / f"gunicorn-{kind}.log")
        run = Run(kind=kind, args=args, server=server, bare=bare, targets=targets)
        try:
            result = measure(run, app, build_seconds)
        finally:
            server.stop()
            bare.stop()
            _dispose(app)
        result["render_load"] = render_load(run, url) if not args.rows else {"note": "not measured (--rows)"}
        result["targets"] = report.evaluate(result)
        return result


def _dispose(app) -> None:
    from toolkit.extensions import db

    with app.app_context():
        db.engine.dispose()


def measure(run: Run, app, build_seconds: float) -> dict:
    args, load_before = run.args, loadavg()
    run.remember_memory("start")
    log_in(run)
    probe(run)
    log(f"{run.kind}: counting SQL queries per request (in process)")
    measured = [s for n, s in run.specs.items() if n not in run.skipped and not s.get("bare")]
    queries, clearance_queries = count_queries(app, run.targets, measured, run.etag)
    log(f"{run.kind}: load with wrk, {args.duration:g} s per endpoint (-t{args.threads} -c{args.connections}, "
        f"{args.warmup:g} s warm-up each, Accept-Encoding: {args.accept_encoding or 'none'})")
    names = [n for n, s in run.specs.items() if not s.get("probe_only") and (not args.rows or n in args.rows)]
    endpoints = measure_endpoints(run, ["bare", *(n for n in names if n != "bare")], queries, pair=args.paired)
    endpoints["bare_end"] = measure_endpoints(run, ["bare"], queries, pair=False)["bare"]
    floor, endpoints = with_floor(run, endpoints)
    pdf = time_pdf_with_memory(run) if not args.rows else {"note": "not measured (--rows)"}
    ten_pdfs = concurrent_pdfs(run, run.server.database_url) if not args.rows else {"note": "not measured (--rows)"}
    growth_info, large = measure_growth(run, app, queries)
    statistics_check = clearance_statistics(run, app) if not args.rows else {"note": "not measured (--rows)"}
    result = {"db": run.kind, "scale": 1, "dataset": run.targets.counts, "build_seconds": build_seconds,
              "server": " ".join(run.server.cmd[1:]), "floor": floor, "endpoints": endpoints, "pdf": pdf,
              "concurrent_pdfs": ten_pdfs,
              "clearance_queries": clearance_queries, "notes": run.notes, "growth_scale": growth_info,
              "large": large, "growth": report.growth({"endpoints": endpoints}, {"endpoints": large}) if large else {},
              "clearance_statistics": statistics_check, "memory": memory_summary(run),
              "loadavg": {"before": load_before, "after": loadavg()},
              "ids": {k: v for k, v in vars(run.targets).items()
                      if k not in ("password", "counts", "screen_participant_ids")}}
    busy_notes(run, result)
    return result


# ------------------------------------------------------------------------------------------------
# CLI
# ------------------------------------------------------------------------------------------------

def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--quick", action="store_true",
                   help="a short run while iterating: 2 s per endpoint, growth to 10 practices, no pairing")
    p.add_argument("--duration", type=int, default=4, help="seconds of load per endpoint (default 4)")
    p.add_argument("--warmup", type=int, default=1, help="seconds of unrecorded load before each (default 1)")
    p.add_argument("--connections", type=int, default=4, help="wrk connections (default 4)")
    p.add_argument("--threads", type=int, default=1, help="wrk threads (default 1: the machine has 2 cores)")
    p.add_argument("--growth", type=int, default=100, metavar="N",
                   help="practices for the growth measurement (default 100; 1 skips it)")
    p.add_argument("--no-paired", dest="paired", action="store_false",
                   help="do not measure the floor again right before each target endpoint")
    p.add_argument("--accept-encoding", default="gzip",
                   help="Accept-Encoding sent by wrk (default gzip, as browsers send; '' for none)")
    p.add_argument("--pdf-reps", type=int, default=3, help="repetitions for the PDF timing (median)")
    p.add_argument("--ports", default=os.environ.get("BENCH_PORTS", ""), metavar="A-B",
                   help="bind the bench's servers to free ports in this range only (default: any free port)")
    p.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG),
                   help=f"an existing PostgreSQL database, used to CREATE/DROP the scratch one (default {DEFAULT_PG})")
    p.add_argument("--keep", action="store_true", help="keep the scratch databases")
    p.add_argument("--rows", type=lambda v: [x for x in v.split(",") if x], default=[], metavar="A,B",
                   help="measure only these rows under wrk (and the floor); skips the PDF, ANALYZE and render-load "
                        "steps (use --growth 1 to skip growth too)")
    p.add_argument("--output", default=str(RESULTS), help="where latest.json and latest.md go")
    p.add_argument("--report-only", action="store_true",
                   help="measure nothing: recompute the targets from --output's latest.json and rewrite latest.md")
    args = p.parse_args(argv)
    if args.quick:
        for key, value in QUICK.items():
            if hasattr(args, key):
                setattr(args, key, value)
    if args.ports:
        low, high = (int(x) for x in args.ports.split("-"))
        servers.PORTS = range(low, high + 1)
    return args


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
        if run.get("large"):
            run["growth"] = report.growth(run, {"endpoints": run["large"]})
        run["targets"] = report.evaluate(run)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    (out / "latest.md").write_text(report.markdown(results) + "\n")
    print(f"rewrote {out / 'latest.json'} and {out / 'latest.md'}")
    return 0


def write_results(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    text = report.markdown(results)
    (out / "latest.md").write_text(text + "\n")
    print()
    print(text)
    failed = [(db, c["id"]) for db, run in results["runs"].items() for c in run["targets"] if c["result"] == "FAIL"]
    print(f"\n{len(failed)} target(s) failed" + (": " + ", ".join(f"{d}/{n}" for d, n in failed) if failed else ""))
    print(f"wrote {out / 'latest.json'} and {out / 'latest.md'}")


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.report_only:
        return rewrite_report(Path(args.output))
    if shutil.which("wrk") is None:
        print(f"wrk is not installed. Install it with:\n    {WRK_INSTALL}", file=sys.stderr)
        return 2
    import logging

    logging.disable(logging.INFO)  # the in-process app's request logs would drown the progress lines
    started = time.perf_counter()
    command = "python -m bench.run " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    results = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "command": command,
               "machine": machine(),
               "load": f"wrk -t{args.threads} -c{args.connections}, {args.duration:g} s per endpoint after "
                       f"{args.warmup:g} s warm-up, Accept-Encoding: {args.accept_encoding or 'none'}; "
                       "gunicorn -w 2 -k sync on 127.0.0.1, rate limiter on",
               "targets": {"rps": report.RPS_TARGETS, "memory_max_mib": report.MEMORY_MAX_MIB,
                           "growth_max": report.GROWTH_MAX, "render_load_max": report.RENDER_LOAD_MAX,
                           "analyze_max": report.ANALYZE_MAX},
               "runs": {}}
    for kind in ["sqlite", "postgresql"] if args.db == "both" else [args.db]:
        results["runs"][kind] = run_one(kind, args)
        results["seconds"] = round(time.perf_counter() - started)
        write_results(results, Path(args.output))  # after each database: a stopped run keeps what it measured
    return 0


if __name__ == "__main__":
    sys.exit(main())
