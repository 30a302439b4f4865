"""Bargaining analysis of an outcome space: Pareto frontier, Nash and Kalai–Smorodinsky points.

All points are computed on *gains over the reservation value* (BATNA), the standard disagreement
point of Nash (1950) and Kalai & Smorodinsky (1975). Only individually rational outcomes (every
gain at least zero) can be bargaining solutions.

- :func:`pareto_mask` — outcomes no other outcome weakly improves for all and strictly for one.
- :func:`nash_index` — the individually rational outcome maximising the product of gains
  (Nash 1950, *The Bargaining Problem*, Econometrica 18(2)).
- :func:`kalai_smorodinsky_index` — the individually rational outcome maximising the smallest gain
  as a share of that seat's best possible gain (Kalai & Smorodinsky 1975, Econometrica 43(3)).

>>> from hexatable.negotiate.space import toy_space
>>> space = toy_space()
>>> pareto_mask(space.utilities).tolist()
[True, False, True, True]
>>> nash_index(space)  # gains (6, 3) beat (1, 3); (16, -2) is not rational for B
2
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from hexatable.negotiate.space import FloatArray, IntArray, OutcomeSpace

BoolArray = npt.NDArray[np.bool_]


def pareto_mask(utilities: FloatArray) -> BoolArray:
    """Which outcomes (columns of ``utilities``, one row per seat) are Pareto optimal.

    Candidates are visited by decreasing total utility: an outcome can only be dominated by one
    with a strictly larger total, and if it is dominated at all it is dominated by a frontier
    outcome already found. So each candidate is compared with the frontier so far only, in a
    compiled loop (:func:`~hexatable.negotiate.belief_kernels.pareto_in_order`: the six-party space's
    20,736 outcomes take milliseconds instead of a second of NumPy calls, one per candidate).
    """
    from hexatable.negotiate.beliefs import compiled  # Numba loads on first use only

    points = np.ascontiguousarray(utilities.T, dtype=np.float64)
    order = np.lexsort((np.arange(points.shape[0]), -points.sum(axis=1))).astype(np.int64)
    keep: BoolArray = compiled().pareto_in_order(points, order)
    return keep


def pareto_mask_brute_force(utilities: FloatArray) -> BoolArray:
    """The definition, pair by pair (quadratic): the reference for tests on small spaces."""
    points = utilities.T
    keep = np.ones(points.shape[0], dtype=bool)
    for i, p in enumerate(points):
        for q in points:
            if np.all(q >= p) and np.any(q > p):
                keep[i] = False
                break
    return keep


def gains(space: OutcomeSpace) -> FloatArray:
    """``(seats, outcomes)`` utility over each seat's reservation value."""
    return space.utilities - space.reservations[:, None]


def rational_mask(space: OutcomeSpace) -> BoolArray:
    """Outcomes every seat prefers (weakly) to no agreement."""
    return np.asarray(np.all(gains(space) >= 0, axis=0))


def nash_index(space: OutcomeSpace) -> int | None:
    """The outcome maximising the product of gains over BATNA, or ``None`` if none is rational.

    Ties go to the outcome with the larger total gain, then the lower index.
    """
    g = gains(space)
    rational = np.all(g >= 0, axis=0)
    if not rational.any():
        return None
    product = np.where(rational, np.prod(np.clip(g, 0, None), axis=0), -1.0)
    total = g.sum(axis=0)
    return int(np.lexsort((np.arange(space.size), -total, -product))[0])


def kalai_smorodinsky_index(space: OutcomeSpace) -> int | None:
    """The rational outcome maximising the smallest gain relative to each seat's ideal gain."""
    g = gains(space)
    rational = np.all(g >= 0, axis=0)
    if not rational.any():
        return None
    ideal = np.where(rational, g, -np.inf).max(axis=1)
    ideal = np.where(ideal > 0, ideal, 1.0)
    relative = np.where(rational, (g / ideal[:, None]).min(axis=0), -np.inf)
    total = g.sum(axis=0)
    return int(np.lexsort((np.arange(space.size), -total, -relative))[0])


def normalised(space: OutcomeSpace) -> FloatArray:
    """Utilities scaled to [0, 1] per seat (its worst outcome 0, its best 1)."""
    low = space.utilities.min(axis=1, keepdims=True)
    high = space.utilities.max(axis=1, keepdims=True)
    return np.asarray((space.utilities - low) / np.where(high > low, high - low, 1.0), dtype=np.float64)


@dataclass(frozen=True, eq=False)
class Analysis:
    """The bargaining landscape of a scenario, computed once and shared by every run.

    Attributes
    ----------
    frontier
        Indices of the Pareto-optimal outcomes.
    nash, kalai_smorodinsky
        Indices of the two bargaining solutions (``None`` if no outcome is rational).
    rational_share
        Share of outcomes every seat prefers to no agreement.
    dominated_rational_share
        Share of those rational outcomes that are Pareto-dominated: agreements that leave value on
        the table.
    """

    space: OutcomeSpace
    frontier: IntArray
    nash: int | None
    kalai_smorodinsky: int | None
    rational_share: float
    dominated_rational_share: float

    def distance_to_frontier(self, index: int) -> float:
        """Euclidean distance, in per-seat normalised utility, to the nearest Pareto outcome (memoised
        per outcome: a batch scores the same few agreements thousands of times)."""

        def compute() -> float:
            scaled = self.space.memo(("normalised",), lambda: normalised(self.space))
            frontier = scaled[:, self.frontier]
            return float(np.sqrt(((frontier - scaled[:, [index]]) ** 2).sum(axis=0)).min())

        return self.space.memo(("distance_to_frontier", index), compute)

    def nash_product(self, index: int) -> float:
        """Product of gains over BATNA (zero when a seat gains nothing or loses)."""
        return self.space.memo(
            ("nash_product", index), lambda: float(np.prod(np.clip(gains(self.space)[:, index], 0, None)))
        )


def analyse(space: OutcomeSpace) -> Analysis:
    """Frontier, bargaining solutions and how much value easy agreements leave on the table."""
    pareto = pareto_mask(space.utilities)
    rational = rational_mask(space)
    rational_count = int(rational.sum())
    dominated = int((rational & ~pareto).sum())
    return Analysis(
        space=space,
        frontier=np.flatnonzero(pareto),
        nash=nash_index(space),
        kalai_smorodinsky=kalai_smorodinsky_index(space),
        rational_share=rational_count / space.size,
        dominated_rational_share=dominated / rational_count if rational_count else 0.0,
    )
