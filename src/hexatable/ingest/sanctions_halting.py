"""Sanctions and halting verbs: what a sanctions noun, a halting or a slowing cue does.

A sanctions noun may only describe the noun after it (制裁谈判, talks on sanctions); a halting verb
(停止, 暂停, 取消; halt, suspend) of an act of conflict or of sanctions is yielding, not a reduction of
relations; a slowing verb (放缓, slow down) reduces relations only when it slows an act of
cooperation. Rule 3d of :mod:`hexatable.ingest.extract` (docs/ingest.md) reads these before it picks
the cue that types an event."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from hexatable.ingest.cue_codes import ANY_MARK, YIELD
from hexatable.ingest.types import Cue

_HALTING = frozenset(
    [
        "停止",
        "暂停",
        "中止",
        "终止",
        "冻结",
        "叫停",
        "取消",
        "撤销",
        "放缓",
        "放慢",
        "减缓",
        "halt",
        "suspend",
        "stop",
        "freeze",
        "call off",
        "cancel",
        "slow down",
    ]
)
"""Cues of 16 that halt or slow something (reduce relations when it is cooperation: 160, 164)."""
HALTED_REACH = 6
"""The most characters between a halting verb and the act it halts ("暂停远程导弹试射", "halted all
missile tests")."""


def sanctions_modifiers(flat: str, lang: str, cues: Sequence[Cue]) -> list[Cue]:
    """``cues`` without a sanctions noun that describes the noun right after it (制裁谈判, 制裁问题,
    制裁委员会, 制裁专家, 制裁会议; :data:`_ZH_MODIFIER_OF`): talks or a committee on
    sanctions impose nothing, so "恢复制裁谈判" is the talks (04), not sanctions (16). Not before
    决议 or 名单 (a sanctions resolution, a sanctions list name what is imposed).
    The same holds for a cue that ends in the noun (解除制裁, 取消制裁: 08): "解除制裁谈判" are
    talks on lifting sanctions, no easing; and when its verb halts (取消, 撤销, 停止 …) and no
    verb of talks or 的 stands before it, the verb is the act, halting the talks (16, 164:
    "美国取消制裁谈判" calls the talks off).

    Only the bare noun and an easing cue (08) are read so,
    not a cue of imposing ("对朝鲜实施制裁会议决定的措施" keeps 实施制裁, 16); the halting verb is
    cut out only before what can be called off (:data:`_ZH_HALTABLE`: talks, a meeting, a committee;
    not 问题, 专家), and not after a topic preposition (就, 围绕, 关于, 针对, 对, 有关: "就取消制裁问题
    举行会谈" is the talks, 04); an easing cue before 问题上, 方面 keeps its code, its verb taking
    the noun after ("取消制裁问题上的限制" lifts restrictions, 08). The look-behind reads at most
    :data:`NOUN_PHRASE_REACH` characters, so the cost is linear in the cues.

    >>> from hexatable.ingest.types import Cue
    >>> [c.text for c in sanctions_modifiers("恢复制裁谈判", "zh", [Cue(2, 4, "制裁", 16, "制裁", 1.0)])]
    []
    """
    if lang != "zh":
        return list(cues)
    kept: list[Cue] = []
    for cue in cues:
        noun = cue.entry == "制裁" or (cue.cameo == YIELD and cue.text.endswith("制裁"))
        modified = _ZH_MODIFIER_OF.match(flat, cue.end) if noun else None
        if modified is None or (cue.entry != "制裁" and _ZH_LOCATIVE_AFTER.match(flat, modified.end())):
            kept.append(cue)
            continue
        verb = cue.text[: -len("制裁")]
        before = _ZH_NOUN_PHRASE_BEFORE.search(flat, max(0, cue.start - NOUN_PHRASE_REACH), cue.start)
        if verb in _HALTING and _ZH_HALTABLE.fullmatch(modified.group()) and before is None:
            # 美国取消制裁谈判 calls the talks off (164), 取消 being the act, not easing (08)
            kept.append(Cue(cue.start, cue.start + len(verb), verb, 16, verb, HALTING_WEIGHT))
        # else a sanctions noun, or 解除制裁谈判 (talks on lifting them): the noun's modifier
    return kept


_ZH_MODIFIER_OF = re.compile(r"问题|谈判|会谈|会议|委员会|专家")
"""Nouns a sanctions noun describes when written right before them (:func:`sanctions_modifiers`)."""
_ZH_HALTABLE = re.compile(r"谈判|会谈|会议|委员会")
"""Of :data:`_ZH_MODIFIER_OF`, what a halting verb can call off (取消制裁谈判); an issue or experts
cannot be (取消制裁问题上的…)."""
_ZH_LOCATIVE_AFTER = re.compile(r"上|方面")
"""After 制裁问题: a locative ("on the issue of"), the phrase modifying a noun after it (取消制裁问题上的
限制), which is the verb's object."""
_ZH_NOUN_PHRASE_BEFORE = re.compile(r"(?:举行|进行|开始|开展|展开|参加|启动|的|就|围绕|关于|针对|对|有关)$")
"""A verb that takes talks as its object, 的, or a topic preposition right before 取消制裁谈判: the
whole is a noun phrase (举行取消制裁谈判, 就取消制裁问题…: talks on cancelling sanctions), and 取消 no
act of its own."""
NOUN_PHRASE_REACH = 2
"""The longest of :data:`_ZH_NOUN_PHRASE_BEFORE`: how far before a cue it is looked for."""
HALTING_WEIGHT = 0.6
"""The weight of the built-in dictionary's 取消 and 撤销 (16, 160/164), given to a halting verb cut
out of an easing cue (:func:`sanctions_modifiers`)."""


def halted(flat: str, cue: Cue, cues: Sequence[Cue]) -> Cue:
    """A halting cue (停止, 暂停, 中止, 取消, 撤销; halt, suspend, stop) whose object is an act of
    conflict (a cue of 14-20: 核试验, 试射, 军演, "missile tests") is yielding (08: 087 de-escalate
    military engagement), as the dictionary's 暂停军演 and "suspend military exercises" already are;
    so is ending sanctions or an embargo ("取消对古巴的禁运", "撤销对朝鲜的制裁": 081, 085 ease
    sanctions, as 解除 is); halting cooperation (取消会谈, 暂停会谈: 164) stays 16. The object must
    follow within :data:`HALTED_REACH` characters with no clause mark or other cue between.

    >>> from hexatable.ingest.types import Cue
    >>> stop, test = Cue(2, 4, "暂停", 16, "暂停", 0.5), Cue(4, 7, "核试验", 15, "核试验", 0.9)
    >>> halted("朝鲜暂停核试验", stop, [stop, test]).cameo
    8
    """
    if cue.entry.lower() not in _HALTING or cue.cameo != 16:
        return cue
    if _ZH_SANCTIONS_OBJECT.match(flat, cue.end):
        return replace(cue, cameo=YIELD)  # 取消对古巴的禁运: easing sanctions (081, 085)
    later = [c for c in cues if c.start >= cue.end]
    if not later:
        return cue
    target = min(later, key=lambda c: c.start)
    gap = flat[cue.end : target.start]
    if target.cameo < 14 or len(gap) > HALTED_REACH or ANY_MARK.search(gap):
        return cue
    return replace(cue, cameo=YIELD)


_ZH_SANCTIONS_OBJECT = re.compile(
    r"(?:对[^，,；;：:。！？!?]{1,10}?(?:实施|采取)?的)?(?:各项|所有|全部|一切|单边|经济|金融|贸易|武器|石油)*(?:制裁|禁运)(?!问题|谈判|会谈|会议|委员会|专家)"
)
"""Sanctions or an embargo as the object of a halting verb ("取消对古巴的禁运", "撤销对朝鲜实施的
制裁", "停止经济制裁"): whether read as a cue or, after 的, as a noun the clause passes over."""

_SLOWING = frozenset(["放缓", "放慢", "减缓", "slow down"])
"""Cues of 16 that slow something: reduce relations (160) only when what is slowed is an act."""
COOPERATION_CODES = range(3, 10)
"""Roots of the acts of cooperation whose slowing reduces relations (160, 162, 164): the codebook's
verbal (03-05) and material (06-09) cooperation, less a statement or an appeal (01, 02)."""


_EN_SLOWED_ACT = re.compile(
    r"\s+(?:(?:the|its|their|all)\s+)?(?:[\w-]+\s+)?"
    r"(?:disablement|disabling|dismantlement|dismantling|denucleari[sz]ation|implementation|verification)\b",
    re.IGNORECASE,
)
"""English nouns of acts of cooperation that the dictionary has only as verbs (disable, dismantle,
implement, verify: 08, 05) or not at all, as the object of a slowing verb: "slowed down the
disablement" slows the act that 放缓了去功能化 does, whose 去功能化 is a cue of its own. Read only
for the slowing verbs, so the nouns are no cues elsewhere ("talks on the disablement")."""


def slowed_acts(flat: str, cues: Sequence[Cue]) -> list[Cue]:
    """``cues`` without the slowing verbs (放缓, 放慢, 减缓, slow down) that slow no act.

    The codebook's 160 ("reduce relations") is the reduction of normal or cooperative relations: a
    party slowing a process of cooperation it is in ("朝方放缓了去功能化", the disablement agreed;
    "slowed down the dismantling"). A slowing verb says that only with an act of cooperation (a cue of
    :data:`COOPERATION_CODES`) as its object, and before an act of conflict it is yielding
    (:func:`halted`, 087); the object follows within :data:`HALTED_REACH` characters with no clause
    mark or other cue between; in English an act noun the dictionary has no cue for
    (:data:`_EN_SLOWED_ACT`, "slowed down the disablement") counts as well. Without one it slows no
    relation: "经济增长放缓" (the economy slowed)
    is no act toward anyone, "减缓紧张局势" eases tension, the opposite of 16; such a verb is no cue.

    >>> from hexatable.ingest.types import Cue
    >>> slow, strip = Cue(2, 4, "放缓", 16, "放缓", 0.5), Cue(5, 7, "拆除", 8, "拆除", 0.8)
    >>> [c.text for c in slowed_acts("伊朗放缓了拆除工作", [slow, strip])]
    ['放缓', '拆除']
    >>> slowed_acts("经济增长放缓", [Cue(4, 6, "放缓", 16, "放缓", 0.5)])
    []
    """
    kept: list[Cue] = []
    for cue in cues:
        if cue.entry.lower() in _SLOWING and cue.cameo == 16 and not _EN_SLOWED_ACT.match(flat, cue.end):
            later = [c for c in cues if c.start >= cue.end]
            target = min(later, key=lambda c: c.start) if later else None
            if target is None or not (target.cameo in COOPERATION_CODES or target.cameo >= 14):
                continue
            gap = flat[cue.end : target.start]
            if len(gap) > HALTED_REACH or ANY_MARK.search(gap):
                continue
        kept.append(cue)
    return kept
