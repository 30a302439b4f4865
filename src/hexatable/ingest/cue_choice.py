"""Which cue of a clause types its event: the refinements of rule 3d of :mod:`hexatable.ingest.extract`.

The extraction step takes a clause's main cue (the first after its first actor, rule 3) to split actors
from targets. The CAMEO codebook (Schrodt 2012, *CAMEO Conflict and Mediation Event Observations Event
and Actor Codebook*, v1.1b3) codes a sentence by what its subject did, which that cue does not always
say. These pure functions read, from the clause's text and cues alone, three ways a cue fails to:

- it **describes a noun** (a Chinese relative clause or modifier, "正在平壤访问的泰国外长"; a topic,
  "制裁问题"; an English relative clause set off by commas, "Kim, who visited Beijing, said"):
  :func:`zh_modifies`, :func:`en_in_relative`;
- it **is a noun whose predicate is a later cue** ("会谈被推迟": the talks were postponed, 164):
  :func:`zh_predicate`;
- it **is negated** ("不会同朝鲜协商", "did not attend"): :func:`zh_negated`, :func:`en_negated`; a
  cooperative act refused or not done is coded as its rejection, :func:`refused`.

>>> from hexatable.ingest.types import Cue
>>> talks, postponed = Cue(0, 2, "会谈", 4, "会谈", 0.9), Cue(3, 5, "推迟", 16, "推迟", 0.5)
>>> zh_predicate("会谈被推迟", talks, [talks, postponed]).cameo
16
>>> zh_negated("美方不会同朝方协商", Cue(7, 9, "协商", 4, "协商", 0.9), [])
True
>>> refused(4)
12
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from hexatable.ingest.types import ActorMention as Mention
from hexatable.ingest.types import Cue

NO_CUE_CAMEO = 1
"""The CAMEO root given to a dated event without a cue (a placeholder for review)."""

SAYING_WEIGHT = 0.5
"""A cue of code 01 weighing at most this is a verb of saying (表示, 称, 宣布, 声明: the reporting and
formal-statement groups of the verb dictionary), not a specific comment (否认, 表示遗憾)."""


REJECT = 12
"""CAMEO 12, reject: "120 reject", with 121-127 the refusals of the cooperative roots."""

REFUSED_CODES = range(3, 9)
"""Roots whose act, negated, is coded as a rejection (12): an intent to cooperate (03, "不承诺"), a
meeting (04; 125 reject proposal to meet, discuss, negotiate), diplomatic cooperation (05; 127 reject
plan, agreement), material cooperation (06; 121 reject material cooperation), aid (07; 122 reject
request for aid) and yielding (08; 124 decline to yield). Not a negated statement (01), appeal (02) or
investigation (09), which the codebook's 12 has no refusal of, nor a negated conflictual act (10-20):
not attacking is no rejection; those keep their code for review."""


def refused(code: int) -> int:
    """The code of a negated act of root ``code``: :data:`REJECT` for :data:`REFUSED_CODES`, else the
    root itself."""
    return REJECT if code in REFUSED_CODES else code


YIELD = 8
"""CAMEO 08, yield: "087 de-escalate military engagement", "080 yield"."""
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
    制裁委员会, 制裁专家, since round 7 制裁会议; :data:`_ZH_MODIFIER_OF`): talks or a committee on
    sanctions impose nothing, so "恢复制裁谈判" is the talks (04), not sanctions (16). Not before
    决议 or 名单 (a sanctions resolution, a sanctions list name what is imposed). Since round 7
    the same holds for a cue that ends in the noun (解除制裁, 取消制裁: 08): "解除制裁谈判" are
    talks on lifting sanctions, no easing; and when its verb halts (取消, 撤销, 停止 …) and no
    verb of talks or 的 stands before it, the verb is the act, halting the talks (16, 164:
    "美国取消制裁谈判" calls the talks off).

    Narrowed in round 8: only the bare noun (as before round 7) and an easing cue (08) are read so,
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
            # round 7: 美国取消制裁谈判 calls the talks off (164), 取消 being the act, not easing (08)
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


def zh_question_cues(flat: str, lang: str, cues: Sequence[Cue], names: Sequence[Mention] = ()) -> list[Cue]:
    """``cues`` without the act a topic question names (round 7): after 就, 对, 关于, 围绕 and a
    question word (是否, 能否, 可否, 应否, 如何, 怎样, 何时; :data:`_ZH_QUESTION`) the first cue is what
    is asked about, no act of the clause: "中美就是否制裁朝鲜存在分歧" is a disagreement over sanctions,
    none imposed, and "中美对是否恢复谈判看法不一" none resumed. The question's verb is its first cue
    after the question word, within :data:`QUESTION_REACH` characters and no clause mark; up to
    :data:`QUESTION_OBJECTS` cues of disapproval or conflict (11-20) right after it, with nothing
    between but ``names`` and 的, are its object and asked about too ("对是否支持制裁保持沉默": 制裁
    is what would be supported; "就如何谴责朝鲜核试验与美国磋商": the test is what would be
    condemned). A cooperative noun after the asked verb (就是否参加会谈…) stays a cue, left to the
    clause's cue choice as before round 8, and so does a later cue the question does not reach: the
    clause's predicate ("就是否恢复谈判进行磋商": the consultation, 04). A question with its own
    subject, names only between the preposition and the question word (韩国对朝鲜是否进行核试验表示关切,
    review 9), drops only its cues of 11-20 up to the clause's act after them (:func:`_stretch`).

    The asked cues are removed from the cues that type an event only; rule 1b still cuts clauses by
    them (extract keeps the full list for :func:`hexatable.ingest.clauses.subjects_clauses`), so the
    question's clause is not joined to the next one. Cues are looked up by offset: the cost is
    linear in the questions and cues (a bisection per question).

    >>> from hexatable.ingest.types import Cue
    >>> asked = Cue(5, 7, "制裁", 16, "制裁", 1.0)
    >>> [c.text for c in zh_question_cues("中美就是否制裁朝鲜存在分歧", "zh", [asked])]
    []
    """
    if lang != "zh":
        return list(cues)
    ordered = sorted(cues, key=lambda c: (c.start, -c.weight))
    starts = [c.start for c in ordered]
    spans = sorted((m.start, m.end) for m in names)
    asked: set[int] = set()
    for question in _ZH_QUESTION.finditer(flat):
        low, high = question.span("subject")
        if high > low and not _names_only(flat, low, high, spans):
            continue  # 对朝鲜实施制裁是否有效…: the words before the question word are no subject
        k = bisect.bisect_left(starts, question.end())
        if k == len(ordered):
            continue
        gap = flat[question.end() : ordered[k].start]
        if len(gap) > QUESTION_REACH or _ANY_MARK.search(gap):
            continue
        if high > low:
            # a question with its own subject (对朝鲜是否进行核试验表示关切): only its cues of 11-20
            # are dropped, and only when the clause's act follows it (review 9)
            asked.update(_stretch(flat, ordered, k, spans))
            continue
        end, objects = ordered[k].end, 0
        asked.add(ordered[k].start)
        for j in range(k + 1, len(ordered)):
            cue = ordered[j]
            if cue.start < end:
                asked.add(cue.start)  # a shorter cue inside the asked one
                continue
            if (
                objects == QUESTION_OBJECTS
                or cue.cameo < DISAPPROVE
                or not _object_gap(flat, end, cue.start, spans)
            ):
                break  # a cooperative noun (参加会谈) is left to the clause's cue choice
            asked.add(cue.start)
            end, objects = max(end, cue.end), objects + 1
    return [c for c in cues if c.start not in asked]


def _names_only(flat: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``flat[start:end]`` is covered by names (``spans``, sorted) alone."""
    covered = start
    for low, high in spans:
        if low <= covered < high:
            covered = high
    return covered >= end


def _stretch(flat: str, ordered: Sequence[Cue], k: int, spans: Sequence[tuple[int, int]] = ()) -> set[int]:
    """The starts of the cues of 11-20 in a question's stretch, from its first cue ``ordered[k]`` to
    the first later cue of another root in the same clause, the clause's own act outside the
    question (韩国对朝鲜是否进行核试验表示关切: the test is asked about, the concern is expressed;
    review 9). Nothing when no such cue follows (the clause's act may be the asked one) or when the
    first cue is of another root (对朝鲜是否遵守协议表示怀疑 is left to the clause's cue choice). Nothing
    either when a name (``spans``, sorted) stands between the first cue and the clause's act
    (日本对朝鲜是否谴责韩国表示关切, review F10): with the asked verb dropped, that name read as a
    subject of the act outside the question; such a clause is read as before review 9, whole."""
    if not DISAPPROVE <= ordered[k].cameo <= _CONFLICT_TOP:
        return set()
    inside: set[int] = {ordered[k].start}
    for cue in ordered[k + 1 :]:
        if _ANY_MARK.search(flat, ordered[k].end, cue.start) is not None:
            return set()
        if not DISAPPROVE <= cue.cameo <= _CONFLICT_TOP:
            named = any(ordered[k].end <= low < cue.start for low, _ in spans)
            return set() if named else inside
        inside.add(cue.start)
    return set()


def _object_gap(flat: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``flat[start:end]`` holds nothing but names (``spans``, sorted) and 的: what may stand
    between an asked verb and its object (支持制裁, 谴责朝鲜核试验, 实施新的制裁 not: 新 is a word)."""
    if end - start > QUESTION_REACH:
        return False
    rest = list(flat[start:end])
    k = bisect.bisect_left(spans, (start - QUESTION_REACH, 0))
    for low, high in spans[k:]:
        if low >= end:
            break
        for i in range(max(low, start), min(high, end)):
            rest[i - start] = " "
    return "".join(rest).replace(" ", "") in ("", "的")


_ZH_QUESTION = re.compile(
    r"(?:就|(?<![反相面绝针])对|关于|围绕)(?P<subject>[^，,；;：:。！？!?就对关围]{0,8}?)"
    r"(?:是否|能否|可否|应否|如何|怎样|何时)"
)
"""A topic preposition and a question word: what the clause is about is a question (就是否…,
对如何…), not an act done. Names only may stand between them, the question's subject (对朝鲜是否…,
review 9)."""
QUESTION_REACH = 8
"""The most characters between a question word and the verb it asks about (是否对朝鲜实施制裁), and
between that verb and its object."""
QUESTION_OBJECTS = 2
"""The most cues read as the object of a question's verb (:func:`zh_question_cues`)."""


def en_stopovers(flat: str, lang: str, cues: Sequence[Cue]) -> list[Cue]:
    """``cues`` with a phrasal "stop by", "stop over", "stop in" read as a visit (round 7): the
    dictionary's "stop" is 16 (reduce relations: "stopped talks", "stopped aid"), but "China stopped
    by Seoul", "stopped over in Tokyo", "stopped in Pyongyang" make a visit, CAMEO 042 (root 04).
    Each is a visit only before a place's name (:data:`_EN_PLACE_AFTER`: capitalised, no month or
    weekday, not a modifier of a lower-case noun), since round 8 "by" and "over" as "in" in round 7:
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
_EN_MONTHS_DAYS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_EN_PLACE_AFTER = (
    rf"\s+(?:the\s+)?(?!(?:{_EN_MONTHS_DAYS})\b)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*"
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
"in" before a place's name (round 8: "by" and "over" too, as "in" was in round 7)."""
_EN_BE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
"""A form of "be" or "get" right before "stopped": a passive, whose "by" names the agent."""


def fallbacks_yield(cues: Sequence[Cue]) -> list[Cue]:
    """The cues of one clause with its fallback cues (:attr:`Cue.fallback`: join, 加入, establish,
    建立, destroy, recognize) dropped when it has any other cue.

    A clause is typed by its first cue (the weight only ranks cues at one position), so a weak verb
    before the act would type it: "Russia joined the United States in condemning the test" is a
    condemnation (11), "日本加入联合国制裁行列" sanctions (16), "Japan established an inquiry" an
    investigation (09), "the village was destroyed by Israeli air strikes" force (19). Such a verb
    types the clause only when nothing else does but a verb of saying (01, weight at most
    :data:`SAYING_WEIGHT`): "the OPCW and the UN announced the establishment of a joint mission"
    reports the mission set up, and the rules of reported acts (rule 3b) choose between the two as
    for any act said; nor is a meeting noun right before it, its subject ("和平会议确立和平进程框架":
    the conference set up a framework, :func:`zh_predicate`) (round 8).

    >>> join, condemn = Cue(7, 13, "joined", 5, "join", 0.4, True), Cue(35, 45, "condemning", 11, "condemn")
    >>> [c.entry for c in fallbacks_yield([join, condemn])]
    ['condemn']
    >>> [c.entry for c in fallbacks_yield([join])]
    ['join']
    """
    starts = {c.start for c in cues if c.fallback}
    acts = [
        c
        for c in cues
        if not c.fallback
        and not (c.cameo == NO_CUE_CAMEO and c.weight <= SAYING_WEIGHT)
        and not (c.entry in _ZH_MEETING_NOUNS and c.end in starts)  # 会议确立…: its subject
    ]
    return [c for c in cues if not c.fallback] if acts else list(cues)


_CLAUSE_REST = r"[^，,。；;：:！？!?“”\"]"
_WEAK_SENSES: dict[str, re.Pattern[str]] = {
    "加入": re.compile(
        rf"了?(?:$|[，,。；;：:！？!?、]|(?:之|以)?后|进来|其中|{_CLAUSE_REST}{{0,12}}?"
        r"(?:条约|公约|协定|议定书|组织|机构|联盟|同盟|联合国|北约|欧盟|东盟|世贸|集团|机制))"
    ),
    "建立": re.compile(
        rf"(?![在于])了?{_CLAUSE_REST}{{0,12}}?(?:机制|框架|关系|合作|伙伴|对话|热线|渠道|联络|工作组|委员会|论坛)"
    ),
    "join": re.compile(
        r"\s+(?:the\s+)?(?:(?:UN|EU|United Nations|European Union"
        r"|(?!(?:USA|DPRK|PRC|ROK|UAE|USSR)\b)[A-Z]{3,})\b"
        r"|(?i:(?:[\w-]+\s+){0,3}?(?:treaty|convention|protocol|agreement|organi[sz]ation|"
        r"alliance|union|bloc|coalition|group|mechanism))\b)"
    ),
    "establish": re.compile(
        r"\s+(?:[\w-]+\s+){0,4}?(?:mechanism|framework|relations|ties|channel|hotline|dialogue|partnership|"
        r"working group|commission|committee|forum|contact|alliance|joint|mission)\b",
        re.IGNORECASE,
    ),
    "recognize": re.compile(
        r"\s+(?:the\s+)?(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?![\w.-])(?!\s+[A-Z])(?!['’]s\b)"
        r"|(?:[\w'’-]+\s+){0,2}?(?:independence|sovereignty|government|state|statehood|regime|annexation)\b)"
    ),
    "destroy": re.compile(
        r"\s+(?:(?:all\s+(?:of\s+)?)?(?:its|their\s+own)\s+(?:[\w-]+\s+){0,2}?(?:weapons|arsenal|stockpiles?|"
        r"missiles|warheads?|centrifuges|munitions)\b|(?:the\s+)?(?:[\w-]+\s+){0,2}?cooling tower\b)",
        re.IGNORECASE,
    ),
    "annex": re.compile(
        r"\s+(?:the\s+)?(?:[A-Z]|(?:[\w-]+\s+){0,3}?(?:territory|territories|region|province|district|"
        r"islands?|lands?|peninsula|areas?|city|town|villages?|parts?)\b)"
    ),
}
"""The object a fallback cue (and annex) needs after it to be read in its codebook sense:
- 加入, join: an organisation or a treaty (not 加入了新内容, "joined by"); 加入 with no object (at the
  clause's end, before 后: "三国加入后形成六国") joins the group the text is about;
- 建立, 确立, establish: a joint body (机制, 框架, 关系, mechanism, relations; not 建立在…基础上,
  建立新政府, 确立…路线, "established that", "established an inquiry");
- join (round 9): the organisation's acronym or name (the UN, NATO, the European Union; not a state's
  acronym, USA, DPRK) or a treaty word; not any capitalised word ("Japan joined China in Beijing");
- recognize: a state (a name not followed by 's, "the independence of", "Kosovo's independence"; not
  "recognized as", "the efforts", since round 9 not "North Korea's security concerns");
- destroy: one's own arms (since round 9 only "its …weapons", "their own …missiles", "all its
  stockpiles" or a cooling tower; not "their homes", "Hezbollah weapons depots": an attack);
- annex: territory (a name, "the territory"; not "annexed a list of sites to its declaration").
Any inflection of the entry reads the same object."""
COOPERATE = 6
"""CAMEO 06, engage in material cooperation."""
_EN_BE_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_WEAK_SENSE_ENTRIES = {"recognise": "recognize", "establishment of": "establish", "确立": "建立"}
_EN_LEAVING = frozenset(["leave the talks", "leave talks", "leave the negotiations"])
_EN_BRIEF_ABSENCE = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+"
    r"(?:early|temporarily|briefly|for consultations|to consult|for a break|for the day)\b",
    re.IGNORECASE,
)
"""After leaving the talks: an absence that ends ("left the talks early for consultations in Tehran"),
a recall for consultation at most, not the talks halted (164)."""
_ZH_TEAM_BEFORE = re.compile(r"(?<![军部舰编梯分支小特卫])队$")
"""A team (中国队, 球队) before 击退, not a force (军队, 部队, 舰队, 分队)."""
_ZH_NOT_FORCE_AFTER = re.compile(rf"{_CLAUSE_REST}{{0,6}}?(?:企业|公司|银行|股份|资产|市场)")
"""吞并 before a firm (a company's takeover), not territory."""


def weak_senses(flat: str, lang: str, cues: Sequence[Cue]) -> list[Cue]:
    """``cues`` without the many-sensed cues used in another sense (:data:`_WEAK_SENSES`): a fallback
    cue without the object its code needs, or after a passive (English: "was recognized as leader",
    "is a well-established member"); 吞并 of a firm ("吞并企业", a takeover) and 击退 after a team (队:
    "中国队击退对手", a match), which are no force; a cue of cooperation (06) inside the object of a
    fallback cue kept, which names the kind of body joined or set up (加入上海合作组织, 建立战略合作
    伙伴关系: 05, not 06); leaving the talks for a while ("left the talks
    early for consultations"), which halts nothing (round 8).

    >>> weak_senses("日本加入了新内容", "zh", [Cue(2, 4, "加入", 5, "加入", 0.4, True)])
    []
    >>> [c.entry for c in weak_senses("日本加入联合国", "zh", [Cue(2, 4, "加入", 5, "加入", 0.4, True)])]
    ['加入']
    """
    kept: list[Cue] = []
    body_until = -1
    for cue in cues:
        if cue.cameo == COOPERATE and cue.end <= body_until:
            continue  # 加入上海合作组织, 建立战略合作伙伴关系: the body's kind, not an act
        entry = _WEAK_SENSE_ENTRIES.get(cue.entry, cue.entry)
        needed = _WEAK_SENSES.get(entry)
        if needed is not None:
            found = needed.match(flat, cue.end)
            if found is None:
                continue
            body_until = found.end()
            if lang == "en" and (
                _EN_BE_PASSIVE.search(flat, max(0, cue.start - 30), cue.start)
                or flat[cue.start - 1 : cue.start] == "-"
            ):
                continue
        if cue.entry in _EN_LEAVING and _EN_BRIEF_ABSENCE.match(flat, cue.end):
            continue
        if cue.entry == "吞并" and _ZH_NOT_FORCE_AFTER.match(flat, cue.end):
            continue
        if cue.entry == "击退" and _ZH_TEAM_BEFORE.search(flat, max(0, cue.start - 2), cue.start):
            continue
        kept.append(cue)
    return kept


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
    if target.cameo < 14 or len(gap) > HALTED_REACH or _ANY_MARK.search(gap):
        return cue
    return replace(cue, cameo=YIELD)


_ANY_MARK = re.compile(r"[，,；;：:。！？!?]")
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
            if len(gap) > HALTED_REACH or _ANY_MARK.search(gap):
                continue
        kept.append(cue)
    return kept


# --- Chinese -----------------------------------------------------------------------------------------

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
to the words around it (round 7; 国台办, 国安, 国资委 and 方为 round 8)."""


def zh_modifies(flat: str, cue: Cue) -> bool:
    """Whether a Chinese cue describes a noun rather than saying what the clause's subject did.

    A relative clause or verbal modifier ends in 的 before its noun ("正在平壤访问的泰国外长", "情报机构
    提供的信息", "根据协议冻结的核计划"); a cue right before 问题 names a topic ("制裁问题", the sanctions
    issue). Not a 的 that ends the clause ("是去年颁布的。", the predicate's), nor one before a noun of
    content (消息, 决定, 计划, 意愿, 提议, 要求, 承诺, 声明: "公布了将举行会谈的消息" announces the talks,
    the clause before 的 being what the news says). A cue right after 的 is a noun itself ("按照共同
    文件的要求", the document's requirements; "美方的指责", the US accusation), not the act. A cue
    before 国 or 方 as the head of a noun of parties (签署国, 谈判方: :data:`_ZH_PARTY_HEAD`) describes
    that noun too (round 7).

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
    if len(gap) > SUBJECT_GAP or "了" in gap or _ZH_CLAUSE_MARK.search(gap) or _ZH_PREPOSITION.match(gap):
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
        if len(predicate) > TIME_CLAUSE_REACH or _ANY_MARK.search(predicate):
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
    if rest[1] - rest[0] > NEGATION_REACH or _ANY_MARK.search(flat, rest[0], rest[1]):
        return False
    return not any(rest[0] <= m.start < rest[1] for m in names if m is not name)


_ZH_TITLE_SPAN = re.compile(r"《[^《》]*》")
_ZH_ADOPTION = re.compile(
    r"(通过|批准)了?[^《》，,。；;]{0,12}?《([^《》]*(?:共同|联合)[^《》]*|[^《》]*(?:协议|协定|条约|公报|宣言))》"
)
ADOPTION_WEIGHT = 0.9
"""The weight of an adoption found by :func:`zh_adoption` (a usual cue's band)."""


def zh_adoption(flat: str, start: int, end: int) -> Cue | None:
    """The adoption of an agreed text in ``flat[start:end]``, as a cue of 05, else None.

    "与会各方一致通过《第四轮六方会谈共同声明》": the parties adopt a joint statement, which the codebook
    codes as the signing of a formal agreement (057), though 通过 ("pass", "through") is no cue and the
    title's own words (会谈, 共同声明) are names, passed over by rule 3b. The verb is 通过 or 批准
    (adopt, approve) with the title after it (up to 12 characters between), and the title names an
    agreed text: a joint (共同, 联合) text, or an agreement, accord, treaty, communiqué or declaration
    (协议, 协定, 条约, 公报, 宣言). Not a resolution (决议), whose code is what it decides, nor a text one
    party issues (发表声明, 01).

    >>> zh_adoption("各方一致通过《北京共同声明》", 0, 14).cameo
    5
    >>> zh_adoption("安理会通过《第99号决议》", 0, 13) is None
    True
    """
    match = _ZH_ADOPTION.search(flat, start, end)
    if match is None:
        return None
    verb = match.group(1)
    return Cue(match.start(1), match.end(1), verb, 5, verb, ADOPTION_WEIGHT)


_SANCTIONS = frozenset(
    [
        "制裁",
        "实施制裁",
        "加强制裁",
        "禁运",
        "列入黑名单",
        "impose sanctions",
        "sanction",
        "sanctions",
        "embargo",
    ]
)
"""Cues of 163 (impose embargo, boycott or sanctions), as nouns or verbs."""
_ZH_IMPOSED = frozenset(["实施制裁", "加强制裁", "列入黑名单"])
"""Sanctions cues that are themselves the act of imposing (a verb and its object)."""
_ZH_IMPOSING = re.compile(r"(实施|施加|实行|采取|追加|加强|进行)[^，,。；;：:“”]{0,24}$")
"""A verb of imposing before a sanctions noun, with at most its object's modifiers between (实施新的
制裁, 实施武器禁运, 实施与核武器、大型武器有关的禁运): the noun is the act's object. Not a noun that is
the object of another verb (恢复制裁谈判, 取消对古巴的禁运: ending it is no imposing)."""
_ZH_MODIFIED = re.compile(r"委员会|谈判|会谈|会议|问题|名单|清单|决议|专家")
"""Nouns a sanctions noun right before them describes (制裁委员会, 制裁谈判): no sanctions imposed."""
_EN_IMPOSING = re.compile(
    r"\b(impos|tighten|toughen|expand|extend|strengthen|slap|levy|levi)\w*\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""A verb of imposing up to three words before "sanctions", "embargo": "imposing new sanctions". Not
"an end to the US embargo", "the sanctions committee"."""
_ZH_RESOLUTION = re.compile(r"(?:通过|批准)了?[^，,。；;]{0,30}?决议")
_EN_RESOLUTION = re.compile(r"\b(?:adopt|pass|approv)\w*\b[^.;]{0,60}?\bresolution\b", re.IGNORECASE)
"""The subject adopts a resolution ("the Council adopted a resolution"); not a resolution said to be
adopted by someone ("condemned the resolution adopted by the Council"), whose adopter is no subject."""
SUBJECT_REACH = 16
"""The most characters between a clause's subject and the adoption it makes (adverbs, a date):
"安理会15日一致通过决议", "the Security Council on Monday unanimously adopted"."""
_ADOPTER_GAP = re.compile(r"[，,；;：:。.!?！？、“”]")
_ZH_NUMBER = r"[\d一二三四五六七八九十零〇两]+"
_ZH_VOTE = re.compile(rf"以{_ZH_NUMBER}票赞成(?:[、，,]?{_ZH_NUMBER}票(?:反对|弃权))*|以全票")
"""A vote tally before an adoption, as resolutions are reported ("以15票赞成0票反对一致通过"): its
赞成 and 反对 are the tally's words, no act between the subject and its adoption."""
_ZH_ADOPTION_FRAME = re.compile(
    r"(?:经过?|在|于)[^，,。；;：:、“”]{1,16}?(?:之?后|以后|上|中|下|期间|之际|时)"
)
"""An adverbial frame between a subject and its adoption ("安理会经过多轮磋商后一致通过", "在会议上通过",
"在美国提议下通过"): when and how the subject adopted, so its cues (磋商) and names are set aside as a
vote tally's are (since the second review of round 6)."""


def _imposing(flat: str, low: int, cue: Cue, lang: str, others: Sequence[Cue] = ()) -> int | None:
    """Where the act of imposing that ``cue`` (a sanctions cue) names starts, else None: the cue
    itself when it holds the verb (实施制裁, "imposing sanctions"), else a verb of imposing right before
    it (:data:`_ZH_IMPOSING`, :data:`_EN_IMPOSING`) with none of ``others`` (the clause's other cues)
    between, and not before a noun it describes (:data:`_ZH_MODIFIED`)."""
    if cue.entry in _ZH_IMPOSED or "impos" in cue.text.lower():
        return cue.start
    if lang == "zh" and _ZH_MODIFIED.match(flat, cue.end):
        return None
    pattern = _ZH_IMPOSING if lang == "zh" else _EN_IMPOSING
    found = pattern.search(flat, max(low, cue.start - 40), cue.start)
    if found is None or any(found.end(1) <= c.start < cue.start for c in others):
        return None  # another act between: the noun is its object
    return found.start()


def resolution_sanctions(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> Cue | None:
    """The sanctions a resolution adopted in ``flat[low:high]`` by the clause's ``subject`` imposes,
    as the cue that types the event, else None (round 6).

    A resolution is coded by what it decides (rule 3d (v)); when it imposes sanctions or an embargo
    the codebook's 163 (impose embargo, boycott or sanctions, root 16) is its act, however many
    condemnations and demands (111, 10) it also voices: "安理会通过第99号决议，对该国实施武器禁运",
    "the Council adopted a resolution that demands a halt and imposes sanctions". Only the subject's
    own adoption: the adoption verb (通过, 批准 … 决议; adopt, pass, approve … resolution) follows the
    subject within :data:`SUBJECT_REACH` characters (a vote tally, :data:`_ZH_VOTE`, aside) with no
    cue, clause mark or other name (``names``) between ("朝鲜谴责安理会通过决议…" is the DPRK's
    condemnation). The sanctions are imposed (a verb
    of imposing, :func:`_imposing`), after the adoption, with no easing act (08: 解除, lift) between,
    and not negated (不对朝鲜实施新的制裁).

    >>> from hexatable.ingest.types import ActorMention, Cue
    >>> ban = Cue(17, 19, "禁运", 16, "禁运", 1.0)
    >>> council = ActorMention(0, 3, "安理会", "UNSC", "case", None)
    >>> resolution_sanctions("安理会通过第99号决议，对该国实施武器禁运", 0, 21, [ban], "zh", council).cameo
    16
    >>> cmte = Cue(10, 12, "制裁", 16, "制裁", 1.0)
    >>> resolution_sanctions("安理会通过决议，关于制裁委员会的工作", 0, 18, [cmte], "zh", council) is None
    True
    """
    imposed = [
        cue
        for cue, negated in _resolution_imposing(flat, low, high, cues, lang, subject, names)
        if not negated
    ]
    return imposed[0] if imposed else None


def resolution_declined(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> list[Cue]:
    """The sanctions cues a resolution adopted by the clause's ``subject`` in ``flat[low:high]``
    declines to impose (round 7): the imposings that :func:`resolution_sanctions` reads, every one
    negated ("安理会通过决议，不对朝鲜实施新的制裁", "adopted a resolution that does not impose
    sanctions"), else none: a resolution that declines one embargo but imposes other sanctions
    ("不对朝鲜实施武器禁运，但对朝鲜实施金融制裁") imposes them, and :func:`resolution_sanctions` codes
    it 163. The declined sanctions are no act of the clause: negated, they are no rejection either
    (rule 3d (iii): not sanctioning is no refusal of cooperation); the resolution is coded by the
    clause's next act after them ("不对朝鲜实施制裁，并谴责朝鲜核试验": 111), else 01, the statement
    a resolution that decides nothing codable is (extract's rule 3d (v)).

    >>> from hexatable.ingest.types import ActorMention, Cue
    >>> council = ActorMention(0, 3, "安理会", "UNSC", "case", None)
    >>> ban = Cue(16, 18, "制裁", 16, "制裁", 1.0)
    >>> resolution_declined("安理会通过决议，不对朝鲜实施新的制裁", 0, 18, [ban], "zh", council) == [ban]
    True
    """
    found = _resolution_imposing(flat, low, high, cues, lang, subject, names)
    return [] if any(not negated for _, negated in found) else [cue for cue, _ in found]


def _resolution_imposing(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> list[tuple[Cue, bool]]:
    """The sanctions cues imposed by a resolution the clause's ``subject`` adopts, each with whether
    its imposing is negated, up to the first easing act; none when there is no such adoption (the
    reading :func:`resolution_sanctions` documents)."""
    if subject is None or not low <= subject.end <= high:
        return []
    pattern = _ZH_RESOLUTION if lang == "zh" else _EN_RESOLUTION
    adoption = pattern.search(flat, subject.end, min(high, subject.end + SUBJECT_REACH + 64))
    if adoption is None:
        return []
    gap = (subject.end, adoption.start())
    votes = (
        [(m.start(), m.end()) for m in _ZH_VOTE.finditer(flat, *gap)]
        + [(m.start(), m.end()) for m in _ZH_ADOPTION_FRAME.finditer(flat, *gap)]
        if lang == "zh"
        else []
    )
    if (
        gap[1] - gap[0] - sum(b - a for a, b in votes) > SUBJECT_REACH
        or _ADOPTER_GAP.search(flat, *gap)
        or any(gap[0] <= c.start < gap[1] and not any(a <= c.start < b for a, b in votes) for c in cues)
        or any(
            gap[0] <= m.start < gap[1] and not any(a <= m.start < b for a, b in votes)
            for m in names
            if m is not subject
        )
    ):
        return []  # another's adoption: "朝鲜谴责安理会通过决议", "after the Council passed"
    after = sorted((c for c in cues if adoption.start() <= c.start < high), key=lambda c: c.start)
    found: list[tuple[Cue, bool]] = []
    for cue in after:
        if cue.cameo == YIELD:
            break  # 解除制裁, "lifts the sanctions": easing, not imposing
        if cue.entry.lower() not in _SANCTIONS:
            continue
        start = _imposing(flat, adoption.end(), cue, lang, [c for c in cues if c is not cue])
        if start is None:
            continue  # a sanctions noun that is no act imposed: 制裁委员会, "the sanctions committee"
        act = replace(cue, start=start) if start < cue.start else cue
        negated = zh_negated(flat, act, []) if lang == "zh" else en_negated(flat, act)
        found.append((cue, negated))
    return found


_ZH_MEETING_NOUNS = frozenset(["会谈", "谈判", "会议", "会晤", "峰会", "磋商", "对话", "首脑会晤"])
"""Cues that are nouns of a meeting as often as verbs: the subject of a later predicate."""
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
    if cue.entry not in _ZH_MEETING_NOUNS:
        return cue
    link = _ZH_PREDICATE_LINK.match(flat, cue.end)
    at = link.end() if link is not None else cue.end
    return next((c for c in cues if c.start == at and c.cameo != cue.cameo), cue)


MEET = 4
"""CAMEO 04, consult: meetings, visits, talks (040-046)."""
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
    return act.entry not in _ZH_MEETING_NOUNS


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
_ZH_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?、“《「]")
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
    mark = max((m.end() for m in _ZH_CLAUSE_MARK.finditer(window)), default=0)
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
    mark = max((m.end() for m in _ZH_CLAUSE_MARK.finditer(window)), default=0)
    return _ZH_MODAL.search(window, mark) is not None


def zh_negated(flat: str, cue: Cue, cues: Sequence[Cue]) -> bool:
    """Whether a Chinese cue is refused or said not to have happened (:func:`zh_negation`), not
    merely qualified by a modal 不 (不一定参加: neither done nor refused, so it keeps its code)."""
    return zh_negation(flat, cue, cues) in ("refusal", "fact")


_ZH_QUOTE = re.compile(r"“[^“”]*”")
_ZH_SPEECH_BEFORE = re.compile(r"(?:[：:，,]|表示|称|说|指出|强调|宣布|声明|认为|重申|写道)\s*$")
_ZH_DOING_BEFORE = re.compile(r"(?:发起|发动|展开|开展|启动|实施|举行|进行)了?\s*$")
"""A verb of launching or carrying out before a quotation: what the quotation names is the act done
("宣布发起“特别军事行动”", "开展“联合行动”"), so it keeps its cues (round 7), when the quotation is
the verb's whole object (:data:`_ZH_QUOTE_ENDS_OBJECT`)."""
_ZH_QUOTE_ENDS_OBJECT = re.compile(r"$|[\s，,。；;：:！？!?、）)]|并|和|及|与")
"""What follows a quotation that is a verb's whole object: the clause's end or a joined act. A noun
after it is the head the quotation names ("启动“援助朝鲜”计划": a programme called so, 030 by 计划,
not aid given; round 8)."""


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
    whose object it names: "宣布发起“特别军事行动”" is the operation (round 7); but not one with a noun
    after it, the head the quotation names ("启动“援助朝鲜”计划" is a programme, round 8).

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
    given, another party's act or an accusation, not what the subject did (round 6).

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
给予 and 加以 ("give", round 7) are the formal ones ("对朝鲜核试验予以谴责", "对该决定加以批评"), and
感到 ("feel", round 7) the one of a stance ("对会谈的成果感到满意": the satisfaction, not the talks). The
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
    ``cues`` after the verb, within :data:`CARRIED_REACH` characters and no clause mark. Since round 7
    a light verb carries without a topic phrase too when its object is an act of disapproval done by
    saying (a cue of 11-14 since round 8, 11-20 in round 7: "中国提出抗议", "提出强烈抗议", "表示谴责";
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
    if len(gap) > CARRIED_REACH or _ANY_MARK.search(gap):
        return verb
    if not topic and (
        not DISAPPROVE <= carried.cameo <= LODGED
        or not _ZH_OBJECT_MANNER.fullmatch(gap)
        or not _ZH_OBJECT_END.match(flat, carried.end)
    ):
        # 提出建议, 提出方案: a proposal put forward is 提出's own act (030), and so is 提出制裁
        # (sanctions proposed, none imposed: round 8); 表示准备制裁,
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
DISAPPROVE = 11
_CONFLICT_TOP = 20
"""The highest root of disapproval or conflict (11-20) a question's stretch may hold."""
LODGED = 14
"""The highest root a light verb with no topic phrase carries (:func:`zh_carried`): 11-14 are acts
done by saying (disapprove, reject, threaten, protest), so 表示反对, 提出抗议 do them; 15-20 are acts
done in the world (a force posture, sanctions, coercion), which 提出 only proposes (提出制裁: 030)."""
"""CAMEO 11, disapprove; 114 "complain officially" is a protest lodged (提出抗议, 表示抗议), where 14 is
a protest in the street (140-145: demonstrations, hunger strikes, strikes, obstruction)."""


# --- English -----------------------------------------------------------------------------------------

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
what ought, need or may not be done, as the Chinese modal 不 (不应, 不必, :func:`zh_negation`)."""


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
