"""Two day forms of Chinese news prose (round 9). Our own sentences.

- 22号 is how speech and many pages write the 22nd: a bare day with 号 is read before a comma or a
  part of the day (22号，…; 22号晚), while 1718号决议 and 3号楼 stay numbers.
- 据某社5日报道 gives the day a source reported, not the day of what it reports: that date neither
  dates its clause nor moves the running date, so the reported act keeps its own day.
"""

from __future__ import annotations

from hexatable.ingest.dates import date_finder


def _found(*sentences: str) -> list[tuple[str, str, bool]]:
    finder = date_finder("zh", year=2031)
    return [(m.text, str(m.date), m.anchor) for s in sentences for m in finder.find(s)]


def test_a_bare_day_with_hao_before_a_comma_is_a_day() -> None:
    found = _found("2031年6月19日，两国外长会谈。", "22号，法国总统访问德国。", "23号晚，双方再次会面。")
    assert ("22号", "2031-06-22", True) in found
    assert ("23号", "2031-06-23", True) in found


def test_hao_after_a_number_that_names_a_thing_is_no_day() -> None:
    found = _found("2031年6月19日，两国外长会谈。", "安理会通过第1718号决议。", "代表团住在3号楼。")
    assert [text for text, _, _ in found] == ["2031年6月19日"]


def test_the_day_a_source_reported_does_not_date_the_reported_act() -> None:
    found = _found("2031年6月19日，两国外长会谈。", "据某通讯社20日报道，法国外长18日会见德国外长。")
    assert ("20日", "2031-06-20", False) in found
    assert found[-1][:2] == ("18日", "2031-06-18")


def test_a_day_after_ju_that_no_report_word_follows_is_narration() -> None:
    found = _found("2031年6月19日，两国外长会谈。", "据悉，双方20日将再次会面。")
    assert ("20日", "2031-06-20", True) in found
