from __future__ import annotations

import pytest

from hexatable.forecast.inputs import ForecastInput, ForecastInputError


def test_a_position_outside_the_scale_names_the_cell() -> None:
    with pytest.raises(ForecastInputError) as caught:
        ForecastInput.build(["A", "B"], [1, 1], [[0], [120]], [[1], [1]])
    assert caught.value.field == "position[1, 0]"


def test_salience_must_be_a_fraction() -> None:
    with pytest.raises(ForecastInputError, match=r"salience\[0, 0\]"):
        ForecastInput.build(["A"], [1], [[0]], [[60]])


def test_duplicate_actors_and_zero_capability_are_refused() -> None:
    with pytest.raises(ForecastInputError, match="duplicate"):
        ForecastInput.build(["A", "A"], [1, 1], [[0], [1]], [[1], [1]])
    with pytest.raises(ForecastInputError, match="positive capability"):
        ForecastInput.build(["A", "B"], [0, 0], [[0], [1]], [[1], [1]])


def test_one_dimension_of_a_two_dimensional_input() -> None:
    data = ForecastInput.build(["A", "B"], [1, 2], [[0, 10], [5, 20]], [[0.5, 0.5], [1, 0]])
    second = data.dimension(1)
    assert second.dimensions == ("dimension-2",)
    assert second.position[:, 0].tolist() == [10, 20]
    assert second.salience[:, 0].tolist() == [0.5, 0]
