"""Hypothesis strategies for forecast inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from hexatable.forecast.inputs import ForecastInput


@st.composite
def forecast_inputs(
    draw: st.DrawFn, max_actors: int = 7, max_dimensions: int = 2, grid: bool = True
) -> ForecastInput:
    """Small inputs on [0, 100]; positions on a grid of 10 (ties are common) unless ``grid`` is off."""
    n = draw(st.integers(1, max_actors))
    d = draw(st.integers(1, max_dimensions))
    if grid:
        position = draw(st.lists(st.integers(0, 10), min_size=n * d, max_size=n * d))
        positions = np.array(position, dtype=float).reshape(n, d) * 10
    else:
        values = st.floats(0, 100, allow_nan=False, allow_infinity=False)
        positions = np.array(draw(st.lists(values, min_size=n * d, max_size=n * d))).reshape(n, d)
    capability = draw(st.lists(st.integers(1, 20), min_size=n, max_size=n))
    salience = draw(st.lists(st.integers(1, 10), min_size=n * d, max_size=n * d))
    return ForecastInput.build(
        [f"actor-{i}" for i in range(n)],
        np.array(capability, dtype=float),
        positions,
        np.array(salience, dtype=float).reshape(n, d) / 10,
    )


def permuted(data: ForecastInput, order: list[int]) -> ForecastInput:
    """The same actors in another order."""
    return ForecastInput.build(
        [data.actors[i] for i in order],
        data.capability[order],
        data.position[order],
        data.salience[order],
        dimensions=data.dimensions,
        scale=data.scale,
    )
