"""English "this year", "last year", "next year" count from the day of writing (round 5, second helper).

A report says them from the writer's now, as it says "last month" and "yesterday"; "that year", "the
previous year" and "the following year" point back into the narration. Our own sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hexatable.ingest.dates import date_finder


def _read(sentences: tuple[str, ...], written: dt.date | None = None) -> list[tuple[str, str]]:
    finder = date_finder("en", year=2009, written=written)
    return [(m.rule, str(m.date)) for s in sentences for m in finder.find(s)]


# a report datelined 12 January 2009 that first tells of a day in December 2008
REPORT = "LONDON, Jan. 12 (Reuters) -- The council ended its session on Dec. 10."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Last year, the envoys met twice.", ("en-written-year", "2008")),  # not 2007, from December
        ("This year the council will meet again.", ("en-written-year", "2009")),
        ("Sanctions may follow next year.", ("en-written-year", "2010")),
        ("The plan was drafted late last year.", ("en-written-year+late", "2008")),
        ("Earlier this year, the envoys met.", ("en-written-year", "2009")),
    ],
)
def test_words_of_the_writers_now_count_from_the_day_of_writing(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert _read((REPORT, sentence))[-1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("That year, the envoys met twice.", ("en-rel-year", "2008")),
        ("The following year the council met.", ("en-rel-year", "2009")),
        ("The previous year it had met.", ("en-rel-year+back", "2007")),
    ],
)
def test_words_of_the_narration_count_from_the_context(sentence: str, expected: tuple[str, str]) -> None:
    assert _read((REPORT, sentence))[-1] == expected


def test_the_source_date_is_the_day_of_writing_without_a_dateline() -> None:
    # a text with no dateline, written 3 March 2009 (the source's date), narrating 2005 first
    found = _read(("In May 2005, the talks stalled.", "Last year they resumed."), written=dt.date(2009, 3, 3))
    assert found[-1] == ("en-written-year", "2008")


def test_without_a_day_of_writing_last_year_follows_the_narration() -> None:
    # a chronology with no dateline and no source date: the year before the narrated one
    assert _read(("In May 2005, the talks stalled.", "Last year they had resumed."))[-1] == (
        "en-rel-year+back",
        "2004",
    )
