"""Parts run in this process or in a pool of local processes (the default backend).

With one slot the parts run here, one after the other. With more, a ``ProcessPoolExecutor`` whose
initialiser receives the shared input once per process; parts are submitted a few per process ahead of
the one awaited and their products taken in order, so a batch of any size holds a bounded number of
futures and products.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

S = TypeVar("S")
P = TypeVar("P")
R = TypeVar("R")

IN_FLIGHT_PER_SLOT = 4
"""Parts submitted ahead of the one awaited, per process."""

_shared: Any = None


def _init(shared: object) -> None:
    global _shared
    _shared = shared


def _call(work: Callable[[Any, P], R], part: P) -> R:
    return work(_shared, part)


def _size(part: Any) -> int:
    return len(part)


class ProcessExecutor:
    """Runs parts here (one process) or over ``processes`` local processes."""

    def __init__(self, processes: int) -> None:
        if processes < 1:
            raise ValueError(f"processes must be at least 1, not {processes}")
        self._processes = processes

    @property
    def slots(self) -> int:
        return self._processes

    def map_ordered(
        self,
        work: Callable[[S, P], R],
        shared: S,
        parts: Iterable[P],
        *,
        weight: Callable[[P], int] = _size,
        progress: Callable[[int], None] | None = None,
    ) -> Generator[R, None, None]:
        if self._processes == 1:
            for part in parts:
                product = work(shared, part)
                if progress is not None:
                    progress(weight(part))
                yield product
            return
        with ProcessPoolExecutor(max_workers=self._processes, initializer=_init, initargs=(shared,)) as pool:
            pending: deque[tuple[int, Future[R]]] = deque()

            def take() -> R:
                size, future = pending.popleft()
                product = future.result()
                if progress is not None:
                    progress(size)
                return product

            for part in parts:
                pending.append((weight(part), pool.submit(_call, work, part)))
                if len(pending) >= IN_FLIGHT_PER_SLOT * self._processes:
                    yield take()
            while pending:
                yield take()
