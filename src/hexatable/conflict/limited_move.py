"""Limited-move stability L_h for two decision makers (Kilgour 1985; Fang, Hipel & Kilgour 1993, ch. 3).

``G_h(i, s)`` is the state that DM ``i``, about to move at ``s`` and looking ``h`` moves ahead,
anticipates: ``G_0(i, s) = s``; for ``h >= 1``, ``i`` considers each move ``s -> t`` and the answer
``G_{h-1}(j, t)`` of the other DM ``j``; if the best anticipated state is strictly preferred to ``s``,
``G_h(i, s)`` is that state, otherwise ``s``. A state is L_h-stable for ``i`` when ``i`` anticipates no
gain: no move ``t`` has ``G_{h-1}(j, t)`` preferred to ``s``. L_1 is Nash stability. Ties between
equally good moves (possible only with ties in preference) are broken towards the lowest-numbered
anticipated state; stability itself does not depend on that choice at level ``h``, only below it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.model import ModelError


def limited_move_stable(graph: GraphModel, dm: int, horizon: int) -> NDArray[np.bool_]:
    """Which states are L_h-stable (``h = horizon``) for DM ``dm`` of a two-DM conflict."""
    if graph.dm_count != 2:
        raise ModelError("limited-move stability is defined for two decision makers")
    if horizon < 1:
        raise ModelError("the horizon of limited-move stability is at least 1")
    count = graph.states.count
    anticipated = [np.arange(count), np.arange(count)]  # G_0
    for _ in range(horizon - 1):
        anticipated = [_anticipate(graph, i, anticipated[1 - i]) for i in range(2)]
    other = anticipated[1 - dm]
    moves = graph.moves[dm]
    values = graph.values[dm]
    gains = values[other[moves.target]] > values[moves.source]
    stable = np.ones(count, dtype=bool)
    stable[moves.source[gains]] = False
    return stable


def _anticipate(graph: GraphModel, mover: int, answer: NDArray[np.int64]) -> NDArray[np.int64]:
    """``G_h(mover, .)`` from ``G_{h-1}(other, .)`` (``answer``)."""
    count = graph.states.count
    moves = graph.moves[mover]
    values = graph.values[mover]
    outcome = answer[moves.target]
    order = np.lexsort((outcome, -values[outcome], moves.source))
    source, outcome = moves.source[order], outcome[order]
    first = np.ones(source.size, dtype=bool)
    first[1:] = source[1:] != source[:-1]
    result = np.arange(count)
    best_source, best_outcome = source[first], outcome[first]
    better = values[best_outcome] > values[best_source]
    result[best_source[better]] = best_outcome[better]
    return result
