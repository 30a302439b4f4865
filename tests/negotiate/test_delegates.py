"""AI delegates: objections by brute force, concession over time, and blindness to other sheets."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest

from hexatable.case import open_case
from hexatable.negotiate.delegates import (
    STRATEGIES,
    ReciprocalDelegate,
    TimeBasedDelegate,
    best_objection,
    make_delegate,
)
from hexatable.negotiate.space import OutcomeSpace, build_space


@pytest.fixture(scope="module")
def space() -> OutcomeSpace:
    return build_space(open_case("six-party-talks"), "six-party-2007")


def test_objection_names_the_issue_whose_change_gains_most(space: OutcomeSpace) -> None:
    utility = space.utility_of("USA")
    table = best_objection(utility, space.radices)
    strides = np.cumprod((1, *space.radices[:0:-1]))[::-1]
    rng = np.random.default_rng(1)
    for outcome in rng.integers(0, space.size, 200):
        row = space.outcomes[outcome]
        gains = []
        for i, radix in enumerate(space.radices):
            alternatives = [outcome + (o - row[i]) * strides[i] for o in range(radix)]
            gains.append(max(utility[a] for a in alternatives) - utility[outcome])
        assert table[outcome] == int(np.argmax(gains))


@pytest.mark.parametrize("strategy", [s for s in STRATEGIES if s not in ("tit-for-tat", "hardheaded")])
def test_aspiration_falls_from_best_to_reservation(space: OutcomeSpace, strategy: str) -> None:
    delegate = TimeBasedDelegate.for_seat(space, "PRK", strategy)  # type: ignore[arg-type]
    levels = [delegate.threshold(t) for t in np.linspace(0, 1, 21)]
    assert levels[0] == pytest.approx(delegate.best)
    assert levels[-1] == pytest.approx(delegate.reservation)
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(levels))


@pytest.mark.parametrize("start", [1.0, 0.9])
def test_hardheaded_never_comes_down_from_its_opening_demand(space: OutcomeSpace, start: float) -> None:
    """The review found "hardheaded" conceding to its reservation value at the deadline."""
    delegate = TimeBasedDelegate.for_seat(space, "PRK", "hardheaded", start)
    demand = delegate.reservation + start * (delegate.best - delegate.reservation)
    assert all(delegate.threshold(t) == pytest.approx(demand) for t in np.linspace(0, 1, 31))


def test_never_supports_a_draft_below_its_reservation(space: OutcomeSpace) -> None:
    delegate = TimeBasedDelegate.for_seat(space, "JPN", "conceder")
    below = np.flatnonzero(delegate.utility < delegate.reservation)
    assert below.size
    assert all(delegate.respond(int(o), 1.0)[0] == "object" for o in below[:300])


def test_decisions_depend_only_on_the_delegates_own_sheet(space: OutcomeSpace) -> None:
    rng = np.random.default_rng(3)
    seat = space.seat_index("PRK")
    others = [i for i in range(len(space.seats)) if i != seat]
    scrambled = space.utilities.copy()
    scrambled[others] = rng.permutation(scrambled[others], axis=1)[::-1]
    reservations = space.reservations.copy()
    reservations[others] = rng.uniform(0, 100, len(others))
    swapped = replace(space, utilities=scrambled, reservations=reservations, _memo={})
    original = TimeBasedDelegate.for_seat(space, "PRK", "linear")
    other = TimeBasedDelegate.for_seat(swapped, "PRK", "linear")
    for outcome in rng.integers(0, space.size, 500):
        t = float(rng.random())
        assert original.respond(int(outcome), t) == other.respond(int(outcome), t)


def test_tit_for_tat_concedes_as_far_as_it_is_conceded_to(space: OutcomeSpace) -> None:
    delegate = make_delegate(space, "USA", "tit-for-tat")
    assert isinstance(delegate, ReciprocalDelegate)
    utility = delegate.utility
    order = np.argsort(utility)
    first, better = int(order[len(order) // 4]), int(order[len(order) // 2])
    boulware = TimeBasedDelegate.for_seat(space, "USA", "boulware")
    delegate.respond(first, 0.1)
    assert delegate.threshold(0.1) == pytest.approx(boulware.threshold(0.1))  # nothing received yet
    delegate.respond(better, 0.1)
    received = utility[better] - utility[first]
    expected = min(boulware.threshold(0.1), delegate.best - received)
    assert delegate.threshold(0.1) == pytest.approx(max(delegate.reservation, expected))
    assert delegate.threshold(1.0) == pytest.approx(delegate.reservation)
    assert make_delegate(space, "USA", "tit-for-tat").seen == []  # a fresh one remembers nothing
