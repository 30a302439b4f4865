"""Pronouns and collective references (``hexatable.ingest.reference``) as extraction uses them.

The texts are written for these tests; each expected actor list is worked out by hand from the rule
of the module docstring named in the test (1 person, 2 pair, 3 state/organisation), with the fakes of
``tests/ingest/fakes.py`` for dates, names and cues.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.reference import ReferenceMemory, default_kind
from hexatable.ingest.types import ActorMention
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {
    "中国": ("CHN", None),
    "朝鲜": ("PRK", None),
    "美国": ("USA", None),
    "韩国": ("KOR", None),
    "美": ("USA", None),
    "朝": ("PRK", None),
    "特朗普": ("donald-trump", "USA"),
    "金正恩": ("kim-jong-un", "PRK"),
    "文在寅": ("moon-jae-in", "KOR"),
    "蓬佩奥": ("mike-pompeo", "USA"),
    "国际原子能机构": ("IAEA", None),
    "Trump": ("donald-trump", "USA"),
    "Kim": ("kim-jong-un", "PRK"),
    "North Korea": ("PRK", None),
    "the United States": ("USA", None),
}
CUES = {
    "会晤": 4,
    "表示": 1,
    "签署": 5,
    "访问": 4,
    "宣布": 1,
    "批评": 11,
    "同意": 3,
    "称赞": 5,
    "met": 4,
    "said": 1,
    "signed": 5,
}


def _events(text: str, lang: str = "zh") -> tuple[list[tuple[int, list[str], list[str]]], Extraction]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang=lang,  # type: ignore[arg-type]
        gazetteer=FakeGazetteer(NAMES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder(lang, year=2018),  # type: ignore[arg-type]
    )
    rows = [(e.line, [a.actor for a in e.actors], [t.actor for t in e.targets]) for e in result.events]
    return rows, result


def test_he_is_the_last_person_named_as_subject() -> None:
    # rule 1: 他 in the second sentence continues the first sentence's subject (特朗普), not the
    # person named as a target (金正恩)
    rows, result = _events("6月12日，特朗普与金正恩会晤。他表示满意。\n")
    assert rows == [(1, ["donald-trump"], ["kim-jong-un"]), (1, ["donald-trump"], [])]
    second = result.events[1]
    assert any("'他' is read as 特朗普" in str(reason) for reason in second.inferred)
    # the referent is cited where it is named, so the draft quotes the name, not the pronoun
    assert second.actors[0].text == "特朗普"
    assert result.document.text[second.actors[0].start : second.actors[0].end] == "特朗普"


def test_he_is_the_last_person_named_not_one_read_from_a_pair_word() -> None:
    # 双方 is Trump and Kim, but names nobody: 他 is Trump, the last person named as an actor
    rows, _ = _events("6月12日，特朗普与金正恩会晤，双方签署了声明。他表示满意。\n")
    assert rows[-1][1] == ["donald-trump"]


def test_a_chain_of_he_keeps_its_referent() -> None:
    # rule 1: a 他 read as Trump names Trump again, so the next 他 is Trump too (review of round 5:
    # the third sentence had no actor)
    rows, _ = _events("6月12日，特朗普会晤金正恩。他表示满意。他还称赞金正恩。\n")
    assert rows == [
        (1, ["donald-trump"], ["kim-jong-un"]),
        (1, ["donald-trump"], []),
        (1, ["donald-trump"], ["kim-jong-un"]),
    ]
    rows, _ = _events("6月12日，文在寅访问朝鲜。他会晤金正恩。他宣布结果。他表示满意。\n")
    assert [r[1] for r in rows] == [["moon-jae-in"]] * 4


def test_he_is_not_carried_past_the_previous_sentence_nor_the_entry() -> None:
    # rule 1: the referent must be in the same or the previous sentence of the same paragraph
    far = "6月12日，特朗普访问新加坡。中国表示欢迎。韩国表示欢迎。他宣布结果。\n"
    rows, _ = _events(far)
    assert rows == [(1, ["donald-trump"], []), (1, ["CHN"], []), (1, ["KOR"], [])]
    other_entry = "6月12日，特朗普访问新加坡。\n\n6月13日，他宣布结果。\n"
    rows, _ = _events(other_entry)
    assert rows == [(1, ["donald-trump"], [])]


def test_other_and_plural_are_not_he() -> None:
    # 其他 ("other") and 他们 ("they") are not the singular pronoun
    rows, _ = _events("6月12日，特朗普访问新加坡。其他国家表示欢迎，他们宣布支持。\n")
    assert rows == [(1, ["donald-trump"], [])]


def test_both_sides_are_the_last_pair() -> None:
    # rule 2: 双方 after a clause naming exactly two parties stands for them, as actors before the cue
    rows, result = _events("6月12日，特朗普与金正恩会晤。双方签署联合声明。\n")
    assert rows == [(1, ["donald-trump"], ["kim-jong-un"]), (1, ["donald-trump", "kim-jong-un"], [])]
    assert any("'双方' is read as 特朗普、金正恩" in str(r) for r in result.events[1].inferred)


def test_both_sides_named_in_the_same_clause() -> None:
    # rule 2: two parties named before the word in its own clause are its pair, whatever came before
    rows, _ = _events("6月12日，中国与韩国会晤。6月13日朝美会晤后双方签署声明。\n")
    assert rows[-1] == (1, ["PRK", "USA"], [])


def test_a_word_right_after_the_names_only_sums_them_up() -> None:
    # rule 2: 朝美双方 names both already; the word adds nothing and is not resolved
    rows, result = _events("6月12日，朝美双方签署声明。\n")
    assert rows == [(1, ["PRK", "USA"], [])]
    assert not any("is read as" in str(r) for r in result.events[0].inferred)


def test_the_word_says_what_kind_of_pair() -> None:
    # rule 2: 两国 wants two states: after two persons of one state it is not resolved (the clause
    # then keeps the subject it had: none here, and 两国 is a subject of its own, so the subject
    # before is not carried and there is no event); after two persons of two states it is their
    # states, cited where the persons are named; 两人 wants two persons
    rows, _ = _events("6月12日，特朗普与蓬佩奥会晤。两国签署声明。\n")
    assert rows == [(1, ["donald-trump"], ["mike-pompeo"])]
    rows, result = _events("6月12日，特朗普与金正恩会晤。两国签署声明。\n")
    assert rows[-1] == (1, ["USA", "PRK"], [])
    assert [a.text for a in result.events[-1].actors] == ["特朗普", "金正恩"]
    rows, _ = _events("6月12日，特朗普与金正恩会晤。两人签署声明。\n")
    assert rows[-1] == (1, ["donald-trump", "kim-jong-un"], [])
    rows, _ = _events("6月12日，美国批评朝鲜。两国领导人签署声明。\n")
    assert rows == [(1, ["USA"], ["PRK"])]


def test_three_parties_before_the_word_leave_it_unresolved() -> None:
    # rule 2: with three parties named before it in its clause, which two is a guess
    rows, _ = _events("6月12日，特朗普与金正恩会晤。6月13日中国、美国和韩国表示双方同意。\n")
    assert rows[-1] == (1, ["CHN", "USA", "KOR"], [])


def test_that_country_and_that_organisation() -> None:
    # rule 3: 该国 is the last state named in the paragraph, 该组织 the last organisation
    rows, _ = _events("6月12日，国际原子能机构批评朝鲜。该国表示反对。该组织宣布视察。\n")
    assert rows == [(1, ["IAEA"], ["PRK"]), (1, ["PRK"], []), (1, ["IAEA"], [])]


def test_english_he_and_the_two_sides() -> None:
    # rules 1 and 2 in English
    text = "On June 12, Trump met Kim. He said the talks went well. The two leaders signed a text.\n"
    rows, _ = _events(text, "en")
    assert rows == [
        (1, ["donald-trump"], ["kim-jong-un"]),
        (1, ["donald-trump"], []),
        (1, ["donald-trump", "kim-jong-un"], []),
    ]


def test_default_kind_by_id_shape() -> None:
    assert default_kind("donald-trump") == "person"
    assert default_kind("PRK") == "state"
    assert default_kind("IAEA") == "organisation"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="他她双方两国人该组织特朗普金正恩会晤表示，。", max_size=40))
def test_references_resolve_only_to_named_actors(text: str) -> None:
    # property: whatever the text, a resolved reference stands for an actor named earlier in it (or,
    # for 两国, the state of a person named earlier), and its offsets point at the reference
    memory = ReferenceMemory()
    memory.sentence(0)
    named = [ActorMention(0, 3, "特朗普", "donald-trump", "case", "USA")]
    memory.note(named, [ActorMention(4, 7, "金正恩", "kim-jong-un", "case", "PRK")])
    for reference in memory.resolve(text, "zh", 0, len(text), []):
        assert {m.actor for m in reference.referents} <= {"donald-trump", "kim-jong-un", "USA", "PRK"}
        assert {m.start for m in reference.referents} <= {0, 4}  # where the persons are named
        assert text[reference.start : reference.end] == reference.text


EPITHET_NAMES = {
    "North Korea": ("PRK", None),
    "the United States": ("USA", None),
    "The United States": ("USA", None),
    "Japan": ("JPN", None),
}
EPITHET_CUES = {"tested": 18, "said": 1, "criticized": 11, "condemned": 11, "struck": 16}


def _en(text: str) -> list[tuple[list[str], list[str]]]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang="en",
        gazetteer=FakeGazetteer(EPITHET_NAMES),
        verbs=FakeVerbs(EPITHET_CUES),
        source_id="t",
        finder=FakeFinder("en", year=2018),
    )
    return [([a.actor for a in e.actors], [t.actor for t in e.targets]) for e in result.events]


def test_english_the_country_and_its_epithets_are_the_last_state_named() -> None:
    # rule 3 in English: "the reclusive state", "the country" stand for the last state of the paragraph
    assert _en("On March 5 North Korea tested a missile. The reclusive state said it worked.\n") == [
        (["PRK"], []),
        (["PRK"], []),
    ]
    # the country the United States criticizes is not the United States: the one named before
    assert _en("On March 5 North Korea tested a missile. The United States criticized the country.\n") == [
        (["PRK"], []),
        (["USA"], ["PRK"]),
    ]


def test_the_country_is_not_resolved_without_a_clear_referent() -> None:
    # nothing named before in the paragraph; or the clause names two states before it (a guess); or
    # the referent is the clause's own party
    assert _en("On March 5 the United States struck the country from a list.\n") == [(["USA"], [])]
    two = "On March 5 North Korea tested a missile. Japan and the United States condemned the regime.\n"
    assert _en(two)[-1] == (["JPN", "USA"], [])
    own = "On March 5 North Korea tested a missile. North Korea said the country was ready.\n"
    assert _en(own)[-1] == (["PRK"], [])
