"""Who acts in a clause and who is acted on: actors, targets, places, passives and inverted speakers.

Extraction (:mod:`hexatable.ingest.extract`) splits a clause's names into the actors who did the act and
the targets it was done to or about (rule 3). These rules decide that from the names' positions around
the clause's main cue: which names are only places (在北京, "in Geneva") or modify another noun (朝鲜半岛,
"sanctions committee") and are no party; which stand after a preposition of direction, 就 "about", 把,
or a frame (在…斡旋下) and are targets; which stand after a passive's agent marker (被, "by") and act
on the subject; when a government word or an affiliation folds a name into its state; and which names
the gazetteer only proposes. They read names and cues found elsewhere and choose no cue themselves,
which keeps this job apart from the cue choice (:mod:`hexatable.ingest.cue_choice`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from hexatable.ingest import names as titles
from hexatable.ingest.clauses import CLAUSE_MARK, ZH_TOWARD
from hexatable.ingest.cue_codes import DISAPPROVE, EN_MEETING_NOUNS, NO_CUE_CAMEO, REJECT, SAYING_WEIGHT
from hexatable.ingest.dates import quoted_spans
from hexatable.ingest.en_stopovers import EN_MONTHS_DAYS
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.types import ActorMention, Cue, Lang
from hexatable.ingest.zh_passive import ZH_AGENT_MARKERS, ZH_PASSIVE_MARKERS, alternation


class ActorFinder(Protocol):
    """What :func:`~hexatable.ingest.extract.extract` needs of a gazetteer
    (:class:`hexatable.ingest.gazetteer.Gazetteer`)."""

    def find(self, text: str, lang: Lang) -> list[ActorMention]: ...

    def propose(self, text: str, lang: Lang) -> list[ActorMention]: ...

    def label(self, actor_id: str, lang: Lang) -> str: ...

    def state_of(self, actor_id: str) -> str | None: ...


_ZH_TOPIC = re.compile(r"就(?:第[一二三四五六七八九十\d]+(?:轮|次|届|阶段))?$")
"""就 as a preposition ("on, concerning": 就六方会谈发表声明, 就第四轮六方会谈…发表声明): the name
after it, an ordinal of a round allowed between, is what the act is about, a target like a name after
a preposition of direction (就 as the adverb "then" stands before a verb, not a name)."""
_ZH_QUESTION_BEFORE = re.compile(
    r"(?:就|(?<![反相面绝针])对|关于|围绕)(?:是否|能否|可否|应否|如何|怎样|何时)[^，,。；;：:、]{0,8}$"
)
"""A topic question before a name (就是否制裁朝鲜…): the name is what is asked about, a target
as after 就, never a co-actor of the parties who ask."""
QUESTION_BEFORE = 14
"""How far before a name :data:`_ZH_QUESTION_BEFORE` is looked for."""
_ZH_DISPOSAL = ("把", "将")
"""把/将 before a noun put the verb's object before it (the disposal construction: "美方将朝鲜列为…",
"凯利将李根的话转述给…"): a name right after them is what is acted on, a target, not an actor. (将
before a verb is "will": 将于, 将在, 将举行 are not followed by a name.)"""
_ZH_LIST_JOINT = re.compile(r"、|和|及|以及|与")
"""What joins names listed after a preposition of direction (与韩国、美国和俄罗斯): the names after the
first are its targets too, not co-actors."""
_ZH_PLACE = re.compile(r"(?:(?<![存实自])在|(?<![关对由至属])于|驻)$")
"""A preposition of place right before a name (rule 3). Not the 在 of the words 存在, 实在, 自在. The
在 of 正在 and 所在 is still "at" before a name ("正在平壤访问", "研究所在日本举行": a venue; 正在与日本
协商 puts no name right after 在), and so is that of 现在 after a subject ("总统现在韩国访问"); only
现在 opening a clause is "now" (:data:`_ZH_NOW`)."""
_ZH_NOW = re.compile(r"(?:^|[，,；;：:。！？\s])现在$")
"""现在 "now" opening a clause ("现在日本、韩国都表示支持"): the name after it is a party."""
_ZH_AGENT_MARK = re.compile("(?:" + "|".join((*ZH_AGENT_MARKERS, "(?<![经理缘来])由")) + ")$")
"""Markers of the agent (rule 3, the passive: :data:`hexatable.ingest.zh_passive.ZH_AGENT_MARKERS`,
and 由): in "记者被朝鲜逮捕", "会谈由中方主持" the name right
after the marker acts and the subject before it is acted on (经由 "via", 理由 "reason" are no marker;
了 may stand between: 韩国受到了美国的批评);
so after a verb of receiving before the act (:data:`_ZH_RECEIVING`)."""
_ZH_RECEIVING = re.compile(r"(?:获得|得到|赢得|引起|引发|招致)了?$")
"""Verbs of receiving: the name after one acts only when what is received is an act noun that is the
event's cue, with at most 的 and an adverb between (:data:`_ZH_ACT_FILLER`: "获得韩国支持",
"引起韩国强烈谴责": Korea supports, condemns). Before a thing ("获得美国签证后访问韩国") or an act
noun another act follows ("赢得韩国支持后批评朝鲜", "获得美国同意，派遣代表团…") the name is a target:
the subject's own act is the event."""
ZH_NOUN_JOINT = re.compile(r"(?:和|及|以及|与|、)$")
"""What joins two act nouns received together (获得中国的援助和支持: both are received)."""
_ZH_ACT_FILLER = re.compile(r"的?(?:强烈|一致|高度|广泛|坚决|严厉|积极|大力|热烈|普遍|全力)?的?")
_ZH_FILLER_MAX = 4
"""The longest :data:`_ZH_ACT_FILLER` (的, an adverb of two characters, 的)."""
_ZH_UNDER_FRAME = re.compile(
    r"[^，,；;。：:在]{0,8}?(?:斡旋|主持|压力|见证|推动|协调|调解|支持|帮助|领导|倡议|监督|参与|陪同|邀请|安排)下"
)
"""The frame 在…下 ("under": 在中方的斡旋下, 在美国专家的见证下): the name after 在 is the party whose
mediation, pressure or witness it is, not a place, and a target wherever the frame stands (朝方将在
美国专家的见证下废弃…: the DPRK acts, the USA witnesses)."""
_ZH_PARTY_JOINT = re.compile(r"[与同跟向对给和及]")
"""A preposition of direction or a conjunction after a place introduces a party, not another place
(在北京与朝鲜举行会谈)."""
_ZH_PLACE_ITEM = r"[\u4e00-\u9fff]{1,5}[^\W\d中上后前时内外下里间期的]"
_ZH_PLACE_LIST = re.compile(
    rf"(?:(?<![存实自])在|(?<![关对由至属])于)({_ZH_PLACE_ITEM}(?:、{_ZH_PLACE_ITEM})*)、$"
)
"""A list of places after 在/于 (在日内瓦、新加坡举行): a name after its 、 is a place too, even when the
first place is no name the gazetteer knows (Geneva is no party). Not a list of times or frames
(美国在会谈中、韩国在会后…: an item ending in 中, 后, 时 … is no place), nor one after the 在 of a
word (存在) or of 现在 "now" (:data:`_ZH_NOW`). :func:`_zh_listed_place` also asks that each item
be a place, not an act."""
_ZH_ITEM_LEAD = re.compile(r"[与同跟向对给和及把被将并也还都又]")
"""A first character that makes a listed item a phrase, not a place: a preposition (正在与日本、韩国
协商) or an adverb (一直在都…)."""
EN_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
"""A form of "be" before the cue (an adverb in -ly allowed): the cue is a passive participle."""
EN_AGENT = re.compile(r"\s+by\s+(?:the\s+)?", re.IGNORECASE)
_EN_AGENT_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
"""What joins the agents of a passive listed after "by" (", ", " and ", ", and ", "the" allowed)."""
_EN_NEXT_AGENT = re.compile(r"\s*,?\s+and\s+(?:\w+ly\s+)?\w+ed\s+by\s+(?:the\s+)?", re.IGNORECASE)
"""A second participle with its own agent ("hosted by China and attended by Japan"): that agent acts
too."""
_EN_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|then|later|again|not)\s+)?(?:was|were|is|are|has|have|had|will|would|did|does|"
    r"said|says|\w+ed)\b",
    re.IGNORECASE,
)
"""A verb right after a name listed after "by" ("… by North Korea and South Korea was warned",
"… and China protested"): the name is the subject of a new clause, which ends the list of agents."""
EN_SAYING_AFTER = re.compile(r"\s+(?:said|says|stated|told|announced|added|noted)\b", re.IGNORECASE)
"""A verb of saying right after a name (", Japan said"): the clause is the name's report, whose main
cue stays that verb even when a passive with its agent stands before it."""
_EN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
"""A preposition of place right before a name: "in", "at"."""
_EN_FIRED_AT = re.compile(r"\bfir(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?at\s+(?:the\s+)?$", re.IGNORECASE)
""""fired at" before a name, with up to three words between ("fired a rocket at"): the name is what is
fired at, a target, no place."""
_EN_INTO = re.compile(r"\binto\s+(?:the\s+)?$", re.IGNORECASE)
_EN_INTO_AREA = re.compile(
    r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:waters|seas?|EEZ|zones?|territory|territories|airspace)\b",
    re.IGNORECASE,
)
"""After "into", a name is a place only before a word of a sea or an area ("fired into Japan's
waters", "into Japan's exclusive economic zone", "into Japan's air defense identification zone");
"sent troops into Ukraine" or "an inquiry into Iran" keep the name as the act's target."""
_EN_TOWN_BEFORE = re.compile(
    rf"\b(?i:in|at|into)\s+(?i:the\s+)?(?!(?:{EN_MONTHS_DAYS})\b)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}}"
    r"\s*(?:,|\()\s*$"
)
"""A town or city after a preposition of place, then a comma or an opening bracket, right before a
name: "held in Lyon, France", "met in Lyon (France)". The state named so says where the town is, a
place, not a party; the town need not be in the gazetteer. No month or weekday ("in May,
France said"). The preposition in any case ("In Lyon, France, talks opened" at a sentence's
start), the town and the state capitalised."""
_EN_TOWN_STATE_END = re.compile(r"\s*(?:$|[.;:)]|,\s*(?![A-Z]))")
"""What follows the state of a town for it to be a place outright: the clause's end, a mark, or a comma
before a word in lower case ("in Lyon, France, during the talks"), none of which can go on with a
clause whose subject the state would be."""
_EN_TOWN_STATE_PREPOSITION = re.compile(
    r"\s+(?:in|on|at|during|for|from|to|with|off|near|after|before)\b[^.;:!?,]*", re.IGNORECASE
)
"""A preposition after the state of a town and the rest of its clause (up to a mark or a comma): a
place only when no cue stands in that rest ("talks at Lyon, France on the fourth day"); with a cue the
state is the subject of that cue ("in Geneva, Iran on Tuesday rejected the offer": Iran rejects)."""


def _en_town_state_place(flat: str, end: int, cues: Sequence[Cue]) -> bool:
    """Whether the state of a town ending at ``end`` is a place by what follows it: a mark, the clause's
    end, a comma before a word in lower case, or a preposition whose clause holds none of the
    sentence's ``cues`` (those of the run's verb dictionary, a user's layer included)."""
    if _EN_TOWN_STATE_END.match(flat, end):
        return True
    rest = _EN_TOWN_STATE_PREPOSITION.match(flat, end)
    return rest is not None and not any(rest.start() <= c.start < rest.end() for c in cues)


_EN_FEATURE_OF = re.compile(
    r"\b(?:sea|gulf|bay|straits?|lake|isles?|islands?|coast)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
"""A geographic feature named after a state ("the Sea of Japan", "the Gulf of Mexico"): the state's name
is part of a place's name, no party; in any case ("the sea of Japan", "off the coast of
Peru")."""


def drop_places_after_prepositions(
    flat: str, lang: Lang, mentions: Sequence[ActorMention], cues: Sequence[Cue]
) -> list[ActorMention]:
    """Rule 3: a name right after a preposition of place (在, 于, 驻; "in", "at") is where, not who; so
    is a name that follows such a place with at most two characters between (在越南首都河内), but for
    a preposition of direction, a conjunction or a cue between (在北京与朝鲜会谈, 在白宫接待日本代表团: the
    DPRK is met, Japan's delegation received), and
    one listed after such a place with 、 (在日内瓦、新加坡举行). English: also a state after
    a town and a comma or bracket ("in Lyon, France", "in Lyon (France)") and a state in the name of
    a sea, gulf or strait ("the Sea of Japan"). ``cues`` are the sentence's (at its offsets): a cue
    after such a state makes it the cue's subject ("in Lyon, Iran on Tuesday rejected")."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ordered]  # sorted, for :func:`_zh_listed_place`
    kept: list[ActorMention] = []
    last_place_end = -10
    for mention in ordered:
        # look-back windows: a little more than the longest text each $-anchored pattern reads
        # (在/于/驻 and the character before it; 现在 and the mark before it; "in the " ...);
        # chosen by hand, see tests/ingest/test_actors_scene_and_places.py and test_names_places.py
        if lang == "zh":
            place = bool(_ZH_PLACE.search(flat, max(0, mention.start - 2), mention.start))
            now = _ZH_NOW.search(flat, max(0, mention.start - 4), mention.start)  # 现在日本…: "now"
            place = place and not now
            place = place and not _ZH_UNDER_FRAME.match(flat, mention.end)  # 在中方的斡旋下: who
            place = place or _zh_listed_place(flat, mention, starts)
            gap = flat[last_place_end : mention.start] if last_place_end >= 0 else "，"
            place = place or (
                0 <= mention.start - last_place_end <= 2
                and not CLAUSE_MARK.search(gap)
                and not _ZH_PARTY_JOINT.search(gap)  # 在北京与朝鲜会谈: the DPRK is met, not a place
                # 在白宫接待日本代表团: a cue between ends the venue; Japan is received, not a place
                and not any(c.start < mention.start and c.end > last_place_end for c in cues)
            )
        else:
            # 12: "in the " or "at the " with spaces to spare; 60: "fired" and up to three words before
            # "at" (_EN_FIRED_AT), or a town of up to three words before a comma (_EN_TOWN_BEFORE)
            place = bool(_EN_PLACE.search(flat, max(0, mention.start - 12), mention.start))
            place = place and not _EN_FIRED_AT.search(flat, max(0, mention.start - 60), mention.start)
            place = place or (
                _EN_INTO.search(flat, max(0, mention.start - 12), mention.start) is not None
                and _EN_INTO_AREA.match(flat, mention.end) is not None
            )
            # 16: the longest feature word and "of the " ("islands of the ")
            place = place or bool(_EN_FEATURE_OF.search(flat, max(0, mention.start - 16), mention.start))
            place = place or (
                _EN_TOWN_BEFORE.search(flat, max(0, mention.start - 60), mention.start) is not None
                and _en_town_state_place(flat, mention.end, cues)
            )
        if place:
            last_place_end = mention.end
        else:
            kept.append(mention)
    return kept


def _zh_listed_place(flat: str, mention: ActorMention, starts: Sequence[int]) -> bool:
    """Rule 3: ``mention`` is listed with 、 after places that follow 在/于 (在日内瓦、新加坡举行). Each
    item before it must read as a place: not opened by a preposition or an adverb (在与日本、韩国协商),
    and any name in it standing at its start (在援助朝鲜、古巴: 援助朝鲜 is an act, 在 the progressive);
    and the name is no place when an under frame follows it (在中国、俄罗斯的支持下: Russia supports).
    ``starts``: where the clause's names begin, sorted."""
    low = max(0, mention.start - 24)  # a list of places after 在 of a few names (chosen by hand)
    match = _ZH_PLACE_LIST.search(flat, low, mention.start)
    if match is None or _ZH_UNDER_FRAME.match(flat, mention.end):
        return False
    # 3 before and the 在 itself: the mark before 现在 and 现在 (_ZH_NOW)
    if _ZH_NOW.search(flat, max(0, match.start() - 3), match.start() + 1):
        return False  # 现在日本、韩国…: 现在 is "now"
    at = match.start(1)
    for item in match.group(1).split("、"):
        if _ZH_ITEM_LEAD.match(item):
            return False
        item_end = at + len(item)
        k = bisect.bisect_right(starts, at)
        if k < len(starts) and starts[k] < item_end:
            return False  # a name inside the item, after a verb: the item is an act
        at = item_end + 1
    return True


_ZH_THING_HEADS = re.compile(
    r"银行|公司|企业|集团|大学|半岛|核问题|问题|关系|政策|海域|边境|境内|领土|领空|领海|次区域|区域"
)
"""Head nouns of things a state's name can modify (rule 3, modifiers): a bank or firm (澳门汇业银行),
a place (朝鲜半岛, 边境, 领海), a topic (朝核问题, 朝美关系, 对朝政策). Not an embassy, a ministry or a
news agency: what they do, their state does (朝鲜驻华大使馆 stands for the DPRK). Nor the organ
or text a state is the object of (朝鲜制裁委员会, the UN's committee on sanctions against the DPRK)."""
_ZH_SANCTIONS_HEADS = re.compile(r"制裁(?:委员会|决议)")
"""An organ or text on sanctions against the state named right before it (朝鲜制裁委员会): only that
name is its subject; a name before it in the same run is the organ's owner (联合国安理会朝鲜制裁委员会:
the Security Council's committee acts). Not a list (美国制裁名单: the USA's own list, the USA lists),
nor a name after 对 ("通过对朝鲜制裁决议": the DPRK is the resolution's target, a party)."""
_EN_THING_HEADS = re.compile(r"\s+sanctions\s+(?:committee|resolutions?)\b", re.IGNORECASE)
"""English: a state's name before "sanctions committee" ("the North Korea sanctions committee") names
the committee's subject, not a party. Not "sanctions list" or "sanctions regime": a state's own list
or regime is how it sanctions ("the US sanctions list added …": the USA acts)."""


def drop_modifiers(flat: str, lang: Lang, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Rule 3: a name that modifies the name of a thing is not a party: a run of names written
    together ("朝美") right before a head noun of :data:`_ZH_THING_HEADS` ("澳门汇业银行" through a
    bank's own name of one or two characters; "朝美关系"; "美国“战略忍耐”政策" through the thing's
    own name in quotes); an organ or text on sanctions against it ("朝鲜制裁委员会", "the North Korea
    sanctions committee"). Persons are never dropped."""
    if lang != "zh":
        return [m for m in mentions if is_person(m.actor) or _EN_THING_HEADS.match(flat, m.end) is None]
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    dropped: set[int] = set()
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1].start == ordered[j].end:
            j += 1  # names written together: 朝美, 中美
        end = ordered[j].end
        named = _ZH_QUOTED_NAME.match(flat, end)  # 美国“战略忍耐”政策: a policy's name in quotes
        if named is not None:
            end = named.end()
        head = _ZH_THING_HEADS.match(flat, end) or _bank_name_head(flat, end)
        if head is not None:
            dropped.update(k for k in range(i, j + 1) if not is_person(ordered[k].actor))
        elif (
            named is None
            and _ZH_SANCTIONS_HEADS.match(flat, end)
            and not is_person(ordered[j].actor)
            and flat[max(0, ordered[j].start - 1) : ordered[j].start] != "对"
        ):
            dropped.add(j)
        i = j + 1
    kept = [m for k, m in enumerate(ordered) if k not in dropped]
    return _drop_group_modifiers(flat, kept)


_ZH_GROUP_TAIL = re.compile(r"会谈|会议")
_ZH_QUOTED_NAME = re.compile(r"[“「『\"][^”」』\"，。；]{1,16}[”」』\"]")
"""A thing's own name in quotes between its owner and its head noun (美国“战略忍耐”政策, 朝鲜“先军”路线)."""


def _drop_group_modifiers(flat: str, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Rule 3: a group read as its members (六方) written right before another name, after the word
    for its meetings (会谈, 会议), names the forum that name belongs to, not a party:
    "六方会谈美国代表团团长希尔访问朝鲜" is the head of the US delegation to the talks visiting, not
    the six parties. A group is several members read from one name (one span)."""
    spans: dict[tuple[int, int], int] = {}
    for m in mentions:
        spans[(m.start, m.end)] = spans.get((m.start, m.end), 0) + 1
    starts = {m.start for m in mentions}
    forums = {
        span
        for span, members in spans.items()
        if members > 1 and (tail := _ZH_GROUP_TAIL.match(flat, span[1])) is not None and tail.end() in starts
    }
    return [m for m in mentions if (m.start, m.end) not in forums]


_ZH_FIRM = re.compile(r"[\u4e00-\u9fff]{1,2}(?:银行|公司|集团)")


def _bank_name_head(flat: str, end: int) -> re.Match[str] | None:
    """A firm's own name between the place and its head noun (澳门|汇业银行)."""
    return _ZH_FIRM.match(flat, end)


def clause_proposals(
    gazetteer: ActorFinder, flat: str, start: int, end: int, lang: Lang, cues: Sequence[Cue]
) -> list[ActorMention]:
    """Names nobody knows in a clause, at sentence offsets, places dropped (rule 3; ``cues``, the
    sentence's, as :func:`drop_places_after_prepositions` reads them)."""
    found = [
        replace(m, start=m.start + start, end=m.end + start)
        for m in gazetteer.propose(flat[start:end], lang)
        if m.origin == "proposed"
    ]
    spans = titles.title_spans(flat, lang)  # rule 3c: a document's name is not an actor
    return drop_places_after_prepositions(flat, lang, [m for m in found if not titles.inside(m, spans)], cues)


_ZH_GOVERNMENT = re.compile(r"政府|当局|政权|内阁")
_EN_GOVERNMENT = re.compile(r"\s+(?:administration|government|cabinet)\b", re.IGNORECASE)


def administrations(flat: str, lang: Lang, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Rule 3: a state written right before one of its leaders and the word for a government
    ("美国小布什政府", "the US Bush administration") names the state's government: the state acts,
    not the person, whom the rule of affiliations would otherwise keep instead of the state. A
    leader's government without the state written ("奥巴马政府", "李明博政府") stays the person's, as
    the hand coding has it."""
    government = _ZH_GOVERNMENT if lang == "zh" else _EN_GOVERNMENT
    gap = re.compile(r"") if lang == "zh" else re.compile(r"\s+")
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    dropped: set[int] = set()
    for k, m in enumerate(ordered):
        if k == 0 or m.state is None or not is_person(m.actor) or not government.match(flat, m.end):
            continue
        state = ordered[k - 1]
        if state.actor == m.state and gap.fullmatch(flat, state.end, m.start):
            dropped.add(k)
    return [m for k, m in enumerate(ordered) if k not in dropped]


def is_person(actor_id: str) -> bool:
    """Persons (and groups) have lower-case ids; states and organisations are upper-case
    (ISO alpha-3, acronyms). A territory's ``state`` (Macau's CHN) is not an affiliation."""
    return actor_id[:1].islower()


def drop_affiliations(
    flat: str, mentions: Sequence[ActorMention], body_of: Callable[[str], str | None] | None = None
) -> list[ActorMention]:
    """Rule 3: a state is a person's affiliation, not a party of its own, when one of its persons
    is named in the same clause ("朝鲜最高领导人金正恩", "美朝领导人…特朗普和金正恩"); so is an
    organisation one of its persons belongs to (``body_of``: "国际原子能机构总干事巴拉迪访问朝鲜" is
    the director general's visit), as the case codes a person without its own state or body. A
    member of a group read as its members (one span, several mentions) stays: the group names it."""
    persons = [m.actor for m in mentions if is_person(m.actor)]
    affiliations = {m.state for m in mentions if m.state is not None and is_person(m.actor)}
    if body_of is not None:
        affiliations.update(b for p in persons if (b := body_of(p)) is not None)
    spans: dict[tuple[int, int], int] = {}
    for m in mentions:
        spans[(m.start, m.end)] = spans.get((m.start, m.end), 0) + 1
    # a member of a group read as its members (六方会谈…，中国代表团团长武大伟…) is one of the parties
    # the group names, not a state written beside its person
    return [m for m in mentions if m.actor not in affiliations or spans[(m.start, m.end)] > 1]


def zh_received(flat: str, cue: Cue, starts_by_end: dict[int, list[int]]) -> bool:
    """Whether ``cue`` is an act noun received from a name: a verb of receiving, the name, at most
    的 and an adverb, the cue (获得韩国支持, 引起韩国强烈谴责; :data:`_ZH_RECEIVING`).
    ``starts_by_end``: the names' starts by where they end (only names ending just before the cue
    are looked at: long sentences have thousands)."""
    for end in range(max(0, cue.start - _ZH_FILLER_MAX), cue.start + 1):
        for start in starts_by_end.get(end, ()):
            if (
                # 3: a verb of receiving with its 了 (获得了), the longest _ZH_RECEIVING reads
                _ZH_RECEIVING.search(flat, max(0, start - 3), start) is not None
                and _ZH_ACT_FILLER.fullmatch(flat, end, cue.start) is not None
            ):
                return True
    return False


_EN_BEFORE_INVERTED = re.compile(r"[,”\"’']\s*$")


def en_inverted_speaker(flat: str, cue: Cue, after: Sequence[ActorMention]) -> ActorMention | None:
    """Rule 3e: the speaker of an inverted attribution, "…, said Hill" or '"…," said the IAEA': a
    verb of saying (code 01, weight at most :data:`SAYING_WEIGHT`) right after a comma or a closing
    quotation mark, with a name right after it (after at most "the"), when no name before the verb
    acts. English writes the speaker after the verb when the quotation or its gist comes first."""
    at = _en_inverted_at(flat, cue)
    return None if at is None else next((m for m in after if m.start == at), None)


_EN_SPEAKER_LEAD = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)


def _en_inverted_at(flat: str, cue: Cue) -> int | None:
    """Where the speaker of an inverted attribution must start (after the verb of saying and at most
    "the"), None when ``cue`` is no verb of saying after a comma or closing quotation mark."""
    if cue.cameo != NO_CUE_CAMEO or cue.weight > SAYING_WEIGHT:
        return None
    # 4: a comma or closing quotation mark with a few spaces after it
    if not _EN_BEFORE_INVERTED.search(flat, max(0, cue.start - 4), cue.start):
        return None
    lead = _EN_SPEAKER_LEAD.match(flat, cue.end)
    return lead.end() if lead is not None else cue.end


_EN_QUOTE_CLOSED = re.compile(r"(?:[”\"]|(?<=[,.!?])[’'])\s*$")
"""A closing quotation mark right before a verb of saying. A single one (’, ') only after the
punctuation that ends the quoted words ('…,’ said'): elsewhere it is an apostrophe (the allies’)."""
_EN_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))(?:‘|'(?=[A-Za-z]))")
"""An opening single quotation mark: ‘, or ' at the start of a word after a space (an apostrophe
stands inside a word or after its s: Japan's, the allies')."""


@functools.lru_cache(maxsize=4)
def _quotations(flat: str) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    """The quotations of a sentence, found once and looked up by offset for each of its cues: the
    ends of its double-quoted spans (sorted), those spans, and where single quotations may open.
    Cached on the sentence's text, so a sentence of many cues costs time in proportion to its
    length, not to its length times its cues."""
    spans = quoted_spans(flat)
    return [high for _, high in spans], spans, [m.start() for m in _EN_SINGLE_OPENING.finditer(flat)]


def _closed_quotation(flat: str, cue: Cue) -> tuple[int, int] | None:
    """The quotation that closes right before ``cue`` (only spaces between), or None."""
    # 3: the mark that ends the quoted words, the closing quotation mark and a space
    closing = _EN_QUOTE_CLOSED.search(flat, max(0, cue.start - 3), cue.start)
    if closing is None:
        return None
    close = closing.start() + 1
    ends, spans, singles = _quotations(flat)
    if flat[closing.start()] in '”"':
        at = bisect.bisect_left(ends, close)
        return spans[at] if at < len(ends) and ends[at] == close else None
    at = bisect.bisect_left(singles, closing.start()) - 1  # the last single opening before the close
    return (singles[at], close) if at >= 0 else None


def en_quoted_speaker(
    flat: str, cue: Cue, mentions: Sequence[ActorMention], index: OffsetIndex[ActorMention] | None = None
) -> ActorMention | None:
    """Rule 3e, a direct quotation: the speaker of '"North Korea must return to the talks," said
    Hill' (or ‘…,’ said Hill, or '…,' said Hill) — a verb of saying right after a closing quotation
    mark, a name right after it, and every
    name before the verb inside that quotation. The quotation is what the speaker said: its names
    are spoken of, not acting (a statement, 01, by the speaker; the CAMEO codebook codes who speaks),
    so the speaker acts even though a name stands before the verb. None otherwise."""
    if not _EN_QUOTE_CLOSED.search(flat, max(0, cue.start - 3), cue.start):  # as _closed_quotation
        return None
    at = _en_inverted_at(flat, cue)
    closed = _closed_quotation(flat, cue)
    if at is None or closed is None:
        return None
    low, high = closed
    # ``index``: the mentions by offset, built once by a caller asking for many cues of one sentence
    ordered = index if index is not None else OffsetIndex(mentions)
    speaker = ordered.starting_at(at)
    first = ordered.items[0] if ordered.items else None
    if speaker is None or first is None:
        return None
    if first.end <= cue.start:
        # the names before the verb, the first of them included, lie inside the quotation when the
        # first starts inside it (nothing but spaces stands between the quotation and the verb)
        return speaker if low <= first.start else None
    before = [m for m in mentions if m.end <= cue.start]
    return speaker if before and all(low <= m.start and m.end <= high for m in before) else None


def actor_roles(
    flat: str,
    lang: Lang,
    mentions: Sequence[ActorMention],
    cue: Cue | None,
    scene: Sequence[tuple[int, int]] = (),
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Actors and targets of a clause (rule 3); ``scene``: its adverbial stretches (rule 3b)."""
    if cue is None:
        before, after = list(mentions), []
    else:
        before = [m for m in mentions if m.end <= cue.start]
        after = [m for m in mentions if m.start >= cue.end]
    actors: list[ActorMention] = []
    targets: list[ActorMention] = list(after)
    last_target_end = -1
    question_subjects = _zh_question_subjects(flat, before) if lang == "zh" else set()
    for mention in before:
        preceding = flat[max(0, mention.start - 1) : mention.start]
        listed = (
            lang == "zh"
            and last_target_end >= 0
            and (
                _ZH_LIST_JOINT.fullmatch(flat, last_target_end, mention.start)
                # 向美日提出…, 对美日是否…: a run of short forms after a target is listed with it
                or (last_target_end == mention.start and mention.end - mention.start == 1)
            )
        )
        topic = lang == "zh" and (
            # 8: 就 and an ordinal of a round (就第十二轮) with room to spare
            _ZH_TOPIC.search(flat, max(0, mention.start - 8), mention.start)
            or _ZH_QUESTION_BEFORE.search(flat, max(0, mention.start - QUESTION_BEFORE), mention.start)
        )
        under = lang == "zh" and preceding == "在" and _ZH_UNDER_FRAME.match(flat, mention.end)
        # 获得美国签证后访问…: the name a thing (or an act another act follows) is received from
        received = (
            lang == "zh"
            and cue is not None
            # 3: a verb of receiving with its 了 (获得了)
            and _ZH_RECEIVING.search(flat, max(0, mention.start - 3), mention.start) is not None
            and _ZH_ACT_FILLER.fullmatch(flat, mention.end, cue.start) is None
        )
        # 中国对美日会不会制裁朝鲜表示担忧: the subject of a question after an actor is asked about
        asked = lang == "zh" and bool(actors) and mention.start in question_subjects
        if lang == "zh" and (
            preceding in ZH_TOWARD
            or preceding in _ZH_DISPOSAL
            or listed
            or topic
            or under
            or received
            or asked
        ):
            # 同韩国、美国、俄罗斯代表会谈: the names listed after a target are targets too
            targets.append(mention)
            last_target_end = mention.end
        else:
            actors.append(mention)
    actors = titles.not_actors(flat, lang, actors)  # rule 3c: a name in a title does not act
    if lang == "en" and not actors and cue is not None and (met := _en_meeting_parties(flat, cue, after)):
        # "Talks between Chile and Peru took place": the parties of the meeting meet
        actors, targets = met, [m for m in targets if m not in met]
    elif lang == "en" and not actors and cue is not None:
        speaker = en_inverted_speaker(flat, cue, after)
        if speaker is not None:  # rule 3e: '"…," said Hill'
            actors, targets = [speaker], [m for m in targets if m is not speaker]
    elif lang == "en" and cue is not None and (quoted := en_quoted_speaker(flat, cue, mentions)) is not None:
        # rule 3e: '"North Korea must return," said Hill': the names quoted are spoken of
        actors, targets = [quoted], [*actors, *(m for m in targets if m is not quoted)]
    if cue is not None:
        actors, targets = _passive_roles(flat, lang, actors, targets, cue)
    if scene:
        # rule 3b (English: 3f): a party named only in an adverbial stretch the cue is not in
        # (因为朝鲜…，安理会制裁…) sets the scene: it is acted on, not acting, when the clause has a
        # subject outside it; so in a clause without a cue (在联合国大会上，美国总统…称…)
        aside = [
            m
            for m in actors
            if any(
                low <= m.start and m.end <= high and (cue is None or not low <= cue.start < high)
                for low, high in scene
            )
        ]
        if aside and len(aside) < len(actors):
            actors = [m for m in actors if m not in aside]
            targets = [*aside, *targets]
    if lang == "en" and cue is not None:
        actors, targets = _en_reporters(flat, actors, targets, cue)
        sources = en_report_sources(flat, cue, mentions)
        if sources:  # ", South Korea said": who reports the act, no party to it
            actors = [m for m in actors if m not in sources]
            targets = [m for m in targets if m not in sources]
    return actors, targets


_ZH_REFUSED_AFTER_BUT = re.compile(
    r"[，,\s]*(?:但是?|却|然而|可是|不过)[，,\s]*(?:却|又|也)?"
    + alternation(tuple(f"{m}了?" if m.endswith("到") else m for m in ZH_PASSIVE_MARKERS))
)
"""A clause that opens, with no subject of its own, with 但/却/然而 and a passive marker (…，但遭到俄罗斯
拒绝): what the agent refuses or condemns is the earlier clause's subject's."""


def zh_refused_earlier_subject(flat: str, start: int, cue_cameo: int | None) -> bool:
    """Whether the clause at ``start`` is a split passive refusal or condemnation of the clause
    before it (:data:`_ZH_REFUSED_AFTER_BUT`; roots 11 and 12): "日本提出合作提议，但遭到俄罗斯拒绝" is
    Russia refusing Japan, so the earlier clause's actors are its targets."""
    return cue_cameo in (DISAPPROVE, REJECT) and _ZH_REFUSED_AFTER_BUT.match(flat, start) is not None


_ZH_ASKED = re.compile(r"是否|能否|可否|会不会|能不能")
"""Question words after a clause's subject: 美日是否制裁朝鲜 asks whether the US and Japan will."""


def _zh_question_subjects(flat: str, mentions: Sequence[ActorMention]) -> set[int]:
    """Starts of the names that are the subject of a question (:data:`_ZH_ASKED`): a name the question
    word follows right after it, or after more names joined to it (美日是否, 美国和日本会不会). The
    question is what an earlier actor's act is about (中国对美日是否制裁朝鲜表示担忧), so its
    parties are its targets, not co-actors."""
    found: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    next_start: int | None = None
    for mention in reversed(ordered):
        joined = next_start in found and (
            next_start == mention.end or _ZH_LIST_JOINT.fullmatch(flat, mention.end, next_start)
        )
        if joined or _ZH_ASKED.match(flat, mention.end):
            found.add(mention.start)
        next_start = mention.start
    return found


_EN_SOURCE_VERB = (
    r"(?:said|says|reported|reports|announced|announces|claimed|claims|stated|states|added|noted"
    r"|confirmed|confirms|alleged|alleges)"
)
_EN_SOURCE_BEFORE = re.compile(r",\s*(?:the\s+)?$")
"""A comma (and "the") right before the name that opens a report's source after the act."""
_EN_SOURCE_AFTER = re.compile(
    rf"(?:'s|’s)?(?:\s+(?!that\b|and\b)[A-Za-z][\w-]*){{0,3}}?\s+{_EN_SOURCE_VERB}"
    r"(?=\s*(?:[.;:,!?”\"]|$)|\s+(?:on|in|at|during|after|late|early|earlier|later|last|this|yesterday|today)\b)"
)
"""What follows the last name of a source after the act: at most three words of its office ("'s defence
ministry", "has") and a verb of reporting that ends the clause, or has only a time or the occasion after
it (", South Korea said", ", Japan's coast guard reported on Tuesday"); not one with an object (", Peru
announced sanctions": Peru's own act)."""
_EN_INVERTED_SOURCE = re.compile(rf",\s*{_EN_SOURCE_VERB}\s+(?:by\s+)?(?:the\s+)?$")
"""A verb of reporting after a comma right before the name (", said the IAEA")."""
_EN_INVERTED_SOURCE_END = re.compile(
    r"(?:(?:'s|’s)(?:\s+[A-Za-z][\w-]*){1,3}?)?"
    r"(?=\s*(?:[.;:,!?”\"]|$)|\s+(?:on|in|at|during|after|late|early|earlier|later|last|this|yesterday|today)\b)"
)
"""What ends the clause after an inverted source's names, as after a source before its verb
(:data:`_EN_SOURCE_AFTER`): at most the three words of its office ("'s defence ministry") and a time,
the clause's end or its occasion (", said the IAEA.", ", said Japan on Monday")."""
_EN_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)


def en_report_sources(flat: str, cue: Cue, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Rule 3e, the source of a report: the names of ", South Korea said", ", Japan's coast guard
    reported", ", said the IAEA" after the clause's main cue, and those after "according to" anywhere,
    with the names listed with them (", and"). They say who tells of the act, not who does it or suffers
    it: no actor, no target. Only when the main cue is not that verb of reporting itself ("Russia is a
    threat, Japan said" is Japan's statement, :func:`_en_reporters`)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    sources: list[ActorMention] = []
    k = 0
    while k < len(ordered):
        first = ordered[k]
        after_cue = first.start >= cue.end
        according = _EN_ACCORDING.search(flat, max(0, first.start - 20), first.start) is not None
        comma = after_cue and _EN_SOURCE_BEFORE.search(flat, max(0, first.start - 8), first.start) is not None
        turned = _EN_INVERTED_SOURCE.search(flat, max(0, first.start - 24), first.start)
        inverted = turned is not None and turned.start() >= cue.end  # not the main cue's own speaker
        if not (according or comma or inverted):
            k += 1
            continue
        listed, ends = [first], 1
        while k + len(listed) < len(ordered):
            following = ordered[k + len(listed)]
            joint = _EN_AGENT_LIST.fullmatch(flat, listed[-1].end, following.start)
            if joint is None:
                break
            listed.append(following)
            if "and" in joint.group().lower():
                ends = len(listed)
        # a list ends at its "and" ("China, Japan and Russia"); "according to China, Japan did …" is no list
        listed = listed[:ends]
        said = _EN_SOURCE_AFTER.match(flat, listed[-1].end)
        # ", said the IAEA." ends its clause; ", added Bolivia to its list" is an act listed after the cue
        inverted = inverted and _EN_INVERTED_SOURCE_END.match(flat, listed[-1].end) is not None
        if according or inverted or (said is not None and said.end() > cue.end):
            sources.extend(listed)
        k += len(listed)
    return sources


_EN_MEETING_NOUNS = EN_MEETING_NOUNS | {"talk"}
"""The English meeting nouns of the verb dictionary (04): a meeting named with its parties after it.
With "talk" too ("a talk between Chile and Peru"), which :data:`EN_MEETING_NOUNS` leaves out as it
is a verb after "said it would" (an own act)."""
_EN_BETWEEN = re.compile(r"\s+(?:between|among)\s+(?:the\s+)?", re.IGNORECASE)


def _en_meeting_parties(flat: str, cue: Cue, after: Sequence[ActorMention]) -> list[ActorMention]:
    """A clause with no actor before its cue that is a meeting noun followed by "between" or
    "among" and the parties listed (", ", "and"): "Talks between Chile and Peru took place in Lima",
    "A meeting between the United States and China was held". The parties meet each other, so they are
    the meeting's actors, as "Chile and Peru held talks" has them, rather than a clause with no
    actor and no event. Empty when the cue is no meeting noun or no name follows "between"."""
    if cue.entry not in _EN_MEETING_NOUNS:
        return []
    lead = _EN_BETWEEN.match(flat, cue.end)
    if lead is None:
        return []
    by_start = {m.start: m for m in after}
    listed: list[ActorMention] = []
    at = lead.end()
    while (mention := by_start.get(at)) is not None:
        listed.append(mention)
        joint = _EN_AGENT_LIST.match(flat, mention.end)
        if joint is None or joint.end() == mention.end:
            break
        at = joint.end()
    return listed if len(listed) >= 2 else []


def _en_reporters(
    flat: str, actors: Sequence[ActorMention], targets: Sequence[ActorMention], cue: Cue
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Rule 3e, a statement reported after what was said: when the main cue is a verb of
    saying (01, weight at most :data:`SAYING_WEIGHT`) with names between the last comma before it
    and it (", Japan said"), those names are the speakers, and a party named before the comma only
    inside what was said is spoken of, a target: "Russia should never attend the talks, Japan said"
    and "Russia is a threat, Japan said" are Japan's statements about Russia, where both were actors.
    The part before the comma must say something besides names ("Japan, Russia and China said" is a
    list of speakers; "Two reporters were arrested by North Korea, Japan said" is Japan's report); a
    joint statement with no comma ("Japan and Russia said …") is untouched. Neither is a
    stretch before the comma that opens with a preposition of company (:data:`_EN_COMITATIVE`:
    "together with Russia, Japan said …": Russia speaks with Japan); a stretch that
    opens with another preposition says nothing either, but names the occasion ("in a meeting with
    Russia", "during a visit to Russia"), and its party is a target as the one spoken of is."""
    if cue.cameo != NO_CUE_CAMEO or cue.weight > SAYING_WEIGHT:
        return list(actors), list(targets)
    comma = flat.rfind(",", 0, cue.start)
    if comma < 0:
        return list(actors), list(targets)
    speakers = [a for a in actors if comma < a.start and a.end <= cue.start]
    spoken = [a for a in actors if a.end <= comma]
    if not speakers or not spoken:
        return list(actors), list(targets)
    # what was said runs from the comma or clause mark before its first name to the speaker's comma
    opening = max(flat.rfind(mark, 0, spoken[0].start) for mark in ",;:.") + 1
    said = list(flat[opening:comma])
    for name in spoken:
        said[name.start - opening : name.end - opening] = " " * (name.end - name.start)
    if _EN_NAME_LIST.fullmatch("".join(said)):
        return list(actors), list(targets)  # "Japan, Russia and China said": a list of speakers
    if _EN_COMITATIVE.match(flat, opening):
        return list(actors), list(targets)  # "together with Russia, Japan said": co-speakers
    if not EN_SAYING_AFTER.match(flat, max(a.end for a in speakers)) and not _EN_SPEAKER_TAIL.fullmatch(
        flat, max(a.end for a in speakers), cue.start
    ):
        return list(actors), list(targets)
    return speakers, [*spoken, *targets]


_EN_COMITATIVE = re.compile(r"\s*(?:together\s+with|along\s+with|jointly\s+with|alongside)\b", re.IGNORECASE)
"""A preposition of company opening the stretch before a speaker's comma: its party speaks too."""
_EN_NAME_LIST = re.compile(r"(?:\s|,|\band\b|\bthe\b)*", re.IGNORECASE)
"""What joins the names of a list with the names blanked out ("Japan, Russia and China")."""
_EN_SPEAKER_TAIL = re.compile(r"(?:'s)?(?:\s+[a-z][\w-]*){0,3}\s+", re.IGNORECASE)
"""What may follow a speaker's name before its verb of saying: its office ("Japan's foreign ministry
said", "Japan officially said")."""


EN_DOING_PARTICIPLE = (
    r"(?:issued|released|made|delivered|held|hosted|co-hosted|imposed|signed|adopted|launched|conducted"
    r"|staged|given|announced|presented|submitted|carried\s+out|organi[sz]ed|convened|sent|provided"
    r"|offered|extended|granted|proposed|tabled|drafted|passed|approved|ratified|declared|published"
    r"|put\s+forward|fired|carried|performed|initiated|led|chaired|brokered|mediated|arranged)"
)
"""Participles that say the doing of the passive's subject noun ("the statement was issued by", "the
talks were hosted by", "the test was conducted by"): its agent does the noun's act. Others do not
("the launch was detected by Japan", "the aid was blocked by Chile": Japan did not launch)."""
_EN_NOUN_PASSIVE_AGENT = re.compile(
    rf"\s+(?:(?:has|have|had)\s+been|will\s+be|was|were|is|are)\s+(?:\w+ly\s+)?{EN_DOING_PARTICIPLE}"
    r"\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
"""A passive after a cue that is its subject noun, up to its "by" ("a joint statement was issued by ",
"the talks were hosted by the"), its participle one of :data:`EN_DOING_PARTICIPLE`."""


_EN_LATER_AGENT = re.compile(
    r"\s+(?:from|on|against|to|in|at|for|over|with|of)\s[^,;:.!?]{0,40}?\s+by\s+(?:the\s+)?", re.IGNORECASE
)
"""A passive's "by" after a short phrase of the participle's ("exempted from the sanctions by the",
"criticized in Geneva by")."""
_EN_PARTICIPLE_BEFORE_BY = re.compile(
    r"(?<![\w-])(?:(?![a-z]*(?:eed|hundred)\b|red\b|bed\b|shed\b)[a-z][\w-]+ed|made|built|sold|sent|given"
    r"|taken|held|led|paid|brought|bought|set|put|run|won|shot|struck|seized|drawn|driven|written|done|chosen"
    r"|sought|caught|kept|left|lent|meant|shown|known|thrown|grown|flown|hit|spent|fought|sunk|stolen|told)"
    r"\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A participle of its own right before the "by" of a later phrase ("with drones made by", "a deal
signed by"): a reduced relative, whose agent is not the clause's."""


def _en_later_agent(flat: str, after: int) -> re.Match[str] | None:
    """The "by" of a passive after a short phrase of its participle (:data:`_EN_LATER_AGENT`), not one
    of a reduced relative inside that phrase (:data:`_EN_PARTICIPLE_BEFORE_BY`: "attacked with drones
    made by Iran" names the maker, not the attacker)."""
    later = _EN_LATER_AGENT.match(flat, after)
    if later is None or _EN_PARTICIPLE_BEFORE_BY.search(flat, after, later.end()):
        return None
    return later


_EN_UNDER_FROM = re.compile(r"(?:come|came|comes|coming)\s+under\s+.*\bfrom", re.IGNORECASE | re.DOTALL)
"""A cue of coming under fire or attack from a party ("came under heavy fire from"): a passive in
meaning, whose agent is the name after "from"."""
_EN_FROM_AGENT = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)
_EN_UNDER_REASON = re.compile(
    r"(?:'s|’s)?(?:\s+[\w-]+){0,2}?\s+(?:over|for|about)\s+(?!\d|(?:an?|one|two|three|several|many|hours?"
    r"|days?|weeks?|minutes?)\b)",
    re.IGNORECASE,
)
"""A reason after the party that a subject came under fire from ("from Peru over its remarks", "from
Peru's foreign ministry for its stance"): the fire is words, not a duration ("for two hours")."""


def en_under_fire(flat: str, cue: Cue, mentions: Sequence[ActorMention]) -> Cue | None:
    """Rule 3, a cue of coming under fire or attack from a party ("Chile came under fire from Peru"):
    the party's fighting (19) when a party's name stands right after "from"; its criticism (11, 111)
    when a reason follows the name ("from Peru over its remarks"); no act when no party's name follows
    "from" ("from critics in Peru", "from the opposition"): ``None``. Any other cue is returned as is."""
    if not _EN_UNDER_FROM.fullmatch(cue.text):
        return cue
    by = _EN_FROM_AGENT.match(flat, cue.end)
    agent = next((m for m in mentions if by is not None and m.start == by.end()), None)
    if agent is None:
        return None
    if _EN_UNDER_REASON.match(flat, agent.end):
        return replace(cue, cameo=DISAPPROVE)
    return cue


def _passive_roles(
    flat: str,
    lang: Lang,
    actors: Sequence[ActorMention],
    targets: Sequence[ActorMention],
    cue: Cue,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Rule 3, the passive: the agent acts, the subject is acted on. In Chinese a name right after
    被, 遭(到), 受到 or 由, or after a verb of receiving (获得, 引起 …: :data:`_ZH_AGENT_MARK`), before
    the main cue with no clause mark between ("两名记者被朝鲜逮捕", "会谈由中方主持"), is the actor
    with the names listed after it, and the actors before the marker are targets; in English the
    name right after "by" (after at most "the") that follows a passive cue (a form of "be" before
    it: "the reporters were arrested by North Korea"). A passive without its agent ("朝鲜被制裁")
    is left as written: no party is named to act."""
    if lang == "zh":
        first = next(
            (
                k
                for k, m in enumerate(actors)
                if (
                    # 3: the longest agent marker, 遭到了 or 受到了
                    _ZH_AGENT_MARK.search(flat[max(0, m.start - 3) : m.start])
                    or (
                        _ZH_RECEIVING.search(flat, max(0, m.start - 3), m.start)
                        and _ZH_ACT_FILLER.fullmatch(flat, m.end, cue.start)
                    )
                )
                and not CLAUSE_MARK.search(flat, m.end, cue.start)
            ),
            None,
        )
        if first is None or first == 0:
            return list(actors), list(targets)
        return list(actors[first:]), [*actors[:first], *targets]
    # the cue a passive participle ("were arrested by"), or a noun the passive's subject ("a joint
    # statement was issued by Japan"): the name after "by" acts
    by = _EN_NOUN_PASSIVE_AGENT.match(flat, cue.end)
    if by is None and _EN_UNDER_FROM.fullmatch(cue.text):
        by = _EN_FROM_AGENT.match(flat, cue.end)  # "Chile came under fire from Peru": Peru fires
    # 30: a form of "be" and an adverb in -ly before the participle ("were repeatedly ")
    if by is None and not EN_PASSIVE.search(flat[max(0, cue.start - 30) : cue.start]):
        return list(actors), list(targets)
    by = by or EN_AGENT.match(flat, cue.end) or _en_later_agent(flat, cue.end)
    agent = next((m for m in targets if by is not None and m.start == by.end()), None)
    if agent is None:
        return list(actors), list(targets)
    # the names listed after the agent act with it ("criticized by China and Russia")
    agents = [agent]
    for mention in sorted(targets, key=lambda m: m.start):
        if mention.start <= agents[-1].end:
            continue
        listed = _EN_AGENT_LIST.fullmatch(flat, agents[-1].end, mention.start)
        if listed and _EN_VERB_AFTER.match(flat, mention.end):
            break  # "… by North Korea and South Korea was warned": a new clause's subject
        if listed or _EN_NEXT_AGENT.fullmatch(flat, agents[-1].end, mention.start):
            agents.append(mention)
    # the subject need not be a party ("the reporters were arrested by North Korea"): the agent acts
    return agents, [*actors, *(m for m in targets if m not in agents)]


def unique_mentions(
    mentions: Sequence[ActorMention], without: frozenset[str] = frozenset()
) -> tuple[ActorMention, ...]:
    seen: set[str] = set(without)
    kept: list[ActorMention] = []
    for mention in mentions:
        if mention.actor not in seen:
            seen.add(mention.actor)
            kept.append(mention)
    return tuple(kept)
