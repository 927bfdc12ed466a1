"""Report math for the benchmark: ratios to the floor, the targets of issues 8, 21 and 32, growth, the Markdown.

Pure functions over plain dicts (the shapes written to bench/results/latest.json), tested in
tests/unit/test_bench_report.py. No Flask, no database, no I/O.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping

from . import renders

# Issue 32's targets: req/s as a share of the bare Flask floor's, every read built from the database
# (uncached); a row whose target differs by database names both.
RPS_TARGETS: dict[str, float | dict[str, float]] = {
    "mix10": {"sqlite": 0.15, "postgresql": 0.10}, "clearance": 0.10, "screening_post": 0.10,
    "participant_detail": 0.20, "plan_detail": 0.20, "modules": 0.20, "me": 0.35}
CLEARANCE_CPU_MAX_MS = 5.0   # 40 x 12 clearance, worker CPU in process
CLEARANCE_GROWTH_MAX = 2.5   # 100 x 12 cost / 40 x 12 cost
PDF_FRESH_MAX = 1.3          # one-day PDF, fresh (plan changed first) / WeasyPrint alone on the same HTML
CONCURRENT_PDF_MAX = 1.5     # the last of ten concurrent renders / (ten single renders / render workers)
RENDER_MEMORY_MAX_MIB = 300.0  # a render worker after 50 renders
RENDER_LOAD_MAX = 3.0        # GET /me p50 while two large PDFs render / idle
ANALYZE_MAX = 1.5            # 100-member clearance p50 without ANALYZE / with (PostgreSQL)
NOT_MODIFIED_MAX_SHARE = 0.25  # a 304's p50 must be under this share of one PDF render: "without rendering"
MEMORY_MAX_MIB = 150.0
GROWTH_MAX = 1.3
# Every list and detail read the benchmark measures (built from the database each time).
GROWTH_ENDPOINTS = ("me", "modules", "module_detail", "plan_detail", "plans_by_group", "plans_list", "clearance",
                    "participants_list", "participant_detail", "screenings_list", "screening_detail", "groups_list",
                    "group_detail", "group_members", "therapists_list", "audit_list")

LABELS = {
    "bare": "bare Flask app (floor)",
    "bare_end": "bare Flask app (floor, again at the end)",
    "health": "GET /healthz (unauthenticated, reference)",
    "me": "GET /me",
    "floor": "GET /me (floor)",
    "clearance100": "GET /plans/{id}/clearance (100 x 12)",
    "modules": "GET /modules?category=exercise&intensity=gentle",
    "plan_detail": "GET /plans/{id} (10 items)",
    "plans_by_group": "GET /plans?group_id=",
    "clearance": "GET /plans/{id}/clearance (40 x 12)",
    "screening_post": "POST /participants/{id}/screenings",
    "mix10": "mix10: the five reads in rotation, every 10th request a screening POST",
    "agenda_ics": "GET /groups/{id}/agenda?format=ics (3 days)",
    "agenda_pdf": "GET /groups/{id}/agenda?format=pdf (3 days)",
    "agenda_pdf_304": "GET agenda pdf + If-None-Match (expect 304)",
    "participants_list": "GET /participants",
    "participant_detail": "GET /participants/{id}",
    "screenings_list": "GET /participants/{id}/screenings",
    "screening_detail": "GET /screenings/{id}",
    "groups_list": "GET /groups",
    "group_detail": "GET /groups/{id} (40 members)",
    "group_members": "GET /groups/{id}/members (40)",
    "plans_list": "GET /plans",
    "module_detail": "GET /modules/{id}",
    "therapists_list": "GET /therapists",
    "audit_list": "GET /audit-events",
}


def rps_target(name: str, db: str | None) -> float | None:
    """The req/s target of a row on a database (None: no target)."""
    limit = RPS_TARGETS.get(name)
    if isinstance(limit, dict):
        return limit.get(db or "", min(limit.values()))
    return limit


def _ratio(value: float | None, base: float | None) -> float | None:
    if value is None or not base:
        return None
    return round(value / base, 3)


def floor_of(runs: Iterable[Mapping]) -> dict:
    """The floor's figures: the mean of its runs (measured first and last), and how far they drift."""
    runs = [r for r in runs if r and r.get("rps")]
    if not runs:
        return {"rps": None, "p50_ms": None, "p99_ms": None, "drift": None, "runs": 0}
    rps = [r["rps"] for r in runs]
    mean = statistics.fmean(rps)
    return {
        "rps": round(mean, 1),
        "p50_ms": round(statistics.fmean(r["p50_ms"] for r in runs), 3),
        "p99_ms": round(statistics.fmean(r["p99_ms"] for r in runs), 3),
        "drift": round((max(rps) - min(rps)) / mean, 3) if mean else None,
        "runs": len(runs),
    }


def with_ratios(endpoint: Mapping, floor: Mapping) -> dict:
    """req/s, p50 and p99 each divided by the floor's. For latency a ratio above 1 means slower.
    The base is the floor measured just before this endpoint when there is one (`paired_floor`),
    else the run's mean floor; `rps_ratio_mean_floor` always uses the mean."""
    out = dict(endpoint)
    base = endpoint.get("paired_floor") or floor
    out["ratio_base"] = "paired" if endpoint.get("paired_floor") else "mean"
    out["rps_ratio"] = _ratio(endpoint.get("rps"), base.get("rps"))
    out["p50_ratio"] = _ratio(endpoint.get("p50_ms"), base.get("p50_ms"))
    out["p99_ratio"] = _ratio(endpoint.get("p99_ms"), base.get("p99_ms"))
    out["rps_ratio_mean_floor"] = _ratio(endpoint.get("rps"), floor.get("rps"))
    return out


def median(values: Iterable[float]) -> float | None:
    values = list(values)
    return statistics.median(values) if values else None


def _check(name: str, label: str, value, limit, ok: bool | None, note: str = "") -> dict:
    return {"id": name, "target": label, "value": value, "limit": limit,
            "result": "skip" if ok is None else ("pass" if ok else "FAIL"), "note": note}


def evaluate(run: Mapping) -> list[dict]:
    """Every issue-8 target for one database's run."""
    eps = run.get("endpoints", {})
    checks = []
    for name in RPS_TARGETS:
        limit = rps_target(name, run.get("db"))
        ep = eps.get(name, {})
        value = ep.get("rps_ratio")
        bad = _bad_statuses(ep)
        ok = None if value is None else (value >= limit and not bad)
        note = ep.get("skipped", "") or (f"non-success responses: {bad}" if bad else "")
        checks.append(_check(f"{name}_rps", f"{LABELS[name]}: req/s >= {limit} x floor", value, limit, ok, note))

    cq = run.get("clearance_queries", {})
    # Two retreat days of the same shape (12 items, prerequisites, an agreement to sign) with 40 and 100 members:
    # the count may differ from a couples' plan (no prerequisites, no agreement), never with the members.
    small, big, bigger = cq.get("small"), cq.get("retreat40"), cq.get("retreat100", cq.get("retreat40"))
    checks.append(_check("clearance_constant_queries",
                         "clearance: same SQL count for a 40-member and a 100-member retreat day",
                         f"{big} / {bigger}", "equal", None if None in (big, bigger) else big == bigger,
                         f"a 2-member couples' plan: {small}" if small is not None else ""))

    pdf = run.get("pdf", {})

    checks += renders.checks(run, _check)  # fresh PDF, ten concurrent PDFs from three practices

    nm = eps.get("agenda_pdf_304", {})
    render_ms = (pdf.get("endpoint_median_s") or 0) * 1000
    if nm.get("rps") is None or not render_ms:
        checks.append(_check("pdf_304", "repeat PDF with If-None-Match: 304 without rendering", None, "304",
                             None, nm.get("skipped", "") or "no PDF timing"))
    else:
        only_304 = set(nm.get("statuses", {})) == {"304"}
        share = round(nm["p50_ms"] / render_ms, 3)
        checks.append(_check("pdf_304", "repeat PDF with If-None-Match: 304 without rendering",
                             f"{'/'.join(sorted(nm.get('statuses', {})))}, p50 {share} x render", "304",
                             only_304 and share < NOT_MODIFIED_MAX_SHARE,
                             f"p50 must be < {NOT_MODIFIED_MAX_SHARE} x one render"))

    peak = run.get("memory", {}).get("peak_mib")
    checks.append(_check("memory", f"peak memory per worker < {MEMORY_MAX_MIB:.0f} MiB", peak, MEMORY_MAX_MIB,
                         None if peak is None else peak < MEMORY_MAX_MIB))
    return checks + issue21_checks(run) + issue32_checks(run)


def issue32_checks(run: Mapping) -> list[dict]:
    """Clearance CPU in process and its growth with members; the PDF rows (fresh render, ten concurrent
    renders, a render worker's memory), reported when the run measured them."""
    cpu = run.get("clearance_queries", {}).get("cpu_ms", {})
    c40, c100 = cpu.get("retreat40"), cpu.get("retreat100")
    checks = [_check("clearance_cpu", f"clearance 40 x 12 uncached: worker CPU in process <= {CLEARANCE_CPU_MAX_MS} ms",
                     c40, CLEARANCE_CPU_MAX_MS, None if c40 is None else c40 <= CLEARANCE_CPU_MAX_MS,
                     "median of 15 requests through the test client")]
    grow = _ratio(c100, c40)
    checks.append(_check("clearance_members", f"clearance 100 x 12 <= {CLEARANCE_GROWTH_MAX} x the 40 x 12 cost (CPU)",
                         grow, CLEARANCE_GROWTH_MAX, None if grow is None else grow <= CLEARANCE_GROWTH_MAX,
                         f"{c40} ms / {c100} ms" if grow else ""))
    fresh = run.get("pdf_fresh") or {}
    ratio = fresh.get("ratio")
    checks.append(_check("pdf_fresh", f"one-day PDF, fresh: <= {PDF_FRESH_MAX} x WeasyPrint alone on the same HTML",
                         ratio, PDF_FRESH_MAX, None if ratio is None else ratio <= PDF_FRESH_MAX,
                         fresh.get("note", "" if fresh else "not measured in this run")))
    many = run.get("pdf_concurrent") or {}
    ratio = many.get("ratio")
    checks.append(_check("pdf_concurrent", f"ten concurrent PDFs from three practices: the last within "
                         f"{CONCURRENT_PDF_MAX} x (ten single renders / render workers), a small PDF of the third "
                         "practice within one render's time", ratio, CONCURRENT_PDF_MAX,
                         None if ratio is None else ratio <= CONCURRENT_PDF_MAX and bool(many.get("small_within")),
                         many.get("note", "" if many else "not measured in this run")))
    mib = many.get("render_worker_mib_after_50") or (run.get("pdf_fresh") or {}).get("render_worker_mib_after_50")
    checks.append(_check("render_memory_50", f"render worker < {RENDER_MEMORY_MAX_MIB:.0f} MiB after 50 renders", mib,
                         RENDER_MEMORY_MAX_MIB, None if mib is None else mib < RENDER_MEMORY_MAX_MIB,
                         "" if mib is not None else "not measured in this run"))
    return checks


def issue21_checks(run: Mapping) -> list[dict]:
    """GET /me while PDFs render, clearance without statistics, growth, the render worker's memory."""
    load = run.get("render_load", {})
    ratio = load.get("ratio")
    checks = [_check("render_load", f"GET /me p50 while two large PDFs render <= {RENDER_LOAD_MAX} x idle", ratio,
                     RENDER_LOAD_MAX, None if ratio is None else ratio <= RENDER_LOAD_MAX,
                     f"idle {load.get('idle_p50_ms')} ms, busy {load.get('busy_p50_ms')} ms" if ratio else "")]
    stats = run.get("clearance_statistics", {})
    ratio = stats.get("p50_ratio")
    checks.append(_check("clearance_analyze", f"100-member clearance p50 without ANALYZE <= {ANALYZE_MAX} x with",
                         ratio, ANALYZE_MAX, None if ratio is None else ratio <= ANALYZE_MAX, stats.get("note", "")))
    rows = {n: r for n, r in run.get("growth", {}).items() if r.get("result") != "skip"}
    worst = max(rows, key=lambda n: rows[n]["ratio"] or 0) if rows else None
    value = rows[worst]["ratio"] if worst else None
    practices = run.get("growth_scale", {}).get("practices")
    checks.append(_check("growth", f"growth 1 -> {practices} practices: p50 of every list and detail read < "
                         f"{GROWTH_MAX} x (largest)", value, GROWTH_MAX,
                         None if value is None else value < GROWTH_MAX, f"largest: {LABELS.get(worst, worst)}"
                         if worst else "no growth measured"))
    render_mib = (run.get("pdf") or {}).get("render_worker_peak_mib") or load.get("render_worker_peak_mib")
    checks.append(_check("render_memory", "peak memory per render worker (stated)", render_mib, "–",
                         None, "the consumer and its layout processes, while PDFs render"))
    return checks


def _bad_statuses(ep: Mapping) -> dict:
    return {code: n for code, n in ep.get("statuses", {}).items() if not 200 <= int(code) < 400}


def growth(small: Mapping, large: Mapping, *, endpoints=GROWTH_ENDPOINTS) -> dict:
    """How each figure changes from the small scale to the large one (same database, separate runs), per
    endpoint: p50 (the target), p99 and req/s as large / small, p50 also normalised by each run's floor
    (which takes out machine drift between the two runs), and the SQL count at both scales."""
    out = {}
    for name in endpoints:
        a, b = small.get("endpoints", {}).get(name, {}), large.get("endpoints", {}).get(name, {})
        raw = _ratio(b.get("p50_ms"), a.get("p50_ms"))
        normalised = _ratio(b.get("p50_ratio"), a.get("p50_ratio"))
        judged = raw  # the ×floor figure is shown too; on a busy machine the floor itself moves most
        out[name] = {"p50_ms_small": a.get("p50_ms"), "p50_ms_large": b.get("p50_ms"), "ratio": raw,
                     "ratio_vs_floor": normalised,
                     "p99_ratio": _ratio(b.get("p99_ms"), a.get("p99_ms")),
                     "rps_ratio": _ratio(b.get("rps"), a.get("rps")),
                     "queries": (a.get("queries"), b.get("queries")),
                     "result": "skip" if judged is None else ("pass" if judged < GROWTH_MAX else "FAIL")}
    return out


# ------------------------------------------------------------------------------------------------
# Markdown
# ------------------------------------------------------------------------------------------------

def _fmt(value, digits=2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def _target_of(name: str, db: str | None = None) -> str:
    limit = rps_target(name, db)
    return f"≥ {limit}" if limit is not None else ""


def endpoint_table(run: Mapping) -> list[str]:
    targets = {c["id"]: c for c in run.get("targets", [])}
    db = run.get("db")
    lines = ["| endpoint | req/s | ×floor | p50 ms | ×floor | p99 ms | ×floor | CPU ms/req | SQL/req "
             "| target req/s ×floor | result |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for name, ep in run.get("endpoints", {}).items():
        label = LABELS.get(name, name)
        if ep.get("skipped"):
            lines.append(f"| {label} | – | – | – | – | – | – | – | {_fmt(ep.get('queries'))} | "
                         f"{_target_of(name, db)} | skipped: {ep['skipped']} |")
            continue
        result = targets.get(f"{name}_rps", {}).get("result", "")
        rps_digits = 0 if (ep.get("rps") or 0) >= 10 else 1
        bad = _bad_statuses(ep)
        if bad:
            result = (result + " " if result else "") + f"(non-2xx/3xx: {bad})"
        lines.append(
            f"| {label} | {_fmt(ep.get('rps'), rps_digits)} | {_fmt(ep.get('rps_ratio'))} | "
            f"{_fmt(ep.get('p50_ms'), 1)} | "
            f"{_fmt(ep.get('p50_ratio'))} | {_fmt(ep.get('p99_ms'), 1)} | {_fmt(ep.get('p99_ratio'))} | "
            f"{_fmt(ep.get('cpu_ms_per_request'))} | {_fmt(ep.get('queries'))} | {_target_of(name, db)} | {result} |")
    return lines


def targets_table(run: Mapping) -> list[str]:
    lines = ["| target | value | limit | result | note |", "|---|---|---|---|---|"]
    for c in run.get("targets", []):
        lines.append(f"| {c['target']} | {_fmt(c['value'])} | {_fmt(c['limit'])} | {c['result']} | {c['note']} |")
    return lines


def markdown(results: Mapping) -> str:
    out = [f"# Benchmark results ({results.get('generated_at', '')})", "",
           f"Command: `{results.get('command', '')}`" + (f" ({results['seconds']} s)" if results.get("seconds") else "")
           + "  ", f"Machine: {results.get('machine', {}).get('summary', '')}  ",
           f"Load: {results.get('load', '')}", ""]
    for db, run in results.get("runs", {}).items():
        out += run_section(db, run)
    for db, table in results.get("growth", {}).items():  # runs written before growth moved into each run
        out += growth_table(db, table["small"], table["large"], table["endpoints"])
    return "\n".join(out)


def run_section(db: str, run: Mapping) -> list[str]:
    floor = run.get("floor", {})
    out = [f"## {db} — {_counts(run.get('dataset', {}))}", "",
           f"Floor (bare Flask app, same gunicorn settings): {_fmt(floor.get('rps'), 0)} req/s, p50 "
           f"{_fmt(floor.get('p50_ms'), 1)} ms (mean of {floor.get('runs')} runs, spread {_fmt(floor.get('drift'))}). "
           "Ratios: req/s ÷ floor (higher is better); latency ÷ floor (lower is better); each target endpoint "
           "against the floor measured just before it when paired. Load average before/after: "
           f"{_fmt(run.get('loadavg', {}).get('before'))} / {_fmt(run.get('loadavg', {}).get('after'))}.", ""]
    out += endpoint_table(run) + [""] + _pdf_lines(run) + _memory_lines(run) + _extra_lines(run)
    out += targets_table(run) + [""]
    out += [f"- {note}" for note in run.get("notes", [])] + ([""] if run.get("notes") else [])
    if run.get("growth"):
        practices = run.get("growth_scale", {}).get("practices")
        out += growth_table(db, 1, practices, run["growth"])
    return out


def _pdf_lines(run: Mapping) -> list[str]:
    pdf, ten = run.get("pdf", {}), run.get("concurrent_pdfs") or {}
    out = []
    if pdf.get("ratio") is not None:
        out += [f"Agenda PDF (3-day retreat, {pdf.get('pages', '?')} pages, rendered fresh: a plan changed before "
                f"each): endpoint median {_fmt(pdf.get('endpoint_median_s'), 3)} s (sequential, {pdf.get('reps')} "
                f"reps) vs WeasyPrint alone on the same HTML {_fmt(pdf.get('weasyprint_median_s'), 3)} s → "
                f"{_fmt(pdf.get('ratio'))}×; render workers' peak {_fmt(pdf.get('render_worker_peak_mib'), 1)} MiB.",
                ""]
    if ten.get("last_done_s") is not None:
        out += [f"Ten concurrent PDFs from three practices ({ten.get('workers')} render workers): the last done "
                f"after {_fmt(ten.get('last_done_s'), 1)} s (target {_fmt(ten.get('last_target_s'), 1)} s = 1.5 × "
                f"{_fmt(ten.get('layouts_sum_s'), 1)} s of layouts / workers); the third practice's small PDF "
                f"{_fmt(ten.get('small_wait_s'), 2)} s after it was asked (target {_fmt(ten.get('small_target_s'), 2)}"
                " s: the longest large layout plus its own).", ""]
    return out


def _memory_lines(run: Mapping) -> list[str]:
    mem = run.get("memory", {})
    if not mem.get("workers"):
        return []
    per = ", ".join(f"{w['vmhwm_mib']:.1f}" for w in mem["workers"].values())
    return [f"Peak RSS (VmHWM) per web worker: {per} MiB (after start-up: {_fmt(mem.get('at_start_mib'), 1)} MiB); "
            f"largest rise during: {mem.get('largest_rise', '–')}.", ""]


def _extra_lines(run: Mapping) -> list[str]:
    out = []
    load = run.get("render_load", {})
    if load.get("ratio") is not None:
        out += [f"`GET /me` while two large PDFs render (boot.sh, {load.get('plans_per_pdf')} plans each): p50 "
                f"{_fmt(load.get('busy_p50_ms'), 1)} ms against {_fmt(load.get('idle_p50_ms'), 1)} ms idle "
                f"({_fmt(load.get('ratio'))}×; both PDFs in {load.get('render_seconds_both')} s); peak memory: web "
                f"worker {_fmt(load.get('web_worker_peak_mib'), 1)} MiB, render worker (consumer and layout "
                f"processes) {_fmt(load.get('render_worker_peak_mib'), 1)} MiB.", ""]
    stats = run.get("clearance_statistics", {})
    if stats.get("with"):
        out += [f"100-member clearance at {run.get('growth_scale', {}).get('practices')} practices: p50 "
                f"{_fmt(stats['without']['p50_ms'], 1)} ms without ANALYZE, {_fmt(stats['with']['p50_ms'], 1)} ms "
                f"after ({_fmt(stats.get('p50_ratio'))}×).", ""]
    return out


def growth_table(db: str, small, large, rows: Mapping) -> list[str]:
    out = [f"## Growth on {db}: {small} → {large} practices (p50, target < {GROWTH_MAX}×)", "",
           "| endpoint | p50 ms small | p50 ms large | p50 growth | p50 ×floor growth | p99 growth | "
           "req/s growth | SQL/req | result |",
           "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for name, row in rows.items():
        queries = row.get("queries") or (None, None)
        out.append(f"| {LABELS.get(name, name)} | {_fmt(row.get('p50_ms_small'), 1)} | "
                   f"{_fmt(row.get('p50_ms_large'), 1)} | {_fmt(row.get('ratio'))} | "
                   f"{_fmt(row.get('ratio_vs_floor'))} | "
                   f"{_fmt(row.get('p99_ratio'))} | {_fmt(row.get('rps_ratio'))} | "
                   f"{queries[0]} → {queries[1]} | {row['result']} |")
    return out + [""]


def _counts(counts: Mapping) -> str:
    keys = ("practices", "therapists", "participants", "groups", "plans", "screenings")
    return ", ".join(f"{counts[k]:,} {k}" for k in keys if k in counts)
