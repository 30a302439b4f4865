"""Pronouns and collective references: who 他, 双方, 该国 ("he", "the two sides") stand for.

A chronology entry names its parties once and then refers back to them: "特朗普表示，他愿意再次会晤"
(he), "金正恩与特朗普会晤，双方签署联合声明" (the two sides), "该国宣布" (that country). Without
resolution such a clause has no actor, or the wrong one (the name of the clause before). The rules
(documented for reviewers in ``docs/ingest.md``, "Pronouns and collective references"):

1. **Person** (他, 她; "he", "she"): the last person named as an actor (the subject, before the main
   cue) in the same sentence before the pronoun, else in the same or the previous sentence of the
   same paragraph. A person named only as a target ("会见了鲍威尔") is not a referent: in the news
   style a third-person pronoun in subject position continues the subject. 他们, 其他, 他国, 他人 are
   not this pronoun.
2. **Pair** (双方, 两国, 两国领导人, 两国首脑, 两人, 二人, 两位领导人; "the two sides", "both sides", "the
   two parties", "both parties", "the two countries", "the two leaders"): the two parties named
   before the word in its own clause, else those of the last clause of the same paragraph that named
   exactly two (actors and targets together: "特朗普与金正恩会晤" gives the pair Trump, Kim;
   "美国要求朝鲜" the pair USA, DPRK). The word says what kind of pair: 两国 and "the two countries"
   two states (or the states of two persons of two states: 两国 after "特朗普与金正恩会晤" is the USA
   and the DPRK), 两人 and 两国领导人 ("the two leaders") two persons, 双方, "the two sides" and "the
   two parties" any two. With three or more parties named before it in its clause the word is not
   resolved (which two is a guess). Right after a name ("朝美双方", "美朝两国
   领导人") the word only sums up the names before it and is not resolved.
3. **State, organisation** (该国, "the country", "the nation", "the reclusive state" and the like;
   该组织, 该机构, "the organisation", "the agency"): the last state (or organisation) named in an
   earlier clause of the same paragraph; not resolved when its own clause names two or more before it
   (which one is a guess) or names that one (a noun phrase is not the party its own clause names: in
   "the United States struck the country from its list" the country is another). A group read as its
   members is not a state here.
4. **Title** (国务卿, 外长, 特使, 团长 ...; "the secretary", "the foreign minister", "the envoy"): a
   title standing alone, not right before or after a name, is the last person of the paragraph
   named with that title written right before the name ("美国国务卿蓬佩奥…。国务卿表示…", "Secretary
   of State Mike Pompeo … The secretary said"); not when a state written just before the title is
   not that person's ("朝鲜外长" after "外长王毅").

5. **All parties** (各方, 与会各方, 有关各方), as its sentence's subject (only a date or a time
   word before it, with or without its comma: "9日各方…", "6日，各方…", "会后，与会各方…"): the parties
   of the last clause of the same paragraph that named three or more: its actors, and its targets
   too when its act is a meeting (CAMEO 04 but not a visit: "美国与日本、韩国举行会谈。各方同意…"), not
   the targets of another act ("美国、日本和韩国谴责朝鲜。各方呼吁朝鲜…" is the three) nor the states a
   visit goes to ("美国总统访问了日本、韩国和中国。各方同意…" is no meeting of the four: nobody).
   A party the clause names itself is left out (各方呼吁朝鲜…), and two or more must remain. Not
   inside what a statement says (重申各方将履行…), not after a clause with words other than a date or
   time word (in "…会议闭幕，各方通过…" the sentence tells one act of the subject it opens with), not
   right after names it sums up (六方会谈各方), not 其他各方 / 其余各方 (the others, not all), not 各方面
   ("every quarter").

What is not resolved: a reference with no referent under these rules (the clause then keeps what it
had, or nothing), plural 他们/they (whose members are seldom one clause's parties), a pronoun whose
referent is in another paragraph, and cataphora (a pronoun before its name). A resolved mention stands
for its referent in the clause's roles like a name; the event says which reference was resolved and to
whom, so its basis is ``inferred`` and a reviewer can check it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from hexatable.ingest.cue_codes import APPEAL, DEMAND, REJECT
from hexatable.ingest.types import ActorMention, Lang

Kind = Callable[[str], str | None]
"""The kind of an actor id ("state", "organisation", "person", ...), ``None`` when unknown."""

_ZH_PERSON = re.compile(r"(?<![其吉])[他她](?![们国人方日乡])")
_ZH_PAIR = re.compile(r"两国(?:最高)?领导人|两国首脑|两位领导人|两国政府|双方|两方|两国|两人|二人")
_ZH_ALL = re.compile(r"(?<![他余])(?:与会|有关)?各方(?!面)")
"""All the parties named before (rule 5); not 其他各方 or 其余各方, "the other parties", nor 各方面
("every side, every quarter")."""
_ZH_ALL_LEAD = re.compile(
    r"(?:(?:\s|[\d〇零一二三四五六七八九十]{1,4}(?:年|月|日|号)|[上下]午|晚上?|当天|当日|同日|次日|随后|此后|会后|同时)+"
    r"[，,]?)?\s*"
)
"""What may stand before 各方 at the start of its sentence (9日各方…, 6日，各方…, 会后，与会各方…): rule 5
reads the word as its sentence's subject only, not inside what a statement says (重申各方将履行…), nor
after a clause with a subject of its own (…会议闭幕，各方通过…)."""
_MEETING = 4
"""CAMEO root 04, consult: the targets of a meeting (美国与日本、韩国举行会谈) are parties to it."""
_REFUSED_OR_CALLED = frozenset({APPEAL, DEMAND, REJECT})
"""The roots of a call or a refusal: 02 appeal (呼吁, 敦促, 促请, "called for", "urged"), 10 demand
(要求, "demanded") and 12 reject (拒绝, 拒不, "refused", "rejected"): a meeting cue after such a cue in
the clause is refused or called for, not held by the clause's parties (中国拒绝与美国、日本和韩国举行
会谈; 中国谴责美国、日本和韩国拒绝举行会谈; …并呼吁举行会谈: 各方 after them is not the four)."""


def _refused_meetings(clause_cues: Sequence[tuple[int, str]]) -> set[str]:
    """The words of the meeting cues of a clause (given in text order) that only come after a refusal
    or a call (a cue of a root in :data:`_REFUSED_OR_CALLED`): meetings the parties do not hold."""
    held: set[str] = set()
    refused: set[str] = set()
    after = False
    for root, text in clause_cues:
        if root == _MEETING:
            (refused if after else held).add(text)
        after = after or root in _REFUSED_OR_CALLED
    return refused - held


_VISIT = re.compile(r"访|前往|赴|抵达|visit|host|travel|fly|arrive", re.IGNORECASE)
"""The words of a visit (CAMEO 042/043 under root 04): the states visited or hosting are not parties
meeting together (美国总统布什访问了日本、韩国和中国。各方同意… is no meeting of the four).
Not 接待: a host receiving delegations
brings them to one place, often to talks (美国接待了日本、韩国和中国的代表团并举行会谈。各方同意…: the
four), so 接待 is read as a meeting's."""
_ZH_STATE = re.compile(r"该国")
_ZH_ORG = re.compile(r"该组织|该机构")
_EN_PERSON = re.compile(r"\b(?:he|she|He|She)\b")
_EN_PAIR = re.compile(
    r"\b(?:[Tt]he two (?:sides|parties|countries|nations|leaders|governments)"
    r"|[Bb]oth (?:sides|parties|countries|leaders))\b"
)
_EN_ORG = re.compile(r"\b[Tt]he (?:organisation|organization|agency)\b")
_EN_STATE = re.compile(
    r"\b[Tt]he (?:(?:communist|reclusive|isolated|impoverished|secretive|Stalinist|hermit|nuclear-armed) )?"
    r"(?:country|nation|state|regime)\b(?! of\b)"
)
"""English for 该国: "the country", "the nation", and the epithets news writes for a state named before
("the reclusive state", "the communist nation"); not "the state of …" (a condition)."""

_ZH_TITLE = re.compile(
    r"(?:助理|副)?国务卿|(?:副)?总统(?![府制选任职])|(?:第一)?副?总理|首相|(?:副)?外长|外交部(?:副部长|部长|长)|"
    r"国防部长|(?:副)?委员长|(?:国家)?主席(?![团台声])|特使|特别代表|(?:首席)?谈判代表|团长|大使(?!馆)|"
    r"总干事|秘书长|国家安全顾问"
)
"""Titles a Chinese text writes right before a person's name (国务卿蓬佩奥, 外长王毅, 团长武大伟) and
alone after it (rule 4). Not 总统府 (the office), 主席团 or 主席声明, 大使馆 (the embassy)."""
_EN_TITLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:assistant |deputy )?secretary of state", ("secretary of state", "secretary")),
    (r"(?:vice )?president", ("president",)),
    (r"prime minister|premier", ("prime minister", "premier")),
    (r"(?:vice )?foreign minister", ("foreign minister", "minister")),
    (r"(?:defen[cs]e )?minister", ("minister",)),
    (r"(?:special |nuclear )?envoy", ("envoy",)),
    (r"special representative", ("special representative", "representative")),
    (r"(?:chief |top |nuclear )?negotiator", ("negotiator",)),
    (r"ambassador", ("ambassador",)),
    (r"director[- ]general", ("director general", "director-general")),
    (r"secretary[- ]general", ("secretary general", "secretary-general")),
    (r"chairman", ("chairman",)),
)
"""English titles (as a pattern) and the words that refer back to their holder after "the": "the
secretary" is whoever was named as "Secretary of State Condoleezza Rice" (rule 4)."""
_EN_TITLE_BACK = re.compile(
    r"\b[Tt]he (?:U\.S\. |American |North Korean |South Korean |Chinese |Japanese |Russian )?("
    + "|".join(sorted({w for _, words in _EN_TITLES for w in words}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

_PAIR_WANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("领导人", ("person",)),
    ("首脑", ("person",)),
    ("leaders", ("person",)),
    ("两人", ("person",)),
    ("二人", ("person",)),
    ("国", ("state",)),
    ("countries", ("state",)),
    ("nations", ("state",)),
    ("governments", ("state",)),
)
"""What each collective word can stand for (rule 2): "两国领导人", "两人" two persons (not the two
states: a leader is not the state), "两国" two states; "双方" and "the two sides" any two parties."""


def _pair_kinds(word: str) -> tuple[str, ...]:
    for part, kinds in _PAIR_WANTS:
        if part in word:
            return kinds
    return ("any",)


def opens_with_reference(flat: str, position: int, lang: Lang) -> bool:
    """Whether a reference word (他, 双方, 该国, ...) starts at ``position`` (a clause's subject)."""
    if lang != "zh":
        return False
    return any(p.match(flat, position) for p in (_ZH_PERSON, _ZH_PAIR, _ZH_STATE, _ZH_ORG))


def default_kind(actor_id: str) -> str | None:
    """A kind from the id's shape when the gazetteer cannot say: lower-case ids are persons (and
    groups), three capitals a state (ISO 3166-1 alpha-3), other capitals an organisation."""
    if actor_id[:1].islower():
        return "person"
    if len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper():
        return "state"
    return "organisation" if actor_id[:1].isupper() else None


@dataclass(frozen=True)
class Reference:
    """A pronoun or collective word in a sentence (flat offsets) and what it stands for.

    ``referents`` are the mentions it resolves to, at *document* offsets (where the referent was
    named), so a citation of the actor quotes its name, not the pronoun.
    """

    start: int
    end: int
    text: str
    rule: str
    referents: tuple[ActorMention, ...]


@dataclass
class ReferenceMemory:
    """What a paragraph has named so far, for resolving its references (module docstring).

    Call :meth:`sentence` when a sentence begins (with its paragraph), :meth:`resolve` for a clause's
    references, then :meth:`note` with the clause's actors and targets (at document offsets).
    """

    kind: Kind = default_kind
    _paragraph: int = -1
    _sentence: int = -1
    _person: tuple[ActorMention, int] | None = None
    _pairs: dict[str, tuple[ActorMention, ActorMention]] | None = None
    _state: ActorMention | None = None
    _org: ActorMention | None = None
    _titled: dict[str, ActorMention] | None = None
    _all: tuple[ActorMention, ...] | None = None
    """The parties of the last clause of the paragraph that named three or more (rule 5)."""

    def sentence(self, paragraph: int) -> None:
        """A new sentence begins; a new paragraph forgets everything."""
        if paragraph != self._paragraph:
            self._paragraph = paragraph
            self._person = self._state = self._org = None
            self._pairs = None
            self._all = None
            self._titled = None
        self._sentence += 1

    def resolve(
        self,
        flat: str,
        lang: Lang,
        start: int,
        end: int,
        named: Sequence[ActorMention],
        subjects: Sequence[tuple[int, ActorMention]] = (),
        locate: Callable[[ActorMention], ActorMention] = lambda m: m,
    ) -> list[Reference]:
        """The references in ``flat[start:end]`` that have a referent.

        ``named`` are the clause's names (flat offsets): a collective word right after them sums them
        up and is skipped, and two parties named before it in the clause are its pair; ``locate`` turns
        them into document mentions. ``subjects`` are (flat position, document mention) of the persons
        named as actors earlier in this sentence (rule 1's first choice).
        """
        found: list[Reference] = []
        person_re, pair_re = (_ZH_PERSON, _ZH_PAIR) if lang == "zh" else (_EN_PERSON, _EN_PAIR)
        for match in person_re.finditer(flat, start, end):
            if _inside(named, match.start(), match.end()):
                continue
            earlier = [m for position, m in subjects if position < match.start()]
            if earlier:
                referent: ActorMention | None = earlier[-1]
            elif self._person is not None and self._sentence - self._person[1] <= 1:
                referent = self._person[0]
            else:
                referent = None
            if referent is not None:
                found.append(Reference(match.start(), match.end(), match.group(), "person", (referent,)))
        for match in pair_re.finditer(flat, start, end):
            if _inside(named, match.start(), match.end()) or _right_after(named, match.start()):
                continue
            before = [locate(m) for m in named if m.end <= match.start()]
            pair = self._pair_for(match.group(), before)
            if pair is not None:
                found.append(Reference(match.start(), match.end(), match.group(), "pair", pair))
        if lang == "zh" and self._all is not None:
            for match in _ZH_ALL.finditer(flat, start, end):
                if _inside(named, match.start(), match.end()) or _right_after(named, match.start()):
                    continue
                if _ZH_ALL_LEAD.fullmatch(flat, 0, match.start()) is None:
                    # not its sentence's subject: a statement's content (重申各方将…), or a later
                    # clause whose subject is the sentence's (…会议闭幕，各方通过…: one act)
                    continue
                # a party the clause names itself is not one of "all the parties" acting on it
                # (各方呼吁朝鲜…: North Korea is appealed to, not appealing)
                in_clause = {m.actor for m in named}
                parties = tuple(m for m in self._all if m.actor not in in_clause)
                if len(parties) >= 2:
                    found.append(Reference(match.start(), match.end(), match.group(), "all", parties))
        found.extend(self._titles(flat, lang, start, end, named))
        singles: list[tuple[re.Pattern[str], str]] = (
            [(_ZH_STATE, "state"), (_ZH_ORG, "organisation")]
            if lang == "zh"
            else [(_EN_STATE, "state"), (_EN_ORG, "organisation")]
        )
        for pattern, rule in singles:
            last = self._state if rule == "state" else self._org
            for match in pattern.finditer(flat, start, end):
                if _inside(named, match.start(), match.end()):
                    continue
                # a clause that names two or more before it makes it a guess ("Japan opposed the US
                # move, … the communist regime"); a full noun phrase is not the party its own clause
                # names ("the United States struck the country from its list": the country is another)
                here = _singles([m for m in named if m.end <= match.start()], rule, self.kind)
                if (
                    last is None
                    or len({m.actor for m in here}) > 1
                    or any(m.actor == last.actor for m in here)
                ):
                    continue
                found.append(Reference(match.start(), match.end(), match.group(), rule, (last,)))
        return sorted(found, key=lambda r: r.start)

    def note(
        self,
        actors: Sequence[ActorMention],
        targets: Sequence[ActorMention],
        named: Sequence[ActorMention] | None = None,
        cameo: int | None = None,
        cue_text: str = "",
        clause_cues: Sequence[tuple[int, str]] = (),
    ) -> None:
        """Remember a clause's parties (document offsets): its last person actor, the pair when it
        names exactly two parties, its last state and organisation, and the parties 各方 stands for
        when there are three or more (rule 5: its actors, and its targets too when ``cameo``, the
        clause's CAMEO root, is a meeting's and ``cue_text``, the words of its act, are not a visit's:
        访问, 出访, 前往, 抵达 … (042/043), whose hosts are visited, not parties meeting together).
        ``clause_cues`` ((CAMEO root, words) of every cue of the clause) count with the chosen one:
        欢迎…并举行会谈 is a meeting though 欢迎 (05) is chosen, so 各方 after a host and its guests
        stands for them all; a visit's words among them still keep its hosts out.
        ``named``: the actors the clause
        names itself (not read from a pair word: "双方签署" names nobody), from which the person a later
        他 stands for is taken (rule 1: the last person *named* as an actor); all actors when None."""
        named = actors if named is None else named
        persons = [a for a in named if self.kind(a.actor) in ("person", None) and a.actor[:1].islower()]
        if persons:
            self._person = (persons[-1], self._sentence)
        self._pairs = {**(self._pairs or {}), **self._pairs_of([*actors, *targets])}
        mentions = [*actors, *targets]
        parties: dict[str, ActorMention] = {}
        # the targets of an act other than a meeting are acted on, not parties with the actors
        # (美国、日本和韩国谴责朝鲜: 各方 after it is the three)
        acts = [*([(cameo, cue_text)] if cameo is not None else []), *clause_cues]
        refused = _refused_meetings(clause_cues)
        meets = [text for root, text in acts if root == _MEETING and text not in refused]
        meeting = bool(meets) and not any(_VISIT.search(text) for text in meets)
        sides = mentions if meeting else list(actors)
        for mention in sorted(sides, key=lambda m: m.start):
            parties.setdefault(mention.actor, mention)
        if len(parties) >= 3:
            self._all = tuple(parties.values())
        groups = _group_spans(mentions)
        for mention in sorted(mentions, key=lambda m: m.start):
            if (mention.start, mention.end) in groups:
                continue  # a group read as its members ("six-way") is not one state
            kind = self.kind(mention.actor)
            if kind == "state":
                self._state = mention
            elif kind == "organisation":
                self._org = mention

    def note_titles(
        self,
        flat: str,
        lang: Lang,
        named: Sequence[ActorMention],
        locate: Callable[[ActorMention], ActorMention] = lambda m: m,
    ) -> None:
        """Remember the persons named with a title written right before the name (rule 4: 国务卿蓬佩奥,
        "Secretary of State Condoleezza Rice"), by the words that can refer back to them;
        ``named`` at flat offsets of ``flat``, ``locate`` turns them into document mentions."""
        for mention in named:
            if self.kind(mention.actor) != "person" or not mention.actor[:1].islower():
                continue
            for word in _title_before(flat, lang, mention.start):
                self._titled = {**(self._titled or {}), word: locate(mention)}

    def _titles(
        self, flat: str, lang: Lang, start: int, end: int, named: Sequence[ActorMention]
    ) -> list[Reference]:
        """Rule 4: a title standing alone (not right before or after a name: "国务卿表示", "the
        secretary said") is the last person of the paragraph named with it. Not when a state written
        just before the title is not that person's (朝鲜外长 after 外长王毅)."""
        if not self._titled:
            return []
        found: list[Reference] = []
        pattern = _ZH_TITLE if lang == "zh" else _EN_TITLE_BACK
        for match in pattern.finditer(flat, start, end):
            word = match.group() if lang == "zh" else match.group(1).lower()
            head, tail = match.start(), match.end()
            if _inside(named, head, tail) or _right_after(named, head) or _names_next(flat, named, tail):
                continue
            referent = self._titled.get(_zh_title_key(word) if lang == "zh" else word)
            if referent is None:
                continue
            states = [
                m for m in named if m.end <= head and head - m.end <= 6 and self.kind(m.actor) == "state"
            ]
            if states and referent.state is not None and states[-1].actor != referent.state:
                continue  # 朝鲜外长 is not the Chinese foreign minister named before
            if lang == "en" and referent.state is not None and _en_other_state(match.group(), referent.state):
                continue
            found.append(Reference(head, tail, match.group(), "person", (referent,)))
        return found

    def _pairs_of(self, mentions: Sequence[ActorMention]) -> dict[str, tuple[ActorMention, ActorMention]]:
        """The pair these mentions name, under each kind it counts for ("any", and "person" or
        "state" when both are of that kind); empty unless exactly two parties are named."""
        parties: dict[str, ActorMention] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            parties.setdefault(mention.actor, mention)
        if len(parties) != 2:
            return {}
        first, second = parties.values()
        pairs = {"any": (first, second)}
        kinds = {self.kind(first.actor), self.kind(second.actor)}
        if len(kinds) == 1 and kinds <= {"person", "state"}:
            pairs[kinds.pop() or "any"] = (first, second)
        if (
            "state" not in pairs
            and all(self.kind(m.actor) == "person" for m in (first, second))
            and first.state is not None
            and second.state is not None
            and first.state != second.state
        ):
            # two persons of two states: 两国 after "特朗普与金正恩会晤" is their states (rule 2)
            pairs["state"] = (
                replace(first, actor=first.state, state=None),
                replace(second, actor=second.state, state=None),
            )
        return pairs

    def _pair_for(
        self, word: str, before: Sequence[ActorMention]
    ) -> tuple[ActorMention, ActorMention] | None:
        """Rule 2: the pair a collective word stands for: two parties named before it in its clause,
        else the last pair of the paragraph, of the kind the word wants."""
        here = self._pairs_of(before)
        named_here = len({m.actor for m in before})
        for kind in _pair_kinds(word):
            if kind in here:
                return here[kind]
        if named_here > 2:
            return None  # three or more parties named before it: which two is a guess
        for kind in _pair_kinds(word):
            if self._pairs is not None and kind in self._pairs:
                return self._pairs[kind]
        return None


_EN_NATIONALITY = {
    "u.s.": "USA",
    "american": "USA",
    "north korean": "PRK",
    "south korean": "KOR",
    "chinese": "CHN",
    "japanese": "JPN",
    "russian": "RUS",
}


def _en_other_state(written: str, state: str) -> bool:
    """Whether "the U.S. envoy" names a nationality other than ``state`` (then it is not that person)."""
    lowered = written.lower()
    return any(f"the {word} " in lowered and code != state for word, code in _EN_NATIONALITY.items())


def _zh_title_key(title: str) -> str:
    """The word a Chinese title is remembered by: 外交部长 and 外长 are one title."""
    return "外长" if title in ("外交部长", "外交部部长") else title


def _title_before(flat: str, lang: Lang, position: int) -> list[str]:
    """The words a title written right before ``position`` (a name) is referred back by: 国务卿 for
    "国务卿蓬佩奥", ["secretary of state", "secretary"] for "Secretary of State Rice"."""
    if lang == "zh":
        for match in _ZH_TITLE.finditer(flat, max(0, position - 8), position):
            if match.end() == position:
                return [_zh_title_key(match.group())]
        return []
    before = flat[max(0, position - 40) : position]
    for pattern, words in _EN_TITLES:
        if re.search(rf"\b(?:{pattern})\s+$", before, re.IGNORECASE):
            return list(words)
    return []


def _names_next(flat: str, named: Sequence[ActorMention], position: int) -> bool:
    """Whether a name follows ``position`` (after at most a space): the title is the name's, not a
    reference ("国务卿蓬佩奥", "the secretary Rice")."""
    at = position + 1 if flat[position : position + 1] == " " else position
    return any(m.start in (position, at) for m in named)


def _group_spans(mentions: Sequence[ActorMention]) -> frozenset[tuple[int, int]]:
    """The spans several actors are read from (a group read as its members: 六方, "six-way"): such a
    mention is not one state. One pass over the mentions, as long sentences have thousands."""
    actors: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        actors.setdefault((m.start, m.end), set()).add(m.actor)
    return frozenset(span for span, ids in actors.items() if len(ids) > 1)


def _singles(named: Sequence[ActorMention], kind: str, kind_of: Kind) -> list[ActorMention]:
    """The mentions of one kind ("state", "organisation") among ``named``, groups' members left out."""
    groups = _group_spans(named)
    return [m for m in named if kind_of(m.actor) == kind and (m.start, m.end) not in groups]


def _inside(named: Sequence[ActorMention], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a name (他 in a name the gazetteer knows)."""
    return any(m.start < end and start < m.end for m in named)


def _right_after(named: Sequence[ActorMention], start: int) -> bool:
    """Whether a name ends right before ``start`` (朝美|双方, or with 和/与 joining: 美国和朝鲜|双方)."""
    return any(m.end == start for m in named)
