"""The NegMAS bridge: NegMAS's ufuns are our arrays, its analysis is ours, our delegate plays in NegMAS."""

from __future__ import annotations

import random
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from negmas import nash_points, pareto_frontier
from negmas.outcomes import make_issue, make_os
from negmas.preferences import LinearAdditiveUtilityFunction
from negmas.sao import AspirationNegotiator, ResponseType, SAOMechanism

from hexatable.case import open_case
from hexatable.negotiate.analysis import analyse, rational_mask
from hexatable.negotiate.delegates import make_delegate
from hexatable.negotiate.negmas_bridge import (
    HexatableNegotiator,
    TableUtilityFunction,
    negmas_scenario,
    outcome_index,
    outcome_tuples,
    space_from_negmas,
)
from hexatable.negotiate.space import OutcomeSpace, build_space, enumerate_outcomes


@pytest.fixture(scope="module")
def six_party() -> OutcomeSpace:
    return build_space(open_case("six-party-talks"), "six-party-2007")


@st.composite
def small_spaces(draw: st.DrawFn) -> OutcomeSpace:
    """2-4 seats, 1-3 issues of 2-4 options, integer utilities (ties and interactions of any shape)."""
    radices = draw(st.lists(st.integers(2, 4), min_size=1, max_size=3))
    seats = draw(st.integers(2, 4))
    size = int(np.prod(radices))
    values = draw(st.lists(st.integers(-5, 20), min_size=seats * size, max_size=seats * size))
    reservations = draw(st.lists(st.integers(-2, 10), min_size=seats, max_size=seats))
    return OutcomeSpace(
        seats=tuple(f"S{s}" for s in range(seats)),
        issues=tuple(f"i{k}" for k in range(len(radices))),
        options=tuple(tuple(f"o{k}-{j}" for j in range(r)) for k, r in enumerate(radices)),
        outcomes=enumerate_outcomes(radices),
        utilities=np.array(values, dtype=float).reshape(seats, size),
        reservations=np.array(reservations, dtype=float),
    )


def assert_ufuns_are_our_arrays(space: OutcomeSpace) -> None:
    """Over NegMAS's own enumeration of its outcome space, each ufun gives our utility of that outcome
    (located by :meth:`OutcomeSpace.index_of`, not by the bridge's index)."""
    scenario = negmas_scenario(space)
    negmas_outcomes = list(scenario.outcome_space.enumerate())
    assert len(negmas_outcomes) == space.size == scenario.outcome_space.cardinality
    rows = [space.index_of(dict(zip(space.issues, o, strict=True))) for o in negmas_outcomes]
    assert sorted(rows) == list(range(space.size))
    for seat, ufun in enumerate(scenario.ufuns):
        found = np.array([ufun(o) for o in negmas_outcomes])
        assert found.tolist() == space.utilities[seat, rows].tolist()
        assert ufun.reserved_value == space.reservations[seat] == ufun(None)


@settings(max_examples=60, deadline=None)
@given(small_spaces())
def test_negmas_ufuns_equal_our_arrays_on_small_spaces(space: OutcomeSpace) -> None:
    assert_ufuns_are_our_arrays(space)


def test_negmas_ufuns_equal_our_arrays_on_six_party_2007(six_party: OutcomeSpace) -> None:
    assert six_party.size == 20_736
    assert_ufuns_are_our_arrays(six_party)


def test_outcome_index_inverts_outcome_tuples(six_party: OutcomeSpace) -> None:
    index = outcome_index(six_party)
    for n in (0, 1, 777, six_party.size - 1):
        outcome = outcome_tuples(six_party)[n]
        assert index[outcome] == n
        assert dict(zip(six_party.issues, outcome, strict=True)) == six_party.describe(n)


def assert_negmas_analysis_agrees(space: OutcomeSpace, *, same_outcomes: bool) -> None:
    """NegMAS's ``pareto_frontier`` is the rational part of our frontier; its Nash point is ours.

    NegMAS keeps one outcome per utility vector on the frontier and we keep every one: with ties
    (``same_outcomes=False``) the frontiers are compared as sets of utility vectors. NegMAS returns
    every point of maximal Nash product; ours (ties broken by total gain) must be among them.
    """
    analysis = analyse(space)
    ufuns = list(negmas_scenario(space).ufuns)
    outcomes = list(outcome_tuples(space))
    frontier, indices = pareto_frontier(ufuns, outcomes=outcomes)
    rational = rational_mask(space)
    ours = [int(i) for i in analysis.frontier if rational[i]]
    if same_outcomes:
        assert set(indices) == set(ours)
    else:
        vectors = {tuple(space.utilities[:, i]) for i in ours}
        assert {tuple(space.utilities[:, i]) for i in indices} == vectors
    nash = nash_points(ufuns, frontier, outcomes=outcomes)
    if analysis.nash is None:
        assert not nash
        return
    assert tuple(space.utilities[:, analysis.nash]) in {tuple(utilities) for utilities, _ in nash}


def test_negmas_frontier_and_nash_point_on_six_party_2007(six_party: OutcomeSpace) -> None:
    assert_negmas_analysis_agrees(six_party, same_outcomes=True)


@settings(max_examples=60, deadline=None)
@given(small_spaces())
def test_negmas_frontier_and_nash_point_on_small_spaces(space: OutcomeSpace) -> None:
    # NegMAS measures gains from max(reserved value, the ufun's minimum), and declares every frontier
    # point a Nash point when a ufun is constant; we measure from the reservation value. They agree
    # when every reservation is within its seat's range and no seat is indifferent.
    low, high = space.utilities.min(axis=1), space.utilities.max(axis=1)
    assume(bool(np.all(space.reservations >= low) and np.all(high > low)))
    assert_negmas_analysis_agrees(space, same_outcomes=False)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["boulware", "linear", "conceder", "hardheaded", "tit-for-tat"]),
    st.lists(st.tuples(st.integers(0, 20_735), st.floats(0.0, 1.0)), min_size=1, max_size=6),
    st.sampled_from(["PRK", "USA", "KOR"]),
)
def test_the_negotiator_answers_as_its_delegate(
    six_party: OutcomeSpace, strategy: str, offers: list[tuple[int, float]], seat: str
) -> None:
    """Fed the same offers, the NegMAS negotiator and a fresh delegate accept the same ones."""
    negotiator = HexatableNegotiator(strategy, ufun=TableUtilityFunction(six_party, seat))  # type: ignore[arg-type]
    delegate = make_delegate(six_party, seat, strategy)  # type: ignore[arg-type]
    outcomes = outcome_tuples(six_party)
    for n, t in offers:
        state = SimpleNamespace(current_offer=outcomes[n], relative_time=t)
        answer = negotiator.respond(state, source="other")
        delegate.observe(n)
        expected = ResponseType.ACCEPT_OFFER if delegate.accepts(n, t) else ResponseType.REJECT_OFFER
        assert answer == expected


@settings(max_examples=50, deadline=None)
@given(st.floats(0.0, 1.0), st.sampled_from(["boulware", "conceder"]), st.integers(0, 2**31))
def test_the_negotiator_offers_at_its_aspiration(
    six_party: OutcomeSpace, t: float, strategy: str, seed: int
) -> None:
    negotiator = HexatableNegotiator(strategy, seed=seed, ufun=TableUtilityFunction(six_party, "CHN"))  # type: ignore[arg-type]
    offer = negotiator.propose(SimpleNamespace(relative_time=t, current_offer=None))
    delegate = make_delegate(six_party, "CHN", strategy)  # type: ignore[arg-type]
    assert (
        six_party.utilities[six_party.seat_index("CHN"), outcome_index(six_party)[offer]]
        >= delegate.threshold(t) - 1e-9
    )


def test_the_negotiator_plays_a_foreign_negmas_problem() -> None:
    """On a NegMAS problem of its own (integer issues, a linear ufun), it enumerates the outcomes,
    never agrees below its reserved value and reaches a deal with NegMAS's aspiration agent."""
    random.seed(0)  # NegMAS draws random ufuns from the global generators: the same problem every time
    np.random.seed(0)
    issues = [make_issue(5, "price"), make_issue(["red", "green", "blue"], "colour")]
    outcome_space = make_os(issues)
    mine = LinearAdditiveUtilityFunction.random(outcome_space, reserved_value=0.3, normalized=True)
    theirs = LinearAdditiveUtilityFunction.random(outcome_space, reserved_value=0.0, normalized=True)
    space = space_from_negmas(outcome_space, mine)
    assert space.size == 15 and space.options[1] == ("red", "green", "blue")
    for n in range(space.size):
        price, colour = space.outcomes[n]
        assert space.utilities[0, n] == pytest.approx(mine((int(price), ("red", "green", "blue")[colour])))
    mechanism = SAOMechanism(outcome_space=outcome_space, n_steps=50)
    mechanism.add(HexatableNegotiator("linear", seed=1), ufun=mine)
    mechanism.add(AspirationNegotiator(), ufun=theirs)
    mechanism.run()
    agreement = mechanism.state.agreement
    assert agreement is not None
    assert mine(agreement) >= 0.3 - 1e-9


@pytest.mark.parametrize("seed", [5, 13, 36, 44, 45, 49])
def test_with_nothing_worth_its_reserved_value_it_makes_no_offer(seed: int) -> None:
    """Random NegMAS ufuns whose best outcome is below the reserved value 0.3: the delegate once offered
    its best anyway, and the other side accepted a deal worse than no deal. Now it makes no offer."""
    random.seed(seed)
    np.random.seed(seed)
    outcome_space = make_os([make_issue(5, "price"), make_issue(["red", "green", "blue"], "colour")])
    mine = LinearAdditiveUtilityFunction.random(outcome_space, reserved_value=0.3, normalized=True)
    theirs = LinearAdditiveUtilityFunction.random(outcome_space, reserved_value=0.0, normalized=True)
    assert max(mine(o) for o in outcome_space.enumerate_or_sample()) < 0.3
    mechanism = SAOMechanism(outcome_space=outcome_space, n_steps=50)
    mechanism.add(HexatableNegotiator("linear", seed=1), ufun=mine)
    mechanism.add(AspirationNegotiator(), ufun=theirs)
    mechanism.run()
    assert mechanism.state.agreement is None
