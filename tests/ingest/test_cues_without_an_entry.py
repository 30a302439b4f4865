"""Acts a survey of real chronologies found without a cue (annexing, repelling, a satellite put into orbit,
a meal given, a heads-of-delegation meeting; recognizing a state, joining a treaty, destroying one's
arms, slamming, leaving talks), and cue choice around them (docs/ingest.md, rule 3d;
docs/ingest-dictionaries.md, "Entries added in round 7"): a formal light verb (予以) after its topic, a
party noun (签署国) read as an act, an act named in quotation marks, a consequence by a new subject
(rule 1b).

Sentences written for these tests, run with the built-in gazetteer, verb dictionary and date finder;
expected codes are the CAMEO codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.types import Cue
from hexatable.ingest.verbs import VerbDictionary
from hexatable.ingest.zh_subjects import zh_modifies
from tests.ingest.fakes import dated_builtin_rows

Row = tuple[list[str], int]


def rows(sentence: str, lang: str) -> list[Row]:
    """(actors, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_builtin_rows(sentence, "zh" if lang == "zh" else "en")


# --- acts without a cue before round 7 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("土耳其军队吞并了塞浦路斯北部。", [(["TUR"], 19)]),  # 192 occupy territory
        ("叙利亚军队在阿勒颇附近击退了反对派的进攻。", [(["SYR"], 19)]),  # 190 conventional force
        ("伊朗用运载火箭把一颗通信卫星送入轨道。", [(["IRN"], 15)]),  # 150, as a launch
        ("美国和伊朗两国代表共进晚餐。", [(["USA", "IRN"], 4)]),  # 040 consult
        ("日本外相宴请东盟各国外长。", [(["JPN"], 4)]),  # 043 host
        ("中国、日本、韩国三方举行团长会。", [(["CHN", "JPN", "KOR"], 4)]),  # 040 consult
    ],
)
def test_chinese_acts_the_survey_found_without_a_cue(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence, "zh") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Armenia annexed a border district of Azerbaijan.", [(["ARM"], 19)]),  # 192
        ("Syria recognizes Kosovo as an independent state.", [(["SYR"], 5)]),  # 054 recognition
        ("Iran joins the Chemical Weapons Convention.", [(["IRN"], 5)]),  # 057
        ("Libya destroys its stockpile of mustard gas.", [(["LBY"], 8)]),  # 080 yield
        ("Israel slams the vote.", [(["ISR"], 11)]),  # 111 denounce
        ("Iran leaves the talks in Geneva.", [(["IRN"], 16)]),  # 164 halt negotiations
        ("Israel and Syria restart negotiations in Ankara.", [(["ISR", "SYR"], 4)]),  # 046
        ("France announces a special military operation in Mali.", [(["FRA"], 19)]),  # 190
    ],
)
def test_english_acts_the_survey_found_without_a_cue(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence, "en") == expected


def test_joining_talks_stays_a_meeting_and_knowing_is_no_recognition() -> None:
    # kept: joining talks is 046 (talks, 04, on main); "recognized that" and "internationally
    # recognized" are no grant of recognition
    assert rows("Peru joined the talks in Lima.", "en") == [(["PER"], 4)]
    verbs = VerbDictionary.builtin()
    assert verbs.find("Syria recognized that it had failed", "en") == []
    assert verbs.find("within internationally recognized borders", "en") == []


# --- cue choice -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "安理会对智利导弹试射予以谴责。",
        "安理会通过决议，对智利导弹试射予以强烈谴责。",
        "安理会对智利的导弹试射加以谴责。",
    ],
)
def test_a_topic_before_a_formal_light_verb_is_what_the_act_is_about(sentence: str) -> None:
    # 予以/加以 carry the condemnation (111); the test named in the topic phrase is no act (it was 15)
    assert rows(sentence, "zh") == [(["UNSC"], 11)]


def test_a_light_verb_before_the_act_still_gives_the_act() -> None:
    # kept: 表示 was a light verb on main already
    assert rows("安理会对智利导弹试射表示谴责。", "zh") == [(["UNSC"], 11)]


def test_a_cue_heading_a_noun_of_parties_is_no_act() -> None:
    # 签署国 are the states that signed: the act is the intent to talk (036 -> 03), not a signing (05)
    assert rows("伊朗表示将与其他签署国进行对话。", "zh") == [(["IRN"], 3)]
    assert zh_modifies("各谈判方同意休会", Cue(1, 3, "谈判", 4, "谈判", 0.9))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("伊朗签署国际公约。", [(["IRN"], 5)]),  # 国际 is the object's first word
        ("美国国务卿会见国务委员。", [(["USA"], 4)]),  # 国务委员 the object
    ],
)
def test_a_cue_before_a_word_opening_with_guo_or_fang_stays_an_act(
    sentence: str, expected: list[Row]
) -> None:
    # kept; and 方可 ("only then") after a signing is no party noun
    assert rows(sentence, "zh") == expected
    assert not zh_modifies("协定经签署方可生效", Cue(3, 5, "签署", 5, "签署", 1.0))


def test_an_act_named_in_quotation_marks_after_its_launching_verb_is_the_act() -> None:
    # 190 conventional force: the operation launched, not the announcement (01)
    assert rows("法国总统宣布在马里发起“特别军事行动”。", "zh") == [(["FRA"], 19)]


def test_a_quoted_name_before_a_noun_still_hides_its_cues() -> None:
    # kept: the list's name is no act; the delisting (081) is
    assert rows("美方将朝鲜从“支持恐怖主义国家”名单中除名。", "zh") == [(["USA"], 8)]


# --- rule 1b: a verb of consequence before a new subject ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 190 (the strike) and 164 (the talks postponed) by the party named after 导致
        ("印度对巴基斯坦发动空袭，导致巴基斯坦推迟谈判。", [(["IND"], 19), (["PAK"], 16)]),
        # 163 sanctions; 166 a withdrawal from talks
        ("日本对朝鲜实施制裁，致使朝鲜退出会谈。", [(["JPN"], 16), (["PRK"], 16)]),
        # 111 criticize; 161 recall an ambassador
        ("美国批评伊朗，使得伊朗召回大使。", [(["USA"], 11), (["IRN"], 16)]),
    ],
)
def test_a_consequence_by_a_new_subject_is_an_act_of_its_own(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence, "zh") == expected


def test_a_consequence_without_a_party_stays_in_its_clause() -> None:
    # kept: "led to tension" names no party and no act
    assert rows("印度对巴基斯坦发动空袭，导致局势紧张。", "zh") == [(["IND"], 19)]


def test_satisfaction_with_the_talks_is_approval_not_the_talks() -> None:
    # 051 praise or endorse; 对…感到 is a topic phrase, so the talks named are no act (they were 04)
    assert rows("日本外相对本轮会谈的成果感到非常满意。", "zh") == [(["JPN"], 5)]
    # kept: 不满 (dissatisfaction) stays a disapproval
    assert rows("韩国表示不满意。", "zh") == [(["KOR"], 11)]


def test_joining_an_organisation_is_diplomatic_cooperation_and_joining_talks_a_meeting() -> None:
    assert rows("印度加入上海合作组织。", "zh") == [(["IND"], 5)]  # 057/050
    assert rows("俄罗斯加入会谈。", "zh") == [(["RUS"], 4)]  # 046
    # kept: the proposal types the clause
    assert [code for _, code in rows("美方建议韩日加入。", "zh")] == [2]


def test_a_framework_established_is_diplomatic_cooperation() -> None:
    # 050: the conference (named only as ASEAN here) sets up a framework; it was 04, the meeting noun
    assert rows("东盟和平会议确立和平进程框架。", "zh") == [(["ASEAN"], 5)]
    # kept: establishing relations is the longer cue
    assert [c.text for c in VerbDictionary.builtin().find("中国和韩国建立外交关系", "zh")] == ["建立外交关系"]
