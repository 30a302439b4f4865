"""Year-less datelines of a file listed newest first, and Feb 29 without a year (docs/ingest-dates.md,
"English forms"): a year-less dateline takes the year that puts it nearest, before or after, the
previous day of writing; a day that exists only in a leap year takes the nearest year in which it
exists; years after "between" before a determiner are a range. Our own sentences, after a reviewer's
examples.
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


def test_yearless_datelines_listed_newest_first_stay_in_the_year_before_a_new_year() -> None:
    found = _read(
        "BEIJING, Jan. 8, 2008 (Xinhua) -- The envoys met again.",
        "BEIJING, Dec. 28 (Xinhua) -- Japan criticized China.",
        "BEIJING, Dec. 3 (Xinhua) -- Russia praised the accord.",
        year=2008,
    )
    assert [value for _, value in found] == ["2008-01-08", "2007-12-28", "2007-12-03"]


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


def test_years_after_between_followed_by_a_determiner_are_a_range() -> None:
    assert _read("Between 2003 and 2005 its envoys met twice.", year=2001) == [("2003 and 2005", "2003/2005")]
    assert _read("Between 2003 and 2005 his cabinet refused aid.", year=2001) == [
        ("2003 and 2005", "2003/2005")
    ]


def test_numbers_after_between_that_count_irregular_plurals_are_no_years() -> None:
    assert _read("China housed between 1900 and 2000 children.", year=2001) == []
    assert _read("Japan sent between 1980 and 2020 men to Iraq.", year=2001) == []
    assert _read("Japan sent between 1980 and 2020 troops to Iraq.", year=2001) == []
