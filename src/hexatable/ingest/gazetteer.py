"""Names of actors in Chinese and English texts: a gazetteer of states, organisations, groups and the
target case's own actors, and proposals for the names it does not know.

Three layers of names, the later winning where a name is claimed twice: the built-in list
(``data/gazetteer.yaml``: UN member states, observers and some regions by ISO 3166-1 alpha-3 id,
international organisations and groups by short id, names from CLDR and the organisations' own), a
user's file (:meth:`Gazetteer.with_file`), and the target case (:meth:`Gazetteer.with_case`: every
actor's names, short names and aliases; persons map to their state through ``affiliation``).

:meth:`Gazetteer.find` is one Aho–Corasick pass over the text (line breaks inside a word folded away,
see :mod:`hexatable.ingest.lexicon`), leftmost-longest and non-overlapping; English names must stand
on word boundaries and match case-sensitively (``US`` is not ``us``). Chinese one-character short
forms (美, 朝, 中, 韩, 日, 俄, 英, 法, 德) are common words alone, so they name states only in runs of
two or more (美朝 is the US and the DPRK) and under the guards of :mod:`hexatable.ingest.zh_short_forms`; a
person's Chinese name counts only where it is not a piece of a longer word or transliteration (川普,
not in 四川普降; 莱斯, not in 克莱斯勒: :func:`zh_person_stands_alone`).
:meth:`Gazetteer.propose` offers the names nobody knows: person and organisation names tagged by
jieba in Chinese, capitalised multi-word names in English. :meth:`Gazetteer.reader` reads one
document's sentences in order and adds the names that need what came before: a person's surname
after the full name (in any language), "the North" in a text about Korea (:class:`NameReader`).

>>> g = Gazetteer.builtin()
>>> [(m.text, m.actor) for m in g.find("美朝领导人在平壤会晤，中方表示欢迎。", "zh")]
[('美', 'USA'), ('朝', 'PRK'), ('平壤', 'PRK'), ('中方', 'CHN')]
>>> [(m.text, m.actor) for m in g.find("Washington and the IAEA met North Korea.", "en")]
[('Washington', 'USA'), ('IAEA', 'IAEA'), ('North Korea', 'PRK')]
>>> g.label("PRK", "zh"), g.state_of("HKG")
('朝鲜', 'CHN')
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from hexatable.case.located_yaml import read_located
from hexatable.case.models import Case
from hexatable.ingest.gazetteer_file import EN_DEMONYM, Layer, parse_layer
from hexatable.ingest.gazetteer_file import KINDS as KINDS
from hexatable.ingest.gazetteer_file import KnownActor as KnownActor
from hexatable.ingest.lexicon import (
    Folded,
    Matcher,
    Problems,
    fold,
    is_cjk,
    leftmost_longest,
    on_word_boundaries,
    overlaps,
    read_lexicon_file,
)
from hexatable.ingest.name_proposals import propose_en, propose_zh
from hexatable.ingest.name_proposals import suggest_id as suggest_id
from hexatable.ingest.name_reader import NameReader as NameReader
from hexatable.ingest.name_reader import short_names
from hexatable.ingest.script import to_simplified
from hexatable.ingest.types import ActorMention, ActorOrigin, Lang
from hexatable.ingest.zh_dictionary import ZH_NOUN_TAGS as ZH_NOUN_TAGS
from hexatable.ingest.zh_dictionary import zh_noun as zh_noun
from hexatable.ingest.zh_person_bounds import NAME_DOTS
from hexatable.ingest.zh_person_bounds import transliteration_chars as transliteration_chars
from hexatable.ingest.zh_person_bounds import zh_person_stands_alone as zh_person_stands_alone
from hexatable.ingest.zh_short_forms import ShortForms, short_form_runs, short_forms_after_verbs

_EN_ORIGIN_BEFORE = re.compile(r"(?:[A-Z][a-z]+(?:an|ic|ish|ese|ive)|Latin|Arab) $")
"""A capitalised word of origin right before a plural demonym ("African Americans", "Latin
Americans", "Korean Americans"): together they name a people of the state, not the state acting."""


def _without_compound_peoples(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """The mentions less a plural demonym after a word of origin ("African Americans", "Latin
    Americans": :data:`_EN_ORIGIN_BEFORE`) and a name that is that word ("Korean Americans")."""
    ending_at: dict[int, list[int]] = {}
    for k, mention in enumerate(found):
        ending_at.setdefault(mention.end, []).append(k)  # by end: one look-up per plural, not a scan
    dropped: set[int] = set()
    for k, mention in enumerate(found):
        plural = mention.text.endswith("ans") and EN_DEMONYM.fullmatch(mention.text[:-1])
        if plural and _EN_ORIGIN_BEFORE.search(text, max(0, mention.start - 24), mention.start):
            dropped.add(k)
            dropped.update(ending_at.get(mention.start - 1, ()))
    return [m for k, m in enumerate(found) if k not in dropped] if dropped else found


_ZH_PEOPLE_AFTER = frozenset("族裔")
"""A state's name right before 族 or 裔 names a people (希腊族 the Greek Cypriots, 朝鲜族, 韩裔), not
the state acting."""


def _without_descriptive_heads(
    seen: str, found: list[tuple[int, int, str, ActorOrigin]], actors: Mapping[str, KnownActor]
) -> list[tuple[int, int, str, ActorOrigin]]:
    """The matches less the names that only modify a following Chinese head noun: a state before
    族/裔 (:data:`_ZH_PEOPLE_AFTER`). The name stays covered (nothing is proposed for it); it just
    names no actor. A body before (非)常任理事国 or 理事国 is kept: 安理会理事国一致谴责… is the
    Council acting, and nothing tells a body's act from its members'."""
    kept = []
    for start, end, actor_id, origin in found:
        kind = actors[actor_id].kind if actor_id in actors else None
        if kind == "state" and seen[end : end + 1] in _ZH_PEOPLE_AFTER and end < len(seen):
            continue
        kept.append((start, end, actor_id, origin))
    return kept


_PRIORITY: dict[ActorOrigin, int] = {"gazetteer": 0, "user": 1, "case": 2, "proposed": -1}
"""Which layer wins when two claim one name: the case over a user's file over the built-in list."""


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Known actors and all their names; immutable, each ``with_*`` returns a new gazetteer.

    Compared and hashed by identity (its tables are built once per object and cached on it)."""

    layers: tuple[Layer, ...]
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # --- building ---------------------------------------------------------------------------------

    @classmethod
    def builtin(cls) -> Gazetteer:
        """The built-in list of states, regions, organisations and groups (``data/gazetteer.yaml``)."""
        text = resources.files("hexatable.ingest").joinpath("data/gazetteer.yaml").read_text("utf-8")
        document = read_located(text)
        problems = Problems("gazetteer.yaml (built in)", document)
        layer = parse_layer(document.data, problems, "gazetteer")
        problems.raise_any()
        return cls((layer,))

    def with_file(self, path: str | Path) -> Gazetteer:
        """This gazetteer with a user's file (the built-in file's shape) merged over it.

        Raises :class:`hexatable.case.problems.CaseError` naming file, line, column and field of every
        problem found.
        """
        document, shown = read_lexicon_file(path, "gazetteer")
        problems = Problems(shown, document)
        known = self.actors()
        layer = parse_layer(document.data, problems, "user", known_ids=set(known))
        problems.raise_any()
        return Gazetteer((*self.layers, layer))

    def with_case(self, case: Case) -> Gazetteer:
        """This gazetteer with the case's actors: their names, short names and aliases in every
        language; a person's (or group's) ``affiliation`` gives its state.

        A group the case does not define but whose member states it all defines stands for them
        (``六方会谈`` -> CHN, PRK, USA, KOR, JPN, RUS in the six-party case): the case's own vocabulary
        codes what the group does as done by its members, and an id the case lacks would have to be
        added to it for review."""
        kinds = {actor.id: str(actor.kind.value) for actor in case.actors}
        affiliation = {actor.id: actor.affiliation for actor in case.actors if actor.affiliation}
        outer = self.actors()

        def state(actor_id: str) -> str | None:
            seen: set[str] = set()
            current: str | None = actor_id
            while current is not None and current not in seen:
                seen.add(current)
                kind = kinds.get(current) or (outer[current].kind if current in outer else None)
                if kind == "state" and current != actor_id:
                    return current
                if current in affiliation:
                    current = affiliation[current]
                elif current != actor_id and current in outer:
                    return outer[current].state_of
                else:
                    return None
            return None

        def body(actor_id: str) -> str | None:
            own = affiliation.get(actor_id)
            kind = kinds.get(own) if own is not None else None
            kind = kind or (outer[own].kind if own is not None and own in outer else None)
            return own if kind is not None and kind != "state" else None

        actors: list[KnownActor] = []
        surfaces: list[tuple[str, str, ActorOrigin]] = []
        for actor in case.actors:
            names = dict(actor.names.items())
            actors.append(
                KnownActor(actor.id, kinds[actor.id], names, state(actor.id), "case", body=body(actor.id))
            )
            surfaces.extend((name, actor.id, "case") for name in actor.all_names() if name.strip())
        stand_for = tuple(
            (group.id, group.members)
            for group in outer.values()
            if group.members and group.id not in kinds and all(m in kinds for m in group.members)
        )
        return Gazetteer((*self.layers, Layer(tuple(actors), tuple(surfaces), stand_for=stand_for)))

    # --- queries ----------------------------------------------------------------------------------

    def label(self, actor_id: str, lang: Lang) -> str:
        """The actor's name in ``lang`` (else in English, else its id)."""
        actor = self.actors().get(actor_id)
        if actor is None:
            return actor_id
        return actor.names.get(lang) or actor.names.get("en") or actor_id

    def state_of(self, actor_id: str) -> str | None:
        """The state a person, region or body belongs to, when known; ``None`` for a state itself."""
        actor = self.actors().get(actor_id)
        return actor.state_of if actor is not None else None

    def body_of(self, actor_id: str) -> str | None:
        """The organisation a person belongs to (IAEA for its director general), when the case says
        so in its ``affiliation``; ``None`` for a person of a state and for every other actor."""
        actor = self.actors().get(actor_id)
        return actor.body if actor is not None else None

    def kind(self, actor_id: str) -> str | None:
        """The kind of a known actor (one of :data:`KINDS`), ``None`` if unknown."""
        actor = self.actors().get(actor_id)
        return actor.kind if actor is not None else None

    def known(self, actor_id: str) -> bool:
        """Whether ``actor_id`` is an actor of this gazetteer."""
        return actor_id in self.actors()

    def places(self, lang: Lang) -> frozenset[str]:
        """The capitals of every layer's states in ``lang`` (``capitals`` in a gazetteer file): names
        that stand for a state as a party but are a place as a venue or inside a title."""
        key = f"places:{lang}"
        if key not in self._cache:
            self._cache[key] = frozenset(
                name
                for layer in self.layers
                for actor in layer.actors
                for written, name in actor.capitals
                if written == lang
            )
        found: frozenset[str] = self._cache[key]
        return found

    def find(self, text: str, lang: Lang) -> list[ActorMention]:
        """The known names in ``text``, leftmost-longest and non-overlapping, in order of position.

        ``start``/``end`` are offsets into ``text``; ``text`` of a mention is ``text[start:end]``.
        """
        folded = fold(text, lang)
        found = [mention for mention, _ in self._find_folded(text, folded)]
        if lang == "en":
            found = _without_compound_peoples(text, found)
        stand_for = {group: members for layer in self.layers for group, members in layer.stand_for}
        if not stand_for or not any(m.actor in stand_for for m in found):
            return found
        expanded: list[ActorMention] = []
        for mention in found:
            for member in stand_for.get(mention.actor, (mention.actor,)):
                expanded.append(replace(mention, actor=member) if member != mention.actor else mention)
        return expanded

    def reader(self, lang: Lang) -> NameReader:
        """A reader of one document's names, sentence after sentence (:class:`NameReader`): what
        :meth:`find` finds, plus the names that stand for an actor only after the document has named
        it (a person's surname alone, "the North")."""
        return NameReader(self, lang)

    def surnames(self) -> Mapping[str, tuple[str, ...]]:
        """Each person's short names, language-neutral: the first and the last part of a name of two
        or more parts (split at spaces and name dots: "Christopher Hill" gives Christopher and Hill,
        "Roh Moo-hyun" Roh and Moo-hyun, 克里斯托弗·希尔 克里斯托弗 and 希尔), for every language's
        label. A Chinese name written without a dot (胡锦涛) has no parts: its surname alone is a
        common character. Parts shorter than two letters, initials ("W.") and titles are left out.
        A short name of several persons maps to all of them (in the gazetteer's order)."""
        table = self._cache.get("surnames")
        if table is None:
            found: dict[str, list[str]] = {}
            for actor in self.actors().values():
                if actor.kind != "person":
                    continue
                for name in actor.names.values():
                    for part in short_names(name):
                        holders = found.setdefault(part, [])
                        if actor.id not in holders:
                            holders.append(actor.id)
            table = {part: tuple(ids) for part, ids in found.items()}
            self._cache["surnames"] = table
        return table

    def propose(self, text: str, lang: Lang) -> list[ActorMention]:
        """Names in ``text`` that no layer knows, as actors to review (``origin="proposed"``).

        Chinese: words jieba tags as person (``nr``, ``nrfg``, ``nrt``) or organisation (``nt``)
        names; place names (``ns``) are left out, since every state is known and an unknown place is
        nearly always a venue. English: runs of two or more capitalised words (inner ``of``, ``the``,
        ``for``, ``and`` allowed), leading titles and sentence-initial common words dropped. Each gets
        a suggested id in the actor id pattern (see :func:`suggest_id`).
        """
        folded = fold(text, lang)
        covered = self._covered(folded)
        if lang == "en":  # "African Americans" names no state (find): the proposer may take it
            peoples = _without_compound_peoples(
                folded.text, [ActorMention(s, e, folded.text[s:e], "", "proposed") for s, e in covered]
            )
            covered = [(m.start, m.end) for m in peoples]
        found = propose_zh(folded.text) if lang == "zh" else propose_en(folded.text)
        result: list[ActorMention] = []
        for start, end, kind in found:
            if overlaps(covered, start, end):
                continue
            o_start, o_end = folded.span(start, end)
            name = folded.text[start:end]
            result.append(
                ActorMention(o_start, o_end, text[o_start:o_end], suggest_id(name, kind), "proposed")
            )
        return result

    # --- internals --------------------------------------------------------------------------------

    def actors(self) -> dict[str, KnownActor]:
        """Every known actor by id: an actor a later layer gives again has its names merged over the
        earlier ones (its state and members kept when the later layer gives none); built once."""
        actors = self._cache.get("actors")
        if actors is None:
            actors = {}
            for layer in self.layers:
                for actor in layer.actors:
                    previous = actors.get(actor.id)
                    if previous is not None and previous.origin != actor.origin:
                        names = {**previous.names, **actor.names}
                        state = actor.state_of or previous.state_of
                        members = actor.members or previous.members
                        actor = KnownActor(actor.id, actor.kind, names, state, actor.origin, members)
                    actors[actor.id] = actor
            self._cache["actors"] = actors
        return actors

    def _tables(self) -> _Tables:
        """The automaton over every name and the short-form patterns, built once per gazetteer."""
        tables = self._cache.get("tables")
        if tables is None:
            with _BUILD_LOCK:
                tables = self._cache.get("tables")
                if tables is None:
                    tables = self._build_tables()
                    self._cache["tables"] = tables
        return tables

    def _build_tables(self) -> _Tables:
        claims: dict[str, tuple[str | None, ActorOrigin]] = {}
        short: dict[str, str] = {}
        for layer in self.layers:
            for name in layer.not_names:
                claims[name] = (None, "gazetteer")
            for name, actor_id, origin in layer.surfaces:
                for variant in _variants(name):
                    held = claims.get(variant)
                    if held is None or held[0] is None or _PRIORITY[origin] >= _PRIORITY[held[1]]:
                        claims[variant] = (actor_id, origin)
            short.update(layer.short_forms)
        actors = self.actors()
        payloads: list[tuple[str | None, ActorOrigin, bool, bool]] = []
        keys: list[tuple[str, int]] = []
        for name, (claimed, origin) in claims.items():
            keys.append((name, len(payloads)))
            chinese = any(is_cjk(c) for c in name)
            known = actors.get(claimed) if claimed is not None else None
            person = chinese and known is not None and known.kind == "person"
            payloads.append((claimed, origin, not chinese, person))
        return _Tables(Matcher(keys), payloads, ShortForms(short), _given_names(claims, actors))

    def _covered(self, folded: Folded) -> list[tuple[int, int]]:
        """Spans of the folded text taken by known names, not-names and short forms."""
        tables = self._tables()
        covered = [(start, end) for start, end, _ in self._chosen(folded.text)]
        if tables.short.forms:
            covered.extend(short_form_runs(folded.text, tables.short, covered))
            covered.sort()
            after = short_forms_after_verbs(folded.text, tables.short, covered)
            covered.extend((index, index + 1) for index, _ in after)
        return sorted(covered)

    def _chosen(self, seen: str) -> list[tuple[int, int, int]]:
        """The automaton's matches on word boundaries (a Chinese person's name: standing alone,
        :func:`zh_person_stands_alone`), leftmost-longest."""
        tables = self._tables()
        payloads = tables.payloads
        spans = []
        for start, end, payload in tables.matcher.candidates(seen):
            if payloads[payload][2] and not on_word_boundaries(seen, start, end):
                continue
            person = payloads[payload][3]
            if person and not zh_person_stands_alone(
                seen, start, end, tables.given.get(payloads[payload][0] or "", frozenset())
            ):
                continue
            spans.append((start, end, payload))
        return leftmost_longest(spans)

    def _find_folded(self, text: str, folded: Folded) -> list[tuple[ActorMention, tuple[int, int]]]:
        tables = self._tables()
        payloads, short = tables.payloads, tables.short.forms
        seen = folded.text
        chosen = self._chosen(seen)
        actors = self.actors()
        found: list[tuple[int, int, str, ActorOrigin]] = []
        for start, end, payload in chosen:
            actor_id, origin, _, _ = payloads[payload]
            if actor_id is not None:
                found.append((start, end, actor_id, origin))
        if short:
            covered = [(start, end) for start, end, _ in chosen]
            runs = short_form_runs(seen, tables.short, covered)
            for start, end in runs:
                for index in range(start, end):
                    found.append((index, index + 1, short[seen[index]], "gazetteer"))
            for index, actor_id in short_forms_after_verbs(seen, tables.short, sorted(covered + runs)):
                found.append((index, index + 1, actor_id, "gazetteer"))
        found.sort()
        mentions = []
        for start, end, actor_id, origin in _without_descriptive_heads(seen, found, actors):
            o_start, o_end = folded.span(start, end)
            known = actors.get(actor_id)
            mention = ActorMention(
                o_start,
                o_end,
                text[o_start:o_end],
                actor_id,
                origin,
                state=known.state_of if known is not None else None,
            )
            mentions.append((mention, (start, end)))
        return mentions


_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True)
class _Tables:
    """What matching needs, built once per gazetteer: the automaton over every name, its payloads
    (actor id or ``None`` for a not-name, origin, whether the name is alphabetic, whether it is a
    person's Chinese name, :func:`zh_person_stands_alone`), the short forms and
    the patterns that find them (runs such as 美朝; one after a verb such as 访华)."""

    matcher: Matcher
    payloads: list[tuple[str | None, ActorOrigin, bool, bool]]
    short: ShortForms
    given: dict[str, frozenset[str]]


def _given_names(
    claims: dict[str, tuple[str | None, ActorOrigin]], actors: dict[str, KnownActor]
) -> dict[str, frozenset[str]]:
    """Each person's given names as the gazetteer lists them: the parts before a name dot of their
    listed Chinese names (比尔 of 比尔·柯林顿), read by :func:`zh_person_stands_alone` to tell the
    person's own given name (比尔·克林顿) from another person's (希拉里·克林顿)."""
    given: dict[str, set[str]] = {}
    for name, (claimed, _) in claims.items():
        known = actors.get(claimed) if claimed is not None else None
        if known is None or known.kind != "person" or not any(is_cjk(c) for c in name):
            continue
        parts = [part for part in re.split(f"[{''.join(NAME_DOTS)}]", name) if part]
        given.setdefault(known.id, set()).update(parts[:-1])
    return {actor_id: frozenset(names) for actor_id, names in given.items()}


def _variants(name: str) -> Iterator[str]:
    """A name as it may be written: itself, capitalised when it starts with a lower-case word
    (``the White House`` at the start of a sentence), and in Simplified characters when it is
    written in Traditional ones (a case's 格達費): ingest matches a text's Simplified form
    (:mod:`hexatable.ingest.script`)."""
    yield name
    if name[:1].islower() and name[:1].isascii():
        yield name[0].upper() + name[1:]
    if any(is_cjk(c) for c in name) and (simplified := to_simplified(name)) != name:
        yield simplified
