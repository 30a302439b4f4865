"""Rate limiting: one token bucket per key (a seat, or a client address), shared by every route.

A seat's REST events, form posts, panel and page fetches and WebSocket messages all draw on the same
bucket (:func:`seat_key`), so no route is a way around the limit. A bucket holds ``burst`` tokens and
refills at ``rate`` tokens a second: a person clicking quickly gets ``burst`` requests at once, and
``rate`` a second after that. The clock is injectable (``clock``, or ``now`` per call), so tests set a
small limit and step time by hand instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from hexatable.services.room.service import Identity

SEAT_BURST = 20
"""Requests a seat may make at once: a click costs about three (the move, the page's own refresh
after it, and the refresh the WebSocket's push triggers), so about seven quick moves in a row."""
SEAT_RATE = 5.0
"""Requests a second a seat may make after the burst: far above what a person does at a table."""


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """Token buckets per key: at most ``burst`` requests at once, refilled at ``rate`` a second.

    >>> limiter = RateLimiter(burst=2, rate=0.5)
    >>> [limiter.allow("k", now=0.0), limiter.allow("k", now=0.0), limiter.allow("k", now=0.0)]
    [True, True, False]
    >>> limiter.allow("k", now=1.0), limiter.allow("k", now=2.0), limiter.allow("k", now=2.0)
    (False, True, False)
    """

    def __init__(
        self, burst: int = SEAT_BURST, rate: float = SEAT_RATE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if burst < 1 or rate <= 0:
            raise ValueError("a rate limiter needs burst >= 1 and rate > 0")
        self.burst, self.rate, self.clock = burst, rate, clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        """Take one token from ``key``'s bucket; whether there was one."""
        moment = self.clock() if now is None else now
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(self.burst), moment)
            bucket.tokens = min(float(self.burst), bucket.tokens + (moment - bucket.at) * self.rate)
            bucket.at = max(bucket.at, moment)
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            if len(self._buckets) > 10_000:  # forget full buckets: they are the same as new ones
                self._buckets = {
                    k: b
                    for k, b in self._buckets.items()
                    if b.tokens + (moment - b.at) * self.rate < self.burst
                }
            return True


def seat_key(identity: Identity, client: str | None) -> str | None:
    """The bucket a caller draws on: its seat; an observer's token is shared by a class, so observers
    count per session and client address; the instructor (who runs the server) is not limited."""
    if identity.role == "seat":
        return f"seat:{identity.session_id}:{identity.seat}"
    if identity.role == "observer":
        return f"observer:{identity.session_id}:{client or '?'}"
    return None
