"""Benchmark: tournament negotiations per second on six-party-2007 (NegMAS SAO, one process).

For each agent (hexatable's boulware delegate, NegMAS's AspirationNegotiator and the example agent of
docs/examples/my_agent.py) plays every seat ``--runs`` times against hexatable delegates with a
deadline of ``--steps`` rounds, and prints negotiations per second and the agreement rate.
Run: ``.venv/bin/python benchmarks/tournament_speed.py [--runs N] [--steps N]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import time
from pathlib import Path
from typing import Any

from negmas.sao import AspirationNegotiator

from hexatable.case import open_case
from hexatable.negotiate.negmas_bridge import HexatableNegotiator, negmas_scenario
from hexatable.negotiate.space import build_space
from hexatable.negotiate.tournament import Entrant, run_tournament


def example_agent() -> Any:
    path = Path(__file__).parents[1] / "docs" / "examples" / "my_agent.py"
    spec = importlib.util.spec_from_file_location("my_agent", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SteadyConceder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20, help="negotiations per agent and seat")
    parser.add_argument("--steps", type=int, default=30, help="deadline in rounds")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    start = time.perf_counter()
    space = build_space(open_case("six-party-talks"), "six-party-2007")
    negmas_scenario(space)
    print(f"build the 20,736-outcome space and its NegMAS ufuns: {time.perf_counter() - start:.2f} s")
    agents = [
        Entrant("hexatable:boulware", lambda: HexatableNegotiator("boulware")),
        Entrant("AspirationNegotiator", AspirationNegotiator),
        Entrant("SteadyConceder (docs/examples)", example_agent()),
    ]
    for agent in agents:
        start = time.perf_counter()
        result = run_tournament(space, [agent], runs=args.runs, seed=0, n_steps=args.steps)
        seconds = time.perf_counter() - start
        count = args.runs * len(space.seats)
        (standing,) = result.ranking
        print(
            f"{agent.name:>32}: {count / seconds:5.1f} negotiations/s ({count} in {seconds:.1f} s; "
            f"agreed {standing.agreement.rate:.0%}, normalised score {standing.normalised.mean:.3f})"
        )


if __name__ == "__main__":
    main()
