"""A light verb and the act it carries (docs/ingest.md, rule 3d): a protest lodged is an official
complaint (114), a light verb before a thing put forward keeps its code, sanctions put forward are a
proposal, an act done by saying is carried and a protest after 进行 stays.

Each case is written from our own sentences of the construction and run through ``hexatable ingest
--json`` as a user runs it (built-in gazetteer and verbs, no case). Expected codes are the CAMEO
codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- a light verb takes the code of an act noun of disapproval -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("中国提出抗议。", [(["CHN"], [], 11)]),
        ("中国提出了强烈抗议。", [(["CHN"], [], 11)]),
        ("中国表示抗议。", [(["CHN"], [], 11)]),
        ("日本针对朝鲜导弹发射提出抗议。", [(["JPN"], ["PRK"], 11)]),
        # rule 1d: the demand joined by 并 is an act of its own, made to North Korea too (向朝鲜)
        ("日本向朝鲜提出抗议并要求释放渔民。", [(["JPN"], ["PRK"], 11), (["JPN"], ["PRK"], 10)]),
    ],
)
def test_a_protest_lodged_is_an_official_complaint(
    tmp_path: Path, sentence: str, expected: list[Row]
) -> None:
    # 114 complain officially (root 11): was 03 (提出's plan) or 14 (a demonstration); round 8:
    # actors and targets asserted too
    assert rows(tmp_path, sentence, "zh") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("中国提出建议。", (["CHN"], [], 3)),
        ("中国提出援助计划。", (["CHN"], [], 3)),
        ("美国提出制裁朝鲜的决议草案。", (["USA"], ["PRK"], 3)),
        ("美国提出经济制裁。", (["USA"], [], 3)),
        ("中美进行谈判。", (["CHN", "USA"], [], 4)),
        ("韩国表示准备制裁朝鲜。", (["KOR"], ["PRK"], 3)),
    ],
)
def test_a_light_verb_before_a_thing_put_forward_keeps_its_code(
    tmp_path: Path, sentence: str, expected: Row
) -> None:
    # kept; round 8: actors and targets asserted too, and a sanctions proposal (提出经济制裁)
    assert rows(tmp_path, sentence, "zh") == [expected]


# --- a light verb proposes an act done in the world ------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("美国在安理会提出制裁，遭到中国反对。", [(["USA"], ["CHN"], 3)]),
        ("美国提出制裁和谈判两手方案。", [(["USA"], [], 3)]),
        # rule 1d: the demand joined by 并 is an act of its own, with its own target
        ("美国提出制裁并要求朝鲜弃核。", [(["USA"], [], 3), (["USA"], ["PRK"], 10)]),
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
