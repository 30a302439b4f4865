"""A score sheet's numbers are finite and bounded: NaN, infinities or 1e308 would otherwise flow through
every sum and comparison of a negotiation and come out as exit 0 with meaningless scores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.case import CaseError, load_case
from hexatable.case.builtin import case_folder
from hexatable.cli.app import app

SCENARIO = "scenario-six-party-2007.yaml"


@pytest.mark.parametrize(
    ("line", "replacement", "field"),
    [
        ("    reservation: 96\n", "    reservation: .nan\n", "reservation"),
        ("    reservation: 96\n", "    reservation: -.inf\n", "reservation"),
        ("        freeze: 72\n", "        freeze: 1e308\n", "points.prk-step.freeze"),
    ],
)
def test_a_score_that_is_not_a_finite_bounded_number_is_refused(
    tmp_path: Path, line: str, replacement: str, field: str
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(case_folder("six-party-talks"), folder)
    sheet = folder / SCENARIO
    text = sheet.read_text(encoding="utf-8")
    assert line in text
    sheet.write_text(text.replace(line, replacement, 1), encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load_case(folder)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{sheet}:") and field in str(problem)
    result = CliRunner().invoke(app, ["brief", str(folder), "--scenario", "six-party-2007", "--seat", "PRK"])
    assert result.exit_code != 0 and "Traceback" not in result.output
