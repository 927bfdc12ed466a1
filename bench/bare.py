"""The floor of the benchmark (issue 21): a bare Flask app, served by the same gunicorn settings as the
service, that answers a small JSON body. Nothing of the toolkit is imported.

    gunicorn bench.bare:app -w 2 -k sync --no-control-socket -b 127.0.0.1:PORT
"""

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(id="3f1c6f3e-7a52-4b8e-9d3c-1b2f0c4d5e6f", name="Bare floor", role="admin", active=True)
