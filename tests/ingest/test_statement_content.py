"""Round 6 of issue 17: a statement is coded by its content when the content is a codable act (rule 3g
of ``hexatable.ingest.extract``; :mod:`hexatable.ingest.statement_content`), and a resolution by the
sanctions it imposes, a reason frame 以…为由 by the act it gives a reason for (rule 3d).

The date finder and gazetteer are the fakes of ``tests/ingest/fakes.py``; the cues a small weighted
table in the built-in dictionary's weight bands. The sentences are written for these tests (other
negotiations than the built-in case's). Every expected code is the CAMEO codebook's reading (Schrodt
2012, v1.1b3; code list 0.7b5), worked out by hand: a cooperative act refused on a condition is a threat
(130, 134 threaten to halt negotiations), an act of one's own made to wait for another's a demand (100),
"cannot" in a party's statement of its own act a refusal (125), an insult a denunciation (111), a
resolution imposing an embargo 163.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.types import Lang
from tests.ingest.fakes import codes

NAMES = {
    "伊朗": ("IRN", None),
    "伊方": ("IRN", None),
    "美国": ("USA", None),
    "美方": ("USA", None),
    "委内瑞拉": ("VEN", None),
    "哥伦比亚": ("COL", None),
    "安理会": ("UNSC", None),
    "Iran": ("IRN", None),
    "Venezuela": ("VEN", None),
    "Colombia": ("COL", None),
    "the United States": ("USA", None),
    "the Security Council": ("UNSC", None),
}
CUES: dict[str, tuple[int, float]] = {
    "表示": (1, 0.3),
    "称": (1, 0.3),
    "宣布": (1, 0.5),
    "重申": (1, 0.5),
    "会谈": (4, 0.9),
    "谈判": (4, 0.9),
    "参加": (4, 0.5),
    "重返": (4, 0.6),
    "接触": (4, 0.6),
    "提供": (7, 0.5),
    "支持": (5, 0.7),
    "希望": (2, 0.5),
    "期待": (2, 0.5),
    "要求": (10, 0.8),
    "谴责": (11, 1.0),
    "制裁": (16, 1.0),
    "禁运": (16, 1.0),
    "退出": (16, 1.0),
    "解除": (8, 0.8),
    "said": (1, 0.3),
    "issued a statement": (1, 0.5),
    "return": (4, 0.6),
    "attend": (4, 0.5),
    "quit": (16, 0.6),
    "demand": (10, 0.8),
    "demands": (10, 0.8),
    "sanctions": (16, 1.0),
    "imposed sanctions": (16, 1.0),
    "lifts": (8, 0.8),
}


def coded(text: str, lang: Lang = "zh") -> list[tuple[int, str | None]]:
    """(CAMEO root, cue) of each event extracted from ``text``."""
    return codes(text, lang=lang, names=NAMES, cues=CUES)


# --- conditions: threats and preconditions ------------------------------------------------------------


def test_a_refusal_on_a_condition_is_a_threat() -> None:
    # the condition names another party, so rule 3b found no act of the speaker's: it was 01
    text = "2031年3月4日，伊方称，如果美国继续制裁，就不会参加下一轮会谈。\n"
    assert coded(text) == [(13, "参加")]


def test_no_possibility_of_talks_on_a_condition_is_a_threat_to_halt_them() -> None:
    text = "2031年3月5日，委内瑞拉表示，若哥伦比亚不撤军，则绝无可能继续举行会谈。\n"
    assert coded(text) == [(13, "会谈")]


def test_a_withdrawal_announced_on_a_condition_is_a_threat() -> None:
    # the act of conflict in the consequence is not done yet: 134, not 16
    text = "2031年3月6日，伊朗表示，如果美国恢复制裁，伊朗将退出谈判。\n"
    assert coded(text) == [(13, "退出")]


def test_a_plain_conditional_clause_is_a_threat_too() -> None:
    # no verb of saying: the condition is a subordinate stretch, the act its consequence
    text = "2031年3月7日，如果美国继续制裁，伊朗就退出谈判。\n"
    assert coded(text) == [(13, "退出")]


def test_a_condition_that_asks_nothing_of_another_party_is_no_threat_nor_demand() -> None:
    text = (
        "2031年3月13日，委内瑞拉表示，如果天气不好，就不参加会谈。\n"  # a refusal on the weather: 12
        "2031年3月14日，伊朗表示，将在完成选举后才参加会谈。\n"  # its own act first: an intent, 036
    )
    assert coded(text) == [(12, "参加"), (3, "参加")]


def test_only_after_in_past_narrative_is_the_act_done() -> None:
    # a bare 才 tells the order of what happened: Iran returned (04), it set no condition
    text = "2031年3月15日，美国解除制裁后，伊朗才重返谈判。\n"
    assert coded(text) == [(4, "重返")]


def test_a_cooperative_act_promised_on_a_condition_keeps_its_code() -> None:
    # an offer, not a threat: left as rule 3b reads it. The condition names another party before the
    # act, so 3b reads no act of the speaker's and the statement stands (010); without the condition
    # the same act is an intent (036)
    text = "2031年3月8日，伊方称，如果美国解除制裁，伊朗将重返谈判。\n"
    assert coded(text) == [(1, "称")]
    assert coded("2031年3月8日，伊方称，将重返谈判。\n") == [(3, "重返")]


def test_an_act_made_to_wait_for_another_partys_is_a_demand() -> None:
    # …后才能: Iran's return waits for the US's act (a precondition, 100), not an intent to meet
    text = "2031年3月9日，伊方称，伊朗将在美国解除制裁后才能重返谈判。\n"
    assert coded(text) == [(10, "重返")]


def test_only_then_and_unless_otherwise_are_preconditions() -> None:
    text = (
        "2031年3月10日，委内瑞拉表示，只有哥伦比亚先撤军，才会参加会谈。\n"
        "2031年3月11日，伊朗重申，除非美国解除制裁，否则不会参加会谈。\n"
    )
    assert coded(text) == [(10, "参加"), (10, "参加")]


def test_english_refusal_unless_is_a_demand_and_if_a_threat() -> None:
    text = (
        "On March 4, 2031, Iran said it would not return unless the sanctions were lifted.\n\n"
        "On March 5, 2031, Venezuela said it would quit if Colombia moved troops.\n\n"
        "On March 6, 2031, Colombia said it would attend if the rebels agreed.\n"
    )
    # an offer on a condition is no threat: since round 7 (rule 3e (iv)) it is the speaker's intent to
    # meet (03), as a statement of the speaker's own act to come is coded by the act (was 01)
    assert coded(text, "en") == [(10, "return"), (13, "quit"), (3, "attend")]


def test_english_threat_is_the_consequence_not_the_condition() -> None:
    # the sanctions are the condition's (the other party's act); the threat is the quitting
    text = "On March 8, 2031, Iran said that if the United States imposed sanctions, it would quit.\n"
    assert coded(text, "en") == [(13, "quit")]


def test_english_conditions_that_ask_nothing_of_another_party_are_no_threat() -> None:
    text = (
        "On March 9, 2031, Iran said it would not attend even if the United States asked.\n\n"
        "On March 10, 2031, Iran said it would not attend if the weather was bad.\n\n"
        "On March 11, 2031, Iran said it would quit once again.\n"
    )
    # a refusal whatever happens; a condition on nobody; "once again" is no condition, so no threat
    # by rule 3g, but since round 7 (rule 3e (iv)) the speaker's own withdrawal to come is a threat (13)
    # as any statement of it is ("said it would quit", was 01)
    assert coded(text, "en") == [(1, "said"), (1, "said"), (13, "quit")]


def test_english_statement_without_a_condition_is_unchanged() -> None:
    text = "On March 7, 2031, Iran said it would not return to the table.\n"
    assert coded(text, "en") == [(1, "said")]


# --- cannot: a refusal by policy ----------------------------------------------------------------------


def test_cannot_in_a_partys_own_reported_act_is_a_refusal() -> None:
    text = "2031年3月12日，美方称，不能与伊方进行任何直接接触。\n"
    assert coded(text) == [(12, "接触")]


def test_could_not_reports_a_fact_and_the_statement_stands() -> None:
    text = "2031年3月13日，美方称，无法与伊方进行直接接触。\n"
    assert coded(text) == [(1, "称")]


# --- outcomes hoped for ------------------------------------------------------------------------------


def test_an_outcome_hoped_for_is_an_optimistic_comment() -> None:
    # 013: neither an appeal (02) to anyone nor the talks (04) themselves
    text = (
        "2031年3月21日，伊朗表示，期待下一轮会谈取得积极成果。\n"
        "2031年3月22日，委内瑞拉表示坚信此次会谈将获得各方欢迎的进展。\n"
        "2031年3月23日，哥伦比亚期待谈判取得突破。\n"
    )
    assert [code for code, _ in coded(text)] == [1, 1, 1]


def test_a_hope_that_another_party_acts_is_still_an_appeal() -> None:
    text = "2031年3月24日，伊朗希望美国重返谈判。\n"
    assert coded(text) == [(2, "希望")]
    # English "hope" is no cue (the dictionary's appeals are ask, urge, request ...): the statement stays 01
    text = "On March 24, 2031, Iran said it hoped the talks would produce results.\n"
    assert coded(text, "en") == [(1, "said")]


# --- epithets -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2031年3月14日，美国总统称伊朗领导人为“暴君”。\n",
        "2031年3月14日，委内瑞拉多次称哥伦比亚政府为“流氓政权”。\n",
    ],
)
def test_an_insult_given_to_a_party_is_a_denunciation(text: str) -> None:
    assert [code for code, _ in coded(text)] == [11]


def test_a_kind_label_is_no_denunciation() -> None:
    text = "2031年3月15日，委内瑞拉称哥伦比亚为“兄弟邻邦”。\n"
    assert coded(text) == [(1, "称")]
    text = "On March 15, 2031, Venezuela issued a statement calling Colombia a brother nation.\n"
    assert coded(text, "en") == [(1, "issued a statement")]


def test_words_quoted_after_a_verb_of_saying_are_no_label() -> None:
    # 称“…” reports what was said; 恐怖 in it is no insult given to anyone
    text = "2031年3月16日，委内瑞拉称“恐怖主义威胁仍然存在”。\n"
    assert coded(text) == [(1, "称")]


def test_a_party_named_with_an_insult_by_others_is_not_the_one_denouncing() -> None:
    text = "2031年3月15日，委内瑞拉表示，该国曾被称为“流氓国家”。\n"
    assert coded(text) == [(1, "表示")]
    text = "On March 15, 2031, Venezuela said it was branded a rogue state.\n"
    assert coded(text, "en") == [(1, "said")]


def test_an_english_insult_given_to_a_party_is_a_denunciation() -> None:
    text = "On March 16, 2031, Venezuela issued a statement calling the Colombian president a tyrant.\n"
    assert [code for code, _ in coded(text, "en")] == [11]


# --- resolutions and reasons --------------------------------------------------------------------------


def test_a_resolution_is_coded_by_the_embargo_it_imposes() -> None:
    # 要求 (10) comes first; the resolution's act is the embargo (163)
    text = "2031年3月17日，安理会通过第2999号决议，要求伊朗停止浓缩，并对伊朗实施武器禁运。\n"
    assert coded(text) == [(16, "禁运")]


def test_a_resolution_that_lifts_sanctions_is_not_an_embargo() -> None:
    text = "2031年3月18日，安理会通过第3000号决议，解除对伊朗的制裁。\n"
    assert coded(text) == [(8, "解除")]


def test_an_english_resolution_is_coded_by_the_sanctions_it_imposes() -> None:
    text = (
        "On March 19, 2031, the Security Council adopted a resolution that demands a halt to enrichment "
        "and imposes sanctions on Iran.\n"
    )
    assert coded(text, "en") == [(16, "sanctions")]


def test_the_reason_given_for_an_act_is_not_the_act() -> None:
    # 以支持…为由: the support is the reason (another party's conduct), the act is the sanction (163)
    text = "2031年3月20日，美国以支持委内瑞拉军方为由，制裁哥伦比亚两家公司。\n"
    assert coded(text) == [(16, "制裁")]
