"""Unilateral moves, built from the option structure.

A DM's move changes only its own options (Fang, Hipel & Kilgour 1993, ch. 2), so the states that share
every other DM's options form a *block* inside which the DM moves. Moves are kept as edge lists sorted by
source state (a CSR adjacency without values): memory grows with the number of moves, never with
``states**2``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hexatable.conflict.model import ConflictModel, Direction
from hexatable.conflict.states import FeasibleStates

Index = NDArray[np.int64]


@dataclass(frozen=True)
class Edges:
    """Directed moves ``source[e] -> target[e]``, sorted by source; ``start[s]:start[s+1]`` are s's."""

    source: Index
    target: Index
    start: Index

    @classmethod
    def from_pairs(cls, source: Index, target: Index, count: int) -> Edges:
        order = np.lexsort((target, source))
        source, target = source[order], target[order]
        start = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(source, minlength=count), out=start[1:])
        return cls(source=source, target=target, start=start)

    def subset(self, keep: NDArray[np.bool_]) -> Edges:
        """The edges where ``keep`` is true (order is preserved)."""
        count = self.start.size - 1
        start = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.source[keep], minlength=count), out=start[1:])
        return Edges(source=self.source[keep], target=self.target[keep], start=start)

    def targets_of(self, state: int) -> Index:
        return self.target[self.start[state] : self.start[state + 1]]

    @property
    def size(self) -> int:
        return int(self.source.size)


def unilateral_moves(model: ConflictModel, states: FeasibleStates, dm: int) -> Edges:
    """Every unilateral move of DM ``dm``: to a different feasible state, changing only its options.

    Irreversible options restrict moves: a ``fwd`` option taken stays taken, a ``back`` option not
    taken cannot be taken.

    >>> from hexatable.conflict.model import ConflictModel, Option, DecisionMaker, Payoffs
    >>> model = ConflictModel((Option("a"), Option("b")),
    ...     (DecisionMaker("A", (0,), Payoffs(())), DecisionMaker("B", (1,), Payoffs(()))))
    >>> from hexatable.conflict.states import feasible_states
    >>> edges = unilateral_moves(model, feasible_states(model), 0)
    >>> list(zip(edges.source.tolist(), edges.target.tolist()))
    [(0, 1), (1, 0), (2, 3), (3, 2)]
    """
    own = model.decision_makers[dm].options
    mask = model.option_mask(dm)
    fwd = sum(1 << k for k in own if model.options[k].direction is Direction.FWD)
    back = sum(1 << k for k in own if model.options[k].direction is Direction.BACK)
    codes = states.codes
    others = codes & ~mask
    sources, targets = [], []
    for pattern in _subsets(mask):
        target_codes = others | pattern
        index = states.index_of(target_codes)
        ok = (index >= 0) & (target_codes != codes)
        ok &= (codes & fwd & ~target_codes) == 0
        ok &= (target_codes & back & ~codes) == 0
        found = np.flatnonzero(ok)
        sources.append(found)
        targets.append(index[found])
    return Edges.from_pairs(np.concatenate(sources), np.concatenate(targets), states.count)


def _subsets(mask: int) -> list[int]:
    """Every subset of the bits of ``mask``."""
    subsets = [0]
    bit = 0
    while mask >> bit:
        if (mask >> bit) & 1:
            subsets += [s | (1 << bit) for s in subsets]
        bit += 1
    return subsets


def improvements(edges: Edges, values: NDArray[np.float64]) -> Edges:
    """The moves that end in a state the mover strictly prefers (unilateral improvements)."""
    return edges.subset(values[edges.target] > values[edges.source])


def group_min(edges: Edges, values: NDArray[np.float64], empty: float = np.inf) -> NDArray[np.float64]:
    """For each source state, the least ``values[target]`` over its moves (``empty`` if none)."""
    return _group_reduce(edges, values, np.minimum, empty)


def group_max(edges: Edges, values: NDArray[np.float64], empty: float = -np.inf) -> NDArray[np.float64]:
    """For each source state, the greatest ``values[target]`` over its moves (``empty`` if none)."""
    return _group_reduce(edges, values, np.maximum, empty)


def _group_reduce(
    edges: Edges, values: NDArray[np.float64], ufunc: np.ufunc, empty: float
) -> NDArray[np.float64]:
    count = edges.start.size - 1
    result = np.full(count, empty)
    if edges.size == 0:
        return result
    has = edges.start[1:] > edges.start[:-1]
    result[has] = ufunc.reduceat(values[edges.target], edges.start[:-1][has])
    return result
