"""Inputs the forecast models cannot use are refused with a message that says where (issue 14)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app
from hexatable.forecast.inputs import ForecastInput, ForecastInputError
from hexatable.forecast.montecarlo import Perturbation, draw
from tests.forecast.ec_emissions import KTAB_CSV

runner = CliRunner()

TWO_DIMENSIONS = (
    "demo,two issues,3,2,\n"
    "Actor,Description,Power,Tax,Sal,Tax,Sal,\n"
    "A,,10,20,50,30,40,\n"
    "B,,20,60,30,70,50,\n"
    "C,,30,80,40,10,40,\n"
)


def forecast(tmp_path: Path, text: str, *options: str) -> tuple[int, str]:
    path = tmp_path / "input.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["forecast", str(path), *options], terminal_width=200)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, " ".join((result.stdout + result.stderr).split())


def test_duplicate_dimension_names_are_refused_at_the_header(tmp_path: Path) -> None:
    code, output = forecast(tmp_path, TWO_DIMENSIONS, "--model", "mean", "--json")
    assert code != 0
    assert "input.csv:2:" in output and "'Tax' appears twice" in output


def test_duplicate_dimension_names_are_refused_by_the_engine_input() -> None:
    with pytest.raises(ForecastInputError, match="duplicate dimension names: Tax"):
        ForecastInput.build(["A", "B"], [1, 1], [[0, 1], [2, 3]], [[1, 1], [1, 1]], dimensions=["Tax", "Tax"])


@pytest.mark.parametrize("power", ["1e308", "100000001"])
def test_a_capability_above_ktabs_limit_is_refused_not_printed_as_infinity(
    tmp_path: Path, power: str
) -> None:
    text = TWO_DIMENSIONS.replace("Tax,Sal,Tax", "Tax,Sal,Trade").replace("B,,20,", f"B,,{power},")
    code, output = forecast(tmp_path, text, "--model", "smp", "--json")
    assert code != 0
    assert "Infinity" not in output and "inf" not in output.replace("info", "")
    assert "input.csv:4:" in output and "is outside [0, 1e+08]" in output


def test_the_engine_input_refuses_a_capability_above_the_limit() -> None:
    with pytest.raises(ForecastInputError, match="above 1e\\+08"):
        ForecastInput.build(["A", "B"], [1, 2e8], [[0], [2]], [[1], [1]])


def test_an_actor_without_salience_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    text = TWO_DIMENSIONS.replace("Tax,Sal,Tax", "Tax,Sal,Trade").replace(
        "B,,20,60,30,70,50", "B,,20,60,0,70,0"
    )
    code, output = forecast(tmp_path, text, "--model", "smp")
    assert code != 0
    assert "input.csv:4: B: salience: every salience is 0" in output


def test_position_noise_is_relative_to_each_dimensions_range() -> None:
    """EC emissions (positions 4–10 on a 0–100 form): 5 % of the positions' range is 0.3 units,
    not 5 units that sent the forecast to 3.2–12.1."""
    narrow = ForecastInput.build(["A", "B", "C"], [1, 1, 1], [[4, 0], [7, 50], [10, 100]], [[1, 1]] * 3)
    shakes = np.stack([draw(narrow, Perturbation(), 0, run).position for run in range(2000)])
    sd = shakes.std(axis=(0, 1))
    assert sd[0] == pytest.approx(0.05 * 6, rel=0.05)
    assert sd[1] == pytest.approx(0.05 * 100, rel=0.05)


def test_the_ec_monte_carlo_stays_near_the_data(tmp_path: Path) -> None:
    code, output = forecast(
        tmp_path, KTAB_CSV, "--model", "mean", "--monte-carlo", "400", "--workers", "1", "--json"
    )
    assert code == 0, output
    import json

    quantiles = json.loads(output)["monte_carlo"]["dimensions"]["Year"]["quantiles"]
    assert quantiles["0.05"] >= 4 and quantiles["0.95"] <= 10
