"""Cues added to the verb dictionary in round 5 of issue 17: each is listed in
docs/ingest-dictionaries.md with a sub-code of its root, and says that root in sentences written for
this test (the expected codes are the CAMEO code list's reading of each verb, worked out by hand:
Schrodt 2012, v1.1b3; 081 ease administrative sanctions, 046 engage in negotiation).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hexatable.ingest.verbs import VerbDictionary

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest-dictionaries.md"


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.builtin()


def round_5_table() -> dict[str, tuple[int, str]]:
    """Cue -> (root, sub-code cell) from the docs' table of the entries added in round 5."""
    text = DOCS.read_text("utf-8")
    section = text.split("### Entries added in round 5", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    rows: dict[str, tuple[int, str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[1].isdigit():
            continue
        for cue in re.split(r"[;,]\s*", cells[0]):
            if cue:
                rows[cue] = (int(cells[1]), cells[2])
    return rows


def test_every_cue_added_in_round_5_cites_its_codebook_code_in_the_docs(verbs: VerbDictionary) -> None:
    added = [entry for entry in verbs.entries if "(round 5)" in entry.notes]
    assert {entry.cue for entry in added} >= {"除名", "重返", "delist", "再处理", "放缓", "slow down"}
    table = round_5_table()
    for entry in added:
        assert entry.cue in table, f"{entry.cue} ({entry.lang}) is not in the docs' round-5 table"
        root, sub_code = table[entry.cue]
        assert root == entry.cameo, entry.cue
        codes = re.findall(r"\b(\d{3,4})\b", sub_code)
        assert codes, entry.cue
        assert all(int(code[:-1] if len(code) == 3 else code[:-2]) == entry.cameo for code in codes), (
            entry.cue
        )


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
