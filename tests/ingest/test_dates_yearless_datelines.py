"""A dateline without its year (docs/ingest-dates.md, "English forms"): it is never a look-back after the
previous report and takes the year that puts it nearest the previous day of writing, in either order
of the reports; a day that exists only in a leap year takes the nearest year in which it exists.
English event words are matched in their inflections; years after "between" are a range, numbers
that count things are not. Our own sentences, after a reviewer's examples.
"""

from __future__ import annotations

import datetime as dt

from hexatable.ingest.dates import date_finder


def _read(*sentences: str, year: int | None = None, written: dt.date | None = None) -> list[tuple[str, str]]:
    finder = date_finder("en", year=year, written=written)
    return [(m.text, str(m.date)) for s in sentences for m in finder.find(s)]


def test_a_yearless_dateline_after_the_previous_report_is_in_the_next_year() -> None:
    found = _read(
        "SEOUL, Dec. 30, 2008 (Yonhap) -- The envoys left Beijing.",
        "TOKYO, Jan. 2 (Kyodo) -- Japan criticized Russia on Monday.",
        year=2008,
    )
    # 29 December 2008 was a Monday, the Monday before 2 January 2009
    assert found[1:] == [("Jan. 2", "2009-01-02"), ("Monday", "2008-12-29")]


def test_a_yearless_dateline_after_a_narrated_date_does_not_look_back() -> None:
    found = _read(
        "The talks ended on Dec. 30, 2008.",
        "MOSCOW, January 14 (RIA Novosti) - Russia said on Friday it would finish.",
        year=2008,
    )
    # 9 January 2009 was a Friday
    assert found[1:] == [("January 14", "2009-01-14"), ("Friday", "2009-01-09")]


def test_a_yearless_dateline_takes_the_year_of_the_source_date() -> None:
    found = _read(
        "MOSCOW, January 14 (RIA Novosti) - Russia said on Friday it would finish.",
        year=2008,
        written=dt.date(2009, 1, 14),
    )
    assert found == [("January 14", "2009-01-14"), ("Friday", "2009-01-09")]


def _anchored(first: str) -> str:
    finder = date_finder("en", year=2008)
    for sentence in (first, "On March 10, envoys met in Seoul."):
        finder.find(sentence)
    return str(finder.find("The day after the vote, Japan criticized China.")[0].date)


def test_an_event_word_is_found_in_its_inflections() -> None:
    assert _anchored("On March 4, 2008, the parliament voted on the accord.") == "2008-03-05"
    assert _anchored("On March 4, 2008, the members were voting on the accord.") == "2008-03-05"
    assert _anchored("On March 4, 2008, two votes were held.") == "2008-03-05"


def test_an_event_word_is_never_found_inside_another_word() -> None:
    # "devoted" names no vote: the day after counts from the narration (10 March)
    assert _anchored("On March 4, 2008, a devoted envoy arrived.") == "2008-03-11"


def test_bare_years_after_between_are_a_range() -> None:
    assert _read("Japan criticized China between 2006 and 2008.", year=2005) == [
        ("2006 and 2008", "2006/2008")
    ]
    assert _read("Between 1999 and 2001, the envoys met twice.", year=2005) == [
        ("1999 and 2001", "1999/2001")
    ]


def test_numbers_after_between_that_count_things_are_no_years() -> None:
    assert _read("North Korea sent between 1950 and 2000 soldiers.", year=2005) == []
    assert _read("Between 2008 and 2006, the envoys met.", year=2005) == []  # no range backwards
