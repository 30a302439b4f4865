"""Chinese reporting mode ends at a line that opens with a full date, even inside a paragraph. In a
text with a blank line somewhere, the segmenter's paragraph holds every line up to the next blank
line, so a chronology entry written on the line after a report's dateline was read as part of the
report: its flashback (3月20日，朝鲜曾…) moved the context and 次日 became the day after it. The
sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows

HEAD = "2006年3月5日，中国与美国举行会谈。\n\n新华社北京3月6日电 日本外务省6日批评美国。\n"


def test_a_full_date_opening_a_line_ends_reporting(tmp_path: Path) -> None:
    text = HEAD + "2006年3月25日，中国与朝鲜举行会谈。3月20日，朝鲜曾谴责日本。次日，韩国与日本举行会谈。\n"
    rows = cli_full_rows(tmp_path, text, "zh")
    assert ("2006-03-26", ["KOR"], ["JPN"], 4) in rows  # 次日: the day after the entry's 25th
    assert ("2006-03-20", ["PRK"], ["JPN"], 11) in rows  # the flashback keeps its own day


def test_a_bare_day_opening_a_line_of_the_report_keeps_reporting(tmp_path: Path) -> None:
    text = HEAD + "8日，美国与韩国举行会谈。\n次日，朝鲜谴责美国。\n"
    rows = cli_full_rows(tmp_path, text, "zh")
    assert ("2006-03-08", ["USA"], ["KOR"], 4) in rows
    assert ("2006-03-09", ["PRK"], ["USA"], 11) in rows  # 次日 counts from the report's 8日
