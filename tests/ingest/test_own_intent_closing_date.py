"""A report of the speaker's own intent ("X said it would …") closed by a full date is dated by that
date: the modal is the reported clause's, so the date, with its year and day, is the day of saying
rather than a plan's. Before this fix the date was read as a plan (a future marker before it in its
clause), so the statement had no date and, with nothing to inherit, gave no event. A plan's date
without its year, or another party's intent, stays a plan. The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def test_a_full_date_closing_an_own_intent_dates_the_statement(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "Iran said it would attend the talks in Beijing on July 5, 2006.\n", "en")
    assert rows == [("2006-07-05", ["IRN"], [], 3)]


def test_a_date_without_its_year_stays_a_plan(tmp_path: Path) -> None:
    text = "July 1, 2006: China met Russia in Moscow. Iran said it would attend the talks on July 5.\n"
    rows = cli_full_rows(tmp_path, text, "en")
    assert ("2006-07-01", ["IRN"], [], 3) in rows


def test_another_party_s_intent_keeps_its_date_a_plan(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, "Iran said Japan would attend the talks on July 5, 2006.\n", "en")
    assert rows == []
