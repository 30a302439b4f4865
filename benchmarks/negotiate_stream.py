"""Benchmark: peak memory of a streamed batch against its number of runs.

Each size runs in a fresh process (``ru_maxrss`` only ever grows), on a small scenario: the toy
two-seat, two-issue space (4 outcomes), with a deadline of 2 drafts so that a run is short. Prints
the peak resident set size, the time and runs per second, one worker. ``--list`` measures the old
way instead (every ``RunResult`` kept in a list) for comparison.
Run: ``.venv/bin/python benchmarks/negotiate_stream.py [--sizes 10000 100000 ...] [--list]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time

from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.batch import simulate, simulate_runs, summarise
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import toy_space

CONFIG = RunConfig(max_drafts=2)


def measure(runs: int, keep_list: bool) -> None:
    """One batch in this process; prints runs, seconds, runs/s, peak RSS (MiB), distinct outcomes."""
    analysis = analyse(toy_space())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if keep_list:
        summary = summarise(analysis, CONFIG, simulate_runs(analysis, CONFIG, runs=runs, workers=1))
    else:
        summary = summarise(analysis, CONFIG, simulate(analysis, CONFIG, runs=runs, workers=1))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        f"{runs:>12,} runs  {seconds:8.1f} s  {runs / seconds:8.0f} runs/s  "
        f"peak RSS {peak / 1024:7.1f} MiB (before the batch {before / 1024:.1f})  "
        f"agreed {summary.agreement_rate:.1%}, {summary.distinct_outcomes} outcome(s)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000, 10_000_000])
    parser.add_argument("--list", action="store_true", help="keep every result in a list (the old way)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        measure(args.one, args.list)
        return
    system = f"{platform.system()} {platform.release()}"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, {system}")
    print(
        f"scenario: toy space (2 seats, 4 outcomes), {CONFIG.label()}, "
        f"max {CONFIG.max_drafts} drafts, 1 worker"
    )
    print("mode: " + ("every result kept in a list" if args.list else "streamed into a tally"))
    for runs in args.sizes:
        command = [sys.executable, __file__, "--one", str(runs), *(["--list"] if args.list else [])]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
