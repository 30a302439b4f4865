"""Which cue types an event (rule 3d of ``hexatable.ingest.extract``; :mod:`hexatable.ingest.cue_choice`),
on sentences written for these tests, in Chinese and English.

The date finder and gazetteer are the fakes of ``tests/ingest/fakes.py``; the cues come from a small
weighted table in the built-in dictionary's weight bands. Every expected code is the CAMEO codebook's
(Schrodt 2012, v1.1b3) reading of the sentence, worked out by hand: a cue that describes a noun is not
the act, a meeting noun's predicate is, and a cooperative act negated is its rejection (12).
"""

from __future__ import annotations

import pytest

from hexatable.ingest.cue_choice import zh_predicate
from hexatable.ingest.cue_codes import REJECT, refused
from hexatable.ingest.en_negation import en_in_relative, en_negated
from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Cue, Lang
from hexatable.ingest.verbs import VerbDictionary
from hexatable.ingest.zh_negation import zh_negation
from hexatable.ingest.zh_subjects import zh_modifies
from tests.ingest.fakes import FakeFinder, FakeGazetteer, codes

ZH_NAMES = {
    "中方": ("CHN", None),
    "中国": ("CHN", None),
    "朝鲜": ("PRK", None),
    "朝方": ("PRK", None),
    "美国": ("USA", None),
    "美方": ("USA", None),
    "日本": ("JPN", None),
    "韩国": ("KOR", None),
}
ZH_CUES: dict[str, tuple[int, float]] = {
    "表示": (1, 0.3),
    "称": (1, 0.3),
    "公布": (1, 0.5),
    "会谈": (4, 0.9),
    "谈判": (4, 0.9),
    "协商": (4, 0.9),
    "磋商": (4, 0.9),
    "访问": (4, 0.8),
    "参加": (4, 0.5),
    "签署": (5, 1.0),
    "支持": (5, 0.5),
    "提供": (7, 0.5),
    "运送": (7, 0.5),
    "抵达": (4, 0.5),
    "援助": (7, 1.0),
    "谴责": (11, 1.0),
    "要求": (10, 0.8),
    "去功能化": (8, 0.8),
    "批评": (11, 1.0),
    "制裁": (16, 1.0),
    "推迟": (16, 0.5),
    "退出": (16, 1.0),
    "列入黑名单": (16, 0.8),
    "破裂": (16, 0.6),
}
EN_NAMES = {
    "North Korea": ("PRK", None),
    "South Korea": ("KOR", None),
    "China": ("CHN", None),
    "Japan": ("JPN", None),
}
EN_CUES: dict[str, tuple[int, float]] = {
    "said": (1, 0.3),
    "hosted": (4, 0.8),
    "visited": (4, 0.8),
    "attend": (4, 0.5),
    "talks": (4, 0.5),
    "sign": (5, 1.0),
    "condemned": (11, 1.0),
    "attacked": (18, 0.6),
}


def coded(text: str, lang: Lang = "zh") -> list[tuple[int, str | None]]:
    """(CAMEO root, cue) of each event extracted from ``text``."""
    names, cues = (ZH_NAMES, ZH_CUES) if lang == "zh" else (EN_NAMES, EN_CUES)
    return codes(text, lang=lang, names=names, cues=cues)


# --- a cue that describes a noun ----------------------------------------------------------------------


def test_a_cue_in_a_chinese_relative_clause_is_not_the_act() -> None:
    # 提供的情报: Japan's providing describes the intelligence; the US condemned (111)
    assert coded("2030年6月1日，美国根据日本提供的情报谴责朝鲜。\n") == [(11, "谴责")]


def test_a_relative_clause_that_holds_the_subject_is_the_subject_s_act() -> None:
    # the oil is no party: Korea's act is the shipping (07), not the oil's arriving
    assert coded("2030年6月15日，韩国向朝鲜运送的重油抵达港口。\n") == [(7, "运送")]


def test_a_cue_after_de_is_a_noun_not_the_act() -> None:
    # 文件的要求: the document's requirements; what the DPRK did is disable (080)
    assert coded("2030年6月16日，朝鲜按照文件的要求去功能化。\n") == [(8, "去功能化")]


def test_a_cue_in_a_quoted_name_is_not_the_act_but_one_in_quoted_speech_is() -> None:
    text = (
        "2030年6月17日，日本将韩国从“支持者”名单中删除，并谴责朝鲜。\n"  # a list's name: 11 by 谴责
        "2030年6月18日，朝方表示：“不会参加会谈。”\n"  # speech: the refusal it reports (125)
    )
    assert coded(text) == [(11, "谴责"), (12, "参加")]


def test_a_locative_frame_is_the_scene_wherever_it_stands() -> None:
    # 在会谈中 is where Japan criticised Korea: the act is the criticism (111), not the talks
    assert coded("2030年6月25日，日本在会谈中批评韩国。\n") == [(11, "批评")]


def test_a_cue_before_wenti_names_a_topic_not_an_act() -> None:
    # 援助问题 is the aid issue: what Japan did is criticise (111), not give aid
    assert coded("2030年6月2日，日本就援助问题批评韩国。\n") == [(11, "批评")]


def test_a_clause_before_a_noun_of_content_is_what_was_announced() -> None:
    # 公布…的消息: the news announced is of talks to come, an intent to meet (036), as 公布了将举行会谈
    assert coded("2030年6月3日，中方公布了将举行会谈的消息。\n") == [(3, "会谈")]


def test_the_de_that_ends_a_clause_is_the_predicate_s() -> None:
    assert zh_modifies("协议是去年签署的。", Cue(5, 7, "签署", 5, "签署", 1.0)) is False
    assert zh_modifies("去年签署的协议", Cue(2, 4, "签署", 5, "签署", 1.0)) is True


def test_a_cue_in_an_english_relative_clause_is_not_the_act() -> None:
    text = "On March 3, 2030, North Korea, which hosted talks in May, condemned Japan.\n"
    assert coded(text, "en") == [(11, "condemned")]
    flat = text.strip()
    hosted = flat.index("hosted")
    assert en_in_relative(flat, Cue(hosted, hosted + 6, "hosted", 4, "host", 0.8))


# --- a meeting noun and its predicate -----------------------------------------------------------------


def test_a_meeting_noun_is_typed_by_its_predicate() -> None:
    text = (
        "2030年6月4日，朝鲜和美国的谈判破裂。\n"  # the talks broke down: 161/164
        "2030年6月5日，朝方称，会谈将推迟举行。\n"  # a decision reported: 16, not a threat (13)
        "2030年6月6日，朝鲜与美国举行会谈并签署协议。\n"  # two acts joined by 并: one event each (rule 1d)
    )
    assert coded(text) == [(16, "破裂"), (16, "推迟"), (4, "会谈"), (5, "签署")]


def test_the_predicate_may_follow_adverbs_and_auxiliaries_only() -> None:
    talks, later = Cue(0, 2, "会谈", 4, "会谈", 0.9), Cue(4, 6, "推迟", 16, "推迟", 0.5)
    assert zh_predicate("会谈被迫推迟", talks, [talks, later]) == later
    far = Cue(6, 8, "推迟", 16, "推迟", 0.5)
    assert zh_predicate("会谈结束以后推迟", talks, [talks, far]) == talks


def test_adopting_an_agreed_text_is_signing_a_formal_agreement() -> None:
    text = (
        "2030年6月22日，中国和日本举行会谈，通过《北京共同声明》。\n"  # a joint statement adopted: 057
        "2030年6月23日，韩国批准了《韩日协定》。\n"  # an accord approved: 057
        "2030年6月24日，美国通过《第9号决议》。\n"  # a resolution: coded by what it decides, not here
    )
    assert coded(text) == [(5, "通过"), (5, "批准"), (1, None)]


def test_with_the_built_in_dictionary() -> None:
    # the rules on the shipped cues: a round held is talks (举行 is no cue), a round put off is 164,
    # a refusal to negotiate is 125
    verbs = VerbDictionary.builtin()
    text = (
        "2030年7月1日，第二轮中国日本会谈在北京举行。\n"
        "2030年7月2日，中国日本会谈被推迟。\n"
        "2030年7月3日，美国不会同朝鲜谈判。\n"
    )
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(ZH_NAMES),
        verbs=verbs,
        source_id="chron",
        finder=FakeFinder("zh"),
    )
    assert [(e.cameo, e.cue.text if e.cue else None) for e in result.events] == [
        (4, "会谈"),
        (16, "推迟"),
        (12, "谈判"),
    ]


def test_halting_an_act_of_conflict_is_yielding_and_halting_talks_reduces_relations() -> None:
    verbs = VerbDictionary.builtin()
    zh = "2030年7月4日，朝鲜宣布暂停核试验。\n\n2030年7月5日，朝鲜暂停会谈。\n"
    en = "On July 6, 2030, North Korea suspended nuclear tests.\n\nOn July 7, 2030, Japan suspended talks.\n"
    found = []
    for text, lang, names in ((zh, "zh", ZH_NAMES), (en, "en", EN_NAMES)):
        result = extract(
            document_from_text(text, name="chron.txt"),
            lang=lang,  # type: ignore[arg-type]
            gazetteer=FakeGazetteer(names),
            verbs=verbs,
            source_id="chron",
            finder=FakeFinder(lang),  # type: ignore[arg-type]
        )
        found += [(e.cameo, e.cue.text if e.cue else None) for e in result.events]
    # 087 de-escalate military engagement; 164 halt negotiations
    assert found == [(8, "暂停"), (16, "暂停"), (8, "suspended"), (16, "suspended")]


# --- negation -----------------------------------------------------------------------------------------


def test_a_negated_cooperative_act_is_a_rejection() -> None:
    text = (
        "2030年6月7日，美国不会同朝鲜协商。\n"  # will not negotiate: 125
        "2030年6月8日，日本未参加会谈。\n"  # did not take part: its rejection, 12
        "2030年6月9日，中国与韩国不断磋商。\n"  # 不断 is "continually": no negation, 04
        "2030年6月10日，美国未制裁朝鲜。\n"  # a conflictual act negated keeps its code (no 12 fits)
        "2030年6月11日，美国不再将朝鲜列为“支持恐怖主义国家”。\n"  # 支持 is named in a quotation
    )
    assert coded(text) == [(12, "协商"), (12, "参加"), (4, "磋商"), (16, "制裁"), (5, "支持")]


def test_a_speaker_s_stated_refusal_is_a_rejection_but_a_reported_failure_is_a_statement() -> None:
    text = (
        "2030年6月12日，朝方称，不会参加会谈。\n"  # will not: the speaker refuses (125)
        "2030年6月13日，美方表示，朝鲜未参加会谈。\n"  # another party's non-act: the statement stands
        "2030年6月14日，中方表示，没有参加会谈。\n"  # a fact denied, not a refusal: the statement
    )
    assert coded(text) == [(12, "参加"), (1, "表示"), (1, "表示")]


def test_a_name_in_a_title_or_after_an_object_marker_is_not_the_reported_act_s_subject() -> None:
    text = (
        "2030年6月19日，美国宣布将朝鲜列入黑名单。\n"  # 将 marks the object: the US lists (163), now
        "2030年6月20日，朝方宣布按《日本韩国协议》退出。\n"  # names in a title: PRK withdraws (16)
        "2030年6月21日，中方表示，美国退出。\n"  # a subject of its own: China's act is the statement
    )
    assert coded(text) == [(16, "列入黑名单"), (16, "退出"), (1, "表示")]


def test_negation_kinds_and_reach() -> None:
    meet = Cue(9, 11, "协商", 4, "协商", 0.9)
    assert zh_negation("美方无意就这一问题协商", meet, []) == "refusal"
    assert zh_negation("美方没有就这一问题协商", meet, []) == "fact"
    # a clause mark between: the negation is another stretch's
    assert zh_negation("美方不同意，就这一问题协商", Cue(11, 13, "协商", 4, "协商", 0.9), []) is None
    # another cue between: the negator is that cue's
    aid = Cue(5, 7, "援助", 7, "援助", 1.0)
    assert zh_negation("美方未就援助问题协商", Cue(9, 11, "协商", 4, "协商", 0.9), [aid]) is None
    # words that hold 不 but say no "not": might as well, does not rule out
    assert zh_negation("美方不妨就这一问题协商", meet, []) is None
    assert zh_negation("美方不排除就此问题协商", Cue(9, 11, "协商", 4, "协商", 0.9), []) is None
    # more than NEGATION_REACH characters away
    assert zh_negation("美方不" + "就" * 13 + "协商", Cue(16, 18, "协商", 4, "协商", 0.9), []) is None


def test_an_english_negated_cooperative_act_is_a_rejection() -> None:
    text = (
        "On March 4, 2030, Japan did not attend the talks.\n\n"
        "On March 5, 2030, China will not sign the agreement.\n\n"
        "On March 6, 2030, Japan never attacked South Korea.\n\n"
        "On March 7, 2030, China visited Japan.\n"
    )
    assert coded(text, "en") == [(12, "attend"), (12, "sign"), (18, "attacked"), (4, "visited")]


@pytest.mark.parametrize(
    ("before", "negated"),
    [
        ("Seoul didn't ", True),
        ("Seoul has never ", True),
        ("Seoul will no longer ", True),
        ("Seoul refused to ", True),
        ("Seoul did not formally ", True),
        ("Seoul, not Tokyo, will ", False),
        ("Seoul will ", False),
        ("Seoul did not only ", False),
    ],
)
def test_english_negation(before: str, negated: bool) -> None:
    flat = before + "attend the talks"
    cue = Cue(len(before), len(before) + 6, "attend", 4, "attend", 0.5)
    assert en_negated(flat, cue) is negated


def test_refused_maps_the_cooperative_roots_to_reject() -> None:
    assert [refused(code) for code in range(1, 21)] == [
        1, 2, REJECT, REJECT, REJECT, REJECT, REJECT, REJECT, 9, 10,
        11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]  # fmt: skip
