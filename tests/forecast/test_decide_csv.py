"""Import of decide (exchange model) input files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.case.problems import CaseError
from hexatable.cli.app import app
from hexatable.forecast.baselines import baseline
from hexatable.forecast.decide_csv import looks_like_decide, parse_decide_csv
from tests.forecast.ec_emissions import ACTORS, CAPABILITY, POSITION, SALIENCE

# The EC table written as a decide file (tab-separated, values in single quotes, as decide's examples).
EC_DECIDE = (
    "".join(f"'#A'\t'{a}'\t'{a}'\t''\n" for a in ACTORS)
    + "'#P'\t'year'\t'year'\t''\n'#M'\t'year'\t4\n'#M'\t'year'\t10\n"
    + "".join(
        f"'#D'\t'{a}'\t'year'\t{x}\t{s / 100}\t{c}\t\n"
        for a, c, x, s in zip(ACTORS, CAPABILITY, POSITION, SALIENCE, strict=True)
    )
)


def test_the_ec_table_as_a_decide_file_gives_the_published_baselines() -> None:
    """Bueno de Mesquita (1994, p. 78): weighted mean 7.389956, median voter 7."""
    assert looks_like_decide(EC_DECIDE)
    data = parse_decide_csv(EC_DECIDE, "ec.tsv")
    assert data.actors == ACTORS
    assert data.scale.tolist() == [[4, 10]]
    assert baseline(data, "mean").forecast[0] == pytest.approx(7.389956, abs=1e-6)
    assert baseline(data, "condorcet").forecast[0] == 7


SEMICOLONS = """#A;USA;United States
#A;CHN;China
#P;relief;sanctions relief
#P;sequencing;
#D;USA;relief;10;0.9;0.5
#D;CHN;relief;60;0.5;0.3
#D;USA;sequencing;95;0.8;0.5
"""


def test_a_missing_stand_means_no_salience_at_the_middle() -> None:
    data = parse_decide_csv(SEMICOLONS, "x.csv")
    assert data.dimensions == ("relief", "sequencing")
    assert data.position.tolist() == [[10, 95], [60, 50]]
    assert data.salience.tolist() == [[0.9, 0.8], [0.5, 0.0]]
    assert data.capability.tolist() == [0.5, 0.3]


def test_power_that_differs_between_issues_asks_for_one_issue() -> None:
    text = SEMICOLONS.replace("#D;USA;sequencing;95;0.8;0.5", "#D;USA;sequencing;95;0.8;0.7")
    with pytest.raises(CaseError) as caught:
        parse_decide_csv(text, "x.csv")
    assert str(caught.value.problems[0]).startswith("x.csv:7:")
    assert "forecast one issue at a time" in str(caught.value.problems[0])
    assert parse_decide_csv(text, "x.csv", issue="sequencing").capability.tolist() == [0.7, 0.0]


def test_every_bad_row_is_located() -> None:
    text = (
        SEMICOLONS.replace("#D;CHN;relief;60;0.5;0.3", "#D;CHN;relief;sixty;1.5;0.3")
        + "#X;what\n#D;JPN;trade;1;1;1\n"
    )
    with pytest.raises(CaseError) as caught:
        parse_decide_csv(text, "x.csv")
    found = [str(p) for p in caught.value.problems]
    assert "x.csv:6:15: CHN on relief: position: 'sixty' is not a number" in found
    assert "x.csv:6:21: CHN on relief: salience: 1.5 is outside [0, 1]" in found
    assert any(p.startswith("x.csv:8:1: row type:") for p in found)
    assert "x.csv:9:4: actor: 'JPN' has no #A row" in found
    assert "x.csv:9:8: issue: 'trade' has no #P row" in found


def test_the_cli_reads_a_decide_file(tmp_path: Path) -> None:
    path = tmp_path / "ec.tsv"
    path.write_text(EC_DECIDE, encoding="utf-8")
    result = CliRunner().invoke(app, ["forecast", str(path), "--model", "median"])
    assert result.exit_code == 0, result.stderr
    assert "Forecast (the weighted median): year 7.00" in result.stdout
