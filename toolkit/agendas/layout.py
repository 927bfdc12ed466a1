"""Lay out one PDF in a child process with hard budgets, and kill it with everything it started.

Two ways: `lay_out()` starts a fresh interpreter per PDF (tests and the eager queue); the render workers
keep warm processes (`--serve`, agendas/pool.py) that import WeasyPrint once and take one PDF after
another under the same budgets. What follows describes the child either way.

The render worker (the Huey consumer, never a web worker) runs `lay_out(html, budget)`. It starts a
fresh interpreter (`python -m toolkit.agendas.layout`) that:

* runs in a session and process group of its own, so a kill reaches anything it started;
* inherits no file descriptor but stdin/stdout/stderr (`close_fds`): no listening socket, ever;
* asks the kernel to kill it when its parent dies (`PR_SET_PDEATHSIG`), so it never outlives the worker;
* bounds its memory (`RLIMIT_AS`), its CPU time (`RLIMIT_CPU`) and the size of the PDF it may write
  (`RLIMIT_FSIZE`).

It reads the HTML on stdin and writes the PDF to a temporary file (no pipe to block on). The parent
waits for at most the time budget, then SIGKILLs the whole process group and reaps it.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass

EXIT_MEMORY = 3
EXIT_TOO_LARGE = 4


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float = 60.0
    memory_mb: int = 1536
    max_bytes: int = 50 * 1024 * 1024


class RenderFailed(Exception):
    """The layout did not finish within its budget (or crashed). `reason`: time, memory, size, crash.
    `pid` is the killed child's process (and process group) id."""

    def __init__(self, reason: str, message: str, pid: int | None = None):
        super().__init__(message)
        self.reason, self.message, self.pid = reason, message, pid


def lay_out(html: str, budget: Budget) -> bytes:
    """The PDF of `html`, laid out in a bounded child process; RenderFailed when a budget is exceeded."""
    with tempfile.TemporaryFile() as source, tempfile.NamedTemporaryFile(suffix=".pdf") as target:
        source.write(html.encode("utf-8"))
        source.seek(0)
        cmd = [sys.executable, "-m", "toolkit.agendas.layout", target.name,
               str(budget.memory_mb), str(budget.max_bytes), str(max(1, int(budget.seconds) + 1))]
        proc = subprocess.Popen(cmd, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                close_fds=True, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=budget.seconds)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            raise RenderFailed("time", f"the layout took longer than its budget of {budget.seconds:g} s",
                               proc.pid) from None
        finally:
            kill_group(proc)
        if proc.returncode == 0:
            target.seek(0)
            return target.read()
        if proc.returncode == EXIT_MEMORY:
            raise RenderFailed("memory", f"the layout needed more than its memory budget of {budget.memory_mb} MiB",
                               proc.pid)
        if proc.returncode in (EXIT_TOO_LARGE, -signal.SIGXFSZ):
            raise RenderFailed("size", f"the PDF would be larger than {budget.max_bytes // (1024 * 1024)} MiB",
                               proc.pid)
        if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            raise RenderFailed("time", f"the layout took longer than its budget of {budget.seconds:g} s", proc.pid)
        tail = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:]
        raise RenderFailed("crash", f"the layout failed (exit {proc.returncode}) {' '.join(tail)}".strip(), proc.pid)


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the child's process group (the child and all it started) and reap the child."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a SIGKILLed process always ends
        pass


def group_alive(pgid: int) -> bool:
    """True while any process of this process group still exists (zombies count as gone)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            return True
    return False


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _child(target: str, memory_mb: int, max_bytes: int, cpu_seconds: int) -> int:
    import resource

    parent = os.getppid()
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the death signal was armed
        return 1
    os.nice(10)  # web requests first: a render waits for the CPU rather than the API
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    html = sys.stdin.buffer.read().decode("utf-8")
    try:
        from toolkit.agendas.pdf import write_pdf

        pdf = write_pdf(html)
        if len(pdf) > max_bytes:
            return EXIT_TOO_LARGE
        with open(target, "wb") as fh:
            fh.write(pdf)
    except MemoryError:
        return EXIT_MEMORY
    except OSError as exc:  # Python ignores SIGXFSZ: a write past RLIMIT_FSIZE (the PDF, or a font's temp file)
        if exc.errno == errno.EFBIG:
            return EXIT_TOO_LARGE
        raise
    return 0


def _reply(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _serve(memory_mb: int, max_bytes: int, workdir: str) -> int:
    """A warm layout process (agendas/pool.py): WeasyPrint imported once, then one PDF per request.

    Request on stdin: a JSON line `{"length", "target", "cpu_seconds"}` followed by `length` bytes of HTML;
    reply on stdout: one JSON line, `{"ok": true}` (the PDF is in `target`) or `{"exit": code, "error"}`.
    Memory (RLIMIT_AS) and file size (RLIMIT_FSIZE) are bounded for the process; CPU time per render
    (the soft RLIMIT_CPU is moved to what this process has used plus the render's budget). `workdir` only
    names the process (a test finds its own layout children by it)."""
    import resource

    parent = os.getppid()
    _die_with_parent()
    if os.getppid() != parent:
        return 1
    os.nice(10)  # web requests first: a render waits for the CPU rather than the API
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    from toolkit.agendas.pdf import write_pdf

    write_pdf("<p>warm</p>")  # fonts and stylesheets loaded before the first real render
    _reply({"ready": True})
    stdin = sys.stdin.buffer
    while True:
        header = stdin.readline()
        if not header:
            return 0
        request = json.loads(header)
        html = stdin.read(request["length"]).decode("utf-8")
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = int(used.ru_utime + used.ru_stime) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (spent + int(request["cpu_seconds"]), resource.RLIM_INFINITY))
        try:
            pdf = write_pdf(html)
            if len(pdf) > max_bytes:
                _reply({"exit": EXIT_TOO_LARGE})
                continue
            with open(request["target"], "wb") as fh:
                fh.write(pdf)
        except MemoryError:
            _reply({"exit": EXIT_MEMORY})
            return EXIT_MEMORY  # a process that ran out of memory is not trusted with another render
        except OSError as exc:
            if exc.errno == errno.EFBIG:
                _reply({"exit": EXIT_TOO_LARGE})
                continue
            _reply({"exit": 1, "error": type(exc).__name__})
            continue
        except Exception as exc:  # noqa: BLE001 - one bad document does not end the warm process
            _reply({"exit": 1, "error": type(exc).__name__})
            continue
        _reply({"ok": True})


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--serve":
        sys.exit(_serve(int(args[1]), int(args[2]), args[3]))
    sys.exit(_child(args[0], int(args[1]), int(args[2]), int(args[3])))
