"""Fallback cues (join, 加入, establish, 建立, 确立, destroy, recognize; docs/ingest.md, rule 3d;
:mod:`hexatable.ingest.cue_fallbacks`) type a clause only when it has no other cue, and only in the
sense their code needs (their object); the reactor "restart" cues are gone; annexing and repelling
need their sense too; leaving talks for a while halts nothing.

Sentences written for these tests, run with the built-in gazetteer, verb dictionary and date finder;
expected codes are the CAMEO codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.cue_fallbacks import fallbacks_yield, weak_senses
from hexatable.ingest.types import Cue
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.fakes import dated_builtin_rows

Row = tuple[list[str], int]


def rows(sentence: str, lang: str) -> list[Row]:
    """(actors, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_builtin_rows(sentence, "zh" if lang == "zh" else "en")


def codes(sentence: str, lang: str) -> list[int]:
    """The CAMEO roots of the events found in one sentence."""
    return [code for _, code in rows(sentence, lang)]


# --- join / 加入 loses to any other cue of its clause ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Russia joined the United States in condemning the missile test.", "en", [(["RUS", "USA"], 11)]),
        ("China joined Russia in calling for talks.", "en", [(["CHN", "RUS"], 2)]),
        ("Japan joined South Korea in protesting the test.", "en", [(["JPN", "KOR"], 14)]),
        ("North Korea joined China in rejecting the proposal.", "en", [(["PRK", "CHN"], 12)]),
        ("俄罗斯加入了对伊朗的谴责。", "zh", [(["RUS"], 11)]),  # 111, join vs condemn
        ("日本加入联合国制裁行列。", "zh", [(["JPN", "UN"], 16)]),  # 163, join vs sanction
        ("韩国总统在讲话中加入了对朝鲜的批评。", "zh", [(["KOR"], 11)]),  # 111, join vs criticize
    ],
)
def test_joining_loses_to_the_other_cue_of_its_clause(sentence: str, lang: str, expected: list[Row]) -> None:
    assert rows(sentence, lang) == expected


def test_joining_in_another_sense_is_no_act_and_joining_a_body_stays() -> None:
    assert codes("日本加入了新内容。", "zh") == [1]  # content added: no cooperation
    assert codes("Hill was joined by Sung Kim in Beijing.", "en") == [1]  # company, not accession
    # kept: an organisation joined is 057/050; the cooperation in its name is its kind (was 06 before
    # the fallback rule would let 合作 win)
    assert rows("中国加入世贸组织。", "zh") == [(["CHN"], 5)]
    assert rows("印度加入上海合作组织。", "zh") == [(["IND"], 5)]
    assert codes("Ukraine joined NATO.", "en") == [5]
    assert codes("North Korea joined the talks.", "en") == [4]  # kept: 046
    # kept: 加入 with no object joins the group the text is about (057/050)
    assert rows("中美俄三国加入后形成六方。", "zh")[0][1] == 5
    assert codes("韩国宣布加入。", "zh") == [5]


# --- establish / 建立 / 确立 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("中日建立磋商机制。", "zh", 4),  # consult (磋商) over establish
        ("美韩建立联合军演机制。", "zh", 15),  # military exercise
        ("美国和日本建立了对朝制裁机制。", "zh", 16),  # sanctions
        ("Japan established an inquiry into the leak.", "en", 9),  # investigate
        ("the IAEA said it has established that Iran enriched uranium.", "en", 1),  # found out: said
    ],
)
def test_establishing_loses_to_the_other_cue_of_its_clause(sentence: str, lang: str, expected: int) -> None:
    assert codes(sentence, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Iran is a well-established member of the IAEA.", "en"),
        ("美方表示，该方案建立在共同声明基础上。", "zh"),  # "rests on"
        ("美国在韩国建立军事基地。", "zh"),  # a base built
        ("朝鲜宣布建立新政府。", "zh"),  # a government formed: the announcement
        ("朝鲜确立了先军政治路线。", "zh"),  # a line of policy set
    ],
)
def test_establishing_in_another_sense_is_no_cooperation(sentence: str, lang: str) -> None:
    assert codes(sentence, lang) == [1]


def test_a_body_established_and_announced_is_the_establishment() -> None:
    # kept: a verb of saying does not outrank a fallback cue (050, the mission set up)
    assert codes("The OPCW and the UN jointly announced the establishment of a joint mission.", "en") == [5]


def test_a_meeting_noun_before_a_fallback_cue_is_its_subject_not_a_rival() -> None:
    # kept: the conference sets up a framework (050), not 04 by 会议
    assert codes("东盟和平会议确立和平进程框架。", "zh") == [5]


def test_a_joint_body_established_stays_cooperation() -> None:
    # kept: 050; the partnership's 合作 names its kind (it would be 06 by the fallback rule alone)
    assert rows("中国和韩国建立战略合作伙伴关系。", "zh") == [(["CHN", "KOR"], 5)]
    assert rows("China and Japan established a hotline.", "en") == [(["CHN", "JPN"], 5)]


# --- destroy ------------------------------------------------------------------------------------


def test_destruction_by_force_is_not_yielding() -> None:
    assert rows("The village was destroyed by Israeli air strikes.", "en") == [(["ISR"], 19)]
    # no cue of force in the dictionary for these (bomb, jets): a statement, not 080
    assert codes("Israeli jets destroyed a Syrian reactor.", "en") == [1]
    assert codes("Russian missiles destroyed a Ukrainian base.", "en") == [1]


def test_destroying_ones_own_arms_stays_yielding() -> None:
    # kept: 080
    assert codes("Syria destroyed its chemical weapons.", "en") == [8]
    assert codes("North Korea destroyed the cooling tower at Yongbyon.", "en") == [8]


# --- recognize ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim Jong Il was recognized as leader.",
        "Iran is recognized as a regional power.",
        "China recognizes the efforts of the United States.",
        "Japan recognized its responsibility for the war.",
    ],
)
def test_recognizing_in_another_sense_is_no_recognition(sentence: str) -> None:
    assert codes(sentence, "en") == [1]


def test_a_state_recognized_stays_recognition() -> None:
    # kept: 054
    assert rows("Russia recognized Abkhazia.", "en") == [(["RUS"], 5)]
    assert rows("Russia recognized the independence of Abkhazia.", "en") == [(["RUS"], 5)]


# --- restart ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Kuwait restarted operations at its refinery.", "en"),
        ("Japan restarted the reactor at Sendai.", "en"),
        ("日本重启核反应堆。", "zh"),
        ("美国宣布重启核反应堆的计划。", "zh"),
    ],
)
def test_a_restart_is_no_show_of_force(sentence: str, lang: str) -> None:
    assert codes(sentence, lang) == [1]


def test_talks_restarted_stay_a_negotiation() -> None:
    assert codes("Israel and Syria restart negotiations in Ankara.", "en") == [4]  # kept: 046


# --- 满意度, annex, 吞并, 击退 ------------------------------------------------------------------------


def test_other_senses_of_satisfaction_annexing_and_repelling_are_no_acts() -> None:
    assert codes("伊朗民众对政府的满意度下降。", "zh") == [1]  # an approval rating
    assert codes("Iran annexed a list of sites to its declaration.", "en") == [1]  # a document attached
    assert codes("美国吞并企业的计划受阻。", "zh") == [3]  # a takeover planned: 030 by 计划
    assert codes("中国队击退对手。", "zh") == [1]  # a match


def test_territory_annexed_and_an_attack_repelled_stay_force() -> None:
    # kept: 192, 190
    assert codes("俄罗斯吞并克里米亚。", "zh") == [19]
    assert codes("Russia annexed Crimea.", "en") == [19]
    assert codes("以色列军队击退了进攻。", "zh") == [19]  # 军队 is no team


# --- leaving the talks for a while --------------------------------------------------------------


def test_leaving_the_talks_for_a_while_halts_nothing() -> None:
    # no 164: the phrase is dropped, and the talks it held go with it (04 on main 58a3edf: a gap)
    assert codes("The Iranian delegation left the talks early for consultations in Tehran.", "en") == [1]
    assert codes("Iran left the talks in protest.", "en") == [16]  # kept: 164


def test_leaving_the_named_talks_is_halting_them_unless_for_a_while() -> None:
    # 04 before: "talks" was the only cue the named talks left
    assert codes("North Korea left the six-party talks in protest.", "en") == [16]
    assert codes("North Korea left the six-way talks.", "en") == [16]
    assert codes("The North Korean delegation left the six-party talks early for consultations.", "en") == [1]


# --- the rules as functions -----------------------------------------------------------------------


def test_a_fallback_cue_yields_to_any_other_and_stays_alone() -> None:
    join = Cue(0, 4, "join", 5, "join", 0.4, True)
    plan = Cue(10, 14, "plan", 3, "plan", 0.3)
    said = Cue(20, 24, "said", 1, "say", 0.3)
    assert fallbacks_yield([join, plan]) == [plan]  # even a weaker act outranks it
    assert fallbacks_yield([join, plan, said]) == [plan, said]
    # a verb of saying is no rival: the rules of reported acts choose (the joining said)
    assert fallbacks_yield([join, said]) == [join, said]
    assert fallbacks_yield([join]) == [join]


def test_the_dictionary_marks_the_fallback_cues() -> None:
    verbs = VerbDictionary.builtin()
    found = {c.entry: c.fallback for c in verbs.find("Japan joined NATO and established a hotline", "en")}
    assert found == {"join": True, "establish": True}
    assert not any(c.fallback for c in verbs.find("Japan condemned the test", "en"))
    assert weak_senses(
        "Japan joined NATO", "en", verbs.find("Japan joined NATO", "en")
    )  # an organisation after it (round 9: not any name, "Japan joined Russia")
    assert not weak_senses("Japan joined Russia", "en", verbs.find("Japan joined Russia", "en"))
