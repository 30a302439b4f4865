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
