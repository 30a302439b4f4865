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
   two countries", "the two leaders"): the two parties named before the word in its own clause, else
   those of the last clause of the same paragraph that named exactly two (actors and targets together:
   "特朗普与金正恩会晤" gives the pair Trump, Kim; "美国要求朝鲜" the pair USA, DPRK). The word says
   what kind of pair: 两国 and "the two countries" two states (or the states of two persons of two
   states: 两国 after "特朗普与金正恩会晤" is the USA and the DPRK), 两人 and 两国领导人 ("the two
   leaders") two persons, 双方 and "the two sides" any two. With three or more parties named before it in its
   clause the word is not resolved (which two is a guess). Right after a name ("朝美双方", "美朝两国
   领导人") the word only sums up the names before it and is not resolved.
3. **State, organisation** (该国; 该组织, 该机构; "the organisation"): the last state (or organisation)
   named in the same paragraph.

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

from hexatable.ingest.types import ActorMention, Lang

Kind = Callable[[str], str | None]
"""The kind of an actor id ("state", "organisation", "person", ...), ``None`` when unknown."""

_ZH_PERSON = re.compile(r"(?<![其吉])[他她](?![们国人方日乡])")
_ZH_PAIR = re.compile(r"两国(?:最高)?领导人|两国首脑|两位领导人|两国政府|双方|两方|两国|两人|二人")
_ZH_STATE = re.compile(r"该国")
_ZH_ORG = re.compile(r"该组织|该机构")
_EN_PERSON = re.compile(r"\b(?:he|she|He|She)\b")
_EN_PAIR = re.compile(
    r"\b(?:[Tt]he two (?:sides|countries|nations|leaders|governments)|[Bb]oth (?:sides|countries|leaders))\b"
)
_EN_ORG = re.compile(r"\b[Tt]he (?:organisation|organization|agency)\b")

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

    def sentence(self, paragraph: int) -> None:
        """A new sentence begins; a new paragraph forgets everything."""
        if paragraph != self._paragraph:
            self._paragraph = paragraph
            self._person = self._state = self._org = None
            self._pairs = None
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
        singles: list[tuple[re.Pattern[str], str]] = (
            [(_ZH_STATE, "state"), (_ZH_ORG, "organisation")] if lang == "zh" else [(_EN_ORG, "organisation")]
        )
        for pattern, rule in singles:
            last = self._state if rule == "state" else self._org
            for match in pattern.finditer(flat, start, end):
                if last is not None and not _inside(named, match.start(), match.end()):
                    found.append(Reference(match.start(), match.end(), match.group(), rule, (last,)))
        return sorted(found, key=lambda r: r.start)

    def note(self, actors: Sequence[ActorMention], targets: Sequence[ActorMention]) -> None:
        """Remember a clause's parties (document offsets): its last person actor, the pair when it
        names exactly two parties, its last state and organisation."""
        persons = [a for a in actors if self.kind(a.actor) in ("person", None) and a.actor[:1].islower()]
        if persons:
            self._person = (persons[-1], self._sentence)
        self._pairs = {**(self._pairs or {}), **self._pairs_of([*actors, *targets])}
        for mention in sorted((*actors, *targets), key=lambda m: m.start):
            kind = self.kind(mention.actor)
            if kind == "state":
                self._state = mention
            elif kind == "organisation":
                self._org = mention

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


def _inside(named: Sequence[ActorMention], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a name (他 in a name the gazetteer knows)."""
    return any(m.start < end and start < m.end for m in named)


def _right_after(named: Sequence[ActorMention], start: int) -> bool:
    """Whether a name ends right before ``start`` (朝美|双方, or with 和/与 joining: 美国和朝鲜|双方)."""
    return any(m.end == start for m in named)
