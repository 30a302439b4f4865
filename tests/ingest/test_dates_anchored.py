"""Days anchored on an event, English look-back dates and dates in English relative clauses
(docs/ingest-dates.md, "Days anchored on an event" and "Context", rule 4).

Every sentence is written for these tests (our own words). The finder is the real one; the extraction
tests use a small name table and a cue stand-in, as the other extraction tests do.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from tests.ingest.fakes import FakeGazetteer, WeightedVerbs


def _read(lang: Lang, *sentences: str, year: int | None = None) -> list[list[tuple[str, str, bool]]]:
    """(text, date, anchor) of each date, sentence by sentence, through one finder."""
    finder = date_finder(lang, year=year)
    return [[(m.text, str(m.date), m.anchor) for m in finder.find(s)] for s in sentences]


# -- Chinese: 会谈前一天, 会谈开幕当天, 峰会次日 ----------------------------------------------------


def test_the_day_before_an_event_counts_from_its_first_day_and_becomes_the_context() -> None:
    got = _read(
        "zh",
        "2011年5月10日至12日，四方会谈在日内瓦举行。",
        "会谈前一天晚上，东道国设宴招待各代表团。",
        "翌日上午，各方代表团长先行碰头。",
    )
    assert got[1] == [("前一天", "2011-05-09", True)]  # the day before the 10th, not context − 1
    assert got[2] == [("翌日", "2011-05-10", True)]  # counts from the anchored day, not from the 12th


def test_the_day_after_an_event_counts_from_its_last_day() -> None:
    got = _read(
        "zh",
        "2015年3月2日至4日，两国首脑在汉城举行峰会。",
        "3月3日，两国外长另行会见记者。",
        "峰会次日，外长发表联合声明。",
    )
    assert got[2] == [("次日", "2015-03-05", True)]  # not the day after the 3rd


@pytest.mark.parametrize(
    ("anchored", "expected"),
    [
        ("会谈开幕当天，双方交换了文本。", "2012-09-17"),  # the opening day: the first
        ("会谈闭幕当天，双方交换了文本。", "2012-09-19"),  # the closing day: the last
        ("会谈开幕次日，双方交换了文本。", "2012-09-18"),  # the day after it opened
    ],
)
def test_opening_and_closing_name_which_day_of_the_event(anchored: str, expected: str) -> None:
    got = _read("zh", "2012年9月17日至19日，第三轮会谈在北京举行。", "18日，各方依次发言。", anchored)
    assert got[2][0][1] == expected


def test_the_event_is_the_one_named_with_the_date_not_the_latest_date() -> None:
    # the consultations' date is the first of the sentence; the later date names a visit
    got = _read(
        "zh",
        "2013年6月3日至5日，三方磋商在首尔举行，6月20日日方代表访问平壤。",
        "磋商前一天，韩方公布了草案。",
    )
    assert got[1] == [("前一天", "2013-06-02", True)]


def test_without_the_event_s_date_a_day_before_counts_from_the_context_as_before() -> None:
    got = _read("zh", "2013年6月3日至5日，三方磋商在首尔举行。", "选举前一天，各方发表声明。")
    # no election was dated: 前一天 is read against the context, a back-reference as it was
    assert got[1] == [("前一天", "2013-06-02", False)]


def test_a_new_paragraph_forgets_the_events_of_the_one_before() -> None:
    finder = date_finder("zh")
    finder.find("2014年2月10日至11日，双边会谈在东京举行。")
    finder.find("2014年3月3日，双方发表声明。")
    finder.paragraph()
    (day,) = finder.find("会谈前一天，各方发表声明。")
    assert (str(day.date), day.anchor) == ("2014-03-02", False)  # from the context, not the talks


# -- English: "the day before the talks", "the eve of the summit" ---------------------------------


def test_english_days_of_an_event() -> None:
    got = _read(
        "en",
        "The four-party talks were held in Geneva from 10 to 12 May 2011.",
        "The day before the talks, the host gave a dinner.",
        "The next morning, the delegations met.",
        "The day after the talks ended, the envoys flew home.",
    )
    assert got[1] == [("The day before", "2011-05-09", True)]
    assert got[2] == []  # "the next morning" is no form of ours
    assert got[3] == [("The day after", "2011-05-13", True)]


def test_the_eve_of_an_event_and_the_day_after_it() -> None:
    got = _read(
        "en",
        "The summit opened in Hanoi on 27 February 2019.",
        "On the eve of the summit, the two leaders dined together.",
        "The next day, they met again.",
    )
    assert got[1] == [("the eve", "2019-02-26", True)]
    assert got[2] == [("The next day", "2019-02-27", True)]


@pytest.mark.parametrize(
    ("opening", "later", "anchored", "expected"),
    [
        ("The round opened", "Around 4 May 2011, the envoys met.", "The day after the round,", "2011-03-02"),
        (
            "The talks opened",
            "Farmers cut the stalks on 4 May 2011.",
            "The day before the talks,",
            "2011-02-28",
        ),
        (
            "The vote was held",
            "On 4 May 2011, the envoy devoted a speech to aid.",
            "The day after the vote,",
            "2011-03-02",
        ),
        (
            "The session opened",
            "On 4 May 2011, the possession was disputed.",
            "The day after the session,",
            "2011-03-02",
        ),
    ],
)
def test_an_english_event_is_named_by_a_whole_word(
    opening: str, later: str, anchored: str, expected: str
) -> None:
    # "around" names no round, "stalks" no talks: the day counts from the event said on 1 March
    got = _read("en", f"{opening} on 1 March 2011.", later, f"{anchored} the envoys flew home.")
    assert got[2] == [(anchored.split(" the ")[0], expected, True)]


def test_the_eve_without_the_event_s_date_is_unresolved_and_a_day_of_a_month_is_no_date() -> None:
    finder = date_finder("en", year=2019)
    assert finder.find("On the eve of the summit, the two leaders dined together.") == []
    assert finder.unresolved == ["the eve"]
    assert finder.find("Aid arrives by the last day of July.")[0].text == "July"


# -- English look-back dates (rule 4) and relative clauses -----------------------------------------

NAMES: dict[str, tuple[str, str | None]] = {
    "North Korea": ("PRK", None),
    "IAEA": ("IAEA", None),
    "Japan": ("JPN", None),
}
CUES: dict[str, tuple[int, float]] = {
    "said": (1, 0.3),
    "inspected": (4, 0.8),
    "met": (4, 0.9),
    "left": (4, 0.5),
    "stopped": (8, 0.8),
}


def _events(text: str, written: dt.date) -> list[tuple[str, tuple[str, ...]]]:
    extraction = extract(
        document_from_text(text, name="report.txt"),
        lang="en",
        gazetteer=FakeGazetteer(NAMES),
        verbs=WeightedVerbs(CUES),
        source_id="report",
        finder=date_finder("en", year=written.year, written=written),
    )
    return [(str(e.date.date), tuple(a.actor for a in e.actors)) for e in extraction.events]


def test_a_relative_clause_date_leaves_the_sentence_to_its_main_date() -> None:
    got = _events(
        "The IAEA, which inspected the site on 4 May 2007, said on June 2 that it was satisfied.\n",
        dt.date(2007, 6, 5),
    )
    assert got == [("2007-06-02", ("IAEA",))]


@pytest.mark.parametrize(
    ("sentence", "main", "expected_next_day"),
    [
        (
            "The IAEA, which inspected the site on 4 May 2007, said on June 2 that the reactor was shut.",
            ("June 2", "2007-06-02"),
            "2007-06-03",
        ),
        (
            "Japan, whose envoy left on 1 June, protested on June 4 at the UN.",
            ("June 4", "2007-06-04"),
            "2007-06-05",
        ),
    ],
)
def test_a_closed_relative_clause_does_not_subordinate_the_date_after_it(
    sentence: str, main: tuple[str, str], expected_next_day: str
) -> None:
    # the look-back date after the relative clause dates the sentence's act, so it moves the context
    finder = date_finder("en", year=2007, written=dt.date(2007, 6, 10))
    finder.find("VIENNA, June 10 (AP) -- Inspectors waited.")
    found = finder.find(sentence)
    assert [(m.text, str(m.date), m.anchor) for m in found][1] == (*main, True)
    (next_day,) = finder.find("The next day, the board met.")
    assert str(next_day.date) == expected_next_day


def test_a_date_inside_a_relative_clause_is_still_subordinate() -> None:
    finder = date_finder("en", year=2007, written=dt.date(2007, 6, 10))
    finder.find("VIENNA, June 10 (AP) -- Inspectors waited.")
    (inside,) = finder.find("The IAEA, which said on June 2 that the reactor was shut, waited.")
    assert (str(inside.date), inside.anchor) == ("2007-06-02", False)
    (next_day,) = finder.find("The next day, the board met.")
    assert str(next_day.date) == "2007-06-11"  # from the dateline


def test_a_relative_clause_date_still_dates_a_clause_that_has_no_other() -> None:
    got = _events("Japan criticised the plan, which North Korea stopped on 14 May.\n", dt.date(2007, 6, 5))
    # one clause, one event (rule 1: one main cue per clause); its only date is the relative clause's
    assert [date for date, _ in got] == ["2007-05-14"]


def test_a_narrated_look_back_dates_the_next_day_of_the_report() -> None:
    got = _events(
        "On Friday, Japan said it would wait.\n\n"
        "Japan met North Korea in Hanoi on 8 March.\n\nThe next day, Japan left Hanoi.\n",
        dt.date(2007, 3, 16),  # a Friday
    )
    # before: "The next day" counted from the day of writing (17 March)
    assert [date for date, _ in got] == ["2007-03-16", "2007-03-08", "2007-03-09"]


# -- Chinese: 起 ("from … on") is the day an act began, not a bound ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("3月19日起，多国对已在2003年宣布弃核的该国发动空袭。", "3月19日", "2011-03-19"),
        ("从2012年起，该国政府推行新的对朝政策。", "2012年", "2012"),
        ("第二阶段会议于3月22日起在日内瓦举行。", "3月22日", "2011-03-22"),
    ],
)
def test_a_date_with_qi_is_when_the_act_began_and_moves_the_context(
    sentence: str, text: str, expected: str
) -> None:
    finder = date_finder("zh")
    finder.find("2011年3月17日，安理会通过决议。")
    first = finder.find(sentence)[0]
    assert (first.text, str(first.date), first.anchor, first.rule.endswith("+from")) == (
        text,
        expected,
        True,
        True,
    )


def test_yilai_is_still_a_bound() -> None:
    finder = date_finder("zh")
    finder.find("2011年3月17日，安理会通过决议。")
    (since,) = finder.find("2003年以来，双方多次会谈。")
    assert (str(since.date), since.anchor, since.rule) == ("2003", False, "zh-y+bound")
