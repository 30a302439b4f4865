"""Chinese negation and modals: whether a cue is refused, not done, or only qualified.

A cue after 不会, 不愿, 无意 is refused (a cooperative act's rejection, 12); after 未, 没有, 无法 it
did not happen; after a modal 不 (不应, 不必, 不一定) it is neither done nor refused, a statement
(rule 3d (iii), docs/ingest.md). Other rules read :func:`zh_negation`'s reach and window too
(statement contents, time clauses, resolutions)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.types import Cue

_ZH_NEGATOR = re.compile(
    r"未能|未曾|并未|从未|尚未|没有|无法|不能|不会|不愿意?|不再|不肯|不予|不打算|不准备|无意|绝不|决不|未|没|不"
)
_ZH_REFUSAL = frozenset(
    ["不会", "不愿", "不愿意", "不再", "不肯", "不予", "不打算", "不准备", "无意", "绝不", "决不"]
)
"""Negators of will (will not, is unwilling to, no longer, does not intend to: the negations of the
intent words 将, 愿, 打算, 准备 of rule 3b): a refusal, where 未, 没有, 无法, 不能 say that something
did not or could not happen. Plain 不 is a refusal only on the act's own verb (:data:`ZH_DIRECT`)."""
ZH_DIRECT = re.compile(
    r"(?:[与同跟和向对给为就在从][^，,；;：:。]{1,8}?){0,2}"
    r"(?:(?:举行|进行|开展|展开|作出|做出|给予|予以)(?:任何|新一轮|双边|单独)?)?"
)
"""What may stand between a plain 不 and the verb it refuses ("does not", of a speaker's own act):
nothing (不参加), one or two prepositional phrases (不与之谈判, 不向朝鲜提供援助, 不在此问题上与之谈判: a
policy of not acting, 125, 122)
and a light verb with its object's determiner (不举行任何会谈). Anything else is a word of its own
that 不 negates, a modal or an adverb (不应, 不必, 不一定, 不要, 不可, 不宜, 不得, 不急于): the act is
neither done nor refused (:func:`zh_negation` reads it as ``"modal"``)."""
_ZH_DIFFERENT = re.compile(
    r"不同(?:的|于|意见|看法|国家|问题|方面|领域|层次|程度|形式|立场|类型|地区|时期|阶段|方式|声音)"
)
"""不同 "different" before the nouns it usually describes; elsewhere, before a phrase and the act
(不同朝鲜谈判), 不同 is 不 with the preposition 同, "not with" (:func:`zh_negation`)."""
_ZH_NOT_NEGATION = re.compile(
    r"不(?:断|仅|久|少|同(?!意)|过|但|得不|论|管|如|时|顾|料|禁|足|利|安|满|是|妨|排除|惜|只|光|外|免|愧"
    r"|必要[地的])"
    r"|(?<=不得)不"
    r"|不到(?=[\d一二三四五六七八九十百千万两几数半])"
    r"|未来|未经|未必|没收"
)
"""The 不 and 未 of words that do not negate an act: 不断, 不仅, 未来, 未必 ...; both 不 of 不得不, "had
to", which asserts the act (朝鲜不得不参加会谈: North Korea attended, 04), and 不必要地/不必要的,
"unnecessarily", which qualifies it (日本不必要地批评朝鲜 is a criticism, 11)."""
ZH_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?、“《「]")
NEGATION_REACH = 12
"""The most characters between a negator and the cue it negates: room for a prepositional phrase
("不会同朝鲜协商"), a light verb and its object ("未举行任何非正式会谈"), and a time
("无法依原定日期参加")."""


def zh_negation(flat: str, cue: Cue, cues: Sequence[Cue]) -> str | None:
    """How a Chinese cue is negated: ``"refusal"`` (不会, 不愿, 不再, 不打算, 无意, 绝不: will not; 不
    on the cue's own verb, :data:`ZH_DIRECT`: does not), ``"fact"`` (未, 未能, 没有, 无法, 不能: did
    not, could not), ``"modal"`` (不 on another word, a modal or an adverb: 不应, 不必, 不一定, 不急于:
    the act neither done nor refused), or None.

    The negator stands before the cue in its stretch (no clause mark between, nor the opening of a
    quotation or title, whose words are named, not done: 不再将朝鲜列为“支持恐怖主义国家”), at most
    :data:`NEGATION_REACH` characters before, with none of ``cues`` but this one between
    ("不会同朝鲜协商", "并未举行任何会谈"). Not the 不 and 未 of other words (不断, 不仅, 不久, 不同,
    不顾, 不妨, 不排除, 未来, 未经, 未必 ...), nor 不到 before a number (不到一个月: less than).

    >>> from hexatable.ingest.types import Cue
    >>> zh_negation("中方未参加", Cue(3, 5, "参加", 4, "参加", 0.5), [])
    'fact'
    >>> zh_negation("美方无意就此进行谈判", Cue(8, 10, "谈判", 4, "谈判", 0.9), [])
    'refusal'
    >>> zh_negation("双方不断磋商", Cue(4, 6, "磋商", 4, "磋商", 0.9), []) is None
    True
    """
    low = max(0, cue.start - NEGATION_REACH - 3)
    window = flat[low : cue.start]
    mark = max((m.end() for m in ZH_CLAUSE_MARK.finditer(window)), default=0)
    found = None
    for match in _ZH_NEGATOR.finditer(window, mark):
        at = low + match.start()
        not_with = (
            flat.startswith("不同", at)
            and not _ZH_DIFFERENT.match(flat, at)
            and ZH_DIRECT.fullmatch(flat, at + 1, cue.start) is not None
        )
        if not_with or not _ZH_NOT_NEGATION.match(window, match.start()):
            found = match
    if found is None or len(window) - found.end() > NEGATION_REACH:
        return None
    between = (low + found.end(), cue.start)
    if any(between[0] <= c.start and c.end <= between[1] for c in cues if c != cue):
        return None
    if found.group() in _ZH_REFUSAL:
        return "refusal"
    if found.group() != "不":
        return "fact"
    direct = ZH_DIRECT.fullmatch(flat, between[0], between[1]) is not None
    return "refusal" if direct else "modal"


_ZH_MODAL = re.compile(r"不(?:应该?|应当|该|必要?|需要?|须|要|宜|可|得(?!不)|一定|急于|用)")
"""不 before a modal or an adverb of need, obligation or haste: should not, need not, must not, not
necessarily, not in a hurry to. Not 不 on a word of its own (不扩散, non-proliferation)."""


def zh_modal_negated(flat: str, cue: Cue, cues: Sequence[Cue]) -> bool:
    """Whether a Chinese cue is qualified by a modal 不 (:func:`zh_negation` reads ``"modal"`` and a
    modal of :data:`_ZH_MODAL` stands between: 美国不应与朝鲜谈判, 韩国不一定参加会谈). No act is done
    or refused: the clause states what a party should or need (not) do, so the event is a statement
    (01), by the CAMEO codebook (Schrodt 2012, v1.1b3: 12 is a refusal, 010 a statement no other
    category fits). "不扩散条约…承诺" is no modal: 不扩散 is a word.

    >>> from hexatable.ingest.types import Cue
    >>> zh_modal_negated("美国不应与朝鲜谈判", Cue(7, 9, "谈判", 4, "谈判", 0.9), [])
    True
    >>> zh_modal_negated("不扩散条约大会所做承诺", Cue(9, 11, "承诺", 3, "承诺", 0.5), [])
    False
    """
    if zh_negation(flat, cue, cues) != "modal":
        return False
    low = max(0, cue.start - NEGATION_REACH - 3)
    window = flat[low : cue.start]
    mark = max((m.end() for m in ZH_CLAUSE_MARK.finditer(window)), default=0)
    return _ZH_MODAL.search(window, mark) is not None


def zh_negated(flat: str, cue: Cue, cues: Sequence[Cue]) -> bool:
    """Whether a Chinese cue is refused or said not to have happened (:func:`zh_negation`), not
    merely qualified by a modal 不 (不一定参加: neither done nor refused, so it keeps its code)."""
    return zh_negation(flat, cue, cues) in ("refusal", "fact")
