"""The verb dictionary against the CAMEO codebook (Schrodt 2012, v1.1b3): every root is a root, and every
cue added in round 4 of issue 17 is listed in docs/ingest-dictionaries.md with a sub-code of its root.

The expected codes of the example sentences are the codebook's reading of each verb, written by hand.
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


def round_table(round_: int) -> dict[str, tuple[int, str]]:
    """Cue -> (root, sub-code cell) from the docs' table of the entries added in round ``round_``."""
    text = DOCS.read_text("utf-8")
    section = (
        text.split(f"### Entries added in round {round_}", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    )
    rows: dict[str, tuple[int, str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[1].isdigit():
            continue
        for cue in re.split(r"[;,]\s*", cells[0]):
            if cue:
                rows[cue] = (int(cells[1]), cells[2])
    return rows


def assert_round_cites_the_codebook(verbs: VerbDictionary, round_: int) -> list[str]:
    """Every cue whose notes say it came in round ``round_`` is in that round's docs table, with its
    root, and the table's sub-code cell names codes of that root (root 1 -> 010..019, root 16 ->
    160..169). Returns the cues checked."""
    # "(round 7)" or "(round 7, narrowed in round 8)": the round the cue came in
    added = [entry for entry in verbs.entries if re.search(rf"\(round {round_}\b", entry.notes)]
    table = round_table(round_)
    for entry in added:
        assert entry.cue in table, f"{entry.cue} ({entry.lang}) is not in the docs' round-{round_} table"
        root, sub_code = table[entry.cue]
        assert root == entry.cameo, entry.cue
        codes = re.findall(r"\b(\d{3,4})\b", sub_code)
        assert codes, entry.cue
        assert all(int(code[:-1] if len(code) == 3 else code[:-2]) == entry.cameo for code in codes), (
            entry.cue
        )
    return [entry.cue for entry in added]


def test_every_root_is_a_cameo_root(verbs: VerbDictionary) -> None:
    assert verbs.entries
    assert all(1 <= entry.cameo <= 20 for entry in verbs.entries)
    assert verbs.codes() == set(range(1, 21))


def test_every_cue_added_in_round_4_cites_its_codebook_code_in_the_docs(verbs: VerbDictionary) -> None:
    assert len(assert_round_cites_the_codebook(verbs, 4)) >= 20  # round 4's groups are there to be checked


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the codebook's reading of each added cue, in sentences written for this test
        ("外交部公布了会谈日期", "zh", [("公布", 1), ("会谈", 4)]),
        ("六方会谈下月复会", "zh", [("会谈", 4), ("复会", 4)]),
        ("两国恢复谈判", "zh", [("恢复谈判", 4)]),
        ("双方就此取得共识", "zh", [("取得共识", 5)]),
        ("双方达成谅解", "zh", [("达成谅解", 5)]),
        ("朝方封存了反应堆", "zh", [("封存", 8)]),
        ("美国解除对利比亚的制裁", "zh", [("解除", 8), ("制裁", 16)]),
        ("两国关系破裂", "zh", [("关系破裂", 16)]),
        ("谈判破裂", "zh", [("谈判", 4), ("破裂", 16)]),
        ("双方提前结束会晤", "zh", [("提前结束", 16), ("会晤", 4)]),
        ("财政部将两家公司列入黑名单", "zh", [("列入黑名单", 16)]),
        ("决议以12票赞成、3票反对获得通过", "zh", []),
        ("朝方公布了核计划", "zh", [("公布", 1)]),
        ("the ministry made public the date", "en", [("made public", 1)]),
        ("the parties resumed talks", "en", [("resumed talks", 4)]),
        ("they reached an understanding", "en", [("reached an understanding", 5)]),
        ("Washington lifted the curfew", "en", [("lifted", 8)]),
        ("the talks broke down", "en", [("talks", 4), ("broke down", 16)]),
        ("the summit was cut short", "en", [("summit", 4), ("cut short", 16)]),
        ("the Treasury blacklisted two banks", "en", [("blacklisted", 16)]),
    ],
)
def test_the_added_cues_say_their_roots(
    verbs: VerbDictionary, text: str, lang: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.text, c.cameo) for c in verbs.find(text, lang)] == expected  # type: ignore[arg-type]
