"""Years of the Republic of China (民国107年 = 2018), as Taiwan's official and press dates write them.

Expected values are worked out by hand: 民国 year 1 is 1912, so a year is its number plus 1911. The
sentences are our own; a Traditional text is matched in its Simplified form (民國 → 民国,
:mod:`hexatable.ingest.script`), so both scripts are tried.
"""

from __future__ import annotations

import pytest

from hexatable.case import open_case
from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.script import to_simplified
from hexatable.ingest.verbs import VerbDictionary


def found(*sentences: str, year: int | None = None) -> list[tuple[str, str]]:
    """(text, ISO value) of every date the finder returns over ``sentences`` in order."""
    finder = date_finder("zh", year=year)
    return [(m.text, str(m.date)) for s in sentences for m in finder.find(s)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("民国107年6月12日，美朝领导人在新加坡会晤。", [("民国107年6月12日", "2018-06-12")]),
        ("民国100年，台湾举行建国百年纪念活动。", [("民国100年", "2011")]),
        ("中华民国96年10月3日，六方会谈通过共同文件。", [("中华民国96年10月3日", "2007-10-03")]),
        ("民国九十六年二月十三日，朝鲜同意关闭核设施。", [("民国九十六年二月十三日", "2007-02-13")]),
        ("民国一百零七年四月二十七日，韩朝首脑会晤。", [("民国一百零七年四月二十七日", "2018-04-27")]),
        ("民国一〇八年二月，美朝在河内会晤。", [("民国一〇八年二月", "2019-02")]),
        ("民国元年1月1日，中华民国成立。", [("民国元年1月1日", "1912-01-01")]),
        ("民国 107 年 6 月 12 日，双方会晤。", [("民国 107 年 6 月 12 日", "2018-06-12")]),
    ],
)
def test_a_republic_of_china_year_is_the_number_plus_1911(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("民國107年6月12日，川普與金正恩在新加坡會晤。", "2018-06-12"),
        ("中華民國100年1月1日，總統發表元旦談話。", "2011-01-01"),
    ],
)
def test_a_republic_of_china_year_in_traditional_characters(written: str, expected: str) -> None:
    values = found(to_simplified(written))
    assert [value for _, value in values] == [expected]


def test_a_republic_of_china_year_sets_the_context() -> None:
    # later dates without a year take the ROC year's Gregorian year
    assert found("民国107年6月12日，美朝领导人会晤。", "7月6日，蓬佩奥访问平壤。") == [
        ("民国107年6月12日", "2018-06-12"),
        ("7月6日", "2018-07-06"),
    ]


def test_a_republic_of_china_year_with_a_period_part() -> None:
    assert found("民国107年底，双方恢复对话。") == [("民国107年底", "2018")]


@pytest.mark.parametrize(
    "sentence",
    [
        "民国时期的外交档案已经公开。",  # the Republican era, no year
        "人民国家的代表出席会议。",  # 民国 inside other words, no year
        "民国107号文件",  # a number that is no year
    ],
)
def test_no_republic_of_china_year(sentence: str) -> None:
    assert found(sentence) == []


def test_a_taiwan_chronology_entry_dated_in_the_roc_calendar_gives_its_event() -> None:
    text = "大事記\n\n民國107年6月12日，川普與金正恩在新加坡舉行會晤。\n"
    extraction = extract(
        document_from_text(text, name="chronology.txt"),
        lang="zh",
        gazetteer=Gazetteer.builtin().with_case(open_case("six-party-talks")),
        verbs=VerbDictionary.builtin(),
        source_id="chronology",
    )
    (event,) = extraction.events
    assert str(event.date.date) == "2018-06-12"
    assert event.date.text == "民國107年6月12日"  # shown as written, in Traditional
    assert [a.actor for a in event.actors] == ["donald-trump"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a range of years whose end writes its number alone, in the era the start names
        ("民国107年至108年，台湾与日本多次会谈。", [("民国107年至108年", "2018/2019")]),
        ("中华民国九十六年到九十七年，双方谈判。", [("中华民国九十六年到九十七年", "2007/2008")]),
        # 民国 inside a word for a kind of people (移民, 人民) is no era name
        ("他移民国7年后回国。", []),
        ("公民国2年的纪念日", []),
    ],
)
def test_roc_year_ranges_and_words_that_hold_the_era_name(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(sentence, year=2006) == expected
