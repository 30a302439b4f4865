"""A venue after 在 ends where a cue starts: the names after 在白宫接待 / 在首都会见 are the received
parties (targets), not more of the venue; a title between the venue and a name (在越南首都河内) keeps
the name a place.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def test_delegations_received_at_a_venue_are_targets(tmp_path: Path) -> None:
    text = "2031年4月3日，美国领导人在白宫接待日本、韩国、中国代表团并举行会谈。\n"
    assert cli_full_rows(tmp_path, text, "zh") == [("2031-04-03", ["USA"], ["JPN", "KOR", "CHN"], 4)]


def test_one_delegation_met_at_a_venue_is_the_target(tmp_path: Path) -> None:
    text = "2031年4月3日，俄罗斯总统在克里姆林宫会见朝鲜代表团。\n"
    assert cli_full_rows(tmp_path, text, "zh") == [("2031-04-03", ["RUS"], ["PRK"], 4)]


def test_a_city_after_a_capital_title_stays_a_place(tmp_path: Path) -> None:
    text = "2031年4月3日，美国领导人在越南首都河内会见日本外长。\n"
    assert cli_full_rows(tmp_path, text, "zh") == [("2031-04-03", ["USA"], ["JPN"], 4)]
