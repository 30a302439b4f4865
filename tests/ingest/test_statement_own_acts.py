"""Rule 3e (iv) (docs/ingest.md, rule 3e (iv)): what is not the speaker's own new act stays the
statement (010); the speaker's own acts are still coded by the act. Run through ``hexatable ingest
--json`` as a user runs it, on sentences of our own; expected codes are the CAMEO codebook's reading
(Schrodt 2012, v1.1b3).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import cli_full_rows

Row = tuple[str, list[str], list[str], int]


def rows(tmp_path: Path, text: str) -> list[Row]:
    """(date, actors, targets, CAMEO root) of each event ``hexatable ingest --json`` finds in ``text``."""
    return cli_full_rows(tmp_path, text + "\n", "en")


# --- rule 3e (iv): what is not the speaker's own new act stays the statement ----------

_ON = "On March 3, 2009, "


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2. a passive is done to the speaker (was PRK->KOR 18, USA 13, CHN 16 on main)
        ("North Korea said it was attacked by South Korea.", [(["PRK"], ["KOR"], 1)]),
        ("North Korea said it was threatened by the United States.", [(["PRK"], ["USA"], 1)]),
        ("Japan said it was sanctioned unfairly by China.", [(["JPN"], ["CHN"], 1)]),
        # 3. "announced the X" with another party's "of", "by" or a participle (15, 08, 16, 03 on main)
        ("South Korea announced the launch of a North Korean missile.", [(["KOR"], ["PRK"], 1)]),
        ("Japan announced the lifting of sanctions by the United States.", [(["JPN"], ["USA"], 1)]),
        ("The United States announced the sanctions imposed by Japan.", [(["USA"], ["JPN"], 1)]),
        ("China announced the visit of the North Korean leader.", [(["CHN"], ["PRK"], 1)]),
        # 4. a past act commented on or justified (16 on main)
        ("North Korea said it had withdrawn from the treaty because it was attacked.", [(["PRK"], [], 1)]),
        # 10. "they" after one speaker is most often another party (03 on main)
        ("Japan said they would attend the talks.", [(["JPN"], [], 1)]),
    ],
)
def test_what_is_not_the_speakers_own_new_act_stays_the_statement(
    tmp_path: Path, sentence: str, expected: list[tuple[list[str], list[str], int]]
) -> None:
    assert rows(tmp_path, _ON + sentence) == [("2009-03-03", *row) for row in expected]


def test_a_past_act_commented_on_in_a_dated_entry_stays_the_statement(tmp_path: Path) -> None:
    # was PRK 16 dated 2010-03-26 on main: the withdrawal of 2003 is what the statement is about
    text = "March 26, 2010: North Korea said its withdrawal from the treaty in 2003 had been justified."
    assert rows(tmp_path, text) == [("2010-03-26", ["PRK"], [], 1)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # kept: the speaker's own acts still give way to the act (pass on main too)
        ("North Korea said it was withdrawing from the treaty.", [(["PRK"], [], 16)]),
        ("Japan announced the lifting of sanctions on Iran.", [(["JPN"], ["IRN"], 8)]),
        ("Japan and China said they would attend the talks.", [(["JPN", "CHN"], [], 3)]),
        ("North Korea announced its withdrawal from the treaty.", [(["PRK"], [], 16)]),
    ],
)
def test_the_speakers_own_acts_are_still_coded_by_the_act(
    tmp_path: Path, sentence: str, expected: list[tuple[list[str], list[str], int]]
) -> None:
    assert rows(tmp_path, _ON + sentence) == [("2009-03-03", *row) for row in expected]
