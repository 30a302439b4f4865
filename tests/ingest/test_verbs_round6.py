"""Cues added to the verb dictionary in round 6 of issue 17: each is listed in
docs/ingest-dictionaries.md with a sub-code of its root, and says that root in sentences written for
this test (the expected codes are the CAMEO code list's reading of each verb, worked out by hand: 040
consult for contact between parties, 110 disapprove for an objection); 反对派 and 反对党 (the
opposition, a noun) hide the 反对 (oppose, 11) inside them.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.test_cameo_dictionary import assert_round_cites_the_codebook


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.builtin()


def test_every_cue_added_in_round_6_cites_its_codebook_code_in_the_docs(verbs: VerbDictionary) -> None:
    checked = assert_round_cites_the_codebook(verbs, 6)
    assert set(checked) >= {"接触", "make contact", "异议", "object to"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("伊朗与欧盟代表在维也纳直接接触", "zh", [("接触", 4)]),
        ("the envoys made contact in Oslo", "en", [("made contact", 4)]),
        ("哥伦比亚对该提案提出异议", "zh", [("提出", 3), ("异议", 11)]),
        ("Colombia objected to the proposal", "en", [("objected to", 11)]),
        ("委内瑞拉反对派在加拉加斯集会", "zh", [("集会", 14)]),
        ("执政党与反对党举行会谈", "zh", [("举行会谈", 4)]),
        ("委内瑞拉反对该提案", "zh", [("反对", 11)]),
    ],
)
def test_the_round_6_cues_say_their_roots(
    verbs: VerbDictionary, text: str, lang: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.text, c.cameo) for c in verbs.find(text, lang)] == expected  # type: ignore[arg-type]
