"""The tournament engine: scores from the agreements, streamed statistics against a reference, seeds."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from negmas.sao import AspirationNegotiator, SAONegotiator
from scipy import stats

from hexatable.case import open_case
from hexatable.negotiate.negmas_bridge import HexatableNegotiator
from hexatable.negotiate.space import OutcomeSpace, build_space, enumerate_outcomes, toy_space
from hexatable.negotiate.tournament import (
    AgentError,
    Entrant,
    Standing,
    TournamentResult,
    play,
    run_tournament,
    seat_range,
    wilson,
)

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "my_agent.py"


def hexatable(strategy: str) -> Entrant:
    return Entrant(f"hexatable:{strategy}", lambda: HexatableNegotiator(strategy))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def three_seats() -> OutcomeSpace:
    """Three seats, two issues of three options, opposed but with room for a deal."""
    rng = np.random.default_rng(3)
    return OutcomeSpace(
        seats=("A", "B", "C"),
        issues=("x", "y"),
        options=(("a", "b", "c"), ("d", "e", "f")),
        outcomes=enumerate_outcomes([3, 3]),
        utilities=rng.integers(0, 30, size=(3, 9)).astype(float),
        reservations=np.array([8.0, 5.0, 10.0]),
    )


@pytest.fixture(scope="module")
def six_party() -> OutcomeSpace:
    return build_space(open_case("six-party-talks"), "six-party-2007")


def example_agent() -> Any:
    spec = importlib.util.spec_from_file_location("my_agent", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SteadyConceder


def assert_invariants(space: OutcomeSpace, result: TournamentResult, runs: int) -> None:
    assert len(result.records) == len(result.agents) * len(space.seats)
    for record in result.records:
        assert record.seat is not None and record.runs == runs
        low, high = seat_range(space, space.seat_index(record.seat))
        assert_standing(record, low, high, space.reservations[space.seat_index(record.seat)])
    assert [s.agent for s in result.ranking] == sorted(
        result.agents, key=lambda a: (-next(s for s in result.ranking if s.agent == a).normalised.mean, a)
    )
    for overall in result.ranking:
        assert overall.runs == runs * len(space.seats)
        assert 0.0 <= overall.normalised.mean <= 1.0


def assert_standing(record: Standing, low: float, high: float, reservation: float) -> None:
    for estimate in (record.score, record.gain, record.normalised):
        assert estimate.low is not None and estimate.high is not None
        assert estimate.low <= estimate.mean <= estimate.high
    assert low - 1e-9 <= record.score.mean <= high + 1e-9
    assert record.gain.mean == pytest.approx(record.score.mean - reservation)
    assert record.normalised.mean == pytest.approx((record.score.mean - low) / (high - low))
    rate = record.agreement
    assert 0.0 <= rate.low <= rate.rate <= rate.high <= 1.0
    assert rate.rate == rate.count / rate.runs


def test_wilson_interval_matches_newcombe_1998() -> None:
    """Newcombe (1998), *Two-sided confidence intervals for the single proportion: comparison of seven
    methods*, Statistics in Medicine 17(8), Table II, method 3 (score interval without continuity
    correction)."""
    for count, runs, low, high in [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ]:
        rate = wilson(count, runs)
        assert (round(rate.low, 4), round(rate.high, 4)) == (low, high)


def test_streamed_statistics_equal_a_reference_over_the_runs(three_seats: OutcomeSpace) -> None:
    """Each seat's mean and t interval, from the runs played one by one and summarised with NumPy and
    SciPy's ``t.interval``, equal the tournament's running figures."""
    runs = 12
    agent = Entrant("aspiration", AspirationNegotiator)
    result = run_tournament(three_seats, [agent], runs=runs, seed=5, n_steps=8)
    for row, seat in enumerate(three_seats.seats):
        plays = [play(three_seats, AspirationNegotiator, seat, seed=5, run=r, n_steps=8) for r in range(runs)]
        scores = np.array([p.score for p in plays])
        record = result.record("aspiration", seat)
        assert record.score.mean == pytest.approx(scores.mean())
        if scores.std() > 0:
            low, high = stats.t.interval(0.95, runs - 1, loc=scores.mean(), scale=stats.sem(scores))
            assert (record.score.low, record.score.high) == (pytest.approx(low), pytest.approx(high))
        else:
            assert record.score.low == pytest.approx(record.score.high)
        assert record.agreement.count == sum(p.agreed for p in plays)
        reservation = three_seats.reservations[row]
        for p in plays:
            assert p.agreed or p.score == reservation


def test_a_hardheaded_agent_scores_its_best_or_its_reservation() -> None:
    """A's best outcome (20) leaves B 3 points, above B's reservation of 2: a conceding B gives in."""
    base = toy_space()
    space = OutcomeSpace(
        seats=base.seats,
        issues=base.issues,
        options=base.options,
        outcomes=base.outcomes,
        utilities=np.array([[0.0, 5.0, 10.0, 20.0], [10.0, 5.0, 5.0, 3.0]]),
        reservations=np.array([4.0, 2.0]),
    )
    scores = [
        play(space, lambda: HexatableNegotiator("hardheaded"), "A", seed=1, run=r, opponents="conceder").score
        for r in range(10)
    ]
    assert set(scores) <= {4.0, 20.0} and 20.0 in scores


def test_same_seed_same_result_and_global_generators_untouched(six_party: OutcomeSpace) -> None:
    agents = [Entrant("aspiration", AspirationNegotiator), hexatable("conceder")]
    random.seed(99)
    np.random.seed(99)
    expected = (random.random(), np.random.random())
    random.seed(99)
    np.random.seed(99)
    first = run_tournament(six_party, agents, runs=2, seed=4, n_steps=10)
    assert (random.random(), np.random.random()) == expected
    second = run_tournament(six_party, agents, runs=2, seed=4, n_steps=10)
    assert first == second and first.to_dict() == second.to_dict()


def test_agents_under_different_names_meet_the_same_draws(three_seats: OutcomeSpace) -> None:
    """Runs are seeded by seat and run, not by agent: the same agent twice gets the same records."""
    result = run_tournament(
        three_seats,
        [Entrant("one", AspirationNegotiator), Entrant("two", AspirationNegotiator)],
        runs=4,
        seed=2,
        n_steps=8,
    )
    for seat in three_seats.seats:
        one, two = result.record("one", seat).to_dict(), result.record("two", seat).to_dict()
        assert {**one, "agent": None} == {**two, "agent": None}


def test_the_example_agent_in_a_small_tournament(six_party: OutcomeSpace) -> None:
    """docs/examples/my_agent.py, imported from its file, against hexatable's delegates and NegMAS's."""
    agents = [Entrant("SteadyConceder", example_agent()), hexatable("boulware")]
    result = run_tournament(six_party, agents, runs=2, seed=0, n_steps=12)
    assert_invariants(six_party, result, runs=2)
    data = result.to_dict()
    assert data["agents"] == ["SteadyConceder", "hexatable:boulware"]
    assert [r["rank"] for r in data["ranking"]] == [1, 2]
    assert set(data["results"][0]) == {"agent", "seat", "runs", "score", "gain", "normalised", "agreement"}


def test_invariants_on_a_small_space(three_seats: OutcomeSpace) -> None:
    agents = [Entrant("aspiration", AspirationNegotiator), hexatable("linear"), hexatable("hardheaded")]
    assert_invariants(three_seats, run_tournament(three_seats, agents, runs=6, seed=1, n_steps=6), runs=6)


class Crashing(SAONegotiator):  # type: ignore[misc]
    def propose(self, state: Any, dest: str | None = None) -> Any:
        raise ZeroDivisionError("my bug")


def test_a_crashing_agent_is_named_with_its_seat_and_run() -> None:
    with pytest.raises(AgentError, match=r"agent 'crash' in seat A, run 0: ZeroDivisionError: my bug"):
        run_tournament(toy_space(), [Entrant("crash", Crashing)], runs=1)


def test_a_factory_that_makes_no_negotiator_is_an_agent_error() -> None:
    with pytest.raises(AgentError, match="not a NegMAS SAO negotiator"):
        run_tournament(toy_space(), [Entrant("text", lambda: "hello")], runs=1)


def test_bad_arguments() -> None:
    agent = Entrant("a", AspirationNegotiator)
    with pytest.raises(ValueError, match="no agents"):
        run_tournament(toy_space(), [], runs=1)
    with pytest.raises(ValueError, match="must differ"):
        run_tournament(toy_space(), [agent, agent], runs=1)
    with pytest.raises(ValueError, match="at least 1"):
        run_tournament(toy_space(), [agent], runs=0)
