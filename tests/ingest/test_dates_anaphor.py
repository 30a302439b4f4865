"""Rule 8 of ``hexatable.ingest.dates`` (issue 17, round 6; a round-4 limit): in English, "that
month", "later that year", "the following month" point back to the last date written in the
paragraph, a look-back that did not move the running context too. Our own report, written on 5
January 2009, tells of December 2008."""

from __future__ import annotations

from hexatable.ingest.dates import date_finder


def _read(*sentences: str) -> list[tuple[str, str]]:
    finder = date_finder("en", year=2009)
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        found.extend((d.text, str(d.date)) for d in finder.find(sentence))
    return found


DATELINE = "SEOUL, Jan. 5, 2009 (Yonhap) --"


def test_that_month_after_a_month_look_back_is_that_month() -> None:
    assert _read(DATELINE, "North Korea walked out in December.", "Later that month, Japan protested.") == [
        ("Jan. 5, 2009", "2009-01-05"),
        ("December", "2008-12"),
        ("Later that month", "2008-12"),
    ]


def test_the_following_month_counts_from_the_look_back() -> None:
    assert _read(DATELINE, "The talks stalled in November.", "The following month, Japan protested.")[-1] == (
        "The following month",
        "2008-12",
    )


def test_without_a_look_back_that_month_is_the_narrations() -> None:
    assert _read(DATELINE, "Japan protested on Monday.", "Later that month, China protested.")[-1] == (
        "Later that month",
        "2009-01",
    )


def test_a_new_paragraph_forgets_the_look_back() -> None:
    finder = date_finder("en", year=2009)
    finder.find(DATELINE)
    finder.find("North Korea walked out in December.")
    finder.paragraph()
    assert [str(d.date) for d in finder.find("Later that month, China protested.")] == ["2009-01"]
