"""Many negotiations: seeds, parallel runs over processes or a cluster, streamed into a tally.

Run ``i`` of a batch seeded ``seed`` uses ``seed * 1_000_003 + i``, so a batch gives the same
results whatever the number of workers and however the runs are split among them. The runs go in
chunks through an executor (:mod:`hexatable.execution`: this process, local processes or a Dask
cluster, each worker receiving the analysis once); each chunk is counted into a
:class:`~hexatable.negotiate.tally.Tally`, and the chunk tallies are merged in chunk order as they
arrive. Memory is bounded by the scenario's outcome space and by the few chunks in flight, never by
the number of runs. ``progress`` is called in the parent with the number of runs finished, for a
progress bar.

:func:`run_batch` and :func:`simulate_runs` keep every result, for small batches that want them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from hexatable.execution import Executor, chunk_size, run_chunks
from hexatable.execution.local import ProcessExecutor
from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.mechanisms import run_negotiation
from hexatable.negotiate.runner import RunConfig, RunResult
from hexatable.negotiate.tally import Summary, Tally

T = TypeVar("T")

_SEED_STRIDE = 1_000_003

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


@dataclass(frozen=True)
class _Chunk:
    """What one task needs besides the analysis: the configuration, the chair and its runs' seeds."""

    config: RunConfig
    chair_seat: str | None
    seeds: range


def _tally_chunk(analysis: Analysis, chunk: _Chunk) -> Tally:
    return tally_batch(analysis, chunk.config, chunk.seeds, chunk.chair_seat)


def _results_chunk(analysis: Analysis, chunk: _Chunk) -> list[RunResult]:
    return run_batch(analysis, chunk.config, chunk.seeds, chunk.chair_seat)


def _runs_of(chunk: _Chunk) -> int:
    return len(chunk.seeds)


def _in_order(
    analysis: Analysis,
    work: Callable[[Analysis, _Chunk], T],
    config: RunConfig,
    *,
    runs: int,
    seed: int,
    workers: int,
    chair_seat: str | None,
    executor: Executor | None,
    progress: Callable[[int], None] | None,
) -> Iterator[T]:
    """Each chunk's product, in chunk order, from ``executor`` (or ``workers`` local processes).

    The analysis is shipped once per worker, each chunk's seeds once per task; the executor keeps a
    bounded number of chunks in flight, so a batch of any size takes bounded memory.
    """
    runner = executor if executor is not None else ProcessExecutor(max(workers, 1))
    size = chunk_size(runs, runner.slots)
    chunks = (_Chunk(config, chair_seat, part) for part in run_chunks(runs, size, seed * _SEED_STRIDE))
    yield from runner.map_ordered(work, analysis, chunks, weight=_runs_of, progress=progress)


def simulate(
    analysis: Analysis,
    config: RunConfig,
    *,
    runs: int,
    seed: int = 0,
    workers: int = 1,
    chair_seat: str | None = None,
    progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
) -> Tally:
    """Run ``runs`` negotiations into one tally: on ``executor`` (local processes or a Dask cluster,
    :mod:`hexatable.execution`) when given, else over ``workers`` local processes.

    The chunk tallies are merged in seed order, so the tally is the same wherever the runs ran.
    """
    check_batch(runs, seed)
    tally = Tally(analysis.space.seats)
    for part in _in_order(
        analysis,
        _tally_chunk,
        config,
        runs=runs,
        seed=seed,
        workers=workers,
        chair_seat=chair_seat,
        executor=executor,
        progress=progress,
    ):
        tally.merge(part)
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
    executor: Executor | None = None,
) -> list[RunResult]:
    """Like :func:`simulate`, but every result, in seed order: for batches small enough to hold."""
    check_batch(runs, seed)
    results: list[RunResult] = []
    for part in _in_order(
        analysis,
        _results_chunk,
        config,
        runs=runs,
        seed=seed,
        workers=workers,
        chair_seat=chair_seat,
        executor=executor,
        progress=progress,
    ):
        results.extend(part)
    return results


def default_workers() -> int:
    """One worker per available core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def summarise(analysis: Analysis, config: RunConfig, results: Tally | Sequence[RunResult]) -> Summary:
    """Aggregate a batch, given as a tally or as its results. Failed runs score every party its
    reservation value (gain 0)."""
    tally = results if isinstance(results, Tally) else Tally.of(analysis.space.seats, results)
    return tally.summary(analysis.space, config.label())
