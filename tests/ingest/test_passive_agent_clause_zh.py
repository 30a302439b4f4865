"""Chinese rule 1b with a passive: a piece after a comma that opens (after at most a connective) with
a passive marker, 遭到, 受到, 被, 遭, and a name is the agent's act, a clause of its own. Before this fix
"日本提出合作提议，但遭到俄罗斯拒绝" gave Japan's proposal only, the refusal lost inside it; and a
person tied to a state earlier in the text (tied_names.py) was not read after a passive marker, so
"…但遭到拉夫罗夫拒绝" named nobody. The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows

TIE = "2006年3月8日，俄罗斯外长拉夫罗夫访问日本。\n"


def test_a_refusal_after_a_passive_marker_is_the_agent_s(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2006年3月9日，日本提出合作提议，但遭到俄罗斯拒绝。\n", "zh")
    assert ("2006-03-09", ["RUS"], [], 12) in rows
    assert ("2006-03-09", ["JPN"], [], 3) in rows


def test_a_tied_person_after_a_passive_marker_acts_for_its_state(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, TIE + "3月9日，日本提出新的合作提议，但遭到拉夫罗夫拒绝。\n", "zh")
    assert ("2006-03-09", ["RUS"], [], 12) in rows


def test_a_tied_person_after_a_passive_marker_inside_the_clause(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, TIE + "3月9日，日本的提议遭到拉夫罗夫拒绝。\n", "zh")
    assert ("2006-03-09", ["RUS"], ["JPN"], 12) in rows
