"""Chinese modifiers, subjects and time clauses: whether a cue or a name is the clause's own.

A cue may describe a noun (正在访问的外长, 制裁问题, 签署国) and yet be the subject's act
(韩国向朝鲜运送的重油); a name after a verb of saying may be a reported act's subject unless it sits
in a title or after an object marker; a name that opens a time clause (朝鲜弃核前) is not the main
act's subject (rule 3d and 3b, docs/ingest.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.cue_codes import ANY_MARK
from hexatable.ingest.types import ActorMention as Mention
from hexatable.ingest.types import Cue
from hexatable.ingest.zh_negation import NEGATION_REACH, ZH_CLAUSE_MARK

_ZH_MODIFIER_TAIL = re.compile(
    r"的(?!(?:消息|决定|计划|意向|意愿|打算|提议|建议|要求|承诺|声明))(?=[\u4e00-\u9fff“《「])|问题"
)


_ZH_OWN_VERB = re.compile(r"[了着过]")
"""After a cue written after 的, an aspect marker says it is a verb after all (…的确认了, rare)."""


_ZH_PARTY_HEAD = re.compile(
    r"[国方](?![际务家防会内外土库债企旗营有立民籍歌徽门王台安资可能才始便案式法针面向略为])"
)
"""国 or 方 right after a cue as the head of a noun of parties (签署国, 签署方, 谈判方, 援助国: the
states that signed, the parties negotiating), not the first half of a word the cue takes as its
object (签署国际公约, 会见国务卿, 访问国会, 出席国防会议, 会见国台办主任, 访问国安部门, 会见国资委官员)
nor the adverbs 方, 方才, 方为 ("签署方可生效", "签署方为有效") nor a noun of manner, plan or
aspect (谈判方案, 会谈方式, 谈判方法, 会谈方面, 谈判方针, 谈判方向, 谈判方略), which rule 3d leaves
to the words around it."""


def zh_modifies(flat: str, cue: Cue) -> bool:
    """Whether a Chinese cue describes a noun rather than saying what the clause's subject did.

    A relative clause or verbal modifier ends in 的 before its noun ("正在平壤访问的泰国外长", "情报机构
    提供的信息", "根据协议冻结的核计划"); a cue right before 问题 names a topic ("制裁问题", the sanctions
    issue). Not a 的 that ends the clause ("是去年颁布的。", the predicate's), nor one before a noun of
    content (消息, 决定, 计划, 意愿, 提议, 要求, 承诺, 声明: "公布了将举行会谈的消息" announces the talks,
    the clause before 的 being what the news says). A cue right after 的 is a noun itself ("按照共同
    文件的要求", the document's requirements; "美方的指责", the US accusation), not the act. A cue
    before 国 or 方 as the head of a noun of parties (签署国, 谈判方: :data:`_ZH_PARTY_HEAD`) describes
    that noun too.

    >>> from hexatable.ingest.types import Cue
    >>> zh_modifies("正在访问的外长表示", Cue(2, 4, "访问", 4, "访问", 0.8))
    True
    >>> zh_modifies("公布了将举行会谈的消息", Cue(6, 8, "会谈", 4, "会谈", 0.9))
    False
    >>> zh_modifies("与其他签署国对话", Cue(3, 5, "签署", 5, "签署", 1.0))
    True
    """
    if _ZH_MODIFIER_TAIL.match(flat, cue.end) is not None:
        return True
    if _ZH_PARTY_HEAD.match(flat, cue.end) is not None:
        return True
    return cue.start > 0 and flat[cue.start - 1] == "的" and not _ZH_OWN_VERB.match(flat, cue.end)


_ZH_TOWARD_NAME = re.compile(r"[向对与同跟给和]")
_ZH_PREPOSITION = re.compile(r"根据|按照|依照|通过|对|向|就|据|在|与|同|跟|给|把|将|从|为|以|经|由|于")
SUBJECT_GAP = 4
"""The most characters (adverbs such as 正在, 首次, 已) between a clause's subject and a cue of its own
relative clause, beyond a toward-phrase (向朝鲜); a verb's 了 among them ("宣读了本阶段会议的…") says
that another verb came first."""


def zh_subject_modifier(
    flat: str, subject: tuple[int, int], cue: Cue, names: Sequence[tuple[int, int]]
) -> bool:
    """Whether a cue that modifies a noun (:func:`zh_modifies`) is nonetheless the subject's own act.

    "韩国向朝鲜运送的首批重油抵达先锋港": the relative clause holds the clause's subject (韩国), and
    the noun it describes (the oil) is no party; what the subject did is the relative clause's verb
    (07), not the oil's arriving. That is the case when the cue follows the subject (``subject``: its
    span) with nothing between but a toward-phrase (向, 对, 与 and a name: ``names`` are the spans of
    the clause's names) and at most :data:`SUBJECT_GAP` characters of adverbs: no other name, no
    preposition opening a phrase of its own ("美国根据日本提供的情报谴责朝鲜": 日本 provided, the US
    condemned; "外相对正在访问的外长表示": the visitor is the minister spoken to), no clause mark, no
    verb (its 了).

    >>> from hexatable.ingest.types import Cue
    >>> ship, give = Cue(5, 7, "运送", 7, "运送", 0.5), Cue(6, 8, "提供", 7, "提供", 0.5)
    >>> zh_subject_modifier("韩国向朝鲜运送的重油抵达", (0, 2), ship, [(0, 2), (3, 5)])
    True
    >>> zh_subject_modifier("美国根据日本提供的情报", (0, 2), give, [(0, 2), (4, 6)])
    False
    """
    at = subject[1]
    toward = _ZH_TOWARD_NAME.match(flat, at)
    if toward is not None:
        name = next((n for n in names if n[0] == toward.end()), None)
        if name is not None:
            at = name[1]
    gap = flat[at : cue.start]
    if len(gap) > SUBJECT_GAP or "了" in gap or ZH_CLAUSE_MARK.search(gap) or _ZH_PREPOSITION.match(gap):
        return False
    return not any(at <= start and end <= cue.start for start, end in names)


_ZH_OBJECT_MARK = re.compile(r"(?:将|把|对|向|与|同|跟|给|从|在|于|和)$")


def zh_subject_like(flat: str, name: Mention) -> bool:
    """Whether a name written between a verb of saying and a reported act may be that act's subject
    (rule 3b: "中方表示，美方同意会谈" is the US's agreement, not China's). Not a name inside a title
    (《美朝框架协议》), nor one right after a preposition or object marker (将, 把, 对, 向, 与, 从, 在:
    "宣布将朝鲜企业列入黑名单" lists the firms, the speaker acting).

    >>> from hexatable.ingest.types import ActorMention
    >>> zh_subject_like("美国宣布将朝鲜企业列入黑名单", ActorMention(5, 7, "朝鲜", "PRK", "case"))
    False
    >>> zh_subject_like("中方表示，美方同意会谈", ActorMention(5, 7, "美方", "USA", "case"))
    True
    """
    if any(m.start() < name.start and name.end <= m.end() for m in _ZH_TITLE_SPAN.finditer(flat)):
        return False
    return not _ZH_OBJECT_MARK.search(flat, max(0, name.start - 1), name.start)


_ZH_POSTPOSITION = re.compile(r"(?:之|以)?[前后]")
"""What closes a time clause: 前, 后, 之前, 之后, 以前, 以后 ("朝鲜弃核前", "伊朗停止浓缩之后")."""
PREDICATE_MIN = 2
"""The fewest characters of a time clause's predicate between its subject and its 前/后: a verb and
its object or a two-character verb (弃核, 访问). One character is a time word's first half (目前,
先前, 当前, 稍后, 提前), and none is the adverb 以前/之前 ("朝鲜以前拒绝会谈": previously)."""
_ZH_TIME_WORD_HALF = re.compile(
    r"(?:[目当先此随然最今其事日稍提空往向午饭超]|(?<![停开休宣参交作止])战|(?<![开闭休散与])会)$"
)
"""The first halves of two-character words ending in 前 or 后 that are no clause's end: time adverbs
(目前, 当前, 先前, 此前, 日前, 事前, 提前, 稍后, 随后, 然后, 最后, 今后, 其后, 事后, 日后, 往后),
nouns of time (会后, 战后, 午后, 饭后) and 空前, 向前, 超前; they matter only after a predicate of two
characters or more ("美国官员稍后将访问": 官员 is no predicate). Not 生, 面 (发生后, 见面后: a verb's
clause ends there), nor 战 and 会 as the object of a verb (停战后, 开战前, 休会后, 闭会之前: the clause
of a verb that ends the war or the meeting)."""
_ZH_WORD_AFTER = re.compile(r"前(?:[来面方者期往景提途任线身]|进(?![行入]))|后[来面方者期续果援盾任]")
"""Words that begin with 前 or 后: 前往, 前来, 前进, 前景, 前提, 前途, 前任, 后来, 后方, 后者, 后续,
后果 ..., a verb or noun, not the end of a clause. Each second half goes with its own first half: 后
before 进行 or 进入 ("弃核后进行谈判") and 前 before 进行 ("访问前进行磋商") close a clause."""
_ZH_NOT_PREDICATE = re.compile(
    r"^(?:在|于|从|自|到)"  # a prepositional phrase of time: 朝鲜在会谈前…, the subject's own clause
    r"|(?:[\d一二三四五六七八九十百两几数半多]+个?(?:天|日|周|星期|礼拜|月|年|小时|分钟)|不久|许久|很久|多年|多日)$"
)
"""Stretches before 前/后 that are no predicate: a prepositional phrase (在会谈前, before the talks)
and a length of time (两天前, 一年后, 不久前: ago, later), after which the name is the main clause's
subject."""
TIME_CLAUSE_REACH = 20
"""The most characters of a time clause after its subject ("朝鲜采取无核化措施前")."""


def zh_time_clause_end(gap: str) -> int | None:
    """Where a time clause that opens ``gap`` (the text after its subject) ends, or None.

    A time clause is a clause, subject and predicate, closed by 前, 后, 之前, 之后, 以前 or 以后
    ("朝鲜弃核前", "伊朗停止浓缩之后"): the postposition must follow a predicate of at least
    :data:`PREDICATE_MIN` characters within :data:`TIME_CLAUSE_REACH`, with no clause mark in it.
    So 目前, 先前, 当前, 稍后, 提前 right after a name are adverbs of the main clause, as are 以前 and
    之前 with no predicate before them; a bare 前 or 后 that forms a word with the character before it
    (稍后, 会后) or after it (前往, 后来) is no postposition; and a prepositional phrase (在会谈前)
    or a length of time (两天前) is no predicate.

    >>> zh_time_clause_end("弃核前不与之谈判")
    3
    >>> zh_time_clause_end("目前同意参加会谈") is None
    True
    >>> zh_time_clause_end("官员稍后将访问") is None
    True
    """
    for match in _ZH_POSTPOSITION.finditer(gap, PREDICATE_MIN):
        predicate = gap[: match.start()]
        if len(predicate) > TIME_CLAUSE_REACH or ANY_MARK.search(predicate):
            return None
        bare = match.group() in "前后"
        if bare and (_ZH_TIME_WORD_HALF.search(predicate) or _ZH_WORD_AFTER.match(gap, match.start())):
            continue
        if _ZH_NOT_PREDICATE.search(predicate):
            continue
        return match.end()
    return None


def zh_in_time_clause(flat: str, name: Mention, act: Cue, names: Sequence[Mention] = ()) -> bool:
    """Whether ``name`` is the subject of a time clause (:func:`zh_time_clause_end`) that ends before
    ``act``, and so not the act's subject: in "韩方表示“朝鲜弃核前不与之谈判”" the refusal is Korea's,
    the DPRK's disarming only when it applies. The act follows the clause within
    :data:`NEGATION_REACH` characters with no clause mark and no other name (``names``) between. In
    "中方表示，朝鲜目前同意参加会谈" 目前 is no clause's end: the agreement is the DPRK's.

    >>> from hexatable.ingest.types import ActorMention, Cue
    >>> north = ActorMention(5, 7, "朝鲜", "PRK", "case")
    >>> zh_in_time_clause("韩方表示“朝鲜弃核前不与之谈判”", north, Cue(13, 15, "谈判", 4, "谈判", 0.9))
    True
    >>> us = ActorMention(5, 7, "美方", "USA", "case")
    >>> zh_in_time_clause("中方表示，美方此后同意会谈", us, Cue(9, 11, "同意", 3, "同意", 0.6))
    False
    """
    if not name.end <= act.start:
        return False
    end = zh_time_clause_end(flat[name.end : act.start])
    if end is None:
        return False
    rest = (name.end + end, act.start)
    if rest[1] - rest[0] > NEGATION_REACH or ANY_MARK.search(flat, rest[0], rest[1]):
        return False
    return not any(rest[0] <= m.start < rest[1] for m in names if m is not name)


_ZH_TITLE_SPAN = re.compile(r"《[^《》]*》")
