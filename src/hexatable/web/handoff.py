"""Pages shown once after a form creates something: kept briefly so that reloading them is harmless.

A form that creates a session or a class answers with its join links, which hold tokens the server
never stores in clear. Rendering them as the POST's answer made the browser's reload post the form
again, creating a second session or class. Instead the POST keeps the page's context here under a
random key and redirects (303) to ``GET /created/{key}``, which a reload repeats without creating
anything (POST/redirect/GET). Entries expire after ``ttl`` seconds and at most ``capacity`` are kept
(the oldest go first), so memory is bounded and the links do not outlive the moment they are handed out.

>>> kept = Handoffs(ttl=60, capacity=2, clock=lambda: 0.0)
>>> key = kept.put("created.html", {"links": {}})
>>> kept.get(key)
('created.html', {'links': {}})
>>> kept.get("no-such-key") is None
True
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class Handoffs:
    """A small expiring store of (template, context) pairs, keyed by unguessable ids."""

    def __init__(
        self, ttl: float = 1800.0, capacity: int = 256, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._capacity = capacity
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, str, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, template: str, context: dict[str, Any]) -> str:
        """Keep a page to show; returns the key of its address."""
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._expire()
            self._entries[key] = (self._clock() + self._ttl, template, context)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return key

    def get(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """The page kept under ``key``, if it has not expired."""
        with self._lock:
            self._expire()
            found = self._entries.get(key)
        return None if found is None else (found[1], found[2])

    def _expire(self) -> None:
        now = self._clock()
        while self._entries:
            key, (until, _, _) = next(iter(self._entries.items()))
            if until > now:
                return
            del self._entries[key]
