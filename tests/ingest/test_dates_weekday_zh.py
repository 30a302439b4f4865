"""Chinese weekdays count from the day of writing (round 9). Our own sentences.

A news report says 周一 (星期一) from the writer's now, as English says "on Monday": the last Monday on
or before the day of writing (a dateline's day or a publication stamp's). Without a day of writing
it is left unresolved. A weekday right after a date (4月10日（星期四）) is part of that date; 上周一,
下周一, 每周一 and 周末 are other things and are not read.
"""

from __future__ import annotations

from hexatable.ingest.dates import date_finder

STAMP = "2031-04-10 15:36 某某网"  # a Thursday


def _found(*sentences: str) -> list[tuple[str, str, str]]:
    finder = date_finder("zh")
    return [(m.text, str(m.date), m.rule) for s in sentences for m in finder.find(s)]


def test_a_weekday_is_the_last_such_day_on_or_before_the_day_of_writing() -> None:
    assert _found(STAMP, "周一，法国外长表示两国将继续会谈。")[-1] == ("周一", "2031-04-07", "zh-weekday")
    assert _found(STAMP, "星期四，德国总理会见法国总统。")[-1] == ("星期四", "2031-04-10", "zh-weekday")


def test_a_weekday_without_a_day_of_writing_is_unresolved() -> None:
    finder = date_finder("zh", year=2031)
    assert finder.find("周一，法国外长表示两国将继续会谈。") == []
    assert finder.unresolved == ["周一"]


def test_a_weekday_after_a_date_and_other_week_words_are_not_read() -> None:
    found = _found(
        STAMP, "2031年4月8日（星期二），两国会谈。", "下周一两国将再次会谈，每周一通报进展，周末休会。"
    )
    assert [text for text, _, _ in found] == ["2031-04-10", "2031年4月8日"]
