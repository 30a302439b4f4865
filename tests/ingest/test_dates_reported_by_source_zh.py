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


def test_a_dispatch_day_dian_is_the_sources_day(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据朝中社平壤5日电，朝鲜4日宣布退出会谈。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-1] == "2031-03-04"


def test_a_news_flash_day_xun_is_the_sources_day(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据新华社北京5日讯，韩国外长4日会见中国外长。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-1] == "2031-03-04"


def test_a_day_before_a_television_speech_still_dates_it(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据韩联社报道，朝鲜领导人5日电视讲话宣布退出会谈。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-1] == "2031-03-05"


def test_the_same_day_after_a_dispatch_day_is_the_dispatch_day(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据韩联社首尔5日电，韩国政府当日宣布制裁朝鲜。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-1] == "2031-03-05"


def test_the_day_before_a_dispatch_day_counts_from_it(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据新华社莫斯科5日电，中俄两国外长前一天举行会谈。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-1] == "2031-03-04"


def test_the_same_day_after_a_report_day_baodao_is_the_report_day(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据新华社5日报道，中俄两国外长当天举行会谈。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-1] == "2031-03-05"


def test_the_next_day_after_the_reported_acts_own_day_counts_from_that_day(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。据新华社5日报道，朝鲜3日宣布退出会谈，次日韩国宣布制裁朝鲜。\n"
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert dates[-2:] == ["2031-03-03", "2031-03-04"]
