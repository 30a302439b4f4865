"""A bare day written 号 (22号), as speech and some chronologies write it.

Since round 9 a bare 号 day is read before a comma or a part of the day (22号，…; 22号晚). It is also
read before a space, as a day line under a month heading opens (4号 中国与韩国…), before a range's
joint or a list's separator (22号至24号, 22号、23号), and before every part of the day the docs name
(22号早上, 23号中午). A number with 号 in a name (1718号决议, 3号楼) stays no date.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.dates import date_finder
from tests.ingest.fakes import cli_rows


def _dates(tmp_path: Path, text: str) -> list[str]:
    return [date for date, _, _ in cli_rows(tmp_path, text, "zh")]


def test_hao_day_lines_under_a_month_heading_get_their_day(tmp_path: Path) -> None:
    text = "2031年3月\n4号 中国与韩国举行会谈\n16号 朝鲜发射导弹\n"
    assert _dates(tmp_path, text) == ["2031-03-04", "2031-03-16"]


def test_traditional_hao_day_lines_under_a_month_heading(tmp_path: Path) -> None:
    text = "2031年3月\n4日 中國與韓國在北京舉行會談\n16號 朝鮮發射導彈\n"
    assert _dates(tmp_path, text) == ["2031-03-04", "2031-03-16"]


def test_a_hao_range_is_a_range(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。22号至24号，中国与韩国在北京举行会谈。\n"
    assert _dates(tmp_path, text)[-1] == "2031-03-22/2031-03-24"


def test_a_hao_list_dates_each_day(tmp_path: Path) -> None:
    text = "2031年3月1日，美国与日本举行会谈。22号、23号，中国外长两次会见韩国外长。\n"
    assert _dates(tmp_path, text)[1:] == ["2031-03-22", "2031-03-23"]


def test_every_part_of_the_day_after_hao() -> None:
    finder = date_finder("zh")
    found = [
        m.text
        for s in ("2031年3月1日，两国会谈。", "22号早上，中国外长抵达。", "23号中午，双方会谈。")
        for m in finder.find(s)
    ]
    assert "22号" in found and "23号" in found


def test_hao_in_a_name_is_no_date() -> None:
    finder = date_finder("zh")
    found = [
        m.text for s in ("2031年3月1日，安理会通过1718号 决议。", "他住在3号楼。") for m in finder.find(s)
    ]
    assert found == ["2031年3月1日"]


def test_hao_after_a_word_of_staying_or_lying_is_a_place_number() -> None:
    finder = date_finder("zh")
    found = [
        m.text
        for s in ("2031年3月6日，代表团住在钓鱼台3号，", "会场位于5号，", "双方于次日开始会谈。")
        for m in finder.find(s)
    ]
    assert found == ["2031年3月6日", "次日"]


def test_hao_in_a_list_ending_in_a_building_is_no_date() -> None:
    finder = date_finder("zh")
    found = [m.text for s in ("2031年3月6日，两国代表团分住3号、5号楼。",) for m in finder.find(s)]
    assert found == ["2031年3月6日"]


def test_a_staying_clause_before_a_hao_day_leaves_the_day(tmp_path: Path) -> None:
    text = "2031年3月6日，中国代表团入住酒店。22号，中国与韩国举行会谈。\n"
    assert _dates(tmp_path, text)[-1] == "2031-03-22"


def test_a_hao_day_after_staying_until_is_a_day(tmp_path: Path) -> None:
    text = "2031年3月1日，韩国与日本会谈。中国代表团住在釜山到8号，韩国与中国随后签署协议。\n"
    assert _dates(tmp_path, text)[-1] == "2031-03-08"


def test_a_hao_day_after_lying_somewhere_until_is_a_day() -> None:
    finder = date_finder("zh")
    found = [
        m.text for s in ("2031年3月1日，两国代表团下榻在酒店直至9号，随后离开。",) for m in finder.find(s)
    ]
    assert found == ["2031年3月1日", "9号"]


def test_hao_days_before_online_are_days(tmp_path: Path) -> None:
    text = "2031年3月1日，韩国与日本举行会谈。14号和15号线上，中国与韩国举行会谈。\n"
    assert _dates(tmp_path, text)[-1] == "2031-03-14"


def test_hao_days_before_a_gate_front_are_days() -> None:
    finder = date_finder("zh")
    found = [m.text for s in ("2031年3月1日，民众12号、13号门前集会。",) for m in finder.find(s)]
    assert found[:2] == ["2031年3月1日", "12号"]


def test_a_hao_line_number_stays_no_date() -> None:
    finder = date_finder("zh")
    found = [m.text for s in ("2031年3月1日，代表团乘坐2号、4号线前往会场。",) for m in finder.find(s)]
    assert found == ["2031年3月1日"]
