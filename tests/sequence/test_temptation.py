"""The temptation map and the feasibility check against the definitions and hand-worked cases."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.sequence.reference import all_schedules, reference_feasible, reference_temptation
from tests.sequence.strategies import tiny_roadmaps

from hexatable.sequence import (
    Action,
    Bundle,
    Capacity,
    Deadline,
    Gating,
    Party,
    Precedence,
    Roadmap,
    evaluate,
    temptation,
    violations,
)


def exchange(*, lag_a: int = 0, reversible: float = 0.0, discount: float = 1.0) -> Roadmap:
    """A pays 5 to give B 10; B pays 5 to give A 10; one tranche each."""
    return Roadmap(
        parties=(Party("A", discount=discount, detection_lag=lag_a), Party("B", discount=discount)),
        actions=(
            Action("pay", "A", 1, {"A": -5.0, "B": 10.0}, reversibility=reversible),
            Action("ship", "B", 1, {"A": 10.0, "B": -5.0}, reversibility=reversible),
        ),
        phases=2,
    )


def test_the_second_mover_is_tempted_by_its_saved_cost() -> None:
    # A pays in phase 0, B ships in phase 1. At the start of phase 1 B has what it wanted; keeping
    # to the schedule costs it 5 and brings nothing more: temptation +5. A, at the same point, only
    # has B's shipment to come: -10. After the last phase nothing is left to gain: 0.
    tau = temptation(exchange(), [[1, 0], [0, 1]])
    assert tau.tolist() == [[-5.0, -10.0, 0.0], [-5.0, 5.0, 0.0]]


def test_a_detection_lag_lets_a_party_collect_without_paying() -> None:
    # Simultaneous exchange in phase 0; A's shirking goes unnoticed for one phase, so stopping at
    # phase 0 still brings B's shipment (10) and saves A's cost: 10 - (10 - 5) = +5.
    tau = temptation(exchange(lag_a=1), [[1, 0], [1, 0]])
    assert tau[0].tolist() == [5.0, 0.0, 0.0]
    assert tau[1].tolist() == [-5.0, 0.0, 0.0]


def test_reversible_steps_are_taken_back_after_the_schedule_ends() -> None:
    # Half of each step can be taken back. After the last phase A can recover half its cost (2.5)
    # and loses half of B's shipment when B retaliates (5): 2.5 - 5 = -2.5.
    tau = temptation(exchange(reversible=0.5), [[1, 0], [1, 0]])
    assert tau[:, 2].tolist() == [-2.5, -2.5]


def test_discounting_lowers_the_value_of_continuing() -> None:
    # A pays in phase 0, B ships in phase 1, discount 1/2: at phase 0 A's continuation is
    # -5 + 0.5 * 10 = 0, so its temptation is 0 (not -5 as without discounting).
    tau = temptation(exchange(discount=0.5), [[1, 0], [0, 1]])
    assert tau[0, 0] == 0.0


@settings(max_examples=60, deadline=None)
@given(tiny_roadmaps(), st.data())
def test_temptation_equals_the_definition(roadmap: Roadmap, data: st.DataObject) -> None:
    schedules = list(all_schedules(roadmap))
    schedule = data.draw(st.sampled_from(schedules))
    expected = np.array(reference_temptation(roadmap, schedule))
    np.testing.assert_allclose(temptation(roadmap, np.array(schedule)), expected, atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(tiny_roadmaps(), st.data())
def test_violations_agree_with_the_definition(roadmap: Roadmap, data: st.DataObject) -> None:
    schedule = data.draw(st.sampled_from(list(all_schedules(roadmap))))
    assert (violations(roadmap, np.array(schedule)) == []) == reference_feasible(roadmap, schedule)


def roadmap_with(*constraints: object) -> Roadmap:
    return Roadmap(
        parties=(Party("A"), Party("B")),
        actions=(
            Action("disable", "A", 2, verification_delay=1),
            Action("fuel", "B", 2),
            Action("delist", "B", 1),
        ),
        phases=3,
        constraints=tuple(constraints),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("constraint", "schedule", "message"),
    [
        (
            Precedence("disable", "delist"),
            [[1, 1, 0], [2, 0, 0], [0, 1, 0]],
            "precedence disable -> delist (phase 1)",
        ),
        (Gating("disable", "fuel"), [[1, 1, 0], [0, 2, 0], [0, 0, 1]], "gating disable -> fuel (phase 1)"),
        (Bundle(("disable", "fuel")), [[1, 1, 0], [2, 0, 0], [0, 0, 1]], "bundle disable + fuel (phase 0)"),
        (
            Capacity(("fuel", "delist"), 2),
            [[2, 0, 0], [2, 0, 0], [1, 0, 0]],
            "capacity 2 per phase of fuel + delist (phase 0)",
        ),
        (
            Deadline("delist", 2),
            [[2, 0, 0], [2, 0, 0], [0, 0, 1]],
            "deadline delist within 2 phases (phase 1)",
        ),
    ],
)
def test_each_broken_constraint_is_named(constraint: object, schedule: list[list[int]], message: str) -> None:
    assert violations(roadmap_with(constraint), np.array(schedule)) == [message]


def test_an_incomplete_schedule_is_still_scored() -> None:
    result = evaluate(roadmap_with(), np.array([[1, 0, 0], [2, 0, 0], [0, 0, 0]]))
    assert result.violations == ("complete disable", "complete delist")
    assert result.temptation.shape == (2, 4)


def test_a_schedule_with_more_tranches_than_the_action_is_refused() -> None:
    # "fuel" has 2 tranches; 3 by phase 1 is no schedule of the roadmap (it used to be scored).
    with pytest.raises(ValueError, match="action 'fuel': 3 tranches delivered by phase 1, but it has only 2"):
        evaluate(roadmap_with(), np.array([[2, 0, 0], [1, 2, 0], [1, 0, 0]]))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phases": 201}, "phases 201 is not in 1..200"),
        ({"actions": ()}, "a roadmap needs at least one action"),
    ],
)
def test_the_engine_bounds_phases_and_actions(change: dict[str, object], message: str) -> None:
    # Past 200 phases the temptation tensor (parties x phases^2 x actions) would not fit in memory.
    with pytest.raises(ValueError, match=message.replace(".", r"\.")):
        dataclasses.replace(roadmap_with(), **change)  # type: ignore[arg-type]


def test_the_engine_bounds_the_tranches_of_an_action() -> None:
    # CP-SAT works on 64-bit integers: scaled values times tranches must stay inside them.
    with pytest.raises(ValueError, match=r"action 'x': tranches 1000001 is not in 1\.\.1000000"):
        Action("x", "A", 1_000_001)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Party("A", tolerance=float("nan")), "party 'A': tolerance nan is not a finite number"),
        (lambda: Party("A", tolerance=float("inf")), "party 'A': tolerance inf is not a finite number"),
        (
            lambda: Party("A", detection_lag=10**20),
            "party 'A': detection_lag 100000000000000000000 is not in",
        ),
        (lambda: Action("x", "A", 1, {"B": float("inf")}), "action 'x': value inf to 'B' is not a finite"),
        (lambda: Action("x", "A", 1, verification_delay=10_001), "action 'x': verification_delay is not in"),
    ],
)
def test_the_engine_refuses_what_its_arrays_cannot_hold(build: object, message: str) -> None:
    # A nan tolerance or value made every comparison false (a NaN score, "self-enforcing" by default);
    # a 20-digit lag overflowed NumPy's integers.
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]
