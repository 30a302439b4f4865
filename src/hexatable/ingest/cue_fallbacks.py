"""Fallback cues and weak senses: a many-sensed cue types a clause only in its codebook sense.

Fallback verbs (join, 加入, establish, 建立, destroy, recognize) yield to any other act of their clause
(:func:`fallbacks_yield`), and they and a few other cues (annex, 吞并, 击退, leaving talks) count only
with the object their code needs (:func:`weak_senses`): rule 3d of docs/ingest.md and the fallback
rows of docs/ingest-dictionaries.md."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.cue_codes import NO_CUE_CAMEO, SAYING_WEIGHT, ZH_MEETING_NOUNS
from hexatable.ingest.types import Cue


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
    the conference set up a framework, :func:`hexatable.ingest.cue_choice.zh_predicate`).

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
        and not (c.entry in ZH_MEETING_NOUNS and c.end in starts)  # 会议确立…: its subject
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
- join: the organisation's acronym or name (the UN, NATO, the European Union; not a state's
  acronym, USA, DPRK) or a treaty word; not any capitalised word ("Japan joined China in Beijing");
- recognize: a state (a name not followed by 's, "the independence of", "Kosovo's independence"; not
  "recognized as", "the efforts", "North Korea's security concerns");
- destroy: one's own arms (only "its …weapons", "their own …missiles", "all its
  stockpiles" or a cooling tower; not "their homes", "Hezbollah weapons depots": an attack);
- annex: territory (a name, "the territory"; not "annexed a list of sites to its declaration").
Any inflection of the entry reads the same object."""
COOPERATE = 6
"""CAMEO 06, engage in material cooperation."""
_EN_BE_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_WEAK_SENSE_ENTRIES = {"recognise": "recognize", "establishment of": "establish", "确立": "建立"}
_EN_LEAVING = frozenset(
    [
        "leave the talks",
        "leave talks",
        "leave the negotiations",
        "leave the six-party talks",
        "leave the six-way talks",
    ]
)
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
    early for consultations"), which halts nothing.

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
