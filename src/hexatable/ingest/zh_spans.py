"""Chinese spans a cue may lie in: named quotations, locative frames, reason frames, topic phrases.

Each is read once per sentence (a small cache) and looked up by position (:func:`spans_overlapping`),
so a sentence of many clauses costs time linear in its length; a light verb after a topic phrase
carries the act its object names (:func:`zh_carried`; rule 3d, docs/ingest.md)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from hexatable.ingest.cue_codes import ANY_MARK, DISAPPROVE, LODGED
from hexatable.ingest.types import Cue

_ZH_QUOTE = re.compile(r"“[^“”]*”")
_ZH_SPEECH_BEFORE = re.compile(r"(?:[：:，,]|表示|称|说|指出|强调|宣布|声明|认为|重申|写道)\s*$")
_ZH_DOING_BEFORE = re.compile(r"(?:发起|发动|展开|开展|启动|实施|举行|进行)了?\s*$")
"""A verb of launching or carrying out before a quotation: what the quotation names is the act done
("宣布发起“特别军事行动”", "开展“联合行动”"), so it keeps its cues, when the quotation is
the verb's whole object (:data:`_ZH_QUOTE_ENDS_OBJECT`)."""
_ZH_QUOTE_ENDS_OBJECT = re.compile(r"$|[\s，,。；;：:！？!?、）)]|并|和|及|与")
"""What follows a quotation that is a verb's whole object: the clause's end or a joined act. A noun
after it is the head the quotation names ("启动“援助朝鲜”计划": a programme called so, 030 by 计划,
not aid given)."""


Span = tuple[int, int]


def spans_overlapping(spans: Sequence[Span], low: int, high: int) -> list[Span]:
    """The spans of ``spans`` (sorted, none overlapping another, as a regex's finditer gives them)
    that overlap ``[low, high)``, found by bisection: a clause of a long sentence reads the spans
    near it, not all of the sentence's."""
    first = bisect.bisect_right(spans, low, key=lambda span: span[1])
    found: list[Span] = []
    for span in spans[first:]:
        if span[0] >= high:
            break
        found.append(span)
    return found


def zh_named_quotes(flat: str) -> list[tuple[int, int]]:
    """The spans of quotations in ``flat`` that name a thing rather than report speech.

    A chronology quotes names ("将朝鲜从“支持恐怖主义国家”名单中除名", "“乙支焦点透镜”军事演习") as
    often as words said ("金正日表示：“我们就再试一试吧”"); a cue inside a name is not an act. A
    quotation right after a verb of saying or a colon or comma is speech, and keeps its cues; so does
    one right after a verb of launching or carrying out (发起, 发动, 展开, 开展, 启动, 实施, 举行, 进行),
    whose object it names: "宣布发起“特别军事行动”" is the operation; but not one with a noun
    after it, the head the quotation names ("启动“援助朝鲜”计划" is a programme).

    >>> zh_named_quotes("美方将朝鲜从“支持恐怖主义国家”名单中除名")
    [(6, 16)]
    >>> zh_named_quotes("朝方表示：“不会参加会谈”")
    []
    """
    return list(_zh_named_quotes(flat))


@lru_cache(maxsize=4)
def _zh_named_quotes(flat: str) -> tuple[Span, ...]:
    """:func:`zh_named_quotes`, read once per sentence: every clause of a sentence asks again."""
    return tuple(
        (m.start(), m.end())
        for m in _ZH_QUOTE.finditer(flat)
        if not _ZH_SPEECH_BEFORE.search(flat, max(0, m.start() - 4), m.start())
        and not (
            _ZH_DOING_BEFORE.search(flat, max(0, m.start() - 4), m.start())
            and _ZH_QUOTE_ENDS_OBJECT.match(flat, m.end())
        )
    )


_ZH_FRAME = re.compile(r"在[^，,。；;：:在“”《》]{2,16}?(?:中|上|期间|之际)")


def zh_frames(flat: str) -> list[tuple[int, int]]:
    """The spans of locative frames 在…中, 在…上, 在…期间 anywhere in ``flat``: "朝鲜在会谈中并未要求…",
    "在联合国大会上": the talks or the assembly are where the act happens, not the act (rule 3b
    fences such a frame when it opens a stretch; rule 3d wherever it stands).

    >>> zh_frames("朝鲜在会谈中提出方案")
    [(2, 6)]
    """
    return list(_zh_frames(flat))


@lru_cache(maxsize=4)
def _zh_frames(flat: str) -> tuple[Span, ...]:
    """:func:`zh_frames`, read once per sentence."""
    return tuple((m.start(), m.end()) for m in _ZH_FRAME.finditer(flat))


_ZH_REASON = re.compile(r"以[^，,。；;：:以“”《》]{2,30}?为(?:由|借口|理由|名)")


def zh_reasons(flat: str) -> list[tuple[int, int]]:
    """The spans of reason frames 以…为由 (also 为借口, 为理由, 为名: "on the grounds of") in ``flat``:
    "美国以支持朝鲜核计划为由，制裁三家公司" sanctions the firms (163); the support is the reason
    given, another party's act or an accusation, not what the subject did.

    >>> zh_reasons("美国以支持朝鲜核计划为由，制裁三家公司")
    [(2, 12)]
    """
    return list(_zh_reasons(flat))


@lru_cache(maxsize=4)
def _zh_reasons(flat: str) -> tuple[Span, ...]:
    """:func:`zh_reasons`, read once per sentence."""
    return tuple((m.start(), m.end()) for m in _ZH_REASON.finditer(flat))


def zh_reasons_in(flat: str, low: int, high: int) -> list[Span]:
    """The reason frames of ``flat`` (:func:`zh_reasons`) inside ``[low, high)``: a party named there
    is the one the reason is about, not a co-actor ("美国以朝鲜核试验为由，对朝鲜实施制裁" is the
    USA's act against the DPRK), so the frame is passed to the actor split as a scene stretch is."""
    return [(a, b) for a, b in spans_overlapping(_zh_reasons(flat), low, high) if low <= a and b <= high]


def zh_in_reason(flat: str, cue: Cue) -> bool:
    """Whether ``cue`` lies inside a reason frame of ``flat`` (:func:`zh_reasons`): the reason given
    for an act is never the subject's act, even right after the subject ("美国以支持…为由，制裁…")."""
    return any(
        low <= cue.start and cue.end <= high
        for low, high in spans_overlapping(_zh_reasons(flat), cue.start, cue.end)
    )


def zh_fences(flat: str, low: int, high: int) -> list[Span]:
    """The named quotations, locative frames, topic phrases and reason frames of ``flat``
    (:func:`zh_named_quotes`, :func:`zh_frames`, :func:`zh_topics`, :func:`zh_reasons`) that overlap
    ``[low, high)``: each read once per sentence and looked up by position, so a sentence of many
    clauses costs time linear in its length."""
    return [
        span
        for spans in (_zh_named_quotes(flat), _zh_frames(flat), _zh_topics(flat), _zh_reasons(flat))
        for span in spans_overlapping(spans, low, high)
    ]


_ZH_LIGHT_VERBS = ("表示", "发表", "作出", "做出", "进行", "提出", "予以", "给予", "加以", "感到")
"""Light verbs of saying or doing, whose object is the act ("表示谴责", "提出抗议", "进行磋商"); 予以,
给予 and 加以 ("give") are the formal ones ("对朝鲜核试验予以谴责", "对该决定加以批评"), and
感到 ("feel") the one of a stance ("对会谈的成果感到满意": the satisfaction, not the talks). The
cue rules read the Simplified form of a text (docs/ingest.md, Scripts), so no Traditional forms."""
_ZH_TOPIC = re.compile(
    r"(?:就|对|关于|针对)(?![话方此于])[^，,。；;：:“”《》]{1,20}?(?=(?:"
    + "|".join(_ZH_LIGHT_VERBS)
    + r")(?![的]))"
)
"""A topic phrase runs to the first light verb that is a predicate: one before 的 describes a noun
inside the topic ("针对朝鲜进行的核试验提出抗议": the test the DPRK carried out; "对朝鲜提出的援助计划表示
欢迎": the plan it put forward), so the phrase runs on to the next."""
CARRIED_REACH = 6
"""The most characters between a light verb and the act it carries ("提出强烈抗议", "进行了严正交涉")."""


def zh_topics(flat: str) -> list[tuple[int, int]]:
    """The spans of topic phrases 就…, 对…, 关于…, 针对… before a light verb of saying or doing (表示,
    发表, 作出, 进行, 提出): "安理会对朝鲜核试验表示谴责", "外务省就会谈结束发表声明". What the phrase
    names (the test, the talks) is what the act is about; the act is the verb after it, or what that
    verb carries (谴责, 111; 声明, 010; :func:`zh_carried`), as the codebook codes the condemnation,
    not the test condemned.
    Not 对话, 对方, 对此, 对于 (a noun, a pronoun, a phrase without a topic of its own).

    >>> zh_topics("安理会对朝鲜核试验表示谴责")
    [(3, 9)]
    >>> zh_topics("美国对此表示反对")
    []
    """
    return list(_zh_topics(flat))


@lru_cache(maxsize=4)
def _zh_topics(flat: str) -> tuple[Span, ...]:
    """:func:`zh_topics`, read once per sentence (a pure function of it; the cache keeps the last few
    sentences, so a clause looks its topic up rather than reading the whole sentence again)."""
    return tuple((m.start(), m.end()) for m in _ZH_TOPIC.finditer(flat))


def zh_in_topic(flat: str, cue: Cue) -> bool:
    """Whether ``cue`` lies inside a topic phrase of ``flat`` (:func:`zh_topics`)."""
    return any(
        low <= cue.start and cue.end <= high
        for low, high in spans_overlapping(_zh_topics(flat), cue.start, cue.end)
    )


def zh_topic_ends_at(flat: str, at: int) -> bool:
    """Whether a topic phrase of ``flat`` (:func:`zh_topics`) ends at ``at``."""
    return any(high == at for _, high in spans_overlapping(_zh_topics(flat), at - 1, at))


def zh_carried(flat: str, verb: Cue, cues: Sequence[Cue]) -> Cue:
    """The act a light verb right after a topic phrase carries (:func:`zh_topics`), else ``verb``.

    After 就…, 对…, 针对…, the light verb (提出, 表示, 发表, 作出, 进行) says only that something was
    done; its object says what: "日本针对朝鲜导弹发射提出抗议" is a protest (114), not a plan put
    forward (提出, 030), as "对核试验表示谴责" is a condemnation (111). The carried act is the first of
    ``cues`` after the verb, within :data:`CARRIED_REACH` characters and no clause mark.
    A light verb carries without a topic phrase too when its object is an act of disapproval done by
    saying (a cue of 11-14, not 15-20: "中国提出抗议", "提出强烈抗议", "表示谴责";
    not "提出制裁", sanctions proposed), which names an act of its own,
    with nothing between but an aspect mark and a word of manner (:data:`_ZH_OBJECT_MANNER`) and
    the clause's end or a joined act after it (:data:`_ZH_OBJECT_END`: a noun, not a verb with an
    object of its own, "提出制裁朝鲜的决议草案");
    a cooperative object (建议, 方案, 计划: 03-09) is a thing the verb puts forward, so "提出建议" stays
    提出's 030. A protest lodged by a light verb is an official complaint (114, root 11), not a
    demonstration (14), as the codebook separates them.

    >>> from hexatable.ingest.types import Cue
    >>> put, protest = Cue(10, 12, "提出", 3, "提出", 0.3), Cue(12, 14, "抗议", 14, "抗议", 1.0)
    >>> zh_carried("日本针对朝鲜导弹发射提出抗议", put, [put, protest]).cameo
    11
    """
    if flat[verb.start : verb.end] not in _ZH_LIGHT_VERBS:
        return verb
    topic = zh_topic_ends_at(flat, verb.start)
    later = [c for c in cues if c.start >= verb.end]
    if not later:
        return verb
    carried = min(later, key=lambda c: (c.start, -c.weight))
    gap = flat[verb.end : carried.start]
    if len(gap) > CARRIED_REACH or ANY_MARK.search(gap):
        return verb
    if not topic and (
        not DISAPPROVE <= carried.cameo <= LODGED
        or not _ZH_OBJECT_MANNER.fullmatch(gap)
        or not _ZH_OBJECT_END.match(flat, carried.end)
    ):
        # 提出建议, 提出方案: a proposal put forward is 提出's own act (030), and so is 提出制裁
        # (sanctions proposed, none imposed); 表示准备制裁,
        # 表示韩国应停止…: what is said, read by rule 3b; 提出制裁朝鲜的决议草案: a verb with its
        # own object, what is proposed, not the light verb's object noun
        return verb
    if carried.entry == "抗议":
        return replace(carried, cameo=DISAPPROVE)  # a protest lodged: 114 complain officially
    return carried


_ZH_OBJECT_MANNER = re.compile(r"[了过]?(?:强烈|严正|严厉|正式|郑重|书面|口头|外交)?的?")
"""What may stand between a light verb and its object with no topic phrase: an aspect mark and a
word of manner (提出了强烈抗议, 提出严正抗议, 提出正式的抗议)."""
_ZH_OBJECT_END = re.compile(r"$|[，,。；;：:！？!?、）)]|并|和|及|与")
"""What follows a light verb's object noun: the clause's end or a joined act (提出抗议，…; 提出抗议并
要求…). A cue followed by anything else is a verb with an object of its own (提出冻结…资金)."""
