"""Many negotiations: seeds, parallel runs over processes, and their summary.

Run ``i`` of a batch seeded ``seed`` uses ``seed * 1_000_003 + i``, so a batch gives the same
results whatever the number of workers and however the runs are split among them. Workers receive
the analysis once (process initialiser) and return compact results; ``progress`` is called in the
parent with the number of runs finished, for a progress bar.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.mechanisms import run_negotiation
from hexatable.negotiate.runner import RunConfig, RunResult

_SEED_STRIDE = 1_000_003


def run_seeds(seed: int, runs: int) -> list[int]:
    """The seeds of the runs of a batch."""
    return [seed * _SEED_STRIDE + i for i in range(runs)]


def run_batch(
    analysis: Analysis, config: RunConfig, seeds: Sequence[int], chair_seat: str | None = None
) -> list[RunResult]:
    """Run one negotiation per seed, in this process."""
    return [run_negotiation(analysis, config, s, chair_seat=chair_seat) for s in seeds]


_worker_analysis: Analysis | None = None


def _init_worker(analysis: Analysis) -> None:
    global _worker_analysis
    _worker_analysis = analysis


def _run_chunk(config: RunConfig, seeds: Sequence[int], chair_seat: str | None) -> list[RunResult]:
    assert _worker_analysis is not None, "worker not initialised"
    return run_batch(_worker_analysis, config, seeds, chair_seat)


def simulate(
    analysis: Analysis,
    config: RunConfig,
    *,
    runs: int,
    seed: int = 0,
    workers: int = 1,
    chair_seat: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[RunResult]:
    """Run ``runs`` negotiations, over ``workers`` processes when more than one, in seed order."""
    seeds = run_seeds(seed, runs)
    chunk = max(1, min(250, runs // (max(workers, 1) * 8) or 1))
    chunks = [seeds[i : i + chunk] for i in range(0, runs, chunk)]
    results: list[RunResult] = []
    if workers <= 1:
        for part in chunks:
            results.extend(run_batch(analysis, config, part, chair_seat))
            if progress:
                progress(len(part))
        return results
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(analysis,)) as pool:
        futures = [pool.submit(_run_chunk, config, part, chair_seat) for part in chunks]
        for future in futures:
            part_results = future.result()
            results.extend(part_results)
            if progress:
                progress(len(part_results))
    return results


def default_workers() -> int:
    """One worker per available core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True)
class Summary:
    """Aggregates of a batch: agreement rate, drafts, scores and gains per seat, efficiency."""

    label: str
    runs: int
    agreement_rate: float
    mean_drafts: float
    mean_scores: dict[str, float]
    mean_gains: dict[str, float]
    mean_distance_to_frontier: float | None
    on_frontier_rate: float
    mean_nash_product: float
    walk_outs: dict[str, int]
    returns: int
    reasons: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def summarise(analysis: Analysis, config: RunConfig, results: Sequence[RunResult]) -> Summary:
    """Aggregate a batch. Failed runs score every party its reservation value (gain 0)."""
    seats = analysis.space.seats
    agreed = [r for r in results if r.agreement is not None]
    scores = np.array([r.scores for r in results]) if results else np.zeros((0, len(seats)))
    gains = np.array([r.gains for r in results]) if results else np.zeros((0, len(seats)))
    distances = [r.distance_to_frontier for r in agreed if r.distance_to_frontier is not None]
    walk_outs = dict.fromkeys(seats, 0)
    reasons: dict[str, int] = {}
    for r in results:
        for seat in r.walked_out:
            walk_outs[seat] += 1
        reasons[r.reason] = reasons.get(r.reason, 0) + 1
    count = len(results)
    return Summary(
        label=config.label(),
        runs=count,
        agreement_rate=len(agreed) / count if count else 0.0,
        mean_drafts=float(np.mean([r.drafts for r in results])) if count else 0.0,
        mean_scores={s: float(v) for s, v in zip(seats, scores.mean(axis=0), strict=True)} if count else {},
        mean_gains={s: float(v) for s, v in zip(seats, gains.mean(axis=0), strict=True)} if count else {},
        mean_distance_to_frontier=float(np.mean(distances)) if distances else None,
        on_frontier_rate=sum(1 for d in distances if d < 1e-9) / count if count else 0.0,
        mean_nash_product=float(np.mean([r.nash_product for r in results])) if count else 0.0,
        walk_outs=walk_outs,
        returns=sum(r.returns for r in results),
        reasons=reasons,
    )
