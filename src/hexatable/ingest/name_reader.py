"""Reading one document's names sentence after sentence: the names that stand for an actor only once
the document has named it (a person's surname after the full name, "the North" in a text about
Korea, "its five partners"), beside the gazetteer's own (:class:`NameReader`).

:meth:`Gazetteer.reader <hexatable.ingest.gazetteer.Gazetteer.reader>` gives one; the extraction step
reads every sentence of a document through it in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from hexatable.ingest.gazetteer_file import KnownActor
from hexatable.ingest.lexicon import is_cjk, on_word_boundaries, overlaps
from hexatable.ingest.types import ActorMention, Lang
from hexatable.ingest.zh_person_bounds import zh_person_stands_alone


class KnownNames(Protocol):
    """What a reader needs of a gazetteer (:class:`hexatable.ingest.gazetteer.Gazetteer`): the known
    names in a text and the known actors by id."""

    def find(self, text: str, lang: Lang) -> list[ActorMention]:
        """The known names in ``text``, in order of position."""
        ...

    def actors(self) -> Mapping[str, KnownActor]:
        """Every known actor by id."""
        ...


_NAME_PARTS = re.compile(r"[\s\u00b7\u2022\u30fb\u2027\uff0e]+")
"""What separates the parts of a name: white space and the name dots of transliterations (·, ・)."""

_TITLES = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "President",
        "Chairman",
        "Secretary",
        "Minister",
        "Premier",
        "Prime",
        "General",
        "Gen",
        "Ambassador",
        "Envoy",
        "Vice",
        "Deputy",
        "King",
        "Queen",
        "Prince",
        "Sir",
        "Lord",
        "Director",
        "Foreign",
        "State",
    ]
)
"""Words that may open an alias ("Chairman Kim", "President Trump") and are never a person's name."""

_COMPASS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("the North", "PRK"), ("The North", "PRK"), ("the South", "KOR"), ("The South", "KOR")),
}
"""Names that stand for a state only in a text about its divided country: "the North" and "the South"
are the DPRK and the ROK once the text has named either (:class:`NameReader`); elsewhere they are
regions, or a country's own north."""

_COMPASS_CONTEXT = frozenset({"PRK", "KOR"})
_NAME_GOES_ON = re.compile(r"[ \t-]+[A-Z]")
"""A capitalised word right after "the North" makes it part of another name: the South China Sea,
the North Atlantic, North-South talks."""

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_PARTNERS = {
    "en": re.compile(
        r"(?P<its>\b[Ii]ts\s+)?(?:other\s+)?(?P<n>two|three|four|five|six|seven|eight|nine)\s+"
        r"(?:[a-z-]+\s+)?(?:partners|counterparts)\b"
    )
}
"""A state's partners counted ("its five dialogue partners", "the North's five negotiating partners"):
the other members of the one group of that many plus one that the state belongs to (the Six-Party
Talks' five for the DPRK). The state is the name right before, in the possessive, or for "its" the last
state named before it in the sentence."""


def short_names(name: str) -> list[str]:
    """The first and the last part of a person's name (see :meth:`Gazetteer.surnames`)."""
    parts = [p for p in _NAME_PARTS.split(name.strip()) if p]
    if len(parts) < 2:
        return []
    chosen: list[str] = []
    for part in (parts[0], parts[-1]):
        letters = part.replace("-", "").replace("'", "").replace("\u2019", "")
        if len(part) < 2 or not letters.isalpha() or part in _TITLES or part in chosen:
            continue
        if not is_cjk(part[0]) and not part[0].isupper():
            continue
        chosen.append(part)
    return chosen


class NameReader:
    """The names of one document, read sentence by sentence in document order.

    :meth:`find` gives what :meth:`Gazetteer.find` gives, plus three kinds of name that stand for
    an actor only once the document (or the sentence) has named it:

    - **a person's short name** (:meth:`Gazetteer.surnames`) after the person was named in full
      earlier in the document, or earlier in the same sentence: "Christopher Hill arrived. Hill said"
      and 克里斯托弗·希尔抵达……希尔表示 give the person (and its state) twice. A short name two persons
      share is the one named last. Before any full mention a short name names nobody (a "Hill" in a
      text about hills, a "Rice" in one about food);
    - **"the North", "the South"** (English) for the DPRK and the ROK, once the document has named
      either Korean state (or one of its persons), and not before another capitalised word (the
      South China Sea);
    - **a state's counted partners** (English, :data:`_PARTNERS`): "North Korea and its five dialogue
      partners" are the other members of the one group of six the DPRK belongs to.

    Such a mention keeps the actor's origin and state, so the extraction step treats it like a full
    name. The reader keeps what it has seen: give it the sentences in order, each once.
    """

    def __init__(self, gazetteer: KnownNames, lang: Lang) -> None:
        self._gazetteer = gazetteer
        self._lang: Lang = lang
        self._recent: dict[str, str] = {}  # short name -> the person last named in full with it
        self._korea = False
        self._short_cache: dict[str, tuple[str, ...]] = {}
        self._compiled: tuple[frozenset[str], re.Pattern[str]] | None = None
        self._compiled_size = -1  # len(self._recent) when the compiled expression was its keys

    def find(self, text: str) -> list[ActorMention]:
        """The names in ``text`` (one sentence), in order of position; see the class docstring."""
        gazetteer = self._gazetteer
        found = gazetteer.find(text, self._lang)
        actors = gazetteer.actors()
        taken = sorted((m.start, m.end) for m in found)
        # the short names worth looking for: those of persons named before, or named in full here
        here = [
            short
            for full in found
            if full.actor in actors and actors[full.actor].kind == "person"
            for short in self._shorts(actors[full.actor])
            if short not in self._recent
        ]
        extra: list[tuple[int, int, str]] = []  # (start, end, short name, or NUL + a compass name)
        pattern = self._pattern(frozenset(self._recent.keys() | set(here)) if here else None)
        if pattern is not None:
            for match in pattern.finditer(text):
                short = match.group()
                if _standalone(text, match.start(), match.end(), short) and not overlaps(
                    taken, match.start(), match.end()
                ):
                    extra.append((match.start(), match.end(), short))
        compass = dict(_COMPASS.get(self._lang, ()))
        for written in compass:
            extra.extend(
                (s, e, "\x00" + written)
                for s, e in _occurrences(text, written)
                if not overlaps(taken, s, e) and not _NAME_GOES_ON.match(text, e)
            )
        if not extra and self._lang not in _PARTNERS:
            for full in found:
                self._note(full, actors)
            return found
        # in order of position, so that a full name earlier in the sentence counts for a short one
        order = sorted(
            [(m.start, 0, m, "") for m in found] + [(s, 1, None, k) for s, _, k in extra],
            key=lambda item: (item[0], item[1]),
        )
        ends = {(s, k): e for s, e, k in extra}
        result: list[ActorMention] = []
        last_end = -1
        for start, _, mention, key in order:
            if mention is not None:
                result.append(mention)
                self._note(mention, actors)
                last_end = max(last_end, mention.end)
                continue
            end = ends[(start, key)]
            if start < last_end:
                continue
            if key.startswith("\x00"):
                if not self._korea:
                    continue
                actor_id = compass[key[1:]]
            else:
                person = self._recent.get(key)
                if person is None:
                    continue
                actor_id = person
            known = actors.get(actor_id)
            if known is None:
                continue
            mention = ActorMention(start, end, text[start:end], actor_id, known.origin, known.state_of)
            result.append(mention)
            self._note(mention, actors)
            last_end = end
        taken = sorted((m.start, m.end) for m in result)
        for start, end, partners in self._partners(text, result):
            if not overlaps(taken, start, end):
                for member in partners:
                    known = actors[member]
                    result.append(
                        ActorMention(start, end, text[start:end], member, known.origin, known.state_of)
                    )
        return sorted(result, key=lambda m: m.start)

    def _partners(self, text: str, found: Sequence[ActorMention]) -> list[tuple[int, int, list[str]]]:
        """Each "its five partners" in ``text`` whose state and group are known, as (start, end,
        the partners' ids); ``found`` are the sentence's names. See :data:`_PARTNERS`."""
        pattern = _PARTNERS.get(self._lang)
        if pattern is None:
            return []
        actors = self._gazetteer.actors()
        states = [m for m in found if actors.get(m.actor) is not None and actors[m.actor].kind == "state"]
        result: list[tuple[int, int, list[str]]] = []
        for match in pattern.finditer(text):
            if match.group("its"):
                before = [m for m in states if m.end <= match.start()]
            else:
                before = [m for m in states if re.fullmatch(r"['’]s\s+", text[m.end : match.start()])]
            if not before:
                continue
            state = before[-1].actor
            size = _NUMBERS[match.group("n")] + 1
            groups = [
                a.members for a in actors.values() if state in a.members and len(set(a.members)) == size
            ]
            if len(groups) != 1:
                continue
            partners = [m for m in groups[0] if m != state and m in actors]
            # the mention is the number alone: a word between it and "partners" may be a cue
            # ("dialogue"), which must come after the actors it types
            result.append((match.start("n"), match.end("n"), partners))
        return result

    def _note(self, mention: ActorMention, actors: Mapping[str, KnownActor]) -> None:
        """Remember a mention: its person's short names now name it; a Korean state opens the compass."""
        known = actors.get(mention.actor)
        if mention.actor in _COMPASS_CONTEXT or mention.state in _COMPASS_CONTEXT:
            self._korea = True
        if known is None or known.kind != "person":
            return
        for short in self._shorts(known):
            self._recent[short] = known.id

    def _shorts(self, person: KnownActor) -> tuple[str, ...]:
        """A person's short names (:func:`_short_names` of each label), computed once per person."""
        shorts = self._short_cache.get(person.id)
        if shorts is None:
            shorts = tuple(dict.fromkeys(s for name in person.names.values() for s in short_names(name)))
            self._short_cache[person.id] = shorts
        return shorts

    def _pattern(self, shorts: frozenset[str] | None) -> re.Pattern[str] | None:
        """One expression finding any of ``shorts`` (longest first; None: the short names of the
        persons named so far), rebuilt only when they change."""
        if shorts is None:
            if self._compiled is not None and self._compiled_size == len(self._recent):
                return self._compiled[1]  # short names are only ever added
            shorts = frozenset(self._recent)
            self._compiled_size = len(self._recent)
        else:
            self._compiled_size = -1
        if not shorts:
            return None
        if self._compiled is None or self._compiled[0] != shorts:
            alternatives = "|".join(re.escape(x) for x in sorted(shorts, key=lambda x: (-len(x), x)))
            self._compiled = (shorts, re.compile(alternatives))
        return self._compiled[1]


def _occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` is written in ``text`` as a name of its own (:func:`_standalone`)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if _standalone(text, start, end, name):
            yield start, end
        start = text.find(name, start + 1)


def _standalone(text: str, start: int, end: int, name: str) -> bool:
    """Whether ``name`` at ``start:end`` stands alone: on word boundaries for an alphabetic name; a
    Chinese one as :func:`zh_person_stands_alone` says (希尔 but not 希尔·某某 nor 希尔顿)."""
    if is_cjk(name[0]):
        return zh_person_stands_alone(text, start, end)
    return on_word_boundaries(text, start, end)
