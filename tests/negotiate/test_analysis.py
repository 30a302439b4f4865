"""The bargaining analysis: fast Pareto frontier against the definition and against NegMAS."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from negmas import nash_points, pareto_frontier, pareto_frontier_bf
from negmas.outcomes import make_issue, make_os
from negmas.preferences import MappingUtilityFunction

from hexatable.case import open_case
from hexatable.negotiate.analysis import (
    Analysis,
    analyse,
    kalai_smorodinsky_index,
    nash_index,
    pareto_mask,
    pareto_mask_brute_force,
    rational_mask,
)
from hexatable.negotiate.space import OutcomeSpace, build_space, enumerate_outcomes


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


@settings(max_examples=200, deadline=None)
@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 4), st.integers(1, 40)), elements=st.integers(0, 6).map(float)
    )
)
def test_fast_frontier_equals_the_definition(utilities: np.ndarray) -> None:
    assert pareto_mask(utilities).tolist() == pareto_mask_brute_force(utilities).tolist()


def space_from(utilities: np.ndarray, reservations: list[float]) -> OutcomeSpace:
    count = utilities.shape[1]
    return OutcomeSpace(
        seats=tuple(f"S{i}" for i in range(utilities.shape[0])),
        issues=("x",),
        options=(tuple(f"o{i}" for i in range(count)),),
        outcomes=enumerate_outcomes([count]),
        utilities=utilities,
        reservations=np.array(reservations),
    )


def test_nash_and_kalai_smorodinsky_by_hand() -> None:
    # Gains over (1, 1): a=(2, 2) product 4; b=(5, 0.5) product 2.5; c=(0, 9) product 0;
    # Kalai–Smorodinsky: ideal gains (5, 9); relative minima a=0.4, b=0.1, c=0.
    space = space_from(np.array([[3.0, 6.0, 1.0], [3.0, 1.5, 10.0]]), [1.0, 1.0])
    assert nash_index(space) == 0
    assert kalai_smorodinsky_index(space) == 0
    assert nash_index(space_from(np.array([[0.0], [0.0]]), [1.0, 1.0])) is None


def negmas_ufuns(analysis: Analysis) -> tuple[list[MappingUtilityFunction], list[tuple[str, ...]]]:
    space = analysis.space
    outcome_space = make_os(
        [make_issue(list(o), name=i) for i, o in zip(space.issues, space.options, strict=True)]
    )
    outcomes = [tuple(space.describe(n).values()) for n in range(space.size)]
    ufuns = [
        MappingUtilityFunction(
            dict(zip(outcomes, space.utilities[s].tolist(), strict=True)),
            outcome_space=outcome_space,
            reserved_value=float(space.reservations[s]),
        )
        for s in range(len(space.seats))
    ]
    return ufuns, outcomes


def test_negmas_rational_frontier_and_nash_point_agree(analysis: Analysis) -> None:
    """NegMAS's ``pareto_frontier`` returns the individually rational part of the frontier."""
    ufuns, outcomes = negmas_ufuns(analysis)
    frontier, indices = pareto_frontier(ufuns, outcomes=outcomes)
    rational = rational_mask(analysis.space)
    ours = {int(i) for i in analysis.frontier if rational[i]}
    assert set(indices) == ours
    nash = nash_points(ufuns, frontier, outcomes=outcomes)
    assert nash, "NegMAS found no Nash point"
    (utilities, position), *_ = nash
    assert analysis.nash is not None
    assert indices[position] == analysis.nash or tuple(utilities) == tuple(
        analysis.space.utilities[:, analysis.nash]
    )


def test_negmas_brute_force_frontier_agrees_on_a_small_space() -> None:
    rng = np.random.default_rng(7)
    utilities = rng.integers(0, 20, size=(4, 300)).astype(float)
    expected = set(np.flatnonzero(pareto_mask(utilities)).tolist())
    found = pareto_frontier_bf(utilities.T.copy())
    assert set(np.asarray(found).tolist()) == expected


def test_the_scenario_is_a_good_exercise(analysis: Analysis) -> None:
    space = analysis.space
    reservations = dict(zip(space.seats, space.reservations, strict=True))
    best = dict(zip(space.seats, space.utilities.max(axis=1), strict=True))
    # The status quo is worth something to the DPRK and little to the ROK.
    assert reservations["PRK"] >= 0.3 * best["PRK"]
    assert reservations["KOR"] <= 0.1 * best["KOR"]
    # The best agreements give every party more than its BATNA.
    assert analysis.nash is not None
    assert np.all(space.utilities[:, analysis.nash] > space.reservations)
    # Most agreements every party accepts leave value on the table.
    assert analysis.dominated_rational_share > 0.5
    # There is no deal without a nuclear step by the DPRK.
    step = space.issues.index("prk-step")
    none = space.options[step].index("none")
    assert not np.any(rational_mask(space) & (space.outcomes[:, step] == none))
