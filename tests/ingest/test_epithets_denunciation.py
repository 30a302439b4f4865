"""An epithet (docs/ingest.md, rule 3g): an insulting label in a clause with no cue is a
denunciation (111); a kind label, a passive, a negated epithet or a labelling named as a thing is
not.

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


# --- an epithet in a clause with no cue ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence", ["美国将朝鲜等国称为“邪恶轴心”。", "美国将朝鲜称作“邪恶轴心”。", "美国把朝鲜斥为“流氓国家”。"]
)
def test_an_insulting_label_without_a_cue_is_a_denunciation(tmp_path: Path, sentence: str) -> None:
    assert rows(tmp_path, sentence, "zh") == [(["USA"], ["PRK"], 11)]


def test_a_kind_label_or_a_passive_stays_a_statement(tmp_path: Path) -> None:
    # kept
    assert rows(tmp_path, "美国将中国称为“战略伙伴”。", "zh") == [(["USA"], ["CHN"], 1)]
    assert rows(tmp_path, "朝鲜被称为“邪恶轴心”。", "zh") == [(["PRK"], [], 1)]


# --- an epithet not given, or named as a thing -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "美国不再将朝鲜称为“邪恶轴心”。",
        "美国没有将朝鲜称为“邪恶轴心”。",
        "美国从未称朝鲜为“邪恶轴心”。",
        "美国表示不再将朝鲜称为“邪恶轴心”。",
    ],
)
def test_a_negated_epithet_is_no_denunciation(tmp_path: Path, sentence: str) -> None:
    # no label given: a statement, 01 (was 111)
    assert rows(tmp_path, sentence, "zh") == [(["USA"], ["PRK"], 1)]


def test_a_labelling_named_as_a_thing_is_no_denunciation(tmp_path: Path) -> None:
    # the labelling is the topic of North Korea's resentment: 01 as before round 7 (was 111, so North
    # Korea denounced too); both parties stay actors as before, a separate limit
    sentence = "美国将朝鲜称为“邪恶轴心”一事，朝鲜至今耿耿于怀。"
    assert rows(tmp_path, sentence, "zh") == [(["USA", "PRK"], [], 1)]


def test_an_epithet_given_is_still_a_denunciation(tmp_path: Path) -> None:
    # kept
    assert rows(tmp_path, "美国将朝鲜称为“邪恶轴心”。", "zh") == [(["USA"], ["PRK"], 11)]
