"""An English entry opening with its own year under a year line keeps that year over its hard-wrapped
lines: a new sentence that starts a line inside the entry (the line before it runs to the text's
wrap width, and the entry wrapped a sentence before) still belongs to the entry. Before this fix the
year line's year came back at any line not continuing the entry's sentence (review F10), so "In
March" below took 2003. A short line still ends the entry. The lines are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows

TEXT = (
    "2003\n"
    "2001: Iran and Russia held three days of talks in Moscow on the fuel\n"
    "for the reactor that Russia builds at Bushehr in the south of Iran.\n"
    "In March, Russia criticized Japan for its sanctions against Iran and\n"
    "the United States.\n"
    "On June 5, China met Iran in Beijing for talks on trade and energy.\n"
)


def test_a_sentence_opening_a_wrapped_line_keeps_the_entry_s_year(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, TEXT, "en")
    assert ("2001-03", ["RUS"], ["JPN", "IRN", "USA"], 11) in rows


def test_the_line_after_the_entry_s_short_last_line_takes_the_year_line_s_year(tmp_path: Path) -> None:
    rows = cli_full_rows(tmp_path, TEXT, "en")
    assert ("2003-06-05", ["CHN"], ["IRN"], 4) in rows
