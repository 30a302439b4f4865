"""Rule 3h (round 6): a meeting's opening or close told without its parties (Chinese).

A Chinese chronology names a meeting's parties once, where it opens ("第六轮六方会谈第二阶段会议在北京
开幕。"), and then tells the meeting's later phases with the subject left out or as the meeting itself:
"10月3日闭幕。", "11月11日，第一阶段会议结束。". Neither clause names a party, so before round 6 neither
was an event, although each is a dated act of the parties who met (CAMEO 04, meet). This module
recognises such a clause; the extraction loop gives it the parties of the meeting told just before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.types import Cue, DateMention

MEETING_PHASE_CAMEO = 4
"""A phase of a meeting is the parties meeting (CAMEO 04; 043 participate in a meeting)."""

_SUBJECT = r"(?:[^，,。；;：:、“”《》\s]{0,10}?(?:会议|会谈|谈判|峰会|会晤|全会|大会|磋商))?"
"""At most a meeting noun phrase without a clause mark (第一阶段会议, 本轮会谈): the meeting itself."""
_ADVERBS = r"(?:正式|顺利|如期|圆满|胜利|宣告|再次|已经?|随后|当天|同日|在[^，,。；;：:、\s]{1,10}?)*"
"""Adverbs, and a place after 在, that may stand before the phase verb ("在北京正式开幕")."""
_PHASE = re.compile(
    rf"[\s，,]*{_SUBJECT}[\s，,]*{_ADVERBS}(?P<verb>开幕|闭幕|结束|落幕|休会|复会)了?[\s。！；;，,]*"
)
"""The whole clause, its dates masked: a phase verb with at most the meeting and adverbs before it."""


def without_dates(flat: str, dates: Sequence[DateMention]) -> str:
    """The text with each date written as blanks of the same length: a clause's words read as if
    its dates were left out ("7月18日，第一阶段会议结束" as "      ，第一阶段会议结束"), offsets kept;
    rules 3h and 4b read a clause's words this way."""
    if not dates:
        return flat
    text = list(flat)
    for date in dates:
        for i in range(max(date.start, 0), min(date.end, len(flat))):
            text[i] = " "
    return "".join(text)


def meeting_phase(flat: str, span: tuple[int, int], dates: Sequence[DateMention]) -> Cue | None:
    """The phase verb of a clause that only tells a meeting's opening or close (rule 3h), as a cue
    of 04, else None.

    The clause, its dates left out, must be nothing but an optional meeting noun phrase (会议, 第一阶段
    会议), adverbs or a place after 在, and one of 开幕, 闭幕, 结束, 落幕, 休会, 复会: "2007年10月3日
    闭幕。" and "11月11日，第一阶段会议结束" are; "会议通过了决议" (another act) and "朝鲜代表团团长
    结束访问" (a subject of its own) are not. The caller checks that the clause names no one and
    that a meeting was told just before in the paragraph.

    >>> meeting_phase("会议在北京闭幕。", (0, 8), [])
    Cue(start=5, end=7, text='闭幕', cameo=4, entry='meeting phase: 闭幕', weight=0.5)
    >>> meeting_phase("会议通过了决议。", (0, 8), []) is None
    True
    """
    start, end = span
    match = _PHASE.fullmatch(without_dates(flat, dates), start, end)
    if match is None:
        return None
    verb = match.group("verb")
    at = match.start("verb")
    return Cue(at, at + len(verb), verb, MEETING_PHASE_CAMEO, f"meeting phase: {verb}", 0.5)
