"""A real HTTP receiver for webhook tests (loopback, an ephemeral port): shared by the API tests and the
worker tests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """A real HTTP server on 127.0.0.1 (an ephemeral port) that records what arrives and answers the statuses
    it is told to, in order (then 204)."""

    def __init__(self):
        self.received: list[dict] = []
        self.answers: list[tuple[int, dict]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802  (http.server's name)
                length = int(self.headers.get("Content-Length", 0))
                receiver.received.append({"path": self.path, "headers": dict(self.headers.items()),
                                          "body": self.rfile.read(length)})
                status, headers = receiver.answers.pop(0) if receiver.answers else (204, {})
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST  # noqa: N815  (a followed redirect would arrive as a GET)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
