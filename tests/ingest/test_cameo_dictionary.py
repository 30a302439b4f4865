"""The verb dictionary against the CAMEO codebook (Schrodt 2012, v1.1b3): every root is a root, and every
cue tagged "(added: <slug>)" in verbs.yaml is listed in docs/ingest-dictionaries.md's table of that slug
with a sub-code of its root.

The expected codes of the example sentences are the codebook's reading of each verb, written by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hexatable.ingest.verbs import VerbDictionary

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest-dictionaries.md"
VERBS_YAML = Path(__file__).resolve().parents[2] / "src" / "hexatable" / "ingest" / "data" / "verbs.yaml"

_TAG = re.compile(r"\(added: ([a-z0-9-]+)[;)]")
"""A group's tag in its notes: "(added: survey-chronologies)", "(added: survey-chronologies; narrowed
later)"."""


def added_groups() -> list[str]:
    """Every slug that tags a group of verbs.yaml, in the order of the file."""
    return list(dict.fromkeys(_TAG.findall(VERBS_YAML.read_text("utf-8"))))


def group_table(slug: str) -> dict[str, tuple[int, str]]:
    """Cue -> (root, sub-code cell) from the docs' table headed "### Added entries: … (`slug`)"."""
    text = DOCS.read_text("utf-8")
    heading = re.search(rf"^### Added entries: [^\n]*\(`{re.escape(slug)}`\)[ \t]*$", text, re.MULTILINE)
    assert heading is not None, f"docs/ingest-dictionaries.md has no table for the added entries '{slug}'"
    section = text[heading.end() :].split("\n## ", 1)[0].split("\n### ", 1)[0]
    rows: dict[str, tuple[int, str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[1].isdigit():
            continue
        for cue in re.split(r"[;,]\s*", cells[0]):
            if cue:
                rows[cue] = (int(cells[1]), cells[2])
    return rows


def assert_group_cites_the_codebook(verbs: VerbDictionary, slug: str) -> list[str]:
    """Every cue whose notes carry the tag "(added: ``slug``)" is in that group's docs table, with its
    root, and the table's sub-code cell names codes of that root (root 1 -> 010..019, root 16 ->
    160..169). Returns the cues checked."""
    added = [entry for entry in verbs.entries if slug in _TAG.findall(entry.notes)]
    table = group_table(slug)
    for entry in added:
        assert entry.cue in table, f"{entry.cue} ({entry.lang}) is not in the docs' '{slug}' table"
        root, sub_code = table[entry.cue]
        assert root == entry.cameo, entry.cue
        codes = re.findall(r"\b(\d{3,4})\b", sub_code)
        assert codes, entry.cue
        assert all(int(code[:-1] if len(code) == 3 else code[:-2]) == entry.cameo for code in codes), (
            entry.cue
        )
    return [entry.cue for entry in added]


@pytest.mark.parametrize("slug", added_groups())
def test_every_added_group_cites_its_codebook_codes_in_its_table(verbs: VerbDictionary, slug: str) -> None:
    checked = assert_group_cites_the_codebook(verbs, slug)
    assert checked, slug
    assert set(group_table(slug)) == set(checked)  # the table lists the group's cues and no others


def test_the_groups_are_found() -> None:
    assert {"codebook-gaps", "quit-fire-statement", "fire-restraint-exemption"} <= set(added_groups())


def test_every_root_is_a_cameo_root(verbs: VerbDictionary) -> None:
    assert verbs.entries
    assert all(1 <= entry.cameo <= 20 for entry in verbs.entries)
    assert verbs.codes() == set(range(1, 21))


def test_every_codebook_gap_cites_its_codebook_code_in_the_docs(verbs: VerbDictionary) -> None:
    assert len(assert_group_cites_the_codebook(verbs, "codebook-gaps")) >= 20  # the groups are there


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
