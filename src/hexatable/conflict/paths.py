"""Sequences of moves, one state at a time: legal sequences with their movers, and shortest paths.

Used for explanations, coalition moves and status-quo analysis, where a reader needs the path, not
only the set. A legal sequence never lets the same mover move twice in a row (Fang, Hipel & Kilgour
1993, ch. 3).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from hexatable.conflict.moves import Edges

Step = tuple[int, int]
"""(mover, state reached)."""


def legal_sequences(start: int, movers: Sequence[Edges]) -> dict[int, list[Step]]:
    """For each state reached from ``start`` by a legal sequence (at least one move), a shortest one.

    >>> import numpy as np
    >>> a = Edges.from_pairs(np.array([0]), np.array([1]), 3)
    >>> b = Edges.from_pairs(np.array([1]), np.array([2]), 3)
    >>> legal_sequences(0, [a, b])
    {1: [(0, 1)], 2: [(0, 1), (1, 2)]}
    """
    parent: dict[tuple[int, int], tuple[int, int] | None] = {}
    queue: deque[tuple[int, int]] = deque()
    for k, edges in enumerate(movers):
        for target in edges.targets_of(start).tolist():
            if (target, k) not in parent:
                parent[target, k] = None
                queue.append((target, k))
    while queue:
        state, last = queue.popleft()
        for k, edges in enumerate(movers):
            if k == last:
                continue
            for target in edges.targets_of(state).tolist():
                if (target, k) not in parent:
                    parent[target, k] = (state, last)
                    queue.append((target, k))
    best: dict[int, list[Step]] = {}
    for node in parent:  # insertion order is breadth-first: the first node per state is shortest
        if node[0] in best:
            continue
        path: list[Step] = []
        current: tuple[int, int] | None = node
        while current is not None:
            path.append((current[1], current[0]))
            current = parent[current]
        best[node[0]] = path[::-1]
    return dict(sorted(best.items()))
