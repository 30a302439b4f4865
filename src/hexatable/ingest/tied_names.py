"""Persons a Chinese text ties to a state (or a known office) once and then names alone.

A chronology or a report writes a person's state and office before the name the first time
("以色列时任总理阿里埃勒·沙龙", "中国外交部副部长武大伟") and the name alone later in the text
("沙龙和阿巴斯在埃及举行会谈", "武大伟对各方表示赞赏"). The first mention is read as the state (the
gazetteer knows the state, not the person; a person the text ties to a state acts for it). Without the
tie the later name is a proposed new actor, or nobody, and the clause loses its party. With it, the
name is read as the state it was tied to, as its first mention was.

A tie is learned from a state's name followed, with no punctuation between, by an office (at most 14
characters, ending with a title such as 总理, 外长, 副部长, 团长, 发言人) and then the name: a transliterated
name with its dots (阿里埃勒·沙龙; its last part, 沙龙, is how the text names the person later too), or a
name the proposer reads as a person's (武大伟), else an undotted transliteration it missed
(耶尔德勒姆: :func:`_transliterated_at`). The office holds no 的 (but the one closing a
portfolio opening it, 负责东亚事务的助理国务卿), none of 会见 会晤 接见 会谈 访问 来访
邀请 表示 与 和 同 向 对 在, and no other name the gazetteer knows except one right after 驻 (so 中国国家
主席会见联合国秘书长约翰·史密斯 ties nobody to 中国; 中国驻朝鲜大使刘晓明 ties 刘晓明 to 中国, and a state
right after 驻 ties nobody). A name right after an office the gazetteer knows as an actor other than a
state (联合国秘书长约翰·斯坦利) is tied to that actor the same way: a person acts for the body whose
office they hold (office9; so 史密斯 above is tied to UNSG). A later mention is the name standing where a
clause's subject does: opening its
clause, after a date or an opener (9日，沙龙…, 今天沙龙…), or after words ending with 和 与 同 及 跟 、;
not right after an office (that is the titled form again, read as the state already), not inside a name the
gazetteer knows, not part of another dotted name. Inside a clause (宣布布什尔核电站, 文化沙龙, 谴责史密斯)
the name is not read: it may be part of another word, which only segmenting could tell. A name tied
to two states is dropped (which one is a guess). Pure functions of the
text and the mentions given; the extractor keeps one :class:`TiedNames` per document.

The writer's own state, 我国, is tied the same way by the text itself (office9, :func:`own_state`):
a text that writes 我国 right before an organ only the People's Republic has (:data:`PRC_ORGANS`:
我国国务院, 我国国家主席 …) is written from China, and every 我国 in it is read as CHN, before that
mention or after it (a writer does not change state within a text). Elsewhere 我国 is proposed as
an unknown actor for review (:data:`OWN_STATE_ID`): papers in Singapore, Malaysia or Taiwan write
我国 too, and have a 外交部 and a 外交部发言人 of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hexatable.ingest.name_proposals import suggest_id
from hexatable.ingest.types import ActorMention
from hexatable.ingest.zh_dictionary import jieba_dictionary
from hexatable.ingest.zh_person_bounds import transliteration_chars

_TITLES = (
    r"(?:总统|总理|首相|外长|部长|国务卿|特使|特别代表|团长|大使|主席|领导人|发言人"
    r"|总干事|秘书长|代表|长官|次官补)"
)
_OFFICE = re.compile(r"[^，,。；;：:、（）()“”《》\s]{0,12}?" + _TITLES + "$")
"""The office between a state's name and a person's: 时任总理, 外交部副部长, 代表团团长 (no punctuation)."""
_OFFICE_AFTER = re.compile(r"[^，,。；;：:、（）()“”《》\s]{0,12}" + _TITLES)
"""The longest office right after a state's name (外交部副部长, not the 部长 inside it)."""
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fffA-Z.]{1,8})+")
"""A transliterated name with its dots (阿里埃勒·沙龙, 乔治·W·布什)."""
_LAST_PART = re.compile(r"[·•]([\u4e00-\u9fff]{2,8})$")
_MAX_OFFICE = 14
_NOT_OFFICE = re.compile(r"的|会见|会晤|接见|会谈|访问|来访|邀请|表示|[与和同向对在]")
"""Words no office holds: a verb or a preposition between a state's name and a title
(中国国家主席会见联合国秘书长…, 朝鲜外相会见来访的特使…) means the title is someone else's, and so
does a 的 (朝鲜欢迎的特使…: a clause describing the title), except the one closing a portfolio that
opens the office (负责东亚事务的助理国务卿, 主管…的, 分管…的: :data:`_PORTFOLIO`)."""
_PORTFOLIO = re.compile(
    r"(?:负责|主管|分管)[^的，,。；;：:、（）()“”《》\s]{0,6}"
    r"(?:事务|事宜|工作|问题|政策|业务|领域|地区|部门|谈判|方面)的"
)
"""A portfolio opening an office (负责东亚事务的, 主管朝核问题的): its 的 does not mark the title as
someone else's. The portfolio must end with a field's noun (事务, 问题, 工作 …): 负责接待的,
负责陪同的 name a task done for someone, whatever the verb, so their 的 still marks the title as
another's (朝鲜负责接待的特使希尔 does not tie Hill to North Korea)."""
_ALONE_AFTER = re.compile(
    r"(?:[\d年月日号上下午晚间凌晨当天同次随后此后其后并又而但据悉当时]"
    r"|今天|昨天|今日|昨日|同时|会上|会后|此外|另外|之后|然后|接着|翌日|其间|期间|届时)*"
    r"|.*[和与同及跟、]$"
    r"|.*(?:遭到了?|受到了?|被|遭)$"
)
"""What may stand between a clause's start and a later mention read as a tied person: nothing, a
date or an opener (9日，沙龙…, 随后沙龙…, 今天沙龙…, 同时沙龙…, 会上沙龙…, 此外沙龙…: the
common openers), or any words ending with 和, 与, 同, 及, 跟 or 、
(阿巴斯和沙龙…), or with a passive marker, after which the agent stands (…，但遭到沙龙拒绝)."""
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！？!?（）()“”《》\s]")
_NAME_WINDOW = 24
"""How many characters after an office the proposer reads for the name (阿里埃勒·沙龙 and the verb after)."""

_TITLED = re.compile(_TITLES + "$")
"""A known name that is an office (联合国秘书长, a body's head): the name right after it is its holder's."""
_TRANSLITERATED = (3, 6)
"""How long, in characters, a transliterated name read without the proposer may be."""


_WORD_AFTER = (2, 4)
"""How long a dictionary word starting on a run's last character may be (希望, 罗马; 特别是)."""


def _transliterated_at(flat: str, at: int) -> list[str]:
    """The transliterated name starting at ``at`` that the proposer missed (jieba splits 耶尔德勒姆 into
    耶尔德 and 勒姆): a run of characters that write transliterations (:func:`transliteration_chars`),
    up to the first one that does not. The first character may be another (a surname such as 古 of
    古特雷斯) unless it and the next make a word of jieba's dictionary: 抵达维也纳 after 特使 is a verb
    and a place, not a name. When the run's last character and the text after it make a word of
    jieba's dictionary (耶尔德勒姆希望, 贝托尔达罗马), that character starts the word, not the name, and
    is left out. Three to six characters in all, else nothing."""
    chars = transliteration_chars()
    _, words = jieba_dictionary()
    if at >= len(flat) or (flat[at] not in chars and flat[at : at + 2] in words):
        return []
    end = at + 1
    while end < len(flat) and flat[end] in chars and end - at <= _TRANSLITERATED[1] + 1:
        end += 1
    if end - at > _TRANSLITERATED[1] + 1:
        return []
    if end > at and any(
        flat[end - 1 : end - 1 + n] in words for n in range(_WORD_AFTER[0], _WORD_AFTER[1] + 1)
    ):
        end -= 1
    if not _TRANSLITERATED[0] <= end - at <= _TRANSLITERATED[1]:
        return []
    return [flat[at:end]]


def _without_portfolio_de(office: str) -> str:
    """``office`` without the 的 closing a portfolio that opens it (:data:`_PORTFOLIO`); the rest of
    the portfolio is still searched for :data:`_NOT_OFFICE` (负责与…谈判的 ties nobody)."""
    portfolio = _PORTFOLIO.match(office)
    return office if portfolio is None else office[: portfolio.end() - 1] + office[portfolio.end() :]


def _office_after(flat: str, at: int) -> re.Match[str] | None:
    """The longest office right after a state's name ending at ``at`` that holds no word of
    :data:`_NOT_OFFICE`: 土耳其总理耶尔德勒姆和希腊领导人… is 总理 (the longest, 总理…和希腊领导人, holds
    和), so the name after it is the premier's."""
    limit = at + _MAX_OFFICE
    while (office := _OFFICE_AFTER.match(flat, at, limit)) is not None:
        if _NOT_OFFICE.search(_without_portfolio_de(office.group())) is None:
            return office
        limit = office.end() - 1
    return None


def _is_state(actor_id: str) -> bool:
    return len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper()


@dataclass
class TiedNames:
    """The names a document has tied to a state so far (module docstring)."""

    _state_of: dict[str, str] = field(default_factory=dict)
    _doubtful: set[str] = field(default_factory=set)

    def learn(
        self, flat: str, found: Sequence[ActorMention], propose: Callable[[int, int], Sequence[ActorMention]]
    ) -> None:
        """Remember the names written right after a state's name and an office in ``flat``: ``found``
        are the sentence's known names, ``propose(start, end)`` the names the proposer offers in
        ``flat[start:end]`` (flat offsets; asked only for the few characters after an office, as
        proposing reads the text with jieba)."""
        starts = {m.start for m in found}
        for titled in found:  # 联合国秘书长古特雷斯: the name after a known office ties to its holder
            at = titled.end
            if _is_state(titled.actor) or _TITLED.search(titled.text) is None or at in starts:
                continue
            if at < len(flat) and "\u4e00" <= flat[at] <= "\u9fff":
                for name in self._names_at(flat, at, propose(at, min(len(flat), at + _NAME_WINDOW))):
                    self._tie(name, titled.actor)
        for state in found:
            if not _is_state(state.actor) or flat[max(0, state.start - 1) : state.start] == "驻":
                continue  # 中国驻朝鲜大使: an envoy to 朝鲜, not its official
            office = _office_after(flat, state.end)
            if office is None:
                continue
            inside = [m for m in found if state.end <= m.start < office.end()]
            if any(flat[m.start - 1] != "驻" for m in inside):
                continue  # another party's name inside the office (中国国家主席会见联合国秘书长…)
            at = office.end()
            if at in starts or at >= len(flat) or not "\u4e00" <= flat[at] <= "\u9fff":
                continue  # a name the gazetteer knows, or no name at all
            for name in self._names_at(flat, at, propose(at, min(len(flat), at + _NAME_WINDOW))):
                self._tie(name, state.actor)

    def mentions(self, flat: str, known: Sequence[ActorMention]) -> list[ActorMention]:
        """The tied names written alone in ``flat``, read as their states (flat offsets)."""
        found: list[ActorMention] = []
        for name, state in self._state_of.items():
            if name in self._doubtful:
                continue
            at = flat.find(name)
            while at >= 0:
                end = at + len(name)
                overlaps = any(m.start < end and at < m.end for m in [*known, *found])
                titled = _OFFICE.search(flat[max(0, at - _MAX_OFFICE) : at]) is not None
                if not overlaps and not titled and self._alone(flat, at, end):
                    found.append(ActorMention(at, end, name, state, "gazetteer"))
                at = flat.find(name, end)
        return sorted(found, key=lambda m: (m.start, -m.end))

    @staticmethod
    def _alone(flat: str, at: int, end: int) -> bool:
        """Whether the name at ``flat[at:end]`` is written where a clause's subject stands
        (:data:`_ALONE_AFTER`) and is not part of another dotted name (劳拉·杜邦). Inside a clause the
        name may be part of another word (布什 in 宣布布什尔核电站…, 沙龙 in 举办文化沙龙), which only
        segmenting could tell; such positions are not read."""
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(flat, 0, at)]
        clause_start = breaks[-1] if breaks else 0
        if _ALONE_AFTER.fullmatch(flat[clause_start:at]) is None:
            return False
        return flat[at - 1 : at] not in {"·", "•"} and flat[end : end + 1] not in {"·", "•"}

    @staticmethod
    def _names_at(flat: str, at: int, proposed: Sequence[ActorMention]) -> list[str]:
        """The name that starts at ``at``: a dotted one, ending where a proposed name ending after its
        last dot ends (the words after a name run into it: 阿里埃勒·沙龙访问埃及), or where the run of
        name characters does when nothing follows it but punctuation; else a proposed name of two to
        four characters starting there."""
        dotted = _DOTTED.match(flat, at)
        if dotted is not None:
            last_dot = max(dotted.group().rfind("·"), dotted.group().rfind("•")) + at
            ends = [p.end for p in proposed if p.start < dotted.end() and last_dot < p.end <= dotted.end()]
            if ends:
                end = max(ends)
            elif dotted.end() == len(flat) or not "\u4e00" <= flat[dotted.end()] <= "\u9fff":
                end = dotted.end()
            else:
                return []
            name = flat[at:end]
            last = _LAST_PART.search(name)
            return [name, last.group(1)] if last is not None else [name]
        by_proposer = [p.text for p in proposed if p.start == at and 2 <= len(p.text) <= 4]
        return by_proposer or _transliterated_at(flat, at)

    def _tie(self, name: str, state: str) -> None:
        if self._state_of.get(name, state) != state:
            self._doubtful.add(name)
        self._state_of[name] = state


PRC_ORGANS = (
    "国务院",
    "国家主席",
    "全国人大",
    "全国人民代表大会",
    "全国政协",
    "商务部",
    "国家发展和改革委员会",
    "国家发改委",
    "中央军委",
)
"""Organs by names that only the People's Republic uses among states writing Chinese (Taiwan has a
行政院, a 总统 and a 经济部; Singapore and Malaysia a 总统 or 国家元首 and a 贸工部). Not 外交部,
外交部发言人, 政府 or 总理: other states writing Chinese have them too."""
_OWN_STATE = "我国"
_WRITTEN_FROM_PRC = re.compile(_OWN_STATE + "(?:" + "|".join(PRC_ORGANS) + ")")
OWN_STATE_ID = suggest_id(_OWN_STATE, "state")
"""The id 我国 is proposed under where the text does not say which state it is."""


def own_state(text: str) -> str | None:
    """CHN when ``text`` (Simplified) writes 我国 right before one of :data:`PRC_ORGANS` anywhere;
    else None (which state writes is not said)."""
    return "CHN" if _WRITTEN_FROM_PRC.search(text) is not None else None


def own_state_mentions(flat: str, known: Sequence[ActorMention], state: str | None) -> list[ActorMention]:
    """Each 我国 in ``flat`` overlapping none of ``known``: read as ``state`` (:func:`own_state`) when
    the text said which, else proposed for review as :data:`OWN_STATE_ID`."""
    taken = [(m.start, m.end) for m in known]
    found: list[ActorMention] = []
    at = flat.find(_OWN_STATE)
    while at >= 0:
        end = at + len(_OWN_STATE)
        if not any(low < end and at < high for low, high in taken):
            if state is None:
                found.append(ActorMention(at, end, _OWN_STATE, OWN_STATE_ID, "proposed"))
            else:
                found.append(ActorMention(at, end, _OWN_STATE, state, "gazetteer"))
        at = flat.find(_OWN_STATE, end)
    return found
