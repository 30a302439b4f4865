"""Dates listed with 和 / 、 / "and": one date (and one event) per date, not a range (round 5).

The dating convention (docs/case-format.md): a date claims no more precision than the text gives. A
list names its dates one by one and says nothing of the days between, so "on March 3 and 5" is 3 March
and 5 March, never 2007-03-03/2007-03-05. Our own sentences.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import DraftEvent
from tests.ingest.fakes import FakeGazetteer, FakeVerbs


def _events(lang: str, text: str, cues: dict[str, int]) -> list[DraftEvent]:
    """The events ``extract`` finds in ``text`` with the fakes (context year 2006)."""
    extraction = extract(
        document_from_text(text, name="list.txt"),
        lang=lang,  # type: ignore[arg-type]
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(cues),
        source_id="list",
        year=2006,
    )
    return list(extraction.events)


def _visits(lang: str, text: str) -> list[tuple[str, str]]:
    """(first actor, date) of each visit in ``text``."""
    return [(e.actors[0].actor, str(e.date.date)) for e in _events(lang, text, {"visited": 4, "访问": 4})]


def _dates(lang: str, text: str, year: int = 2006) -> list[tuple[str, str]]:
    finder = date_finder(lang, year=year)  # type: ignore[arg-type]
    return [(str(m.date), m.rule) for m in finder.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year written after the list is every member's (the context says 2006)
        (
            "The envoys met on May 3 and 7, 2009.",
            [("2009-05-03", "en-md+year"), ("2009-05-07", "en-md+year+list")],
        ),
        ("They met in March and April 2009.", [("2009-03", "en-m+year"), ("2009-04", "en-my+list")]),
        (
            "They met in March, April and May 2009.",
            [("2009-03", "en-m+year"), ("2009-04", "en-m+year+list"), ("2009-05", "en-my+list")],
        ),
        ("They met on 3 and 7 May 2009.", [("2009-05-03", "en-dmy"), ("2009-05-07", "en-dmy+list")]),
        (
            "They met on May 3, 7 and 9, 2009.",
            [
                ("2009-05-03", "en-md+year"),
                ("2009-05-07", "en-md+year+list"),
                ("2009-05-09", "en-md+year+list"),
            ],
        ),
        (
            "They met on May 3 and June 1, 2009.",
            [("2009-05-03", "en-md+year"), ("2009-06-01", "en-mdy+list")],
        ),
    ],
)
def test_english_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates("en", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On May 3 and 7 ships sailed.",  # a count after "and": no list
        "On May 3, two days later, they left.",  # a relative date after a comma: no list
        "On 5 March 2009, February's deal was signed.",  # joined by a comma alone: no list
    ],
)
def test_not_english_lists(text: str) -> None:
    assert all(not rule.endswith("+list") for _, rule in _dates("en", text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan criticised China in November, and March 2008 brought a deal.",
            [("2007-11", "en-m+year"), ("2008-03", "en-my")],
        ),
        (
            "Talks stalled in June, and July 2008 saw a new round.",
            [("2007-06", "en-m+year"), ("2008-07", "en-my")],
        ),
        (  # the serial comma of a list of three: still one list sharing its year
            "They met in March, April, and May 2008.",
            [("2008-03", "en-m+year"), ("2008-04", "en-m+year+list"), ("2008-05", "en-my+list")],
        ),
    ],
)
def test_comma_and_after_two_dates_joins_two_clauses_not_a_list(
    text: str, expected: list[tuple[str, str]]
) -> None:
    finder = date_finder("en", year=2006)
    finder.find("In May 2007 the talks began.")  # the narration is in 2007
    assert [(str(m.date), m.rule) for m in finder.find(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "On March 3 and 5,000 troops crossed the border.",  # a thousands comma: a count
        "On May 9 and 1,200 refugees left.",
        "On March 3 and 5.5 percent of the aid arrived.",  # a decimal point
        "On March 3 and 99, the envoys met again.",  # past 31: no day
    ],
)
def test_a_number_that_is_no_day_ends_no_list(text: str) -> None:
    # the date before "and" alone, and nothing left unresolved
    finder = date_finder("en", year=2006)
    found = finder.find(text)
    assert [(m.text, m.rule) for m in found] == [(text.split(" and ")[0][3:], "en-md+year")]
    assert finder.unresolved == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Talks ran between 3 and 7 May 2009.", ("2009-05-03/2009-05-07", "en-dmy+between")),
        ("en", "Talks ran between May 3 and 7, 2009.", ("2009-05-03/2009-05-07", "en-md+year+between")),
        ("en", "Talks ran between May 3 and May 7, 2009.", ("2009-05-03/2009-05-07", "en-md+year+between")),
        ("en", "Envoys met between June 28 and July 2.", ("2006-06-28/2006-07-02", "en-md+year+between")),
        ("zh", "2009年5月3日与7日之间，双方会谈。", ("2009-05-03/2009-05-07", "zh-ymd+between")),
        ("zh", "2009年4月和6月之间，双方多次会谈。", ("2009-04/2009-06", "zh-ym+between")),
    ],
)
def test_between_two_dates_is_the_range_the_text_gives(
    lang: str, text: str, expected: tuple[str, str]
) -> None:
    # the ends of a period, not a list: one date from the first to the second (docs/case-format.md)
    assert _dates(lang, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2009年5月和6月，双方会谈。", [("2009-05", "zh-ym"), ("2009-06", "zh-m+year+list")]),
        (
            "2009年5月3日、7日和9日，双方会谈。",
            [("2009-05-03", "zh-ymd"), ("2009-05-07", "zh-d+month+list"), ("2009-05-09", "zh-d+month+list")],
        ),
    ],
)
def test_chinese_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates("zh", text) == expected


def test_the_context_moves_to_a_lists_last_date() -> None:
    finder = date_finder("zh", year=2009)
    finder.find("2009年5月3日和7日，双方会谈。")
    assert [str(m.date) for m in finder.find("次日，双方签署声明。")] == ["2009-05-08"]


NAMES: dict[str, tuple[str, str | None]] = {
    "Japan": ("JPN", None),
    "日本": ("JPN", None),
    "中国": ("CHN", None),
    "韩国": ("KOR", None),
    "美国": ("USA", None),
    "俄罗斯": ("RUS", None),
    "朝鲜": ("PRK", None),
    "Russia": ("RUS", None),
    "North Korea": ("PRK", None),
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Japan met the envoys on May 3 and 7, 2009.\n", ["2009-05-03", "2009-05-07"]),
        ("zh", "2009年5月和6月，日本与中国会谈。\n", ["2009-05", "2009-06"]),
        # a list further on in the clause is a detail of its act, not more events
        ("en", "On June 1, 2009, Japan met China on drafts of May 3 and 7.\n", ["2009-06-01"]),
    ],
)
def test_one_event_per_listed_date(lang: str, text: str, expected: list[str]) -> None:
    events = _events(lang, text, {"met": 4, "会谈": 4})
    assert [str(e.date.date) for e in events] == expected
    assert len({e.id for e in events}) == len(expected)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "2009年5月3日和7日，日本访问中国，韩国访问美国。俄罗斯访问朝鲜。\n"),
        ("en", "On May 3 and 7, 2009, Japan visited China. Russia visited North Korea.\n"),
    ],
)
def test_clauses_that_inherit_a_list_s_date_inherit_the_whole_list(lang: str, text: str) -> None:
    # each clause and sentence after the list, in its paragraph, happened on both days
    got = _visits(lang, text)
    actors = ["JPN", "KOR", "RUS"] if lang == "zh" else ["JPN", "RUS"]
    assert got == [(actor, day) for actor in actors for day in ("2009-05-03", "2009-05-07")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "zh",
            "2009年5月3日和7日的会谈后，日本访问中国，韩国访问美国。俄罗斯访问朝鲜。\n",
            [("JPN", "2009-05-07"), ("KOR", "2009-05-07"), ("RUS", "2009-05-07")],
        ),
        (
            "en",
            "After talks on March 3 and 7, 2008, Russia visited Japan. North Korea visited China.\n",
            [("RUS", "2008-03-07"), ("PRK", "2008-03-07")],
        ),
    ],
)
def test_a_list_in_a_subordinate_stretch_dates_the_act_by_its_last_date(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    # the talks set the scene; the act followed them: one event, on the list's last date, and the
    # clauses and sentences after it inherit that date (the text gives no other)
    assert _visits(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "在2009年5月3日和7日举行的会谈中，日本访问中国。\n"),
        ("en", "During talks on May 3 and 7, 2009, Japan visited China.\n"),
        ("en", "When envoys met on May 3 and 7, 2009, Japan visited China.\n"),
    ],
)
def test_a_list_in_a_during_frame_dates_the_act_on_each_day(lang: str, text: str) -> None:
    # the act took place during the listed meetings, not after them: one event per listed date
    got = _visits(lang, text)
    assert got == [("JPN", "2009-05-03"), ("JPN", "2009-05-07")]
