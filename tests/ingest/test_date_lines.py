"""Rule 2d of ``hexatable.ingest.extract``: in plain text, a line that is only a date dates the entries
under it, as a date heading does (rule 2c), until the next such line or heading.

The texts are our own words, laid out as plain-text chronologies are: a date alone on its line (maybe
with a colon or a dash after it), then entries that say no date. The date finder is the real one (the
rule reads what it finds); names and cues are small tables. Every expected record is worked out by
hand: the date from the line named, the reason from rule 2c's note.
"""

from __future__ import annotations

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from tests.ingest.fakes import FakeGazetteer, FakeVerbs

NAMES = {
    "中国": ("CHN", None),
    "朝鲜": ("PRK", None),
    "美国": ("USA", None),
    "韩国": ("KOR", None),
    "日本": ("JPN", None),
    "China": ("CHN", None),
    "North Korea": ("PRK", None),
    "Japan": ("JPN", None),
    "Russia": ("RUS", None),
    "South Korea": ("KOR", None),
}
CUES = {"宣布": 1, "表示": 1, "访问": 4, "提供": 7, "agreed": 3, "welcomed": 1, "said": 1, "shipped": 7}
HEADING = "the date ({}) is that of the heading on line {}, which the entries under it share"


def _extract(text: str, lang: Lang, name: str = "chronology.txt") -> Extraction:
    document = document_from_text(text, name=name)
    return extract(
        document,
        lang=lang,
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="c",
        finder=date_finder(lang),
    )


def _rows(extraction: Extraction) -> list[tuple[int, str, str, list[str]]]:
    return [(e.line, str(e.date.date), e.date.rule, [str(n) for n in e.inferred]) for e in extraction.events]


# Every line followed by a blank line (blank lines mean nothing there, each line is an entry), too few
# lines for the segmenter to tell a short heading line: each date line runs into the entry below it.
ZH_SPACED = (
    "2007年2月13日\n"  # 1: a date line
    "\n"
    "中国宣布会谈闭幕。\n"  # 3: runs on from line 1, so line 1's date is its own (quoted from line 3)
    "\n"
    "朝鲜表示欢迎。\n"  # 5: an entry of its own with no date: line 1's
    "\n"
    "2007年3月\n"  # 7: the next date line, a month; a line with no 日 stands alone (a heading)
    "\n"
    "美国访问朝鲜。\n"  # 9: line 7's
)


def test_a_chinese_date_line_dates_the_entries_under_it_until_the_next() -> None:
    assert _rows(_extract(ZH_SPACED, "zh")) == [
        # cited from its own line since round 6, so dated by the date line as the entries after it
        (3, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
        (5, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
        (9, "2007-03", "heading:zh-ym", [HEADING.format("2007年3月", 7)]),
    ]


# Entries in paragraphs (a blank line between them); a date line with a colon or a dash after it.
ZH_PARAGRAPHS = (
    "2007年2月13日：\n"  # 1
    "中国宣布会谈闭幕。朝鲜表示欢迎。\n"  # 2: one paragraph with line 1
    "\n"
    "韩国宣布向朝鲜提供援助。\n"  # 4: a paragraph of its own, no date: line 1's
    "\n"
    "2007年3月1日——\n"  # 6
    "美国访问朝鲜。\n"  # 7
    "\n"
    "日本表示欢迎。\n"  # 9: line 6's
)


def test_a_dateless_paragraph_under_a_date_line_gets_its_date() -> None:
    assert _rows(_extract(ZH_PARAGRAPHS, "zh")) == [
        (2, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),  # review of round 6
        (
            2,
            "2007-02-13",
            "inherited:zh-ymd",
            ["the date (2007年2月13日) is inherited from an earlier sentence of the paragraph"],
        ),
        (4, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
        (7, "2007-03-01", "heading:zh-ymd", [HEADING.format("2007年3月1日", 6)]),
        (9, "2007-03-01", "heading:zh-ymd", [HEADING.format("2007年3月1日", 6)]),
    ]


EN_LINES = (
    "Chronology\n"  # 1: a title
    "\n"
    "13 February 2007\n"  # 3: alone on its line
    "\n"
    "China and North Korea agreed on initial actions at the talks in Beijing that week.\n"  # 5
    "\n"
    "Japan welcomed the agreement and said it would follow the talks closely in Tokyo.\n"  # 7
    "\n"
    "14 July 2007 -\n"  # 9: with a dash (so not a short heading line: it runs into line 11)
    "\n"
    "South Korea shipped heavy fuel oil to North Korea, the first of the promised shipments.\n"  # 11
)


def test_an_english_date_line_dates_the_entries_under_it() -> None:
    assert _rows(_extract(EN_LINES, "en")) == [
        (5, "2007-02-13", "heading:en-dmy", [HEADING.format("13 February 2007", 3)]),
        (7, "2007-02-13", "heading:en-dmy", [HEADING.format("13 February 2007", 3)]),
        (11, "2007-07-14", "heading:en-dmy", [HEADING.format("14 July 2007", 9)]),
    ]


def test_a_line_that_is_a_date_and_text_stays_an_ordinary_sentence() -> None:
    """Dated by its own date, it dates nothing in the paragraphs after it: they warn, as before."""
    zh = _extract("2007年2月13日，中国宣布会谈闭幕。\n\n朝鲜表示欢迎。\n", "zh")
    assert _rows(zh) == [(1, "2007-02-13", "zh-ymd", [])]
    assert [str(w) for w in zh.warnings] == ["line 3: '表示' by 朝鲜 has no date to attach"]
    en = _extract("On 13 February 2007 China agreed.\n\nJapan welcomed the agreement.\n", "en")
    assert _rows(en) == [(1, "2007-02-13", "en-dmy", [])]
    assert [str(w) for w in en.warnings] == ["line 3: 'welcomed' by Japan has no date to attach"]


def test_a_year_line_sets_the_year_and_ends_the_section_above_it() -> None:
    """As a year heading does (rule 2c): "2008年" dates no entry, but 3月5日 after it is of 2008. (The
    first date line runs into the entry below it, which is quoted from its own line and so dated by
    the date line as a heading's, as the entry after it is.)"""
    text = (
        "2007年2月13日\n\n中国宣布会谈闭幕。\n\n朝鲜表示欢迎。\n\n"  # lines 1-5
        "2008年\n\n日本表示欢迎。\n\n3月5日，美国访问朝鲜。\n"  # lines 7-11
    )
    extraction = _extract(text, "zh", name="years.md")
    assert _rows(extraction) == [
        (3, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
        (5, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
        (11, "2008-03-05", "zh-md+year", ["part of the date (3月5日) comes from the text's running context"]),
    ]
    assert [str(w) for w in extraction.warnings] == ["line 9: '表示' by 日本 has no date to attach"]


def test_a_markdown_heading_ends_a_date_line_s_section() -> None:
    text = "2007年2月13日\n\n中国宣布会谈闭幕。\n\n朝鲜表示欢迎。\n\n## 评论\n\n日本表示欢迎。\n"
    extraction = _extract(text, "zh", name="notes.md")
    assert _rows(extraction) == [
        (3, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
        (5, "2007-02-13", "heading:zh-ymd", [HEADING.format("2007年2月13日", 1)]),
    ]
    assert [str(w) for w in extraction.warnings] == ["line 9: '表示' by 日本 has no date to attach"]


def test_a_lone_date_in_a_pdf_is_not_a_date_line() -> None:
    """A PDF's text layer has page headers and footers, where a lone date is the day of printing."""
    document = document_from_text("2007年2月13日\n\n朝鲜表示欢迎。\n", name="report.pdf")
    extraction = extract(
        document,
        lang="zh",
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="c",
        finder=date_finder("zh"),
    )
    assert extraction.events == ()
    assert [str(w) for w in extraction.warnings] == ["line 3: '表示' by 朝鲜 has no date to attach"]


def test_an_entry_run_into_its_date_line_is_quoted_and_cited_from_its_own_line() -> None:
    """Round 6: the segmenter runs a date line into the entry under it; the event's quote and line are
    the entry's, not the date line's (the date stays the line's)."""
    zh = _extract("2031年5月4日\n日本宣布访问朝鲜。\n", "zh")
    assert [(e.line, e.quote, str(e.date.date)) for e in zh.events] == [
        (2, "日本宣布访问朝鲜。", "2031-05-04")
    ]
    en = _extract("4 May 2031 -\nJapan agreed to the plan.\n", "en")
    assert [(e.line, e.quote, str(e.date.date)) for e in en.events] == [
        (2, "Japan agreed to the plan.", "2031-05-04")
    ]
