"""Brute-force references written straight from the definitions in docs/sequence.md.

Loops, no arrays: the payoff of stopping and of continuing, simulated phase by phase; feasibility
checked constraint by constraint; every schedule of a tiny roadmap enumerated.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hexatable.sequence.model import Bundle, Capacity, Deadline, Gating, Precedence, Roadmap

Schedule = list[list[int]]


def window(roadmap: Roadmap, action_index: int, party_index: int) -> int:
    """Phases the others keep delivering action a after party q stops (definition in the docs)."""
    party = roadmap.parties[party_index]
    action = roadmap.actions[action_index]
    lag = party.detection_lag
    for constraint in roadmap.constraints:
        if isinstance(constraint, Gating) and constraint.reward == action.id:
            trigger = next(a for a in roadmap.actions if a.id == constraint.trigger)
            if trigger.actor == party.id:
                lag = min(lag, trigger.verification_delay)
    return lag


def reference_temptation(roadmap: Roadmap, schedule: Schedule) -> list[list[float]]:
    """tau[q][t] = payoff of stopping at the start of phase t - payoff of keeping to the schedule."""
    phases = roadmap.phases
    result = []
    for q, party in enumerate(roadmap.parties):
        if not any(action.actor == party.id for action in roadmap.actions):
            # Nothing to stop: stopping is continuing, so the temptation is 0 (not applicable).
            result.append([0.0] * (phases + 1))
            continue
        row = []
        d = party.discount
        for t in range(phases + 1):
            stop = 0.0
            keep = 0.0
            for a, action in enumerate(roadmap.actions):
                value = action.values.get(party.id, 0.0)
                delivered_before = sum(schedule[a][:t])
                # keeping to the schedule: every remaining delivery, discounted
                for s in range(t, phases):
                    keep += d ** (s - t) * value * schedule[a][s]
                if action.actor == party.id:
                    # stopping: deliver nothing more, take back the reversible share of own steps
                    stop += action.reversibility * (-value) * delivered_before
                else:
                    w = window(roadmap, a, q)
                    received = delivered_before
                    for s in range(t, min(t + w, phases)):
                        stop += d ** (s - t) * value * schedule[a][s]
                        received += schedule[a][s]
                    # once the others notice (after the detection lag) they take back theirs
                    stop -= d**party.detection_lag * action.reversibility * value * received
            row.append(stop - keep)
        result.append(row)
    return result


def reference_feasible(roadmap: Roadmap, schedule: Schedule) -> bool:
    """Every constraint of the roadmap, checked phase by phase from its definition."""
    phases = roadmap.phases
    index = {a.id: i for i, a in enumerate(roadmap.actions)}

    def total(a: int, t: int) -> int:  # delivered by the end of phase t (0 before phase 0)
        return sum(schedule[a][: t + 1]) if t >= 0 else 0

    for a, action in enumerate(roadmap.actions):
        final = total(a, phases - 1)
        if final not in ((0, action.tranches) if action.optional else (action.tranches,)):
            return False
        if action.max_per_phase is not None and max(schedule[a]) > action.max_per_phase:
            return False
    for c in roadmap.constraints:
        for t in range(phases):
            if isinstance(c, Precedence):
                a, b = index[c.before], index[c.after]
                if schedule[b][t] > 0 and total(a, t - 1) < roadmap.actions[a].tranches:
                    return False
            elif isinstance(c, Gating):
                a, b = index[c.trigger], index[c.reward]
                verified = total(a, t - roadmap.actions[a].verification_delay)
                share_b = total(b, t) / roadmap.actions[b].tranches
                if share_b > verified / roadmap.actions[a].tranches + 1e-12:
                    return False
            elif isinstance(c, Bundle):
                shares = {total(index[i], t) / roadmap.actions[index[i]].tranches for i in c.actions}
                if len(shares) > 1:
                    return False
            elif isinstance(c, Capacity):
                if sum(schedule[index[i]][t] for i in c.actions) > c.limit:
                    return False
            elif isinstance(c, Deadline):
                a = index[c.action]
                if t >= c.phases - 1 and total(a, t) != total(a, phases - 1):
                    return False
    return True


def splits(tranches: int, phases: int) -> Iterator[tuple[int, ...]]:
    """Every way to deliver ``tranches`` over ``phases`` (including all at once)."""
    for cuts in itertools.combinations_with_replacement(range(tranches + 1), phases - 1):
        bounds = (0, *cuts, tranches)
        yield tuple(bounds[i + 1] - bounds[i] for i in range(phases))


def all_schedules(roadmap: Roadmap) -> Iterator[Schedule]:
    per_action = []
    for action in roadmap.actions:
        options = list(splits(action.tranches, roadmap.phases))
        if action.optional:
            options.append((0,) * roadmap.phases)
        per_action.append(options)
    for combination in itertools.product(*per_action):
        yield [list(row) for row in combination]


def brute_force_optimum(roadmap: Roadmap) -> float | None:
    """The least worst temptation above tolerance over every feasible schedule (None: infeasible)."""
    best: float | None = None
    for schedule in all_schedules(roadmap):
        if not reference_feasible(roadmap, schedule):
            continue
        tau = reference_temptation(roadmap, schedule)
        worst = max(
            tau[q][t] - party.tolerance
            for q, party in enumerate(roadmap.parties)
            if any(action.actor == party.id for action in roadmap.actions)  # only they can defect
            for t in range(roadmap.phases + 1)
        )
        best = worst if best is None else min(best, worst)
    return best
