"""A full stability analysis: every concept, every DM, the equilibria; serialisable to JSON."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.graph import GraphModel, build_graph
from hexatable.conflict.limited_move import limited_move_stable
from hexatable.conflict.model import ConflictModel
from hexatable.conflict.stability import Concept, stable_states


@dataclass(frozen=True)
class ConflictAnalysis:
    """Stable states per concept and DM: ``stable[concept][dm, state_index]``.

    Concept keys are ``nash``, ``gmr``, ``smr``, ``seq``, ``sim`` and, for two-DM conflicts analysed with
    a horizon, ``l1``, ``l2``, …
    """

    graph: GraphModel
    stable: dict[str, NDArray[np.bool_]]

    @property
    def concepts(self) -> list[str]:
        return list(self.stable)

    def equilibria(self, concept: str) -> list[int]:
        """The state numbers stable for every DM under ``concept``."""
        return (np.flatnonzero(self.stable[concept].all(axis=0)) + 1).tolist()

    def stable_for(self, concept: str, dm: int) -> list[int]:
        """The state numbers stable for DM ``dm`` under ``concept``."""
        return (np.flatnonzero(self.stable[concept][dm]) + 1).tolist()

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape (documented in docs/cli.md, ``hexatable stability --json``)."""
        model = self.graph.model
        vectors = self.graph.states.vectors()
        return {
            "model": model.name,
            "options": [
                {"index": k, "name": o.name, "direction": o.direction.value}
                for k, o in enumerate(model.options)
            ],
            "decision_makers": [
                {"name": dm.name, "options": list(dm.options)} for dm in model.decision_makers
            ],
            "states": [
                {
                    "number": index + 1,
                    "code": int(code),
                    "options": ["Y" if taken else "N" for taken in vectors[index]],
                }
                for index, code in enumerate(self.graph.states.codes.tolist())
            ],
            "equilibria": {concept: self.equilibria(concept) for concept in self.stable},
            "stable": {
                concept: {
                    dm.name: self.stable_for(concept, index) for index, dm in enumerate(model.decision_makers)
                }
                for concept in self.stable
            },
        }


def listed_states(
    equilibria: dict[str, list[int]], limit: int, always: Iterable[int] = ()
) -> tuple[list[int], int]:
    """The states a report lists: every equilibrium if they are at most ``limit``; otherwise the
    equilibria of the concepts with the fewest, whole concepts, as many as fit (the strictest concepts
    say the most), plus ``always`` (e.g. the status quo). Returns the states and how many were left out.

    >>> listed_states({"nash": [7], "seq": [7, 9], "gmr": [1, 7, 9, 12]}, limit=3)
    ([7, 9], 2)
    """
    found = set().union(*map(set, equilibria.values())) | set(always)
    if len(found) <= limit:
        return sorted(found), 0
    kept = set(always)
    for concept in sorted(equilibria, key=lambda c: len(equilibria[c])):
        if kept and len(kept | set(equilibria[concept])) > limit:
            break
        kept |= set(equilibria[concept])
    return sorted(kept), len(found) - len(kept)


def analyse(
    model: ConflictModel | GraphModel,
    concepts: Iterable[Concept] = tuple(Concept),
    horizons: Iterable[int] = (),
) -> ConflictAnalysis:
    """Analyse a conflict: which states are stable for whom, under which concept.

    Parameters
    ----------
    model
        The conflict model (or one already prepared with :func:`build_graph`).
    concepts
        The stability concepts to compute (default: all five).
    horizons
        Horizons ``h`` of limited-move stability L_h to add (two-DM conflicts only).

    Examples
    --------
    The Prisoner's Dilemma: each DM has one option, *cooperate*; state 1 = both defect.

    >>> from hexatable.conflict.model import ConflictModel, DecisionMaker, Option, Ranking
    >>> pd = ConflictModel(
    ...     options=(Option("A cooperates"), Option("B cooperates")),
    ...     decision_makers=(
    ...         DecisionMaker("A", (0,), Ranking(((3,), (4,), (1,), (2,)))),
    ...         DecisionMaker("B", (1,), Ranking(((2,), (4,), (1,), (3,)))),
    ...     ),
    ... )
    >>> result = analyse(pd)
    >>> result.equilibria("nash"), result.equilibria("gmr")
    ([1], [1, 4])
    """
    graph = model if isinstance(model, GraphModel) else build_graph(model)
    stable: dict[str, NDArray[np.bool_]] = {}
    for concept in concepts:
        stable[concept.value] = np.vstack([stable_states(graph, concept, dm) for dm in range(graph.dm_count)])
    for horizon in horizons:
        stable[f"l{horizon}"] = np.vstack(
            [limited_move_stable(graph, dm, horizon) for dm in range(graph.dm_count)]
        )
    return ConflictAnalysis(graph=graph, stable=stable)
