"""Cached GET answers (issue 21), for the reads a client asks again and again between changes: the module
library, a module, a plan, a participant, a plan's clearance.

An answer is kept per web worker, keyed by
* the practice's data version (toolkit/versioning.py: every committed change to the practice's records
  moves it; the request reads it in the query that authenticates it),
* the login (so an answer is only ever served to the login it was built for), and
* the path with its query string.

So an entry can only be served for the data it was built from: after any change in the practice, a role
change or a logout (refused before this), the next request misses and builds the answer again. On top of
that, no entry is served after `READ_CACHE_SECONDS`, and an answer that depends on the time (a clearance
judges expiry against now) says until when it holds (`valid_until`), which its entry never outlives.

A request with `Cache-Control: no-cache` (or `no-store`) is answered from the database and stored anew.
What a read must do every time (its audit event) runs on a hit as well: the view names it as `on_hit`.
Only 200 answers are kept. gzip bodies are kept beside them (Flask-Compress's cache hook, see
toolkit/compression.py), so a hit is neither rebuilt nor compressed again.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps

from flask import current_app, g, request
from flask.wrappers import Response

EXTENSION = "toolkit-read-cache"
ENVIRON_KEY = "toolkit.read_cache_key"
_SKIP = ("no-cache", "no-store")


@dataclass
class Entry:
    body: bytes
    headers: list[tuple[str, str]]
    expires: float  # time.monotonic()
    compressed: dict[str, bytes] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(v) for v in self.compressed.values())


class ReadCache:
    """A bounded LRU of answers (by count and by bytes), one per app and worker."""

    def __init__(self, *, entries: int, max_bytes: int, seconds: float):
        self.entries, self.max_bytes, self.seconds = entries, max_bytes, seconds
        self._items: OrderedDict[tuple, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # gunicorn's sync workers are single-threaded; a threaded server is not

    def get(self, key: tuple) -> Entry | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is None:
                return None
            if entry.expires <= time.monotonic():
                self._drop(key)
                return None
            self._items.move_to_end(key)
            return entry

    def put(self, key: tuple, entry: Entry) -> None:
        if entry.size > self.max_bytes // 8:
            return  # one huge answer must not empty the cache
        with self._lock:
            self._drop(key)
            self._items[key] = entry
            self._bytes += entry.size
            self._trim()

    def add_compressed(self, key: tuple, algorithm: str, body: bytes) -> None:
        with self._lock:
            entry = self._items.get(key)
            if entry is not None and algorithm not in entry.compressed:
                entry.compressed[algorithm] = body
                self._bytes += len(body)
                self._trim()

    def _drop(self, key: tuple) -> None:
        entry = self._items.pop(key, None)
        if entry is not None:
            self._bytes -= entry.size

    def _trim(self) -> None:
        while self._items and (len(self._items) > self.entries or self._bytes > self.max_bytes):
            _key, entry = self._items.popitem(last=False)
            self._bytes -= entry.size

    def __len__(self) -> int:
        return len(self._items)


def init_read_cache(app) -> None:
    entries = app.config.get("READ_CACHE_ENTRIES", 512)
    app.extensions[EXTENSION] = ReadCache(entries=entries, max_bytes=app.config.get("READ_CACHE_MAX_BYTES", 16 << 20),
                                          seconds=app.config.get("READ_CACHE_SECONDS", 60)) if entries > 0 else None


def store(app=None) -> ReadCache | None:
    return (app or current_app).extensions.get(EXTENSION)


def valid_until(moment: datetime | None) -> None:
    """Say, from inside a cached view, until when its answer holds (None: no limit beyond the version)."""
    if moment is not None:
        earliest = g.get("read_cache_until")
        g.read_cache_until = moment if earliest is None or moment < earliest else earliest


def _key() -> tuple | None:
    caller = g.get("therapist")
    if caller is None or getattr(caller, "login_id", None) is None:
        return None
    return (caller.practice_id, caller.data_version, caller.login_id, request.path,
            request.query_string, request.method == "HEAD")


def _wanted() -> bool:
    directives = request.headers.get("Cache-Control", "").lower()
    return not any(word in directives for word in _SKIP)


def _seconds_left(cache: ReadCache) -> float:
    until = g.pop("read_cache_until", None)
    if until is None:
        return cache.seconds
    return min(cache.seconds, (until - datetime.now(UTC)).total_seconds())


def cached_read(view=None, *, on_hit: Callable[..., None] | None = None):
    """Serve the view's 200 answer from the cache while the practice's data version is unchanged.
    `on_hit(**view_kwargs)` runs on a hit, for what the read must do every time (its audit event)."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            cache, key = store(), _key()
            if cache is None or key is None:
                return fn(*args, **kwargs)
            if _wanted():
                entry = cache.get(key)
                if entry is not None:
                    if on_hit is not None:
                        on_hit(**kwargs)
                    request.environ[ENVIRON_KEY] = key
                    return Response(entry.body, status=200, headers=entry.headers)
            g.pop("read_cache_until", None)
            response = fn(*args, **kwargs)
            if isinstance(response, Response) and response.status_code == 200 and not response.is_streamed:
                seconds = _seconds_left(cache)
                if seconds > 0:
                    cache.put(key, Entry(body=response.get_data(), headers=list(response.headers.items()),
                                         expires=time.monotonic() + seconds))
                    request.environ[ENVIRON_KEY] = key
            return response

        wrapper._cached_read = True
        return wrapper

    return decorator(view) if view is not None else decorator


class CompressedBodies:
    """Flask-Compress's cache backend: the gzip body of an answer this cache holds, kept in its entry.
    Every other response (its key names no entry) is compressed as usual and not kept."""

    @staticmethod
    def key(req) -> str:
        return "entry" if req.environ.get(ENVIRON_KEY) is not None else ""

    def _entry_key(self, key: str):
        algorithm, _, name = key.partition(";")
        return algorithm, (request.environ.get(ENVIRON_KEY) if name == "entry" else None)

    def get(self, key: str) -> bytes | None:
        algorithm, entry_key = self._entry_key(key)
        cache = store()
        if entry_key is None or cache is None:
            return None
        entry = cache.get(entry_key)
        return entry.compressed.get(algorithm) if entry is not None else None

    def set(self, key: str, value: bytes) -> None:
        algorithm, entry_key = self._entry_key(key)
        cache = store()
        if entry_key is not None and cache is not None:
            cache.add_compressed(entry_key, algorithm, value)
