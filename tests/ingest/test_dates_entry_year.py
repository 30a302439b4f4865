"""An entry's year and the days inside it (docs/ingest.md, rules 2 and 2d; rule 3f for a scene after a list
of years): a day in an entry dates it more precisely than the entry's year unless quoted, said or
planned, or in another year; a year range entry is the range; a count alone on its line or a year line
ending with a full stop is no year line; the entry-date skip cannot backtrack.

Run through ``hexatable ingest --json`` as a user runs it (built-in gazetteer and verbs, no case), on
sentences of our own; expected codes are the CAMEO codebook's reading (Schrodt 2012, v1.1b3).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.ingest import clauses
from tests.ingest.fakes import cli_full_rows

Row = tuple[str, list[str], list[str], int]


def rows(tmp_path: Path, text: str) -> list[Row]:
    """(date, actors, targets, CAMEO root) of each event ``hexatable ingest --json`` finds in ``text``."""
    return cli_full_rows(tmp_path, text + "\n", "en")


_PLAIN = re.compile(
    rf"\s*(?:{clauses._EN_ENTRY_DATE_WORD})*(?:after|before|when|while|since|because|although|though"
    r"|once|until|following|upon|despite|prior to|ahead of|as|amid|amidst|under threat of"
    r"|under pressure from|in response to)\b",
    re.IGNORECASE,
)
"""The pattern of rule 3f with an ordinary (backtracking) repetition: the same language on short input."""


_PIECES = ["1", "12", "2003", "5th", "June", "Sept", "Mar", "ch", ".", ",", ":", " ", "-", "–"]
_PIECES += ["as", "after", "s", "a", "when", "prior to", "X"]


# --- rule 3e (iv): what is not the speaker's own new act stays the statement ----------

_ON = "On March 3, 2009, "


# --- the entry-date skip of rule 3f cannot backtrack catastrophically ---------------------------


def test_a_long_run_of_digits_between_commas_is_no_scene() -> None:
    flat = "Japan sent troops, " + "7" * 200 + ", and China criticized Japan."
    assert clauses.en_subordinate_stretches(flat, (0, len(flat))) == []


def test_a_scene_after_a_fifty_year_list_is_still_found() -> None:
    years = " ".join(str(year) for year in range(1950, 2000))
    flat = f"{years} after the talks failed, China criticized Japan."
    end = flat.index(",")
    assert clauses.en_subordinate_stretches(flat, (0, len(flat))) == [(0, end)]
    no_scene = f"Japan sent troops, {years}, and China criticized Japan."
    assert clauses.en_subordinate_stretches(no_scene, (0, len(no_scene))) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_the_possessive_pattern_matches_what_a_plain_one_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    possessive = clauses._EN_SUBORDINATE_START.match(text)
    plain = _PLAIN.match(text)
    assert (possessive is None) == (plain is None)
    if possessive is not None and plain is not None:
        assert possessive.end() == plain.end()


def test_a_sentence_with_a_list_of_years_is_read_in_time(tmp_path: Path) -> None:
    # hung on main 15c6a46 (minutes of CPU in rule 3f); the reading is base 9c1ed1c's
    years = " ".join(str(year) for year in range(1990, 1999))
    text = (
        "On March 3, 2009, Japan sent troops to Iraq in the years 1990 to 2000, "
        f"{years}, and China criticized Japan."
    )
    found = rows(tmp_path, text)
    assert [(d, c) for d, _, _, c in found] == [("2009-03-03", 11)]
    assert "CHN" in found[0][1] and "JPN" in found[0][1]


# --- a line holding a number outside 1900-2099 is no year line ----------------------------------


def test_a_count_alone_on_its_line_is_no_year(tmp_path: Path) -> None:
    # was dated 1500-07 and 1500-05-05 on main
    text = (
        "Japan sent troops to Iraq on March 3, 2004. The number of troops:\n1500\n"
        "Japan withdrew from Iraq in July. China hosted talks on May 5."
    )
    assert rows(tmp_path, text) == [
        ("2004-03-03", ["JPN", "IRQ"], [], 1),
        ("2004-07", ["JPN"], ["IRQ"], 16),
        ("2004-05-05", ["CHN"], [], 4),
    ]


def test_a_year_line_with_a_full_stop_is_no_year_line() -> None:
    from hexatable.ingest.event_dates import EN_YEAR_LINE

    assert EN_YEAR_LINE.fullmatch("2003.") is None
    assert EN_YEAR_LINE.fullmatch("1500") is None
    assert EN_YEAR_LINE.fullmatch("• 2003:") is not None  # kept


# --- an entry opening with a range of years is the range; the section's year stays ----------------


def test_a_year_range_entry_is_the_range_and_keeps_the_year_lines_year(tmp_path: Path) -> None:
    # was 1998, 2003 and 2003-07-02 on main (base 9c1ed1c: no event at all)
    text = (
        "2005\n1998–2000: Japan criticized North Korea.\n2003 - 2005: China hosted the talks.\n"
        "July 2: Japan criticized North Korea."
    )
    assert rows(tmp_path, text) == [
        ("1998/2000", ["JPN"], ["PRK"], 11),
        ("2003/2005", ["CHN"], [], 4),
        ("2005-07-02", ["JPN"], ["PRK"], 11),
    ]


def test_an_entrys_own_year_under_a_year_line_dates_that_entry_only(tmp_path: Path) -> None:
    text = "2005\n2003: Japan criticized North Korea.\nJuly 2: China criticized Japan."
    assert rows(tmp_path, text) == [
        ("2003", ["JPN"], ["PRK"], 11),
        ("2005-07-02", ["CHN"], ["JPN"], 11),
    ]


# --- "as well as" opens no scene ------------------------------------------------------------------


def test_as_well_as_adds_actors_and_opens_no_scene(tmp_path: Path) -> None:
    # was JPN -> CHN, RUS, PRK on main
    text = _ON + "Japan, as well as China and Russia, criticized North Korea."
    assert rows(tmp_path, text) == [("2009-03-03", ["JPN", "CHN", "RUS"], ["PRK"], 11)]


def test_a_scene_opening_with_as_is_still_a_scene() -> None:
    # kept
    flat = "As the talks stalled, China criticized Japan."
    assert clauses.en_subordinate_stretches(flat, (0, len(flat))) == [(0, flat.index(","))]


# --- a dash opening a wrapped line of prose opens no item ------------------------------------------


@pytest.mark.parametrize("dash", ["—", "--", "–"])
def test_a_dash_in_wrapped_prose_keeps_the_sentence_whole(tmp_path: Path, dash: str) -> None:
    # was SIXPARTY -> CHN 04 and no event of China's on main
    text = (
        "On March 3, 2009, the six-party talks resumed in Beijing, and China\n"
        f"{dash} which had hosted every round {dash} proposed a joint statement."
    )
    assert rows(tmp_path, text) == [("2009-03-03", ["SIXPARTY"], [], 4), ("2009-03-03", ["CHN"], [], 4)]


def test_dash_items_after_a_colon_and_after_each_other_stay_apart() -> None:
    # kept: a list under an introduction, entries without a full stop, one of them wrapped
    from hexatable.ingest.segment import segment

    text = (
        "Key dates:\n— March 3, 2009: Japan criticized China\n— March 5, 2009: China criticized\n"
        "Japan\n— March 7, 2009: Japan hosted talks\n"
    )
    assert [s.flat for s in segment(text, "en")] == [
        "Key dates:",
        "— March 3, 2009: Japan criticized China",
        "— March 5, 2009: China criticized Japan",
        "— March 7, 2009: Japan hosted talks",
    ]


# --- the day in an entry beats the entry's year --------------------------------------------------


def test_a_day_in_an_entry_dates_it_more_precisely_than_the_entrys_year(tmp_path: Path) -> None:
    # was 2007 on main (base 9c1ed1c: no event)
    text = "2007 – Talks resumed in Beijing on February 8 and China hosted North Korea."
    assert rows(tmp_path, text) == [("2007-02-08", ["CHN"], ["PRK"], 4)]
    text = "2006: Japan criticized North Korea on July 5."
    assert rows(tmp_path, text) == [("2006-07-05", ["JPN"], ["PRK"], 11)]


def test_the_reviews_missile_test_entry_is_dated_by_its_day(tmp_path: Path) -> None:
    # was 2006 on main; the code is left out: "tested a missile" has no cue of its own in the
    # built-in dictionary (the statement code 01 comes out, noticed and left alone)
    found = rows(tmp_path, "2006: North Korea tested a missile on July 5.")
    assert [(d, a, t) for d, a, t, _ in found] == [("2006-07-05", ["PRK"], [])]


def test_an_entrys_year_stays_its_date_when_the_day_is_quoted_or_in_another_year(tmp_path: Path) -> None:
    # kept: a day of another year is a back-reference, not the entry's
    text = "2006: Japan criticized North Korea, citing a test of July 5, 1998."
    assert rows(tmp_path, text) == [("2006", ["JPN"], ["PRK"], 11)]


def test_a_day_said_or_planned_after_an_entrys_year_does_not_date_the_statement(tmp_path: Path) -> None:
    # kept: the day is the reported act's, the statement keeps the entry's year
    text = "2006: North Korea said it would attend the talks on July 5."
    assert rows(tmp_path, text) == [("2006", ["PRK"], [], 3)]
