"""Benchmark: CP-SAT time to a first self-enforcing schedule and to proven optimality.

Random roadmaps (``random_roadmap``, seeded) with 15, 30 and 60 actions over 6 parties and 8, 12 and
20 phases. For each size, one solve stops at the first schedule whose worst temptation is within
every tolerance; another runs to proven optimality of the worst temptation (or the time limit, then
the gap is printed). Goals (issue 7): 15 actions × 8 phases proven optimal in < 5 s; 60 actions × 20
phases with a first self-enforcing schedule in < 10 s, on a 2-core machine with both solver workers.
Run: ``.venv/bin/python benchmarks/sequence.py [--workers 2] [--time-limit 60] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import platform

import numpy as np

from hexatable.sequence.model import Action, Capacity, Constraint, Gating, Party, Precedence, Roadmap
from hexatable.sequence.solver import SolverOptions, solve
from hexatable.sequence.temptation import temptation

PARTIES = ("CHN", "JPN", "KOR", "PRK", "RUS", "USA")


def random_roadmap(n_actions: int, n_phases: int, seed: int) -> Roadmap:
    """A random six-party roadmap that has self-enforcing schedules.

    Actions fall in three layers; precedence and gating only point from a lower layer to a higher
    one, so every chain fits in the phases. Each action costs its actor 0.5-2 per tranche and is
    worth 1-4 per tranche to one or two other parties; a party's tolerance is its temptation to take
    back its reversible steps after completion (no schedule changes it) plus a fifth of its total cost,
    so that tranching and interleaving are needed to stay self-enforcing.
    """
    rng = np.random.default_rng(seed)
    layers = rng.integers(0, 3, size=n_actions)
    actions = []
    for a in range(n_actions):
        actor = PARTIES[int(rng.integers(len(PARTIES)))]
        others = [p for p in PARTIES if p != actor]
        values = {actor: -round(float(rng.uniform(0.5, 2.0)), 2)}
        for beneficiary in rng.choice(others, size=int(rng.integers(1, 3)), replace=False):
            values[str(beneficiary)] = round(float(rng.uniform(1.0, 4.0)), 2)
        actions.append(
            Action(
                f"a{a}",
                actor=actor,
                tranches=int(rng.integers(1, 6)),
                values=values,
                reversibility=float(rng.choice([0.0, 0.25, 0.5, 1.0])),
                verification_delay=int(rng.integers(0, 2)),
            )
        )
    constraints: list[Constraint] = []
    pairs = [(i, j) for i in range(n_actions) for j in range(n_actions) if layers[i] < layers[j]]
    for index in rng.choice(len(pairs), size=min(len(pairs), n_actions // 3), replace=False):
        i, j = pairs[int(index)]
        if actions[i].actor != actions[j].actor:
            constraints.append(Gating(f"a{i}", f"a{j}"))
    for index in rng.choice(len(pairs), size=min(len(pairs), n_actions // 6), replace=False):
        i, j = pairs[int(index)]
        constraints.append(Precedence(f"a{i}", f"a{j}"))
    for party in PARTIES[:2]:
        mine = tuple(a.id for a in actions if a.actor == party)
        if mine:
            constraints.append(
                Capacity(mine, max(3, sum(a.tranches for a in actions if a.actor == party) // 3))
            )
    costs = dict.fromkeys(PARTIES, 0.0)
    for action in actions:
        costs[action.actor] += -action.values[action.actor] * action.tranches
    draft = Roadmap(
        parties=tuple(Party(p) for p in PARTIES),
        actions=tuple(actions),
        phases=n_phases,
        constraints=tuple(constraints),
    )
    # No schedule changes the temptation to take back reversible steps once everything is delivered
    # (the last decision point), so the tolerance covers it, plus a fifth of the party's costs.
    after_completion = temptation(draft, np.array([[a.tranches] + [0] * (n_phases - 1) for a in actions]))
    parties = tuple(
        Party(
            p,
            discount=round(float(rng.uniform(0.9, 1.0)), 2),
            detection_lag=int(rng.integers(0, 2)),
            tolerance=round(max(0.0, float(after_completion[q, -1])) + costs[p] / 5, 2),
        )
        for q, p in enumerate(PARTIES)
    )
    return Roadmap(parties=parties, actions=tuple(actions), phases=n_phases, constraints=tuple(constraints))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per optimality solve")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    system = f"{platform.system()} {platform.release()}"
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, {system}, workers {args.workers}"
    )
    print("actions phases | first self-enforcing | optimal: status, worst excess, gap, seconds")
    for n_actions in (15, 30, 60):
        for n_phases in (8, 12, 20):
            roadmap = random_roadmap(n_actions, n_phases, args.seed)
            first = solve(
                roadmap,
                SolverOptions(
                    workers=args.workers,
                    seed=args.seed,
                    time_limit=args.time_limit,
                    stop_at_self_enforcing=True,
                ),
            )
            first_text = (
                f"{first.first_self_enforcing_seconds:6.2f} s"
                if first.first_self_enforcing_seconds is not None
                else f"none ({first.status})"
            )
            best = solve(
                roadmap,
                SolverOptions(
                    workers=args.workers, seed=args.seed, time_limit=args.time_limit, minimise_phases=False
                ),
            )
            worst = best.evaluation.worst_excess if best.evaluation else float("nan")
            print(
                f"{n_actions:7d} {n_phases:6d} | {first_text:>20} | {best.status:>8}, {worst:7.3f}, "
                f"{best.gap if best.gap is not None else float('nan'):6.3f}, {best.seconds:6.2f} s",
                flush=True,
            )


if __name__ == "__main__":
    main()
