"""Days counted from the last date said: "five days later", 三天后 (our own sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest.dates import date_finder
from hexatable.ingest.types import Lang
from tests.ingest.fakes import cli_rows


@pytest.mark.parametrize(
    ("lang", "first", "then", "expected"),
    [
        ("en", "On 28 February 2031 the envoys met.", "Five days later they signed.", "2031-03-05"),
        ("en", "On 3 May 2031 the envoys met.", "A week later they signed.", "2031-05-10"),
        ("en", "On 3 May 2031 the envoys met.", "Two days afterwards they left.", "2031-05-05"),
        ("zh", "2031年2月27日，双方会谈。", "三天后，双方签署协议。", "2031-03-02"),
        ("zh", "2031年5月3日，双方会谈。", "两天之后，双方签署协议。", "2031-05-05"),
        ("zh", "2031年5月3日，双方会谈。", "一周后，双方签署协议。", "2031-05-10"),
    ],
)
def test_days_later_count_from_the_last_day(lang: Lang, first: str, then: str, expected: str) -> None:
    finder = date_finder(lang)
    finder.find(first)
    found = finder.find(then)
    assert [str(d.date) for d in found] == [expected]
    assert found[0].inferred


@pytest.mark.parametrize(
    ("then", "expected"),
    [
        ("四日後，双方签署协议。", "2031-05-05"),
        ("3日后，双方签署协议。", "2031-05-04"),
        ("四天後，双方签署协议。", "2031-05-05"),
    ],
)
def test_a_number_of_days_with_hou_right_after_ri_counts_days(then: str, expected: str) -> None:
    finder = date_finder("zh")
    finder.find("2031年5月1日，双方会谈。")
    found = finder.find(then)
    assert [str(d.date) for d in found] == [expected]
    assert found[0].inferred


def test_a_day_with_its_month_before_hou_is_that_day() -> None:
    finder = date_finder("zh")
    finder.find("2031年5月1日，双方会谈。")
    assert [str(d.date) for d in finder.find("5月3日后，双方签署协议。")] == ["2031-05-03"]


def test_days_later_date_the_next_sentences_act(tmp_path: Path) -> None:
    text = "2031年5月1日，中美举行会谈。四日後，朝鲜宣布退出会谈。\n"
    assert [date for date, _, _ in cli_rows(tmp_path, text, "zh")] == ["2031-05-01", "2031-05-05"]


def test_years_later_are_not_days() -> None:
    finder = date_finder("zh")
    finder.find("2031年5月1日，双方会谈。")
    assert finder.find("两年后双方签署协议。") == []


@pytest.mark.parametrize("withdrew", ["4日后撤至边境。", "4日后退五公里。", "4日后撤部队。"])
def test_a_day_before_a_word_opening_with_hou_is_the_day(withdrew: str) -> None:
    finder = date_finder("zh")
    finder.find("2031年5月1日，双方会谈。")
    assert [str(d.date) for d in finder.find("越南军队" + withdrew)] == ["2031-05-04"]


def test_two_days_written_liang_ri_hou_count_two_days() -> None:
    finder = date_finder("zh")
    finder.find("2031年5月1日，双方会谈。")
    assert [str(d.date) for d in finder.find("两日后，双方签署协议。")] == ["2031-05-03"]


def test_days_in_chinese_numerals_before_zhihou_count_days() -> None:
    finder = date_finder("zh")
    finder.find("2031年5月1日，双方会谈。")
    assert [str(d.date) for d in finder.find("五日之后，双方签署协议。")] == ["2031-05-06"]
