"""Benchmark: a Monte Carlo batch of the spatial model (SMP) on 80 actors, the goal of issue 14.

1,000 runs of the SMP, each to convergence, on perturbed copies of a random 80-actor input on one
dimension (KTAB's random scenarios: capabilities 10–200, positions uniform on 0–100; seed 1), with the
default perturbation, over one worker per core. Prints the wall time, the time per run, the load
average before and after, and the CPU time the runs took (user and system): on a shared machine the
wall time depends on the other load, so the CPU time divided by the workers is the figure to compare.
Run: ``.venv/bin/python benchmarks/forecast_montecarlo.py [--runs N] [--actors N] [--workers N]``.

``--memory [N ...]`` measures instead the peak memory of the command ``hexatable forecast
six-party-talks --forecast six-party-2019-02 --model mean --monte-carlo N --workers 1 --json`` (6 actors,
3 dimensions; the weighted mean, the cheapest model, so that the batch's own memory is not hidden by a
model's) for each N, each in a fresh process: its peak resident set size (``ru_maxrss`` from
``wait4``), wall time and CPU time. One worker, so the client is the process that runs the chunks.
``--traced N ...`` measures the batch alone (``run_monte_carlo`` on that input, in a fresh process):
the peak of what it allocates, by ``tracemalloc``, without the ~200 MiB of interpreter and modules.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time

import numpy as np

from hexatable.forecast.inputs import ForecastInput
from hexatable.forecast.montecarlo import run_monte_carlo


def random_input(n: int, d: int, seed: int = 1) -> ForecastInput:
    """Capabilities 10–200, positions uniform on [0, 100], saliences adding up to 0.75–0.99."""
    rng = np.random.default_rng(seed)
    salience = rng.uniform(0.1, 1.0, (n, d))
    salience *= rng.uniform(0.75, 0.99, (n, 1)) / salience.sum(axis=1, keepdims=True)
    return ForecastInput.build(
        [f"actor-{i}" for i in range(n)], rng.uniform(10, 200, n), rng.uniform(0, 100, (n, d)), salience
    )


MEMORY_COMMAND = [
    "forecast",
    "six-party-talks",
    "--forecast",
    "six-party-2019-02",
    "--model",
    "mean",
    "--workers",
    "1",
    "--json",
]


def memory(sizes: list[int]) -> None:
    """Peak RSS, wall and CPU time of ``forecast --monte-carlo N`` for each ``N``, in fresh processes."""
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    entry = "from hexatable.cli.app import main; main()"
    for runs in sizes:
        load = " ".join(f"{v:.2f}" for v in os.getloadavg())
        start = time.perf_counter()
        with subprocess.Popen(
            [sys.executable, "-c", entry, *MEMORY_COMMAND, "--monte-carlo", str(runs), "--seed", "1"],
            stdout=subprocess.PIPE,
        ) as child:
            assert child.stdout is not None
            output = child.stdout.read()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if child.returncode != 0:
            raise SystemExit(f"--monte-carlo {runs}: exit {child.returncode}")
        print(
            f"{runs:>9,} runs: peak RSS {usage.ru_maxrss / 1024:6.1f} MiB, wall {seconds:6.1f} s, "
            f"CPU {usage.ru_utime + usage.ru_stime:6.1f} s, load before {load}, "
            f"JSON {len(output):,} bytes",
            flush=True,
        )


def traced(runs: int) -> None:
    """The batch alone, in this process: the peak of the memory Python and NumPy allocate during
    ``run_monte_carlo`` (``tracemalloc``; the interpreter and the imported modules are not counted)."""
    import tracemalloc

    from hexatable.case import open_case
    from hexatable.forecast.case_input import input_from_case

    data = input_from_case(open_case("six-party-talks"), "six-party-2019-02")
    tracemalloc.start()
    start = time.perf_counter()
    run_monte_carlo(data, "mean", runs=runs, seed=1, workers=1)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    print(
        f"{runs:>9,} runs: batch's own peak {peak / 2**20:7.2f} MiB (tracemalloc), {seconds:6.1f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--traced", type=int, nargs="+", help="the batch's own peak (tracemalloc) at these runs"
    )
    parser.add_argument("--traced-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--memory", type=int, nargs="*", help="peak memory of the CLI at these --monte-carlo")
    parser.add_argument("--runs", type=int, default=1_000)
    parser.add_argument("--actors", type=int, default=80)
    parser.add_argument("--dimensions", type=int, default=1)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.traced:
        for runs in args.traced:  # each in a fresh process
            subprocess.run([sys.executable, __file__, "--traced-one", str(runs)], check=True)
        return
    if args.traced_one:
        traced(args.traced_one)
        return
    if args.memory is not None:
        memory(args.memory or [1_000, 10_000, 100_000])
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    data = random_input(args.actors, args.dimensions)
    run_monte_carlo(data, "smp", runs=2, workers=1)  # compile / load the kernels once
    before = os.times()
    start = time.perf_counter()
    result = run_monte_carlo(
        data, "smp", runs=args.runs, seed=args.seed, workers=args.workers, keep_runs=True
    )
    seconds = time.perf_counter() - start
    after = os.times()
    workers = args.workers > 1
    user = (after.children_user - before.children_user) if workers else (after.user - before.user)
    system = (after.children_system - before.children_system) if workers else (after.system - before.system)
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(
        f"SMP Monte Carlo, {args.actors} actors × {args.dimensions} dimension(s), {args.runs} runs, "
        f"{args.workers} workers: {seconds:.1f} s ({1000 * seconds / args.runs:.0f} ms per run)"
    )
    print(
        f"CPU time of the runs: {user + system:.1f} s = {1000 * (user + system) / args.runs:.1f} ms per run "
        f"({user:.1f} s user, {system:.1f} s system, "
        f"{100 * system / max(user + system, 1e-9):.0f} % in the kernel); on {args.workers} otherwise idle "
        f"core(s): ≈ {(user + system) / args.workers:.1f} s"
    )
    assert result.forecasts is not None  # kept for the checksum (1,000 runs: 8 KB)
    mean = result.forecasts.mean(axis=0).round(3).tolist()
    print(f"forecast: mean {mean}, checksum {result.forecasts.sum():.6f} (equal before and after a change)")


if __name__ == "__main__":
    main()
