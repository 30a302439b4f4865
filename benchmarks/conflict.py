"""Benchmark: full GMCR stability analysis of random six-DM conflicts.

For 2**k states (k = 6…17: six DMs sharing k options, no infeasibility) and for a 138,240-state model
(six DMs, 20 options; two "exactly one of three" groups and one infeasible four-option pattern cut the
1,048,576 option vectors to 138,240), prints the time of a full analysis (feasible states, preferences,
moves, Nash/GMR/SMR/SEQ/SIM for every DM) and its peak traced memory (tracemalloc; NumPy reports its
buffers to it). Preferences are random option prioritisations, seeded. Then, on the same model, the
time of coalition analysis for DM0+DM1 (CNash, CGMR, CSEQ) with status-quo paths from state 1
(every DM's and the coalition's improvements, to the Nash equilibria).
Run: ``.venv/bin/python benchmarks/conflict.py [--max-k 17] [--skip-large]``.
Goals (issue 5): 4,096 states in under 1 s; 138,240 states in under 60 s and 4 GB.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import time
import tracemalloc

from hexatable.conflict import ConflictAnalysis, analyse
from hexatable.conflict.coalitions import analyse_coalitions
from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    DecisionMaker,
    Feasibility,
    Option,
    OptionPrioritisation,
    Statement,
)
from hexatable.conflict.status_quo import status_quo_paths

DMS = 6


def option_counts(options: int, dms: int = DMS) -> list[int]:
    """Options per DM, as even as possible (the first DMs get one more)."""
    return [options // dms + (1 if i < options % dms else 0) for i in range(dms)]


def random_model(options: int, seed: int, feasibility: Feasibility | None = None) -> ConflictModel:
    """Six DMs over ``options`` options, each with six random preference statements."""
    rng = random.Random(seed)
    owners, first = [], 0
    for count in option_counts(options):
        owners.append(tuple(range(first, first + count)))
        first += count

    def conjunction() -> tuple[Condition, ...]:
        chosen = rng.sample(range(options), rng.randint(1, 3))
        return tuple(Condition(k, rng.random() < 0.5) for k in chosen)

    dms = tuple(
        DecisionMaker(
            f"DM{i}",
            owners[i],
            OptionPrioritisation(
                tuple(Statement(tuple(conjunction() for _ in range(rng.randint(1, 2)))) for _ in range(6))
            ),
        )
        for i in range(DMS)
    )
    return ConflictModel(
        options=tuple(Option(f"o{k}") for k in range(options)),
        decision_makers=dms,
        feasibility=feasibility or Feasibility(),
    )


def large_model(seed: int) -> ConflictModel:
    """20 options; exactly one of options 0-2 (DM0) and of 4-6 (DM1); 8, 11, 14, 17 not all taken."""
    rules = Feasibility(
        infeasible=(tuple(Condition(k, True) for k in (8, 11, 14, 17)),),
        mutually_exclusive=((0, 1, 2), (4, 5, 6)),
        at_least_one=((0, 1, 2), (4, 5, 6)),
    )
    return random_model(20, seed, rules)


def measure(model: ConflictModel) -> tuple[int, float, float, dict[str, int], ConflictAnalysis]:
    tracemalloc.start()
    start = time.perf_counter()
    result = analyse(model)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    equilibria = {c: len(result.equilibria(c)) for c in result.concepts}
    return result.graph.states.count, elapsed, peak / 2**20, equilibria, result


def measure_coalition(result: ConflictAnalysis) -> tuple[float, float]:
    """Seconds and peak traced MiB of coalition analysis (DM0+DM1) plus status-quo paths from 1."""
    coalition = [[0, 1]]
    tracemalloc.start()
    start = time.perf_counter()
    analyse_coalitions(result.graph, coalition, result.stable)
    status_quo_paths(result.graph, 1, result.equilibria("nash"), coalition)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-k", type=int, default=17)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(
        f"{'states':>8} {'time (s)':>9} {'peak MiB':>9} {'coalition (s)':>13} {'peak MiB':>9}"
        "  equilibria (nash gmr smr seq sim)"
    )
    models = [(random_model(k, args.seed + k), "") for k in range(6, args.max_k + 1)]
    if not args.skip_large:
        models.append((large_model(args.seed), "  (20 options, rules)"))
    for model, note in models:
        states, elapsed, peak, eq, result = measure(model)
        together, together_peak = measure_coalition(result)
        print(
            f"{states:>8} {elapsed:>9.3f} {peak:>9.1f} {together:>13.3f} {together_peak:>9.1f}"
            f"  {' '.join(str(eq[c]) for c in eq)}{note}",
            flush=True,
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
