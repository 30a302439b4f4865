"""了 before a 的 dates the main act only when the date stands right after the clause's subject.

两国8日签署了加强同盟的协议: the 8th is the signing's day (了 makes 的 modify the object). But in
美国谴责朝鲜8日进行了核试验的行为 the date and 了 belong to an act embedded in the object of 谴责:
the condemnation keeps the dateline's day.

The sentences are written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_rows


def _dates(tmp_path: Path, body: str) -> list[str]:
    return [date for date, _, _ in cli_rows(tmp_path, f"新华社北京2031年3月10日电 {body}\n", "zh")]


def test_a_condemned_act_with_le_keeps_the_condemnation_on_the_dateline(tmp_path: Path) -> None:
    assert _dates(tmp_path, "美国谴责朝鲜8日进行了核试验的行为。") == ["2031-03-10"]


def test_a_welcomed_decision_with_le_keeps_the_welcome_on_the_dateline(tmp_path: Path) -> None:
    assert _dates(tmp_path, "美国欢迎朝鲜8日宣布了暂停试射的决定。") == ["2031-03-10"]


def test_a_date_after_the_subject_with_le_dates_the_act(tmp_path: Path) -> None:
    assert _dates(tmp_path, "美国与韩国8日签署了加强同盟的协议。") == ["2031-03-08"]
