"""Benchmark: the forecast engine's models against the number of actors, and Monte Carlo batches.

Prints the time of one full run of BDM (10 rounds) and of the spatial model (SMP, to convergence,
at most 100 rounds) for 10–320 actors on 1 and 6 dimensions (random inputs, seed 1); for the largest
sizes SMP runs ``--smp-rounds-cap`` rounds and the full run is extrapolated from the time per round
and the rounds the 80-actor run needed (said in the output). Then times Monte Carlo batches: the
six-party 2019 inputs (6 actors, 3 issues) and a random 20-actor case.
Run: ``.venv/bin/python benchmarks/forecast.py [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np

from hexatable.case import open_case
from hexatable.forecast.bdm import BdmConfig, run_bdm
from hexatable.forecast.case_input import input_from_case
from hexatable.forecast.inputs import ForecastInput
from hexatable.forecast.models import ModelSpec
from hexatable.forecast.montecarlo import Perturbation, run_monte_carlo
from hexatable.forecast.smp import SmpConfig, run_smp


def random_input(n: int, d: int, seed: int = 1) -> ForecastInput:
    """Capabilities 10–200, positions uniform on [0, 100], saliences adding up to 0.75–0.99 (KTAB's
    own random scenarios)."""
    rng = np.random.default_rng(seed)
    salience = rng.uniform(0.1, 1.0, (n, d))
    salience *= rng.uniform(0.75, 0.99, (n, 1)) / salience.sum(axis=1, keepdims=True)
    return ForecastInput.build(
        [f"actor-{i}" for i in range(n)], rng.uniform(10, 200, n), rng.uniform(0, 100, (n, d)), salience
    )


def timed(action: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes and batches")
    parser.add_argument("--smp-rounds-cap", type=int, default=3, help="SMP rounds timed for n > 80")
    args = parser.parse_args()
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {workers} cores, Python {python}, {platform.system()}")
    sizes = (10, 20, 40, 80) if args.quick else (10, 20, 40, 80, 160, 320)
    print("\nactors  dims  BDM 10 rounds  SMP full run (rounds)")
    smp_rounds_at_80: dict[int, int] = {}
    for d in (1, 6):
        for n in sizes:
            data = random_input(n, d)
            bdm_time, _ = timed(lambda data=data: run_bdm(data, BdmConfig(rounds=10)))
            if n <= 80:
                smp_time, result = timed(lambda data=data: run_smp(data))
                rounds = result.n_rounds  # type: ignore[attr-defined]
                smp_rounds_at_80[d] = rounds
                smp = f"{smp_time:8.2f} s ({rounds})"
            else:
                cap = args.smp_rounds_cap
                capped = SmpConfig(rounds=cap, min_delta_ratio=0.0)
                per_round, _ = timed(lambda data=data, capped=capped: run_smp(data, capped))
                rounds = smp_rounds_at_80.get(d, 25)
                each = per_round / cap
                smp = f"{each * rounds:8.1f} s (extrapolated: {each:.2f} s/round × {rounds})"
            print(f"{n:6d}  {d:4d}  {bdm_time:10.3f} s  {smp}")

    six = input_from_case(open_case("six-party-talks"), "six-party-2019-02")
    shake = Perturbation(position=5.0, salience=0.1, capability=0.2)
    print(f"\nMonte Carlo, six-party 2019 inputs (6 actors, 3 issues), {workers} workers")
    batches = {"mean": 10_000, "bdm": 10_000, "smp": 2_000}
    if args.quick:
        batches = {"mean": 1_000, "bdm": 500, "smp": 200}
    for model, runs in batches.items():
        seconds, _ = timed(
            lambda model=model, runs=runs: run_monte_carlo(
                six, model, runs=runs, perturbation=shake, workers=workers
            )
        )
        note = "" if runs == 10_000 else f" → 10,000 runs ≈ {seconds * 10_000 / runs:.0f} s (extrapolated)"
        print(f"  {model:5s} {runs:6d} runs: {seconds:7.2f} s{note}")

    twenty = random_input(20, 1, seed=2)
    runs = 200 if args.quick else 1_000
    print(f"\nMonte Carlo, random 20-actor case (1 dimension), {runs} runs, {workers} workers")
    for spec in (ModelSpec(model="bdm"), ModelSpec(model="smp")):
        seconds, _ = timed(
            lambda spec=spec: run_monte_carlo(twenty, spec, runs=runs, perturbation=shake, workers=workers)
        )
        print(f"  {spec.model:5s}: {seconds:7.2f} s")


if __name__ == "__main__":
    main()
