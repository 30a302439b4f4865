"""A portfolio opening an office (负责东亚事务的助理国务卿) keeps the office its state's, but 负责
followed by a task done for someone (负责接待的, 负责陪同的) does not: its 的 marks the title as
another's (docs/ingest.md, "Persons tied to a state once"; round 9 had tied the envoy to the state receiving
him). The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows

OPENING = "2006年3月8日，中国与美国举行会谈。\n"


def test_a_task_after_fuze_ties_nobody(tmp_path: Path) -> None:
    text = OPENING + "朝鲜负责接待的特使克里斯托弗·希尔9日抵达平壤。会上希尔批评韩国。\n"
    rows = cli_full_rows(tmp_path, text, "zh")
    ((date, actors, targets, cameo),) = [row for row in rows if row[3] == 11]
    assert (date, targets, cameo) == ("2006-03-09", ["KOR"], 11)
    assert "PRK" not in actors


def test_a_field_after_fuze_still_ties_the_office_holder(tmp_path: Path) -> None:  # kept (review 9)
    text = OPENING + "美国负责东亚事务的助理国务卿克里斯托弗·希尔10日抵达北京。会上希尔批评日本。\n"
    assert ("2006-03-10", ["USA"], ["JPN"], 11) in cli_full_rows(tmp_path, text, "zh")
