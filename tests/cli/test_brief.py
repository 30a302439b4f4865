"""``hexatable brief`` shows one seat its own brief and sheet; the briefs agree with the sheets."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from hexatable.case import open_case
from hexatable.cli.app import app

runner = CliRunner()
SCENARIO = open_case("six-party-talks").scenario_index["six-party-2007"]


@pytest.mark.parametrize("sheet", SCENARIO.sheets, ids=lambda s: s.seat)
def test_every_brief_states_its_own_reservation_value_in_both_languages(sheet: object) -> None:
    from hexatable.case import ScoreSheet

    assert isinstance(sheet, ScoreSheet) and sheet.brief is not None
    for lang in ("en", "zh"):
        text = sheet.brief[lang]
        assert re.search(rf"(?<![\d.]){sheet.reservation:g}(?![\d.])", text), (sheet.seat, lang)
    words = len(sheet.brief["en"].split())
    assert 350 <= words <= 800, f"{sheet.seat}: {words} words is not a ten-minute read"


def test_a_seat_sees_only_its_own_sheet() -> None:
    result = runner.invoke(
        app, ["brief", "six-party-talks", "--scenario", "six-party-2007", "--seat", "JPN", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    japan = next(s for s in SCENARIO.sheets if s.seat == "JPN")
    assert data["seat"] == "JPN" and data["reservation"] == japan.reservation
    assert data["points"] == japan.points
    assert set(data) == {"scenario", "seat", "brief", "reservation", "points", "interactions"}


def test_brief_table_in_chinese_and_errors() -> None:
    result = runner.invoke(
        app, ["brief", "six-party-talks", "--scenario", "six-party-2007", "--seat", "JPN", "--lang", "zh"]
    )
    assert result.exit_code == 0 and "保留值" in result.stdout and "重新调查" in result.stdout
    missing = runner.invoke(
        app, ["brief", "six-party-talks", "--scenario", "six-party-2007", "--seat", "FRA"]
    )
    assert missing.exit_code == 2 and "'FRA' holds no seat in 'six-party-2007'" in missing.stderr
