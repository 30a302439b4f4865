from __future__ import annotations

import numpy as np
import pytest

from hexatable.forecast.bdm import BdmConfig
from hexatable.forecast.inputs import ForecastInput
from hexatable.forecast.models import MODELS, ModelSpec
from hexatable.forecast.montecarlo import Perturbation, run_monte_carlo
from tests.forecast.ec_emissions import ec_emissions

SHAKE = Perturbation(position=0.5, salience=0.1, capability=0.2)


def test_results_do_not_depend_on_the_number_of_workers() -> None:
    spec = ModelSpec(model="bdm", bdm=BdmConfig(rounds=3))
    one = run_monte_carlo(
        ec_emissions(), spec, runs=24, seed=7, perturbation=SHAKE, workers=1, keep_runs=True
    )
    two = run_monte_carlo(
        ec_emissions(), spec, runs=24, seed=7, perturbation=SHAKE, workers=2, keep_runs=True
    )
    np.testing.assert_array_equal(one.forecasts, two.forecasts)
    assert one.to_json() == two.to_json()


def test_the_seed_decides_the_draws() -> None:
    a = run_monte_carlo(ec_emissions(), "mean", runs=50, seed=1, perturbation=SHAKE, keep_runs=True)
    b = run_monte_carlo(ec_emissions(), "mean", runs=50, seed=1, perturbation=SHAKE, keep_runs=True)
    c = run_monte_carlo(ec_emissions(), "mean", runs=50, seed=2, perturbation=SHAKE, keep_runs=True)
    np.testing.assert_array_equal(a.forecasts, b.forecasts)
    assert not np.array_equal(a.forecasts, c.forecasts)


@pytest.mark.parametrize("model", MODELS)
def test_without_perturbation_every_run_gives_the_unperturbed_forecast(model: str) -> None:
    still = Perturbation(position=0.0, salience=0.0, capability=0.0)
    spec = ModelSpec(model=model, bdm=BdmConfig(rounds=3))
    result = run_monte_carlo(ec_emissions(), spec, runs=5, perturbation=still, keep_runs=True)
    np.testing.assert_allclose(result.forecasts, np.tile(result.baseline, (5, 1)))


def test_the_vectorised_baselines_agree_with_one_run_at_a_time() -> None:
    from hexatable.forecast.models import run_model
    from hexatable.forecast.montecarlo import draw, perturbed

    result = run_monte_carlo(ec_emissions(), "mean", runs=10, seed=3, perturbation=SHAKE, keep_runs=True)
    for i in range(10):
        one = run_model(perturbed(ec_emissions(), draw(ec_emissions(), SHAKE, 3, i)), "mean").forecast
        np.testing.assert_allclose(result.forecasts[i], one)


def test_the_input_that_decides_the_forecast_ranks_first() -> None:
    """A dictator's position moves the weighted mean one for one; nothing else matters much."""
    data = ForecastInput.build(["big", "a", "b"], [100, 1, 1], [[50], [10], [90]], [[1], [1], [1]])
    shake = Perturbation(position=0.025, salience=0.0, capability=0.0)  # 2 units of the range 10–90
    result = run_monte_carlo(data, "mean", runs=300, perturbation=shake)
    top = result.influences[0]
    assert (top.actor, top.input) == ("big", "position")
    assert top.slope == pytest.approx(100 / 102, abs=0.01)
    assert result.to_json()["dimensions"]["dimension-1"]["quantiles"]["0.5"] == pytest.approx(50, abs=0.5)
