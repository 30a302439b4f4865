"""各方 after a host receives delegations (docs/ingest.md, "Pronouns and collective references"): 接待 is
read as a meeting's word, so the delegations are parties with the host and 各方 after them stands for
all of them. Review 9 had read 接待 as a visit's word and 各方 stood for nobody, even when the clause
also held talks (restored in main 66002aa). The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def test_gefang_after_a_host_and_its_guests_is_all_four(tmp_path: Path) -> None:
    text = "2006年3月8日，美国接待了日本、韩国和中国的代表团并举行会谈。各方同意继续合作。\n"
    assert ("2006-03-08", ["USA", "JPN", "KOR", "CHN"], [], 3) in cli_full_rows(tmp_path, text, "zh")


def test_gefang_after_a_tour_is_still_nobody(tmp_path: Path) -> None:  # kept (review 9)
    text = "2006年3月8日，美国总统访问了日本、韩国和中国。各方同意继续合作。\n"
    rows = cli_full_rows(tmp_path, text, "zh")
    assert all(cameo != 3 for *_, cameo in rows)
