"""Cue choice inside a long Chinese sentence (docs/ingest.md, rules 3b and 3d;
:mod:`hexatable.ingest.zh_spans`): each clause sees its own topic, a topic runs past a light verb inside
it, a light verb before 的 describes a noun; time clauses whose verb ends in 展 or closed by 后 before
进行; 不 before a 在 phrase refuses the act, 不同 before a name is no "with"; a modal 不 on the
subject's own act; slowing a disablement reduces relations.

Sentences written for these tests; expected codes are the CAMEO code list's reading (Schrodt 2012,
v1.1b3), worked out by hand.
"""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Cue
from hexatable.ingest.verbs import VerbDictionary
from hexatable.ingest.zh_spans import spans_overlapping, zh_fences, zh_in_topic, zh_topic_ends_at, zh_topics
from tests.ingest.fakes import FakeFinder, FakeGazetteer, codes

ZH_NAMES = {
    "韩方": ("KOR", None),
    "韩国": ("KOR", None),
    "日本": ("JPN", None),
    "朝鲜": ("PRK", None),
}
ZH_CUES: dict[str, tuple[int, float]] = {
    "表示": (1, 0.3),
    "谈判": (4, 0.9),
    "会谈": (4, 0.9),
    "参加": (4, 0.5),
    "谴责": (11, 1.0),
    "抗议": (14, 1.0),
    "核试验": (15, 0.9),
    "提出": (3, 0.3),
    "计划": (3, 0.4),
    "援助": (7, 0.8),
    "欢迎": (5, 0.8),
}


def coded(text: str) -> list[tuple[int, str | None]]:
    """(CAMEO root, cue) of each event extracted from the Chinese ``text``."""
    return codes(text, lang="zh", names=ZH_NAMES, cues=ZH_CUES)


def test_spans_overlapping_finds_only_the_spans_near_the_clause() -> None:
    spans = [(0, 3), (5, 9), (12, 14), (20, 25)]
    assert spans_overlapping(spans, 6, 13) == [(5, 9), (12, 14)]
    assert spans_overlapping(spans, 9, 12) == []
    assert spans_overlapping(spans, 0, 1) == [(0, 3)]


def test_each_clause_of_a_long_sentence_sees_its_own_topic() -> None:
    flat = "日本对朝鲜表示谴责，" * 50
    clause = 10 * 37  # the 38th clause
    assert zh_fences(flat, clause, clause + 10) == [(clause + 2, clause + 5)]
    assert zh_topic_ends_at(flat, clause + 5)
    assert not zh_topic_ends_at(flat, clause + 7)
    assert zh_in_topic(flat, Cue(clause + 3, clause + 5, "朝鲜", 0, "朝鲜", 0.1))
    assert not zh_in_topic(flat, Cue(clause + 7, clause + 9, "谴责", 11, "谴责", 1.0))


# --- 2. time clauses: a verb ending in 战, and 后 before 进行 --------------------------------------------


def test_a_time_clause_whose_verb_ends_in_zhan_is_still_a_time_clause() -> None:
    # 停战后 is "after the armistice": the refusal of talks (125) is the speaker's
    assert coded("2031年3月1日，韩方表示，朝鲜停战后不与之谈判。\n") == [(12, "谈判")]


def test_hou_before_jinxing_closes_the_time_clause() -> None:
    # 弃核后进行谈判: talks after disarming are the act reported, not the statement (01); 谈判 is a
    # meeting noun, which rule 3b codes as the meeting (04), not as an intent to meet
    assert coded("2031年3月2日，韩方表示，朝鲜弃核后进行谈判。\n") == [(4, "谈判")]


# --- 3. a plain 不 before a prepositional phrase ------------------------------------------------------


def test_bu_before_a_zai_phrase_refuses_the_act() -> None:
    # "does not negotiate with the DPRK on the DPRK question": a refusal of talks (125)
    assert coded("2031年3月3日，韩国表示，不在朝鲜问题上与朝鲜谈判。\n") == [(12, "谈判")]


def test_bu_tong_before_a_name_and_the_act_is_not_with() -> None:
    # 不同朝鲜谈判 is "not negotiate with", not 不同 "different"
    assert coded("2031年3月4日，韩国表示，不同朝鲜谈判。\n") == [(12, "谈判")]


# --- 4. a modal 不 on the subject's own act ------------------------------------------------------------


def test_a_modal_bu_on_the_subject_s_own_act_is_no_refusal() -> None:
    # not necessarily attend, not eager to negotiate: neither done nor refused, so no rejection (12);
    # since round 6 a statement (01) rather than the act's code (tests/ingest/test_cue_choice_modal.py)
    text = "2031年3月5日，韩国不一定参加会谈。\n2031年3月6日，韩国不急于与朝鲜谈判。\n"
    assert [cameo for cameo, _ in coded(text)] == [1, 1]


# --- 5. a topic phrase with a light verb or a 的 inside it ------------------------------------------


def test_a_topic_runs_past_a_light_verb_inside_it() -> None:
    # the protest (114, root 11 since round 7) about the test the DPRK carried out (进行的核试验)
    assert coded("2031年3月7日，日本针对朝鲜进行的核试验提出抗议。\n") == [(11, "抗议")]


def test_a_light_verb_before_de_describes_a_noun_not_the_act() -> None:
    # the aid plan the DPRK put forward is what Japan welcomes (05)
    assert coded("2031年3月8日，日本对朝鲜提出的援助计划表示欢迎。\n") == [(5, "欢迎")]


def test_zh_topics_runs_past_a_light_verb_before_de() -> None:
    assert zh_topics("日本针对朝鲜进行的核试验提出抗议") == [(2, 12)]
    assert zh_topics("日本对朝鲜提出的援助计划表示欢迎") == [(2, 12)]


# --- 6. slowing verbs: the same object in English as in Chinese -----------------------------------


def test_slowing_the_disablement_reduces_relations_in_both_languages() -> None:
    # 160 reduce relations: the disablement agreed, slowed (the built-in dictionary's cues)
    verbs = VerbDictionary.builtin()
    names = {"North Korea": ("PRK", None), "朝鲜": ("PRK", None)}
    texts = {
        "en": "North Korea slowed down the disablement on May 3, 2031.\n",
        "zh": "2031年5月3日，朝鲜放缓了去功能化。\n",
    }
    for lang, text in texts.items():
        result = extract(
            document_from_text(text, name="chron.txt"),
            lang=lang,  # type: ignore[arg-type]
            gazetteer=FakeGazetteer(names),
            verbs=verbs,
            source_id="chron",
            finder=FakeFinder(lang),  # type: ignore[arg-type]
        )
        assert [(e.cameo, e.cue.text if e.cue else None) for e in result.events] == [
            (16, "slowed down" if lang == "en" else "放缓")
        ]
