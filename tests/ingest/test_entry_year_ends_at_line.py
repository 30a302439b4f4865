"""English entries under a year line (review F10): an entry opening with its own year ("2001: …")
dates its own sentences on its line, and the year line's year comes back at the next line that does
not continue the entry's sentence, whatever that line opens with. Round 9 waited for a line opening
with a digit, a month and day or a bullet, so "On June 5, …", a paragraph after it and "(March 3) …"
took the entry's year. The lines are ours.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fakes import cli_full_rows


def test_the_year_line_s_year_comes_back_at_a_line_opening_with_words(tmp_path: Path) -> None:
    text = (
        "2003\n"
        "1998-2000: Iran met Russia in Moscow several times.\n"
        "On June 5, China met Iran in Beijing.\n"
        "\n"
        "In July, Iran criticized the United States.\n"
        "2004\n"
        "2001: Iran signed an agreement with Russia.\n"
        "(March 3) Japan condemned Iran.\n"
    )
    rows = cli_full_rows(tmp_path, text, "en")
    assert ("2003-06-05", ["CHN"], ["IRN"], 4) in rows
    assert ("2003-07", ["IRN"], ["USA"], 11) in rows
    assert ("2004-03-03", ["JPN"], ["IRN"], 11) in rows
    assert ("1998/2000", ["IRN"], ["RUS"], 4) in rows  # the entry keeps its own years


def test_the_entry_s_year_still_dates_its_own_line(tmp_path: Path) -> None:  # kept (round 9)
    text = (
        "2003\n"
        "2001: Iran met Russia in Moscow. In March, Russia criticized Japan.\n"
        "On June 5, China met Iran in Beijing.\n"
    )
    rows = cli_full_rows(tmp_path, text, "en")
    assert ("2001-03", ["RUS"], ["JPN"], 11) in rows
    assert ("2003-06-05", ["CHN"], ["IRN"], 4) in rows
