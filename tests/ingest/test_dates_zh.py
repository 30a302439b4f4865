"""Chinese dates: every form a chronology uses, the running context, and the hand-coded seeds as oracle.

Expected values in the tables are written by hand from the calendar. The oracle tests read the
built-in case's hand-coded events (src/hexatable/data/cases/six-party-talks/events-2018-2019.yaml
and events-talks.yaml, coded from the seed texts in /work/shared/seeds) and check that the finder,
run over the seed's sentences in order, gives each event's date on the line the event cites.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.case.dates import DateSpan
from hexatable.case.quotes import locator_lines, normalise
from hexatable.ingest.dates import date_finder, quoted_spans
from hexatable.ingest.types import DateMention

CASE = Path(__file__).parents[2] / "src" / "hexatable" / "data" / "cases" / "six-party-talks"
SEEDS = Path(__file__).parents[3] / "shared" / "seeds"


def found(*sentences: str, year: int | None = None) -> list[tuple[str, str]]:
    """(text, ISO value) of every date the finder returns over ``sentences`` in order."""
    finder = date_finder("zh", year=year)
    return [(m.text, str(m.date)) for s in sentences for m in finder.find(s)]


def last(*sentences: str, year: int | None = None) -> str | None:
    """The ISO value of the last date found over ``sentences`` (None if none)."""
    values = found(*sentences, year=year)
    return values[-1][1] if values else None


# --- forms ------------------------------------------------------------------------------------------

ABSOLUTE = [
    ("2007年7月14日，会谈。", "2007-07-14"),
    ("2007年7月，会谈。", "2007-07"),
    ("2007年，会谈。", "2007"),
    ("2007年7月14号，会谈。", "2007-07-14"),
    ("二〇〇七年七月十四日，会谈。", "2007-07-14"),
    ("二○○七年七月十四日", "2007-07-14"),
    ("二零零七年十二月三十一日", "2007-12-31"),
    ("２００７年７月１４日", "2007-07-14"),
    ("2007 年 7 月 14 日", "2007-07-14"),
    ("2007-07-14", "2007-07-14"),
    ("2003年8月27日至29日", "2003-08-27/2003-08-29"),
    ("2003年8月27日到29日", "2003-08-27/2003-08-29"),
    ("2003年8月27日—29日", "2003-08-27/2003-08-29"),
    ("2003年8月27日-29日", "2003-08-27/2003-08-29"),
    ("2007年9月27日至10月3日", "2007-09-27/2007-10-03"),
    ("2004年2月25日至2月28日", "2004-02-25/2004-02-28"),
    ("2007年12月30日至1月2日", "2007-12-30/2008-01-02"),
    ("自2003年4月至2007年10月", "2003-04/2007-10"),
    ("2004年至2005年", "2004/2005"),
    ("2016~2017年", "2016/2017"),
    ("2003年2月上旬", "2003-02-01/2003-02-10"),
    ("2003年2月中旬", "2003-02-11/2003-02-20"),
    ("2003年2月下旬", "2003-02-21/2003-02-28"),
    ("2004年2月下旬", "2004-02-21/2004-02-29"),
    ("2005年6月底", "2005-06"),  # a vague part: the month (the dating convention)
    ("2005年12月初", "2005-12"),
    ("2018年年初", "2018"),  # a vague part: the year
    ("2018年初", "2018"),
    ("2018年年中", "2018"),
    ("2018年年底", "2018"),
    ("2018年底", "2018"),
    ("2018年年末", "2018"),
    ("2018年上半年", "2018-01/2018-06"),
    ("2018年下半年", "2018-07/2018-12"),
    ("2004年第二季度", "2004-04/2004-06"),
    ("2003年春", "2003-03/2003-05"),
    ("2003年夏", "2003-06/2003-08"),
    ("2003年秋季", "2003-09/2003-11"),
    ("2003年冬", "2003-12/2004-02"),
]


@pytest.mark.parametrize(("text", "iso"), ABSOLUTE)
def test_absolute_forms(text: str, iso: str) -> None:
    assert [value for _, value in found(text)] == [iso]


CONTEXTUAL = [
    # (sentences, seed year, expected value of the last date)
    (("7月14日，会谈。",), 2007, "2007-07-14"),
    (("2007年7月，会谈。", "14日，会谈。"), None, "2007-07-14"),
    (("2007年7月，会谈。", "14日至16日，会谈。"), None, "2007-07-14/2007-07-16"),
    (("2007年7月，会谈。", "30日至31日，会谈。"), None, "2007-07-30/2007-07-31"),
    (("2007年7月，会谈。", "三十一日，会谈。"), None, "2007-07-31"),
    (("2007年7月，会谈。", "十四日，会谈。"), None, "2007-07-14"),
    (("7月30日至8月1日，会谈。",), 2007, "2007-07-30/2007-08-01"),
    (("2003年8月27日，会谈。", "同年12月，会谈。"), None, "2003-12"),
    (("2003年8月27日，会谈。", "同月，会谈。"), None, "2003-08"),
    (("2003年8月27日，会谈。", "当年，会谈。"), None, "2003"),
    (("2003年8月27日，会谈。", "次年，会谈。"), None, "2004"),
    (("2003年8月27日，会谈。", "次年3月，会谈。"), None, "2004-03"),
    (("2003年8月27日，会谈。", "次月，会谈。"), None, "2003-09"),
    (("2003年12月27日，会谈。", "次月，会谈。"), None, "2004-01"),
    (("今年，会谈。",), 2019, "2019"),
    (("明年，会谈。",), 2019, "2020"),
    (("去年年初，会谈。",), 2019, "2018"),
    (("2003年8月31日，会谈。", "次日，会谈。"), None, "2003-09-01"),
    (("2003年8月31日，会谈。", "翌日，会谈。"), None, "2003-09-01"),
    (("2003年12月31日，会谈。", "第二天，会谈。"), None, "2004-01-01"),
    (("2003年8月31日，会谈。", "当天，会谈。"), None, "2003-08-31"),
    (("2003年8月31日，会谈。", "当日，会谈。"), None, "2003-08-31"),
    (("2003年8月31日，会谈。", "同日，会谈。"), None, "2003-08-31"),
    (("2003年3月1日，会谈。", "前一天，会谈。"), None, "2003-02-28"),
    (("2003年4月23日至25日，会谈。", "前一天，宴会。"), None, "2003-04-22"),
    (("2018年7月6日至7日，会谈。", "次日，声明。"), None, "2018-07-08"),
    (("2003年8月27日，会谈。", "下旬，会谈。"), None, "2003-08-21/2003-08-31"),
    (("2003年8月27日，会谈。", "年底，会谈。"), None, "2003"),
    (("2003年8月27日，会谈。", "同月底，会谈。"), None, "2003-08"),  # a vague part of the context month
    (("2003年8月27日，会谈。", "次年年初，会谈。"), None, "2004"),
    (("2003年8月27日，会谈。", "同年12月下旬，会谈。"), None, "2003-12-21/2003-12-31"),
    (("2019年2月8日，会谈。", "特朗普去年 6 月在新加坡与金正恩会晤。"), None, "2018-06"),
    (("2018年11月5日，会谈。", "朝鲜官方媒体 12 日发表文章。"), None, "2018-11-12"),
]


PERIOD_PARTS = [
    # (text, with the dating convention (contain), with --periods range, rule, vague?)
    ("2005年6月初，会谈。", "2005-06", "2005-06-01/2005-06-10", "zh-ym+early", True),
    ("2005年6月中，会谈。", "2005-06", "2005-06-11/2005-06-20", "zh-ym+mid", True),
    ("2005年6月底，会谈。", "2005-06", "2005-06-21/2005-06-30", "zh-ym+late", True),
    ("2005年6月末，会谈。", "2005-06", "2005-06-21/2005-06-30", "zh-ym+late", True),
    ("2004年2月底，会谈。", "2004-02", "2004-02-21/2004-02-29", "zh-ym+late", True),
    ("2005年6月上旬，会谈。", "2005-06-01/2005-06-10", "2005-06-01/2005-06-10", "zh-ym+early", False),
    ("2005年6月中旬，会谈。", "2005-06-11/2005-06-20", "2005-06-11/2005-06-20", "zh-ym+mid", False),
    ("2005年6月下旬，会谈。", "2005-06-21/2005-06-30", "2005-06-21/2005-06-30", "zh-ym+late", False),
    ("2018年年初，会谈。", "2018", "2018-01/2018-03", "zh-y+early", True),
    ("2018年年中，会谈。", "2018", "2018-06/2018-07", "zh-y+mid", True),
    ("2018年年底，会谈。", "2018", "2018-11/2018-12", "zh-y+end", True),
    ("2018年年终，会谈。", "2018", "2018-11/2018-12", "zh-y+end", True),
    ("2018年上半年，会谈。", "2018-01/2018-06", "2018-01/2018-06", "zh-y+h1", False),
    ("2018年第三季度，会谈。", "2018-07/2018-09", "2018-07/2018-09", "zh-y+q3", False),
    ("2003年冬，会谈。", "2003-12/2004-02", "2003-12/2004-02", "zh-y+winter", False),
]


@pytest.mark.parametrize(("text", "contained", "ranged", "rule", "vague"), PERIOD_PARTS)
def test_a_vague_part_is_its_period_and_a_defined_part_its_range(
    text: str, contained: str, ranged: str, rule: str, vague: bool
) -> None:
    """The dating convention (docs/case-format.md): 月初, 年底 claim no days or months, so they are the
    month or year; 上旬, 上半年, 第三季度 and seasons are fixed by definition and stay ranges. The rule
    names the part either way; ``period`` says how a vague part was dated."""
    for periods, iso in (("contain", contained), ("range", ranged)):
        (mention,) = date_finder("zh", periods=periods).find(text)
        assert (str(mention.date), mention.rule) == (iso, rule)
        assert mention.period == (periods if vague else None)


def test_a_vague_part_moves_the_context_as_its_range_would() -> None:
    """Only what the mention says changes: 年底 still sets the context's span to November-December, so
    a following 9月 (of the same year, from the context) is a back-reference, under either choice; and
    月初 sets the month, so 15日 after it is of that month and 次日 has no day to count from."""
    for periods in ("contain", "range"):
        finder = date_finder("zh", year=2007, periods=periods)
        finder.find("年底，会谈。")
        (september,) = finder.find("9月，会谈。")
        assert (str(september.date), september.anchor) == ("2007-09", False)
        finder = date_finder("zh", year=2007, periods=periods)
        finder.find("7月初，会谈。")
        assert [str(m.date) for m in finder.find("15日，会谈。次日，会谈。")] == ["2007-07-15", "2007-07-16"]
        finder = date_finder("zh", year=2007, periods=periods)
        finder.find("7月初，会谈。")
        assert finder.find("次日，会谈。") == [] and finder.unresolved == ["次日"]
    contained = date_finder("zh", year=2007)
    contained.find("年底，会谈。")
    carried = contained.carried()
    assert carried is not None and str(carried.date) == "2007"  # said as the convention says it


def test_periods_must_be_contain_or_range() -> None:
    with pytest.raises(ValueError, match="contain, range"):
        date_finder("zh", periods="sharp")  # type: ignore[arg-type]


@pytest.mark.parametrize(("sentences", "year", "iso"), CONTEXTUAL)
def test_forms_resolved_from_context(sentences: tuple[str, ...], year: int | None, iso: str) -> None:
    assert last(*sentences, year=year) == iso


@pytest.mark.parametrize(
    "text",
    [
        "朝方要求美方在30日内答复。",
        "美国在45日以内将朝鲜移出名单。",
        "3年来，双方多次会谈。",
        "僵持近20年的关系。",
        "会谈持续了数日。",
        "中方提供50万吨重油。",
        "第4轮会谈在北京举行。",
        "会谈第3日，双方同意。",
        "2000年代的外交政策。",
        "安理会第1718号决议。",
        "五千年历史，5000年文明。",
        "援助金额为50日元。",
    ],
)
def test_not_dates(text: str) -> None:
    finder = date_finder("zh", year=2007)
    finder.find("2007年7月14日，会谈。")
    assert finder.find(text) == []
    assert finder.unresolved == []


def test_since_is_returned_as_its_year_and_does_not_move_the_context() -> None:
    finder = date_finder("zh")
    finder.find("2007年7月14日，会谈。")
    (since,) = finder.find("2003年以来，朝核问题一直是焦点。")
    assert (str(since.date), since.rule, since.anchor) == ("2003", "zh-y+bound", False)
    assert [str(m.date) for m in finder.find("次日，双方发表声明。")] == ["2007-07-15"]


@pytest.mark.parametrize(
    ("sentences", "unresolved"),
    [
        (("7月14日，会谈开始。",), ["7月14日"]),
        (("今年3月，会谈开始。",), ["今年3月"]),
        (("次日，会谈开始。",), ["次日"]),
        (("2003年8月，会谈开始。", "次日，双方声明。"), ["次日"]),
        (("2003年2月30日，会谈开始。",), ["2003年2月30日"]),
        (("14日，会谈开始。",), ["14日"]),
    ],
)
def test_unresolved_dates_are_collected_not_returned(
    sentences: tuple[str, ...], unresolved: list[str]
) -> None:
    finder = date_finder("zh")
    returned = [m for s in sentences for m in finder.find(s) if not m.text.startswith("2003年8月")]
    assert returned == []
    assert finder.unresolved == unresolved


def test_inferred_marks_parts_taken_from_the_context() -> None:
    finder = date_finder("zh", year=2018)
    first, second = finder.find("3月8日，郑义溶访美。2019年1月1日，金正恩发表新年贺词。")
    assert (first.rule, first.inferred, second.rule, second.inferred) == ("zh-md+year", True, "zh-ymd", False)


def test_offsets_point_into_the_text_given() -> None:
    text = "据报道，２００７年７月１４日，会谈开始；次日结束。"
    finder = date_finder("zh")
    assert [(text[m.start : m.end], m.text) for m in finder.find(text)] == [
        ("２００７年７月１４日", "２００７年７月１４日"),
        ("次日", "次日"),
    ]


# --- the context update rule (docs/ingest-dates.md, "Context") ---------------------------------------


def next_day_after(*sentences: str, year: int | None = None) -> str | None:
    """What 次日 resolves to after ``sentences``: shows where the context stands."""
    return last(*sentences, "次日，双方发表声明。", year=year)


def test_full_date_moves_year_month_and_day() -> None:
    assert next_day_after("2003年8月27日，首轮会谈开幕。") == "2003-08-28"


def test_month_moves_year_and_month_and_forgets_the_day() -> None:
    finder = date_finder("zh")
    finder.find("2003年8月27日，首轮会谈开幕。")
    finder.find("2004年2月，第二轮会谈举行。")
    assert finder.find("次日，双方发表声明。") == []
    assert [str(m.date) for m in finder.find("25日，双方发表声明。")] == ["2004-02-25"]


def test_a_quoted_date_does_not_move_the_context() -> None:
    finder = date_finder("zh")
    finder.find("2003年8月27日，首轮会谈开幕。")
    (quoted,) = finder.find("他说“2005年9月19日是个好日子”。")
    assert not quoted.anchor
    assert [str(m.date) for m in finder.find("次日，双方发表声明。")] == ["2003-08-28"]


def test_a_planned_date_does_not_move_the_context() -> None:
    assert next_day_after("5月10日，特朗普宣布，会晤将于6月12日在新加坡举行。", year=2018) == "2018-05-11"
    assert next_day_after("2005年8月28日，原定8月29日开幕的会谈推迟。") == "2005-08-29"
    # the date an agreement or a decision sets is a plan too
    assert next_day_after("2030年5月3日，会谈闭幕。", "各方同意于6月上旬在东京复会。") == "2030-05-04"
    assert next_day_after("2030年5月3日，会谈闭幕。", "两国商定于7月1日互设机构。") == "2030-05-04"
    assert next_day_after("2030年5月3日，会谈闭幕。", "理事会决定在9月召开特别会议。") == "2030-05-04"
    # 取决于 ("depends on") is not a decision: the date it names is narrated as usual
    assert next_day_after("2030年5月3日，会谈开幕。", "成败取决于6月1日的投票。") == "2030-06-02"
    assert next_day_after("2030年5月3日，会谈开幕。", "各方决定于6月1日投票。") == "2030-05-04"


def test_a_back_reference_does_not_move_the_context() -> None:
    after = ("2019年2月8日，特朗普宣布会晤日期。", "金正恩与特朗普去年 6 月在新加坡举行首次会晤。")
    assert next_day_after(*after) == "2019-02-09"
    assert next_day_after("2018年11月12日，朝鲜发表文章，批评与9月签署的协议背道而驰。") == "2018-11-13"


def test_an_ascii_full_stop_after_chinese_ends_a_sentence() -> None:
    assert next_day_after("2006年7月5日，朝鲜试射导弹.2006年10月9日，朝鲜进行核试验。") == "2006-10-10"


def test_an_explicit_earlier_year_moves_the_context() -> None:
    assert next_day_after("2019年2月8日，宣布。", "2003年8月27日，首轮会谈开幕。") == "2003-08-28"


def test_after_a_flashback_a_month_and_day_return_to_the_interrupted_narration() -> None:
    # An essay set in spring 2020 recalls 2019, then goes on without writing the year again.
    finder = date_finder("zh", year=2020)
    finder.find("3月2日，外长会晤在东京举行。")
    (recalled,) = finder.find("早在2019年10月，双方就曾提出这一设想。")
    assert str(recalled.date) == "2019-10" and recalled.anchor
    (back,) = finder.find("3月5日，两国外长发表联合声明。")
    assert (str(back.date), back.inferred, back.anchor) == ("2020-03-05", True, True)
    assert [str(m.date) for m in finder.find("次日，双方举行记者会。")] == ["2020-03-06"]


def test_relative_words_in_a_flashback_stay_in_the_flashback() -> None:
    # 同年 and 次年 count from the flashback's year, as written; only a bare month and day return.
    assert last("2020年3月2日，会晤举行。", "2017年4月，双方曾签署协议。", "同年，协议生效。") == "2017"
    assert last("2020年3月2日，会晤举行。", "2017年4月，双方签署协议。", "次年2月，协议失效。") == "2018-02"


def test_a_flashback_that_narrates_in_its_own_year_becomes_the_narration() -> None:
    # an introduction set in 2017, then a history from 2003 told with dates that leave the year out
    finder = date_finder("zh")
    finder.find("2017年4月14日，外长表示支持对话。")
    finder.find("2003年8月27日，首轮会谈在北京开幕。")
    finder.find("8月29日，会谈闭幕。")
    finder.find("2005年11月9日，第五轮会谈开幕。")
    (date,) = finder.find("9月20日，一方发表声明。")
    # read in the history's year (a back-reference there), never in the introduction's 2017; opening
    # its clause, it is a look-back that dates the clause (round 7: rule suffix +back), but a flashback
    # in a chronology never moves the context (review R8b)
    assert (str(date.date), date.rule, date.anchor) == ("2005-09-20", "zh-md+year+back", False)
    # so the bare day and 次日 after it are the round's (11 and 12 November), not September's
    assert [str(m.date) for m in finder.find("11日，会谈闭幕。")] == ["2005-11-11"]
    assert [str(m.date) for m in finder.find("次日，各方发表声明。")] == ["2005-11-12"]


def test_a_flashback_month_that_falls_before_the_narration_too_stays_a_back_reference() -> None:
    finder = date_finder("zh")
    finder.find("2020年3月2日，会晤举行。")
    finder.find("2019年10月，双方提出设想。")
    (date,) = finder.find("这与2月签署的协议不同。")
    assert (str(date.date), date.anchor) == ("2019-02", False)


def test_a_date_inside_a_clause_is_a_detail_but_one_opening_a_clause_moves_the_context() -> None:
    assert next_day_after("6月18日，美军决定暂停 8 月与韩国举行的军演。", year=2018) == "2018-06-19"
    assert next_day_after("5月29日，金英哲赴美，30日至31日与蓬佩奥在纽约会面。", year=2018) == "2018-06-01"


def test_relative_years_count_from_the_context_never_from_today() -> None:
    assert found("去年，今年，明年。") == []
    assert found("去年。", "今年。", "明年。", year=1990) == [
        ("去年", "1989"),
        ("今年", "1990"),
        ("明年", "1991"),
    ]


def test_carried_is_the_last_narrated_date() -> None:
    finder = date_finder("zh", year=2018)
    finder.find("7月6日至7日，蓬佩奥再度访问平壤。")
    finder.find("但双方随后公布的会谈结果显现温差。")
    carried = finder.carried()
    assert carried is not None
    assert (str(carried.date), carried.rule, carried.inferred) == ("2018-07-06/2018-07-07", "context", True)
    assert date_finder("zh").carried() is None


def test_relative_steps_past_year_9999_are_unresolved_not_an_error() -> None:
    # Written years stop at 2999 (9999年 is not read as a year); a seeded year may be anything valid.
    finder = date_finder("zh", year=9999)
    assert [str(m.date) for m in finder.find("12月31日，会谈。")] == ["9999-12-31"]
    after = finder.find("次日，会谈。次年，会谈。年底，会谈。")
    assert [(m.text, str(m.date)) for m in after] == [("年底", "9999")]  # a vague part: the year
    assert finder.unresolved == ["次日", "次年"]


def test_bad_arguments_are_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="lang"):
        date_finder("fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="year"):
        date_finder("zh", year=0)


# --- properties -------------------------------------------------------------------------------------

PIECES = [
    "2003年8月27日",
    "二〇〇七年七月十四日",
    "２００５年９月",
    "1999年",
    "7月14日",
    "14日",
    "30日至31日",
    "7月30日至8月1日",
    "同年12月",
    "同月",
    "当年",
    "次年",
    "去年",
    "今年",
    "明年",
    "次日",
    "翌日",
    "当天",
    "前一天",
    "次月",
    "上旬",
    "下旬",
    "年初",
    "年底",
    "春",
    "冬",
    "以来",
    "至",
    "将于",
    "“",
    "”",
    "，",
    "。",
    "会谈",
    "日",
    "月",
    "年",
    "十",
    "〇",
    "3",
    "31",
    " ",
    "\n",
]
# Every relative year word of dates_zh._REL_YEAR, and the day and month words that can cross a year.
RELATIVE = re.compile(
    r"同年|当年|该年|是年|本年|次年|翌年|第二年|去年|上年|今年|明年|次日|翌日|当天|前一天|次月|同月|年初|年底|冬|至"
)
WRITTEN_YEAR = re.compile(r"[0-9０-９]{4}|[〇○零一二三四五六七八九]{4}")


def written_years(text: str) -> list[int]:
    digits = str.maketrans("０１２３４５６７８９〇○零一二三四五六七八九", "0123456789000123456789")
    return [int(m.group().translate(digits)) for m in WRITTEN_YEAR.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30),
    st.one_of(st.none(), st.integers(1900, 1980)),
)
def test_any_text_gives_only_years_written_or_carried(pieces: list[str], year: int | None) -> None:
    text = "".join(pieces)
    finder = date_finder("zh", year=year)
    mentions = finder.find(text)
    known = written_years(text) + ([year] if year is not None else [])
    if not known:
        assert mentions == []
        return
    # Each relative word can shift the context year by at most one (a range or winter adds one more).
    slack = len(RELATIVE.findall(text)) + 1
    for mention in mentions:
        for point in (mention.date.start, mention.date.last):
            assert min(known) - slack <= point.year <= max(known) + slack, (text, mention)
    assert all(text[m.start : m.end] == m.text for m in mentions)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_next_day_and_day_before_follow_the_calendar(day: dt.date) -> None:
    written = f"{day.year}年{day.month}月{day.day}日，会谈开始。"
    assert last(written, "次日，双方发表声明。") == (day + dt.timedelta(days=1)).isoformat()
    assert last(written, "前一天，双方发表声明。") == (day - dt.timedelta(days=1)).isoformat()
    assert last(written, "同日，双方发表声明。") == day.isoformat()


SENTENCES = [
    "2003年8月27日，首轮会谈开幕。",
    "次日，双方发表声明。",
    "同年12月，会谈推迟。",
    "7月14日，朝鲜关闭核设施。",
    "14日至16日，工作组会晤。",
    "他说“2005年9月19日是个好日子”。",
    "5月10日，特朗普宣布会晤将于6月12日举行。",
    "2004年以来，局势紧张。",
    "金正恩与特朗普去年 6 月在新加坡会晤。",
    "会谈没有结果。",
    "下旬，各方再次磋商。",
    "次年2月下旬，第二轮会谈举行。",
]


@dataclass(frozen=True)
class Seen:
    start: int
    text: str
    date: str
    rule: str
    inferred: bool
    anchor: bool


def seen(mentions: list[DateMention], offset: int) -> list[Seen]:
    return [Seen(m.start + offset, m.text, str(m.date), m.rule, m.inferred, m.anchor) for m in mentions]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=10),
    st.lists(st.booleans(), min_size=10, max_size=10),
    st.one_of(st.none(), st.integers(1990, 2010)),
)
def test_splitting_between_sentences_changes_nothing(
    sentences: list[str], cuts: list[bool], year: int | None
) -> None:
    whole = date_finder("zh", year=year)
    expected = seen(whole.find("".join(sentences)), 0)
    pieces: list[str] = [sentences[0]]
    for sentence, cut in zip(sentences[1:], cuts, strict=False):
        if cut:
            pieces.append(sentence)
        else:
            pieces[-1] += sentence
    split = date_finder("zh", year=year)
    got: list[Seen] = []
    offset = 0
    for piece in pieces:
        got += seen(split.find(piece), offset)
        offset += len(piece)
    assert got == expected
    assert split.unresolved == whole.unresolved


def quoted_by_hand(text: str) -> list[bool]:
    """For each character, whether it lies inside a quotation: a character-by-character reference."""
    closing = {"“": "”", "「": "」", "『": "』", '"': '"'}
    inside: list[bool] = []
    waiting: str | None = None
    for char in text:
        if waiting is None and char in closing:
            waiting = closing[char]
            inside.append(True)
        elif waiting is not None and char == waiting:
            waiting = None
            inside.append(True)
        else:
            inside.append(waiting is not None)
    return inside


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='“”「」『』"甲乙 ', max_size=40))
def test_quoted_spans_agree_with_a_character_by_character_reading(text: str) -> None:
    marks = [False] * len(text)
    for low, high in quoted_spans(text):
        marks[low:high] = [True] * (high - low)
    assert marks == quoted_by_hand(text)


# --- oracle: the hand-coded seeds -------------------------------------------------------------------

_END = re.compile(r"[。！？；!?;]+[”’」』）》)\"']*")
_CLAUSE = re.compile(r"[，,；;：:]")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_FOOTNOTE = re.compile(r"\\\[\d+\\\]|\[\d+\]")


@dataclass(frozen=True)
class Dated:
    """One sentence of a seed, what the finder found in it, and the context it was read in."""

    text: str
    lines: tuple[int, ...]
    mentions: tuple[DateMention, ...]
    carried: DateSpan | None

    def date_at(self, position: int) -> DateSpan | None:
        """The date of the clause holding ``position``: a date opening that clause, else the
        sentence's first date, else the date carried from earlier sentences."""
        clause = max((m.end() for m in _CLAUSE.finditer(self.text, 0, position + 1)), default=0)
        for mention in self.mentions:
            if (
                clause <= mention.start <= max(position, clause)
                and not self.text[clause : mention.start].strip()
            ):
                return mention.date
        return self.mentions[0].date if self.mentions else self.carried


def read_seed(path: Path, year: int | None) -> list[Dated]:
    """The seed's sentences (wrapped lines joined, Markdown links read as their text) run in order."""
    pieces: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        piece = _FOOTNOTE.sub("", _LINK.sub(r"\1", line)).strip()
        pieces.append(piece)
        lines.extend([number] * len(piece))
    flat = "".join(pieces)
    bounds = [0, *(m.end() for m in _END.finditer(flat))]
    if bounds[-1] < len(flat):
        bounds.append(len(flat))
    finder = date_finder("zh", year=year)
    out: list[Dated] = []
    for start, end in itertools.pairwise(bounds):
        carried = finder.carried()
        mentions = tuple(finder.find(flat[start:end]))
        out.append(
            Dated(flat[start:end], tuple(lines[start:end]), mentions, carried.date if carried else None)
        )
    return out


@dataclass
class Score:
    total: int = 0
    exact: int = 0
    within: int = 0
    misses: list[str] | None = None


def score(source_id: str, events_file: str, year: int | None) -> Score:
    """Compare the finder's date at each cited line with the hand-coded date of the event."""
    sources = yaml.safe_load((CASE / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    (file,) = [s["file"] for s in sources if s["id"] == source_id]
    sentences = read_seed(SEEDS / file, year)
    chars: list[str] = []
    where: list[tuple[int, int, int]] = []  # (sentence, line, position in sentence) of each char
    for index, sentence in enumerate(sentences):
        for position, (char, line) in enumerate(zip(sentence.text, sentence.lines, strict=True)):
            if not char.isspace():
                chars.append(char)
                where.append((index, line, position))
    joined = "".join(chars)
    result = Score(misses=[])
    events = yaml.safe_load((CASE / events_file).read_text(encoding="utf-8"))["events"]
    for event in events:
        want = DateSpan.parse(str(event["date"]))
        for citation in event["provenance"]:
            if citation["source"] != source_id:
                continue
            result.total += 1
            needle = normalise(citation["quote"])
            window = locator_lines(citation["locator"])
            assert window is not None
            at = joined.find(needle)
            while at != -1 and where[at][1] != window[0]:
                at = joined.find(needle, at + 1)
            assert at != -1, f"{citation['locator']}: quote not found: {needle}"
            index, _, position = where[at]
            got = sentences[index].date_at(position)
            if got is not None and str(got) == str(want):
                result.exact += 1
                continue
            if got is not None and want.earliest() <= got.earliest() and got.latest() <= want.latest():
                result.within += 1
            assert result.misses is not None
            result.misses.append(f"{event['id']} ({citation['locator']}): coded {want}, found {got}")
    return result


seeds_present = pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts (shared/seeds) are absent")


@seeds_present
def test_oracle_chronology_2018_2019() -> None:
    # Seed 002 (chronology-2018-2019, dated February 2019): 57 citations in events-2018-2019.yaml.
    # Measured 44 exact (0.77); 11 more found a date inside the coded one (年初 coded as the year,
    # a day where the coder gave the month): 55 of 57 (0.96) agree. docs/ingest-dates.md lists misses.
    # 46 exact since the dating convention (年初 written as the year, as the case codes it).
    result = score("chronology-2018-2019", "events-2018-2019.yaml", year=2019)
    assert result.total == 57
    assert result.exact >= 46, result.misses
    assert result.exact + result.within >= 55, result.misses


@seeds_present
def test_oracle_talks_encyclopedia() -> None:
    # Seed 000 (wiki-six-party-talks, no date of its own: no seed year): 174 citations in
    # events-talks.yaml. Measured 129 exact (0.74), 144 (0.83) exact or inside the coded date; most
    # misses are rounds coded by their first or last day where the text gives the whole range.
    # (127 before two rules added after reading this seed's misses: 前一天 after a range counts from
    # its first day, and "." right after a Chinese character ends a sentence.) 137 exact since the
    # dating convention (月初/月底 written as the month, as the case codes them), still 144 in all.
    # Round 5: 139 exact, 148 in all (days anchored on an event: 三方会谈前一天 and the 翌日 after it;
    # 3月19日起 and 于2月8日起 as the day an act began). Round 5, second helper: 151 in all (lists of
    # dates: the later members of 和/、 lists are dates of their own, with the list's year).
    result = score("wiki-six-party-talks", "events-talks.yaml", year=None)
    assert result.total == 174
    assert result.exact >= 139, result.misses
    assert result.exact + result.within >= 151, result.misses
