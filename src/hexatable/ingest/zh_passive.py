"""The Chinese passive markers, written once for the patterns built from them.

A passive marker after a subject says the subject is acted on, and the name right after the marker
(if any) is the agent: 记者被朝鲜逮捕, 日本的提议遭到俄罗斯拒绝, 韩国受到了美国的批评. The clause
splitter (:mod:`hexatable.ingest.clauses`) and the actor finder (:mod:`hexatable.ingest.parties`)
build their patterns from these words; where one of them reads a word more or fewer, it says so."""

from __future__ import annotations

ZH_PASSIVE_MARKERS = ("遭到", "遭受", "受到", "被", "遭")
"""The passive markers, a longer word before the shorter one it starts with (遭到 before 遭), so that
a pattern's alternation takes the whole marker."""
ZH_AGENT_MARKERS = tuple(f"{m}了?" if m.endswith("到") else m for m in ZH_PASSIVE_MARKERS if m != "遭受")
"""The markers a named agent follows (遭到了俄罗斯拒绝: 了 may stand between), as patterns. Not 遭受
(its object is more often the harm, 遭受损失, than an agent): chosen by hand, no test reads it; see
tests/ingest/test_passive_agent_clause_zh.py."""


def alternation(words: tuple[str, ...]) -> str:
    """The words as a regular expression's non-capturing alternation, in their order.

    >>> alternation(("被", "遭"))
    '(?:被|遭)'
    """
    return "(?:" + "|".join(words) + ")"
