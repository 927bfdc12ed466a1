"""The PDF layout child: budgets of time, memory and size, and a kill that leaves nothing behind."""

import subprocess
import sys
import time

import pytest

from toolkit.agendas.layout import Budget, RenderFailed, group_alive, kill_group, lay_out

HTML = "<html><body>" + "<p>Breathing space, then a short walk outside.</p>" * 200 + "</body></html>"


def _members(pgid: int) -> int:
    import os

    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            count += fields[0] != "Z" and int(fields[2]) == pgid
    return count


def test_a_pdf_within_its_budget():
    pdf = lay_out(HTML, Budget(seconds=60, memory_mb=1536))
    assert pdf.startswith(b"%PDF")


def test_kill_group_ends_the_child_and_everything_it_started():
    code = ("import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)']);"
            " time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, close_fds=True)
    deadline = time.monotonic() + 20
    while _members(proc.pid) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _members(proc.pid) == 2  # the child and its grandchild
    kill_group(proc)
    deadline = time.monotonic() + 5
    while group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not group_alive(proc.pid)


def _gone(pgid: int, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not group_alive(pgid)


def test_a_render_over_its_time_budget_is_killed_with_its_group():
    with pytest.raises(RenderFailed) as failure:
        lay_out(HTML, Budget(seconds=0.3))
    assert failure.value.reason == "time" and "0.3 s" in failure.value.message
    # The group was SIGKILLed; a grandchild (e.g. ldconfig run by ctypes while WeasyPrint loads) may take a
    # moment to finish dying on a loaded machine, so allow it a few seconds to go.
    assert _gone(failure.value.pid)


def test_a_render_over_its_memory_budget_fails_cleanly():
    with pytest.raises(RenderFailed) as failure:
        lay_out(HTML, Budget(seconds=60, memory_mb=40))
    assert failure.value.reason in ("memory", "crash")
    assert _gone(failure.value.pid)


def test_a_pdf_over_its_size_budget_is_refused():
    with pytest.raises(RenderFailed) as failure:
        lay_out(HTML, Budget(seconds=60, max_bytes=2000))
    assert failure.value.reason == "size"
    assert _gone(failure.value.pid)
