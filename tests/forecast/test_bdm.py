from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.forecast.bdm import BdmConfig, perceptions, recurrence, run_bdm
from hexatable.forecast.inputs import ForecastInput
from tests.forecast.ec_emissions import ec_emissions
from tests.forecast.strategies import forecast_inputs, permuted

VARIANTS = [
    BdmConfig(win_probability=w, offer_choice=o, rounds=4)
    for w, o in itertools.product(("pair", "triples"), ("smallest-move", "ranking"))
]


def reference_perceptions(
    x: list[float], c: list[float], s: list[float], method: str
) -> tuple[list[float], list[list[float]], list[list[float]]]:
    """Scholz, Calbert & Smith (2011) written out with loops, Q = 1: risk exponents, E^i(U_ij), E^i(U_ji)."""
    n = len(x)
    spread = max(x) - min(x)

    def d(a: float, b: float) -> float:
        return abs(a - b) / spread

    def probability(i: int, j: int, r: list[float]) -> float:
        if x[i] == x[j]:
            return 0.0

        def vote(k: int, a: int, b: int) -> float:
            if method == "pair":
                return c[k] * s[k] * (d(x[k], x[b]) - d(x[k], x[a]))
            return c[k] * s[k] * (d(x[k], x[b]) ** r[k] - d(x[k], x[a]) ** r[k])

        favour = sum(max(0.0, vote(k, i, j)) for k in range(n))
        if method == "pair":
            total = sum(abs(vote(k, i, j)) for k in range(n))
        else:
            total = sum(abs(vote(k, a, b)) for k in range(n) for a in range(n) for b in range(n))
        return favour / total if total else 0.0

    def eu(i: int, j: int, observer_r: float, r: list[float]) -> float:
        """Expected utility of i challenging j, seen with exponent observer_r."""
        if x[i] == x[j]:
            return 0.0
        p = probability(i, j, r)
        us = 2 - 4 * (0.5 - 0.5 * d(x[i], x[j])) ** observer_r
        uf = 2 - 4 * (0.5 + 0.5 * d(x[i], x[j])) ** observer_r
        usq = 2 - 4 * 0.5**observer_r
        return s[j] * (p * us + (1 - p) * uf) + (1 - s[j]) * us - usq

    ones = [1.0] * n
    security = [sum(eu(j, i, 1.0, ones) for j in range(n) if j != i) for i in range(n)]
    high, low = max(security), min(security)
    big_r = [(2 * sec - high - low) / (high - low) if high > low else 0.0 for sec in security]
    r = [(1 - b / 3) / (1 + b / 3) for b in big_r]
    own = [[eu(i, j, r[i], r) if i != j else 0.0 for j in range(n)] for i in range(n)]
    other = [[eu(j, i, r[i], r) if i != j else 0.0 for j in range(n)] for i in range(n)]
    return r, own, other


@pytest.mark.parametrize("method", ["pair", "triples"])
@settings(max_examples=40, deadline=None)
@given(data=forecast_inputs(max_actors=6, max_dimensions=1, grid=False))
def test_perceptions_match_the_definitions(method: str, data: ForecastInput) -> None:
    x = data.position[:, 0]
    if np.ptp(x) == 0:
        return
    config = BdmConfig(win_probability=method)  # type: ignore[arg-type]
    seen = perceptions(x, data.capability, data.salience[:, 0], float(np.ptp(x)), config)
    r, own, other = reference_perceptions(
        x.tolist(), data.capability.tolist(), data.salience[:, 0].tolist(), method
    )
    np.testing.assert_allclose(seen.risk, r, atol=1e-9)
    np.testing.assert_allclose(seen.eu_own, own, atol=1e-9)
    np.testing.assert_allclose(seen.eu_other, other, atol=1e-9)


def test_the_ec_case_in_perceptions_matches_the_definitions() -> None:
    data = ec_emissions()
    seen = perceptions(data.position[:, 0], data.capability, data.salience[:, 0], 6.0, BdmConfig())
    _, own, _ = reference_perceptions(
        data.position[:, 0].tolist(), data.capability.tolist(), data.salience[:, 0].tolist(), "triples"
    )
    np.testing.assert_allclose(seen.eu_own, own, atol=1e-12)
    assert seen.risk.min() >= 0.5 and seen.risk.max() <= 2.0


@pytest.mark.parametrize("config", VARIANTS, ids=lambda c: "-".join(c.variant().values()))
@settings(max_examples=30, deadline=None)
@given(data=forecast_inputs(max_actors=6), seed=st.integers(0, 1000), factor=st.floats(0.01, 100))
def test_runs_ignore_actor_order_and_capability_scale(
    config: BdmConfig, data: ForecastInput, seed: int, factor: float
) -> None:
    order = list(np.random.default_rng(seed).permutation(data.n_actors))
    base = run_bdm(data, config)
    shuffled = run_bdm(permuted(data, order), config)
    np.testing.assert_allclose(shuffled.positions, base.positions[:, order], atol=1e-7)
    np.testing.assert_allclose(shuffled.mean, base.mean, atol=1e-7)
    rescaled = run_bdm(data.replace(capability=data.capability * factor), config)
    np.testing.assert_allclose(rescaled.positions, base.positions, atol=1e-7)


@pytest.mark.parametrize("config", VARIANTS, ids=lambda c: "-".join(c.variant().values()))
@settings(max_examples=30, deadline=None)
@given(data=forecast_inputs(max_actors=6, max_dimensions=1), a=st.floats(0.1, 10), b=st.floats(-50, 50))
def test_runs_follow_a_positive_affine_change_of_scale(
    config: BdmConfig, data: ForecastInput, a: float, b: float
) -> None:
    moved = ForecastInput.build(
        data.actors, data.capability, data.position * a + b, data.salience, scale=data.scale * a + b
    )
    np.testing.assert_allclose(
        run_bdm(moved, config).positions, run_bdm(data, config).positions * a + b, atol=1e-6
    )


@pytest.mark.parametrize("config", VARIANTS, ids=lambda c: "-".join(c.variant().values()))
def test_a_unanimous_set_stays_put(config: BdmConfig) -> None:
    data = ForecastInput.build(["A", "B", "C"], [3, 1, 2], [[40], [40], [40]], [[0.9], [0.2], [0.5]])
    result = run_bdm(data, config)
    assert result.forecast.tolist() == [40]
    assert result.stop_reason == "converged"
    assert result.n_rounds == 1


def test_the_variants_differ_on_the_ec_case() -> None:
    means = {tuple(c.variant().values()): run_bdm(ec_emissions(), c).mean[:, 0] for c in VARIANTS}
    assert len({tuple(np.round(m, 6)) for m in means.values()}) == len(VARIANTS)


def test_an_exact_cycle_stops_the_run() -> None:
    """Two equal actors at the ends of the scale with full salience confront each other and swap."""
    data = ForecastInput.build(["A", "B"], [1, 1], [[0], [100]], [[1], [1]])
    result = run_bdm(data, BdmConfig(rounds=10))
    if result.stop_reason == "cycle":
        assert result.cycle is not None and result.cycle.exact
        np.testing.assert_array_equal(
            result.positions[result.cycle.start], result.positions[result.cycle.end]
        )
    else:
        assert result.stop_reason == "converged"


def test_recurrence_needs_a_moving_series() -> None:
    flat = np.array([[1.0]] * 6)
    assert recurrence(flat, np.array([0.1])) is None
    zigzag = np.array([[0.0], [1.0], [2.0], [0.0], [1.0], [2.0]])
    cycle = recurrence(zigzag, np.array([0.01]))
    assert cycle is not None and cycle.period == 3


def test_the_json_has_every_round() -> None:
    payload = run_bdm(ec_emissions(), BdmConfig(rounds=3)).to_json()
    assert [r["round"] for r in payload["rounds"]] == [0, 1, 2, 3]
    assert set(payload["rounds"][1]["positions"]) == set(ec_emissions().actors)
    assert payload["variant"] == {"win_probability": "triples", "offer_choice": "ranking"}


@pytest.mark.parametrize("model", ["bdm", "smp"])
def test_progress_is_reported_once_per_round(model: str) -> None:
    from hexatable.forecast.models import run_model

    calls: list[int] = []
    result = run_model(ec_emissions(), model, progress=calls.append)
    assert len(calls) == result.n_rounds > 0
