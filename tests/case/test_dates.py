"""Partial dates keep their precision, sort chronologically and print in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexatable.case.dates import DateSpan, PartialDate


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


@given(partial_dates())
def test_iso_text_round_trips(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(partial_dates())
def test_a_date_covers_from_its_earliest_to_its_latest_day(date: PartialDate) -> None:
    assert date.earliest() <= date.latest()
    assert (date.latest() - date.earliest()).days < {"year": 366, "month": 31, "day": 1}[date.precision]


@given(partial_dates(), partial_dates())
def test_order_agrees_with_the_calendar(a: PartialDate, b: PartialDate) -> None:
    if a.earliest() < b.earliest():
        assert a < b
    if a < b:
        assert a.earliest() <= b.earliest()


@given(partial_dates(), partial_dates())
def test_a_span_exists_exactly_when_end_is_not_before_start(a: PartialDate, b: PartialDate) -> None:
    if b.latest() < a.earliest():
        with pytest.raises(ValueError, match="is before start"):
            DateSpan(a, b)
    else:
        span = DateSpan.parse(f"{a}/{b}")
        assert span.earliest() == a.earliest()
        assert span.latest() == b.latest()


@given(partial_dates(), st.sampled_from(["en", "zh"]))
def test_formatting_keeps_the_year(date: PartialDate, lang: str) -> None:
    assert str(date.year) in date.format(lang)


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        ("2003", "2003", "2003年"),
        ("2003-08", "August 2003", "2003年8月"),
        ("2003-08-27", "Aug 27, 2003", "2003年8月27日"),
        ("2003-08-27/2003-08-29", "Aug 27 – 29, 2003", "2003年8月27日至29日"),
        ("2007-09-27/2007-10-03", "Sep 27 – Oct 3, 2007", "2007年9月27日至10月3日"),
        ("2006/2007-02", "2006 – February 2007", "2006年 – 2007年2月"),
    ],
)
def test_prints_in_english_and_chinese(text: str, en: str, zh: str) -> None:
    span = DateSpan.parse(text)
    assert span.format("en") == en
    assert span.format("zh") == zh


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2003-02-29", "day 29 is not in 2003-02"),
        ("2003-00", "month 0 is not between 1 and 12"),
        ("03-08-27", "'03-08-27' is not an ISO 8601 date"),
        (dt.datetime(2003, 8, 27, 10, 0), "has a time"),
        (True, "expected a date"),
    ],
)
def test_rejects_what_is_not_a_date(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DateSpan.parse(value)


def test_accepts_what_yaml_produces() -> None:
    assert str(DateSpan.parse(2003)) == "2003"
    assert str(DateSpan.parse(dt.date(2005, 9, 19))) == "2005-09-19"


def test_overlap_is_by_day() -> None:
    span = DateSpan.parse("2003-08")
    assert span.overlaps(dt.date(2003, 8, 31), None)
    assert not span.overlaps(dt.date(2003, 9, 1), None)
    assert not span.overlaps(None, dt.date(2003, 7, 31))
