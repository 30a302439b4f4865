"""Rule 3h: a meeting's opening or close told without its parties (Chinese).

A Chinese chronology names a meeting's parties once, where it opens ("第六轮六方会谈第二阶段会议在北京
开幕。"), and then tells the meeting's later phases with the subject left out or as the meeting itself:
"10月3日闭幕。", "11月11日，第一阶段会议结束。". Neither clause names a party, yet each
is an event: a dated act of the parties who met (CAMEO 04, meet). This module
recognises such a clause (:func:`meeting_phase`) and which parties a meeting clause names as meeting
(:func:`meeting_parties`); the extraction loop gives a phase the parties of the paragraph's last meeting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.clauses import ZH_VERB_LEAD
from hexatable.ingest.types import ActorMention, Cue, DateMention

MEETING_PHASE_CAMEO = 4
"""A phase of a meeting is the parties meeting (CAMEO 04; 043 participate in a meeting)."""

MEETING_NOUN = re.compile(r"会议|会谈|谈判|峰会|会晤|全会|大会|磋商")
"""A noun for a meeting that opens and closes: a 会见 or a visit has no phases."""
_SUBJECT = rf"(?:[^，,。；;：:、“”《》\s]{{0,10}}?(?:{MEETING_NOUN.pattern}))?"
"""At most a meeting noun phrase without a clause mark (第一阶段会议, 本轮会谈): the meeting itself."""
_MANNER = r"(?:顺利|如期|圆满|胜利|宣告)?"
"""How a meeting went (顺利闭幕, 圆满结束, 宣告结束): adverbs of a meeting's phase only."""
_LEAD = ZH_VERB_LEAD.pattern
_ADVERBS = rf"{_LEAD}(?:在[^，,。；;：:、\s]{{1,10}}?)?{_LEAD}{_MANNER}{_LEAD}"
"""What may stand before the phase verb: the adverbs that may lead any verb whose subject is left out
(:data:`hexatable.ingest.clauses.ZH_VERB_LEAD`: 随后, 正式, 再次, 当天 …), a place after 在, and a
meeting's manner ("在北京正式开幕", "随后顺利闭幕")."""
_PHASE = re.compile(
    rf"[\s，,]*{_SUBJECT}[\s，,]*{_ADVERBS}(?P<verb>开幕|闭幕|结束|落幕|休会|复会)了?[\s。！；;，,]*"
)
"""The whole clause, its dates masked: a phase verb with at most the meeting and adverbs before it."""
_JOINT = re.compile(r"[与同跟和]$")
"""What makes a party named after the subject a co-party of the meeting: 中国与日本举行会谈."""
_LISTED = re.compile(r"\s*(?:、|和|及|以及)\s*")
"""What joins the next party of a list to one joined already ("中国与日本、韩国举行三方会谈": South
Korea is joined too)."""


def without_dates(flat: str, dates: Sequence[DateMention], span: tuple[int, int] | None = None) -> str:
    """The text with each date in ``span`` (the whole text by default) written as blanks of the same
    length: a clause's words read as if its dates were left out ("7月18日，第一阶段会议结束" as
    "      ，第一阶段会议结束"), offsets kept; rules 3h and 4b read a clause's words this way."""
    start, end = span if span is not None else (0, len(flat))
    inside = [d for d in dates if d.start < end and d.end > start]
    if not inside:
        return flat
    text = list(flat[start:end])
    for date in inside:
        for i in range(max(date.start, start), min(date.end, end)):
            text[i - start] = " "
    return flat[:start] + "".join(text) + flat[end:]


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
    match = _PHASE.fullmatch(without_dates(flat, dates, span), start, end)
    if match is None:
        return None
    verb = match.group("verb")
    at = match.start("verb")
    return Cue(at, at + len(verb), verb, MEETING_PHASE_CAMEO, f"meeting phase: {verb}", 0.5)


def meeting_parties(
    flat: str, span: tuple[int, int], actors: Sequence[ActorMention], targets: Sequence[ActorMention]
) -> list[ActorMention] | None:
    """The parties of a meeting (04) a clause tells, whose later phase rule 3h may give them: its
    actors and, for a joint meeting, the parties joined to them by 与, 同, 跟 or 和 ("中国与日本举行
    会谈": Japan met as much as China, though read as a target); None when the clause names no
    meeting noun (:data:`MEETING_NOUN`), since a 会见 or a visit neither opens nor closes.

    ``actors`` and ``targets`` stand at offsets in ``flat``.

    >>> china = ActorMention(0, 2, "中国", "CHN", "gazetteer")
    >>> japan = ActorMention(3, 5, "日本", "JPN", "gazetteer")
    >>> [m.actor for m in meeting_parties("中国与日本举行会谈。", (0, 10), [china], [japan]) or []]
    ['CHN', 'JPN']
    >>> korea = ActorMention(6, 8, "韩国", "KOR", "gazetteer")
    >>> listed = meeting_parties("中国与日本、韩国举行会谈。", (0, 13), [china], [japan, korea])
    >>> [m.actor for m in listed or []]
    ['CHN', 'JPN', 'KOR']
    >>> meeting_parties("中国会见日本外相。", (0, 9), [china], [japan]) is None
    True
    """
    start, end = span
    if MEETING_NOUN.search(flat, start, end) is None:
        return None
    named = {a.actor for a in actors}
    joint: list[ActorMention] = []
    for target in sorted(targets, key=lambda t: t.start):
        if target.actor in named:
            continue
        if _JOINT.search(flat, start, target.start) or (
            joint and _LISTED.fullmatch(flat, joint[-1].end, target.start) is not None
        ):
            joint.append(target)  # 中国与日本、韩国: a list after 与 is joined whole
    return [*actors, *joint]
