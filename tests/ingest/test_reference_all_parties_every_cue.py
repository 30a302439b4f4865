"""各方 after a host and its guests, when the clause's chosen cue is not the meeting: the reference
memory reads every cue of the clause, so 欢迎…并举行会谈 (欢迎 chosen, 05) is a meeting and 各方 after it
stands for the host and the guests. Before this fix the memory saw only the chosen cue and 各方 stood
for nobody. A visit's words among the meeting cues still keep the hosts out. The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def test_gefang_after_a_welcome_and_talks_is_host_and_guests(tmp_path: Path) -> None:
    text = "2006年3月8日，美国领导人欢迎日本、韩国、中国代表团并举行会谈。各方同意继续合作。\n"
    assert ("2006-03-08", ["USA", "JPN", "KOR", "CHN"], [], 3) in cli_full_rows(tmp_path, text, "zh")


def test_gefang_after_a_tour_with_talks_is_still_nobody(tmp_path: Path) -> None:
    text = "2006年3月8日，美国总统访问了日本、韩国和中国并举行会谈。各方同意继续合作。\n"
    assert all(cameo != 3 for *_, cameo in cli_full_rows(tmp_path, text, "zh"))
