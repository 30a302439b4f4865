"""Third review of round 5: dates (our own sentences, after the reviewer's examples).

A year-less dateline takes the year that puts it nearest, before or after, the previous day of
writing (reports of a file sit close in time, in either order); a day that exists only in a leap
year takes the nearest year in which it exists.
"""

from __future__ import annotations

from hexatable.ingest.dates import date_finder


def _read(*sentences: str, year: int | None = None) -> list[tuple[str, str]]:
    finder = date_finder("en", year=year)
    return [(m.text, str(m.date)) for s in sentences for m in finder.find(s)]


def test_yearless_datelines_of_a_file_listed_newest_first_look_back() -> None:
    found = _read(
        "BEIJING, Mar. 4, 2007 (Xinhua) -- The envoys met again.",
        "BEIJING, Feb. 27 (Xinhua) -- Japan criticized China.",
        "BEIJING, Feb. 9 (Xinhua) -- Russia praised the accord.",
        year=2007,
    )
    assert [value for _, value in found] == ["2007-03-04", "2007-02-27", "2007-02-09"]


def test_a_yearless_dateline_just_before_a_narrated_date_keeps_its_year() -> None:
    found = _read(
        "The envoys left Beijing on Nov. 20, 2006.",
        "MOSCOW, Nov. 19 (RIA Novosti) - Russia praised the accord.",
        year=2006,
    )
    assert found[1:] == [("Nov. 19", "2006-11-19")]


def test_a_yearless_feb_29_takes_the_nearest_leap_year() -> None:
    found = _read(
        "The envoys left Beijing on Dec. 28, 2011.",
        "TOKYO, Feb. 29 (Kyodo) -- Japan criticized Russia.",
        year=2011,
    )
    assert found[1:] == [("Feb. 29", "2012-02-29")]
