"""A phrasal "stop" that is a visit (docs/ingest.md, rule 3d; :mod:`hexatable.ingest.en_stopovers`):
"stop by" / "stop over" before a place's name is a visit (042), "stop" with an object reduces, a
passive "stop by" or "stop in" a month is no visit, a name modifying a noun after "by" is no place.

Each case is written from our own sentences of the construction and run through ``hexatable ingest
--json`` as a user runs it (built-in gazetteer and verbs, no case). Expected codes are the CAMEO
codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.ingest.en_stopovers import en_stopovers
from hexatable.ingest.types import Cue
from tests.ingest.fakes import dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- a phrasal "stop" that is a visit ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China stopped by Seoul.", (["CHN"], ["KOR"], 4)),
        ("Chinese envoy stopped over in Tokyo.", (["CHN"], [], 4)),
        ("China stopped talks.", (["CHN"], [], 16)),  # kept
        ("China stopped aid to North Korea.", (["CHN"], ["PRK"], 16)),  # kept
    ],
)
def test_stop_by_is_a_visit_and_stop_with_an_object_reduces(
    tmp_path: Path, sentence: str, expected: Row
) -> None:
    assert rows(tmp_path, sentence, "en") == [expected]


def test_a_passive_stop_by_and_stop_in_a_month_are_no_visit() -> None:
    stopped = Cue(13, 20, "stopped", 16, "stop", 0.5)
    assert [c.cameo for c in en_stopovers("The ship was stopped by Japan", "en", [stopped])] == [16]
    month = Cue(6, 13, "stopped", 16, "stop", 0.5)
    assert [c.cameo for c in en_stopovers("Talks stopped in March", "en", [month])] == [16]
    place = Cue(4, 11, "stopped", 16, "stop", 0.5)
    assert [(c.text, c.cameo) for c in en_stopovers("Kim stopped in Beijing", "en", [place])] == [
        ("stopped in", 4)
    ]


# --- "stop by", "stop over" need a place's name after them ----------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan stopped over 30 North Korean ships.", [(["JPN"], ["PRK"], 16)]),
        ("China stopped over $100 million in aid to North Korea.", [(["CHN"], ["PRK"], 16)]),
        ("South Korea stopped by sea a North Korean vessel.", [(["KOR"], ["PRK"], 16)]),
        ("China stops by force any attempt by Taiwan.", [(["CHN"], ["TWN"], 16)]),
        ("North Korea stopped over the issue of sanctions.", [(["PRK"], [], 16)]),
    ],
)
def test_stop_before_no_place_name_reduces(tmp_path: Path, sentence: str, expected: list[Row]) -> None:
    # 16 (reduce relations), not a visit (042): what follows "by" or "over" is no place
    assert rows(tmp_path, sentence, "en") == expected


def test_a_name_modifying_a_noun_after_by_is_no_place(tmp_path: Path) -> None:
    # a headline's passive: "by the Japanese navy" is no visit (was 04); the roles stay as before
    # round 7 (the passive without "be" is not read as one, a separate limit)
    assert [cameo for _, _, cameo in rows(tmp_path, "North Korea stopped by the Japanese navy.", "en")] == [
        16
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China stopped by Seoul.", [(["CHN"], ["KOR"], 4)]),
        ("China stopped by the White House.", [(["CHN"], ["USA"], 4)]),
        ("Japan's foreign minister stopped over in Tokyo.", [(["JPN"], [], 4)]),
        ("Japan stopped in North Korean waters.", [(["JPN"], [], 16)]),
    ],
)
def test_stop_by_a_place_is_a_visit(tmp_path: Path, sentence: str, expected: list[Row]) -> None:
    # kept but the last: a place's name after the particle is a visit (042); a name that modifies a
    # noun is none ("in North Korean waters" was a visit in round 7)
    assert rows(tmp_path, sentence, "en") == expected
