"""据 frames a report's day only with a source before the date, not 据此 ("accordingly").

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_rows


def test_accordingly_is_no_report_frame(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。中国据此5日援引安理会决议谴责朝鲜。\n"
    rows = cli_rows(tmp_path, text, "zh")
    assert ("2031-03-05", ["CHN", "UNSC"], 11) in rows


def test_a_part_of_the_day_between_the_report_day_and_baodao(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据韩联社5日晚间报道，朝鲜4日发射导弹。次日，韩国谴责朝鲜。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-2:] == ["2031-03-04", "2031-03-05"]
