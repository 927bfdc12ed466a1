"""`boot.sh` as a test runs it: started in its own process group with its output in a file, stopped with
SIGTERM (SIGKILL after the timeout). Shared by the render boot and supervision tests."""

import os
import signal
import subprocess
import time
from pathlib import Path

import requests

from tests.security.support import ROOT

TIMEOUT = 60


class Boot:
    def __init__(self, env: dict, log_path: Path):
        self.log = open(log_path, "a")  # noqa: SIM115
        self.log_path = log_path
        self.proc = subprocess.Popen(["./boot.sh"], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, url: str) -> "Boot":
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"boot.sh exited early:\n{self.output()}"
            try:
                if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise AssertionError(f"boot.sh did not become ready:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text()[-4000:]

    def terminate(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)
        self.log.close()


def wait_for(predicate, timeout=TIMEOUT, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False
