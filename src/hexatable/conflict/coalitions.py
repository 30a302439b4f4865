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
coalition considered. Reachable sets are searched per state (:mod:`hexatable.conflict.paths`), so
coalition analysis is meant for models of up to some thousands of states.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.paths import Step, legal_sequences
from hexatable.conflict.reach import reachable_set

COALITION_CONCEPTS = ("nash", "gmr", "seq")


def coalition_improvements(graph: GraphModel, members: Sequence[int], state: int) -> dict[int, list[Step]]:
    """The coalition's improvements from ``state`` (index), each with a shortest legal sequence."""
    reached = legal_sequences(state, [graph.moves[i] for i in members])
    values = graph.values
    return {
        target: path
        for target, path in reached.items()
        if all(values[i, target] > values[i, state] for i in members)
    }


def coalition_stable(graph: GraphModel, members: Sequence[int], concept: str) -> NDArray[np.bool_]:
    """Which states (by index) are stable for coalition ``members`` under CNash, CGMR or CSEQ."""
    if concept not in COALITION_CONCEPTS:
        raise ValueError(f"coalition concepts are {', '.join(COALITION_CONCEPTS)}")
    others = [j for j in range(graph.dm_count) if j not in members]
    movers = [graph.improvements[j] if concept == "seq" else graph.moves[j] for j in others]
    stable = np.ones(graph.states.count, dtype=bool)
    values = graph.values
    for state in range(graph.states.count):
        for improvement in coalition_improvements(graph, members, state):
            if concept == "nash":
                stable[state] = False
                break
            answers = reachable_set(improvement, movers)
            if not any(any(values[i, u] <= values[i, state] for i in members) for u in answers):
                stable[state] = False
                break
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
    stable: dict[str, dict[str, list[int]]] = {}
    equilibria: dict[str, list[int]] = {}
    for concept in COALITION_CONCEPTS:
        together = individual[concept].all(axis=0).copy()
        stable[concept] = {}
        for members, label in zip(coalitions, names, strict=True):
            mask = coalition_stable(graph, members, concept)
            stable[concept]["+".join(label)] = (np.flatnonzero(mask) + 1).tolist()
            together &= mask
        equilibria[concept] = (np.flatnonzero(together) + 1).tolist()
    return CoalitionAnalysis(coalitions=names, stable=stable, equilibria=equilibria)
