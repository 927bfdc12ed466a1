"""Generate the TypeScript client from openapi/openapi.json, compile the journey with `tsc --strict`, and run it
against a live server on a fresh SQLite database. Used by .ci/run (after `npm ci` here).

    .venv/bin/python tests/typed-client/run.py
"""

import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
# The journey's PDF is rendered in the request, as in the test suite (no render consumer runs here).
os.environ.setdefault("RENDER_QUEUE_IMMEDIATE", "true")


def npm(*args: str) -> None:
    subprocess.run(["npm", "run", "--silent", *args], cwd=HERE, check=True)


def main() -> int:
    npm("generate")
    npm("build")
    import logging

    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from toolkit import create_app
    from toolkit.config import Config

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as where:
        app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{where}/journey.sqlite3", RATELIMIT_ENABLED=False))
        with app.app_context():
            upgrade()
            from toolkit.exercises.seed import load_builtins
            from toolkit.extensions import db

            load_builtins()
            db.session.commit()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            done = subprocess.run(["node", "dist/src/journey.js", f"http://127.0.0.1:{server.server_port}"], cwd=HERE)
        finally:
            server.shutdown()
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
