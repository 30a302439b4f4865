"""How big a conflict model is before it is built: feasible states, moves and memory, estimated up front.

Building a graph model enumerates ``2**options`` codes and stores every DM's moves, so a model with 24
free options needs hundreds of gigabytes and fails only after a long run. :func:`estimate_size` answers
first, cheaply:

- *feasible states*, exactly: the feasible set is the cube of all codes minus the cubes that the
  feasibility rules exclude (a conjunction of conditions is a cube: some bits fixed, the others free),
  kept as disjoint cubes, so the count needs no enumeration. Past :data:`MAX_CUBES` cubes the count falls
  back to the upper bound ``2**options`` and says so;
- *moves* of each DM and coalition: inside a block (the states sharing everyone else's options) every
  feasible state reaches every other one, so a mover has the sum over blocks of ``f * (f - 1)`` moves,
  ``f`` the feasible states of the block; that sum is counted from pairs of cubes (exact when no option
  is irreversible: irreversible options only remove moves);
- *memory*: :data:`BYTES_PER_MOVE` per move (edge lists, their improvements and the sorting
  temporaries, measured at about 30 bytes on 65,536 states with three DMs) and :data:`BYTES_PER_STATE`
  per state and mover (values, reachability fixed points).

:func:`check_size` refuses a model whose estimate exceeds :data:`MAX_MEMORY_BYTES`, naming the limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hexatable.conflict.model import Condition, ConflictModel, Conjunction, ModelError

MAX_MEMORY_BYTES = 2 * 2**30
"""The largest estimated memory of an analysis that is attempted (2 GiB)."""

BYTES_PER_MOVE = 48
"""Estimated bytes per move (measured about 30; the rest is margin for improvements and sorting)."""

BYTES_PER_STATE = 64
"""Estimated bytes per state and mover (codes, values, least-reachable fixed points)."""

MAX_CUBES = 100_000
"""Disjoint cubes kept while counting feasible states; past this the count is an upper bound."""

Cube = tuple[int, int]
"""A set of codes: ``(care, value)`` holds the codes ``c`` with ``c & care == value``."""


@dataclass(frozen=True)
class SizeEstimate:
    """Feasible states (exact unless ``exact`` is false, then an upper bound), moves and memory."""

    states: int
    exact: bool
    moves: int
    memory_bytes: int

    def describe(self) -> str:
        """A sentence for messages: ``about 16,777,216 feasible states, 12.8e9 moves, 598 GiB``."""
        states = f"{self.states:,} feasible states" if self.exact else f"up to {self.states:,} states"
        return f"{states}, about {self.moves:,} moves and {_gib(self.memory_bytes)} of memory"


def _gib(size: int) -> str:
    return f"{size / 2**30:,.1f} GiB" if size >= 2**30 else f"{size / 2**20:,.0f} MiB"


def _cube(conjunction: Conjunction) -> Cube | None:
    """The cube of codes a conjunction holds on, or None when it can never hold (Y and N on one option)."""
    care = value = 0
    for condition in conjunction:
        bit = 1 << condition.option
        wanted = bit if condition.taken else 0
        if care & bit and (value & bit) != wanted:
            return None
        care |= bit
        value |= wanted
    return care, value


def _subtract(cube: Cube, removed: Cube) -> list[Cube]:
    """``cube`` minus ``removed`` as disjoint cubes."""
    care, value = cube
    removed_care, removed_value = removed
    if (value ^ removed_value) & care & removed_care:
        return [cube]  # disjoint
    pieces = []
    free = removed_care & ~care
    while free:
        bit = free & -free
        free ^= bit
        pieces.append((care | bit, value | (~removed_value & bit)))
        care |= bit
        value |= removed_value & bit
    return pieces


def excluded_conjunctions(model: ConflictModel) -> list[Conjunction]:
    """Every feasibility rule of ``model`` as conjunctions that exclude states."""
    rules = list(model.feasibility.infeasible)
    for group in model.feasibility.mutually_exclusive:
        rules.extend(
            (Condition(a, True), Condition(b, True)) for i, a in enumerate(group) for b in group[i + 1 :]
        )
    for group in model.feasibility.at_least_one:
        rules.append(tuple(Condition(k, False) for k in group))
    return rules


def feasible_cubes(option_count: int, excluded: Sequence[Conjunction]) -> list[Cube] | None:
    """The feasible codes as disjoint cubes, or None past :data:`MAX_CUBES` cubes."""
    cubes: list[Cube] = [(0, 0)]
    for conjunction in excluded:
        removed = _cube(conjunction)
        if removed is None:
            continue
        cubes = [piece for cube in cubes for piece in _subtract(cube, removed)]
        if len(cubes) > MAX_CUBES:
            return None
    return cubes


def count_feasible(option_count: int, excluded: Sequence[Conjunction]) -> tuple[int, bool]:
    """The number of codes no conjunction of ``excluded`` holds on, and whether the count is exact.

    >>> count_feasible(3, [(Condition(0, True), Condition(1, True))])
    (6, True)
    """
    cubes = feasible_cubes(option_count, excluded)
    if cubes is None:
        return 1 << option_count, False
    return sum(1 << (option_count - bin(care).count("1")) for care, _ in cubes), True


def block_pairs(cubes: Sequence[Cube], option_count: int, mask: int) -> float:
    """Ordered pairs of feasible codes that agree outside ``mask``: the sum over blocks of (feasible
    states in the block) squared. Two cubes pair up when they agree on the outside bits both fix; then
    an outside bit free in both doubles the count (both codes take the same value), and each bit of
    ``mask`` free in either cube doubles it (the codes choose independently)."""
    care = np.array([c for c, _ in cubes], dtype=np.int64)
    value = np.array([v for _, v in cubes], dtype=np.int64)
    outside = ((1 << option_count) - 1) & ~mask
    own_free = np.bitwise_count(mask & ~care).astype(np.int64)
    total = 0.0
    for start in range(0, care.size, PAIR_CHUNK):
        c, v = care[start : start + PAIR_CHUNK, None], value[start : start + PAIR_CHUNK, None]
        agree = ((v ^ value) & c & care & outside) == 0
        exponent = (
            np.bitwise_count(outside & ~c & ~care) + own_free[start : start + PAIR_CHUNK, None] + own_free
        )
        total += float(np.exp2(exponent.astype(np.float64))[agree].sum())
    return total


PAIR_CHUNK = 512
"""Cubes paired at a time in :func:`block_pairs` (a chunk of ``PAIR_CHUNK x cubes`` arrays)."""

MAX_PAIR_CUBES = 20_000
"""Past this many cubes the moves are bounded by ``states * min(2**own - 1, states - 1)`` instead."""


def estimate_size(model: ConflictModel, coalitions: Sequence[Sequence[int]] = ()) -> SizeEstimate:
    """Feasible states, moves and memory of analysing ``model`` (and the coalitions, by DM index).

    Moves are counted exactly when no option is irreversible (irreversible options only remove moves):
    every feasible state reaches every other one of its block.
    """
    n = len(model.options)
    cubes = feasible_cubes(n, excluded_conjunctions(model))
    states = (1 << n) if cubes is None else sum(1 << (n - bin(care).count("1")) for care, _ in cubes)
    masks = [model.option_mask(i) for i in range(len(model.decision_makers))]
    for members in coalitions:
        mask = 0
        for i in set(members):
            mask |= model.option_mask(i)
        masks.append(mask)
    moves = 0
    for mask in masks:
        if cubes is not None and len(cubes) <= MAX_PAIR_CUBES:
            moves += round(block_pairs(cubes, n, mask)) - states
        else:
            moves += states * min((1 << bin(mask).count("1")) - 1, states - 1)
    memory = moves * BYTES_PER_MOVE + states * BYTES_PER_STATE * (len(masks) + 1)
    return SizeEstimate(states=states, exact=cubes is not None, moves=moves, memory_bytes=memory)


def check_size(model: ConflictModel, coalitions: Sequence[Sequence[int]] = ()) -> SizeEstimate:
    """The estimate, or :class:`ModelError` when it exceeds :data:`MAX_MEMORY_BYTES`."""
    size = estimate_size(model, coalitions)
    if size.memory_bytes > MAX_MEMORY_BYTES:
        raise ModelError(
            f"the model is too large to analyse: {size.describe()}, past the limit of "
            f"{_gib(MAX_MEMORY_BYTES)} (hexatable.conflict.size.MAX_MEMORY_BYTES); "
            "fewer options per decision maker or more infeasible states make it smaller"
        )
    return size
