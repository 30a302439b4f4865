"""Inverse analysis within a preference window, for every stability concept.

Whether state ``s`` is stable for DM ``i`` under any of the five concepts depends only on which states
``i`` ranks below ``s``: each definition compares the states a move, a sanction or a counter-move ends
in with ``s`` itself, and the opponents' moves and improvements do not depend on ``i``'s preferences.
So a *below-set* decides stability, and :func:`stable_below` answers for one below-set by analysing
the graph with ``i``'s preferences replaced by three levels (below ``s``, ``s``, above ``s``).

A *window* says what is already known of ``i``'s ranking (the inverse GMCR of Kinsara, Petersons,
Hipel & Kilgour 2015 works inside such bounds): each state's best and worst possible rank, and pairs
whose order is fixed. :func:`count_in_window` counts the strict rankings inside the window under which
``s`` is stable without listing them: a dynamic programme over the *set* of states ranked above ``s``
(``2^(n-1)`` sets instead of ``n!`` rankings), each set counted as (ways to fill the ranks above ``s``
with exactly that set) × (ways to fill the ranks below with the rest).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.inverse import minimal_sets
from hexatable.conflict.model import ModelError
from hexatable.conflict.moves import improvements
from hexatable.conflict.stability import Concept, stable_states

MAX_STATES = 18
"""States a windowed count handles (the programme runs over subsets of the other states)."""


@dataclass(frozen=True)
class Window:
    """What is known of a DM's strict ranking (ranks from 1, the most preferred).

    ``bounds`` maps a state number to its (best, worst) possible rank; ``prefer`` lists pairs
    ``(a, b)``: state ``a`` is ranked above state ``b``. The empty window allows every ranking.
    """

    bounds: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    prefer: tuple[tuple[int, int], ...] = ()

    def check(self, n: int) -> None:
        for state, (best, worst) in self.bounds.items():
            if not 1 <= state <= n:
                raise ModelError(f"window: state {state} does not exist (states 1-{n})")
            if not 1 <= best <= worst <= n:
                raise ModelError(f"window: state {state} needs ranks 1 <= best <= worst <= {n}")
        for a, b in self.prefer:
            if not (1 <= a <= n and 1 <= b <= n) or a == b:
                raise ModelError(f"window: '{a}>{b}' must name two different states 1-{n}")


@dataclass(frozen=True)
class WindowCount:
    """Rankings in the window under which the state is stable, out of all rankings in the window;
    ``below_sets`` lists the sets of states ranked below it that make it stable (state numbers), the
    rankings' common description; ``minimal_below_sets`` the smallest of them, since a state stays
    stable when more states go below it: inside the window, the state is stable exactly when the
    ranking puts below it every state of one of them."""

    dm: str
    state: int
    concept: str
    count: int
    total: int
    below_sets: tuple[tuple[int, ...], ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "dm": self.dm,
            "state": self.state,
            "concept": self.concept,
            "ties": False,
            "count": self.count,
            "total": self.total,
            "below_sets": [list(b) for b in self.below_sets],
            "minimal_below_sets": [list(b) for b in self.minimal_below_sets],
        }

    @property
    def minimal_below_sets(self) -> tuple[tuple[int, ...], ...]:
        return minimal_sets(self.below_sets)


def stable_below(graph: GraphModel, dm: int, state: int, below: set[int], concept: str) -> bool:
    """Whether ``state`` is stable for ``dm`` when exactly the states ``below`` (numbers) are ranked
    below it and every other state above it.

    >>> from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, build_graph
    >>> pd = build_graph(ConflictModel((Option("A cooperates"), Option("B cooperates")), (
    ...     DecisionMaker("A", (0,), Ranking(((3,), (4,), (1,), (2,)))),
    ...     DecisionMaker("B", (1,), Ranking(((2,), (4,), (1,), (3,)))))))
    >>> stable_below(pd, 0, 1, {2, 4}, "nash"), stable_below(pd, 0, 1, {4}, "nash")
    (True, False)
    """
    n = graph.states.count
    levels = np.full(n, 2.0)
    levels[[b - 1 for b in below]] = 0.0
    levels[state - 1] = 1.0
    values = graph.values.copy()
    values[dm] = levels
    ups = list(graph.improvements)
    ups[dm] = improvements(graph.moves[dm], levels)
    changed = replace(graph, values=values, improvements=tuple(ups))
    return bool(stable_states(changed, Concept(concept), dm)[state - 1])


def count_in_window(
    graph: GraphModel, dm: int, state: int, concept: str, window: Window | None = None
) -> WindowCount:
    """How many strict rankings of ``dm`` inside ``window`` make ``state`` stable under ``concept``.

    The Prisoner's Dilemma (state 1: both defect): A's state 1 is Nash-stable whenever A ranks 2 below
    it: half of the 24 rankings, and 3 of the 6 that put state 4 first.

    >>> from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, build_graph
    >>> pd = build_graph(ConflictModel((Option("A cooperates"), Option("B cooperates")), (
    ...     DecisionMaker("A", (0,), Ranking(((3,), (4,), (1,), (2,)))),
    ...     DecisionMaker("B", (1,), Ranking(((2,), (4,), (1,), (3,)))))))
    >>> count_in_window(pd, 0, 1, "nash").count
    12
    >>> found = count_in_window(pd, 0, 1, "nash", Window(bounds={4: (1, 1)}))
    >>> found.count, found.total
    (3, 6)
    """
    n = graph.states.count
    window = window or Window()
    window.check(n)
    if n > MAX_STATES:
        raise ModelError(f"a windowed inverse analysis handles at most {MAX_STATES} states, not {n}")
    others = [x for x in range(1, n + 1) if x != state]
    bit = {x: 1 << k for k, x in enumerate(others)}
    full = (1 << len(others)) - 1
    lo = {x: window.bounds.get(x, (1, n))[0] for x in range(1, n + 1)}
    hi = {x: window.bounds.get(x, (1, n))[1] for x in range(1, n + 1)}
    above_of = {x: [a for a, b in window.prefer if b == x] for x in range(1, n + 1)}
    below_of = {x: [b for a, b in window.prefer if a == x] for x in range(1, n + 1)}

    # top[M]: ways to give the ranks 1..|M| to exactly the states M (s not among them).
    top = _fill(others, bit, full, lo, hi, above_of, first_rank=1, pivot=state)
    # bottom[M]: ways to give the ranks n-|M|+1..n to exactly the states M (filled from the bottom).
    bottom = _fill(others, bit, full, lo, hi, below_of, first_rank=n, pivot=state, downward=True)

    cache: dict[int, bool] = {}
    count = total = 0
    for above in range(full + 1):
        rank = bin(above).count("1") + 1
        if not lo[state] <= rank <= hi[state] or top[above] == 0:
            continue
        if any(not bit[a] & above for a in above_of[state] if a != state):
            continue
        rest = full & ~above
        if any(not bit[b] & rest for b in below_of[state] if b != state):
            continue
        ways = top[above] * bottom[rest]
        if ways == 0:
            continue
        total += ways
        if rest not in cache:
            cache[rest] = stable_below(graph, dm, state, {x for x in others if bit[x] & rest}, concept)
        if cache[rest]:
            count += ways
    below_sets = tuple(
        sorted(tuple(x for x in others if bit[x] & rest) for rest, stable in cache.items() if stable)
    )
    return WindowCount(graph.model.decision_makers[dm].name, state, concept, count, total, below_sets)


def _fill(
    others: Sequence[int],
    bit: Mapping[int, int],
    full: int,
    lo: Mapping[int, int],
    hi: Mapping[int, int],
    needed: Mapping[int, list[int]],
    first_rank: int,
    pivot: int,
    downward: bool = False,
) -> list[int]:
    """Ways to place exactly the states of each subset in consecutive ranks from ``first_rank`` (up or
    down), respecting rank bounds and, for each state placed, that the states ``needed`` before it
    (above it going down the ranking; below it going up) are already placed. A state that must be on
    the other side of ``pivot`` (the state being analysed) is never placed on this side."""
    ways = [0] * (full + 1)
    ways[0] = 1
    for placed in range(full + 1):
        if ways[placed] == 0:
            continue
        size = bin(placed).count("1")
        rank = first_rank - size if downward else first_rank + size
        for x in others:
            if bit[x] & placed or not lo[x] <= rank <= hi[x]:
                continue
            if pivot in needed[x] or any(not bit[m] & placed for m in needed[x]):
                continue
            ways[placed | bit[x]] += ways[placed]
    return ways
