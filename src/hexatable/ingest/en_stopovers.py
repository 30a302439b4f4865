"""English phrasal "stop by/over/in" a place: a visit (042), not the dictionary's "stop" (16).

Kept apart from the other cue rules because it is the one English rewrite of a cue's code by the
particle after it (rule 3d, docs/ingest.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.types import Cue


def en_stopovers(flat: str, lang: str, cues: Sequence[Cue]) -> list[Cue]:
    """``cues`` with a phrasal "stop by", "stop over", "stop in" read as a visit: the
    dictionary's "stop" is 16 (reduce relations: "stopped talks", "stopped aid"), but "China stopped
    by Seoul", "stopped over in Tokyo", "stopped in Pyongyang" make a visit, CAMEO 042 (root 04).
    Each is a visit only before a place's name (:data:`_EN_PLACE_AFTER`: capitalised, no month or
    weekday, not a modifier of a lower-case noun), "by" and "over" as "in":
    "talks stopped in March", "stopped over 30 ships", "stopped by sea", "stopped by force", "stopped
    over the issue", a headline's passive "stopped by the Japanese navy" keep 16; so does a passive
    ("was stopped by Japan"), its "by" naming the agent.

    >>> from hexatable.ingest.types import Cue
    >>> stopped = Cue(6, 13, "stopped", 16, "stop", 0.5)
    >>> [c.cameo for c in en_stopovers("China stopped by Seoul", "en", [stopped])]
    [4]
    """
    if lang != "en":
        return list(cues)
    kept: list[Cue] = []
    for cue in cues:
        phrase = _EN_STOPOVER.match(flat, cue.end) if cue.entry.lower() == "stop" else None
        if phrase is None or _EN_BE_BEFORE.search(flat, max(0, cue.start - 30), cue.start):
            kept.append(cue)
            continue
        end = phrase.end("particle")
        kept.append(Cue(cue.start, end, flat[cue.start : end], VISIT, f"stop {phrase['particle']}", 0.8))
    return kept


VISIT = 4
"""CAMEO 04, consult: 042 make a visit."""
EN_MONTHS_DAYS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
"""English months, their abbreviations and weekdays, as alternatives for a pattern: capitalised
words that are no place's name (here and in :mod:`hexatable.ingest.parties`' town before a comma)."""
_EN_PLACE_AFTER = (
    rf"\s+(?:the\s+)?(?!(?:{EN_MONTHS_DAYS})\b)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*"
    r"(?=\s*(?:$|[,.;:!?)]|(?:on|in|at|to|for|and|or|from|with|during|before|after|en|last|this|"
    r"yesterday|today|again|briefly)\b))"
)
"""A place's name: capitalised words (after at most "the"), no month or weekday, then the clause's
end, a mark or a preposition, conjunction or adverb of time: not a name used as a modifier of a noun
("by the Japanese navy")."""
_EN_STOPOVER = re.compile(
    rf"\s+(?P<particle>by(?={_EN_PLACE_AFTER})|over(?=(?:\s+(?:in|at))?{_EN_PLACE_AFTER})|in(?={_EN_PLACE_AFTER}))\b"
)
"""The particle of a phrasal "stop" that makes a visit: "by", "over" (or "over in", "over at") or
"in" before a place's name ("by" and "over" as "in")."""
_EN_BE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
"""A form of "be" or "get" right before "stopped": a passive, whose "by" names the agent."""
