"""A resolution that declines to impose sanctions (rule 3d (v); docs/ingest.md, rule 3d;
:mod:`hexatable.ingest.resolutions`): one imposing none is no sanction (010, the Council's), one
declining an embargo but imposing sanctions is 163, a condemnation after declined sanctions is the
act.

Each case is written from our own sentences of the construction and run through ``hexatable ingest
--json`` as a user runs it (built-in gazetteer and verbs, no case). Expected codes are the CAMEO
codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- a resolution that declines to impose sanctions (rule 3d (v)) --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "安理会通过决议，不对朝鲜实施新的制裁。",
        "安理会通过决议，不向朝鲜实施新的制裁。",
        "安理会一致通过决议，决定不对伊朗实施武器禁运。",
    ],
)
def test_a_resolution_that_imposes_no_sanctions_is_no_sanction(tmp_path: Path, sentence: str) -> None:
    # the resolution decides nothing codable: 010, the Council's (it was 16, the negated sanctions)
    assert [(actors, cameo) for actors, _, cameo in rows(tmp_path, sentence, "zh")] == [(["UNSC"], 1)]


def test_an_english_resolution_that_imposes_no_sanctions_is_no_sanction(tmp_path: Path) -> None:
    sentence = "the Security Council adopted a resolution that does not impose new sanctions on North Korea."
    assert rows(tmp_path, sentence, "en") == [(["UNSC"], ["PRK"], 1)]


def test_a_resolution_that_imposes_sanctions_or_condemns_keeps_its_code(tmp_path: Path) -> None:
    # kept: imposing is 163; a condemnation beside the declined sanctions is the act (111)
    assert rows(tmp_path, "安理会通过决议，对朝鲜实施新的制裁。", "zh") == [(["UNSC"], ["PRK"], 16)]
    declined = rows(tmp_path, "安理会通过决议，谴责朝鲜，但不对朝鲜实施新的制裁。", "zh")
    assert declined == [(["UNSC"], ["PRK"], 11)]


# --- a resolution that declines some sanctions -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("安理会通过决议，决定不对朝鲜实施武器禁运，但对朝鲜实施金融制裁。", "zh"),
        (
            "the Security Council adopted a resolution that does not impose an arms embargo but imposes"
            " financial sanctions on North Korea.",
            "en",
        ),
    ],
)
def test_a_resolution_that_declines_one_embargo_but_imposes_sanctions_is_163(
    tmp_path: Path, sentence: str, lang: str
) -> None:
    assert rows(tmp_path, sentence, lang) == [(["UNSC"], ["PRK"], 16)]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("安理会通过决议，不对朝鲜实施制裁，并谴责朝鲜核试验。", "zh"),
        (
            "the Security Council adopted a resolution that does not impose new sanctions but condemns"
            " North Korea.",
            "en",
        ),
    ],
)
def test_a_condemnation_after_declined_sanctions_is_the_act(tmp_path: Path, sentence: str, lang: str) -> None:
    assert rows(tmp_path, sentence, lang) == [(["UNSC"], ["PRK"], 11)]
