"""Parts run in this process or in a pool of local processes (the default backend).

With one slot the parts run here, one after the other. With more, a ``ProcessPoolExecutor`` whose
initialiser receives the shared input once per process; parts are submitted a few per process ahead of
the one awaited and their products taken in order, so a batch of any size holds a bounded number of
futures and products. A part whose work raises stops the batch with that error, noted with the part.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from hexatable.execution.chunks import note_failure

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
            for index, part in enumerate(parts):
                try:
                    product = work(shared, part)
                except Exception as error:
                    note_failure(error, index, part, "in this process")
                    raise
                if progress is not None:
                    progress(weight(part))
                yield product
            return
        with ProcessPoolExecutor(max_workers=self._processes, initializer=_init, initargs=(shared,)) as pool:
            pending: deque[tuple[int, P, Future[R]]] = deque()

            def take() -> R:
                index, part, future = pending.popleft()
                try:
                    product = future.result()
                except Exception as error:
                    note_failure(error, index, part, "in a local worker process")
                    raise
                if progress is not None:
                    progress(weight(part))
                return product

            for index, part in enumerate(parts):
                pending.append((index, part, pool.submit(_call, work, part)))
                if len(pending) >= IN_FLIGHT_PER_SLOT * self._processes:
                    yield take()
            while pending:
                yield take()
