"""Where a batch runs: local processes, a Dask scheduler, or a Dask ``LocalCluster``.

The interfaces take ``--scheduler`` (or the environment variable ``HEXATABLE_SCHEDULER``) and
``--workers`` and make a :class:`Backend`; :func:`open_executor` opens it for the length of a command
and gives an :class:`Executor`, which runs a pure function over parts and yields the products in part
order. An engine's batch function takes the executor and does not know which kind it got.

``--scheduler`` takes

- nothing (and no ``HEXATABLE_SCHEDULER``): local processes, ``--workers`` of them (the default);
- ``local``: a Dask ``LocalCluster`` of ``--workers`` single-threaded worker processes on this
  machine, to try the cluster path without a cluster;
- an address, ``tcp://host:8786`` or ``host:8786``: the scheduler of a running cluster (started with
  ``dask scheduler``, ``dask ssh``, dask-kubernetes or dask-jobqueue; docs/cluster.md). Its workers
  need hexatable installed, at the same version.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol, TypeVar

SCHEDULER_ENV = "HEXATABLE_SCHEDULER"
"""The environment variable naming a Dask scheduler when ``--scheduler`` is not given."""

LOCAL_CLUSTER = "local"
"""The ``--scheduler`` value that starts a ``LocalCluster`` on this machine."""

S = TypeVar("S")
P = TypeVar("P")
R = TypeVar("R")


class ClusterError(ValueError):
    """The cluster asked for cannot be used (Dask missing, scheduler unreachable, versions differ)."""


class Executor(Protocol):
    """Runs ``work(shared, part)`` for each part, somewhere, and yields the products in part order."""

    @property
    def slots(self) -> int:
        """How many parts run at once (processes, or the cluster's worker threads)."""
        ...

    def map_ordered(
        self,
        work: Callable[[S, P], R],
        shared: S,
        parts: Iterable[P],
        *,
        weight: Callable[[P], int] = ...,
        progress: Callable[[int], None] | None = None,
    ) -> Generator[R, None, None]:
        """``work(shared, p)`` for each part ``p``, in the parts' order.

        ``work`` must be a module-level function (it is shipped by reference) and pure; ``shared`` is
        shipped once per worker, each part once per task. At most a few parts per slot are submitted
        ahead of the one awaited, so parts may be a lazy iterator of any length. ``progress`` is called
        in this process with ``weight(p)`` once per part, when its product arrives.
        """
        ...


@dataclass(frozen=True)
class Backend:
    """A choice of where batches run.

    ``scheduler`` is ``None`` for local processes, ``"local"`` for a ``LocalCluster`` or a scheduler's
    address; ``workers`` is the number of local processes or of ``LocalCluster`` workers (a cluster at
    an address has its own).
    """

    scheduler: str | None = None
    workers: int = 1

    @classmethod
    def choose(cls, scheduler: str | None, workers: int, environ: Mapping[str, str] | None = None) -> Backend:
        """The backend for ``--scheduler`` (or ``HEXATABLE_SCHEDULER`` when it is not given) and
        ``--workers``; an empty scheduler means local processes."""
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if scheduler is None:
            scheduler = (os.environ if environ is None else environ).get(SCHEDULER_ENV)
        scheduler = (scheduler or "").strip() or None
        return cls(scheduler, workers)

    def describe(self) -> str:
        """One line for a progress bar or a log: where the batch runs.

        >>> Backend(None, 2).describe(), Backend("local", 2).describe()
        ('2 local processes', 'a Dask LocalCluster of 2 workers')
        """
        if self.scheduler is None:
            return f"{self.workers} local process{'es' if self.workers != 1 else ''}"
        if self.scheduler == LOCAL_CLUSTER:
            return f"a Dask LocalCluster of {self.workers} worker{'s' if self.workers != 1 else ''}"
        return f"the Dask scheduler at {self.scheduler}"


@contextmanager
def open_executor(backend: Backend) -> Iterator[Executor]:
    """The executor of ``backend``, open for the ``with`` block; a cluster's client (and a
    ``LocalCluster``) is closed at its end. Raises :class:`ClusterError` when the cluster cannot be used."""
    if backend.scheduler is None:
        from hexatable.execution.local import ProcessExecutor

        yield ProcessExecutor(backend.workers)
        return
    from hexatable.execution.cluster import connect

    with connect(backend.scheduler, backend.workers) as executor:
        yield executor
