"""A date before a finished verb dates that verb even when its object carries a 的 (round 9).

A 的 after a date in its clause usually makes the date a detail of a noun (与两国9月签署的协议: the
agreement's date, not the clause's act). After a finished verb (举行了, 签署了) the 的 belongs to the
verb's object (举行了旨在加强互信的会谈), and the date is the time of the act. The sentences are ours.
"""

from __future__ import annotations

from hexatable.ingest.dates import date_finder


def _rules(*sentences: str) -> list[tuple[str, str]]:
    finder = date_finder("zh")
    return [(m.text, m.rule) for s in sentences for m in finder.find(s)]


REPORT = "新华社巴黎4月10日电"


def test_a_day_before_a_finished_verb_with_a_modified_object_dates_its_clause() -> None:
    found = _rules("2031年4月10日，两国外长会面。", "两国4月8日举行了旨在加强互信的会谈。")
    assert ("4月8日", "zh-md+year+back") in found


def test_a_day_inside_a_noun_modifier_stays_a_detail() -> None:
    found = _rules("2031年4月10日，两国外长会面。", "两国外长讨论了4月8日签署的协议。")
    assert ("4月8日", "zh-md+year") in found


def test_words_holding_le_are_no_finished_verb() -> None:
    found = _rules("2031年4月10日，两国外长会面。", "两国为了4月8日签署的协议会面。")
    assert ("4月8日", "zh-md+year") in found
