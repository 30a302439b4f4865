"""Wrong outputs the review of round 7's left8 branch found (round 8, brief FL8), each written from
our own sentences of the construction and run through ``hexatable ingest --json`` as a user runs it
(built-in gazetteer and verbs, no case). Expected codes are the CAMEO codebook's reading (Schrodt
2012, v1.1b3), worked out by hand: 010 a statement nothing else fits, 042 make a visit, 04 consult,
111 denounce, 163 impose sanctions, 164 halt negotiations, 08 yield. Every case here failed on main
e422e94 unless marked "kept" (those guard a near miss that passes on both).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import cli_full_rows, dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- 1. a topic question keeps its clause apart from the next (review item 1) -----------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "中美就是否制裁朝鲜存在分歧，韩国谴责朝鲜。",
            [(["CHN", "USA"], ["PRK"], 1), (["KOR"], ["PRK"], 11)],
        ),
        (
            "中美就是否制裁朝鲜存在分歧，美国随后宣布对朝鲜实施制裁。",
            [(["CHN", "USA"], ["PRK"], 1), (["USA"], ["PRK"], 16)],
        ),
        (
            "中美就是否制裁朝鲜存在分歧，日本和韩国就是否恢复谈判存在分歧。",
            [(["CHN", "USA"], ["PRK"], 1), (["JPN", "KOR"], [], 1)],
        ),
    ],
)
def test_a_question_clause_is_not_joined_to_the_next(
    tmp_path: Path, sentence: str, expected: list[Row]
) -> None:
    # the question's clause is a statement of its parties; the clause after it has its own subject
    assert rows(tmp_path, sentence, "zh") == expected


# --- 2. the question's object is asked about too (review item 2) ----------------------------------


def test_the_object_of_the_asked_verb_is_no_act(tmp_path: Path) -> None:
    # silence on whether to support sanctions: neither support (05) nor sanctions (16)
    assert rows(tmp_path, "中国对是否支持制裁保持沉默。", "zh") == [(["CHN"], [], 1)]


def test_the_predicate_after_the_question_and_its_object_is_the_act(tmp_path: Path) -> None:
    # consulting the US on how to condemn the test: 04 with the US, not a test (15) nor a condemnation
    assert rows(tmp_path, "中国外长就如何谴责朝鲜核试验与美国磋商。", "zh") == [(["CHN"], ["PRK", "USA"], 4)]


def test_a_verb_after_the_object_is_no_object(tmp_path: Path) -> None:
    # kept: 进行 between the asked 恢复谈判 and 磋商 ends the question; the consultation is the act
    assert rows(tmp_path, "中美就是否恢复谈判进行磋商。", "zh") == [(["CHN", "USA"], [], 4)]


# --- 7. a resolution that declines some sanctions (review item 7) -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("安理会通过决议，决定不对朝鲜实施武器禁运，但对朝鲜实施金融制裁。", "zh"),
        (
            "the Security Council adopted a resolution that does not impose an arms embargo but imposes"
            " financial sanctions on North Korea.",
            "en",
        ),
    ],
)
def test_a_resolution_that_declines_one_embargo_but_imposes_sanctions_is_163(
    tmp_path: Path, sentence: str, lang: str
) -> None:
    assert rows(tmp_path, sentence, lang) == [(["UNSC"], ["PRK"], 16)]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("安理会通过决议，不对朝鲜实施制裁，并谴责朝鲜核试验。", "zh"),
        (
            "the Security Council adopted a resolution that does not impose new sanctions but condemns"
            " North Korea.",
            "en",
        ),
    ],
)
def test_a_condemnation_after_declined_sanctions_is_the_act(tmp_path: Path, sentence: str, lang: str) -> None:
    assert rows(tmp_path, sentence, lang) == [(["UNSC"], ["PRK"], 11)]


# --- 5. a light verb proposes an act done in the world (review item 5) ------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("美国在安理会提出制裁，遭到中国反对。", [(["USA"], ["CHN"], 3)]),
        ("美国提出制裁和谈判两手方案。", [(["USA"], [], 3)]),
        ("美国提出制裁并要求朝鲜弃核。", [(["USA"], ["PRK"], 3)]),
    ],
)
def test_sanctions_put_forward_are_a_proposal(tmp_path: Path, sentence: str, expected: list[Row]) -> None:
    # 030: sanctions proposed are none imposed (was 16), as "美国提出经济制裁" already was
    assert rows(tmp_path, sentence, "zh") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("美国提出经济制裁。", [(["USA"], [], 3)]),
        ("中国表示拒绝。", [(["CHN"], [], 12)]),
        ("中国提出强烈抗议。", [(["CHN"], [], 11)]),
        ("中国进行抗议。", [(["CHN"], [], 14)]),
    ],
)
def test_an_act_done_by_saying_is_carried_and_a_protest_after_jinxing_stays(
    tmp_path: Path, sentence: str, expected: list[Row]
) -> None:
    # kept: 11-14 are acts done by saying; 进行 is no cue, so the protest is the main cue (14)
    assert rows(tmp_path, sentence, "zh") == expected


# --- 4. a name used as a modifier inside an unknown subject (review item 4) ------------------------


def test_a_name_after_a_participle_is_inside_the_subject(tmp_path: Path) -> None:
    # "newly elected" modifies the president: South Korea's act, 01 (was no event)
    sentence = "the newly elected South Korean president took office."
    assert rows(tmp_path, sentence, "en") == [(["KOR"], [], 1)]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("the newly appointed North Korean envoy left Beijing.", "PRK"),
        ("the last remaining US troops left South Korea.", "USA"),
        ("the former North Korean envoy left Beijing.", "PRK"),  # kept: one word, the rule never fired
    ],
)
def test_a_name_after_a_modifier_keeps_its_event(tmp_path: Path, sentence: str, subject: str) -> None:
    # an event again (was none), the subject's party first, a statement (left is no cue: 01); the
    # place after "left" stays a co-actor as before round 7, a separate limit (docs/ingest.md)
    found = rows(tmp_path, sentence, "en")
    assert [(actors[0], cameo) for actors, _, cameo in found] == [(subject, 1)]


# --- 3. "stop by", "stop over" need a place's name after them (review item 3) ----------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan stopped over 30 North Korean ships.", [(["JPN"], ["PRK"], 16)]),
        ("China stopped over $100 million in aid to North Korea.", [(["CHN"], ["PRK"], 16)]),
        ("South Korea stopped by sea a North Korean vessel.", [(["KOR"], ["PRK"], 16)]),
        ("China stops by force any attempt by Taiwan.", [(["CHN"], ["TWN"], 16)]),
        ("North Korea stopped over the issue of sanctions.", [(["PRK"], [], 16)]),
    ],
)
def test_stop_before_no_place_name_reduces(tmp_path: Path, sentence: str, expected: list[Row]) -> None:
    # 16 (reduce relations), not a visit (042): what follows "by" or "over" is no place
    assert rows(tmp_path, sentence, "en") == expected


def test_a_name_modifying_a_noun_after_by_is_no_place(tmp_path: Path) -> None:
    # a headline's passive: "by the Japanese navy" is no visit (was 04); the roles stay as before
    # round 7 (the passive without "be" is not read as one, a separate limit)
    assert [cameo for _, _, cameo in rows(tmp_path, "North Korea stopped by the Japanese navy.", "en")] == [
        16
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China stopped by Seoul.", [(["CHN"], ["KOR"], 4)]),
        ("China stopped by the White House.", [(["CHN"], ["USA"], 4)]),
        ("Japan's foreign minister stopped over in Tokyo.", [(["JPN"], [], 4)]),
        ("Japan stopped in North Korean waters.", [(["JPN"], [], 16)]),
    ],
)
def test_stop_by_a_place_is_a_visit(tmp_path: Path, sentence: str, expected: list[Row]) -> None:
    # kept but the last: a place's name after the particle is a visit (042); a name that modifies a
    # noun is none ("in North Korean waters" was a visit in round 7)
    assert rows(tmp_path, sentence, "en") == expected


# --- 8. an epithet not given, or named as a thing (review item 8) -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "美国不再将朝鲜称为“邪恶轴心”。",
        "美国没有将朝鲜称为“邪恶轴心”。",
        "美国从未称朝鲜为“邪恶轴心”。",
        "美国表示不再将朝鲜称为“邪恶轴心”。",
    ],
)
def test_a_negated_epithet_is_no_denunciation(tmp_path: Path, sentence: str) -> None:
    # no label given: a statement, 01 (was 111)
    assert rows(tmp_path, sentence, "zh") == [(["USA"], ["PRK"], 1)]


def test_a_labelling_named_as_a_thing_is_no_denunciation(tmp_path: Path) -> None:
    # the labelling is the topic of North Korea's resentment: 01 as before round 7 (was 111, so North
    # Korea denounced too); both parties stay actors as before, a separate limit
    sentence = "美国将朝鲜称为“邪恶轴心”一事，朝鲜至今耿耿于怀。"
    assert rows(tmp_path, sentence, "zh") == [(["USA", "PRK"], [], 1)]


def test_an_epithet_given_is_still_a_denunciation(tmp_path: Path) -> None:
    # kept
    assert rows(tmp_path, "美国将朝鲜称为“邪恶轴心”。", "zh") == [(["USA"], ["PRK"], 11)]


# --- 6. a halting verb cut out of 取消制裁 only where it calls something off (review item 6) -------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("美朝围绕取消制裁问题展开讨论。", [(["USA", "PRK"], [], 4)]),
        ("美国与朝鲜就取消制裁问题举行会谈。", [(["USA"], ["PRK"], 4)]),
        ("美国取消制裁问题上的限制。", [(["USA"], [], 8)]),
        ("美国对朝鲜实施制裁会议决定的措施。", [(["USA"], ["PRK"], 16)]),
    ],
)
def test_sanctions_before_an_issue_or_in_a_topic_are_no_halting(
    tmp_path: Path, sentence: str, expected: list[Row]
) -> None:
    # talks on the issue (04), lifting restrictions (08), imposing measures (16): all were read as
    # 取消 calling something off (16) or as the meeting (04)
    assert rows(tmp_path, sentence, "zh") == expected


def test_calling_off_sanctions_talks_still_halts_them(tmp_path: Path) -> None:
    # kept
    assert rows(tmp_path, "美国取消制裁谈判。", "zh") == [(["USA"], [], 16)]
    assert rows(tmp_path, "美国宣布撤销制裁委员会。", "zh") == [(["USA"], [], 16)]


# --- 9. a preposed phrase before a speaker's comma (review item 9) --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "together with Russia, Japan said the talks should resume.",
        "Along with Russia, Japan said the talks should resume.",
    ],
)
def test_a_party_speaking_together_with_the_speaker_acts(tmp_path: Path, sentence: str) -> None:
    # Russia speaks with Japan: both actors, 01 (was JPN -> RUS); the order is the text's
    assert rows(tmp_path, sentence, "en") == [(["RUS", "JPN"], [], 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "in a meeting with Russia, Japan said the talks should resume.",
        "during a visit to Russia, Japan said the talks should resume.",
        "Russia should never attend the talks, Japan said.",
    ],
)
def test_a_party_of_the_occasion_or_spoken_of_is_a_target(tmp_path: Path, sentence: str) -> None:
    # kept: the meeting's or visit's party, and the party spoken of, are Japan's targets
    assert rows(tmp_path, sentence, "en") == [(["JPN"], ["RUS"], 1)]


def test_a_question_with_its_own_subject_drops_the_act_it_asks_about(tmp_path: Path) -> None:
    # review 9: with a name between 对 and 是否 the question was not read, and the test asked about
    # (15) typed the clause; the concern expressed outside the question is the act
    text = "2031年10月3日，法国对伊朗是否进行核试验表示关切。\n"
    assert _events_fz9(tmp_path, text) == [("2031-10-03", ["FRA"], ["IRN"], 1)]


def test_words_other_than_names_before_the_question_word_are_no_question_subject() -> None:
    from hexatable.ingest.types import Cue
    from hexatable.ingest.zh_questions import zh_question_cues

    flat = "法国对伊朗实施制裁是否有效表示怀疑"
    sanction = Cue(flat.index("制裁"), flat.index("制裁") + 2, "制裁", 16, "制裁", 1.0)
    assert zh_question_cues(flat, "zh", [sanction]) == [sanction]


def _events_fz9(tmp_path: Path, text: str) -> list[tuple[str, list[str], list[str], int]]:
    """(date, actor ids, target ids, CAMEO root) of each event the CLI writes for ``text``."""
    return cli_full_rows(tmp_path, text, "zh")
