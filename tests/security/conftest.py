"""Fixtures of the security tests that run real processes."""

import os
import sys
from pathlib import Path

import pytest

from tests.security.support import free_port


@pytest.fixture
def boot_env(db_url, tmp_path):
    port = free_port()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "TEST_DATABASE_URL")}
    env.update({"DATABASE_URL": db_url, "RENDER_QUEUE_PATH": str(tmp_path / "queue.sqlite3"),
                "RENDER_QUEUE_IMMEDIATE": "false", "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1",
                "RATELIMIT_ENABLED": "false", "TOOLKIT_ENV": "test", "TMPDIR": str(tmp), "AGENDA_WAIT_SECONDS": "30",
                "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}"})
    return env, port, str(tmp)
