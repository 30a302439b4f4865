"""Day lines under a Chinese month heading stay entries past a wrapped entry, and a day that ends a
wrapped sentence is no new entry.

Under 2031年3月, each line opening with a bare day (4日, 16日) opens an entry. An entry wrapped over
two lines, or a line that is no entry (10日内 …), does not end that: the next day lines are still
entries. But a line ending in 于, 将于, 在 or 至 runs on, and a day opening the next line is that
sentence's (两国外长将于⏎5日在北京举行会谈).

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.ingest.segment import segment
from tests.ingest.fakes import cli_rows


def test_a_wrapped_entry_keeps_the_next_day_lines_entries(tmp_path: Path) -> None:
    text = (
        "2031年3月\n4日 中国与韩国在北京举行会谈，双方同意\n加强合作\n16日 朝鲜发射导弹\n20日 美国谴责朝鲜\n"
    )
    dates = [date for date, _, _ in cli_rows(tmp_path, text, "zh")]
    assert "2031-03-16" in dates and "2031-03-20" in dates


def test_a_line_that_is_no_entry_keeps_the_next_day_lines_entries() -> None:
    text = "2031年3月\n4日 中国与韩国举行会谈\n10日内 朝鲜将发射导弹\n25日 美国与日本签署协议\n"
    flats = [s.flat for s in segment(text, "zh")]
    assert "25日 美国与日本签署协议" in flats


def test_a_day_ending_a_wrapped_sentence_is_no_new_entry() -> None:
    text = "2031年3月\n4日 中国与韩国宣布，两国外长将于\n5日在北京举行会谈\n16日 朝鲜发射导弹\n"
    flats = [s.flat for s in segment(text, "zh")]
    assert any(flat.endswith("将于5日在北京举行会谈") for flat in flats)
    assert "16日 朝鲜发射导弹" in flats
