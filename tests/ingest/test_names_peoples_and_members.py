"""A state's name before 族 or 裔 names a people (the Greek or Turkish community of an island, an
ethnic group), not the state; an organisation's name before (非)常任理事国 or 理事国 still names the
body (安理会理事国一致谴责… is the Council acting).

The sentences are written for these tests; each expected list is worked out by hand from the rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from tests.ingest.fakes import cli_full_rows


def _actors(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.actor for m in gazetteer.find(text, "zh")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("岛上希腊族代表与土耳其族代表昨日再次会面。", []),
        ("塞浦路斯土耳其族领导人发表讲话。", ["CYP"]),
        ("一位韩国裔学者和一位日本裔作家出席论坛。", []),
        ("希腊和土耳其外长昨日会谈。", ["GRC", "TUR"]),
    ],
)
def test_state_before_zu_or_yi_names_a_people(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert _actors(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("安理会理事国一致谴责朝鲜进行核试验。", ["UNSC", "PRK"]),
        ("安理会常任理事国和德国与伊朗达成协议。", ["UNSC", "DEU", "IRN"]),
        ("安理会一致通过决议。", ["UNSC"]),
    ],
)
def test_body_before_council_members_still_names_the_body(
    gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert _actors(gazetteer, text) == expected


def test_council_members_condemning_a_state_is_an_event(tmp_path: Path) -> None:
    text = "2031年3月2日，安理会理事国一致谴责朝鲜进行核试验。\n"
    rows = [(actors, targets, cameo) for _, actors, targets, cameo in cli_full_rows(tmp_path, text, "zh")]
    assert rows == [(["UNSC"], ["PRK"], 11)]
