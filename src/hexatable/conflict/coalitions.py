"""Coalition analysis (Kilgour, Hipel & Fang 2001; Inohara & Hipel 2008, "Coalition analysis in the
graph model for conflict resolution", Systems Engineering 11(4), 343-359).

A coalition ``C``'s moves ``R_C(s)`` are the states its members reach by a legal sequence of their
unilateral moves; its *coalition improvements* ``R++_C(s)`` are those every member strictly prefers
to ``s``. A state is stable for ``C`` under:

- CNash: ``R++_C(s)`` is empty;
- CGMR: every coalition improvement ``s1`` can be answered by the other DMs (a legal sequence of their
  moves) with a state ``s2`` that some member of ``C`` does not prefer to ``s``;
- CSEQ: as CGMR, with the other DMs moving only by unilateral improvements.

A state is a coalition equilibrium under a concept when it is stable for every DM alone and for every
coalition considered.

All states are decided at once. The coalition's moves are built as pairs for every state
(:func:`~hexatable.conflict.reach.reachable_pairs`); the other DMs' answers need no sets: ``s1`` is
sanctioned for ``s`` when some member ``i`` has ``least_i(s1) <= value_i(s)``, where ``least_i`` is
the least value to ``i`` that the others reach from ``s1``, the same fixed point as individual
stability (:func:`~hexatable.conflict.reach.least_reachable_value`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.moves import Edges
from hexatable.conflict.reach import least_reachable_value, reachable_pairs

COALITION_CONCEPTS = ("nash", "gmr", "seq")


def coalition_moves(graph: GraphModel, members: Sequence[int]) -> Edges:
    """``R_C``: the coalition's moves from every state (legal sequences of its members' moves).

    They stay among the states that share the other DMs' options (a block per pattern of them).
    """
    own = 0
    for i in members:
        own |= graph.model.option_mask(i)
    blocks = graph.states.codes & ~np.int64(own)
    return reachable_pairs([graph.moves[i] for i in members], graph.states.count, blocks)


def coalition_improvement_edges(graph: GraphModel, members: Sequence[int]) -> Edges:
    """``R++_C``: the coalition's moves that every member strictly prefers, from every state."""
    moves = coalition_moves(graph, members)
    values = graph.values[list(members)]
    return moves.subset(np.all(values[:, moves.target] > values[:, moves.source], axis=0))


def coalition_stable(
    graph: GraphModel, members: Sequence[int], concept: str, ups: Edges | None = None
) -> NDArray[np.bool_]:
    """Which states (by index) are stable for coalition ``members`` under CNash, CGMR or CSEQ.

    ``ups`` are the coalition's improvements when already built (:func:`coalition_improvement_edges`).

    >>> from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, build_graph
    >>> pd = ConflictModel((Option("A cooperates"), Option("B cooperates")), (
    ...     DecisionMaker("A", (0,), Ranking(((3,), (4,), (1,), (2,)))),
    ...     DecisionMaker("B", (1,), Ranking(((2,), (4,), (1,), (3,))))))
    >>> coalition_stable(build_graph(pd), [0, 1], "nash").tolist()   # both prefer 4 to 1
    [False, True, True, True]
    """
    if concept not in COALITION_CONCEPTS:
        raise ValueError(f"coalition concepts are {', '.join(COALITION_CONCEPTS)}")
    if ups is None:
        ups = coalition_improvement_edges(graph, members)
    escapes = np.ones(ups.size, dtype=bool)
    if concept != "nash":
        others = [j for j in range(graph.dm_count) if j not in members]
        movers = [graph.improvements[j] if concept == "seq" else graph.moves[j] for j in others]
        for i in members:
            least = least_reachable_value(graph.values[i], movers)
            escapes &= least[ups.target] > graph.values[i, ups.source]
    stable = np.ones(graph.states.count, dtype=bool)
    stable[ups.source[escapes]] = False
    return stable


@dataclass(frozen=True)
class CoalitionAnalysis:
    """Stability for each coalition and the coalition equilibria, per concept (state numbers)."""

    coalitions: tuple[tuple[str, ...], ...]
    stable: dict[str, dict[str, list[int]]]
    equilibria: dict[str, list[int]]

    def to_json(self) -> dict[str, object]:
        return {
            "coalitions": [list(c) for c in self.coalitions],
            "stable": self.stable,
            "equilibria": self.equilibria,
        }


def analyse_coalitions(
    graph: GraphModel, coalitions: Sequence[Sequence[int]], individual: dict[str, NDArray[np.bool_]]
) -> CoalitionAnalysis:
    """Coalition stability and equilibria, given the individual stability ``individual[concept]``.

    ``individual[concept]`` is ``[dm, state]`` as in :class:`~hexatable.conflict.analysis.ConflictAnalysis`.
    """
    names = tuple(tuple(graph.model.decision_makers[i].name for i in c) for c in coalitions)
    ups = [coalition_improvement_edges(graph, members) for members in coalitions]
    stable: dict[str, dict[str, list[int]]] = {}
    equilibria: dict[str, list[int]] = {}
    for concept in COALITION_CONCEPTS:
        together = individual[concept].all(axis=0).copy()
        stable[concept] = {}
        for members, label, edges in zip(coalitions, names, ups, strict=True):
            mask = coalition_stable(graph, members, concept, edges)
            stable[concept]["+".join(label)] = (np.flatnonzero(mask) + 1).tolist()
            together &= mask
        equilibria[concept] = (np.flatnonzero(together) + 1).tolist()
    return CoalitionAnalysis(coalitions=names, stable=stable, equilibria=equilibria)
