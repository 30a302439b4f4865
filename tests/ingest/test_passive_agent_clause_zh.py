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
    assert ("2006-03-09", ["RUS"], 12) in [(date, actors, root) for date, actors, _, root in rows]
    assert ("2006-03-09", ["JPN"], [], 3) in rows


def test_fillers_may_stand_between_the_agent_and_its_refusal(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2006年3月9日，日本提出合作提议，但遭到俄罗斯的断然拒绝。\n", "zh")
    assert ("2006-03-09", ["RUS"], 12) in [(date, actors, root) for date, actors, _, root in rows]


def test_a_refusal_not_right_after_the_agent_is_not_the_agent_s(tmp_path: Path) -> None:
    # North Korea regards (视为) and Russia criticises (批评): neither refuses
    for text, agent in [
        ("2005年3月3日，美国提出新方案，但被朝鲜视为拒绝对话。\n", "PRK"),
        ("2005年3月6日，美国提出新建议，但遭到俄罗斯的批评后又被朝鲜拒绝。\n", "RUS"),
    ]:
        rows = cli_full_rows(tmp_path, text, "zh")
        assert not [row for row in rows if agent in row[1] and row[3] == 12], text


def test_a_tied_person_after_a_passive_marker_acts_for_its_state(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, TIE + "3月9日，日本提出新的合作提议，但遭到拉夫罗夫拒绝。\n", "zh")
    assert ("2006-03-09", ["RUS"], 12) in [(date, actors, root) for date, actors, _, root in rows]


def test_a_tied_person_after_a_passive_marker_inside_the_clause(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, TIE + "3月9日，日本的提议遭到拉夫罗夫拒绝。\n", "zh")
    assert ("2006-03-09", ["RUS"], ["JPN"], 12) in rows


def test_a_split_passive_refusal_refuses_the_earlier_subject(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年4月5日，韩国提出新的谈判方案，但遭到朝鲜拒绝。\n", "zh")
    assert ("2031-04-05", ["PRK"], ["KOR"], 12) in rows
    assert ("2031-04-05", ["KOR"], [], 3) in rows


def test_a_refusal_with_its_own_subject_takes_no_earlier_target(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年4月5日，韩国提出新的谈判方案，朝鲜拒绝了该方案。\n", "zh")
    assert [(actors, targets) for _, actors, targets, root in rows if root == 12] == [(["PRK"], [])]


def test_a_split_passive_refusal_after_a_supporting_reaction_refuses_the_proposer(tmp_path: Path) -> None:
    text = "2031年4月5日，韩国提出新的谈判方案，美国表示赞成，但遭到朝鲜拒绝。\n"
    rows = cli_full_rows(tmp_path, text, "zh")
    assert [(actors, targets) for _, actors, targets, root in rows if root == 12] == [(["PRK"], ["KOR"])]


def test_a_split_passive_refusal_after_a_welcome_refuses_the_proposer(tmp_path: Path) -> None:
    text = "2031年4月5日，日本提出联合巡逻的设想，俄罗斯表示欢迎，但遭到中国拒绝。\n"
    rows = cli_full_rows(tmp_path, text, "zh")
    assert [(actors, targets) for _, actors, targets, root in rows if root == 12] == [(["CHN"], ["JPN"])]


def test_a_passive_refusal_after_que_is_a_clause_of_its_own(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年4月5日，韩国提出停火方案，却被朝鲜拒绝。\n", "zh")
    assert ("2031-04-05", ["PRK"], ["KOR"], 12) in rows


def test_a_passive_refusal_after_raner_is_a_clause_of_its_own(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "2031年4月5日，日本提议重启谈判，然而遭到中国拒绝。\n", "zh")
    assert ("2031-04-05", ["CHN"], ["JPN"], 12) in rows
