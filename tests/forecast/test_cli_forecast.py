"""``hexatable forecast`` through Typer's test runner: inputs, models, JSON shape, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app
from tests.forecast.ec_emissions import ACTORS, KTAB_CSV

runner = CliRunner()


@pytest.fixture
def ec_csv(tmp_path: Path) -> Path:
    path = tmp_path / "ec.csv"
    path.write_text(KTAB_CSV, encoding="utf-8")
    return path


def run_json(*args: str) -> Any:
    result = runner.invoke(app, ["forecast", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_bdm_on_a_ktab_csv_gives_every_round_and_the_cycle(ec_csv: Path) -> None:
    data = run_json(str(ec_csv), "--model", "bdm", "--rounds", "10")
    result = data["result"]
    assert [r["round"] for r in result["rounds"]] == list(range(11))
    assert result["rounds"][0]["mean"]["Year"] == pytest.approx(7.389956, abs=1e-6)
    assert set(result["rounds"][3]["positions"]) == set(ACTORS)
    assert result["cycle"]["period"] >= 2 and result["cycle"]["exact"] is False
    assert data["monte_carlo"] is None


def test_variants_are_named_in_the_result(ec_csv: Path) -> None:
    data = run_json(str(ec_csv), "--model", "bdm", "--variant", "pair,smallest-move", "--rounds", "2")
    assert data["result"]["variant"] == {"win_probability": "pair", "offer_choice": "smallest-move"}


def test_the_built_in_case_with_an_issue_and_monte_carlo() -> None:
    data = run_json(
        "six-party-talks",
        "--forecast",
        "six-party-2019-02",
        "--issue",
        "relief-before-verification",
        "--model",
        "mean",
        "--monte-carlo",
        "30",
        "--workers",
        "1",
    )
    assert list(data["result"]["forecast"]) == ["relief-before-verification"]
    assert data["result"]["forecast"]["relief-before-verification"] == pytest.approx(48.2, abs=0.05)
    carlo = data["monte_carlo"]
    assert carlo["runs"] == 30 and carlo["influences"]


def test_tables_by_default(ec_csv: Path) -> None:
    result = runner.invoke(app, ["forecast", str(ec_csv), "--model", "smp"])
    assert result.exit_code == 0
    assert "Forecast (the position most likely to prevail" in result.stdout and "converged" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nowhere.csv"], "nowhere.csv: no such file"),
        (["six-party-talks", "--forecast", "nope"], "no forecast inputs 'nope'"),
        (["six-party-talks", "--issue", "nope"], "issue 'nope' is not in forecast inputs"),
    ],
)
def test_user_errors_exit_1_without_traceback(args: list[str], expected: str) -> None:
    result = runner.invoke(app, ["forecast", *args])
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_bad_csv_cell_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(KTAB_CSV.replace("Belgium,,0.08,7,40", "Belgium,,0.08,7,400"), encoding="utf-8")
    result = runner.invoke(app, ["forecast", str(bad)])
    assert result.exit_code == 1
    assert ":4:" in result.stderr and "Belgium: Salience: 400 is outside [0, 100]" in result.stderr


def test_a_variant_for_another_model_is_a_usage_error(ec_csv: Path) -> None:
    result = runner.invoke(app, ["forecast", str(ec_csv), "--model", "smp", "--variant", "pair"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "option", [("--capability-sd", "1e300"), ("--position-sd", "inf"), ("--salience-sd", "nan")]
)
def test_monte_carlo_noise_past_its_bound_is_a_usage_error(option: tuple[str, str]) -> None:
    # Such noise overflowed to inf and NaN forecasts with exit 0 (found by the junk-input tests).
    result = CliRunner().invoke(app, ["forecast", "six-party-talks", "--monte-carlo", "3", *option])
    assert result.exit_code == 2 and option[0] in result.output
