"""The CP-SAT solver: brute force on tiny roadmaps, hand-worked gating cases, infeasibility, properties."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.sequence.reference import brute_force_optimum
from tests.sequence.strategies import EXACT_SCALE, tiny_roadmaps

from hexatable.sequence import (
    Action,
    Capacity,
    Deadline,
    Gating,
    Party,
    Precedence,
    Roadmap,
    violations,
)
from hexatable.sequence.solver import SolverOptions, solve

EXACT = SolverOptions(scale=EXACT_SCALE, workers=1, seed=0, time_limit=20.0)


def optimum(roadmap: Roadmap) -> float | None:
    solution = solve(roadmap, EXACT)
    if solution.status == "infeasible":
        return None
    assert solution.status == "optimal"
    assert solution.evaluation is not None
    assert solution.evaluation.feasible
    return solution.evaluation.worst_excess


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_roadmaps())
def test_the_optimum_equals_the_best_enumerated_schedule(roadmap: Roadmap) -> None:
    expected = brute_force_optimum(roadmap)
    found = optimum(roadmap)
    if expected is None:
        assert found is None
    else:
        assert found == pytest.approx(expected, abs=1e-9)


def disarm_for_reward(*, gated: bool, delay: int) -> Roadmap:
    """A disables (cost 1, worth 3 to B), B rewards (cost 1, worth 3 to A); A's shirking is noticed
    one phase late, B's at once; two phases; no discounting, nothing reversible."""
    return Roadmap(
        parties=(Party("A", detection_lag=1), Party("B")),
        actions=(
            Action("disable", "A", 1, {"A": -1.0, "B": 3.0}, verification_delay=delay),
            Action("reward", "B", 1, {"A": 3.0, "B": -1.0}),
        ),
        phases=2,
        constraints=(Gating("disable", "reward"),) if gated else (),
    )


def test_without_gating_every_schedule_tempts_someone() -> None:
    # By hand, the four schedules (disable in phase d, reward in phase w):
    #   d=0,w=0: A stops at 0 and still gets the reward during its lag: 3 - (3 - 1) = 1.
    #   d=0,w=1: B, at phase 1, has the disablement and only its cost to come: 0 - (-1) = 1.
    #   d=1,w=0: A at phase 1 has the reward and only its cost to come: 0 - (-1) = 1.
    #   d=1,w=1: A stops at 1 and still gets the reward during its lag: 3 - (3 - 1) = 1.
    assert optimum(disarm_for_reward(gated=False, delay=0)) == 1.0


def test_gating_with_prompt_verification_removes_the_temptation() -> None:
    # Gated with verification in the same phase, the reward is held the moment the disablement
    # is missing, so A gains nothing by stopping: exchanging both in phase 0 tempts nobody
    # (A: 0 - (3 - 1) = -2; B: 0 - (3 - 1) = -2; after the end: 0).
    solution = solve(disarm_for_reward(gated=True, delay=0), EXACT)
    assert solution.status == "optimal"
    assert solution.evaluation is not None
    assert solution.evaluation.worst_excess == 0.0
    assert solution.evaluation.schedule.tolist() == [[1, 0], [1, 0]]


def test_gating_with_slow_verification_forces_the_order_but_not_the_optimum() -> None:
    # With a one-phase verification delay the reward must wait for phase 1 (the only gated
    # schedule is d=0, w=1), where B is tempted by its saved cost: still 1, as without gating.
    solution = solve(disarm_for_reward(gated=True, delay=1), EXACT)
    assert solution.evaluation is not None
    assert solution.evaluation.schedule.tolist() == [[1, 0], [0, 1]]
    assert solution.evaluation.worst_excess == 1.0
    assert (solution.evaluation.worst_party, solution.evaluation.worst_phase) == ("B", 1)


def test_a_gap_free_status_and_the_fewest_phases() -> None:
    # Two symmetric exchanges over five phases: doing everything in phase 0 is optimal (worst 0,
    # the end point) and uses one phase.
    roadmap = dataclasses.replace(disarm_for_reward(gated=False, delay=0), phases=5)
    roadmap = dataclasses.replace(roadmap, parties=(Party("A"), Party("B")))
    solution = solve(roadmap, EXACT)
    assert solution.status == "optimal"
    assert solution.gap == 0.0
    assert solution.evaluation is not None
    assert solution.evaluation.phases_used == 1


def test_alternative_optimal_schedules_are_distinct_and_as_good() -> None:
    roadmap = Roadmap(
        parties=(Party("A"), Party("B")),
        actions=(Action("a", "A", 1, {"A": -1.0, "B": 1.0}), Action("b", "B", 1, {"A": 1.0, "B": -1.0})),
        phases=2,
    )
    options = dataclasses.replace(EXACT, minimise_phases=False, alternatives=10)
    solution = solve(roadmap, options)
    assert solution.evaluation is not None
    schedules = [solution.evaluation.schedule.tolist()] + [a.schedule.tolist() for a in solution.alternatives]
    # By hand: both in phase 0 or both in phase 1 tempt nobody (worst 0, the end point); one
    # before the other tempts the second mover by its cost 1. So exactly two optimal schedules.
    assert sorted(schedules) == [[[0, 1], [0, 1]], [[1, 0], [1, 0]]]
    assert all(a.worst_excess == solution.evaluation.worst_excess for a in solution.alternatives)


def test_an_infeasible_roadmap_names_the_conflicting_constraints() -> None:
    # The reward must be complete within the first phase, but may not start before the
    # disablement is verified one phase later. The capacity on the other action is not involved.
    roadmap = Roadmap(
        parties=(Party("A"), Party("B")),
        actions=(
            Action("disable", "A", 1, verification_delay=1),
            Action("reward", "B", 1),
            Action("talk", "B", 2),
        ),
        phases=3,
        constraints=(Gating("disable", "reward"), Deadline("reward", 1), Capacity(("talk",), 1)),
    )
    solution = solve(roadmap, EXACT)
    assert solution.status == "infeasible"
    assert solution.evaluation is None
    assert solution.conflict == (
        "complete reward",
        "deadline reward within 1 phases",
        "gating disable -> reward",
    )


def test_no_self_enforcing_schedule_for_a_gift() -> None:
    # A gives B something at a cost of 2 and gets nothing back: stopping at phase 0 saves 2.
    roadmap = Roadmap(
        parties=(Party("A", tolerance=1.0), Party("B")),
        actions=(Action("gift", "A", 1, {"A": -2.0, "B": 5.0}),),
        phases=2,
    )
    assert optimum(roadmap) == 1.0  # 2 above A's tolerance of 1
    solution = solve(roadmap, dataclasses.replace(EXACT, require_self_enforcing=True))
    assert solution.status == "infeasible"
    assert solution.conflict == ("complete gift", "tolerance of A")


def test_a_bond_makes_the_gift_self_enforcing() -> None:
    roadmap = Roadmap(
        parties=(Party("A", tolerance=2.0), Party("B")),
        actions=(Action("gift", "A", 1, {"A": -2.0, "B": 5.0}),),
        phases=2,
    )
    solution = solve(roadmap, dataclasses.replace(EXACT, require_self_enforcing=True))
    assert solution.status == "optimal"
    assert solution.evaluation is not None and solution.evaluation.self_enforcing


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_roadmaps(), st.data())
def test_raising_a_tolerance_never_worsens_the_optimum(roadmap: Roadmap, data: st.DataObject) -> None:
    q = data.draw(st.integers(0, len(roadmap.parties) - 1))
    raise_by = data.draw(st.integers(1, 3))
    parties = list(roadmap.parties)
    parties[q] = dataclasses.replace(parties[q], tolerance=parties[q].tolerance + raise_by)
    before = optimum(roadmap)
    after = optimum(dataclasses.replace(roadmap, parties=tuple(parties)))
    if before is None:
        assert after is None
    else:
        assert after is not None and after <= before + 1e-9


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_roadmaps(), st.data())
def test_adding_a_precedence_never_improves_the_optimum(roadmap: Roadmap, data: st.DataObject) -> None:
    ids = roadmap.action_ids
    if len(ids) < 2:
        return
    before_id, after_id = data.draw(st.permutations(ids))[:2]
    constrained = dataclasses.replace(
        roadmap, constraints=(*roadmap.constraints, Precedence(before_id, after_id))
    )
    before = optimum(roadmap)
    after = optimum(constrained)
    if before is None:
        assert after is None
    elif after is not None:
        assert after >= before - 1e-9


def test_the_same_seed_gives_the_same_schedule() -> None:
    roadmap = disarm_for_reward(gated=False, delay=0)
    first = solve(roadmap, EXACT)
    second = solve(roadmap, EXACT)
    assert first.evaluation is not None and second.evaluation is not None
    assert first.evaluation.schedule.tolist() == second.evaluation.schedule.tolist()
    assert violations(roadmap, first.evaluation.schedule) == []


def test_values_too_large_for_the_solver_s_integers_are_refused() -> None:
    # 1e300 a tranche, scaled by 1000: far beyond CP-SAT's 64-bit integers, which used to wrap silently
    # when the coefficients were cast.
    roadmap = Roadmap(
        parties=(Party("A"), Party("B")),
        actions=(Action("give", "A", 2, {"A": -1.0, "B": 1e300}), Action("pay", "B", 1, {"A": 1.0})),
        phases=2,
    )
    with pytest.raises(ValueError, match="beyond the solver's integers"):
        solve(roadmap, EXACT)
