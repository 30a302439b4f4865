"""新方 ("the New Zealand side") names New Zealand only where it is the side: 新 before a noun it
modifies (新方案 a new plan, 新方法 a new method, 新方向 a new direction) names no state.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def test_a_new_plan_is_no_target(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年3月4日，美国提出新方案。\n", "zh")
    assert rows == [("2031-03-04", ["USA"], [], 3)]


def test_a_new_method_and_direction_name_no_state(tmp_path: Path) -> None:
    text = "2031年3月4日，日本提出新方法。2031年3月5日，俄罗斯提出新方向。\n"
    assert [targets for _, _, targets, _ in cli_full_rows(tmp_path, text, "zh")] == [[], []]


def test_the_new_zealand_side_still_acts(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年3月4日，新方表示欢迎。\n", "zh")
    assert [actors for _, actors, _, _ in rows] == [["NZL"]]


def test_innovation_before_fangmian_names_no_state(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年3月4日，日本与韩国同意在技术创新方面深化合作。\n", "zh")
    assert [(actors, targets) for _, actors, targets, _ in rows] == [(["JPN"], ["KOR"])]


def test_a_word_ending_in_xin_before_fang_names_no_state(tmp_path: Path) -> None:
    text = (
        "2031年3月5日，日本与韩国就设备更新方面签署协议。2031年3月6日，日本与韩国在产业革新方面签署协议。\n"
    )
    assert [actors for _, actors, _, _ in cli_full_rows(tmp_path, text, "zh")] == [["JPN"], ["JPN"]]
