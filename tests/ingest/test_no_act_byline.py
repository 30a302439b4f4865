"""A web copy's byline tells no act (round 7, rule 4b of ``hexatable.ingest.no_act``).

A report copied from a news site carries a header line with the day and hour it was put online
("2031年04月10日15:36 新华网"), often run into the headline above it, which has no final punctuation.
Before round 7 that line was an event of whoever its words named (中国 in 中国时间, a headline's parties),
dated by the stamp. The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.dates import date_finder
from hexatable.ingest.no_act import byline
from tests.ingest.fakes import cli_rows


def test_a_headline_run_into_its_byline_makes_no_event_and_the_stamp_still_dates_the_report(
    tmp_path: Path,
) -> None:
    text = "法国与德国举行会谈\n2031年04月10日15:36 新华网\n\n法国外长与德国外长9日举行会谈。\n"
    assert [(date, cameo) for date, _, cameo in cli_rows(tmp_path, text, "zh")] == [("2031-04-09", 4)]


def test_a_stamp_with_the_hour_before_the_date_is_a_byline(tmp_path: Path) -> None:
    assert cli_rows(tmp_path, "中国时间 12:39 2031年4月10日 星期四\n", "zh") == []
    text = "中国时间 12:39 2031年4月10日 星期四"
    assert byline(text, (0, len(text)), date_finder("zh").find(text))


def test_a_narrated_hour_before_the_act_is_no_byline(tmp_path: Path) -> None:
    text = "2031年3月4日10:30，法国外长与德国外长举行会谈。\n"
    assert [(date, cameo) for date, _, cameo in cli_rows(tmp_path, text, "zh")] == [("2031-03-04", 4)]


def test_a_date_without_its_year_or_without_an_hour_is_no_stamp() -> None:
    for text in ("4月10日15:36 新华网", "2031年04月10日 新华网"):
        finder = date_finder("zh", year=2031)
        assert not byline(text, (0, len(text)), finder.find(text)), text


def test_an_act_told_before_a_timed_date_in_a_full_sentence_is_no_byline(tmp_path: Path) -> None:
    # a cue before the stamp is a headline's only when the line has no final punctuation (review R8b)
    text = "2009年5月25日，朝鲜进行第二次核试验，韩国地震局测得的时间为2009年5月25日9:54。\n"
    assert cli_rows(tmp_path, text, "zh") == [("2009-05-25", ["PRK"], 15)]


def test_a_timed_date_in_brackets_after_the_act_is_no_byline(tmp_path: Path) -> None:
    text = "2009年3月11日，朝鲜进行核试验（2009-03-11 09:54）。\n"
    assert cli_rows(tmp_path, text, "zh") == [("2009-03-11", ["PRK"], 15)]


def test_talks_lasting_until_a_timed_date_are_no_byline(tmp_path: Path) -> None:
    text = "日本与朝鲜的会谈持续至2009年6月3日23:00。\n"
    assert cli_rows(tmp_path, text, "zh") == [("2009-06-03", ["JPN"], 4)]


def test_an_english_act_timed_to_the_minute_is_no_byline(tmp_path: Path) -> None:
    text = (
        "North Korea carried out its second nuclear test, which seismologists timed at 25 May 2009 09:54.\n"
    )
    assert cli_rows(tmp_path, text, "en") == [("2009-05-25", ["PRK"], 15)]
