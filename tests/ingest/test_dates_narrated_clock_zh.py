"""A Chinese date with a clock time inside narration is the act's, not a publication stamp.

A web copy's stamp ("2031-04-10 15:36 某某网", "发布时间：2031年4月10日 15:36") opens its line or
follows a label, and is the day of writing. The same date and hour inside a sentence (中国与韩国于
2031年3月4日 10:30 在北京举行会谈) is when the act happened: the line it stands on does not end a
sentence there, and 今年, 去年 and the weekdays do not count from it.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.segment import segment
from tests.ingest.fakes import cli_rows


def test_a_wrapped_sentence_with_a_narrated_hour_is_not_cut(tmp_path: Path) -> None:
    text = "中国与韩国于2031年3月4日 10:30\n在北京举行会谈。\n"
    assert cli_rows(tmp_path, text, "zh") == [("2031-03-04", ["CHN"], 4)]


def test_an_agreement_with_a_narrated_hour_at_its_line_end_is_kept(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。3月4日，中国与韩国同意于2031年3月5日 09:00\n在北京举行会谈。\n"
    rows = cli_rows(tmp_path, text, "zh")
    assert ("2031-03-04", ["CHN"], 3) in rows


def test_a_narrated_hour_mid_line_does_not_cut_the_wrapped_rest() -> None:
    text = (
        "2031年3月1日，美国与日本举行会谈。中国与韩国于2031年3月4日10:30在北京举行会谈，双方就半岛问题交换\n"
        "了意见。次日，朝鲜发射导弹。\n"
    )
    flats = [s.flat for s in segment(text, "zh")]
    assert any(flat.endswith("交换了意见。") for flat in flats)


def test_a_narrated_hour_opening_a_sentence_with_a_comma_does_not_cut_it() -> None:
    text = (
        "2031年3月1日，美国与日本举行会谈。2031年3月4日 10:30，中国外长在首尔会见韩国\n"
        "外长。次日，朝鲜发射导弹。\n"
    )
    flats = [s.flat for s in segment(text, "zh")]
    assert any(flat.endswith("会见韩国外长。") for flat in flats)


def test_this_year_does_not_count_from_a_narrated_hour_with_a_subject_after_it(tmp_path: Path) -> None:
    text = (
        "2031年3月4日10:30中国外长抵达首尔会见韩国外长。"
        "2035年5月1日，美国与日本举行会谈。今年8月，朝鲜发射导弹。\n"
    )
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert "2035-08" in dates
    assert "2031-08" not in dates


def test_last_year_does_not_count_from_a_narrated_hour_after_zai(tmp_path: Path) -> None:
    text = (
        "中国外长在2031年3月4日10:30抵达首尔会见韩国外长。"
        "2035年5月1日，美国与日本举行会谈。去年8月，朝鲜发射导弹。\n"
    )
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert "2034-08" in dates
    assert "2030-08" not in dates
