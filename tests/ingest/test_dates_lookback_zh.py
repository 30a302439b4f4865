"""Chinese look-back dates (round 7): a date earlier than the narration's, its year from the context,
dates its own clause when it is the time of the clause's act, not a detail of a noun.

A news report looks back from its day of writing (a report of the 10th on talks held on the 8th), and a
chronology entry recalls an earlier month of its year (当年5月 in an entry of September). Before round 7
such a date was read but dated nothing: the clause took the entry's date, or, in a paragraph that had
no other date, made no event at all. The sentences here are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.dates import date_finder
from tests.ingest.fakes import cli_rows


def test_a_month_recalled_in_a_chronology_entry_dates_its_clause_and_moves_nothing() -> None:
    finder = date_finder("zh")
    finder.find("2011年9月3日，法国与意大利签署协定。")
    (recalled,) = finder.find("当年5月，意大利曾提出草案。")
    assert (str(recalled.date), recalled.rule, recalled.anchor) == ("2011-05", "zh-rel-year-m+back", False)
    (next_day,) = finder.find("次日，两国发表公报。")
    assert str(next_day.date) == "2011-09-04"  # the entry's day is still the narration's


def test_an_earlier_day_in_a_chronology_entry_dates_its_clause_and_moves_nothing() -> None:
    finder = date_finder("zh", year=2031)
    finder.find("2031年4月10日，两国发表公报。")
    (looked_back,) = finder.find("德国外长8日抵达巴黎。")
    assert (str(looked_back.date), looked_back.rule, looked_back.anchor) == (
        "2031-04-08",
        "zh-d+month+back",
        False,
    )
    # a flashback inside an entry never becomes the context (review R8b): 次日 follows the entry's day
    (next_day,) = finder.find("次日，德国外长会见法国总统。")
    assert str(next_day.date) == "2031-04-11"


def test_a_day_looked_back_on_from_a_dateline_narrates_and_the_next_day_counts_from_it() -> None:
    finder = date_finder("zh", year=2031)
    (dateline,) = finder.find("新华社巴黎2031年4月10日电 两国发表公报。")
    assert str(dateline.date) == "2031-04-10"
    (looked_back,) = finder.find("德国外长8日抵达巴黎。")
    assert (str(looked_back.date), looked_back.rule, looked_back.anchor) == (
        "2031-04-08",
        "zh-d+month+back",
        True,
    )
    (next_day,) = finder.find("次日，德国外长会见法国总统。")
    assert str(next_day.date) == "2031-04-09"


def test_a_bare_day_after_a_flashback_keeps_the_entry_s_month(tmp_path: Path) -> None:
    text = "2031年5月25日，法国外长访问日本。4月5日，日本外长曾访问法国。26日，德国谴责日本。\n"
    # before review R8b the flashback moved the context: 26日 was read as 2031-04-26
    assert cli_rows(tmp_path, text, "zh") == [
        ("2031-05-25", ["FRA"], 4),
        ("2031-04-05", ["JPN"], 4),
        ("2031-05-26", ["DEU"], 11),
    ]


def test_a_bare_day_opening_the_next_entry_after_a_flashback_keeps_the_entry_s_month(tmp_path: Path) -> None:
    text = "2031年5月25日，法国外长访问日本。4月5日，日本外长曾访问法国。\n\n26日，德国谴责日本。\n"
    assert [row[0] for row in cli_rows(tmp_path, text, "zh")] == ["2031-05-25", "2031-04-05", "2031-05-26"]


def test_the_same_day_after_a_flashback_is_the_entry_s_day(tmp_path: Path) -> None:
    text = "2031年5月25日，法国外长访问日本。4月5日，日本外长曾访问法国。同日，德国谴责日本。\n"
    assert cli_rows(tmp_path, text, "zh")[-1] == ("2031-05-25", ["DEU"], 11)


def test_an_earlier_day_inside_a_noun_stays_a_detail() -> None:
    finder = date_finder("zh", year=2031)
    finder.find("2031年4月10日，两国发表公报。")
    (detail,) = finder.find("公报重申了两国8日签署的协定。")
    assert (str(detail.date), detail.rule, detail.anchor) == ("2031-04-08", "zh-d+month", False)
    (opening_detail,) = finder.find("8日草签的协定已经生效。")
    assert (opening_detail.rule, opening_detail.anchor) == ("zh-d+month", False)
    # the same day as the time of its clause's act is a look-back that dates the clause
    (act,) = finder.find("两国8日签署了协定。")
    assert (str(act.date), act.rule) == ("2031-04-08", "zh-d+month+back")


def test_a_day_counted_from_the_context_is_no_look_back() -> None:
    finder = date_finder("zh", year=2031)
    finder.find("2031年4月10日，两国发表公报。")
    (day_before,) = finder.find("前一天，德国外长抵达巴黎。")
    assert (str(day_before.date), day_before.rule) == ("2031-04-09", "zh-day-before")
    # the same day written as a day of the month opening its clause is a look-back
    (written,) = finder.find("9日，德国外长抵达巴黎。")
    assert (str(written.date), written.rule) == ("2031-04-09", "zh-d+month+back")


def test_a_report_paragraph_that_looks_back_from_its_dateline_makes_its_events(tmp_path: Path) -> None:
    text = "新华社巴黎2031年4月10日电 法国外长与德国外长8日在巴黎举行会谈。\n\n当天，德国外长会见法国总统。\n"
    rows = cli_rows(tmp_path, text, "zh")
    # the talks on the 8th, and the meeting on that day (当天 counts from the look-back)
    assert [(date, actors[0], cameo) for date, actors, cameo in rows] == [
        ("2031-04-08", "FRA", 4),
        ("2031-04-08", "DEU", 4),
    ]


def test_a_chronology_entry_s_recalled_month_dates_its_sentence(tmp_path: Path) -> None:
    text = "2011年9月3日，法国外长访问日本。当年5月，日本外长曾访问法国。\n"
    assert cli_rows(tmp_path, text, "zh") == [("2011-09-03", ["FRA"], 4), ("2011-05", ["JPN"], 4)]


def test_a_subject_with_a_relative_clause_does_not_make_the_date_a_detail() -> None:
    finder = date_finder("zh", year=2031)
    finder.find("2031年4月10日，两国发表公报。")
    (talks,) = finder.find("五国外长参加的会谈于7日至8日在巴黎举行。")
    assert (str(talks.date), talks.rule, talks.anchor) == (
        "2031-04-07/2031-04-08",
        "zh-d+month-range+back",
        False,  # dates its clause; in an entry it moves nothing (review R8b)
    )


def test_a_recalled_day_with_a_year_word_is_an_aside_and_the_entry_goes_on_at_its_day(tmp_path: Path) -> None:
    text = "2009年5月25日，法国外长访问日本。当年4月5日，日本外长曾访问法国。此后，两国发表联合声明。\n"
    assert [date for date, _, _ in cli_rows(tmp_path, text, "zh")] == [
        "2009-05-25",
        "2009-04-05",
        "2009-05-25",
    ]


def test_a_day_inside_what_was_said_does_not_date_the_saying(tmp_path: Path) -> None:
    text = "新华社巴黎2031年4月10日电 法国外长表示，德国8日关闭边境违反了协定。\n"
    # before review R8b the statement took the 8th (+back); it is the report's day
    assert cli_rows(tmp_path, text, "zh") == [("2031-04-10", ["FRA"], 1)]


def test_days_describing_the_object_of_a_protest_do_not_split_it(tmp_path: Path) -> None:
    text = "新华社柏林2031年4月10日电 德国政府对法国4日和8日关闭边境提出抗议。\n"
    # one protest on the report's day, not two events on the 4th and the 8th
    assert cli_rows(tmp_path, text, "zh") == [("2031-04-10", ["DEU"], 11)]


def test_a_word_holding_dui_before_the_date_does_not_make_it_a_detail() -> None:
    finder = date_finder("zh", year=2031)
    finder.find("新华社巴黎2031年4月10日电 两国发表公报。")
    (talks,) = finder.find("法德对话8日在巴黎举行。")
    assert (str(talks.date), talks.rule) == ("2031-04-08", "zh-d+month+back")
    (protest,) = finder.find("德国对法国8日关闭边境提出抗议。")
    assert (str(protest.date), protest.rule) == ("2031-04-08", "zh-d+month")


def test_two_look_backs_in_a_row_under_a_dateline_both_move_the_date() -> None:
    # review 9, item 1: only the first look-back under a dateline moved the context, so 次日 counted
    # from the first one (the 16th instead of the 15th)
    finder = date_finder("zh")
    finder.find("新华社巴黎2031年4月10日电 法国外长9日会见德国外长。")
    (second,) = finder.find("意大利外长8日访问法国。")
    assert (str(second.date), second.anchor) == ("2031-04-08", True)
    (next_day,) = finder.find("次日，意大利外长会见法国总统。")
    assert str(next_day.date) == "2031-04-09"


def test_two_look_backs_in_a_row_in_a_chronology_move_nothing() -> None:
    finder = date_finder("zh")
    finder.find("2031年4月10日，法国外长会见德国外长。")
    finder.find("意大利外长9日访问法国。")
    finder.find("西班牙外长8日访问法国。")
    (next_day,) = finder.find("次日，意大利外长会见法国总统。")
    assert str(next_day.date) == "2031-04-11"


def test_a_second_look_back_under_a_dateline_dates_the_next_day(tmp_path: Path) -> None:
    text = (
        "新华社巴黎2031年4月10日电 法国外长9日会见德国外长。"
        "意大利外长8日访问西班牙。次日，意大利外长会见西班牙首相。\n"
    )
    assert cli_rows(tmp_path, text, "zh") == [
        ("2031-04-09", ["FRA"], 4),
        ("2031-04-08", ["ITA"], 4),
        ("2031-04-09", ["ITA"], 4),  # before review 9: 2031-04-10
    ]


def test_a_sentence_after_a_second_look_back_under_a_dateline_keeps_its_day(tmp_path: Path) -> None:
    text = (
        "新华社巴黎2031年4月10日电 法国外长9日会见德国外长。"
        "意大利外长8日会见西班牙首相。意大利外长表示意大利支持西班牙。\n"
    )
    assert cli_rows(tmp_path, text, "zh") == [
        ("2031-04-09", ["FRA"], 4),
        ("2031-04-08", ["ITA"], 4),
        ("2031-04-08", ["ITA"], 5),  # before review 9: 2031-04-09
    ]


def test_a_later_day_then_an_earlier_one_under_a_dateline_moves_back() -> None:
    finder = date_finder("zh")
    finder.find("新华社首尔2031年10月10日电 朝鲜8日宣布退出谈判。")
    finder.find("日本9日谴责朝鲜。")
    (earlier,) = finder.find("美国7日曾警告朝鲜。")
    assert (str(earlier.date), earlier.anchor) == ("2031-10-07", True)
    (next_day,) = finder.find("次日，韩国谴责朝鲜。")
    assert str(next_day.date) == "2031-10-08"
