"""Webhooks, the pure part: which URLs and addresses may be called (SSRF), the retry schedule, when a hook is
switched off, the body of a delivery. Plain values in, plain values out (ipaddress and urllib are plain
Python)."""

import ipaddress
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=4)
RETRY_FOR = timedelta(days=1)
# The address the cloud metadata services answer on (AWS, GCP, Azure, ...), named for the tests and the docs:
# it is link-local, refused like the rest of 169.254.0.0/16.
METADATA = ipaddress.ip_address("169.254.169.254")


class UrlRefused(ValueError):
    """A webhook URL or address that is not called."""


def check_url(url: str, *, allow_private: bool) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL a webhook may use: https (http only where private targets are allowed, for
    a test receiver), a host, no user or password in it."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UrlRefused("Not a valid URL.") from exc
    if parts.scheme not in ("https", "http") or (parts.scheme == "http" and not allow_private):
        raise UrlRefused("Only https URLs are accepted.")
    if not parts.hostname:
        raise UrlRefused("The URL has no host.")
    if parts.username or parts.password:
        raise UrlRefused("The URL may not carry a user name or password.")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def address_refused(address: str) -> str | None:
    """Why this address is never called (None: it may be): private, loopback, link-local (169.254.169.254, the
    metadata service, among them), multicast, reserved, unspecified or otherwise not global; an IPv6 address
    that carries an IPv4 one (mapped, 6to4, NAT64's well-known prefix) is judged by that one too."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    inner = []
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            inner.append(ip.ipv4_mapped)
        if ip.sixtofour:
            inner.append(ip.sixtofour)
        if ip in ipaddress.ip_network("64:ff9b::/96"):
            inner.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    for candidate in (ip, *inner):
        for name in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
            if getattr(candidate, f"is_{name}"):
                return f"{name.replace('_', '-')} address"
        if not candidate.is_global:
            return "not a public address"
    return None


def next_attempt(*, attempts: int, created_at: datetime, now: datetime) -> datetime | None:
    """After the `attempts`-th failed try: when to try again (30 s, doubling, at most 4 h apart), or None once
    the next try would fall more than a day after the delivery was made (it has failed)."""
    wait = min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_WAIT)
    at = now + wait
    return at if at <= created_at + RETRY_FOR else None


def should_disable(*, consecutive_failures: int, max_failures: int, gave_up: bool) -> bool:
    """A hook is switched off when a delivery has failed for a day, or after `max_failures` failed tries in a
    row (any success resets the count)."""
    return gave_up or consecutive_failures >= max_failures


def body(*, event_type: str, at: datetime, data: Mapping[str, Any]) -> str:
    """The delivery's JSON body: `{type, timestamp, data}` with the event's ids and kinds only."""
    return json.dumps({"type": event_type, "timestamp": at.isoformat(), "data": dict(data)}, separators=(",", ":"),
                      sort_keys=True)


def subscribed(events: Iterable[str], event_type: str) -> bool:
    return event_type in set(events)
