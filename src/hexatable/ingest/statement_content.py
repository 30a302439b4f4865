"""What a statement says, when it says a codable act: conditions, refusals and epithets (rule 3g).

The CAMEO codebook (Schrodt 2012, *CAMEO Conflict and Mediation Event Observations Event and Actor
Codebook*, v1.1b3) keeps 010 ("make statement, not specified below") for statements that nothing else
fits: a statement whose content is a threat, a demand, a refusal or an insult is coded by that content.
Rule 3b of :mod:`hexatable.ingest.extract` already codes a reported act of the speaker's own by the act
("朝方称，将参加会谈" is 036). These pure functions read three more kinds of content, from how Chinese
and English news write them:

- a **condition** on the speaker's act: "如果美国继续制裁，朝鲜就不会参加会谈", "said it would not attend
  if the sanctions stayed" threaten (13: 130 threaten, 134 threaten to halt negotiations, 138 threaten
  with military force); "只有美国先解除制裁，朝鲜才会重返会谈", "would return only after the sanctions
  are lifted", "除非…否则不会参加" set a precondition, a demand (10: 100 demand, 101-108);
  :func:`zh_stated_condition`, :func:`zh_conditional`, :func:`en_stated_condition`;
- **cannot** in the speaker's own reported act ("美方称，不能与朝方进行直接接触"): a statement of policy
  refusing the act (12: 120-127), where "双方未能达成协议" says that something did not happen:
  :func:`zh_cannot`;
- an **outcome hoped for** ("期待会谈取得成果", "坚信此次会谈将获得成果"): an optimistic comment
  (013, root 01), neither an appeal (02) nor the talks (04): :func:`zh_optimism`,
  :func:`zh_hoped_outcome`;
- an **epithet** (称朝鲜为“流氓国家”, "called the regime a tyranny"): a party named with an insult is
  criticized or denounced (11: 111 criticize or denounce): :func:`zh_epithet`, :func:`en_epithet`.

>>> from hexatable.ingest.types import Cue
>>> say, attend = Cue(2, 3, "称", 1, "称", 0.3), Cue(16, 18, "参加", 4, "参加", 0.5)
>>> zh_stated_condition("朝方称，如果美国继续制裁，就不会参加会谈", say, [say, attend], [(6, 8)]).cameo
13
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from hexatable.ingest.cue_codes import APPEAL, DEMAND
from hexatable.ingest.segment import EN_END, ZH_END
from hexatable.ingest.types import Cue
from hexatable.ingest.zh_negation import NEGATION_REACH, zh_negation
from hexatable.ingest.zh_negation import ZH_DIRECT as ZH_DIRECT

THREATEN = 13
"""CAMEO 13, threaten: "130 threaten, not specified below", "134 threaten to halt negotiations", "138
threaten with military force": a negative act announced on a condition."""
REJECT = 12
"""CAMEO 12, reject: "120 reject", 121-127 (125 reject proposal to meet, discuss or negotiate)."""
DENOUNCE = 11
"""CAMEO 11, disapprove: "111 criticize or denounce" (an insult is the strongest form of it)."""

COOPERATION = range(3, 9)
"""Acts of cooperation (03-08: intent, consult, diplomatic and material cooperation, aid, yield): their
refusal on a condition is a threat to withhold them (134 halt negotiations, 130)."""
NEGATIVE = range(12, 21)
"""Acts a condition makes a threat of when announced positively: reject (12), threaten (13), and the
material conflict of 14-20 ("就退出会谈" 164 → 134, "就采取军事行动" → 138)."""

Span = tuple[int, int]
SENTENCE_END = {"zh": ZH_END, "en": EN_END}
"""Where a statement's content ends: where the segmenter (:mod:`hexatable.ingest.segment`) ends a
sentence (。！？； and their ASCII forms; ". ", "! ", "? "), one pattern for every rule that reads to it."""
_ZH_MARK = ZH_END
_ZH_COMMA = re.compile(r"[，,：:]")
_ZH_IF = re.compile(r"如果|假如|假若|倘若|若是|如若|(?<!主)要是|一旦|若(?!干)")
"""The openers of a Chinese condition (if, once): "如果…，就…", "若…，则…", "一旦…，将…"."""
_ZH_ONLY_THEN = re.compile(r"才(?:能|会|可能|可以|可|将)")
"""Only then will, can (才能, 才会, 才将): an act made to wait. A bare 才 is as often past narrative
("朝鲜在美国解除制裁后才重返会谈", it returned only after), an act done, not a condition set."""
_ZH_PRECONDITION = re.compile(r"只有|唯有|除非|(?:之|以)后|(?<![此随然今稍最其会事午])后")
"""What makes a 才 ("only then") a precondition: 只有…才, 除非…(否则), …后才 ("朝鲜将在美国提供轻水
反应堆后才能重返条约"). Not the 后 of an adverb of time (此后, 随后, 然后, 今后, 稍后, 最后, 会后:
"afterwards", "then"), which orders acts without waiting for another's."""
_ZH_UNLESS = re.compile(r"除非")
_ZH_OTHERWISE = re.compile(r"否则")
_ZH_IMPOSSIBLE = re.compile(r"(?:绝无|毫无|没有|不)可能")
"""No possibility (绝无可能, 不可能): a consequence that rules the act out ("就绝无可能继续召开会谈"),
beside the negators of :func:`hexatable.ingest.zh_negation.zh_negation`, which reads 不可能 as a
modal."""
STATEMENT_REACH = 100
"""The most characters of a statement's content read after its verb of saying, or of a condition read
before its act: a long sentence of many clauses costs time linear in its length."""
CONSEQUENCE_REACH = 30
"""The most characters between the start of a consequence and its act."""


def _last(pattern: re.Pattern[str], text: str, low: int = 0, high: int | None = None) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[low:high]``, else None."""
    found = None
    for found in pattern.finditer(text, low, len(text) if high is None else high):  # noqa: B007
        pass
    return found


def _negated_before(flat: str, low: int, act: Cue, cues: Sequence[Cue]) -> bool:
    """Whether the act of a consequence starting at ``low`` is negated: refused or said not to happen
    (:func:`hexatable.ingest.zh_negation.zh_negation`: 不会参加, 未能, 不参加; not 未来, 不少, 不断), or
    ruled out (:data:`_ZH_IMPOSSIBLE`) within :data:`~hexatable.ingest.zh_negation.NEGATION_REACH`
    characters before it."""
    if zh_negation(flat, act, cues) in ("refusal", "fact"):
        return True
    return _ZH_IMPOSSIBLE.search(flat, max(low, act.start - NEGATION_REACH), act.start) is not None


_ZH_CONSEQUENCE_LEAD = re.compile(r"[，,]?(?:那么|那|则|就|便)?")
"""What may open a consequence before its subject: "如果…，那么安理会就…"."""


def _other_subject(flat: str, low: int, act: Cue, others: Sequence[Span]) -> bool:
    """Whether the consequence starting at ``low`` opens with another party (one of ``others``) as
    its subject, before its act: "如果朝鲜核试验，安理会将对朝鲜实施制裁" foretells the Council's act, no
    act of the speaker's and no threat of its. A name later in the consequence is an object
    ("就绝无可能继续召开六方会谈", "将对朝鲜实施制裁")."""
    return any(
        low <= a and b <= act.start and _ZH_CONSEQUENCE_LEAD.fullmatch(flat, low, a) is not None
        for a, b in others
    )


def _threat(act: Cue, negated: bool) -> Cue | None:
    """The threat a consequence makes of ``act``: a cooperative act refused, or a negative act
    announced, is 13; else None (a cooperative act promised on a condition is left as it was)."""
    if negated and act.cameo in COOPERATION:
        return replace(act, cameo=THREATEN)
    if not negated and act.cameo in NEGATIVE:
        return replace(act, cameo=THREATEN)
    return None


def _names_in(others: Sequence[Span], low: int, high: int) -> bool:
    """Whether one of ``others`` (the spans of parties other than the subject) lies in ``[low, high)``."""
    return any(low <= a and b <= high for a, b in others)


def zh_conditional(
    flat: str, act: Cue, cues: Sequence[Cue], others: Sequence[Span], low: int = 0
) -> Cue | None:
    """The code of ``act`` when it is the consequence of a condition written before it, else None.

    A Chinese condition opens with 如果, 若, 倘若, 假如, 一旦 … and ends at a comma; what follows is
    the consequence ("如果美国继续制裁，朝鲜就不会参加会谈"). A cooperative act refused there, or an
    act of conflict announced there, is a threat (13: "130 threaten", "134 threaten to halt
    negotiations", "138 threaten with military force"), since it is done only if the other party does
    not yield. A precondition (只有…才, …后才, 除非…否则) makes one's own act wait for another's: a
    demand (10). Either way the condition names another party (``others``: the spans of the parties
    other than the subject; for a precondition an act, a cue of ``cues``, will do, since a name right
    after 在 is read as a place: "在美国提供援助后才…"): "如果天气不好，就不参加会谈" and
    "在完成选举后才参加" ask nothing of anyone. ``low`` is where the search for the condition starts
    (a verb of saying's end, else the sentence's start); the condition must lie in the same sentence
    stretch as the act.

    >>> from hexatable.ingest.types import Cue
    >>> quit_ = Cue(13, 15, "退出", 16, "退出", 1.0)
    >>> zh_conditional("如果美国继续制裁，朝鲜就退出会谈", quit_, [quit_], [(2, 4)]).cameo
    13
    >>> back = Cue(14, 16, "重返", 4, "重返", 0.6)
    >>> zh_conditional("只有美国先解除制裁，朝鲜才会重返会谈", back, [back], [(2, 4)]).cameo
    10
    >>> zh_conditional("如果天气不好，朝鲜就退出会谈", Cue(11, 13, "退出", 16, "退出", 1.0), [], []) is None
    True
    """
    low = max(low, act.start - STATEMENT_REACH)
    marks = [m.end() for m in _ZH_MARK.finditer(flat, low, act.start)]
    start = max([low, *marks])
    before = flat[start : act.start]
    only = _last(_ZH_ONLY_THEN, before)
    if only is not None:
        gap = flat[start + only.end() : act.start]
        near = len(gap) <= NEGATION_REACH and not _ZH_COMMA.search(gap)
        condition = _ZH_PRECONDITION.search(before, 0, only.start())
        required = _names_in(others, start, start + only.start()) or any(
            start <= c.start and c.end <= start + only.start() and c.cameo != 1 for c in cues if c != act
        )
        if near and condition is not None and required:
            return replace(act, cameo=DEMAND)
    unless = _ZH_UNLESS.search(before)
    otherwise = _ZH_OTHERWISE.search(before)
    if (
        unless is not None
        and otherwise is not None
        and unless.start() < otherwise.start()
        and _names_in(others, start + unless.end(), start + otherwise.start())
        and not _other_subject(flat, start + otherwise.end(), act, others)
    ):
        return replace(act, cameo=DEMAND)  # 除非…，否则不会参加: the condition is the demand
    opener = _last(_ZH_IF, before)
    if opener is None:
        return None
    comma = _ZH_COMMA.search(before, opener.end())
    if comma is None:
        return None  # the act is inside the condition, not its consequence
    if not _names_in(others, start + opener.end(), start + comma.start()):
        return None  # a condition on no party ("如果天气不好"): no threat to anyone
    consequence = start + comma.end()
    if act.start - consequence > CONSEQUENCE_REACH:
        return None
    if any(consequence <= c.start < act.start and c.cameo != 1 for c in cues if c != act):
        return None  # the consequence's first act is another
    if _other_subject(flat, consequence, act, others):
        return None  # "如果朝鲜核试验，安理会将实施制裁": another's act foretold, no threat of the speaker's
    return _threat(act, _negated_before(flat, consequence, act, cues))


def zh_stated_condition(flat: str, saying: Cue, cues: Sequence[Cue], others: Sequence[Span]) -> Cue | None:
    """The threat or demand a verb of saying reports (rule 3g), else None.

    "劳动新闻发表评论称，如果美国不撤销制裁，就绝无可能继续召开会谈" names another party in its
    condition, so rule 3b finds no act of the speaker's; the content is still the speaker's threat to
    halt the talks (134). The act is the first cue after the condition's comma (or after 才, 否则),
    coded by :func:`zh_conditional`.

    >>> from hexatable.ingest.types import Cue
    >>> say, meet = Cue(2, 3, "称", 1, "称", 0.3), Cue(21, 23, "会谈", 4, "会谈", 0.9)
    >>> flat = "朝方称，如果美国不撤销制裁，就绝无可能继续召开会谈"
    >>> zh_stated_condition(flat, say, [say, meet], [(6, 8)]).cameo
    13
    """
    limit = min(len(flat), saying.end + STATEMENT_REACH)
    end = _ZH_MARK.search(flat, saying.end, limit)
    high = end.start() if end is not None else limit
    text = flat[saying.end : high]
    if not (_ZH_IF.search(text) or _ZH_ONLY_THEN.search(text) or _ZH_UNLESS.search(text)):
        return None
    for act in sorted((c for c in cues if saying.end <= c.start and c.end <= high), key=lambda c: c.start):
        if act.cameo == 1:
            continue
        coded = zh_conditional(flat, act, cues, others, saying.end)
        if coded is not None:
            return coded
    return None


_ZH_OUTCOME = re.compile(
    r"(?:取得|获得|达成|产生|带来|实现)[^，,。；;！？]{0,16}?(?:成果|进展|成功|突破|结果)"
)
"""An outcome hoped for: talks "取得成果", "获得进展", "实现突破"."""
_ZH_HOPE = frozenset(["希望", "期待", "期望", "盼望"])
"""Cues of 02 (020 appeal) that, before an outcome rather than another party's act, hope."""


MEET = 4
"""CAMEO 04, consult: the meeting nouns (会谈, 对话) an outcome is said of ("会谈取得成果")."""
_ZH_SUBJECT_GAP = re.compile(r"(?:将|会|能|能够|可|可以|已|已经|终于|顺利|尽快|早日)*")
"""What may stand between a meeting noun and the outcome it is the subject of: adverbs and auxiliaries
("会谈将能够取得成果"), no clause mark ("举行会谈，以实现突破" states an aim)."""


def zh_optimism(flat: str, at: int, cues: Sequence[Cue] = ()) -> bool:
    """Whether what is said from ``at`` to the end of its sentence stretch is an outcome hoped for or
    trusted in ("期待第二次会谈取得成果", "坚信此次会谈将获得成果"): an optimistic comment (013, a
    statement, root 01), not an appeal to anyone (02) nor the talks themselves (04), since no party is
    asked to act and the talks are what the comment is about.

    The outcome must be what is said, not the aim of an act the speaker states beside it: no cue of
    ``cues`` in the stretch but cues of hope (:data:`_ZH_HOPE`) and the meeting noun the outcome is
    said of, right before it. "将参加会谈，争取取得成果" announces the attendance (036), and
    "希望对话取得进展，并呼吁美国重返谈判" holds an appeal (02).

    >>> zh_optimism("特朗普表示，期待会谈取得成果", 5)
    True
    >>> zh_optimism("美方表示，希望朝方重返会谈", 4)
    False
    >>> from hexatable.ingest.types import Cue
    >>> zh_optimism("朝方表示，将参加会谈，争取取得成果", 4, [Cue(6, 8, "参加", 4, "参加", 0.5)])
    False
    """
    limit = min(len(flat), at + STATEMENT_REACH)
    end = _ZH_MARK.search(flat, at, limit)
    high = end.start() if end is not None else limit
    outcome = _ZH_OUTCOME.search(flat, at, high)
    if outcome is None:
        return False
    for cue in cues:
        if not at <= cue.start < high or cue.cameo == 1 or cue.entry in _ZH_HOPE:
            continue
        if cue.cameo == MEET and _ZH_SUBJECT_GAP.fullmatch(flat, cue.end, outcome.start()) is not None:
            continue  # the talks the outcome is said of: 会谈取得成果
        return False  # an act of the speaker's beside the outcome: the outcome is its aim
    return True


def zh_hoped_outcome(flat: str, act: Cue, cues: Sequence[Cue] = ()) -> Cue | None:
    """A cue of hope (希望, 期待, 期望) whose object is an outcome (:func:`zh_optimism`), as an
    optimistic comment (013, root 01), else None: "双方期待会谈取得积极成果" hopes, it asks nothing.

    >>> from hexatable.ingest.types import Cue
    >>> zh_hoped_outcome("双方期待会谈取得积极成果", Cue(2, 4, "期待", 2, "期待", 0.5)).cameo
    1
    """
    if act.entry not in _ZH_HOPE or act.cameo != APPEAL or not zh_optimism(flat, act.end, cues):
        return None
    return replace(act, cameo=1)


_ZH_STRETCH_MARK = re.compile(r"[，,；;。！？!?]")


def zh_hoped_stretch(flat: str, hope: Cue) -> int | None:
    """Where the stretch of a cue of hope (希望, 期待, 期望, 盼望) ends, to the next clause mark, when
    what it hopes for there is an outcome ("希望会谈取得成果，并将继续参加会谈"), else None. The cues in
    that stretch are the hope's comment (013), so a statement that goes on to an act of the
    speaker's own after the mark ("并将继续参加会谈": an intent, 036) is coded by that act, not by
    the hope read as an appeal (02).

    >>> zh_hoped_stretch("朝方表示，希望会谈取得成果，并将参加会谈", Cue(5, 7, "希望", 2, "希望", 0.5))
    13
    >>> zh_hoped_stretch("朝方表示，希望美方重返会谈", Cue(5, 7, "希望", 2, "希望", 0.5)) is None
    True
    """
    if hope.entry not in _ZH_HOPE or hope.cameo != APPEAL:
        return None
    mark = _ZH_STRETCH_MARK.search(flat, hope.end)
    high = mark.start() if mark is not None else len(flat)
    return high if _ZH_OUTCOME.search(flat, hope.end, high) is not None else None


_ZH_CANNOT = re.compile(r"不能|不可以|不可")
"""Cannot, may not: in a party's statement of its own act, a policy of not doing it."""


def zh_cannot(flat: str, act: Cue) -> bool:
    """Whether a reported act of the speaker's own is said to be impossible by policy (不能, 不可):
    "美方称，不能与朝方进行任何直接接触" refuses the contact (125), where 无法, 未能 ("could not",
    "failed to") report that it did not happen. 不能 must stand right before the act or before
    prepositional phrases and a light verb that lead to it: the gap a plain 不 may leave before its
    verb (:data:`hexatable.ingest.zh_negation.ZH_DIRECT`).

    >>> from hexatable.ingest.types import Cue
    >>> zh_cannot("美方称，不能与朝方进行任何会谈", Cue(13, 15, "会谈", 4, "会谈", 0.9))
    True
    >>> zh_cannot("双方称，无法达成协议", Cue(6, 10, "达成协议", 5, "达成协议", 1.0))
    False
    """
    for match in _ZH_CANNOT.finditer(flat, max(0, act.start - NEGATION_REACH - 3), act.start):
        if ZH_DIRECT.fullmatch(flat, match.end(), act.start) is not None:
            return True
    return False


_PEJORATIVE_ZH = (
    "暴君",
    "暴政",
    "独裁",
    "邪恶",
    "流氓",
    "无赖",
    "残酷",
    "残暴",
    "恐怖",
    "罪犯",
    "骗子",
    "疯子",
    "小丑",
    "侏儒",
    "恶棍",
    "野蛮",
)
"""Words of insult in a label given to a party: tyrant, tyranny, dictator, evil, rogue, cruel, terror,
criminal, liar, madman, clown ... (111 criticize or denounce). A neutral or kind label (“战略伙伴”) is
no criticism."""
_ZH_EPITHET = re.compile(
    r"(?:(?:称|斥|骂|形容|定性|比作|比喻|列)(?:为|作|之为)|称[^，,。；;“”]{1,16}?为)“([^“”]{1,24})”"
)
"""A label given: 称为“…”, 称作, 斥为, 形容为, 比作 … right before the quotation, or 称 X 为“…”. Not 称
right before a quotation, which reports words said ("称“恐怖主义威胁仍然存在”"), not a label."""


_ZH_AGAINST = re.compile(r"(?:反|抗|防|打击|反对|对抗|抵制|消除|铲除)$")
"""A verb or prefix of opposition right before a word of insult: 反恐怖主义, 打击恐怖主义 oppose it."""


def _zh_insulting(label: str) -> bool:
    """Whether a quoted label insults the party it names: a word of :data:`_PEJORATIVE_ZH` in its head
    (the part after its last 的: "流氓国家", "邪恶轴心"), not after a word of opposition
    (:data:`_ZH_AGAINST`). In "恐怖主义的受害者", "打击恐怖主义的重要力量", "反恐怖主义的伙伴" the head is a
    victim, a force, a partner: the insult word is what the party suffers or fights.

    >>> _zh_insulting("流氓国家"), _zh_insulting("恐怖主义的受害者"), _zh_insulting("反恐伙伴")
    (True, False, False)
    """
    head = label.rsplit("的", 1)[-1]
    for word in _PEJORATIVE_ZH:
        at = head.find(word)
        while at >= 0:
            if not _ZH_AGAINST.search(head, 0, at):
                return True
            at = head.find(word, at + 1)
    return False


def zh_epithet(flat: str, start: int, end: int) -> Cue | None:
    """An insult given to a party in ``flat[start:end]``, as a cue of 11, else None.

    Chinese names a party with a label in quotation marks after 称…为, 称为, 称作, 斥为, 形容为, 比作
    ("多次称其领导人为“暴君”", "将该国称为“流氓国家”"); when the label holds a word of insult
    (:data:`_PEJORATIVE_ZH`) the statement denounces the party (111), however it is reported.

    >>> zh_epithet("美国总统称该国为“流氓国家”", 0, 15).cameo
    11
    >>> zh_epithet("两国称对方为“战略伙伴”", 0, 12) is None
    True
    """
    for match in _ZH_EPITHET.finditer(flat, start, end):
        if match.start() > 0 and flat[match.start() - 1] == "被":
            continue  # 被称为“…”: the party is the one named, not the one naming
        if _zh_insulting(match.group(1)):
            verb = match.group()[: 2 if match.group()[1] in "为作" else 1]
            return Cue(match.start(), match.start() + len(verb), verb, DENOUNCE, verb, 0.9)
    return None


# --- English -----------------------------------------------------------------------------------------

_EN_IF = re.compile(
    r"\b(?<!even )(?:if|once(?=\s+(?:the|a|an|it|they|he|she|we|its|their|[A-Z])\b))\b", re.IGNORECASE
)
"""The openers of an English condition: "if", and "once" as a conjunction, before its clause's subject
("once the sanctions are lifted"). Not "even if" (a refusal whatever happens), nor the adverb "once"
("as it had once told China", "once again"), nor "should", which is a modal ("it should consult")
far more often than an inverted condition."""
CONDITION_REACH = 80
"""The most characters of an English condition read after its opener."""
_EN_PRECONDITION = re.compile(
    r"\b(?:unless|until|only\s+(?:if|after|when|once)|as\s+long\s+as)\b", re.IGNORECASE
)
_EN_WILL = re.compile(r"\b(?:will|would|shall|'ll)\b(?P<not>\s+(?:not|never|no\s+longer)\b)?", re.IGNORECASE)
WILL_REACH = 40
"""The most characters between "will"/"would" and the act it announces ("would not return to")."""


def en_stated_condition(
    flat: str, saying: Cue, cues: Sequence[Cue], others: Sequence[Span] = ()
) -> Cue | None:
    """The threat or demand a verb of saying reports in English (rule 3g), else None.

    "North Korea said it would not return to the talks unless the sanctions were lifted" sets a
    precondition, a demand (10); "said it would not attend if Seoul held the drills" and "said
    that if the US imposed sanctions, it would quit" threaten (13: 134, 138). As in Chinese the
    condition must ask something of another party: a name in it (a capitalised word), or for a
    precondition an act (a cue) after it; "even if", "once again" open no condition. Another party is
    one of ``others`` (the spans of the gazetteer's names of parties other than the speaker's): a
    weekday, a month or a capitalised first word is none ("until Monday"). The reported
    act is the first cue after the verb of saying with "will" or "would" before it (a conditional's
    consequence); the condition (if, once; unless, until, only if, only after) may stand before or
    after it.

    >>> from hexatable.ingest.types import Cue
    >>> say, back = Cue(12, 16, "said", 1, "say", 0.3), Cue(33, 39, "return", 4, "return to talks", 0.6)
    >>> flat = "North Korea said it would not return to talks unless Seoul ends the drills"
    >>> en_stated_condition(flat, say, [say, back], [(53, 58)]).cameo
    10
    """
    if saying.cameo != 1 or saying.weight > 0.5:
        return None
    limit = min(len(flat), saying.end + 2 * STATEMENT_REACH)
    end = SENTENCE_END["en"].search(flat, saying.end, limit)
    high = end.start() if end is not None else limit
    acts = sorted(
        (c for c in cues if saying.end <= c.start and c.end <= high and c.cameo != 1), key=lambda c: c.start
    )
    # the consequence's act: the first with "will"/"would" before it ("if the US imposed sanctions, it
    # would quit": the sanctions are the condition's)
    found = ((act, _last(_EN_WILL, flat, saying.end, act.start)) for act in acts)
    act, will = next(
        ((a, w) for a, w in found if w is not None and a.start - w.end() <= WILL_REACH), (None, None)
    )
    if act is None or will is None:
        return None
    negated = will.group("not") is not None
    text = flat[saying.end : high]

    def condition(opener: re.Match[str]) -> bool:
        """Whether the condition after ``opener`` (up to a comma, the act's "will", or the reach) names
        another party."""
        stop = [i for i in (text.find(",", opener.end()), will.start() - saying.end) if i > opener.end()]
        low = saying.end + opener.end()
        return _names_in(others, low, saying.end + min([*stop, opener.end() + CONDITION_REACH]))

    precondition = _EN_PRECONDITION.search(text)
    if precondition is not None:
        acted = any(saying.end + precondition.end() <= c.start < high and c is not act for c in cues)
        if (negated or "only" in precondition.group().lower()) and (condition(precondition) or acted):
            return replace(act, cameo=DEMAND)
        return None
    opener = _EN_IF.search(text)
    if opener is not None and condition(opener):
        return _threat(act, negated)
    return None


_PEJORATIVE_EN = re.compile(
    r"\b(?:tyrant|tyranny|dictator|evil|rogue|brutal|thug|criminal|terrorist|liar|madman|lunatic|"
    r"pariah|outlaw|gangster)s?\b",
    re.IGNORECASE,
)
_EN_EPITHET = re.compile(
    r"\b(?:call(?:ed|s|ing)?|brand(?:ed|s|ing)?|label(?:l?ed|s|ling)?|dubb?(?:ed|s|ing)?|denounced)\s+"
    r"(?P<rest>[^.;,]{1,80})",
    re.IGNORECASE,
)


_EN_ARTICLE = re.compile(r"\b(?:an?|the)\s+", re.IGNORECASE)


def _en_complement(rest: str) -> str:
    """The label of "called X a Y": what follows the last article that is not the object's first
    word ("the capture of the terrorists a victory": "victory"), else the last word ("the regime
    evil": "evil"). The object (X) is no label: "the terrorists" are not what is called."""
    articles = [m for m in _EN_ARTICLE.finditer(rest) if m.start() > 0]
    if articles:
        return rest[articles[-1].end() :]
    return rest.rsplit(None, 1)[-1] if rest.strip() else ""


def en_epithet(flat: str, start: int, end: int) -> Cue | None:
    """An insult given to a party in English ("called North Korea an outpost of tyranny", "branded
    the regime a rogue state"), as a cue of 11 (111 criticize or denounce), else None. "call on",
    "call for" (an appeal, 02) are not naming. The insult is read in the label (:func:`_en_complement`),
    not in the object named.

    >>> en_epithet("Bush called the regime an outpost of tyranny", 0, 44).cameo
    11
    >>> en_epithet("Japan called for talks with the rogue state", 0, 43) is None
    True
    >>> en_epithet("Japan called the capture of the terrorists a victory", 0, 52) is None
    True
    """
    for match in _EN_EPITHET.finditer(flat, start, end):
        rest = match.group("rest")
        if re.match(r"(?:on|upon|for|off)\b", rest, re.IGNORECASE):
            continue
        if re.search(
            r"\b(?:is|are|was|were|be|been|being)\s+$", flat[max(0, match.start() - 8) : match.start()]
        ):
            continue  # "was branded a rogue state": the party is the one named
        if _PEJORATIVE_EN.search(_en_complement(rest)):
            verb = flat[match.start() : match.start("rest")].strip()
            return Cue(match.start(), match.start() + len(verb), verb, DENOUNCE, verb, 0.9)
    return None
