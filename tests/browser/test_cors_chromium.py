"""The API from a browser on another origin (issue 34 point 1), in Debian's headless Chromium.

A page served from one origin calls the API, served from another, with `fetch()`: it sends every request
header the contract offers (CORS_REQUEST_HEADERS, among them `Idempotency-Key`, `If-Match`, `If-None-Match`,
`X-Request-ID` and `Cache-Control`) and records, per response, the headers the browser lets it read. The
server records what it received and what it sent. Then:

* every offered request header reached the server (no preflight refused it, no fetch failed);
* every documented header the server sent is readable by the page (`Location`, `ETag`, `X-Pagination`,
  `X-Request-ID`, `Idempotent-Replayed`, ...), and the error body is readable too.

The page's script runs to the end inside `--dump-dom` with a virtual time budget, and writes its findings into
the DOM. A few seconds; skipped with a message where chromium is not installed (`.ci/run` installs it).
"""

import json
import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from werkzeug.serving import make_server

from tests.conftest import PASSWORD
from toolkit import create_app
from toolkit.extensions import CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install -y chromium; "
                                                ".ci/run does it): the browser CORS test is skipped"),
]

JOURNEY = """
(async function () {
  const api = %(api)s, token = %(token)s, out = {calls: [], error: null};
  const auth = {"Authorization": "Bearer " + token, "Accept": "application/json", "Accept-Language": "en"};
  async function call(name, path, init) {
    const r = await fetch(api + path, init);
    const text = await r.text();
    const entry = {name: name, status: r.status, headers: Object.fromEntries(r.headers.entries()), body: text};
    out.calls.push(entry);
    return entry;
  }
  try {
    const body = JSON.stringify({display_name: "Robin Example", date_of_birth: "1990-04-01"});
    const post = {method: "POST", body: body, headers: Object.assign({}, auth, {
      "Content-Type": "application/json", "Idempotency-Key": "browser-key-1", "X-Request-ID": "browser-req-1"})};
    const made = await call("create", "/api/v1/participants", post);
    await call("create again", "/api/v1/participants", post);
    const id = JSON.parse(made.body).id;
    const read = await call("read", "/api/v1/participants/" + id, {headers: auth});
    await call("read if none match", "/api/v1/participants/" + id, {headers: Object.assign({}, auth, {
      "If-None-Match": read.headers["etag"], "Cache-Control": "no-cache"})});
    await call("update", "/api/v1/participants/" + id, {method: "PATCH", headers: Object.assign({}, auth, {
      "Content-Type": "application/json", "If-Match": read.headers["etag"]}),
      body: JSON.stringify({notes: "Prefers the seat by the window."})});
    await call("list", "/api/v1/participants?page_size=5", {headers: auth});
    await call("missing", "/api/v1/participants/00000000-0000-0000-0000-000000000000", {headers: auth});
  } catch (e) {
    out.error = String(e);
  }
  const pre = document.createElement("pre");
  pre.id = "result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


class Recorder:
    """WSGI middleware: what the API received and sent, per request (preflights included)."""

    def __init__(self, app):
        self.app, self.seen = app, []

    def __call__(self, environ, start_response):
        received = {k[5:].replace("_", "-").title(): v for k, v in environ.items() if k.startswith("HTTP_")}
        if environ.get("CONTENT_TYPE"):
            received["Content-Type"] = environ["CONTENT_TYPE"]
        entry = {"method": environ["REQUEST_METHOD"], "path": environ["PATH_INFO"], "received": received}
        self.seen.append(entry)

        def recording_start(status, headers, exc_info=None):
            entry["status"], entry["sent"] = int(status.split()[0]), {k: v for k, v in headers}
            return start_response(status, headers, exc_info)

        return self.app(environ, recording_start)


def _serve(wsgi_or_handler, *, wsgi=True):
    if wsgi:
        server = make_server("127.0.0.1", 0, wsgi_or_handler, threaded=True)
    else:
        server = ThreadingHTTPServer(("127.0.0.1", 0), wsgi_or_handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def test_a_page_on_another_origin_uses_every_offered_header(make_config, tmp_path):
    page = {"html": b""}

    class PageHandler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page["html"])

        def log_message(self, *args):
            pass

    page_server, page_thread = _serve(PageHandler, wsgi=False)
    origin = f"http://127.0.0.1:{page_server.server_port}"
    app = create_app(make_config(CORS_ORIGINS=[origin], RATELIMIT_ENABLED=True))
    with app.test_client() as client:  # a practice and its token, as a frontend would have them after login
        r = client.post("/api/v1/auth/register", json={"practice_name": "Browser practice", "name": "Alex Example",
                                                       "email": "alex@browser.example", "password": PASSWORD})
        assert r.status_code == 201, r.get_json()
        token = client.post("/api/v1/auth/login", json={"email": "alex@browser.example",
                                                        "password": PASSWORD}).get_json()["access_token"]
    recorder = Recorder(app)
    api_server, api_thread = _serve(recorder)
    api = f"http://127.0.0.1:{api_server.server_port}"
    script = JOURNEY % {"api": json.dumps(api), "token": json.dumps(token)}
    page["html"] = f"<!doctype html><html><head><title>cors</title></head><body><script>{script}</script>" \
                   "</body></html>".encode()
    try:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             "--virtual-time-budget=20000", "--dump-dom", f"{origin}/"],
            capture_output=True, text=True, timeout=120, check=False)
    finally:
        api_server.shutdown()
        page_server.shutdown()
        api_thread.join(timeout=10)
        page_thread.join(timeout=10)
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-2000:]
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">"))
    assert result["error"] is None, result
    calls = {c["name"]: c for c in result["calls"]}
    assert [calls[n]["status"] for n in ("create", "create again", "read", "read if none match", "update", "list",
                                         "missing")] == [201, 201, 200, 304, 200, 200, 404]

    # every request header the contract offers reached the server, through the browser's preflight
    actual = [e for e in recorder.seen if e["method"] != "OPTIONS"]
    received = {name.lower() for e in actual for name in e["received"]}
    assert {h.lower() for h in CORS_REQUEST_HEADERS} <= received, {h.lower() for h in CORS_REQUEST_HEADERS} - received
    assert any(e["method"] == "OPTIONS" for e in recorder.seen)  # a real preflight took place

    # every documented header the server sent is readable by the page
    readable = {name.lower() for c in result["calls"] for name in c["headers"]}
    sent = {name.lower() for e in actual for name in e.get("sent", {})}
    documented = {h.lower() for h in CORS_EXPOSED_HEADERS}
    assert (sent & documented) <= readable, (sent & documented) - readable
    assert {"location", "etag", "x-pagination", "x-request-id", "idempotent-replayed", "cache-control"} <= readable
    assert calls["create"]["headers"]["x-request-id"] == "browser-req-1"
    assert calls["create again"]["headers"]["idempotent-replayed"] == "true"
    assert calls["create"]["headers"]["location"].endswith(json.loads(calls["create"]["body"])["id"])
    # an error's problem details are readable across origins too
    problem = json.loads(calls["missing"]["body"])
    assert calls["missing"]["headers"]["content-type"].startswith("application/problem+json")
    assert problem["status"] == 404 and problem["title"] == "Not Found"
