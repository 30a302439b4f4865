"""A Chinese sentence that opens with its verb continues the subject of the sentence before (rule 3 of
``hexatable.ingest.extract``, ellipsis across sentences).

The texts are written for these tests; each expected actor list is worked out by hand from the rule:
the carried subject is the actors of the last clause of the paragraph that had actors; only a
sentence whose clause opens with its verb (after at most dates, places after 在/于, a target after
与/向, connectives and adverbs) takes it; never across a paragraph or a heading.
"""

from __future__ import annotations

from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {
    "金英哲": ("kim-yong-chol", "PRK"),
    "蓬佩奥": ("mike-pompeo", "USA"),
    "文在寅": ("moon-jae-in", "KOR"),
    "平壤": ("PRK", None),
    "北京": ("CHN", None),
    "韩国": ("KOR", None),
}
CUES = {"访问": 4, "会见": 4, "会谈": 4, "前往": 4, "会议": 4, "表示": 1, "签署": 5}


def _events(text: str) -> tuple[list[tuple[str, list[str], list[str]]], Extraction]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder("zh", year=2018),
    )
    rows = [(e.quote, [a.actor for a in e.actors], [t.actor for t in e.targets]) for e in result.events]
    return rows, result


def test_a_sentence_opening_with_its_verb_continues_the_subject_before() -> None:
    rows, result = _events("3月5日，金英哲访问韩国。会见了文在寅。\n")
    assert rows == [
        ("3月5日，金英哲访问韩国。", ["kim-yong-chol"], ["KOR"]),
        ("会见了文在寅。", ["kim-yong-chol"], ["moon-jae-in"]),
    ]
    second = result.events[1]
    assert "the actors are those of the clause before (the subject is left out)" in [
        str(n) for n in second.inferred
    ]
    # the carried actor cites the name where it was written, not the verb-initial sentence
    assert result.document.text[second.actors[0].start : second.actors[0].end] == "金英哲"
    # confidence: base 0.1 + inherited date 0.15 + cue 0.3 + known actor 0.25 - carried subject 0.1
    assert second.confidence == 0.7


def test_connectives_dates_places_and_targets_may_stand_before_the_verb() -> None:
    text = "3月5日，金英哲访问韩国。随后与蓬佩奥会谈。3月6日，在北京会见了文在寅。\n"
    rows, _ = _events(text)
    assert [r[1] for r in rows] == [["kim-yong-chol"], ["kim-yong-chol"], ["kim-yong-chol"]]
    assert [r[2] for r in rows] == [["KOR"], ["mike-pompeo"], ["moon-jae-in"]]


def test_a_sentence_with_a_subject_of_its_own_carries_nothing() -> None:
    # a noun before the verb (会议, 该决议) is a subject, though not an actor; a passive's subject is
    # acted on; an event noun before another name (会议主席文在寅…) is not a verb
    for tail in ("代表团会见了文在寅。", "随后被会见。", "会议主席文在寅签署文件。"):
        rows, _ = _events("3月5日，金英哲访问韩国。" + tail + "\n")
        assert all(row[1] != ["kim-yong-chol"] for row in rows[1:]), tail


def test_the_subject_is_not_carried_across_a_paragraph() -> None:
    rows, _ = _events("3月5日，金英哲访问韩国。\n\n3月6日，会见了文在寅。\n")
    assert rows == [("3月5日，金英哲访问韩国。", ["kim-yong-chol"], ["KOR"])]


def test_the_subject_is_not_carried_past_a_heading() -> None:
    rows, _ = _events("3月5日，金英哲访问韩国。\n\n## 会见\n\n3月6日，会见了文在寅。\n")
    assert [r[1] for r in rows] == [["kim-yong-chol"]]


def test_english_sentences_carry_no_subject() -> None:
    # English writes its subject (or "he"): a sentence without one is not continued
    result = extract(
        document_from_text("On March 5 Kim visited Seoul. Met Moon on March 6.\n", name="t.txt"),
        lang="en",
        gazetteer=FakeGazetteer({"Kim": ("kim-yong-chol", "PRK"), "Moon": ("moon-jae-in", "KOR")}),
        verbs=FakeVerbs({"visited": 4, "Met": 4}),
        source_id="t",
        finder=FakeFinder("en", year=2018),
    )
    assert [[a.actor for a in e.actors] for e in result.events] == [["kim-yong-chol"]]
