"""A question after 就/对 names no act (docs/ingest.md, rule 3d; :mod:`hexatable.ingest.zh_questions`):
the asked verb (and its object) is no act, the predicate after the question is; a question clause is
not joined to the next; a question with its own subject (对朝鲜是否…) drops the act it asks about, and a
name after the asked verb is no actor.

Each case is written from our own sentences of the construction and run through ``hexatable ingest
--json`` as a user runs it (built-in gazetteer and verbs, no case). Expected codes are the CAMEO
codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest.types import Cue
from hexatable.ingest.zh_questions import zh_question_cues
from tests.ingest.fakes import cli_full_rows, dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- a question after 就/对 names no act ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("中美就是否制裁朝鲜存在分歧。", ["CHN", "USA"]),
        ("日本和韩国就如何对朝鲜实施制裁存在分歧。", ["JPN", "KOR"]),
    ],
)
def test_a_disagreement_over_whether_to_sanction_is_no_sanction(
    tmp_path: Path, sentence: str, actors: list[str]
) -> None:
    # a disagreement: 010 (no party disapproves of another), the party asked about a target (was 16)
    assert rows(tmp_path, sentence, "zh") == [(actors, ["PRK"], 1)]


def test_a_disagreement_over_resuming_talks_is_no_meeting(tmp_path: Path) -> None:
    assert rows(tmp_path, "中美对是否恢复谈判看法不一。", "zh") == [(["CHN", "USA"], [], 1)]


def test_a_cue_after_the_question_is_the_act(tmp_path: Path) -> None:
    # kept: 磋商 is the predicate after the question
    assert rows(tmp_path, "中美就是否恢复谈判进行磋商。", "zh") == [(["CHN", "USA"], [], 4)]


def test_question_cues_drop_only_the_asked_verb() -> None:
    asked, met = Cue(5, 9, "恢复谈判", 4, "恢复谈判", 0.9), Cue(11, 13, "磋商", 4, "磋商", 0.9)
    assert zh_question_cues("中美就是否恢复谈判进行磋商", "zh", [asked, met]) == [met]
    # 反对 before 是否 is no topic 对: the cue after the question word is kept (round 8: the old
    # assertion kept only 反对, which comes before any question and so could not fail)
    opposed, sanctions = Cue(2, 4, "反对", 11, "反对", 0.8), Cue(6, 8, "制裁", 16, "制裁", 1.0)
    assert zh_question_cues("美国反对是否制裁", "zh", [opposed, sanctions]) == [opposed, sanctions]
    # a topic 对 does ask: the same cue after 对是否 is dropped
    assert zh_question_cues("美国对是否制裁", "zh", [Cue(5, 7, "制裁", 16, "制裁", 1.0)]) == []


# --- a topic question keeps its clause apart from the next -----------------------


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


# --- the question's object is asked about too ----------------------------------


def test_the_object_of_the_asked_verb_is_no_act(tmp_path: Path) -> None:
    # silence on whether to support sanctions: neither support (05) nor sanctions (16)
    assert rows(tmp_path, "中国对是否支持制裁保持沉默。", "zh") == [(["CHN"], [], 1)]


def test_the_predicate_after_the_question_and_its_object_is_the_act(tmp_path: Path) -> None:
    # consulting the US on how to condemn the test: 04 with the US, not a test (15) nor a condemnation
    assert rows(tmp_path, "中国外长就如何谴责朝鲜核试验与美国磋商。", "zh") == [(["CHN"], ["PRK", "USA"], 4)]


def test_a_verb_after_the_object_is_no_object(tmp_path: Path) -> None:
    # kept: 进行 between the asked 恢复谈判 and 磋商 ends the question; the consultation is the act
    assert rows(tmp_path, "中美就是否恢复谈判进行磋商。", "zh") == [(["CHN", "USA"], [], 4)]


def test_a_question_with_its_own_subject_drops_the_act_it_asks_about(tmp_path: Path) -> None:
    # review 9: with a name between 对 and 是否 the question was not read, and the test asked about
    # (15) typed the clause; the concern expressed outside the question is the act
    text = "2031年10月3日，法国对伊朗是否进行核试验表示关切。\n"
    assert cli_full_rows(tmp_path, text, "zh") == [("2031-10-03", ["FRA"], ["IRN"], 1)]


def test_words_other_than_names_before_the_question_word_are_no_question_subject() -> None:
    from hexatable.ingest.types import Cue
    from hexatable.ingest.zh_questions import zh_question_cues

    flat = "法国对伊朗实施制裁是否有效表示怀疑"
    sanction = Cue(flat.index("制裁"), flat.index("制裁") + 2, "制裁", 16, "制裁", 1.0)
    assert zh_question_cues(flat, "zh", [sanction]) == [sanction]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("日本对朝鲜是否谴责韩国表示关切。", ("2006-03-05", ["JPN"], ["KOR", "PRK"], 1)),
        ("美国对朝鲜是否制裁韩国表示关切。", ("2006-03-05", ["USA"], ["KOR", "PRK"], 1)),
    ],
)
def test_a_name_after_the_asked_verb_is_no_actor(
    tmp_path: Path, sentence: str, expected: tuple[object, ...]
) -> None:
    assert cli_full_rows(tmp_path, f"2006年3月5日，{sentence}\n", "zh") == [expected]


def test_the_speaker_before_dui_acts_and_the_asked_object_does_not(tmp_path: Path) -> None:
    ((date, actors, targets, cameo),) = cli_full_rows(
        tmp_path, "2006年3月5日，中国对美日是否制裁朝鲜表示担忧。\n", "zh"
    )
    assert (date, actors[0], cameo) == ("2006-03-05", "CHN", 1)
    assert "PRK" not in actors and "PRK" in targets
