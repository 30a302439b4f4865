"""Cues added to the verb dictionary in round 5 of issue 17: each is listed in
docs/ingest-dictionaries.md with a sub-code of its root, and says that root in sentences written for
this test (the expected codes are the CAMEO code list's reading of each verb, worked out by hand:
the CAMEO code list 0.7b5; 081 ease administrative sanctions, 046 engage in negotiation).
"""

from __future__ import annotations

import pytest

from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.test_cameo_dictionary import assert_round_cites_the_codebook


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.builtin()


def test_every_cue_added_in_round_5_cites_its_codebook_code_in_the_docs(verbs: VerbDictionary) -> None:
    checked = assert_round_cites_the_codebook(verbs, 5)
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
def test_the_round_5_cues_say_their_roots(
    verbs: VerbDictionary, text: str, lang: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.text, c.cameo) for c in verbs.find(text, lang)] == expected  # type: ignore[arg-type]
