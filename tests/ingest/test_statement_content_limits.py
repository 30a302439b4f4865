"""Rule 3g, a statement coded by its content, and where it stops (docs/ingest.md, rule 3g), on
sentences written for these tests after a reviewer's kinds of sentence (review of round 6); and the
dictionary's 异议 under a negation.

Each rule is narrowed to what docs/ingest.md says: an outcome hoped for is the statement's content
only with no act of the speaker's beside it; a precondition needs a clause ending in 后, not the
adverbs 此后, 随后; a consequence is negated as rule 3d reads negators (未来, 不少 are none) and is a
threat only when the speaker acts in it; an epithet is an insult in the label's head (Chinese) or in
the label after its object (English); an English condition opens with "if" or the conjunction "once"
and names another party the gazetteer knows. Expected codes are the CAMEO codebook's reading (Schrodt
2012, v1.1b3), worked out by hand: 010 statement, 020 appeal, 036 intent to meet. The cues are the
built-in dictionary's, the names a fake gazetteer's.
"""

from __future__ import annotations

from hexatable.ingest.types import Lang
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.fakes import dated_events

NAMES = {
    name: (actor, None)
    for name, actor in {
        "朝鲜": "PRK",
        "美国": "USA",
        "中方": "CHN",
        "韩国": "KOR",
        "安理会": "UNSC",
        "North Korea": "PRK",
        "Japan": "JPN",
        "China": "CHN",
        "Washington": "USA",
        "the US": "USA",
    }.items()
}
VERBS = VerbDictionary.builtin()


def coded(text: str, lang: Lang = "zh") -> list[tuple[str, int, str | None]]:
    """(first actor, CAMEO root, cue) of each event extracted from one dated sentence."""
    return [
        (e.actors[0].actor, e.cameo, e.cue.text if e.cue else None)
        for e in dated_events(text, lang=lang, names=NAMES, verbs=VERBS)
    ]


# --- an outcome hoped for (3g iii): only when it is what is said --------------------------------------


def test_an_outcome_aimed_at_by_an_act_announced_leaves_the_act() -> None:
    # the speaker announces attendance (036); the outcome is its aim, not the statement (was 01)
    assert coded("朝鲜表示，将参加会谈，争取取得成果。") == [("PRK", 3, "参加")]
    assert coded("中方表示，将派代表团参加会谈，推动会谈取得进展。") == [("CHN", 3, "参加")]
    assert coded("美国表示，将与朝鲜举行会谈，以实现突破。") == [("USA", 3, "举行会谈")]


def test_a_hope_beside_an_appeal_stays_an_appeal() -> None:
    # 希望…取得进展，并呼吁美国重返谈判: an appeal (020) is voiced beside the hope (was 01)
    assert coded("中方表示，希望朝鲜与美国的对话取得进展，并呼吁美国重返谈判。") == [("CHN", 2, "希望")]


def test_an_outcome_alone_is_still_an_optimistic_comment() -> None:
    assert coded("中方表示，期待会谈取得积极成果。") == [("CHN", 1, "表示")]


# --- conditions (3g i) ---------------------------------------------------------------------------------


def test_afterwards_is_no_precondition() -> None:
    # 此后, 随后 ("afterwards", "then") order acts; the US's act is reported: the statement (was 10)
    assert coded("朝鲜称，此后美国才会参加会谈。") == [("PRK", 1, "称")]
    assert coded("韩国称，美国随后才会公布会谈细节。") == [("KOR", 1, "称")]


def test_words_holding_a_negator_negate_nothing_in_a_consequence() -> None:
    # 未来 (future), 不少 (many): an attendance promised on a condition, no threat (was 13); the
    # statement stands, as rule 3b reads an act after a condition naming another party
    assert coded("朝鲜称，如果美国同意，朝鲜将在未来参加会谈。") == [("PRK", 1, "称")]
    assert coded("朝鲜称，如果美国同意，不少朝鲜官员将参加会谈。") == [("PRK", 1, "称")]


def test_another_partys_act_foretold_is_no_threat_of_the_speakers() -> None:
    # the Council would sanction, not Korea: Korea's statement (was 13)
    assert coded("韩国称，如果朝鲜进行核试验，安理会将对朝鲜实施制裁。") == [("KOR", 1, "称")]


def test_a_refusal_on_a_condition_still_threatens() -> None:
    # the rule still does its job: a threat to halt talks (134), ruled out by 绝无可能
    assert coded("朝鲜称，如果美国不撤销制裁，就绝无可能继续参加会谈。") == [("PRK", 13, "参加")]


def test_english_conditions_need_an_opener_and_another_party() -> None:
    # "should" is a modal, "once" after "had" an adverb; the weather and Monday are no party (were 13,
    # 10): each is the statement
    for text in (
        "Japan said it should consult Washington and would not attend the talks.",
        "North Korea said it would not attend the talks, as it had once told China.",
        "North Korea said it would not attend the talks if the weather was bad on Monday.",
        "North Korea said it would not return to the talks until Monday.",
    ):
        assert [code for _, code, _ in coded(text, "en")] == [1], text
    # still: a named party's act as the condition
    assert [
        code
        for _, code, _ in coded("North Korea said it would not attend the talks if the US held drills.", "en")
    ] == [13]
    assert [
        code
        for _, code, _ in coded(
            "North Korea said it would not attend the talks once the US held drills.", "en"
        )
    ] == [13]


# --- epithets (3g iv): the insult is in the label --------------------------------------------------


def test_a_label_whose_head_is_no_insult_is_no_denunciation() -> None:
    # a partner against terrorism, a force fighting it, its victim: no insult (were 11)
    for label in ("反恐怖主义的伙伴", "打击恐怖主义的重要力量", "恐怖主义的受害者"):
        assert coded(f"朝鲜称美国为“{label}”。") == [("PRK", 1, "称")], label
    assert coded("朝鲜称美国为“流氓国家”。") == [("PRK", 11, "称")]


def test_an_english_object_holding_an_insult_word_is_no_label() -> None:
    # the terrorists captured, a criminal case: the object, not the label (were 11)
    assert [
        c
        for _, c, _ in coded(
            "Japan issued a statement calling the capture of the terrorists a victory.", "en"
        )
    ] == [1]
    assert [
        c for _, c, _ in coded("China said it called the criminal case against its citizens a mistake.", "en")
    ] == [1]
    assert [
        c for _, c, _ in coded("Japan issued a statement calling the North Korean leader a tyrant.", "en")
    ] == [11]


# --- the dictionary: no objection is no disapproval ------------------------------------------------


def test_no_objection_is_no_disapproval() -> None:
    # 没有异议, 无异议: no objection raised (was 11); the clause names a party and a date, no cue
    assert coded("中方对此没有异议。") == [("CHN", 1, None)]
    assert coded("韩国对该方案并无异议。") == [("KOR", 1, None)]
    assert coded("朝鲜对该方案提出异议。") == [("PRK", 11, "异议")]
