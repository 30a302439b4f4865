"""Which code an announced act takes (docs/ingest.md, rule 3b): a return to talks or a visit announced is
an intent to meet (036), a meeting said to have happened is the meeting, talks a statement is about are
no act of the speaker's, an act done by announcing it is the act; with a plain 不 in a statement, the
subject of a time clause, 此后, slowing a concession and a topic phrase before a light verb.

The date finder and gazetteer are the fakes of ``tests/ingest/fakes.py``; the cues a small weighted
table in the built-in dictionary's weight bands. Expected codes are the CAMEO code list's reading
(Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from hexatable.ingest.cue_choice import zh_announced_meeting
from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import ActorMention, Cue, Lang
from hexatable.ingest.zh_spans import zh_topics
from hexatable.ingest.zh_subjects import zh_in_time_clause
from tests.ingest.fakes import FakeFinder, FakeGazetteer, WeightedVerbs, codes

ZH_NAMES = {
    "伊朗": ("IRN", None),
    "伊方": ("IRN", None),
    "法国": ("FRA", None),
    "德国": ("DEU", None),
}
ZH_CUES: dict[str, tuple[int, float]] = {
    "表示": (1, 0.3),
    "称": (1, 0.3),
    "宣布": (1, 0.5),
    "会谈": (4, 0.9),
    "谈判": (4, 0.9),
    "访问": (4, 0.8),
    "会见": (4, 0.9),
    "出席": (4, 0.5),
    "重返": (4, 0.6),
    "退出": (16, 1.0),
    "除名": (8, 0.8),
}


def coded(text: str, lang: Lang = "zh") -> list[tuple[int, str | None]]:
    """(CAMEO root, cue) of each event extracted from ``text``."""
    return codes(text, lang=lang, names=ZH_NAMES, cues=ZH_CUES)


def test_a_return_to_talks_announced_is_an_intent_to_meet() -> None:
    # the talks come later: 036, not 04 and not the bare statement (01)
    assert coded("2031年3月4日，伊朗宣布重返谈判。\n") == [(3, "重返")]


def test_a_visit_announced_without_a_future_word_is_an_intent_to_meet() -> None:
    assert coded("2031年3月5日，法国表示，出席下月的部长级会议。\n") == [(3, "出席")]


def test_a_meeting_said_to_have_happened_is_the_meeting() -> None:
    text = (
        "2031年3月6日，伊方称，已访问柏林。\n"  # 已: done, 042
        "2031年3月7日，德国表示，会见了伊朗外长。\n"  # 了: done, 04
    )
    assert coded(text) == [(4, "访问"), (4, "会见")]


def test_talks_the_statement_is_about_are_no_act_of_the_speaker() -> None:
    # 会谈 is the subject of what France says (the talks will bring results): no intent of France's;
    # since round 6 (rule 3g) not the talks either but the statement, an optimistic comment (013)
    assert coded("2031年3月8日，法国表示坚信此次会谈将取得成果。\n") == [(1, "表示")]


def test_an_act_done_by_announcing_it_is_the_act() -> None:
    # a withdrawal or a delisting announced is done by the announcement: 16 and 08, not intents
    text = "2031年3月9日，伊朗宣布退出公约。\n2031年3月10日，法国宣布将伊朗从名单中除名。\n"
    assert coded(text) == [(16, "退出"), (8, "除名")]


def test_zh_announced_meeting_reads_only_meetings_after_the_verb_of_saying() -> None:
    say = Cue(2, 4, "宣布", 1, "宣布", 0.5)
    assert zh_announced_meeting("伊朗宣布重返会谈", say, Cue(4, 6, "重返", 4, "重返", 0.6)) is True
    assert zh_announced_meeting("伊朗宣布退出公约", say, Cue(4, 6, "退出", 16, "退出", 1.0)) is False
    assert zh_announced_meeting("伊朗宣布曾访问柏林", say, Cue(5, 7, "访问", 4, "访问", 0.8)) is False


# --- whose act a statement reports, and how it is negated ------------------------------------------


def test_a_plain_bu_in_a_speaker_s_statement_is_a_refusal() -> None:
    # "does not negotiate with it": a policy of refusing talks (125), where 无法 (could not) is no act
    text = "2031年4月1日，法国表示不与伊朗谈判。\n2031年4月2日，德国表示无法出席会谈。\n"
    assert coded(text) == [(12, "谈判"), (1, "表示")]


def test_the_subject_of_a_time_clause_does_not_take_the_reported_act() -> None:
    # 伊朗…之前 is when; the refusal is France's (125), as without the clause
    assert coded("2031年4月3日，法国表示，伊朗停止浓缩之前不与之谈判。\n") == [(12, "谈判")]


def test_a_name_after_cihou_is_still_the_subject_of_the_reported_act() -> None:
    # 此后 is "after that", no time clause: Iran's meeting is reported, France's act is the statement
    assert coded("2031年4月4日，法国表示，伊朗此后会见了德国外长。\n") == [(1, "表示")]


def test_zh_in_time_clause_needs_the_clause_to_end_before_the_act() -> None:
    iran = ActorMention(5, 7, "伊朗", "IRN", "case")
    talks = Cue(15, 17, "谈判", 4, "谈判", 0.9)
    assert zh_in_time_clause("法国表示，伊朗停止浓缩之前不与之谈判", iran, talks) is True
    assert (
        zh_in_time_clause("法国表示，伊朗停止浓缩，不与之谈判", iran, Cue(14, 16, "谈判", 4, "谈判", 0.9))
        is False
    )


# --- slowing what was agreed ---------------------------------------------------------------------------


def test_slowing_a_concession_reduces_relations_and_slowing_a_show_of_force_yields() -> None:
    verbs = WeightedVerbs({"放缓": (16, 0.5), "拆除": (8, 0.8), "军演": (15, 0.9)})
    text = "2031年5月1日，伊朗放缓了拆除工作。\n2031年5月2日，法国放缓军演。\n"
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(ZH_NAMES),
        verbs=verbs,
        source_id="chron",
        finder=FakeFinder("zh"),
    )
    # 160 reduce relations; 087 de-escalate military engagement
    assert [(e.cameo, e.cue.text if e.cue else None) for e in result.events] == [(16, "放缓"), (8, "放缓")]


# --- a topic phrase names what the act is about ---------------------------------------------------


def test_a_topic_phrase_before_a_light_verb_is_what_the_act_is_about() -> None:
    verbs = WeightedVerbs({"谴责": (11, 1.0), "核试验": (15, 0.9), "会谈": (4, 0.9), "声明": (1, 0.5)})
    text = (
        "2031年6月1日，法国对伊朗核试验表示谴责。\n"  # the condemnation (111), not the test
        "2031年6月2日，德国就会谈结束发表声明。\n"  # a statement (010) about the talks, not the talks
    )
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(ZH_NAMES),
        verbs=verbs,
        source_id="chron",
        finder=FakeFinder("zh"),
    )
    assert [(e.cameo, e.cue.text if e.cue else None) for e in result.events] == [(11, "谴责"), (1, "声明")]


def test_zh_topics_leaves_dialogue_and_duici_alone() -> None:
    assert zh_topics("法国就伊朗问题进行磋商") == [(2, 7)]
    assert zh_topics("两国对话表示乐观") == []
    assert zh_topics("美国对此表示反对") == []
