"""A small in-memory rate limiter: at most ``limit`` requests per ``window`` seconds per key."""

from __future__ import annotations

import threading
import time
from collections import deque


class RateLimiter:
    """Sliding-window counter per key (a token, or a client address for joins).

    >>> limiter = RateLimiter(limit=2, window=60)
    >>> [limiter.allow("k", now=0.0), limiter.allow("k", now=1.0), limiter.allow("k", now=2.0)]
    [True, True, False]
    >>> limiter.allow("k", now=61.5)
    True
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        moment = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= moment - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(moment)
            return True
