"""The parties of a question (是否, 能否, 会不会) that an earlier actor's act is about are its targets,
not co-actors; a run of short forms after a preposition of direction is listed with its first member.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def _roles(tmp_path: Path, sentence: str) -> list[tuple[list[str], list[str]]]:
    rows = cli_full_rows(tmp_path, f"2031年4月4日，{sentence}\n", "zh")
    return [(actors, sorted(targets)) for _, actors, targets, _ in rows]


def test_a_short_form_run_before_shifou_is_asked_about(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "中国对美日是否制裁朝鲜表示担忧。")
    assert roles == [(["CHN"], ["JPN", "PRK", "USA"])]


def test_the_subject_of_hui_bu_hui_is_asked_about(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "俄罗斯对英法会不会承认新政府表示关切。")
    assert roles == [(["RUS"], ["FRA", "GBR"])]


def test_a_short_form_run_after_xiang_is_the_target(tmp_path: Path) -> None:
    assert _roles(tmp_path, "韩国向美日提出建议。") == [(["KOR"], ["JPN", "USA"])]


def test_a_run_that_opens_the_clause_still_acts(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "中美对日本是否制裁朝鲜表示担忧。")
    assert roles == [(["CHN", "USA"], ["JPN", "PRK"])]
