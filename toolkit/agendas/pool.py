"""Warm render workers: layout processes that start once with WeasyPrint imported (`python -m
toolkit.agendas.layout --serve`) and lay out one PDF after another, so a render no longer pays for a fresh
interpreter and the import (about 0.9 s of CPU before layout).

Each render keeps its budgets: the parent waits at most `Budget.seconds` and then SIGKILLs the process
group (a fresh process takes the slot); CPU time is bounded per render and memory and file size per
process. A process is recycled after `RENDER_RECYCLE_RENDERS` renders or when its resident memory passes
`RENDER_RECYCLE_MB`. The children run in their own session, inherit no descriptor but stdin/stdout/stderr
and die with their parent (PR_SET_PDEATHSIG), as the one-shot children always did.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

from .layout import EXIT_MEMORY, EXIT_TOO_LARGE, Budget, RenderFailed, kill_group

START_SECONDS = 120.0  # a process has this long to import WeasyPrint and say it is ready (not a render budget)


@dataclass(frozen=True, slots=True)
class Recycle:
    renders: int = 50
    memory_mb: int = 300


class WarmLayout:
    """One warm layout process."""

    def __init__(self, budget: Budget, workdir: str):
        self.budget, self.workdir, self.renders, self.ready = budget, workdir, 0, False
        cmd = [sys.executable, "-m", "toolkit.agendas.layout", "--serve", str(budget.memory_mb),
               str(budget.max_bytes), workdir]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True,
                                     start_new_session=True)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def rss_mb(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _line(self, timeout: float) -> dict | None:
        """The next reply line, or None when the process said nothing within `timeout` (or ended)."""
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, timeout))
        if not ready:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else {"eof": True}

    def wait_ready(self) -> None:
        if self.ready:
            return
        hello = self._line(START_SECONDS)
        if hello is None or not hello.get("ready"):
            self.stop()
            raise RenderFailed("crash", "the layout worker did not start", self.pid)
        self.ready = True

    def render(self, html: str, budget: Budget) -> bytes:
        """The PDF of `html` within `budget`; RenderFailed otherwise (the process is then dead or stopped)."""
        self.wait_ready()
        fd, target = tempfile.mkstemp(suffix=".pdf", dir=self.workdir)  # 0600
        os.close(fd)
        try:
            reply = self._ask(html, target, budget)
            self.renders += 1
            if reply is None or reply.get("eof"):
                raise self._ended(budget, timed_out=reply is None)
            if reply.get("ok"):
                with open(target, "rb") as fh:
                    pdf = fh.read()
                if len(pdf) > budget.max_bytes:
                    raise RenderFailed("size", _too_large(budget), self.pid)
                return pdf
            if reply.get("exit") == EXIT_MEMORY:
                self.stop()
                raise RenderFailed("memory", _out_of_memory(budget), self.pid)
            if reply.get("exit") == EXIT_TOO_LARGE:
                raise RenderFailed("size", _too_large(budget), self.pid)
            raise RenderFailed("crash", f"the layout failed ({reply.get('error', 'error')})", self.pid)
        finally:
            try:
                os.unlink(target)
            except OSError:
                pass

    def _ask(self, html: str, target: str, budget: Budget) -> dict | None:
        """Send one render request; its reply line, None after the time budget, {"eof"} if the process ended."""
        body = html.encode("utf-8")
        header = json.dumps({"length": len(body), "target": target,
                             "cpu_seconds": max(1, int(budget.seconds) + 1)}).encode() + b"\n"
        started = time.monotonic()
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(header + body)
            self.proc.stdin.flush()
        except OSError:
            return {"eof": True}
        return self._line(budget.seconds - (time.monotonic() - started))

    def _ended(self, budget: Budget, *, timed_out: bool) -> RenderFailed:
        """The failure of a render whose process said nothing in time (killed now) or ended by itself."""
        if not timed_out:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                timed_out = True
        code = self.proc.returncode
        self.stop()
        if timed_out or code in (-signal.SIGXCPU, -signal.SIGKILL):
            return RenderFailed("time", f"the layout took longer than its budget of {budget.seconds:g} s", self.pid)
        if code in (EXIT_MEMORY, -signal.SIGSEGV):
            return RenderFailed("memory", _out_of_memory(budget), self.pid)
        if code == -signal.SIGXFSZ:
            return RenderFailed("size", _too_large(budget), self.pid)
        return RenderFailed("crash", f"the layout failed (exit {code})", self.pid)

    def stop(self) -> None:
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass
        kill_group(self.proc)


def _out_of_memory(budget: Budget) -> str:
    return f"the layout needed more than its memory budget of {budget.memory_mb} MiB"


def _too_large(budget: Budget) -> str:
    return f"the PDF would be larger than {budget.max_bytes // (1024 * 1024)} MiB"


class LayoutPool:
    """`size` warm layout processes shared by the consumer's render threads: `acquire()` a free slot (or
    None at once when all are busy), `render()` on it, `release()` it."""

    def __init__(self, size: int, budget: Budget, recycle: Recycle, workdir: str | None = None):
        self.size, self.budget, self.recycle = size, budget, recycle
        self.workdir = workdir or tempfile.mkdtemp(prefix="toolkit-layout-")  # 0700
        self._lock = threading.Lock()
        self._free = list(range(size))
        self._procs: list[WarmLayout | None] = [WarmLayout(budget, self.workdir) for _ in range(size)]

    def acquire(self) -> int | None:
        with self._lock:
            return self._free.pop() if self._free else None

    def release(self, slot: int) -> None:
        with self._lock:
            self._free.append(slot)

    def busy(self) -> int:
        with self._lock:
            return self.size - len(self._free)

    def render(self, slot: int, html: str, budget: Budget) -> bytes:
        proc = self._procs[slot]
        if proc is None or not proc.alive():
            proc = self._procs[slot] = WarmLayout(budget, self.workdir)
        try:
            return proc.render(html, budget)
        finally:
            if (not proc.alive() or proc.renders >= self.recycle.renders
                    or proc.rss_mb() > self.recycle.memory_mb):
                proc.stop()
                self._procs[slot] = WarmLayout(budget, self.workdir)

    def pids(self) -> list[int]:
        return [p.pid for p in self._procs if p is not None and p.alive()]

    def close(self) -> None:
        for proc in self._procs:
            if proc is not None:
                proc.stop()
