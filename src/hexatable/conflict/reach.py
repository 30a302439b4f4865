"""What opponents can reach: legal sequences of unilateral moves (textbook sanctions).

With two or more opponents, the set of states the opponents ``H`` can reach from a state is every state
at the end of a *legal sequence* of their unilateral moves: any opponent may move any number of times,
but never twice in a row (Fang, Hipel & Kilgour 1993, ch. 3, def. of R_H; Kilgour, Hipel & Fang 2001,
"Coalition analysis in group decision support", GDN 10(2), the recursive definition of R_H(s) and of
the unilateral-improvement version R+_H(s)). GMCR+ instead lets each opponent move at most once.

Stability only ever asks for the *least* value (to the focal DM) among the states the opponents reach,
so we compute that least value for every starting state at once, as a fixed point over
(state, last mover) pairs::

    f[j, s] = min(value[s], min over k != j, t in R_k(s) of f[k, t])

starting from ``f = value`` and iterating until nothing changes (values only fall, so it ends).
The reachable *sets* themselves are only built for one state at a time, for explanations and paths.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.moves import Edges, group_min

Values = NDArray[np.float64]


def least_reachable_value(value: Values, opponents: Sequence[Edges]) -> Values:
    """For each state t: the least ``value[u]`` over states u that the opponents reach from t.

    ``opponents`` holds one edge list per opponent (its moves, or its unilateral improvements for
    sequential stability). Reaching needs at least one move; ``inf`` where no opponent can move.

    >>> from hexatable.conflict.moves import Edges
    >>> one = Edges.from_pairs(np.array([0]), np.array([1]), 3)   # opponent 1: 0 -> 1
    >>> two = Edges.from_pairs(np.array([1]), np.array([2]), 3)   # opponent 2: 1 -> 2
    >>> least_reachable_value(np.array([5.0, 4.0, 1.0]), [one, two]).tolist()
    [1.0, 1.0, inf]
    """
    count = value.size
    movers = len(opponents)
    if movers == 0:
        return np.full(count, np.inf)
    reached = np.tile(value, (movers, 1))  # f[k, s]: least value from s when k moved last, s included
    while True:
        after = np.vstack([group_min(edges, reached[k]) for k, edges in enumerate(opponents)])
        updated = np.minimum(value, _min_excluding_own_row(after))
        if np.array_equal(updated, reached):
            break
        reached = updated
    least: Values = after.min(axis=0)
    return least


def _min_excluding_own_row(rows: Values) -> Values:
    """``result[j, s] = min over k != j of rows[k, s]`` (``inf`` with a single row)."""
    if rows.shape[0] == 1:
        return np.full_like(rows, np.inf)
    order = np.argsort(rows, axis=0, kind="stable")
    best = np.take_along_axis(rows, order[:1], axis=0)[0]
    second = np.take_along_axis(rows, order[1:2], axis=0)[0]
    who = order[0]
    result: Values = np.where(np.arange(rows.shape[0])[:, None] == who[None, :], second, best)
    return result


def reachable_set(start: int, movers: Sequence[Edges]) -> list[int]:
    """The states a group reaches from ``start`` by a legal sequence (at least one move), sorted.

    A breadth-first search over (state, last mover) pairs; for one state at a time (explanations,
    coalition moves on small models, the reference checks).
    """
    seen: set[tuple[int, int]] = set()
    frontier = [(start, -1)]
    reached: set[int] = set()
    while frontier:
        next_frontier = []
        for state, last in frontier:
            for k, edges in enumerate(movers):
                if k == last:
                    continue
                for target in edges.targets_of(state).tolist():
                    if (target, k) not in seen:
                        seen.add((target, k))
                        reached.add(target)
                        next_frontier.append((target, k))
        frontier = next_frontier
    return sorted(reached)
