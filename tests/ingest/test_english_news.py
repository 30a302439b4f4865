"""English news reports: the day of writing (dateline or source date) dates what the report does not.

The texts are short reports written for these tests (our own words), laid out as news excerpts are: a
dateline paragraph, then one paragraph per sentence or two. The names and cues come from the small
fakes of ``tests/ingest/fakes.py`` and the dates from the real English date finder, so each expected
date below follows from the calendar and the rule named beside it (11 December 2008 was a Thursday).
"""

from __future__ import annotations

import datetime as dt

from hexatable.case import open_case
from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.pipeline import case_source_day, case_source_year, plan
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeGazetteer, FakeVerbs

NEWS = (
    "BEIJING, Dec. 11 (Yonhap) -- North Korea rejected a verification deal on Thursday.\n"  # line 1
    "\n"
    "The United States said talks would go on.\n"  # line 3
    "\n"
    "On Tuesday, China proposed a compromise.\n"  # line 5
    "\n"
    "Japan met South Korea on 2 December 2008 in Seoul.\n"  # line 7
    "\n"
    "Russia held talks with North Korea.\n"  # line 9
)
NAMES: dict[str, tuple[str, str | None]] = {
    "North Korea": ("PRK", None),
    "United States": ("USA", None),
    "China": ("CHN", None),
    "Japan": ("JPN", None),
    "South Korea": ("KOR", None),
    "Russia": ("RUS", None),
}
CUES = {"rejected": 12, "said": 1, "proposed": 3, "met": 4, "held talks": 4}


def _extract(text: str, lang: str = "en", written: dt.date | None = None, year: int = 2008) -> Extraction:
    return extract(
        document_from_text(text, name="news.txt"),
        lang=lang,  # type: ignore[arg-type]
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="news",
        finder=date_finder(lang, year=year, written=written),  # type: ignore[arg-type]
    )


def test_undated_paragraphs_take_the_dateline_day() -> None:
    events = {
        (e.line, str(e.date.date), e.date.rule, tuple(a.actor for a in e.actors))
        for e in _extract(NEWS).events
    }
    assert events == {
        (1, "2008-12-11", "en-weekday", ("PRK",)),  # the lede, a sentence of its own: its Thursday
        (3, "2008-12-11", "inherited:dateline", ("USA",)),  # no date in its paragraph: the dateline day
        (5, "2008-12-09", "en-weekday", ("CHN",)),  # the Tuesday before Thursday 11 December
        (7, "2008-12-02", "en-dmy", ("JPN",)),
        (9, "2008-12-11", "inherited:dateline", ("RUS",)),  # not 2 December: that paragraph has ended
    }


def test_a_dateline_dated_event_says_why_it_is_inferred() -> None:
    (event,) = [e for e in _extract(NEWS).events if e.line == 3]
    assert event.date.inferred
    assert tuple(map(str, event.inferred)) == (
        "the clause says no date: the date is the day of writing (dateline or source date)",
    )


def test_without_a_day_of_writing_undated_paragraphs_are_not_events() -> None:
    text = "North Korea rejected a deal on 11 December 2008.\n\nThe United States said talks would go on.\n"
    result = _extract(text)
    assert [e.line for e in result.events] == [1]
    assert any("has no date to attach" in str(w) for w in result.warnings)


def test_the_source_date_is_the_day_of_writing_when_the_text_has_no_dateline() -> None:
    text = "The United States said talks would go on.\n\nChina proposed a compromise on Tuesday.\n"
    result = _extract(text, written=dt.date(2008, 12, 11))
    assert [(e.line, str(e.date.date)) for e in result.events] == [(1, "2008-12-11"), (3, "2008-12-09")]


def test_chinese_text_is_not_dated_by_the_day_of_writing() -> None:
    names: dict[str, tuple[str, str | None]] = {"朝鲜": ("PRK", None), "美国": ("USA", None)}
    text = "2008年12月11日，朝鲜拒绝协议。\n\n美国表示会谈将继续。\n"
    result = extract(
        document_from_text(text, name="zh.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(names),
        verbs=FakeVerbs({"拒绝": 12, "表示": 1}),
        source_id="zh",
        finder=date_finder("zh", year=2008, written=dt.date(2008, 12, 11)),
    )
    assert [e.line for e in result.events] == [1]


def test_the_pipeline_takes_the_day_of_writing_from_a_case_source_with_a_day() -> None:
    case = open_case("six-party-talks")
    # sources.yaml / ledger-sources.yaml of the built-in case: dated 2007-10-30, and 2019-02 (a month)
    assert case_source_day(case, "kbs-2007-10-30-energy-aid.txt") == dt.date(2007, 10, 30)
    assert case_source_year(case, "002_6a619cd3fbb93b98.txt") == 2019
    assert case_source_day(case, "002_6a619cd3fbb93b98.txt") is None
    assert case_source_day(None, "kbs-2007-10-30-energy-aid.txt") is None
    document = document_from_text("Talks ended.", name="kbs-2007-10-30-energy-aid.txt")
    assert plan([document], case=case)[0].written == dt.date(2007, 10, 30)
    assert plan([document], case=case, year=2010)[0].written is None  # --year says another year


def test_a_weekday_event_says_it_counts_from_the_day_of_writing() -> None:
    (event,) = [e for e in _extract(NEWS).events if e.line == 5]
    assert tuple(map(str, event.inferred)) == (
        "the date (Tuesday) counts from the day of writing (dateline or source date)",
    )


def test_an_earlier_date_dates_its_own_clause_but_is_not_inherited() -> None:
    # a report of 16 March 2007 narrates an earlier meeting; the sentence after it in its paragraph,
    # with no date, is dated by the day of writing again, not by early March
    text = (
        "BEIJING, March 16 (Xinhua) -- China said talks would go on.\n"
        "\n"
        "Japan met North Korea in Hanoi in early March. China said talks would resume.\n"
    )
    assert [(e.line, str(e.date.date), e.date.rule) for e in _extract(text, year=2007).events] == [
        (1, "2007-03-16", "inherited:dateline"),  # the lede, a sentence of its own after the dateline
        (3, "2007-03", "en-m+year+early+back"),  # a vague part: the month (the dating convention)
        (3, "2007-03-16", "inherited:dateline"),
    ]


def test_each_dateline_sets_the_day_of_writing_for_what_follows_it() -> None:
    # two reports in one file: the second lede takes the second dateline's day, not the first's
    text = (
        "SEOUL, Jan. 12 (Yonhap) -- North Korea rejected a verification deal.\n"  # line 1
        "\n"
        "TOKYO, March 3 (Kyodo) -- Japan met China.\n"  # line 3
        "\n"
        "Russia held talks with North Korea.\n"  # line 5
    )
    events = {(e.line, str(e.date.date), e.date.rule) for e in _extract(text, year=2009).events}
    assert events == {
        (1, "2009-01-12", "inherited:dateline"),
        (3, "2009-03-03", "inherited:dateline"),
        (5, "2009-03-03", "inherited:dateline"),  # the report under the second dateline
    }


def test_a_weekday_counts_from_its_own_report_s_dateline() -> None:
    # 5 March 2009 was a Thursday: "on Tuesday" under it is 3 March, not the Tuesday of the first report
    text = (
        "SEOUL, Feb. 10 (Yonhap) -- North Korea rejected a verification deal.\n"
        "\n"
        "BEIJING, March 5 (Xinhua) -- China proposed a compromise on Tuesday.\n"
    )
    events = {(e.line, str(e.date.date)) for e in _extract(text, year=2009).events}
    assert events == {(1, "2009-02-10"), (3, "2009-03-03")}
