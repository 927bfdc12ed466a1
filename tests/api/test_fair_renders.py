"""The fair render queue (issue 28 point 3, issue 32 point 3, issue 31 point 4), with the real claim on the
real database: practices are served in turn, so a small PDF of a third practice waits for no more than
the renders already running; a timed-out render goes back once and only to an idle worker; the renders of
a dead worker are queued again; a practice's waiting renders are capped (429 + Retry-After); and the 202's
Retry-After comes from the renders ahead of it, not from a fixed table."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.factories import long_plans, modules_by_slug
from tests.helpers import assert_error
from toolkit import create_app
from toolkit.agendas import fairqueue, tasks
from toolkit.extensions import db

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
LARGE, SMALL = 10.0, 1.0  # simulated seconds of one render


def add_job(conn, key, practice_id, at, pages=1):
    conn.execute(sa.insert(fairqueue.TABLE).values(key=key, practice_id=practice_id, status="queued", kind="pdf",
                                                   source="<p>x</p>", pages=pages, attempts=0, created_at=at))


@pytest.fixture
def third(register):
    return register(practice_name="Third practice", name="Tia Third")


def simulate(app, jobs, *, workers: int):
    """Workers claim with the real SQL on a simulated clock; `jobs`: (asked at, key, practice, seconds).
    Returns [(key, asked, claimed, finished)] in order of claiming."""
    pending = sorted(jobs)
    running: list[tuple[float, int, str]] = []  # (finishes at, worker, key)
    free = list(range(workers))
    took = {key: seconds for _at, key, _p, seconds in jobs}
    asked = {key: at for at, key, _p, _s in jobs}
    log = []
    clock = 0.0
    with app.app_context():
        while True:
            arrivals = [j for j in pending if j[0] <= clock]
            for at, key, practice_id, seconds in arrivals:
                with db.engine.begin() as conn:
                    add_job(conn, key, practice_id, T0 + timedelta(seconds=at), pages=int(seconds))
                pending.remove((at, key, practice_id, seconds))
            while free:
                with db.engine.begin() as conn:
                    job = fairqueue.claim_next(conn, worker="sim:1", idle=not running,
                                               now=T0 + timedelta(seconds=clock), retry_wait=timedelta(minutes=5))
                if job is None:
                    break
                running.append((clock + took[job.key], free.pop(), job.key))
                log.append([job.key, asked[job.key], clock, None])
            events = [r[0] for r in running] + [j[0] for j in pending]
            if not events:
                return [tuple(entry) for entry in log]
            clock = min(events)
            for done in [r for r in running if r[0] <= clock]:
                running.remove(done)
                free.append(done[1])
                with db.engine.begin() as conn:
                    fairqueue.finish(conn, key=done[2], worker="sim:1", values={"status": "ready"})
                next(entry for entry in log if entry[0] == done[2])[3] = done[0]


def test_ten_renders_from_three_practices_a_small_one_waits_for_no_more_than_one_render(app, admin, other, third):
    a, b, c = admin["practice_id"], other["practice_id"], third["practice_id"]
    jobs = [(0.0, f"a{n}", a, LARGE) for n in range(5)] + [(0.0, f"b{n}", b, LARGE) for n in range(4)]
    jobs.append((0.5, "c-small", c, SMALL))  # the third practice asks last, for a one-page PDF
    order = simulate(app, jobs, workers=2)
    keys = [entry[0] for entry in order]
    assert keys[:2] == ["a0", "b0"]  # practices in turn from the first claim
    assert keys[2] == "c-small"  # the next slot after it was asked: no render of A or B in between
    _key, asked, claimed, finished = order[2]
    assert finished - asked <= LARGE + SMALL  # at most one render's wait, then its own
    assert keys[3:] == ["a1", "b1", "a2", "b2", "a3", "b3", "a4"]  # A and B alternate


def test_one_practice_with_many_renders_does_not_starve_another(app, admin, other):
    a, b = admin["practice_id"], other["practice_id"]
    jobs = [(0.0, f"a{n}", a, LARGE) for n in range(8)] + [(25.0, "b0", b, SMALL)]
    order = simulate(app, jobs, workers=1)
    claimed_after = [entry[0] for entry in order if entry[2] >= 25.0]
    assert claimed_after[0] == "b0"  # asked while a2 ran: claimed right after it


def test_a_timed_out_render_is_retried_only_by_an_idle_worker(app, admin):
    now = T0 + timedelta(minutes=1)
    with app.app_context(), db.engine.begin() as conn:
        add_job(conn, "slow", admin["practice_id"], T0)
        conn.execute(sa.update(fairqueue.TABLE).values(attempts=1, claimed_at=now))  # timed out once
        assert fairqueue.claim_next(conn, worker="w:1", idle=False, now=now, retry_wait=timedelta(minutes=2)) is None
        job = fairqueue.claim_next(conn, worker="w:1", idle=True, now=now, retry_wait=timedelta(minutes=2))
        assert job.key == "slow" and job.attempts == 2
        conn.execute(sa.update(fairqueue.TABLE).values(status="queued", claimed_at=now))
        later = now + timedelta(minutes=3)  # a busy machine does not hold it back for ever
        assert fairqueue.claim_next(conn, worker="w:1", idle=False, now=later, retry_wait=timedelta(minutes=2))


def test_the_renders_of_a_dead_worker_are_queued_again(app, admin):
    with app.app_context(), db.engine.begin() as conn:
        add_job(conn, "lost", admin["practice_id"], T0)
        add_job(conn, "old", admin["practice_id"], T0)
        for key, worker in (("lost", "host:999999"), ("old", "other-host:1")):
            conn.execute(sa.update(fairqueue.TABLE).where(fairqueue.TABLE.c.key == key)
                         .values(status="rendering", claimed_by=worker, claimed_at=T0, attempts=1))
        assert fairqueue.requeue_lost(conn, now=T0 + timedelta(seconds=5), render_seconds=60,
                                      dead_workers=["host:999999"]) == 1
        assert fairqueue.requeue_lost(conn, now=T0 + timedelta(seconds=60 + fairqueue.LOST_AFTER + 1),
                                      render_seconds=60) == 1
        rows = conn.execute(sa.select(fairqueue.TABLE.c.status, fairqueue.TABLE.c.attempts)).all()
    assert sorted(rows) == [("queued", 0), ("queued", 0)]  # an interrupted render is not an attempt


def test_sweep_finds_renders_of_a_process_of_this_host_that_is_gone(app, admin):
    host = tasks.rendering.worker_id().rsplit(":", 1)[0]
    with app.app_context(), db.engine.begin() as conn:
        add_job(conn, "orphan", admin["practice_id"], T0)
        conn.execute(sa.update(fairqueue.TABLE).values(status="rendering", claimed_by=f"{host}:999999",
                                                       claimed_at=datetime.now(UTC)))
        assert tasks.sweep(conn, render_seconds=60) == 1


@pytest.fixture
def deferred(monkeypatch):
    """Wake-ups kept instead of run: the renders stay queued, as behind a busy consumer."""
    kept = []
    monkeypatch.setattr(tasks, "render_pdf", lambda key: kept.append(key))
    return kept


def test_past_the_cap_a_practice_gets_429_with_retry_after(make_config, client, admin, other, create_group,
                                                          deferred):
    group = create_group(name="Capped", kind="retreat", capacity=8)
    plan_ids = long_plans(client, admin, group["id"], 3, modules_by_slug(client, admin))
    app = create_app(make_config(AGENDA_WAIT_SECONDS=0.0, RENDER_QUEUE_PER_PRACTICE=2))
    web = app.test_client()
    codes = [web.get(f"/api/v1/plans/{p}/agenda?format=pdf", headers=admin["headers"]) for p in plan_ids]
    assert [r.status_code for r in codes] == [202, 202, 429]
    body = assert_error(codes[2], 429)
    assert "at most 2" in body["message"] and int(codes[2].headers["Retry-After"]) >= 1
    assert len(deferred) == 2
    # Another practice is not held back by this one's cap.
    group_b = create_group(by=other, name="Other", kind="retreat", capacity=8)
    [plan_b] = long_plans(client, other, group_b["id"], 1, modules_by_slug(client, other))
    assert web.get(f"/api/v1/plans/{plan_b}/agenda?format=pdf", headers=other["headers"]).status_code == 202


def test_retry_after_counts_the_renders_ahead(make_config, client, admin, other, create_group, deferred):
    app = create_app(make_config(AGENDA_WAIT_SECONDS=0.0, RENDER_WORKERS=1))
    web = app.test_client()
    with app.app_context(), db.engine.begin() as conn:  # recent renders took 2 s a page
        for n in range(3):
            add_job(conn, f"done{n}", other["practice_id"], datetime.now(UTC), pages=1)
        conn.execute(sa.update(fairqueue.TABLE).values(status="ready", render_ms=2000,
                                                       finished_at=datetime.now(UTC)))
    group = create_group(name="Estimated", kind="retreat", capacity=8)
    [plan_id] = long_plans(client, admin, group["id"], 1, modules_by_slug(client, admin))
    url = f"/api/v1/plans/{plan_id}/agenda?format=pdf"
    idle = web.get(url, headers=admin["headers"])
    assert idle.status_code == 202
    pages = idle.get_json()["estimated_pages"]
    assert int(idle.headers["Retry-After"]) == max(1, round(2 * pages))  # its own render only
    with app.app_context(), db.engine.begin() as conn:  # three renders of another practice, one running
        for n in range(3):
            add_job(conn, f"other{n}", other["practice_id"], datetime.now(UTC) - timedelta(minutes=1), pages=5)
        conn.execute(sa.update(fairqueue.TABLE).where(fairqueue.TABLE.c.key == "other0")
                     .values(status="rendering", claimed_at=datetime.now(UTC)))
    busy = web.get(url, headers=admin["headers"])
    # Ahead: what is left of the running one (10 s) and one queued of the other practice (its turn), then its own.
    assert 10 + 10 + 2 * pages - 1 <= int(busy.headers["Retry-After"]) <= 10 + 10 + 2 * pages + 1
    assert busy.get_json()["retry_after"] == int(busy.headers["Retry-After"])


def test_concurrent_claims_take_different_jobs_without_waiting(app, admin, on_postgres):
    with app.app_context():
        with db.engine.begin() as conn:
            for n in range(2):
                add_job(conn, f"job{n}", admin["practice_id"], T0 + timedelta(seconds=n))
        first, second = db.engine.connect(), db.engine.connect()
        try:
            with first.begin(), second.begin():
                one = fairqueue.claim_next(first, worker="w:1", idle=True, now=T0, retry_wait=timedelta(minutes=2))
                two = fairqueue.claim_next(second, worker="w:2", idle=True, now=T0, retry_wait=timedelta(minutes=2))
                assert {one.key, two.key} == {"job0", "job1"}  # the locked row is skipped, not waited for
        finally:
            first.close()
            second.close()
