"""A web worker starts without WeasyPrint (~35 MiB): PDFs are laid out by the render workers, and the one PDF a
web worker prints itself (a safety plan, one or two pages) imports it only when asked (issue 32: web worker
memory < 150 MiB)."""

import subprocess
import sys

CHECK = """
import os, sys
os.environ.setdefault("TOOLKIT_ENV", "development")
os.environ["DATABASE_URL"] = "sqlite://"
import app  # the WSGI module gunicorn loads
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("weasyprint", "pydyf", "tinycss2", "cssselect2"))
print(",".join(heavy))
"""


def test_the_app_starts_without_weasyprint():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1:] in ([], [""]), done.stdout
