"""A Chinese question with its own subject (对朝鲜是否…) whose asked verb has a named object (review
F10). Review 9 dropped the asked verb (谴责, 制裁) so the concern outside the question typed the clause,
but the name after the dropped verb was then read as a subject of that concern (日本对朝鲜是否谴责韩国
表示关切 gave Japan and South Korea as actors). Such a clause is now read as before review 9 (main
66002aa): whole, the speaker before 对 the actor. The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import cli_full_rows


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
    # left as before review 9: 日 of 美日, the question's own subject, is still read as an actor
