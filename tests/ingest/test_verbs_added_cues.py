"""Cues added to the verb dictionary, table by table (docs/ingest-dictionaries.md lists each round's
new cues with a sub-code of its root): every cue a table lists cites its codebook code and says its
root in sentences written for these tests (expected codes are the CAMEO code list's reading of each
verb, worked out by hand: 081 ease administrative sanctions, 046 engage in negotiation, 040 consult
for contact between parties, 110 disapprove for an objection); 反对派 and 反对党 (the opposition, a
noun) hide the 反对 (oppose) inside them.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.test_cameo_dictionary import assert_group_cites_the_codebook


def test_every_delisting_return_reprocessing_and_slowing_cue_cites_its_codebook_code(
    verbs: VerbDictionary,
) -> None:
    checked = assert_group_cites_the_codebook(verbs, "delisting-return")
    assert set(checked) >= {"除名", "重返", "delist", "再处理", "放缓", "slow down"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("欧盟把这家银行从制裁名单中除名", "zh", [("制裁", 16), ("除名", 8)]),
        ("伊朗代表团重返谈判桌", "zh", [("重返", 4), ("谈判", 4)]),
        ("the Treasury delisted two banks", "en", [("delisted", 8)]),
        ("the bank was removed from the list in May", "en", [("removed from the list", 8)]),
        ("Venezuela returned to the talks in Oslo", "en", [("returned to the talks", 4)]),
        ("伊朗宣布对乏燃料进行再处理", "zh", [("宣布", 1), ("再处理", 15)]),
        ("伊朗关闭了再处理厂", "zh", []),
        ("they began to reprocess spent fuel", "en", [("reprocess", 15)]),
        ("seals at the reprocessing plant", "en", []),
        ("伊朗放缓了拆除工作", "zh", [("放缓", 16), ("拆除", 8)]),
        ("Iran slowed down the dismantling", "en", [("slowed down", 16), ("dismantling", 8)]),
        ("the delegation returns to the negotiating table", "en", [("returns to the negotiating table", 4)]),
    ],
)
def test_the_delisting_return_reprocessing_and_slowing_cues_say_their_roots(
    verbs: VerbDictionary, text: str, lang: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.text, c.cameo) for c in verbs.find(text, lang)] == expected  # type: ignore[arg-type]


def test_every_contact_and_objection_cue_cites_its_codebook_code(verbs: VerbDictionary) -> None:
    checked = assert_group_cites_the_codebook(verbs, "contact-objection")
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
def test_the_contact_and_objection_cues_say_their_roots(
    verbs: VerbDictionary, text: str, lang: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.text, c.cameo) for c in verbs.find(text, lang)] == expected  # type: ignore[arg-type]
