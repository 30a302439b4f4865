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
A coalition's own moves are needed as sets, not as one least value (every member must improve), so
:func:`reachable_pairs` builds them for every state at once (a boolean-matrix closure per block of
states, or breadth-first layers over (start, state, last mover) triples); :func:`reachable_set` does
the same for one state, for explanations and paths.
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


def reachable_pairs(movers: Sequence[Edges], count: int, blocks: NDArray[np.int64] | None = None) -> Edges:
    """Every pair (s, t), t != s, such that the group reaches t from s by a legal sequence.

    The pairs a group can reach stay inside the *block* of states that share the other DMs' options,
    so there are at most ``count`` times the block size of them, never ``count**2``. Given ``blocks``
    (a block label per state; every move stays inside its block) and blocks of at most
    ``DENSE_BLOCK`` states, each block's reach is a small boolean matrix: with ``A_k`` mover k's
    moves and ``L_k`` the states reached by a legal sequence whose last mover is k,
    ``L_k = A_k or (any L_j, j != k) @ A_k`` until nothing changes, batched over blocks. Otherwise all
    starting states advance together, one move per layer: each (start, state, last mover) triple not
    seen before is extended by every other mover's moves.

    >>> one = Edges.from_pairs(np.array([0]), np.array([1]), 3)   # mover 1: 0 -> 1
    >>> two = Edges.from_pairs(np.array([1]), np.array([2]), 3)   # mover 2: 1 -> 2
    >>> pairs = reachable_pairs([one, two], 3)
    >>> list(zip(pairs.source.tolist(), pairs.target.tolist()))
    [(0, 1), (0, 2), (1, 2)]
    """
    sources, targets = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
    if blocks is not None and count:
        _, block_of, sizes = np.unique(blocks, return_inverse=True, return_counts=True)
        if sizes.max() <= DENSE_BLOCK:
            source, target = _reach_in_blocks(movers, block_of, sizes)
            return Edges.from_pairs(source, target, count)
    for begin in range(0, count, PAIRS_CHUNK):
        source, target = _reach_from(movers, count, begin, min(begin + PAIRS_CHUNK, count))
        sources.append(source)
        targets.append(target)
    return Edges.from_pairs(np.concatenate(sources), np.concatenate(targets), count)


PAIRS_CHUNK = 8192
"""Starting states whose reach is searched together: bounds the memory of :func:`reachable_pairs`."""

DENSE_BLOCK = 256
"""Blocks up to this many states are closed as boolean matrices."""

DENSE_CELLS = 1 << 22
"""Matrix cells (blocks x size x size) closed together, which bounds the memory of a batch."""


def _reach_in_blocks(
    movers: Sequence[Edges], block_of: NDArray[np.int64], sizes: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The (start, reached) pairs of :func:`reachable_pairs`, block by block as dense matrices."""
    count, size = block_of.size, int(sizes.max())
    order = np.argsort(block_of, kind="stable")  # states grouped by block, in state order
    first = np.cumsum(sizes) - sizes
    local = np.empty(count, dtype=np.int64)
    local[order] = np.arange(count) - np.repeat(first, sizes)
    state_at = np.full((sizes.size, size), -1, dtype=np.int64)
    state_at[block_of[order], local[order]] = order
    batch = max(1, DENSE_CELLS // (size * size))
    sources, targets = [], []
    for begin in range(0, sizes.size, batch):
        end = min(begin + batch, sizes.size)
        moves = []
        for edges in movers:
            inside = (block_of[edges.source] >= begin) & (block_of[edges.source] < end)
            matrix = np.zeros((end - begin, size, size), dtype=np.float32)
            src, tgt = edges.source[inside], edges.target[inside]
            matrix[block_of[src] - begin, local[src], local[tgt]] = 1.0
            moves.append(matrix)
        last = [m > 0 for m in moves]
        while True:
            arrived = np.sum(last, axis=0, dtype=np.float32)
            after = [
                (m > 0) | (np.minimum(arrived - mine, 1.0) @ m > 0)
                for m, mine in zip(moves, last, strict=True)
            ]
            if all(np.array_equal(a, b) for a, b in zip(after, last, strict=True)):
                break
            last = after
        block, i, j = np.nonzero(np.logical_or.reduce(last))
        keep = i != j
        sources.append(state_at[block[keep] + begin, i[keep]])
        targets.append(state_at[block[keep] + begin, j[keep]])
    return np.concatenate(sources), np.concatenate(targets)


def _reach_from(
    movers: Sequence[Edges], count: int, begin: int, end: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The (start, reached) pairs of :func:`reachable_pairs` for the starting states begin..end-1."""
    m = len(movers)

    def encode(start: NDArray[np.int64], state: NDArray[np.int64], last: int) -> NDArray[np.int64]:
        return (start * count + state) * m + last

    first = [
        encode(e.source[e.start[begin] : e.start[end]], e.target[e.start[begin] : e.start[end]], k)
        for k, e in enumerate(movers)
    ]
    frontier = _sorted_unique(np.concatenate(first)) if first else np.empty(0, dtype=np.int64)
    seen = frontier
    while frontier.size:
        pairs, last = np.divmod(frontier, m)
        start, state = np.divmod(pairs, count)
        layer = []
        for k, edges in enumerate(movers):
            others = last != k
            origin, reached = _follow(edges, start[others], state[others])
            layer.append(encode(origin, reached, k))
        candidates = _sorted_unique(np.concatenate(layer))
        frontier = candidates[~_sorted_contains(seen, candidates)]
        seen = np.sort(np.concatenate([seen, frontier]))
    start, state = np.divmod(_sorted_unique(seen // m), count)
    keep = start != state
    return start[keep], state[keep]


def _follow(
    edges: Edges, origin: NDArray[np.int64], state: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Each (origin, state) pair extended by every move of ``edges`` from ``state``."""
    degree = edges.start[state + 1] - edges.start[state]
    repeat = np.repeat(np.arange(state.size), degree)
    offset = np.arange(int(degree.sum())) - np.repeat(np.cumsum(degree) - degree, degree)
    return origin[repeat], edges.target[edges.start[state][repeat] + offset]


def _sorted_unique(keys: NDArray[np.int64]) -> NDArray[np.int64]:
    """``np.unique`` by sorting: NumPy's hash-based unique is many times slower on these keys."""
    ordered = np.sort(keys)
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    unique: NDArray[np.int64] = ordered[keep]
    return unique


def _sorted_contains(sorted_keys: NDArray[np.int64], keys: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Which of ``keys`` are in ``sorted_keys`` (sorted, unique)."""
    if sorted_keys.size == 0:
        return np.zeros(keys.size, dtype=bool)
    position = np.minimum(np.searchsorted(sorted_keys, keys), sorted_keys.size - 1)
    found: NDArray[np.bool_] = sorted_keys[position] == keys
    return found


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
