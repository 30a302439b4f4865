"""Benchmark: six-party negotiations per second under each mechanism.

For each mechanism (and each chair strategy of the single text), runs the six-party-2007 scenario
in one process and with two workers and prints negotiations per second; then times the issue's
goal, 10,000 chair-mediated negotiations (default chair), on two workers.
Run: ``.venv/bin/python benchmarks/negotiate.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import platform
import time

from hexatable.case import open_case
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.batch import simulate, summarise
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000, help="negotiations per measurement")
    parser.add_argument("--goal", type=int, default=10_000, help="size of the goal batch")
    args = parser.parse_args()
    system = f"{platform.system()} {platform.release()}"
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {system}")
    start = time.perf_counter()
    analysis = analyse(build_space(open_case("six-party-talks"), "six-party-2007"))
    print(f"load case, build 20,736-outcome space, Pareto/Nash analysis: {time.perf_counter() - start:.2f} s")
    configs = [RunConfig(chair=chair) for chair in ("nash", "maximin", "hill-climb")]  # type: ignore[arg-type]
    configs.append(RunConfig(mechanism="alternating-offers"))
    configs += [
        RunConfig(chair="hill-climb", mechanism=m) for m in ("bilateral-track", "top-down", "bottom-up")
    ]  # type: ignore[arg-type]
    for config in configs:
        for workers in (1, 2):
            start = time.perf_counter()
            results = simulate(analysis, config, runs=args.runs, workers=workers, chair_seat="CHN")
            seconds = time.perf_counter() - start
            summary = summarise(analysis, config, results)
            print(
                f"{config.label():>40} · {workers} worker(s): {args.runs / seconds:6.0f} negotiations/s "
                f"(agreed {summary.agreement_rate:.0%}, on frontier {summary.on_frontier_rate:.0%}, "
                f"{summary.mean_drafts:.1f} drafts/offers)"
            )
    start = time.perf_counter()
    simulate(analysis, RunConfig(), runs=args.goal, workers=2, chair_seat="CHN")
    seconds = time.perf_counter() - start
    verdict = "meets" if seconds < 60 else "misses"
    print(f"goal: {args.goal} chair-mediated negotiations on 2 workers in {seconds:.1f} s ({verdict} < 60 s)")


if __name__ == "__main__":
    main()
