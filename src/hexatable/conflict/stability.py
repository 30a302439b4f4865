"""Stability of each state for each DM, and equilibria, under the classic GMCR concepts.

Definitions (Fang, Hipel & Kilgour 1993, ch. 3; Hipel, Kilgour & Kinsara 2014 for a summary), for a DM
``i`` at state ``s`` with unilateral improvements ``R+_i(s)``, opponents ``H = N - {i}``, and ``R_H`` /
``R+_H`` the states the opponents reach by legal sequences of moves / of improvements
(:mod:`hexatable.conflict.reach`):

- Nash (R): ``R+_i(s)`` is empty.
- GMR: for every ``s1`` in ``R+_i(s)`` some ``s2`` in ``R_H(s1)`` is not preferred to ``s``.
- SMR: as GMR, and moreover from that ``s2`` every ``s3`` in ``R_i(s2)`` is not preferred to ``s``.
- SEQ: as GMR with ``R+_H(s1)`` (opponents sanction only by improving themselves).
- SIM: for every ``s1`` in ``R+_i(s)`` the opponents, moving at the same time as ``i`` and each either
  staying or taking one of its own unilateral improvements from ``s``, can produce a feasible state
  not preferred to ``s`` (Fang, Hipel & Kilgour 1989, "Conflict models in graph form", IJSS 20(1)).

Each concept is computed for all states at once: the sanction tests reduce to one least value over the
opponents' reach per state (see :func:`hexatable.conflict.reach.least_reachable_value`).
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.moves import Edges, group_max
from hexatable.conflict.reach import least_reachable_value

Stable = NDArray[np.bool_]

SIM_CHUNK = 4096
"""Improvements of the focal DM examined together when searching simultaneous sanctions."""


class Concept(StrEnum):
    """The stability concepts."""

    NASH = "nash"
    GMR = "gmr"
    SMR = "smr"
    SEQ = "seq"
    SIM = "sim"


def nash_stable(graph: GraphModel, dm: int) -> Stable:
    """Nash (R) stability: the DM has no unilateral improvement (Fang et al. 1993, def. 3.1)."""
    return _unstable_to_stable(graph, graph.improvements[dm].source)


def gmr_stable(graph: GraphModel, dm: int) -> Stable:
    """General metarationality: every improvement can be answered by an opponents' sanction."""
    least = least_reachable_value(graph.values[dm], [graph.moves[j] for j in graph.opponents(dm)])
    return _sanctioned(graph, dm, least)


def smr_stable(graph: GraphModel, dm: int) -> Stable:
    """Symmetric metarationality: a sanction the DM cannot escape by a counter-move."""
    values = graph.values[dm]
    escape = np.maximum(values, group_max(graph.moves[dm], values))
    least = least_reachable_value(escape, [graph.moves[j] for j in graph.opponents(dm)])
    return _sanctioned(graph, dm, least)


def seq_stable(graph: GraphModel, dm: int) -> Stable:
    """Sequential stability: every improvement can be sanctioned by opponents' improvements."""
    least = least_reachable_value(graph.values[dm], [graph.improvements[j] for j in graph.opponents(dm)])
    return _sanctioned(graph, dm, least)


def sim_stable(graph: GraphModel, dm: int) -> Stable:
    """Simultaneous stability: each improvement is spoiled by opponents improving at the same time.

    The opponents' simultaneous responses are enumerated opponent by opponent, dropping an
    improvement as soon as one response spoils it.
    """
    ups = graph.improvements[dm]
    unsanctioned = np.zeros(ups.size, dtype=bool)
    for begin in range(0, ups.size, SIM_CHUNK):
        end = min(ups.size, begin + SIM_CHUNK)
        unsanctioned[begin:end] = ~_simultaneous_sanctions(
            graph, dm, ups.source[begin:end], ups.target[begin:end]
        )
    return _unstable_to_stable(graph, ups.source[unsanctioned])


def _simultaneous_sanctions(
    graph: GraphModel, dm: int, sources: NDArray[np.int64], targets: NDArray[np.int64]
) -> NDArray[np.bool_]:
    codes = graph.states.codes
    values = graph.values[dm]
    sanctioned = np.zeros(sources.size, dtype=bool)
    row_pair = np.arange(sources.size)
    row_code = codes[targets]
    for j in graph.opponents(dm):
        ups = graph.improvements[j]
        mask = graph.model.option_mask(j)
        origin = sources[row_pair]
        degree = ups.start[origin + 1] - ups.start[origin]
        total = int(degree.sum())
        if total == 0:
            continue
        parent = np.repeat(np.arange(row_pair.size), degree)
        offset = np.arange(total) - np.repeat(np.cumsum(degree) - degree, degree)
        response = ups.target[ups.start[origin[parent]] + offset]
        new_code = (row_code[parent] & ~mask) | (codes[response] & mask)
        new_pair = row_pair[parent]
        index = graph.states.index_of(new_code)
        hit = index >= 0
        hit[hit] = values[index[hit]] <= values[sources[new_pair[hit]]]
        sanctioned[new_pair[hit]] = True
        row_pair = np.concatenate([row_pair, new_pair])
        row_code = np.concatenate([row_code, new_code])
        keep = ~sanctioned[row_pair]
        row_pair, row_code = row_pair[keep], row_code[keep]
    return sanctioned


def _sanctioned(graph: GraphModel, dm: int, least: NDArray[np.float64]) -> Stable:
    """Stable where every improvement ``s -> t`` has ``least[t]`` not above the value of ``s``."""
    ups: Edges = graph.improvements[dm]
    values = graph.values[dm]
    escapes = least[ups.target] > values[ups.source]
    return _unstable_to_stable(graph, ups.source[escapes])


def _unstable_to_stable(graph: GraphModel, unstable_states: NDArray[np.int64]) -> Stable:
    stable = np.ones(graph.states.count, dtype=bool)
    stable[unstable_states] = False
    return stable


CONCEPT_FUNCTIONS = {
    Concept.NASH: nash_stable,
    Concept.GMR: gmr_stable,
    Concept.SMR: smr_stable,
    Concept.SEQ: seq_stable,
    Concept.SIM: sim_stable,
}


def stable_states(graph: GraphModel, concept: Concept, dm: int) -> Stable:
    """Which states are stable for DM ``dm`` under ``concept``."""
    return CONCEPT_FUNCTIONS[concept](graph, dm)
