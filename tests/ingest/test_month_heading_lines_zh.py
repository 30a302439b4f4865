"""A Chinese chronology laid out under month headings (round 9).

Some chronologies write a month with its year on a line of its own ("2031年3月") and under it one
line per entry opening with the bare day ("8日…"), often without a full stop at the entry's end.
The month line is a heading, a sentence of its own as a bare year line is, and under it each line
opening with a day opens an entry: before, an entry ran into the heading below it and the next
month's first day was read in the month above (16日 under 2031年4月 as 2031-03-16). Our own entries.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.segment import segment
from tests.ingest.fakes import cli_rows

TEXT = (
    "2031年3月\n"
    "19日法国外长与德国外长举行会谈\n"
    "2031年4月\n"
    "16日法国总统访问德国,两国领导人会面\n"
    "20日德国外长与法国外长通电话\n"
    "28日法国与德国签署合作协议\n"
)


def test_a_month_line_and_each_day_line_under_it_are_sentences_of_their_own() -> None:
    flats = [s.flat for s in segment(TEXT, "zh")]
    assert flats[:3] == ["2031年3月", "19日法国外长与德国外长举行会谈", "2031年4月"]
    assert "20日德国外长与法国外长通电话" in flats


def test_the_day_under_a_month_heading_is_of_that_month(tmp_path: Path) -> None:
    dates = [date for date, _, _ in cli_rows(tmp_path, TEXT, "zh")]
    assert dates[0] == "2031-03-19"
    assert "2031-04-16" in dates and "2031-04-20" in dates and "2031-04-28" in dates
    assert not any(date.startswith("2031-03-") and date != "2031-03-19" for date in dates)


def test_a_wrapped_line_opening_with_a_day_outside_month_headings_is_not_cut() -> None:
    text = "2031年3月18日,法国外长与德国外长约定于3月\n19日再次举行会谈。\n"
    assert [s.flat for s in segment(text, "zh")] == [
        "2031年3月18日,法国外长与德国外长约定于3月19日再次举行会谈。"
    ]
