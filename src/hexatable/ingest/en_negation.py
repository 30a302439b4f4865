"""English relative clauses, negation and negated modals of a cue.

", who visited Beijing," describes a noun; "did not attend" negates the act; "should not attend"
neither does nor refuses it; "should never have criticized" judges a done act (rule 3d, docs/ingest.md).
Each reads a bounded window before the cue, or the sentence's relative clauses once."""

from __future__ import annotations

import bisect
import functools
import re

from hexatable.ingest.types import Cue

_EN_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*(?:,|$)", re.IGNORECASE)
_EN_NEGATOR = re.compile(
    r"(?:\bnot(?!\s+only)|\bnever|\bno\s+longer|n't|\bcannot|\brefus(?:ed|es|e|ing)\s+to|\bdeclin(?:ed|es|e|ing)\s+to)"
    r"(?:\s+(?:\w+ly|yet|again|even|be|been|have|to))*\s+$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4)
def _en_relatives(flat: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The relative clauses of a sentence (their starts, sorted, and spans), found once per sentence:
    a long sentence asks for each of its cues, so a search per cue would cost its length each time."""
    spans = [(m.start(), m.end()) for m in _EN_RELATIVE.finditer(flat)]
    return [low for low, _ in spans], spans


def en_in_relative(flat: str, cue: Cue) -> bool:
    """Whether an English cue is inside a relative clause set off by commas (", who visited Beijing
    last week,"), which describes a noun and is not what the sentence's subject did."""
    starts, spans = _en_relatives(flat)
    at = bisect.bisect_right(starts, cue.start) - 1  # the matches do not overlap: only this one can hold it
    return at >= 0 and cue.end <= spans[at][1]


_EN_MODAL_NEGATOR = re.compile(
    r"\b(?:should|must|need|ought|may|might)(?:\s+not|\s+never|n't)(?:\s+(?:\w+ly|yet|again|even|be|have|to))*\s+$",
    re.IGNORECASE,
)
"""A modal before the negation ("should not", "should never", "need not", "mustn't", "ought not to"):
what ought, need or may not be done, as the Chinese modal 不 (不应, 不必,
:func:`hexatable.ingest.zh_negation.zh_negation`)."""


_EN_JUDGED_PAST = re.compile(
    r"\b(?:should|must|need|ought|may|might)(?:\s+not|\s+never|n't)(?:\s+to)?(?:\s+\w+ly)?\s+have(?:\s+\w+ly)?\s+$",
    re.IGNORECASE,
)
"""A modal perfect under negation ("should never have criticized", "ought not to have attended"):
a judgement of an act that was done."""


def en_judged_past(flat: str, cue: Cue) -> bool:
    """Whether an English cue is a past act judged under a negated modal perfect: "Japan should
    never have criticized China" says Japan did criticize China and that it should not have, so the
    act stands (11), neither a statement of what ought to be (01) nor a refusal (12).

    >>> from hexatable.ingest.types import Cue
    >>> en_judged_past("Japan should never have criticized", Cue(24, 34, "criticize", 11, "criticize", 0.9))
    True
    >>> en_judged_past("Japan should never criticize", Cue(19, 28, "criticize", 11, "criticize", 0.9))
    False
    """
    return _EN_JUDGED_PAST.search(flat, max(0, cue.start - 60), cue.start) is not None


def en_modal_negated(flat: str, cue: Cue) -> bool:
    """Whether an English cue is negated under a modal of obligation, need or possibility: "the
    United States should not negotiate", "Japan need not attend". No act is done or refused: the
    clause states what a party ought (not) to do, so the event is a statement (01), not the act and
    not its rejection (12), by the CAMEO codebook (Schrodt 2012, v1.1b3: 12 is a refusal, 010 a
    statement no other category fits).

    >>> from hexatable.ingest.types import Cue
    >>> en_modal_negated("Japan should not attend", Cue(17, 23, "attend", 4, "attend", 0.5))
    True
    >>> en_modal_negated("Japan will not attend", Cue(15, 21, "attend", 4, "attend", 0.5))
    False
    """
    return _EN_MODAL_NEGATOR.search(flat, max(0, cue.start - 60), cue.start) is not None


def en_negated(flat: str, cue: Cue) -> bool:
    """Whether an English cue is negated: "did not attend", "will not meet", "won't sign", "has
    never visited", "no longer supports" (adverbs and auxiliaries may come between). "refused to" and
    "declined to" are cues of 12 of their own; a cue after them is negated the same way."""
    return _EN_NEGATOR.search(flat, max(0, cue.start - 60), cue.start) is not None
