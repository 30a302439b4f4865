"""``hexatable forecast --model smp`` shows how likely the forecast is and what comes second.

Figures are KTAB's on its example ``SOE-Pol-Comp`` (``tests/forecast/ktab/README.md``): MOF's position
prevails with 0.2330, XJ's and LK's with 0.2299, a near tie 13 units apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app

runner = CliRunner()
SOE = Path(__file__).parent / "ktab" / "SOE-Pol-Comp.csv"


def test_the_table_shows_the_probability_and_the_runner_up() -> None:
    result = runner.invoke(app, ["forecast", str(SOE), "--model", "smp"], terminal_width=200)
    assert result.exit_code == 0, result.stderr
    assert "Probability it prevails: 0.233 (held by MOF, SHX, HLJ)" in result.stdout
    assert "Runner-up: Policy Position 43.18, Competitive Position 43.30, probability 0.230" in result.stdout
    assert "held by XJ, LK" in result.stdout


def test_the_json_carries_the_probability_and_the_runner_up() -> None:
    result = runner.invoke(app, ["forecast", str(SOE), "--model", "smp", "--json"])
    assert result.exit_code == 0, result.stderr
    details = json.loads(result.stdout)["result"]["details"]
    assert details["forecast_probability"] == pytest.approx(0.2330, abs=5.1e-5)
    assert details["runner_up_probability"] == pytest.approx(0.2299, abs=5.1e-5)
    assert details["runner_up"] == pytest.approx([43.2, 43.3], abs=0.051)
    assert details["forecast_actors"] == ["MOF", "SHX", "HLJ"]
    assert details["runner_up_actors"] == ["XJ", "LK"]
