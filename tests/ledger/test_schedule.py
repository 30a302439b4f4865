"""The schedule the ledger realised for a roadmap, and ``hexatable roadmap --evaluate ledger``.

The toy roadmap (``data/toy/roadmap.yaml``) dates its ``historical`` schedule by half-year: 2007-H1,
2007-H2, 2008. Worked by hand from the toy ledger (see ``test_queries.py``):

- r-shutdown (1 tranche, no quantity): by 2007-06-30 only s1 (minimal, 1/3 of 1 tranche rounds to 0);
  by 2007-12-31 s2 complete: 1 tranche, in 2007-H2.
- r-kor-fuel and r-chn-fuel share ``fuel`` (100 t over 2 + 2 tranches: 25 t a tranche): KOR's 40 t (f1)
  make 1 tranche and CHN's 30 t (f2, 2007-08) 1 tranche, both in 2007-H2.
- r-declare (3 tranches): d1 complete on 2008-06-26: 3 tranches in 2008.
- r-talk: ``talk`` has no ledger entry: unrecorded.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.case import load_case
from hexatable.cli.app import app
from hexatable.ledger import LedgerQueryError, realised_schedule

TOY = Path(__file__).parent / "data" / "toy"
runner = CliRunner()


def test_the_realised_schedule() -> None:
    case = load_case(TOY)
    realised = realised_schedule(case, case.roadmaps[0])
    assert realised.grid == "historical"
    assert [dict(p.tranches) for p in realised.phases] == [
        {},
        {"r-shutdown": 1, "r-kor-fuel": 1, "r-chn-fuel": 1},
        {"r-declare": 3},
    ]
    assert [str(p.date) for p in realised.phases] == ["2007-01/2007-06", "2007-07/2007-12", "2008"]
    assert realised.unrecorded == ("r-talk",)


def test_a_named_grid_must_be_dated() -> None:
    case = load_case(TOY)
    with pytest.raises(LedgerQueryError) as caught:
        realised_schedule(case, case.roadmaps[0], grid="agreed")
    assert str(caught.value) == "roadmap 'deal' has no dated schedule 'agreed'"


def test_the_cli_scores_the_ledger_as_it_scores_the_same_schedule_in_a_file(tmp_path: Path) -> None:
    ledger = runner.invoke(app, ["roadmap", str(TOY), "--evaluate", "ledger", "--json"])
    assert ledger.exit_code == 0, ledger.output
    same = tmp_path / "same.yaml"
    same.write_text(
        "phases:\n  - tranches: {}\n  - tranches: {r-shutdown: 1, r-kor-fuel: 1, r-chn-fuel: 1}\n"
        "  - tranches: {r-declare: 3}\n",
        encoding="utf-8",
    )
    written = runner.invoke(app, ["roadmap", str(TOY), "--evaluate", str(same), "--json"])
    assert written.exit_code == 0, written.output
    from_ledger, from_file = json.loads(ledger.stdout), json.loads(written.stdout)
    assert from_ledger["realised"]["unrecorded"] == ["r-talk"]
    for key in ("tranches", "temptation", "excess", "worst_excess", "worst_party", "violations"):
        assert from_ledger[key] == from_file[key], key


def test_the_cli_table_names_the_half_years_and_the_unrecorded_action() -> None:
    result = runner.invoke(app, ["roadmap", str(TOY), "--evaluate", "ledger"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "2007-H2" in result.stdout
    assert "not in the ledger (no tranche counted): r-talk" in result.stdout


def test_a_roadmap_without_a_dated_schedule_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "toy"
    shutil.copytree(TOY, folder)
    roadmap = folder / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    for date in ("date: 2007-01/2007-06, ", "date: 2007-07/2007-12, ", 'date: "2008", '):
        text = text.replace(date, "")
    roadmap.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["roadmap", str(folder), "--evaluate", "ledger"], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert "Invalid value for --evaluate" in result.stderr
    assert "has no schedule with a date on every phase" in " ".join(result.stderr.split())
