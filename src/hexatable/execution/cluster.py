"""Parts run on a Dask cluster (``distributed``), imported only when a scheduler is asked for.

The shared input is sent once, as the product of a task that every part's task depends on (each worker
fetches it once from a peer, and the scheduler can make it again if every holder is lost), and each
part is one task. Products come back in whatever order the workers finish; a reorder buffer
hands them on in part order, and new parts are submitted only while fewer than a few per worker slot
are submitted and not yet handed on, so memory on the client and on the workers is flat in the number
of parts.

A worker lost mid-batch (killed, out of memory, its machine gone) costs only the tasks it held: the
scheduler runs them again elsewhere (Dask's own retries, up to ``distributed.scheduler.allowed-failures``
times a task). Each part's product is taken once, by its index, and progress is counted when it is
taken, so nothing is counted twice. A part whose own code raises is not retried (the engines are
deterministic, so it would fail again): its error reaches the caller with a note naming the part.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, TypeVar

from hexatable.execution.backend import LOCAL_CLUSTER, ClusterError
from hexatable.execution.chunks import note_failure

S = TypeVar("S")
P = TypeVar("P")
R = TypeVar("R")
T = TypeVar("T")

IN_FLIGHT_PER_SLOT = 4
"""Parts submitted and not yet handed on, per worker thread of the cluster."""


def _size(part: Any) -> int:
    return len(part)


def _itself(value: T) -> T:
    return value


def _hexatable_version() -> str:
    import hexatable

    return hexatable.__version__


class DaskExecutor:
    """Runs parts as tasks of a Dask ``Client``'s cluster."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._scattered: dict[int, tuple[object, Any]] = {}

    @property
    def client(self) -> Any:
        """The ``distributed.Client`` (for tests and benchmarks)."""
        return self._client

    @property
    def slots(self) -> int:
        threads: dict[str, int] = self._client.nthreads()
        return max(1, sum(threads.values()))

    def _shared_future(self, shared: object) -> Any:
        """``shared`` as a task's product, once for the executor's life (keyed by identity).

        A task rather than ``scatter``: the scheduler keeps the task, so if every worker holding the
        value is lost (a batch system ending all jobs at their walltime) it is made again, where
        scattered data would be gone for good. Each worker fetches it once, from a peer.
        """
        held = self._scattered.get(id(shared))
        if held is None:
            key = f"shared-{type(shared).__name__}-{uuid.uuid4().hex[:12]}"
            future = self._client.submit(_itself, shared, key=key, pure=False)
            held = self._scattered[id(shared)] = (shared, future)
        return held[1]

    def map_ordered(
        self,
        work: Callable[[S, P], R],
        shared: S,
        parts: Iterable[P],
        *,
        weight: Callable[[P], int] = _size,
        progress: Callable[[int], None] | None = None,
    ) -> Generator[R, None, None]:
        client = self._client
        ahead = IN_FLIGHT_PER_SLOT * self.slots
        data = self._shared_future(shared)
        prefix = f"{getattr(work, '__name__', 'part').strip('_')}-{uuid.uuid4().hex[:12]}"
        numbered = enumerate(parts)
        outstanding: dict[str, tuple[int, int, Any, P]] = {}
        arrived: dict[int, R] = {}
        waiting = _import_distributed().as_completed()
        submitted = handed = 0

        def submit_more() -> None:
            nonlocal submitted
            while submitted - handed < ahead:
                found = next(numbered, None)
                if found is None:
                    return
                index, part = found
                future = client.submit(work, data, part, key=f"{prefix}-{index}", pure=False)
                outstanding[future.key] = (index, weight(part), future, part)
                waiting.add(future)
                submitted += 1

        try:
            submit_more()
            for future in waiting:
                entry = outstanding.pop(future.key, None)
                if entry is None:  # already taken: a product is counted once
                    continue
                index, size, _, part = entry
                try:
                    arrived[index] = future.result()
                except Exception as error:
                    note_failure(error, index, part, "on a Dask worker")
                    raise
                del future, entry, part
                if progress is not None:
                    progress(size)
                while handed in arrived:
                    product = arrived.pop(handed)
                    handed += 1
                    yield product
                submit_more()
        finally:
            waiting.clear()
            if outstanding:
                client.cancel([future for _, _, future, _ in outstanding.values()])

    def close(self) -> None:
        """Release the scattered inputs (the client itself belongs to :func:`connect`)."""
        futures = [future for _, future in self._scattered.values()]
        self._scattered.clear()
        if futures:
            self._client.cancel(futures)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            "running on Dask needs the cluster extra: pip install 'hexatable[cluster]'"
        ) from None
    return distributed


def check_workers(client: Any) -> None:
    """Refuse a cluster whose workers cannot import hexatable, or run another version of it."""
    import hexatable

    if not client.nthreads():
        return  # no workers yet (an adaptive cluster): the tasks wait for them
    try:
        versions: dict[str, str] = client.run(_hexatable_version)
    except Exception as error:
        raise ClusterError(
            f"the Dask workers cannot run hexatable ({type(error).__name__}: {error}); install "
            f"hexatable {hexatable.__version__} in the workers' environment"
        ) from None
    other = sorted({v for v in versions.values() if v != hexatable.__version__})
    if other:
        raise ClusterError(
            f"the Dask workers run hexatable {', '.join(other)}, this client {hexatable.__version__}: "
            "install the same version on both, or results may differ"
        )


@contextmanager
def connect(scheduler: str, workers: int) -> Iterator[DaskExecutor]:
    """A Dask executor on a new ``LocalCluster`` (``scheduler == "local"``) or on the scheduler at
    ``scheduler``; the client, and the ``LocalCluster``, are closed at the end of the block."""
    distributed = _import_distributed()
    if scheduler == LOCAL_CLUSTER:
        with (
            distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            executor = DaskExecutor(client)
            try:
                yield executor
            finally:
                executor.close()
        return
    try:
        client = distributed.Client(scheduler)  # waits distributed.comm.timeouts.connect (Dask config)
    except (OSError, ValueError, TypeError) as error:
        raise ClusterError(f"cannot reach a Dask scheduler at '{scheduler}': {error}") from None
    with client:
        check_workers(client)
        executor = DaskExecutor(client)
        try:
            yield executor
        finally:
            executor.close()


class ByValue:
    """A factory (a class, a function) that travels by value: pickled with cloudpickle once, made
    again on first call where it lands.

    Dask pickles a task's data with the standard pickle first, which refers to classes by module and
    name; a class from a module its workers cannot import (an agent loaded from a file by path) must
    travel as code instead. Without cloudpickle (no Dask installed) it stays a plain reference.
    """

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory: Callable[[], Any] | None = factory
        self._blob: bytes | None = None

    def __getstate__(self) -> dict[str, bytes]:
        if self._blob is None:
            import cloudpickle

            self._blob = cloudpickle.dumps(self._factory)
        return {"blob": self._blob}

    def __setstate__(self, state: dict[str, bytes]) -> None:
        self._blob, self._factory = state["blob"], None

    def __call__(self) -> Any:
        if self._factory is None:
            import cloudpickle

            assert self._blob is not None
            self._factory = cloudpickle.loads(self._blob)
        assert self._factory is not None
        return self._factory()


def by_value(module: ModuleType, factory: Callable[[], Any]) -> Callable[[], Any]:
    """``factory`` (from ``module``, which workers cannot import: a file loaded by path) wrapped to
    travel by value, with the rest of ``module`` it needs; unchanged without cloudpickle."""
    try:
        import cloudpickle
    except ImportError:
        return factory
    cloudpickle.register_pickle_by_value(module)
    return ByValue(factory)
