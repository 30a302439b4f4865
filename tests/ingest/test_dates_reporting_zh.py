"""Chinese reporting mode (review F10): a report under a dateline moves the context with every day it
looks back to (8日…。次日 is the 9th), and a chronology entry ends that mode. An entry is a paragraph
(a line, in a text without blank lines) opening with a date, with its year or without: a bare-day
entry is inferred too, so before this fix it never ended the mode, and a date with its year written
inside the report's own sentence (发言人…2006年3月10日宣布) wrongly did. The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows

ENTRY = "2006年3月5日，中国与美国举行会谈。\n"


def test_an_entry_after_a_dateline_ends_reporting_so_flashbacks_do_not_move_the_day(tmp_path: Path) -> None:
    text = (
        ENTRY
        + "新华社北京3月6日电 日本外务省6日批评美国。\n"
        + "3月25日，中国与朝鲜举行会谈。3月20日，朝鲜曾谴责日本。"
        + "次日，韩国与日本举行会谈。当天，中国表示欢迎。\n"
        + "4月5日，中国与美国举行会谈。朝鲜4月2日曾谴责日本。同日，韩国与日本举行会谈。\n"
    )
    rows = cli_full_rows(tmp_path, text, "zh")
    assert ("2006-03-26", ["KOR"], ["JPN"], 4) in rows  # 次日: the day after the entry's 25th
    assert ("2006-03-26", ["CHN"], [], 5) in rows  # 当天: that same day
    assert ("2006-04-05", ["KOR"], ["JPN"], 4) in rows  # 同日: the entry's day, not the flashback's
    assert ("2006-03-20", ["PRK"], ["JPN"], 11) in rows  # the flashback keeps its own day
    assert ("2006-04-02", ["PRK"], ["JPN"], 11) in rows


def test_a_date_with_its_year_inside_the_report_keeps_reporting(tmp_path: Path) -> None:
    text = (
        ENTRY
        + "新华社北京3月10日电 中国外交部发言人秦刚2006年3月10日宣布，中国将举办会谈。"
        + "8日，美国与韩国举行会谈。次日，朝鲜谴责美国。\n"
    )
    rows = cli_full_rows(tmp_path, text, "zh")
    assert ("2006-03-08", ["USA"], ["KOR"], 4) in rows
    assert ("2006-03-09", ["PRK"], ["USA"], 11) in rows  # 次日 counts from the report's 8日
    assert all(date != "2006-03-11" for date, *_ in rows)
