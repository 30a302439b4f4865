"""取消制裁 / 解除制裁 before 谈判, 问题, 委员会 (rule 3d (v); docs/ingest.md, rule 3d;
:mod:`hexatable.ingest.sanctions_halting`): calling off sanctions talks halts the talks, a sanctions
meeting is a meeting, lifting sanctions stays easing; the halting verb is cut out only where it calls
something off, not before an issue or in a topic.

Each case is written from our own sentences of the construction and run through ``hexatable ingest
--json`` as a user runs it (built-in gazetteer and verbs, no case). Expected codes are the CAMEO
codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest.sanctions_halting import sanctions_modifiers
from hexatable.ingest.types import Cue
from tests.ingest.fakes import dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- 取消制裁 / 解除制裁 before 谈判, 问题, 委员会 (rule 3d (v)) -----------------------------------


def test_calling_off_sanctions_talks_halts_the_talks(tmp_path: Path) -> None:
    # 164 halt negotiations, not 08 (easing sanctions)
    assert rows(tmp_path, "美国取消制裁谈判。", "zh") == [(["USA"], [], 16)]
    assert rows(tmp_path, "美国宣布撤销制裁委员会。", "zh") == [(["USA"], [], 16)]
    assert rows(tmp_path, "美国取消制裁会议。", "zh") == [(["USA"], [], 16)]


def test_a_sanctions_meeting_is_a_meeting(tmp_path: Path) -> None:
    # 会议 as 谈判: the sanctions noun describes it (was 16)
    assert rows(tmp_path, "安理会通过决议，召开制裁会议。", "zh") == [(["UNSC"], [], 4)]


def test_talks_on_lifting_sanctions_are_talks(tmp_path: Path) -> None:
    assert rows(tmp_path, "美国解除制裁谈判。", "zh") == [(["USA"], [], 4)]
    assert rows(tmp_path, "美国和伊朗举行取消制裁谈判。", "zh") == [(["USA", "IRN"], [], 4)]


def test_lifting_sanctions_stays_easing(tmp_path: Path) -> None:
    # kept: 取消制裁 with no noun after it is 081/085
    assert rows(tmp_path, "美国取消制裁。", "zh") == [(["USA"], [], 8)]


def test_sanctions_modifiers_cuts_the_halting_verb_out() -> None:
    lift = Cue(2, 6, "取消制裁", 8, "取消制裁", 0.6)
    assert [(c.text, c.cameo) for c in sanctions_modifiers("美国取消制裁谈判", "zh", [lift])] == [
        ("取消", 16)
    ]
    ease = Cue(2, 6, "解除制裁", 8, "解除制裁", 0.6)
    assert sanctions_modifiers("美国解除制裁谈判", "zh", [ease]) == []


# --- a halting verb cut out of 取消制裁 only where it calls something off -------


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
