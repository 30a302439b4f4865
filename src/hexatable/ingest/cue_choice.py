"""Which cue of a clause types its event: a meeting noun's predicate and a meeting announced.

The extraction step takes a clause's main cue (the first after its first actor, rule 3) to split actors
from targets. The CAMEO codebook (Schrodt 2012, *CAMEO Conflict and Mediation Event Observations Event
and Actor Codebook*, v1.1b3) codes a sentence by what its subject did, which that cue does not always
say. The refinements of rule 3d of :mod:`hexatable.ingest.extract` live in one module per job:

- :mod:`hexatable.ingest.cue_codes`: the roots, weights and marks they share
  (:func:`~hexatable.ingest.cue_codes.refused`);
- :mod:`hexatable.ingest.sanctions_halting`: sanctions nouns, halting and slowing verbs;
- :mod:`hexatable.ingest.zh_questions`: Chinese 是否 questions; :mod:`hexatable.ingest.en_stopovers`;
- :mod:`hexatable.ingest.cue_fallbacks`: fallback cues and weak senses;
- :mod:`hexatable.ingest.resolutions`: adoptions and the sanctions a resolution imposes;
- :mod:`hexatable.ingest.zh_subjects`: Chinese modifiers, subjects and time clauses;
- :mod:`hexatable.ingest.zh_negation`, :mod:`hexatable.ingest.en_negation`: negation and modals;
- :mod:`hexatable.ingest.zh_spans`: quotations, frames, reasons, topics and the act a light verb carries.

This module keeps the cue choice proper: a cue that **is a noun whose predicate is a later cue**
("会谈被推迟": the talks were postponed, 164), :func:`zh_predicate`; and a verb of saying that
**announces a meeting** still to come (036), :func:`zh_announced_meeting`.

>>> from hexatable.ingest.types import Cue
>>> talks, postponed = Cue(0, 2, "会谈", 4, "会谈", 0.9), Cue(3, 5, "推迟", 16, "推迟", 0.5)
>>> zh_predicate("会谈被推迟", talks, [talks, postponed]).cameo
16
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.cue_codes import MEET, ZH_MEETING_NOUNS
from hexatable.ingest.types import Cue

_ZH_PREDICATE_LINK = re.compile(
    r"(?:被迫|遭到|宣告|宣布|正式|随即|因故|暂时|已经?|再次|被|将|又|也|均|都){0,3}"
)


def zh_predicate(flat: str, cue: Cue, cues: Sequence[Cue]) -> Cue:
    """The predicate a meeting noun is the subject of, else ``cue`` itself.

    "会谈被推迟", "第二阶段谈判将推迟举行", "谈判破裂": the talks are what the clause is about and the
    later verb is what happened to them (164 halt negotiations), as "第二轮会谈在北京举行" is the
    talks held (04, 举行 being no cue). The predicate must follow the noun at once or after adverbs and
    auxiliaries only (被, 将, 已, 再次, 宣告 ...): "举行会谈并签署协议" joins two acts and keeps its
    first.
    """
    if cue.entry not in ZH_MEETING_NOUNS:
        return cue
    link = _ZH_PREDICATE_LINK.match(flat, cue.end)
    at = link.end() if link is not None else cue.end
    return next((c for c in cues if c.start == at and c.cameo != cue.cameo), cue)


_ZH_DONE = re.compile(r"已经?|曾经?|业已|刚刚?")
"""Adverbs that say an act has happened (已, 已经, 曾, 刚): a meeting reported as done."""
_ZH_DONE_AFTER = re.compile(r"[了过]")


def zh_announced_meeting(flat: str, saying: Cue, act: Cue) -> bool:
    """Whether a verb of saying announces a meeting of the speaker's that has not yet happened.

    Saying does not hold a meeting: "朝鲜宣布重返六方会谈", "美方表示，参加下一轮会谈" commit the
    speaker to talks that come later, which the code list's 036 ("express intent to meet or negotiate",
    Schrodt 2012, v1.1b3) codes as an intent (03), where a withdrawal or a listing announced is done by
    the announcement (宣布退出 is 16). Not when the meeting is said to have happened (已, 已经, 曾, 刚
    before it in its stretch; 了 or 过 right after it: "朝方称，已访问北京", "表示会见了…"), and not a
    meeting noun (会谈, 谈判, 会议, 峰会 …), which in a reported clause is nearly always what the statement
    is about ("称，会谈取得进展", "坚信此次会谈将获得成果", "宣布，六方会谈暂时休会": the talks are its
    subject, not an act of the speaker's); the verbs of taking part (参加, 出席, 重返, 访问, 会见 …) are
    the acts.

    >>> from hexatable.ingest.types import Cue
    >>> say, back = Cue(2, 4, "宣布", 1, "宣布", 0.5), Cue(4, 6, "重返", 4, "重返", 0.6)
    >>> zh_announced_meeting("朝鲜宣布重返会谈", say, back)
    True
    >>> visited = Cue(5, 7, "访问", 4, "访问", 0.8)
    >>> zh_announced_meeting("朝方称，已访问北京", Cue(2, 3, "称", 1, "称", 0.3), visited)
    False
    """
    if act.cameo != MEET or act.start < saying.end:
        return False
    between = flat[saying.end : act.start]
    cut = max(between.rfind(c) for c in "，,；;：:") + 1
    stretch = between[cut:]
    if _ZH_DONE.search(stretch) or _ZH_DONE_AFTER.match(flat, act.end):
        return False
    return act.entry not in ZH_MEETING_NOUNS
