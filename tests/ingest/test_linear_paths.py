"""Two look-ups that read only what is near a cue, so a long sentence stays linear (docs/ingest.md, rule 3d
and "Speed"; :mod:`hexatable.ingest.zh_questions`, :mod:`hexatable.ingest.sanctions_halting`):
``zh_question_cues`` once read every cue for each question word, ``sanctions_modifiers`` searched from
the sentence's start for each cue (found quadratic in the review of round 7). Both now read only what is
near; these property tests check them against slow, plainly written versions of the same rules on small
sentences built from the fragments the rules look at, with the built-in dictionary's cues."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.ingest.sanctions_halting import _HALTING, sanctions_modifiers
from hexatable.ingest.types import ActorMention, Cue
from hexatable.ingest.verbs import VerbDictionary
from hexatable.ingest.zh_questions import QUESTION_OBJECTS, QUESTION_REACH, zh_question_cues

VERBS = VerbDictionary.builtin()
FRAGMENTS = [
    "中美",
    "就",
    "对",
    "反对",
    "围绕",
    "是否",
    "如何",
    "制裁",
    "支持",
    "谴责",
    "朝鲜",
    "核试验",
    "的",
    "进行",
    "磋商",
    "，",
    "取消",
    "解除",
    "实施",
    "谈判",
    "问题",
    "上",
    "会议",
    "举行",
    "委员会",
    "有关",
]
PHRASES = [
    "就是否",
    "对如何",
    "反对是否",
    "支持制裁",
    "谴责朝鲜核试验",
    "取消制裁谈判",
    "解除制裁问题",
    "取消制裁问题上",
    "撤销制裁委员会",
    "举行取消制裁",
    "就取消制裁",
    "谴责制裁核试验",
]
"""Whole phrases the rules read, so that short sentences meet them often."""
sentences = st.lists(st.sampled_from(FRAGMENTS + PHRASES), min_size=1, max_size=10).map("".join)


def cues_of(flat: str) -> list[Cue]:
    return sorted(VERBS.find(flat, "zh"), key=lambda c: (c.start, -c.weight))


def names_of(flat: str) -> list[ActorMention]:
    found, at = [], flat.find("朝鲜")
    while at >= 0:
        found.append(ActorMention(at, at + 2, "朝鲜", "PRK", "case", None))
        at = flat.find("朝鲜", at + 2)
    return found


def slow_question_cues(flat: str, cues: Sequence[Cue], names: Sequence[ActorMention]) -> list[Cue]:
    """The rule as docs/ingest.md states it, every cue read for every question word."""
    marks = "，,；;：:。！？!?"
    asked: set[int] = set()
    for i in range(len(flat)):
        for prep in ("就", "对", "关于", "围绕"):
            if not flat.startswith(prep, i) or (prep == "对" and i > 0 and flat[i - 1] in "反相面绝针"):
                continue
            # review 9: names only may stand between the preposition and the question word
            for size in range(9):
                j = i + len(prep) + size
                if any(ch in marks + "就对关围" for ch in flat[i + len(prep) : j]) or j > len(flat):
                    word = None
                    break
                word = next(
                    (
                        w
                        for w in ("是否", "能否", "可否", "应否", "如何", "怎样", "何时")
                        if flat.startswith(w, j)
                    ),
                    None,
                )
                if word is not None:
                    break
            if word is None:
                continue
            subject = range(i + len(prep), j)
            if not all(any(n.start <= k < n.end for n in names) for k in subject):
                continue
            end_q = j + len(word)
            later = sorted([c for c in cues if c.start >= end_q], key=lambda c: (c.start, -c.weight))
            if not later:
                continue
            gap = flat[end_q : later[0].start]
            if len(gap) > QUESTION_REACH or any(m in gap for m in marks):
                continue
            if subject:
                # its cues of 11-20 up to the clause's own act after it (none if none follows)
                if not 11 <= later[0].cameo <= 20:
                    continue
                stretch = {later[0].start}
                for cue in later[1:]:
                    if any(m in flat[later[0].end : cue.start] for m in marks):
                        break
                    if not 11 <= cue.cameo <= 20:
                        asked.update(stretch)
                        break
                    stretch.add(cue.start)
                continue
            asked.add(later[0].start)
            end, objects = later[0].end, 0
            for cue in later[1:]:
                if cue.start < end:
                    asked.add(cue.start)
                    continue
                rest = "".join(
                    " " if any(n.start <= k < n.end for n in names) else flat[k]
                    for k in range(end, cue.start)
                )
                if (
                    objects == QUESTION_OBJECTS
                    or cue.cameo < 11
                    or cue.start - end > QUESTION_REACH
                    or rest.replace(" ", "") not in ("", "的")
                ):
                    break
                asked.add(cue.start)
                end, objects = max(end, cue.end), objects + 1
    return [c for c in cues if c.start not in asked]


def slow_sanctions_modifiers(flat: str, cues: Sequence[Cue]) -> list[Cue]:
    """The rule as docs/ingest.md states it, the look-behind over the whole sentence before the cue."""
    kept: list[Cue] = []
    for cue in cues:
        noun = cue.entry == "制裁" or (cue.cameo == 8 and cue.text.endswith("制裁"))
        after = flat[cue.end :]
        modifier = next(
            (m for m in ("问题", "谈判", "会谈", "会议", "委员会", "专家") if after.startswith(m)), None
        )
        if (
            not noun
            or modifier is None
            or (cue.entry != "制裁" and after[len(modifier) :].startswith(("上", "方面")))
        ):
            kept.append(cue)
            continue
        verb = cue.text[: -len("制裁")]
        prefix = flat[: cue.start]
        phrase = prefix.endswith(
            (
                "举行",
                "进行",
                "开始",
                "开展",
                "展开",
                "参加",
                "启动",
                "的",
                "就",
                "围绕",
                "关于",
                "针对",
                "对",
                "有关",
            )
        )
        if verb in _HALTING and modifier in ("谈判", "会谈", "会议", "委员会") and not phrase:
            kept.append(Cue(cue.start, cue.start + len(verb), verb, 16, verb, 0.6))
    return kept


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_question_cues_match_the_slow_reading(flat: str) -> None:
    cues, names = cues_of(flat), names_of(flat)
    assert zh_question_cues(flat, "zh", cues, names) == slow_question_cues(flat, cues, names)


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_sanctions_modifiers_match_the_slow_reading(flat: str) -> None:
    cues = cues_of(flat)
    assert sanctions_modifiers(flat, "zh", cues) == slow_sanctions_modifiers(flat, cues)
