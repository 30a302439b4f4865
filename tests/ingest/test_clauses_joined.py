"""Rule 1b without a comma (issue 17, round 6): a clause joined by "and" / 而, 并且, 但 … that has
its own subject and its own verb is an event of its own. Our own sentences, with the test fakes;
each expected event is read off the sentence by hand."""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeFinder, FakeGazetteer, WeightedVerbs

NAMES = {
    "North Korea": ("PRK", None),
    "South Korea": ("KOR", None),
    "China": ("CHN", None),
    "Japan": ("JPN", None),
    "the United States": ("USA", None),
    "朝鲜": ("PRK", None),
    "韩国": ("KOR", None),
    "中国": ("CHN", None),
    "日本": ("JPN", None),
    "美国": ("USA", None),
}
CUES: dict[str, tuple[int, float]] = {
    "seized": (17, 1.0),
    "protested": (14, 1.0),
    "urged": (2, 1.0),
    "talk": (4, 0.9),
    "talks": (4, 0.9),
    "resumed": (4, 0.5),
    "met": (4, 0.9),
    "criticized": (11, 1.0),
    "扣押": (17, 1.0),
    "抗议": (14, 1.0),
    "批评": (11, 1.0),
    "谈判": (4, 0.9),
    "中止": (16, 0.8),
    "援助": (7, 0.8),
}


def events(text: str, lang: str) -> list[tuple[list[str], list[str], int]]:
    """(actors, targets, CAMEO root) of each event, in order."""
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang=lang,  # type: ignore[arg-type]
        gazetteer=FakeGazetteer(NAMES),
        verbs=WeightedVerbs(CUES),
        source_id="chron",
        finder=FakeFinder(lang),  # type: ignore[arg-type]
    )
    return [([a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo) for e in result.events]


def test_an_english_clause_after_and_with_its_own_subject_and_verb_is_an_event() -> None:
    text = "On March 3, 2009, the ship was seized by North Korea and China protested."
    assert events(text, "en") == [(["PRK"], [], 17), (["CHN"], [], 14)]


def test_an_english_subject_may_have_an_adverb_before_its_verb() -> None:
    text = "On March 3, 2009, North Korea seized a fishing boat and South Korea then protested."
    assert events(text, "en") == [(["PRK"], [], 17), (["KOR"], [], 14)]


def test_english_and_between_two_objects_or_two_subjects_does_not_cut() -> None:
    # "to talk" is no finite verb of China's; "Japan and China" are one subject
    urged = "On March 3, 2009, the United States urged Japan and China to talk."
    assert events(urged, "en") == [(["USA"], ["JPN", "CHN"], 2)]
    pair = "On March 3, 2009, talks between Japan and China resumed."
    assert len(events(pair, "en")) == 1


def test_a_chinese_clause_after_a_connective_without_a_comma_is_an_event() -> None:
    assert events("2009年3月3日朝鲜扣押了渔船而韩国提出抗议。", "zh") == [
        (["PRK"], [], 17),
        (["KOR"], [], 14),
    ]
    assert events("2009年3月3日日本批评朝鲜并且中国表示抗议。", "zh") == [
        (["JPN"], ["PRK"], 11),
        (["CHN"], [], 14),
    ]


def test_a_chinese_connective_inside_a_word_or_after_a_cause_does_not_cut() -> None:
    # 因…而… gives a cause, 从而 ("thereby") is one word; neither opens a second subject's clause
    assert len(events("2009年3月3日朝鲜因美国批评而中止谈判。", "zh")) == 1
    assert len(events("2009年3月3日日本援助韩国从而中国表示抗议。", "zh")) == 1
