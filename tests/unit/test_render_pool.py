"""Warm render workers (issue 32 point 3): WeasyPrint imported once per process, one PDF after another,
the budgets still per render (a render over its time is killed with its process and the slot gets a fresh
one), recycled after N renders."""

import pytest

from toolkit.agendas.layout import Budget, RenderFailed, group_alive
from toolkit.agendas.pool import LayoutPool, Recycle

HTML = "<h1>Warm</h1>" + "<p>Breathing, then the letter to the younger self.</p>" * 40
BUDGET = Budget(seconds=60, memory_mb=1536, max_bytes=50 * 1024 * 1024)


@pytest.fixture
def pool(tmp_path):
    pool = LayoutPool(1, BUDGET, Recycle(renders=3, memory_mb=1024), workdir=str(tmp_path))
    yield pool
    pool.close()


def test_one_warm_process_lays_out_one_pdf_after_another_and_is_recycled(pool):
    slot = pool.acquire()
    assert slot == 0 and pool.acquire() is None and pool.busy() == 1
    first = pool.pids()
    pdfs = [pool.render(slot, HTML.replace("Warm", f"Warm {n}"), BUDGET) for n in range(2)]
    assert all(p.startswith(b"%PDF") for p in pdfs) and pool.pids() == first  # the same process, kept warm
    pool.render(slot, HTML, BUDGET)  # the third render: recycled afterwards
    assert pool.pids() != first and not group_alive(first[0])
    pool.release(slot)
    assert pool.busy() == 0


def test_the_time_budget_is_per_render_and_the_slot_gets_a_fresh_process(pool):
    slot = pool.acquire()
    pool.render(slot, HTML, BUDGET)
    before = pool.pids()
    with pytest.raises(RenderFailed) as failed:
        pool.render(slot, "<p>x</p>" * 200_000, Budget(seconds=0.3, memory_mb=1536))
    assert failed.value.reason == "time" and not group_alive(failed.value.pid)
    assert pool.pids() != before
    assert pool.render(slot, HTML, BUDGET).startswith(b"%PDF")  # the next render is fine


def test_the_size_budget_is_per_render(pool):
    slot = pool.acquire()
    with pytest.raises(RenderFailed) as failed:
        pool.render(slot, HTML, Budget(seconds=60, memory_mb=1536, max_bytes=2000))
    assert failed.value.reason == "size"
    assert pool.render(slot, HTML, BUDGET).startswith(b"%PDF")


def test_a_layout_child_leaves_no_file_behind(pool, tmp_path):
    slot = pool.acquire()
    pool.render(slot, HTML, BUDGET)
    assert list(tmp_path.iterdir()) == []  # the PDF went through a private temporary file, removed
