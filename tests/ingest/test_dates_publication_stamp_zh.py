"""A Chinese web copy's publication stamp is the day of writing (round 9).

A report copied from a news site carries a byline line with the day and hour it was put online
("2031-04-10 15:36 某某网"), without final punctuation. Three things follow from reading it as the
day of writing, as a dateline's day is read:

- the byline line is a sentence of its own, so the stamp does not run into the report's first
  sentence and replace that sentence's own day (segment: the byline ends at its line);
- the report's days before the stamp date their own clauses and move the running date, as under a
  dateline (两国9日举行会谈。…双方同意… : the agreement is of the 9th, not of the stamp's day);
- 今年, 去年 and 明年 count from the stamp's year, not from a year the narration mentioned in passing.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.dates import date_finder
from hexatable.ingest.segment import segment
from tests.ingest.fakes import cli_rows

# blank lines after every line: the layout where a blank line alone ends nothing
STAMPED = (
    "法德会谈取得进展\n\n"
    "2031-04-10 15:36 某某网 编辑:张三\n\n"
    "法国和德国4月8日在巴黎举行了旨在解决边界问题的会谈。双方同意延长合作协议。\n\n"
    "两国关系近来有所缓和。\n\n"
)


def test_a_byline_line_with_a_stamp_is_a_sentence_of_its_own() -> None:
    flats = [s.flat for s in segment(STAMPED, "zh")]
    assert "法国和德国4月8日在巴黎举行了旨在解决边界问题的会谈。" in flats


def test_the_report_under_a_stamp_keeps_its_own_day(tmp_path: Path) -> None:
    rows = cli_rows(tmp_path, STAMPED, "zh")
    assert [(date, cameo) for date, _, cameo in rows] == [("2031-04-08", 4), ("2031-04-08", 3)]


def test_this_year_counts_from_the_stamp_not_from_a_year_named_in_passing() -> None:
    finder = date_finder("zh")
    sentences = (
        "2031-04-10 15:36 某某网",
        "两国关系自2025年边境冲突之后一度紧张。",
        "今年3月，两国外长在日内瓦会面。",
        "去年5月，两国曾中断对话。",
    )
    found = [(m.text, str(m.date), m.rule) for s in sentences for m in finder.find(s)]
    assert ("今年3月", "2031-03", "zh-written-year-m") in found
    assert ("去年5月", "2030-05", "zh-written-year-m+back") in found


def test_without_a_day_of_writing_this_year_follows_the_chronology() -> None:
    finder = date_finder("zh")
    found = [
        (m.text, str(m.date))
        for s in ("2025年1月，两国建交。", "今年3月，两国外长会面。")
        for m in finder.find(s)
    ]
    assert ("今年3月", "2025-03") in found


def test_a_narrated_hour_is_no_stamp() -> None:
    finder = date_finder("zh")
    sentences = ("2031年3月4日10:30，两国外长举行会谈。", "今年5月，两国再次会谈。")
    found = [(m.text, str(m.date)) for s in sentences for m in finder.find(s)]
    assert ("今年5月", "2031-05") in found
    assert finder.written is None
