"""Benchmark: the negotiation engine against the issue's bars.

Prints, for scenario ``six-party-2007`` with CHN in the chair (the CLI's defaults):

- CPU milliseconds per run for each mechanism, in this process (``RunConfig()`` otherwise: the mediator
  chair, boulware delegates with beliefs), and alternating offers in runs per CPU-second (bar: 300);
- the wall time of 10,000 default runs on two workers through :func:`hexatable.negotiate.batch.simulate`
  (bar: under 60 s), with the workers' CPU time;
- peak RSS of this process and of the workers;
- the load average before and after, since other jobs sharing the cores slow every figure.

Run: ``.venv/bin/python benchmarks/negotiate_bars.py [--runs N] [--goal N]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time

from hexatable.case import open_case
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.batch import simulate
from hexatable.negotiate.mechanisms import MECHANISMS, run_negotiation
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space

CHAIR = "CHN"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300, help="runs per mechanism for the CPU figures")
    parser.add_argument("--goal", type=int, default=10_000, help="size of the two-worker batch")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    print(f"before: {load()}")
    analysis = analyse(build_space(open_case("six-party-talks"), "six-party-2007"))
    for mechanism in MECHANISMS:
        config = RunConfig(mechanism=mechanism)
        run_negotiation(analysis, config, 10**6, chair_seat=CHAIR)  # per-space tables, computed once
        start = time.process_time()
        for seed in range(args.runs):
            run_negotiation(analysis, config, seed, chair_seat=CHAIR)
        per_run = (time.process_time() - start) / args.runs
        line = f"{mechanism:>20}: {per_run * 1000:6.2f} ms CPU per run"
        if mechanism == "alternating-offers":
            verdict = "meets" if 1 / per_run >= 300 else "misses"
            line += f" = {1 / per_run:.0f} runs per CPU-second ({verdict} >= 300)"
        print(line, flush=True)
    start = time.perf_counter()
    simulate(analysis, RunConfig(), runs=args.goal, workers=2, chair_seat=CHAIR)
    seconds = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime
    verdict = "meets" if seconds < 60 else "misses"
    print(
        f"goal: {args.goal:,} default runs on 2 workers in {seconds:.1f} s wall ({verdict} < 60 s), "
        f"workers' CPU {cpu:.1f} s = {cpu / args.goal * 1000:.2f} ms per run"
    )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: this process {own:.0f} MiB, largest worker {children.ru_maxrss / 1024:.0f} MiB")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
