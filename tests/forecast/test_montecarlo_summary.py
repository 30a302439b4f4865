"""The streamed Monte Carlo summary against brute force over every run's forecast.

References: NumPy's ``quantile`` (linear interpolation), ``corrcoef`` and ``lstsq`` over the kept
forecasts and the draws made again run by run; the merge formulas are Chan, Golub & LeVeque (1979)
and Pébay (2008) (mc_summary's docstring), checked here against summarising all runs at once.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.forecast.bdm import BdmConfig
from hexatable.forecast.inputs import ForecastInput
from hexatable.forecast.mc_summary import EXACT_RUNS, Moments, Sketch
from hexatable.forecast.models import ModelSpec
from hexatable.forecast.montecarlo import (
    QUANTILES,
    Perturbation,
    batch_chunks,
    draw,
    run_monte_carlo,
)
from tests.forecast.ec_emissions import ec_emissions

SHAKE = Perturbation(position=0.3, salience=0.1, capability=0.3)
SCALE = np.array([[0.0, 100.0], [4.0, 10.0]])


def _reference_influences(
    data: ForecastInput, forecasts: np.ndarray, seed: int
) -> dict[tuple[str, str, str], tuple[float, float]]:
    """(actor, input, dimension) -> (correlation, slope) from every run's draw, by NumPy."""
    shakes = [draw(data, SHAKE, seed, i) for i in range(forecasts.shape[0])]
    found: dict[tuple[str, str, str], tuple[float, float]] = {}
    for k, dim in enumerate(data.dimensions):
        y = forecasts[:, k]
        for i, actor in enumerate(data.actors):
            columns = {
                "position": np.array([s.position[i, k] for s in shakes]),
                "salience": np.array([s.salience[i, k] for s in shakes]),
                "capability": np.array([s.capability[i] for s in shakes]),
            }
            for kind, x in columns.items():
                correlation = np.corrcoef(x, y)[0, 1] if x.std() > 0 and y.std() > 0 else 0.0
                design = np.column_stack([x, np.ones_like(x)])
                slope = np.linalg.lstsq(design, y, rcond=None)[0][0] if x.std() > 0 else 0.0
                found[(actor, kind, dim)] = (correlation, slope)
    return found


@pytest.mark.parametrize(
    ("model", "runs"), [("mean", 300), ("median", 150), ("bdm", 40), ("smp", 30), ("condorcet", 40)]
)
def test_the_summary_agrees_with_brute_force_over_every_run(model: str, runs: int) -> None:
    data = ec_emissions()
    spec = ModelSpec(model=model, bdm=BdmConfig(rounds=4))
    result = run_monte_carlo(data, spec, runs=runs, seed=11, perturbation=SHAKE, keep_runs=True)
    forecasts = result.forecasts
    assert forecasts is not None and forecasts.shape == (runs, 1)
    np.testing.assert_allclose(result.mean, forecasts.mean(axis=0), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(result.sd, forecasts.std(axis=0), rtol=1e-9, atol=1e-12)
    assert result.sketch.exact  # few runs: the quantiles are NumPy's, exactly
    np.testing.assert_array_equal(result.quantiles(QUANTILES), np.quantile(forecasts, QUANTILES, axis=0))
    reference = _reference_influences(data, forecasts, 11)
    assert len(result.influences) == len(reference) == 3 * data.n_actors
    for influence in result.influences:
        correlation, slope = reference[(influence.actor, influence.input, influence.dimension)]
        assert influence.correlation == pytest.approx(correlation, abs=1e-9)
        assert influence.slope == pytest.approx(slope, rel=1e-9, abs=1e-9)
    strengths = [abs(i.correlation) for i in result.influences]
    assert strengths == sorted(strengths, reverse=True)


def test_keeping_the_runs_changes_nothing_else() -> None:
    kept = run_monte_carlo(ec_emissions(), "mean", runs=120, seed=4, perturbation=SHAKE, keep_runs=True)
    streamed = run_monte_carlo(ec_emissions(), "mean", runs=120, seed=4, perturbation=SHAKE, workers=2)
    assert streamed.forecasts is None
    assert streamed.to_json() == kept.to_json()


def test_above_the_exact_limit_quantiles_come_from_the_histogram_within_its_resolution() -> None:
    runs = EXACT_RUNS + 904
    result = run_monte_carlo(ec_emissions(), "mean", runs=runs, seed=2, perturbation=SHAKE, keep_runs=True)
    assert result.forecasts is not None and not result.sketch.exact
    exact = np.quantile(result.forecasts, QUANTILES, axis=0)
    resolution = result.sketch.resolution()
    assert resolution[0] == pytest.approx(6 / 20_000)  # the EC scale 4–10 in 10,000 cells, half a cell
    assert np.all(np.abs(result.quantiles(QUANTILES) - exact) <= resolution + 1e-12)
    described = result.to_json()
    assert described["quantiles_exact"] is False
    (dimension,) = described["dimensions"].values()
    assert dimension["quantile_resolution"] == resolution[0]


def test_the_chunks_depend_on_the_runs_only() -> None:
    for runs in (1, 63, 64, 1000, 16_001, 10**6):
        chunks = batch_chunks(runs)
        assert [r for c in chunks for r in c] == list(range(runs))
        assert 1 <= max(len(c) for c in chunks) <= 250
    with pytest.raises(ValueError, match="at least one run"):
        batch_chunks(0)


def _cuts(draw_: st.DrawFn, n: int) -> list[tuple[int, int]]:
    points = sorted(set(draw_(st.lists(st.integers(0, n), max_size=6))) | {0, n})
    return list(itertools.pairwise(points))


@st.composite
def batches(draw_: st.DrawFn) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    n = draw_(st.integers(1, 40))
    m = draw_(st.integers(1, 3))
    seed = draw_(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    x = rng.normal(draw_(st.floats(-1e3, 1e3)), draw_(st.floats(1e-3, 1e2)), (n, m, 2))
    y = np.column_stack([rng.uniform(0, 100, n), rng.choice([4.0, 7.0, 10.0, 6.5], n)])
    return x, y, _cuts(draw_, n)


@settings(max_examples=150, deadline=None)
@given(batches(), st.integers(0, 50), st.sampled_from([1, 7, 100, 10_000]))
def test_merging_chunk_summaries_in_order_equals_summarising_all_runs(
    batch: tuple[np.ndarray, np.ndarray, list[tuple[int, int]]], limit: int, bins: int
) -> None:
    x, y, cuts = batch
    whole = Moments.of(x, y)
    merged = Moments.empty(x.shape[1], y.shape[1])
    sketch: Sketch | None = None
    for a, b in cuts:
        merged = merged.merge(Moments.of(x[a:b], y[a:b]))
        part = Sketch.of(y[a:b], SCALE, bins=bins, limit=limit)
        sketch = part if sketch is None else sketch.merge(part)
    assert merged.n == whole.n == y.shape[0]
    for name in ("mean_x", "mean_y", "m2_x", "m2_y", "c_xy"):
        ours, theirs = getattr(merged, name), getattr(whole, name)
        np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-9 * (1 + np.abs(theirs).max()))
    np.testing.assert_allclose(merged.correlation(), whole.correlation(), atol=1e-9)
    at_once = Sketch.of(y, SCALE, bins=bins, limit=limit)
    assert sketch is not None and sketch.exact == at_once.exact == (y.shape[0] <= limit)
    if at_once.exact:
        np.testing.assert_array_equal(sketch.values, at_once.values)
    else:  # counts, least and greatest values: exact, whatever the cut
        assert sketch.cells is not None and at_once.cells is not None
        for ours, theirs in zip(sketch.cells, at_once.cells, strict=True):
            for name in ("index", "count", "low", "high"):
                np.testing.assert_array_equal(getattr(ours, name), getattr(theirs, name))
    np.testing.assert_array_equal(sketch.quantiles(QUANTILES), at_once.quantiles(QUANTILES))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.floats(0, 100), min_size=1, max_size=300),
    st.integers(1, 500),
    st.lists(st.floats(0, 1), min_size=1, max_size=5),
)
def test_histogram_quantiles_are_within_half_a_cell_of_the_exact_ones(
    values: list[float], bins: int, q: list[float]
) -> None:
    y = np.array(values)[:, None]
    sketch = Sketch.of(y, SCALE[:1], bins=bins, limit=0)
    exact = np.quantile(y, q, axis=0)
    assert np.all(np.abs(sketch.quantiles(q) - exact) <= 100 / (2 * bins) + 1e-9)
    assert sketch.quantiles([0.0, 1.0])[:, 0].tolist() == [min(values), max(values)]


def test_discrete_forecasts_give_exact_quantiles_from_the_histogram() -> None:
    y = np.repeat([[4.0], [7.0], [7.0], [10.0]], 1000, axis=0)
    sketch = Sketch.of(y, SCALE[1:], bins=3, limit=0)
    np.testing.assert_array_equal(sketch.quantiles(QUANTILES), np.quantile(y, QUANTILES, axis=0))


def test_a_forecast_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        Sketch.of(np.array([[1.0], [np.nan]]), SCALE[:1])
