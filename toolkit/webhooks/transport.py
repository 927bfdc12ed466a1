"""Sending one delivery: resolve the host, refuse what may not be called, connect to the address that was
checked (never resolved again in between: DNS rebinding finds nothing to swap), POST, and never follow a
redirect (http.client does not). No Flask, no database."""

import http.client
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from .rules import UrlRefused, address_refused, check_url

USER_AGENT = "inner-child-toolkit-webhooks/1"


@dataclass(frozen=True)
class Answer:
    status: int


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (the tests replace this to play DNS rebinding)."""
    return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def checked_address(url: str, *, allow_private: bool) -> tuple[str, str, int, str]:
    """(scheme, host, port, the address to connect to), or UrlRefused: every address the host resolves to must
    be public unless private targets are allowed (one bad address refuses the host: an attacker's DNS may answer
    both)."""
    scheme, host, port = check_url(url, allow_private=allow_private)
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise UrlRefused(f"The host {host!r} does not resolve.") from exc
    if not addresses:
        raise UrlRefused(f"The host {host!r} does not resolve.")
    if not allow_private:
        for address in addresses:
            reason = address_refused(address)
            if reason:
                raise UrlRefused(f"The host {host!r} resolves to a {reason} ({address}): refused.")
    return scheme, host, port, addresses[0]


class _Pinned(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def post(url: str, *, address: str, body: str, headers: dict[str, str], timeout: float) -> Answer:
    """POST `body` to `url` at the checked `address`; the answer's status (a 3xx is an answer: not followed)."""
    scheme, host, port = check_url(url, allow_private=True)  # checked before: only split it again
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = (_PinnedTLS if scheme == "https" else _Pinned)(host, port, address, timeout)
    try:
        connection.request("POST", path, body=body.encode(), headers={
            **headers, "Content-Type": "application/json", "User-Agent": USER_AGENT})
        response = connection.getresponse()
        response.read(65536)
        return Answer(status=response.status)
    finally:
        connection.close()
