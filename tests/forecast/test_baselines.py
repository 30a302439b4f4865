from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.forecast.baselines import BASELINES, baseline, weights
from hexatable.forecast.inputs import ForecastInput
from tests.forecast.strategies import forecast_inputs, permuted


def brute_force_condorcet(x: list[float], w: list[float]) -> float:
    """Straight from the definition: the lowest actor position no other position out-votes."""
    winners = []
    for a in x:
        beaten = False
        for b in x:
            votes = sum(wk * (abs(xk - b) - abs(xk - a)) for xk, wk in zip(x, w, strict=True))
            if votes < -1e-9:
                beaten = True
        if not beaten:
            winners.append(a)
    return min(winners)


def brute_force_median(x: list[float], w: list[float]) -> float:
    """The smallest position with at least half the weight at or below it."""
    total = sum(w)
    return min(a for a in x if sum(wk for xk, wk in zip(x, w, strict=True) if xk <= a) >= total / 2 - 1e-12)


@settings(max_examples=100, deadline=None)
@given(forecast_inputs())
def test_condorcet_winner_and_median_match_brute_force(data: ForecastInput) -> None:
    w = weights(data)
    for k in range(data.n_dimensions):
        x, wk = data.position[:, k].tolist(), w[:, k].tolist()
        assert baseline(data, "condorcet").forecast[k] == brute_force_condorcet(x, wk)
        assert baseline(data, "median").forecast[k] == brute_force_median(x, wk)


@settings(max_examples=60, deadline=None)
@given(forecast_inputs(), st.randoms(use_true_random=False), st.floats(0.01, 100))
def test_baselines_ignore_actor_order_and_capability_scale(
    data: ForecastInput, rng: object, factor: float
) -> None:
    order = list(range(data.n_actors))
    rng.shuffle(order)  # type: ignore[attr-defined]
    rescaled = data.replace(capability=data.capability * factor)
    for model in BASELINES:
        expected = baseline(data, model).forecast
        np.testing.assert_allclose(baseline(permuted(data, order), model).forecast, expected, atol=1e-9)
        np.testing.assert_allclose(baseline(rescaled, model).forecast, expected, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(forecast_inputs(), st.floats(0.1, 10), st.floats(-50, 50))
def test_baselines_follow_an_affine_change_of_scale(data: ForecastInput, a: float, b: float) -> None:
    moved = ForecastInput.build(
        data.actors,
        data.capability,
        data.position * a + b,
        data.salience,
        scale=data.scale * a + b,
    )
    for model in BASELINES:
        np.testing.assert_allclose(
            baseline(moved, model).forecast, baseline(data, model).forecast * a + b, atol=1e-7
        )


def test_a_unanimous_set_forecasts_its_common_position() -> None:
    data = ForecastInput.build(["A", "B", "C"], [1, 5, 2], [[30], [30], [30]], [[0.2], [1], [0.5]])
    for model in BASELINES:
        assert baseline(data, model).forecast.tolist() == [30]


def test_the_mean_is_weighted_by_capability_times_salience() -> None:
    data = ForecastInput.build(["A", "B"], [1, 1], [[0], [100]], [[0.25], [0.75]])
    assert baseline(data, "mean").forecast.tolist() == [75]
