"""The benchmark's report math (bench/report.py): ratios to the floor, targets, growth, Markdown."""

import pytest

from bench import report, servers


def endpoint(rps, p50, p99, **extra):
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, **extra}


def test_floor_is_the_mean_of_its_runs_with_drift():
    floor = report.floor_of([endpoint(400, 10, 20), endpoint(600, 14, 30)])
    assert floor == {"rps": 500.0, "p50_ms": 12.0, "p99_ms": 25.0, "drift": 0.4, "runs": 2}


def test_floor_without_runs_has_no_figures():
    assert report.floor_of([None, {}])["rps"] is None


@pytest.mark.parametrize("ep, rps, p50, p99", [
    (endpoint(200, 20, 50), 0.4, 2.0, 2.5),
    (endpoint(500, 10, 20), 1.0, 1.0, 1.0),
    (endpoint(None, None, None), None, None, None),
])
def test_ratios_to_the_floor(ep, rps, p50, p99):
    out = report.with_ratios(ep, {"rps": 500, "p50_ms": 10, "p99_ms": 20})
    assert (out["rps_ratio"], out["p50_ratio"], out["p99_ratio"]) == (rps, p50, p99)


def test_a_paired_floor_is_the_base_when_present():
    ep = endpoint(100, 30, 60, paired_floor={"rps": 200, "p50_ms": 10, "p99_ms": 20})
    out = report.with_ratios(ep, {"rps": 500, "p50_ms": 5, "p99_ms": 10})
    assert (out["rps_ratio"], out["p50_ratio"], out["ratio_base"], out["rps_ratio_mean_floor"]) == \
        (0.5, 3.0, "paired", 0.2)


def test_wrk_figures_from_the_lua_line():
    latency = {"p50": 2500, "p90": 4000, "p99": 9000, "max": 12000}
    raw = {"requests": 1000, "duration_us": 10_000_000, "latency_us": latency, "statuses": {"200": 990, "500": 10},
           "errors": {"connect": 0, "status": 10, "timeout": 0}}
    f = servers.wrk_figures(raw)
    assert (f["rps"], f["ok_rps"], f["p50_ms"], f["p99_ms"]) == (100.0, 99.0, 2.5, 9.0)
    assert f["errors"] == {"status": 10}


def run_with(**over):
    eps = {name: endpoint(500 * limit, 10, 20, rps_ratio=limit, statuses={"200": 10})
           for name, limit in ((n, report.rps_target(n, "sqlite")) for n in report.RPS_TARGETS)}
    eps["agenda_pdf_304"] = endpoint(100, 5, 9, statuses={"304": 100})
    run = {"db": "sqlite", "endpoints": eps,
           "clearance_queries": {"small": 9, "retreat40": 9, "cpu_ms": {"retreat40": 5.0, "retreat100": 12.5}},
           "pdf_fresh": {"ratio": 1.3}, "pdf_concurrent": {"ratio": 1.5, "small_within": True,
                                                         "render_worker_mib_after_50": 299.0},
           "pdf": {"ratio": 1.1, "endpoint_median_s": 0.3, "render_worker_peak_mib": 300.0,
                   "retry_after": [{"promised_s": 3, "arrived_s": 2.5}, {"promised_s": 5, "arrived_s": 10.0}]},
           "memory": {"peak_mib": 120.0}, "render_load": {"ratio": 3.0, "idle_p50_ms": 2, "busy_p50_ms": 6},
           "clearance_statistics": {"p50_ratio": 1.5}, "growth_scale": {"practices": 100},
           "growth": {"modules": {"ratio": 1.29, "ratio_vs_floor": 1.5, "result": "pass"}},
           "concurrent_pdfs": {"workers": 2, "statuses": [200], "layouts_sum_s": 40.0, "last_done_s": 30.0,
                               "last_target_s": 30.0, "small_wait_s": 5.5, "small_target_s": 5.5}}
    run.update(over)
    return run


def results_of(run):
    return {c["id"]: c["result"] for c in report.evaluate(run)}


def test_every_target_passes_at_its_limit():
    results = results_of(run_with())
    assert results.pop("render_memory") == "skip"  # stated, no limit
    assert set(results.values()) == {"pass"}


def test_targets_fail_below_their_limits():
    run = run_with(clearance_queries={"small": 9, "retreat40": 19, "retreat100": 48}, pdf_fresh={"ratio": 1.5},
                   memory={"peak_mib": 150.0})
    run["endpoints"]["plan_detail"]["rps_ratio"] = 0.19
    run.update(render_load={"ratio": 3.1}, clearance_statistics={"p50_ratio": 1.6},
               growth={"modules": {"ratio": 1.3, "ratio_vs_floor": 1.2, "result": "FAIL"}})
    got = results_of(run)
    assert got["plan_detail_rps"] == got["clearance_constant_queries"] == got["pdf_fresh"] == got["memory"] == "FAIL"
    assert got["render_load"] == got["clearance_analyze"] == got["growth"] == "FAIL"
    assert got["modules_rps"] == "pass"


def test_error_responses_fail_a_throughput_target():
    run = run_with()
    run["endpoints"]["clearance"]["statuses"] = {"200": 99, "500": 1}
    assert results_of(run)["clearance_rps"] == "FAIL"


def test_a_304_that_takes_as_long_as_a_render_fails():
    run = run_with()
    run["endpoints"]["agenda_pdf_304"] = endpoint(3, 290, 400, statuses={"304": 30})
    assert results_of(run)["pdf_304"] == "FAIL"
    run["endpoints"]["agenda_pdf_304"] = endpoint(300, 5, 9, statuses={"200": 300})
    assert results_of(run)["pdf_304"] == "FAIL"


def test_skipped_endpoints_are_skipped_not_failed():
    run = run_with(pdf_fresh={"note": "answered 404"})
    run["endpoints"]["agenda_pdf_304"] = {"skipped": "answered 404"}
    got = results_of(run)
    assert got["pdf_fresh"] == got["pdf_304"] == "skip"


@pytest.mark.parametrize("small, large, result", [(10.0, 12.9, "pass"), (10.0, 13.0, "FAIL"), (None, 5.0, "skip")])
def test_growth_of_p50(small, large, result):
    a = {"endpoints": {"modules": {"p50_ms": small, "p50_ratio": 2.0, "queries": 3}}}
    b = {"endpoints": {"modules": {"p50_ms": large, "p50_ratio": 2.0, "queries": 3}}}
    assert report.growth(a, b, endpoints=("modules",))["modules"]["result"] == result


def test_growth_reports_every_figure_large_over_small():
    a = {"endpoints": {"clearance": endpoint(300, 10, 20, p50_ratio=2.5, queries=8)}}
    b = {"endpoints": {"clearance": endpoint(240, 12, 30, p50_ratio=3.0, queries=8)}}
    row = report.growth(a, b, endpoints=("clearance",))["clearance"]
    assert (row["ratio"], row["ratio_vs_floor"], row["p99_ratio"], row["rps_ratio"]) == (1.2, 1.2, 1.5, 0.8)
    assert row["queries"] == (8, 8) and row["result"] == "pass"
    text = report.markdown({"runs": {}, "growth": {"sqlite": {"small": 1, "large": 100, "endpoints": {
        "clearance": row}}}})
    assert "| GET /plans/{id}/clearance (40 x 12) | 10 | 12 | 1.20 | 1.20 | 1.50 | 0.80 | 8 → 8 | pass |" in text


def test_an_endpoint_missing_at_one_scale_is_skipped_not_failed():
    a = {"endpoints": {"audit_list": endpoint(300, 10, 20)}}
    assert report.growth(a, {"endpoints": {}}, endpoints=("audit_list",))["audit_list"]["result"] == "skip"


def test_markdown_has_a_row_per_endpoint_and_the_targets():
    run = run_with(floor={"rps": 500, "p50_ms": 10, "runs": 2, "drift": 0.01}, scale=1, dataset={"plans": 600},
                   targets=None)
    run["endpoints"]["agenda_ics"] = {"skipped": "answered 404", "queries": None}
    run["targets"] = report.evaluate(run)
    text = report.markdown({"runs": {"sqlite": run}, "command": "python -m bench.run"})
    assert "| GET /plans/{id} (10 items) |" in text
    assert "skipped: answered 404" in text
    assert "peak memory per worker < 150 MiB" in text


def test_mix10_has_a_target_per_database():
    run = run_with()
    run["endpoints"]["mix10"]["rps_ratio"] = 0.12
    assert results_of(run)["mix10_rps"] == "FAIL"
    run["db"] = "postgresql"
    assert results_of(run)["mix10_rps"] == "pass"


def test_clearance_cpu_and_its_growth_with_members():
    run = run_with(clearance_queries={"small": 9, "retreat40": 9, "cpu_ms": {"retreat40": 5.1, "retreat100": 13.0}})
    got = results_of(run)
    assert got["clearance_cpu"] == got["clearance_members"] == "FAIL"


def test_pdf_rows_not_measured_are_skipped():
    got = results_of(run_with(pdf_fresh=None, pdf_concurrent=None))
    assert got["pdf_fresh"] == got["pdf_concurrent"] == got["render_memory_50"] == "skip"


def test_mix10_is_nine_reads_in_rotation_then_a_post():
    from bench.run import mix_requests

    got = mix_requests(["/a", "/b", "/c", "/d", "/e"], ["/p1", "/p2"], cycles=2)
    assert [m for m, _ in got].count("POST") == 2 and got[9] == ("POST", "/p1") and got[19] == ("POST", "/p2")
    assert [path for _, path in got[:9]] == ["/a", "/b", "/c", "/d", "/e", "/a", "/b", "/c", "/d"]
    assert got[10] == ("GET", "/e")


def test_the_bench_serves_with_boot_sh_gunicorn_flags():
    from bench.servers import boot_gunicorn_flags

    flags = boot_gunicorn_flags()
    assert flags[:2] == ["--workers", "2"] and "--bind" not in flags
    assert flags[flags.index("--access-logfile") + 1] == "-" and "--access-logformat" in flags
    assert flags[flags.index("--config") + 1] == "python:toolkit.serving"


def test_a_pdf_later_than_twice_its_retry_after_fails_and_no_202_is_skipped():
    late = {"ratio": 1.1, "retry_after": [{"promised_s": 5, "arrived_s": 10.5}]}
    assert results_of(run_with(pdf=late))["pdf_retry_after"] == "FAIL"
    assert results_of(run_with(pdf={"ratio": 1.1, "retry_after": []}))["pdf_retry_after"] == "skip"
