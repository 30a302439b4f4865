"""English dates: every form the docs list, the running context, and properties over any text.

Expected values are written by hand from the calendar; the 次日-style property is checked against
:mod:`datetime`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.ingest.dates import date_finder
from hexatable.ingest.types import DateMention

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
MONTHS += ["October", "November", "December"]


def found(*sentences: str, year: int | None = None) -> list[tuple[str, str]]:
    """(text, ISO value) of every date the finder returns over ``sentences`` in order."""
    finder = date_finder("en", year=year)
    return [(m.text, str(m.date)) for s in sentences for m in finder.find(s)]


def last(*sentences: str, year: int | None = None) -> str | None:
    values = found(*sentences, year=year)
    return values[-1][1] if values else None


ABSOLUTE = [
    ("On 14 July 2007, the reactor was shut.", "14 July 2007", "2007-07-14"),
    ("On 14th July 2007, the reactor was shut.", "14th July 2007", "2007-07-14"),
    ("On the 14th of July 2007, the reactor was shut.", "14th of July 2007", "2007-07-14"),
    ("On July 14, 2007, the reactor was shut.", "July 14, 2007", "2007-07-14"),
    ("On July 14th 2007, the reactor was shut.", "July 14th 2007", "2007-07-14"),
    ("On Sept. 19, 2005, the parties agreed.", "Sept. 19, 2005", "2005-09-19"),
    ("On 9 May 2009 nothing happened.", "9 May 2009", "2009-05-09"),
    ("In July 2007, the reactor was shut.", "July 2007", "2007-07"),
    ("Funds ran out in Mar. 2009 again.", "Mar. 2009", "2009-03"),
    ("In 2007, the reactor was shut.", "2007", "2007"),
    ("During 2004 the talks stalled.", "2004", "2004"),
    ("The statement is dated 2005-09-19.", "2005-09-19", "2005-09-19"),
    # vague parts: the month or year (the dating convention; PERIOD_PARTS below for --periods range)
    ("In early July 2007, inspectors arrived.", "early July 2007", "2007-07"),
    ("In mid-July 2007, inspectors arrived.", "mid-July 2007", "2007-07"),
    ("In late February 2004, talks resumed.", "late February 2004", "2004-02"),
    ("By the end of February 2003 nothing moved.", "the end of February 2003", "2003-02"),
    ("In early 2007 talks resumed.", "early 2007", "2007"),
    ("In late 2007 talks resumed.", "late 2007", "2007"),
    ("In the spring of 2003 China sent an envoy.", "spring of 2003", "2003-03/2003-05"),
    ("In winter 2003 talks stalled.", "winter 2003", "2003-12/2004-02"),
    ("Talks were held on 27–29 August 2003.", "27–29 August 2003", "2003-08-27/2003-08-29"),
    ("Talks were held on 27-29 August 2003.", "27-29 August 2003", "2003-08-27/2003-08-29"),
    ("Talks were held August 27-29, 2003.", "August 27-29, 2003", "2003-08-27/2003-08-29"),
    ("Talks ran from 27 to 29 August 2003.", "27 to 29 August 2003", "2003-08-27/2003-08-29"),
    ("Talks ran 27 September – 3 October 2007.", "27 September – 3 October 2007", "2007-09-27/2007-10-03"),
    ("Talks ran September 27 – October 3, 2007.", "September 27 – October 3, 2007", "2007-09-27/2007-10-03"),
    ("Sanctions ran from 2004 to 2005.", "2004 to 2005", "2004/2005"),
]


@pytest.mark.parametrize(("text", "said", "iso"), ABSOLUTE)
def test_absolute_forms(text: str, said: str, iso: str) -> None:
    assert found(text) == [(said, iso)]


PERIOD_PARTS = [
    # (sentence, the date's text, with the dating convention (contain), with --periods range, rule)
    (
        "In early July 2007, inspectors arrived.",
        "early July 2007",
        "2007-07",
        "2007-07-01/2007-07-10",
        "en-my+early",
    ),
    (
        "At the beginning of July 2007 they left.",
        "the beginning of July 2007",
        "2007-07",
        "2007-07-01/2007-07-10",
        "en-my+early",
    ),
    (
        "In the middle of July 2007 they left.",
        "the middle of July 2007",
        "2007-07",
        "2007-07-11/2007-07-20",
        "en-my+mid",
    ),
    (
        "At the end of February 2004 they left.",
        "the end of February 2004",
        "2004-02",
        "2004-02-21/2004-02-29",
        "en-my+late",
    ),
    ("In mid-2007 talks resumed.", "mid-2007", "2007", "2007-05/2007-08", "en-y+mid"),
    ("In late 2007 talks resumed.", "late 2007", "2007", "2007-09/2007-12", "en-y+late"),
    (
        "At the start of the year, talks resumed.",
        "the start of the year",
        "2006",
        "2006-01/2006-04",
        "en-rel-year+early",
    ),
    (
        "At the end of the following year, talks resumed.",
        "the end of the following year",
        "2007",
        "2007-09/2007-12",
        "en-rel-year+late",
    ),
    ("Early next year, talks resumed.", "Early next year", "2007", "2007-01/2007-04", "en-rel-year+early"),
]


PERIOD_PARTS += [
    ("Talks resumed in mid-July.", "mid-July", "2006-07", "2006-07-11/2006-07-20", "en-m+year+mid"),
    ("Late last year, talks stalled.", "Late last year", "2005", "2005-09/2005-12", "en-rel-year+late+back"),
]


@pytest.mark.parametrize(("text", "said", "contained", "ranged", "rule"), PERIOD_PARTS)
def test_a_vague_part_is_its_period_unless_ranges_are_asked_for(
    text: str, said: str, contained: str, ranged: str, rule: str
) -> None:
    """The dating convention (docs/case-format.md): "early July", "the end of the year" fix no days or
    months, so they are the month or year; ``periods="range"`` gives the sharp ranges; the rule names
    the part either way (the year of the relative forms is the seeded 2006)."""
    for periods, iso in (("contain", contained), ("range", ranged)):
        (mention,) = date_finder("en", year=2006, periods=periods).find(text)
        assert (mention.text, str(mention.date), mention.rule, mention.period) == (said, iso, rule, periods)


@pytest.mark.parametrize("periods", ["contain", "range"])
def test_a_season_is_a_range_either_way(periods: str) -> None:
    (mention,) = date_finder("en", periods=periods).find("In the spring of 2003 China sent an envoy.")  # type: ignore[arg-type]
    assert (str(mention.date), mention.rule, mention.period) == ("2003-03/2003-05", "en-y+spring", None)


CONTEXTUAL = [
    (("Kelly arrived on July 14.",), 2007, "2007-07-14"),
    (("Kelly arrived on 14 July.",), 2007, "2007-07-14"),
    (("Talks were held in July.",), 2007, "2007-07"),
    (("Talks were held August 27-29.",), 2003, "2003-08-27/2003-08-29"),
    (("Talks opened on 31 August 2003.", "The next day, Kelly left."), None, "2003-09-01"),
    (("Talks opened on 31 December 2003.", "The following day, Kelly left."), None, "2004-01-01"),
    (("Talks opened on 31 December 2003.", "Kelly left next day."), None, "2004-01-01"),
    (("Talks opened on 31 August 2003.", "The same day, Kelly left."), None, "2003-08-31"),
    (("Talks opened on 1 March 2004.", "The day before, Kelly arrived."), None, "2004-02-29"),
    (("Talks opened on 27 August 2003.", "Later that month, Kelly left."), None, "2003-08"),
    (("Talks opened on 27 August 2003.", "The following month, Kelly left."), None, "2003-09"),
    (("Talks opened on 27 August 2003.", "The following year, Kelly left."), None, "2004"),
    (("Talks opened on 27 August 2003.", "Last year, Kelly left."), None, "2002"),
    (("This year the talks resumed.",), 2019, "2019"),
    (("Next year the talks resume.",), 2019, "2020"),
]


@pytest.mark.parametrize(("sentences", "year", "iso"), CONTEXTUAL)
def test_forms_resolved_from_context(sentences: tuple[str, ...], year: int | None, iso: str) -> None:
    assert last(*sentences, year=year) == iso


@pytest.mark.parametrize(
    "text",
    [
        "The reactor may restart; 2007 people attended.",
        "He will march on.",
        "The plant produced 5000 tonnes in 30 days.",
        "Mar-a-Lago is in Florida.",
        "Resolution 1718 was adopted.",
        "The summit was held in Hanoi on the 27th.",
        "See https://example.org/2009/Mar/06/news for the report.",
        "Nothing could mar the deal signed in Dec.",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text, year=2007) == []


def test_without_a_year_nothing_is_resolved_and_today_is_never_used() -> None:
    finder = date_finder("en")
    text = "On July 14, talks opened. The next day they closed. This year, later that month, in July."
    assert finder.find(text) == []
    assert finder.unresolved == ["July 14", "The next day", "This year", "later that month", "July"]


def test_context_rule_in_english() -> None:
    finder = date_finder("en")
    finder.find("Talks opened on 27 August 2003 in Beijing.")
    planned, quoted, since = (
        finder.find("Kelly said talks will resume on 10 December 2003.")
        + finder.find('He called "14 July 2004" a good day.')
        + finder.find("Since 2002, tension has grown.")
    )
    assert (planned.anchor, quoted.anchor, since.anchor) == (False, False, False)
    assert since.rule == "en-y+bound"
    assert [str(m.date) for m in finder.find("The next day, Kelly left.")] == ["2003-08-28"]


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.booleans())
def test_next_day_follows_the_calendar(day: dt.date, month_first: bool) -> None:
    name = MONTHS[day.month - 1]
    written = f"{name} {day.day}, {day.year}" if month_first else f"{day.day} {name} {day.year}"
    sentences = (f"Talks opened on {written}.", "The next day, Kelly left.")
    assert found(*sentences) == [
        (written, day.isoformat()),
        ("The next day", str(day + dt.timedelta(days=1))),
    ]
    assert last(f"Talks opened on {written}.", "The day before, Kelly arrived.") == str(
        day - dt.timedelta(days=1)
    )


PIECES = [
    "14 July 2007",
    "July 14, 2007",
    "July 14",
    "in 2004",
    "since 1999",
    "early 2005",
    "late July",
    "27-29 August",
    "2007-07-14",
    "the next day",
    "The same day",
    "the day before",
    "later that month",
    "the following year",
    "last year",
    "this year",
    "next year",
    "winter 2003",
    "May",
    "will",
    '"',
    ", ",
    ". ",
    "Talks ",
    "the ",
    "31",
    "2020",
    " ",
]
RELATIVE = re.compile(r"next|same|before|that month|following|last year|this year|winter|late July")
WRITTEN_YEAR = re.compile(r"\d{4}")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30),
    st.one_of(st.none(), st.integers(1900, 1980)),
)
def test_any_text_gives_only_years_written_or_carried(pieces: list[str], year: int | None) -> None:
    text = "".join(pieces)
    mentions = date_finder("en", year=year).find(text)
    known = [int(y) for y in WRITTEN_YEAR.findall(text)] + ([year] if year is not None else [])
    if not known:
        assert mentions == []
        return
    slack = len(RELATIVE.findall(text)) + 1
    for mention in mentions:
        for point in (mention.date.start, mention.date.last):
            assert min(known) - slack <= point.year <= max(known) + slack, (text, mention)
    assert all(text[m.start : m.end] == m.text for m in mentions)


SENTENCES = [
    "Talks opened on 27 August 2003 in Beijing. ",
    "The next day, the parties issued a statement. ",
    "On July 14, the reactor was shut. ",
    'He called "14 July 2004" a good day. ',
    "Kelly said talks will resume on 10 December. ",
    "Since 2002, tension has grown. ",
    "Later that month, envoys met again. ",
    "Nothing was agreed. ",
    "In early 2005 the talks stalled. ",
    "SEOUL, Dec. 11 (Yonhap) -- Envoys met on Tuesday. ",
    "He said yesterday that talks will resume on Friday. ",
    "They discussed the September 19 joint statement. ",
]


@dataclass(frozen=True)
class Seen:
    start: int
    text: str
    date: str
    rule: str
    inferred: bool
    anchor: bool


def seen(mentions: list[DateMention], offset: int) -> list[Seen]:
    return [Seen(m.start + offset, m.text, str(m.date), m.rule, m.inferred, m.anchor) for m in mentions]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=10),
    st.lists(st.booleans(), min_size=10, max_size=10),
    st.one_of(st.none(), st.integers(1990, 2010)),
)
def test_splitting_between_sentences_changes_nothing(
    sentences: list[str], cuts: list[bool], year: int | None
) -> None:
    whole = date_finder("en", year=year)
    expected = seen(whole.find("".join(sentences)), 0)
    pieces: list[str] = [sentences[0]]
    for sentence, cut in zip(sentences[1:], cuts, strict=False):
        if cut:
            pieces.append(sentence)
        else:
            pieces[-1] += sentence
    split = date_finder("en", year=year)
    got: list[Seen] = []
    offset = 0
    for piece in pieces:
        got += seen(split.find(piece), offset)
        offset += len(piece)
    assert got == expected
    assert split.unresolved == whole.unresolved


# --- Weekdays, "yesterday", datelines and dates that name something -------------------------------
# Weekdays from the calendar: 11 December 2008 was a Thursday; 30 October 2007 a Tuesday; 15 April 2009
# a Wednesday; 29 July 2007 a Sunday.


def found_written(*sentences: str, year: int | None, written: dt.date | None) -> list[tuple[str, str, bool]]:
    finder = date_finder("en", year=year, written=written)
    return [(m.text, str(m.date), m.anchor) for s in sentences for m in finder.find(s)]


DATELINES = [
    # (text, year seed, expected (text, value) pairs): the dateline sets the day weekdays count from
    (
        "BEIJING, Dec. 11 (Yonhap) -- The talks failed Thursday to produce a deal.",
        2008,
        [("Dec. 11", "2008-12-11"), ("Thursday", "2008-12-11")],
    ),
    (
        "TOKYO, Oct. 15 Kyodo - Japan refused on Monday.",
        2008,
        [("Oct. 15", "2008-10-15"), ("Monday", "2008-10-13")],
    ),
    (
        "SEOUL, South Korea (March 12, 2006) — North Korea accused the United States on Sunday.",
        None,
        [("March 12, 2006", "2006-03-12"), ("Sunday", "2006-03-12")],
    ),
    (
        "14/12/2008 13:19 MOSCOW, December 14 (RIA Novosti) - Russia said on Friday it would finish.",
        2008,
        # since round 6 the wire's stamp is read as the dateline's date too (its year, here its day)
        [("14/12/2008", "2008-12-14"), ("December 14", "2008-12-14"), ("Friday", "2008-12-12")],
    ),
    (
        "14/12/2008 13:19 MOSCOW, December 14 (RIA Novosti) - Russia said on Friday it would finish.",
        None,
        [("14/12/2008", "2008-12-14"), ("December 14", "2008-12-14"), ("Friday", "2008-12-12")],
    ),
]


@pytest.mark.parametrize(("text", "year", "expected"), DATELINES)
def test_a_dateline_sets_the_day_weekdays_count_from(
    text: str, year: int | None, expected: list[tuple[str, str]]
) -> None:
    assert [(t, v) for t, v, _ in found_written(text, year=year, written=None)] == expected


def test_written_line_is_a_dateline() -> None:
    finder = date_finder("en", year=2007)
    finder.find("Written: 2007-10-30 18:25:59")
    assert finder.written == dt.date(2007, 10, 30)
    assert [(m.text, str(m.date)) for m in finder.find("The agreement was announced Tuesday in Seoul.")] == [
        ("Tuesday", "2007-10-30")
    ]


def test_each_dateline_sets_the_day_of_writing_and_a_date_inside_a_sentence_is_none() -> None:
    finder = date_finder("en", year=2008)
    finder.find("Talks resumed on Dec. 11 -- and failed.")  # not at the start of its sentence
    assert finder.written is None
    finder.find("BEIJING, Dec. 11 (Yonhap) -- Talks failed.")
    assert finder.written == dt.date(2008, 12, 11)
    finder.find("SEOUL, Dec. 20 (Yonhap) -- Envoys left.")  # the next report's
    assert finder.written == dt.date(2008, 12, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea said on Wednesday it would leave.", "2009-04-15"),  # the day of writing itself
        ("Inspectors left on Tuesday.", "2009-04-14"),
        ("Inspectors arrived last Thursday.", "2009-04-09"),
        ("Inspectors arrived Thursday.", "2009-04-09"),
        ("Envoys will meet on Friday.", "2009-04-17"),  # a plan: the next Friday
        ("Envoys meet next Wednesday.", "2009-04-22"),  # next: after the day of writing
        ("He said yesterday that he would go.", "2009-04-14"),
        ("Talks open today.", "2009-04-15"),
        ("Talks open tomorrow.", "2009-04-16"),
    ],
)
def test_weekdays_and_yesterday_count_from_the_day_of_writing(text: str, expected: str) -> None:
    assert [v for _, v, _ in found_written(text, year=2009, written=dt.date(2009, 4, 15))] == [expected]


def test_a_weekday_is_unresolved_without_a_day_of_writing() -> None:
    finder = date_finder("en", year=2009)
    assert finder.find("On 14 April 2009 talks broke down. Inspectors left on Tuesday.")[1:] == []
    assert finder.unresolved == ["Tuesday"]
    assert date_finder("en").find("He said yesterday that he would go.") == []


def test_a_weekday_before_a_date_is_part_of_the_date() -> None:
    assert found("On Tuesday, July 14, 2009, they met.") == [("July 14, 2009", "2009-07-14")]
    assert found("On Tuesday 14 July 2009 they met.") == [("14 July 2009", "2009-07-14")]


def test_a_weekday_counts_from_the_dateline_not_from_the_narration() -> None:
    # the narration moves to 2 December; "on Tuesday" is still the Tuesday before the dateline (9 December)
    got = found_written(
        "BEIJING, Dec. 11 (Yonhap) -- Talks failed.",
        "On Dec. 2, envoys had met in Seoul.",
        "On Tuesday, the US envoy arrived.",
        year=2008,
        written=None,
    )
    assert got[-1] == ("Tuesday", "2008-12-09", True)


def test_a_plan_across_an_abbreviation() -> None:
    # "7 a.m." does not start a clause: "is to" before it still makes Monday a plan (the next Monday)
    text = "The tanker left at 1 a.m. and is to arrive at Sonbong at 7 a.m. on Monday, officials said."
    assert found_written(text, year=2007, written=dt.date(2007, 7, 29)) == [("Monday", "2007-07-30", False)]


def test_a_date_that_names_something_does_not_move_the_context() -> None:
    got = found_written(
        "Envoys met on March 15, 2007.",
        "They discussed the September 19 joint statement and the February deal.",
        "The next day, they left.",
        year=None,
        written=None,
    )
    assert got == [
        ("March 15, 2007", "2007-03-15", True),
        ("September 19", "2007-09-19", False),
        ("February", "2007-02", False),
        ("The next day", "2007-03-16", True),
    ]
    # "a" or a possessive before the date names a thing too (round 4)
    got = found_written(
        "Envoys met on March 15, 2007.",
        "The North, under a February 2007 pact and its June declaration, objected.",
        "The next day, they left.",
        year=None,
        written=None,
    )
    assert got == [
        ("March 15, 2007", "2007-03-15", True),
        ("February 2007", "2007-02", False),
        ("June", "2007-06", False),
        ("The next day", "2007-03-16", True),
    ]
    # at the start of a sentence too, capitalised (found in review: "Its June …" moved the context)
    got = found_written(
        "Envoys met on March 15, 2007.",
        "Its June declaration was welcomed.",
        "The June deal collapsed.",
        "Her May 5 speech was short.",
        "The next day, they left.",
        year=None,
        written=None,
    )
    assert [anchor for _, _, anchor in got] == [True, False, False, False, True]
    assert got[-1][:2] == ("The next day", "2007-03-16")
    # but "on the 14th of July" is narration
    assert found_written("On the 14th of July 2007 the reactor was shut.", year=None, written=None) == [
        ("14th of July 2007", "2007-07-14", True)
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.booleans(),
)
def test_a_weekday_is_the_nearest_such_day_on_the_right_side(written: dt.date, name: str, plan: bool) -> None:
    text = f"Envoys will meet on {name}." if plan else f"Envoys met on {name}."
    ((_, value, _),) = found_written(text, year=written.year, written=written)
    day = dt.date.fromisoformat(value)
    assert day.strftime("%A") == name
    if plan:
        assert 1 <= (day - written).days <= 7
    else:
        assert 0 <= (written - day).days <= 6


@pytest.mark.parametrize(
    "text",
    [
        "PARIS, July 14 is a holiday in France.",  # a city and a date, but no agency or dash after it
        "He left Seoul on Dec. 11 (a Thursday) -- and returned.",  # not at the start of its sentence
        "Written by Lee on 2008-12-11.",  # not a "Written:" line
    ],
)
def test_not_a_dateline(text: str) -> None:
    finder = date_finder("en", year=2008)
    finder.find(text)
    assert finder.written is None


# --- Weeks and months named from the day of writing ------------------------------------------------
# 15 April 2009 was a Wednesday: its week ran Monday 13 to Sunday 19 April; 1 January 2009 a Thursday.


@pytest.mark.parametrize(
    ("text", "written", "expected", "anchor"),
    [
        ("Inspectors left last week.", dt.date(2009, 4, 15), "2009-04-06/2009-04-12", True),
        ("The ban was widened earlier this week.", dt.date(2009, 4, 15), "2009-04-13/2009-04-14", True),
        ("Envoys met this week.", dt.date(2009, 4, 15), "2009-04-13/2009-04-19", True),
        ("Envoys will meet later this week.", dt.date(2009, 4, 15), "2009-04-16/2009-04-19", False),
        ("Talks resume next week.", dt.date(2009, 4, 15), "2009-04-20/2009-04-26", False),
        ("Earlier this week, Seoul agreed.", dt.date(2009, 4, 13), "2009-04-13", True),  # a Monday
        ("Pyongyang refused last month.", dt.date(2009, 1, 1), "2008-12", True),  # across the year
        ("The deal was struck earlier this month.", dt.date(2009, 4, 15), "2009-04", True),
        ("Talks resume next month.", dt.date(2009, 12, 3), "2010-01", False),
        ("Talks resumed last week.", dt.date(2009, 1, 1), "2008-12-22/2008-12-28", True),
    ],
)
def test_weeks_and_months_count_from_the_day_of_writing(
    text: str, written: dt.date, expected: str, anchor: bool
) -> None:
    assert [(v, a) for _, v, a in found_written(text, year=written.year, written=written)] == [
        (expected, anchor)
    ]


def test_weeks_and_months_are_not_back_references_and_need_a_day_of_writing() -> None:
    # the narration is set in June; "last month" in a report of 15 April 2009 is still March
    got = found_written(
        "On 20 June 2009 talks failed.", "Envoys had met last month.", year=2009, written=dt.date(2009, 4, 15)
    )
    assert got[1] == ("last month", "2009-03", True)
    finder = date_finder("en", year=2009)
    assert finder.find("Inspectors left last week.") == []
    assert finder.unresolved == ["last week"]
    # not a period of the day of writing: "the last weekend", "this weekly report"
    assert (
        found_written("The last weekend and this weekly report.", year=2009, written=dt.date(2009, 4, 15))
        == []
    )


def test_an_earlier_date_in_a_subordinate_clause_is_marked_back_and_does_not_move_the_context() -> None:
    finder = date_finder("en", year=2007, written=dt.date(2007, 3, 16))
    finder.find("BEIJING, March 16 (Xinhua) -- Envoys met.")
    (back,) = finder.find("Aid resumed after the groups met in New York in early March.")
    assert (str(back.date), back.rule, back.anchor) == (
        "2007-03",  # a vague part: the month; still before the dateline's 16 March (its days 1-10 are)
        "en-m+year+early+back",
        False,
    )
    (next_day,) = finder.find("The next day, talks ended.")
    assert str(next_day.date) == "2007-03-17"  # from the dateline's 16 March, not from early March


@pytest.mark.parametrize(
    "sentence",
    [
        "On March 9, the groups met in New York.",  # opens its clause
        "The groups met in New York on March 9.",  # dates the sentence's main act
    ],
)
def test_an_earlier_date_that_narrates_moves_the_context(sentence: str) -> None:
    finder = date_finder("en", year=2007, written=dt.date(2007, 3, 16))
    finder.find("BEIJING, March 16 (Xinhua) -- Envoys met.")
    (back,) = finder.find(sentence)
    assert (str(back.date), back.rule, back.anchor) == ("2007-03-09", "en-md+year+back", True)
    (next_day,) = finder.find("The next day, talks ended.")
    assert str(next_day.date) == "2007-03-10"  # from the look-back date, not from the dateline


def test_after_a_look_back_a_month_and_day_are_read_in_the_report_s_year() -> None:
    # a report of 12 January 2009 looks back to December 2008, then returns to January
    finder = date_finder("en", year=2009, written=dt.date(2009, 1, 12))
    finder.find("SEOUL, Jan. 12 (Yonhap) -- The envoys spoke again.")
    (ended,) = finder.find("The talks ended on Dec. 11.")
    (next_day,) = finder.find("The next day, the envoys flew home.")
    (later,) = finder.find("On Jan. 5, the North answered.")
    assert [str(m.date) for m in (ended, next_day, later)] == ["2008-12-11", "2008-12-12", "2009-01-05"]


@pytest.mark.parametrize(
    ("written", "sentences", "expected"),
    [
        (
            dt.date(2009, 1, 12),
            ["On Dec. 8, the talks opened.", "On Dec. 11, they closed.", "On Jan. 5, the North answered."],
            ["2008-12-08", "2008-12-11", "2009-01-05"],
        ),
        (
            dt.date(2010, 2, 3),
            ["Envoys met on Nov. 20.", "On Dec. 2, they met again.", "The envoys signed on Jan. 15."],
            ["2009-11-20", "2009-12-02", "2010-01-15"],
        ),
    ],
)
def test_a_month_and_day_between_look_backs_keeps_the_report_s_own_time(
    written: dt.date, sentences: list[str], expected: list[str]
) -> None:
    # a second look-back date read in the first one's year does not end the report's own time
    finder = date_finder("en", year=written.year, written=written)
    finder.find(f"SEOUL, {written:%b}. {written.day} (Yonhap) -- The envoys spoke again.")
    found = [mention for sentence in sentences for mention in finder.find(sentence)]
    assert [str(m.date) for m in found] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the terms of the February deal, aid went on.",  # names a thing by its date
        "Since early March, aid went on.",  # a bound
        "Talks were scheduled for early March.",  # a plan, though its month is past
    ],
)
def test_an_earlier_date_set_aside_is_not_marked_back(sentence: str) -> None:
    finder = date_finder("en", year=2007, written=dt.date(2007, 3, 16))
    finder.find("BEIJING, March 16 (Xinhua) -- Envoys met.")
    (mention,) = finder.find(sentence)
    assert not mention.anchor
    assert not mention.rule.endswith("+back")


def test_news_forms_with_the_year_from_the_context() -> None:
    # a report of Saturday 21 July 2007, its year seeded from the source's date as the pipeline does
    got = found_written(
        "SEOUL, July 21 (Yonhap) -- Talks ended.",
        "Envoys met July 18-20 in Beijing.",
        "Inspectors return in mid-August.",
        "The group met Saturday morning.",
        year=2007,
        written=None,
    )
    assert [(t, v) for t, v, _ in got] == [
        ("July 21", "2007-07-21"),
        ("July 18-20", "2007-07-18/2007-07-20"),
        ("mid-August", "2007-08"),
        ("Saturday", "2007-07-21"),
    ]


# (sentences, day of writing or None, end of the source's date or None, expected (text, value) pairs):
# a month and day said without a year, after the writing, are the year before's when that is nearer
PAST_OF_WRITING = [
    # a report of 11 January 2009 (its dateline): the talks that ended on 11 December were 2008's
    (
        ("SEOUL, Jan. 11 (Yonhap) -- The talks ended Dec. 11 without a deal.",),
        None,
        None,
        [("Jan. 11", "2009-01-11"), ("Dec. 11", "2008-12-11")],
    ),
    # a source dated January-February 2009, no dateline: the bound is 28 February
    (
        ("The talks ended Dec. 11 without a deal.", "On Feb. 2 the envoy met Hill."),
        None,
        dt.date(2009, 2, 28),
        [("Dec. 11", "2008-12-11"), ("Feb. 2", "2009-02-02")],
    ),
    # the coming August is nearer to 21 July than the last one: not moved, though not a plan by tense
    (("Inspectors return in mid-August.",), dt.date(2009, 7, 21), None, [("mid-August", "2009-08")]),
    # a plan may lie after the writing
    (("The talks will resume on Dec. 8.",), None, dt.date(2009, 2, 28), [("Dec. 8", "2009-12-08")]),
    # no bound: as before
    (("The talks ended Dec. 11 without a deal.",), None, None, [("Dec. 11", "2009-12-11")]),
]


@pytest.mark.parametrize(("sentences", "written", "written_by", "expected"), PAST_OF_WRITING)
def test_a_date_after_the_writing_is_the_year_before_when_nearer(
    sentences: tuple[str, ...],
    written: dt.date | None,
    written_by: dt.date | None,
    expected: list[tuple[str, str]],
) -> None:
    finder = date_finder("en", year=2009, written=written, written_by=written_by)
    assert [(m.text, str(m.date)) for s in sentences for m in finder.find(s)] == expected


def test_chinese_dates_are_not_moved_before_the_writing() -> None:
    """The rule is English only: a Chinese back-reference dates no clause, so moving 12月11日 into the
    year before would lose its events (docs/ingest-dates.md)."""
    finder = date_finder("zh", year=2009, written_by=dt.date(2009, 1, 31))
    assert [str(m.date) for m in finder.find("12月11日，会谈结束。")] == ["2009-12-11"]


def test_the_finder_marks_the_dates_that_never_date_their_clause() -> None:
    """A plan, a bound and a date naming a thing are ``aside`` (rule 3e reads this; the extraction no
    longer scans the sentence a second time for them)."""
    finder = date_finder("en", year=2031, written=dt.date(2031, 3, 12))
    found = finder.find(
        "Japan said on Monday it will meet China on Friday, since March, under the February deal."
    )
    assert [(m.text, m.aside) for m in found] == [
        ("Monday", False),
        ("Friday", True),
        ("March", True),
        ("February", True),
    ]
