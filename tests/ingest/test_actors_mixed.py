"""A text in Chinese and English read paragraph by paragraph, each in its own language (``--lang auto``).

The texts are written for these tests. Expected values are worked out by hand: the offsets by counting
characters, the dates from the rules of docs/ingest-dates.md (a month and day take the year said
before, in either language), the actors from the built-in gazetteer's names.
"""

from __future__ import annotations

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import document_from_text
from hexatable.ingest.segment import language_sections, segment
from hexatable.ingest.verbs import VerbDictionary

MIXED = (
    "2007年7月14日，韩国向朝鲜运送首批重油。次日，朝鲜关闭宁边核设施。\n"
    "\n"
    "On July 18, the IAEA confirmed the shutdown. Japan welcomed the news.\n"
)


def _events(text: str, lang: str = "auto") -> list[tuple[int, str, list[str], list[str]]]:
    gazetteer, verbs = Gazetteer.builtin(), VerbDictionary.builtin()
    (extraction,) = run(
        plan([document_from_text(text, name="t.txt")], lang=lang), gazetteer=gazetteer, verbs=verbs
    )  # type: ignore[arg-type]
    return [
        (e.line, str(e.date.date), [a.actor for a in e.actors], [t.actor for t in e.targets])
        for e in extraction.events
    ]


def test_each_paragraph_gives_its_events_in_its_own_language() -> None:
    assert _events(MIXED) == [
        (1, "2007-07-14", ["KOR"], ["PRK"]),
        (1, "2007-07-15", ["PRK"], []),
        # the English paragraph: July 18 in the year the Chinese paragraph said; "Japan welcomed"
        # inherits July 18 within its paragraph
        (3, "2007-07-18", ["IAEA"], []),
        (3, "2007-07-18", ["JPN"], []),
    ]


def test_forcing_one_language_reads_the_whole_text_in_it() -> None:
    # --lang zh: the English paragraph is read by the Chinese rules, which find no English date
    assert [row[0] for row in _events(MIXED, "zh")] == [1, 1]
    # --lang en: the Chinese paragraph gives nothing the English rules can read, not even the year
    # that the English paragraph's "July 18" needs, so the text gives no event at all
    assert _events(MIXED, "en") == []


def test_the_extraction_names_the_languages_it_read() -> None:
    gazetteer, verbs = Gazetteer.builtin(), VerbDictionary.builtin()
    document = document_from_text(MIXED, name="t.txt")
    (auto,) = run(plan([document], lang="auto"), gazetteer=gazetteer, verbs=verbs)
    assert (auto.lang, auto.langs) == ("zh", ("zh", "en"))
    (forced,) = run(plan([document], lang="en"), gazetteer=gazetteer, verbs=verbs)
    assert forced.langs == ()
    single = document_from_text("2007年7月14日，韩国向朝鲜运送重油。\n", name="t.txt")
    (one,) = run(plan([single], lang="auto"), gazetteer=gazetteer, verbs=verbs)
    assert one.langs == ()


def test_sections_follow_blocks_and_short_blocks_keep_the_language_before() -> None:
    # blocks between blank lines; "2007" says no language and stays with the block before it
    text = "韩国运送重油。\n朝鲜表示欢迎。\n\n2007\n\nJapan welcomed it.\nChina agreed.\n\n朝鲜关闭核设施。\n"
    expected = [(0, "zh"), (text.index("Japan"), "en"), (text.index("朝鲜关闭"), "zh")]
    assert language_sections(text, "zh") == expected
    # a text in one language is one section
    assert language_sections("Japan welcomed it.\n\nChina agreed.\n", "zh") == [(0, "en")]


def test_in_the_seeds_layout_a_block_ends_at_a_line_that_ends_a_sentence() -> None:
    # blank lines after every line mean nothing: a wrapped Chinese sentence stays one block, and the
    # English line after the line ending with 。 starts a block of its own
    text = "韩国向朝鲜运送\n\n首批重油。\n\nJapan welcomed\n\nthe news.\n\n朝鲜关闭核设施。\n\n"
    expected = [(0, "zh"), (text.index("Japan"), "en"), (text.index("朝鲜关闭"), "zh")]
    assert language_sections(text, "zh") == expected


def test_a_section_start_ends_a_sentence_and_a_paragraph() -> None:
    # without final punctuation the Chinese line would run into the English one; each sentence says
    # the language it was read in
    text = "韩国运送重油\nJapan welcomed it.\n"
    sentences = segment(text, "zh", sections=[(0, "zh"), (7, "en")])
    assert [(s.raw, s.lang, s.paragraph) for s in sentences] == [
        ("韩国运送重油", "zh", 0),
        ("Japan welcomed it.", "en", 1),
    ]
    assert [s.lang for s in segment(text, "zh")] == [None]
