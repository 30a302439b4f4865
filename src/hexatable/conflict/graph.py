"""A conflict model prepared for analysis: feasible states, values and moves as arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.model import ConflictModel
from hexatable.conflict.moves import Edges, improvements, unilateral_moves
from hexatable.conflict.preferences import all_preference_values
from hexatable.conflict.states import FeasibleStates, feasible_states


@dataclass(frozen=True)
class GraphModel:
    """The graph model of a conflict: for each DM its moves, its improvements and its values.

    ``values[dm, s]`` are dense ranks (higher is preferred); ``moves[dm]`` and ``improvements[dm]``
    are edge lists over state indices (state number minus one).
    """

    model: ConflictModel
    states: FeasibleStates
    values: NDArray[np.float64]
    moves: tuple[Edges, ...]
    improvements: tuple[Edges, ...]

    @property
    def dm_count(self) -> int:
        return len(self.model.decision_makers)

    def opponents(self, dm: int) -> list[int]:
        return [j for j in range(self.dm_count) if j != dm]


def build_graph(model: ConflictModel) -> GraphModel:
    """Enumerate feasible states, evaluate preferences and build every DM's moves."""
    states = feasible_states(model)
    values = all_preference_values(model, states)
    moves = tuple(unilateral_moves(model, states, dm) for dm in range(len(model.decision_makers)))
    ups = tuple(improvements(edges, values[dm]) for dm, edges in enumerate(moves))
    return GraphModel(model=model, states=states, values=values, moves=moves, improvements=ups)
