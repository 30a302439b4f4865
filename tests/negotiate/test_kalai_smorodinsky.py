"""The Kalai–Smorodinsky solution the debrief shows, against its definition evaluated outcome by outcome.

Kalai & Smorodinsky (1975), *Other solutions to Nash's bargaining problem*, Econometrica 43(3): among
the individually rational outcomes, the one where the smallest gain as a share of that seat's ideal gain
(its best gain among rational outcomes) is largest. Ties go to the larger total gain, then the lower
index, as :func:`kalai_smorodinsky_index` documents.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from hexatable.negotiate.analysis import kalai_smorodinsky_index, pareto_mask_brute_force
from hexatable.negotiate.space import OutcomeSpace, enumerate_outcomes


def space_from(utilities: np.ndarray, reservations: np.ndarray) -> OutcomeSpace:
    count = utilities.shape[1]
    return OutcomeSpace(
        seats=tuple(f"S{i}" for i in range(utilities.shape[0])),
        issues=("x",),
        options=(tuple(f"o{i}" for i in range(count)),),
        outcomes=enumerate_outcomes([count]),
        utilities=utilities,
        reservations=reservations,
    )


def brute_force(utilities: list[list[float]], reservations: list[float]) -> int | None:
    """The definition, one outcome and one seat at a time."""
    seats, count = len(utilities), len(utilities[0])
    gains = [[utilities[s][n] - reservations[s] for n in range(count)] for s in range(seats)]
    rational = [n for n in range(count) if all(gains[s][n] >= 0 for s in range(seats))]
    if not rational:
        return None
    ideal = []
    for s in range(seats):
        best = max(gains[s][n] for n in rational)
        ideal.append(best if best > 0 else 1.0)  # a seat that can gain nothing counts every share as 0
    best_key: tuple[float, float, int] | None = None
    chosen = None
    for n in rational:
        share = min(gains[s][n] / ideal[s] for s in range(seats))
        total = sum(gains[s][n] for s in range(seats))
        key = (share, total, -n)
        if best_key is None or key > best_key:
            best_key, chosen = key, n
    return chosen


@settings(max_examples=300, deadline=None)
@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 4), st.integers(1, 12)), elements=st.integers(0, 8).map(float)
    ),
    st.data(),
)
def test_the_solution_is_the_definition(utilities: np.ndarray, data: st.DataObject) -> None:
    reservations = np.array(
        data.draw(st.lists(st.integers(0, 6).map(float), min_size=len(utilities), max_size=len(utilities)))
    )
    found = kalai_smorodinsky_index(space_from(utilities, reservations))
    assert found == brute_force(utilities.tolist(), reservations.tolist())


@settings(max_examples=200, deadline=None)
@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 4), st.integers(1, 12)), elements=st.integers(0, 8).map(float)
    )
)
def test_a_unique_best_share_is_pareto_optimal(utilities: np.ndarray) -> None:
    """An outcome that dominates another has at least its share, so a unique best share is undominated."""
    reservations = np.zeros(len(utilities))
    found = kalai_smorodinsky_index(space_from(utilities, reservations))
    assert found is not None  # every gain is at least zero here
    ideal = np.where(utilities.max(axis=1) > 0, utilities.max(axis=1), 1.0)
    shares = (utilities / ideal[:, None]).min(axis=0)
    if (shares == shares[found]).sum() == 1:
        assert pareto_mask_brute_force(utilities)[found]
