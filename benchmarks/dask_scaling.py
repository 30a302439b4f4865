"""Benchmark: six-party negotiations per second on a Dask cluster, against the number of workers.

Measures, on this machine:

1. negotiations per second in this process (no Dask), the baseline a worker should reach;
2. the same batch on a Dask ``LocalCluster`` of 1 and of 2 single-threaded worker processes, through
   :mod:`hexatable.execution` (scattered analysis, chunks, in-order reduction), after a warm-up batch
   so the workers have imported hexatable and loaded the compiled kernels;
3. Dask's overhead per chunk: the time per task of a map of trivial tasks (``operator.mul``) through
   the same executor with the same read-ahead, and the scheduler's task rate it implies;
4. from 1 and 3, the chunk size at which that overhead falls below 5 % of a chunk's work, and an
   extrapolation of runs per second to more workers: each worker at its measured rate times the
   chunk's efficiency, capped by the scheduler's task rate times the chunk size.

Run: ``.venv/bin/python benchmarks/dask_scaling.py [--runs N] [--tasks N]`` (about a minute on two idle
cores). The default configuration (single text, mediator chair, boulware delegates) is the one timed.
"""

from __future__ import annotations

import argparse
import logging
import operator
import platform
import time

from distributed import Client, LocalCluster

from hexatable.case import open_case
from hexatable.execution import chunk_size
from hexatable.execution.cluster import DaskExecutor
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.batch import simulate
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space

CONFIG = RunConfig()
OVERHEAD_SHARE = 0.05


def _one(part: int) -> int:
    return 1


def on_cluster(analysis: Analysis, workers: int, runs: int, tasks: int) -> tuple[float, float]:
    """Runs per second of a batch on a LocalCluster of ``workers``, and seconds per trivial task."""
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        executor = DaskExecutor(client)
        simulate(analysis, CONFIG, runs=4 * workers, seed=1, chair_seat="CHN", executor=executor)  # warm-up
        start = time.perf_counter()
        simulate(analysis, CONFIG, runs=runs, seed=0, chair_seat="CHN", executor=executor)
        rate = runs / (time.perf_counter() - start)
        list(executor.map_ordered(operator.mul, 2, range(tasks // 4), weight=_one))  # warm-up
        start = time.perf_counter()
        list(executor.map_ordered(operator.mul, 2, range(tasks), weight=_one))
        per_task = (time.perf_counter() - start) / tasks
        executor.close()
    return rate, per_task


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300, help="negotiations per measurement")
    parser.add_argument("--tasks", type=int, default=400, help="trivial tasks to time the overhead")
    args = parser.parse_args()
    system = f"{platform.system()} {platform.release()}"
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {system}")
    analysis = analyse(build_space(open_case("six-party-talks"), "six-party-2007"))
    simulate(analysis, CONFIG, runs=4, seed=1, workers=1, chair_seat="CHN")  # load the compiled kernels
    start = time.perf_counter()
    simulate(analysis, CONFIG, runs=args.runs, seed=0, workers=1, chair_seat="CHN")
    local = args.runs / (time.perf_counter() - start)
    print(f"this process, no Dask: {local:6.1f} negotiations/s ({1000 / local:.2f} ms each)")
    rates: dict[int, float] = {}
    overhead: dict[int, float] = {}
    for workers in (1, 2):
        rates[workers], overhead[workers] = on_cluster(analysis, workers, args.runs, args.tasks)
        print(
            f"LocalCluster, {workers} worker(s): {rates[workers]:6.1f} negotiations/s "
            f"(chunks of {chunk_size(args.runs, workers)}); trivial tasks: "
            f"{overhead[workers] * 1000:.2f} ms each, {1 / overhead[workers]:,.0f} tasks/s"
        )
    per_run = 1 / local
    per_chunk = overhead[1]  # one worker: a task's whole round trip, nothing overlapping it
    smallest = per_chunk / (OVERHEAD_SHARE * per_run)
    print(
        f"overhead per chunk {per_chunk * 1000:.2f} ms = {per_chunk / per_run:.2f} negotiations: below "
        f"{OVERHEAD_SHARE:.0%} from chunks of {smallest:.0f} negotiations (the default chunk is up to 250)"
    )
    task_rate = 1 / overhead[2]
    print("extrapolation (chunks of 250; each worker at the 1-worker cluster rate, capped by the")
    print("scheduler's task rate measured here x 250):")
    print(f"{'workers':>8} {'runs/s':>10} {'10^6 runs':>12}")
    worker_rate = rates[1]
    efficiency = 250 * per_run / (250 * per_run + per_chunk)
    for n in (1, 2, 4, 8, 16, 32, 64, 128, 256):
        rate = min(n * worker_rate * efficiency, task_rate * 250)
        print(f"{n:>8} {rate:>10,.0f} {1e6 / rate / 60:>10.1f} min")


if __name__ == "__main__":
    main()
