"""Many negotiations: seeds, parallel runs over processes, streamed into a tally.

Run ``i`` of a batch seeded ``seed`` uses ``seed * 1_000_003 + i``, so a batch gives the same
results whatever the number of workers and however the runs are split among them. The runs go in
chunks; each chunk (in this process, or in a worker process that received the analysis once, by its
initialiser) is counted into a :class:`~hexatable.negotiate.tally.Tally`, and the chunk tallies are
merged in chunk order as they arrive. Memory is bounded by the scenario's outcome space and by the
few chunks in flight, never by the number of runs. ``progress`` is called in the parent with the
number of runs finished, for a progress bar.

:func:`run_batch` and :func:`simulate_runs` keep every result, for small batches that want them.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.mechanisms import run_negotiation
from hexatable.negotiate.runner import RunConfig, RunResult
from hexatable.negotiate.tally import Summary, Tally

T = TypeVar("T")

_SEED_STRIDE = 1_000_003
_CHUNK = 250
_IN_FLIGHT_PER_WORKER = 4

MAX_RUNS = 1_000_000_000
"""The most runs a batch takes: at 270–420 six-party negotiations a second on two cores (measured,
``benchmarks/negotiate.py``), a billion take a month or more; a larger number is a typo, not a plan."""

MAX_SEED = (2**63 - 1 - MAX_RUNS) // _SEED_STRIDE
"""The largest batch seed: every run's seed, ``seed * 1_000_003 + i``, then fits a signed 64-bit
integer (a NumPy ``int64``, an SQLite ``INTEGER``)."""


def check_runs(runs: int) -> None:
    """Refuse a number of runs outside ``1..MAX_RUNS``, saying why (``ValueError``)."""
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(
            f"runs must be between 1 and {MAX_RUNS:,}, not {runs:,} (a billion six-party negotiations "
            "take a month or more on two cores)"
        )


def check_seed(seed: int) -> None:
    """Refuse a batch seed outside ``0..MAX_SEED``, saying why (``ValueError``)."""
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(
            f"the seed must be between 0 and {MAX_SEED:,}, not {seed:,} (run i is seeded "
            f"seed * {_SEED_STRIDE:,} + i, which must stay a non-negative 64-bit integer)"
        )


def check_batch(runs: int, seed: int) -> None:
    """Refuse a batch outside the bounds (:func:`check_runs`, :func:`check_seed`)."""
    check_runs(runs)
    check_seed(seed)


def run_seeds(seed: int, runs: int) -> list[int]:
    """The seeds of the runs of a batch."""
    return [seed * _SEED_STRIDE + i for i in range(runs)]


def run_batch(
    analysis: Analysis, config: RunConfig, seeds: Sequence[int], chair_seat: str | None = None
) -> list[RunResult]:
    """Run one negotiation per seed, in this process, keeping every result."""
    return [run_negotiation(analysis, config, s, chair_seat=chair_seat) for s in seeds]


def tally_batch(
    analysis: Analysis, config: RunConfig, seeds: Sequence[int], chair_seat: str | None = None
) -> Tally:
    """Run one negotiation per seed, in this process, counting each into a tally as it ends."""
    tally = Tally(analysis.space.seats)
    for s in seeds:
        tally.add(run_negotiation(analysis, config, s, chair_seat=chair_seat))
    return tally


_worker_analysis: Analysis | None = None


def _init_worker(analysis: Analysis) -> None:
    global _worker_analysis
    _worker_analysis = analysis


def _tally_chunk(config: RunConfig, seeds: range, chair_seat: str | None) -> Tally:
    assert _worker_analysis is not None, "worker not initialised"
    return tally_batch(_worker_analysis, config, seeds, chair_seat)


def _results_chunk(config: RunConfig, seeds: range, chair_seat: str | None) -> list[RunResult]:
    assert _worker_analysis is not None, "worker not initialised"
    return run_batch(_worker_analysis, config, seeds, chair_seat)


def _chunks(seed: int, runs: int, workers: int) -> Iterator[range]:
    """The seeds of the batch, as consecutive ranges (a few per worker, at most 250 runs each)."""
    size = max(1, min(_CHUNK, runs // (max(workers, 1) * 8) or 1))
    first = seed * _SEED_STRIDE
    for start in range(0, runs, size):
        yield range(first + start, first + min(start + size, runs))


def _in_order(
    analysis: Analysis,
    work: Callable[[RunConfig, range, str | None], T],
    local: Callable[[Analysis, RunConfig, range, str | None], T],
    config: RunConfig,
    *,
    runs: int,
    seed: int,
    workers: int,
    chair_seat: str | None,
) -> Iterator[tuple[int, T]]:
    """Each chunk's product, in chunk order, with the chunk's number of runs.

    With workers, at most ``4 * workers`` chunks are submitted ahead of the one awaited, so a batch
    of any size holds a bounded number of futures and chunk products.
    """
    chunks = _chunks(seed, runs, workers)
    if workers <= 1:
        for part in chunks:
            yield len(part), local(analysis, config, part, chair_seat)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(analysis,)) as pool:
        pending: deque[tuple[int, Future[T]]] = deque()
        for part in chunks:
            pending.append((len(part), pool.submit(work, config, part, chair_seat)))
            if len(pending) >= _IN_FLIGHT_PER_WORKER * workers:
                size, future = pending.popleft()
                yield size, future.result()
        while pending:
            size, future = pending.popleft()
            yield size, future.result()


def simulate(
    analysis: Analysis,
    config: RunConfig,
    *,
    runs: int,
    seed: int = 0,
    workers: int = 1,
    chair_seat: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Tally:
    """Run ``runs`` negotiations, over ``workers`` processes when more than one, into one tally.

    The chunk tallies are merged in seed order, so the tally is the same whatever ``workers``.
    """
    check_batch(runs, seed)
    tally = Tally(analysis.space.seats)
    for size, part in _in_order(
        analysis,
        _tally_chunk,
        tally_batch,
        config,
        runs=runs,
        seed=seed,
        workers=workers,
        chair_seat=chair_seat,
    ):
        tally.merge(part)
        if progress:
            progress(size)
    return tally


def simulate_runs(
    analysis: Analysis,
    config: RunConfig,
    *,
    runs: int,
    seed: int = 0,
    workers: int = 1,
    chair_seat: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[RunResult]:
    """Like :func:`simulate`, but every result, in seed order: for batches small enough to hold."""
    check_batch(runs, seed)
    results: list[RunResult] = []
    for size, part in _in_order(
        analysis,
        _results_chunk,
        run_batch,
        config,
        runs=runs,
        seed=seed,
        workers=workers,
        chair_seat=chair_seat,
    ):
        results.extend(part)
        if progress:
            progress(size)
    return results


def default_workers() -> int:
    """One worker per available core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def summarise(analysis: Analysis, config: RunConfig, results: Tally | Sequence[RunResult]) -> Summary:
    """Aggregate a batch, given as a tally or as its results. Failed runs score every party its
    reservation value (gain 0)."""
    tally = results if isinstance(results, Tally) else Tally.of(analysis.space.seats, results)
    return tally.summary(analysis.space, config.label())
