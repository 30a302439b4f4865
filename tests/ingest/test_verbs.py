"""The verb dictionary (:mod:`hexatable.ingest.verbs`): cues for CAMEO root codes in Chinese and English.

Expected codes are the CAMEO codebook's (Schrodt 2012, v1.1b3) reading of each verb, written by hand;
a brute-force scan is the reference for the automaton's leftmost-longest matches.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.case.problems import CaseError
from hexatable.ingest.types import Cue, Lang
from hexatable.ingest.verbs import VerbDictionary, best_cue


def cues(verbs: VerbDictionary, text: str, lang: Lang) -> list[tuple[str, int]]:
    return [(c.text, c.cameo) for c in verbs.find(text, lang)]


def test_every_root_has_cues_in_both_languages(verbs: VerbDictionary) -> None:
    for lang in ("zh", "en"):
        codes = {entry.cameo for entry in verbs.entries if entry.lang == lang}
        assert codes == set(range(1, 21)), lang


ZH = [
    # one sentence per root, the codebook's reading of its verb
    ("外交部发言人表示，", [("表示", 1)]),
    ("朝鲜宣布将于月底举行阅兵", [("宣布", 1)]),
    ("安理会呼吁各方保持克制", [("呼吁", 2)]),
    ("中方敦促美方", [("敦促", 2)]),
    ("朝方承诺不再进行核试验", [("承诺", 3), ("核试验", 15)]),
    ("韩方同意举行会谈", [("同意", 3), ("举行会谈", 4)]),
    ("蓬佩奥访问平壤并会见金正恩", [("访问", 4), ("会见", 4)]),
    ("双方达成协议", [("达成协议", 5)]),
    ("两国建立外交关系", [("建立外交关系", 5)]),
    ("两国签署联合声明", [("签署", 5), ("联合声明", 5)]),
    ("韩国向朝鲜提供人道主义援助", [("提供", 7), ("人道主义援助", 7)]),
    ("美方表示愿意解除制裁", [("表示愿意", 3), ("解除制裁", 8)]),
    ("朝鲜释放了三名美国公民", [("释放", 8)]),
    ("日本成立调查委员会", [("调查", 9)]),
    ("美方要求朝方弃核", [("要求", 10), ("弃核", 8)]),
    ("朝中社谴责美韩联合军演", [("谴责", 11), ("联合军演", 15)]),
    ("朝方拒绝了这一提议", [("拒绝", 12), ("提议", 3)]),
    ("朝鲜威胁退出条约", [("威胁", 13), ("退出", 16)]),
    ("民众举行抗议", [("抗议", 14)]),
    ("美国向韩国部署萨德系统", [("部署", 15)]),
    ("联合国实施制裁", [("实施制裁", 16)]),
    ("会谈被推迟", [("会谈", 4), ("推迟", 16)]),
    ("警方逮捕了两名嫌疑人", [("逮捕", 17)]),
    ("武装分子袭击了使馆", [("袭击", 18)]),
    ("两军在边境交火", [("交火", 19)]),
    ("使用化学武器", [("使用化学武器", 20)]),
    # strings that hold a cue but do not say it
    ("防止大规模杀伤性武器扩散", []),
    ("全力以赴", []),
    ("据说", []),
    # a cue broken over lines is found, line break and all
    ("双方达成\n\n协议", [("达成\n\n协议", 5)]),
]


@pytest.mark.parametrize(("text", "expected"), ZH)
def test_chinese_cues(verbs: VerbDictionary, text: str, expected: list[tuple[str, int]]) -> None:
    assert cues(verbs, text, "zh") == expected


EN = [
    ("The spokesman said on Monday", [("said", 1)]),
    ("Pyongyang announced a parade", [("announced", 1)]),
    ("The Council urged restraint", [("urged", 2)]),
    ("They called on both sides", [("called on", 2)]),
    ("Seoul pledged to help", [("pledged", 3)]),
    ("Pompeo met Kim and visited the DMZ", [("met", 4), ("visited", 4)]),
    ("the two leaders held talks", [("held talks", 4)]),
    ("they reached an agreement and signed it", [("reached an agreement", 5), ("signed", 5)]),
    ("Washington praised the move", [("praised", 5)]),
    ("China provided food aid", [("provided", 7), ("food aid", 7)]),
    ("the US lifted sanctions", [("lifted sanctions", 8)]),
    ("North Korea released three detainees", [("released", 8)]),
    ("Japan is investigating the case", [("investigating", 9)]),
    ("Washington demanded denuclearization", [("demanded", 10)]),
    ("Pyongyang condemned the drills", [("condemned", 11), ("drills", 15)]),
    ("it rejected the offer", [("rejected", 12), ("offer", 3)]),
    ("Pyongyang threatens to retaliate", [("threatens", 13)]),
    ("students protested", [("protested", 14)]),
    ("the US deployed bombers", [("deployed", 15)]),
    ("the UN imposed sanctions", [("imposed sanctions", 16)]),
    ("the talks were postponed", [("talks", 4), ("postponed", 16)]),
    ("police arrested two men", [("arrested", 17)]),
    ("gunmen kidnapped a diplomat", [("kidnapped", 18)]),
    ("troops opened fire", [("opened fire", 19)]),
    ("a massacre", [("massacre", 20)]),
    # case-insensitive, word boundaries, not-cues
    ("MET", [("MET", 4)]),
    ("the metro and the summitry", []),
    ("weapons of mass destruction", []),
    ("in order to", []),
    ("the Secretary of State", []),
]


@pytest.mark.parametrize(("text", "expected"), EN)
def test_english_cues(verbs: VerbDictionary, text: str, expected: list[tuple[str, int]]) -> None:
    assert cues(verbs, text, "en") == expected


def test_english_forms_come_from_the_lemma(verbs: VerbDictionary) -> None:
    found = verbs.find("commits committed committing meets meeting met says said saying", "en")
    assert [(c.text, c.entry) for c in found] == [
        ("commits", "commit"),
        ("committed", "commit"),
        ("committing", "commit"),
        ("meets", "meet"),
        ("meeting", "meeting"),  # the noun is an entry of its own, with its own weight
        ("met", "meet"),
        ("says", "say"),
        ("said", "say"),
        ("saying", "say"),
    ]
    assert [c.text for c in verbs.find("visited offered banned vetoes expelled kidnapping", "en")] == [
        "visited",
        "offered",
        "banned",
        "vetoes",
        "expelled",
        "kidnapping",
    ]
    assert [(c.text, c.cameo) for c in verbs.find("is willing, was willing, applies", "en")] == [
        ("is willing", 3),
        ("was willing", 3),
    ]


def test_best_cue_rules() -> None:
    say = Cue(0, 2, "表示", 1, "表示", 0.3)
    meet = Cue(5, 7, "会晤", 4, "会晤", 0.9)
    sign = Cue(8, 10, "签署", 5, "签署", 0.9)
    agreement = Cue(11, 15, "达成协议", 5, "达成协议", 0.9)
    announce = Cue(20, 22, "宣布", 1, "宣布", 0.9)
    assert best_cue([say, meet]) is meet  # the heavier
    assert best_cue([meet, sign]) is meet  # equal: the first
    assert best_cue([sign, agreement]) is agreement  # equal weight: the longer entry
    assert best_cue([announce, sign]) is sign  # equal weight: a code other than 01
    assert best_cue([say]) is say
    assert best_cue([]) is None


def test_best_cue_on_sentences(verbs: VerbDictionary) -> None:
    def typed(text: str) -> int | None:
        cue = best_cue(verbs.find(text, "zh"))
        return cue.cameo if cue else None

    assert typed("特朗普表示，他将与金正恩会晤。") == 4
    assert typed("朝鲜外务省发言人表示，朝方对此表示强烈谴责。") == 11
    assert typed("特朗普说，会谈很成功。") == 4
    assert typed("发言人说。") == 1
    assert typed("今天天气很好。") is None


# --- a brute-force reference for the automaton -------------------------------------------------------


def reference(verbs: VerbDictionary, text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest by scanning every position against every Chinese cue and not-cue."""
    keys = {e.cue for e in verbs.entries if e.lang == "zh"} | {
        n for lang, n in verbs.not_cues if lang == "zh"
    }
    not_cues = {n for lang, n in verbs.not_cues if lang == "zh"}
    found = []
    index = 0
    while index < len(text):
        longest = max((k for k in keys if text.startswith(k, index)), key=len, default=None)
        if longest is None:
            index += 1
            continue
        if longest not in not_cues:
            found.append((index, index + len(longest), longest))
        index += len(longest)
    return found


_PIECES = [
    "表示",
    "达成",
    "协议",
    "达成协议",
    "大规模",
    "杀伤性武器",
    "会谈",
    "会",
    "谈判",
    "全力以赴",
    "赴",
    "说",
    "据",
    "了",
    "，",
]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_matches_agree_with_brute_force(verbs: VerbDictionary, text: str) -> None:
    assert [(c.start, c.end, c.entry) for c in verbs.find(text, "zh")] == reference(verbs, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), lang=st.sampled_from(["zh", "en"]))
def test_cues_do_not_overlap_and_slice_back(verbs: VerbDictionary, text: str, lang: Lang) -> None:
    found = verbs.find(text, lang)
    for cue in found:
        assert text[cue.start : cue.end] == cue.text
        assert 1 <= cue.cameo <= 20
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


# --- user files -------------------------------------------------------------------------------------


def test_a_user_file_adds_and_replaces_cues(verbs: VerbDictionary, tmp_path: Path) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text(
        "cues:\n"
        "  - {code: 4, weight: 0.9, zh: [碰头], en: [huddle with]}\n"
        "  - {code: 12, weight: 1.0, zh: [表示], notes: a user who reads every statement as a rejection}\n"
        "not_cues:\n  en: [meet the press]\n",
        encoding="utf-8",
    )
    mine = verbs.with_file(path)
    assert cues(mine, "双方碰头后表示", "zh") == [("碰头", 4), ("表示", 12)]
    assert cues(verbs, "双方碰头后表示", "zh") == [("表示", 1)]
    assert cues(mine, "she huddled with aides", "en") == [("huddled with", 4)]
    assert cues(mine, "they meet the press", "en") == []


def problems_of(verbs: VerbDictionary, path: Path) -> list[str]:
    with pytest.raises(CaseError) as error:
        verbs.with_file(path)
    return [str(p) for p in error.value.problems]


def test_a_bad_user_file_is_located(verbs: VerbDictionary, tmp_path: Path) -> None:
    lines = [
        "cues:",
        "  - {code: 21, zh: [打]}",
        "  - {code: 4, weight: 2, en: [meet]}",
        "  - code: 4",
        "    zh: [碰头, '', 碰头]",
        "    fr: [rencontrer]",
        "not_cues: [x]",
    ]
    path = tmp_path / "bad.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = str(path)
    empty, twice = lines[4].index("''") + 1, lines[4].rindex("碰头") + 1
    assert problems_of(verbs, path) == [
        f"{shown}:2:{lines[1].index('code') + 1}: cues[0].code: must be a CAMEO root code, 1 to 20",
        f"{shown}:3:{lines[2].index('weight') + 1}: cues[1].weight: must be a number above 0 and at most 1",
        f"{shown}:5:{empty}: cues[2].zh[1]: must be a non-empty string",
        f"{shown}:5:{twice}: cues[2].zh[2]: cue '碰头' is listed twice (first on line 5)",
        f"{shown}:6:5: cues[2].fr: unknown field (expected code, weight, notes, fallback, zh, en)",
        f"{shown}:7:1: not_cues: must map zh and en to lists of strings",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"cues: [\n", ":2:1: YAML syntax"),
        (b"just text\n", ":1:1: a verbs file must be a mapping"),
        (b"\x00binary", ":1:1: the verbs file is binary"),
        (b"verbs: []\n", ":1:1: verbs: unknown section"),
    ],
)
def test_bad_files_get_located_messages(
    verbs: VerbDictionary, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "v.yaml"
    path.write_bytes(content)
    [message] = problems_of(verbs, path)
    assert message.startswith(str(path) + expected), message


def test_the_documented_examples_load(tmp_path: Path) -> None:
    """Every YAML example of docs/ingest-dictionaries.md is a valid gazetteer or verb file."""
    from hexatable.ingest.gazetteer import Gazetteer

    doc = (Path(__file__).parents[2] / "docs" / "ingest-dictionaries.md").read_text("utf-8")
    blocks = [block.split("```", 1)[0] for block in doc.split("```yaml\n")[1:]]
    assert len(blocks) == 4
    gazetteer, verbs = Gazetteer.builtin(), VerbDictionary.builtin()
    for number, block in enumerate(blocks):
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(block, encoding="utf-8")
        data = yaml.safe_load(block)
        if "actors" in data:
            extended = gazetteer.with_file(path)
            assert all(extended.known(actor["id"]) for actor in data["actors"])
        else:
            extended_verbs = verbs.with_file(path)
            added = {cue for group in data["cues"] for lang in ("zh", "en") for cue in group.get(lang, [])}
            assert added <= {entry.cue for entry in extended_verbs.entries}
