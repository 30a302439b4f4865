"""A gazetteer file read into a layer: the actors one source of names contributes (the built-in
list, a user's file) with every name they may be written as, the words that are no names, and the
Chinese one-character short forms.

The file's shape is documented in docs/ingest-dictionaries.md; every problem is collected with its
path (file, line, column, field) and raised at once, as the case loader does.
:class:`~hexatable.ingest.gazetteer.Gazetteer` layers these over one another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hexatable.case.models import ACTOR_ID_PATTERN
from hexatable.ingest.lexicon import Problems, check_string, is_cjk
from hexatable.ingest.types import ActorOrigin

KINDS = ("state", "region", "international_organisation", "group", "person", "other")
"""The kinds of actor a gazetteer file may give."""

_ACTOR_ID = re.compile(ACTOR_ID_PATTERN)
EN_DEMONYM = re.compile(r"(?:[A-Z][a-z]*\.? )?[A-Z][a-z]+an")
"""An English state alias that is a demonym (American, North Korean, N. Korean, Iranian): its plural
("the North Koreans", "the Americans") names the state's people or delegation acting, as the
adjective does before a noun. Not an alias that begins another of the state's names (Vatican, as in
Vatican City: a place, whose plural is no word)."""


@dataclass(frozen=True)
class KnownActor:
    """An actor the gazetteer knows: its id, kind, a name per language and the state it belongs to."""

    id: str
    kind: str
    names: Mapping[str, str]
    state_of: str | None
    origin: ActorOrigin
    members: tuple[str, ...] = ()
    """For a group: the ids of its member states (SIXPARTY: CHN, PRK, USA, KOR, JPN, RUS)."""
    capitals: tuple[tuple[str, str], ...] = ()
    """For a state: (language, name) of its capital, a name of the state (平壤 for the DPRK's
    government) that is a place when it is a venue or inside a title (:mod:`hexatable.ingest.names`)."""
    body: str | None = None
    """For a person: the organisation it belongs to (the case's ``affiliation`` when that is no state:
    IAEA for its director general), which is not a party beside its person (rule 3 of
    :mod:`hexatable.ingest.extract`)."""


@dataclass(frozen=True)
class Layer:
    """The names one source (built-in list, user file, case) contributes."""

    actors: tuple[KnownActor, ...]
    surfaces: tuple[tuple[str, str, ActorOrigin], ...]  # (name, actor id, origin)
    not_names: tuple[str, ...] = ()
    short_forms: tuple[tuple[str, str], ...] = ()  # (character, actor id)
    stand_for: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (group id, member ids), see Gazetteer.with_case


def parse_layer(
    data: object, problems: Problems, origin: ActorOrigin, known_ids: set[str] | None = None
) -> Layer:
    """A layer from a gazetteer document (``actors``, ``not_names``, ``short_forms``)."""
    if not isinstance(data, dict):
        problems.add((), "a gazetteer file must be a mapping with 'actors'")
        return Layer((), ())
    for key in data:
        if key not in ("actors", "not_names", "short_forms"):
            problems.add((key,), "unknown section (expected actors, not_names, short_forms)")
    actors: list[KnownActor] = []
    surfaces: list[tuple[str, str, ActorOrigin]] = []
    raw = data.get("actors", [])
    if not isinstance(raw, list):
        problems.add(("actors",), "must be a list of actors")
        raw = []
    ids = set(known_ids or ())
    own: set[str] = set()
    indices: list[int] = []
    for index, item in enumerate(raw):
        parsed = _parse_actor(item, ("actors", index), problems, origin, own)
        if parsed is not None:
            actors.append(parsed[0])
            indices.append(index)
            surfaces.extend((name, parsed[0].id, origin) for name in parsed[1])
            own.add(parsed[0].id)
    ids |= own
    for index, actor in zip(indices, actors, strict=True):
        if actor.state_of is not None and actor.state_of not in ids:
            problems.add(("actors", index, "state_of"), f"unknown actor '{actor.state_of}'")
    not_names: list[str] = []
    section = data.get("not_names", {})
    for lang, names in _lang_lists(section, ("not_names",), problems):
        for index, name in enumerate(names):
            checked = check_string(name, ("not_names", lang, index), problems)
            if checked is not None:
                not_names.append(checked)
    short: list[tuple[str, str]] = []
    section = data.get("short_forms", {})
    if not isinstance(section, dict):
        problems.add(("short_forms",), "must map a language to {character: actor id}")
    else:
        for lang, table in section.items():
            if not isinstance(table, dict):
                problems.add(("short_forms", lang), "must map one character to an actor id")
                continue
            for char, actor_id in table.items():
                path = ("short_forms", lang, char)
                if not isinstance(char, str) or len(char) != 1 or not is_cjk(char):
                    problems.add(path, "a short form is one Chinese character")
                elif not isinstance(actor_id, str) or actor_id not in ids:
                    problems.add(path, f"unknown actor '{actor_id}'")
                else:
                    short.append((char, actor_id))
    return Layer(tuple(actors), tuple(surfaces), tuple(not_names), tuple(short))


def _lang_lists(
    section: object, path: tuple[str | int, ...], problems: Problems
) -> Iterable[tuple[str, list[object]]]:
    """The (language, list) pairs of a section mapping language codes to lists of names."""
    if section is None:
        return []
    if not isinstance(section, dict):
        problems.add(path, "must map a language code to a list of strings")
        return []
    pairs: list[tuple[str, list[object]]] = []
    for lang, names in section.items():
        if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?", lang):
            problems.add((*path, str(lang)), "not a language code (en, zh, ...)")
        elif not isinstance(names, list):
            problems.add((*path, lang), "must be a list of strings")
        else:
            pairs.append((lang, names))
    return pairs


def _parse_actor(
    item: object, path: tuple[str | int, ...], problems: Problems, origin: ActorOrigin, seen: set[str]
) -> tuple[KnownActor, list[str]] | None:
    """One actor of a file and every name it may be written as (names, short names, aliases, a state's
    demonym in the plural, capitals); ``None`` when the entry has a problem (added to ``problems``)."""
    if not isinstance(item, dict):
        problems.add(path, "an actor is a mapping with id, kind, names")
        return None
    before = len(problems.found)
    for key in item:
        if key not in ("id", "kind", "names", "short", "aliases", "capitals", "state_of", "members"):
            problems.add(
                (*path, key),
                "unknown field (expected id, kind, names, short, aliases, capitals, state_of, members)",
            )
    actor_id = item.get("id")
    if not isinstance(actor_id, str) or not _ACTOR_ID.match(actor_id):
        problems.add(
            (*path, "id"),
            "an actor id is an upper-case code (PRK, P5PLUS1) or lower-case words joined by '-'",
        )
    elif actor_id in seen:
        problems.add((*path, "id"), f"actor '{actor_id}' is defined twice in this file")
    kind = item.get("kind", "other")
    if kind not in KINDS:
        problems.add((*path, "kind"), f"unknown kind '{kind}' (expected one of {', '.join(KINDS)})")
    names: dict[str, str] = {}
    raw_names = item.get("names")
    if not isinstance(raw_names, dict) or not raw_names:
        problems.add((*path, "names"), "must map a language code to a name, e.g. {en: ..., zh: ...}")
    else:
        for lang, name in raw_names.items():
            checked = check_string(name, (*path, "names", lang), problems)
            if checked is not None:
                names[str(lang)] = checked
    surfaces = list(names.values())
    short = item.get("short")
    if short is not None:
        if not isinstance(short, dict):
            problems.add((*path, "short"), "must map a language code to a short name")
        else:
            for lang, name in short.items():
                checked = check_string(name, (*path, "short", lang), problems)
                if checked is not None:
                    surfaces.append(checked)
    for lang, aliases in _lang_lists(item.get("aliases"), (*path, "aliases"), problems):
        for index, alias in enumerate(aliases):
            checked = check_string(alias, (*path, "aliases", lang, index), problems)
            if checked is not None:
                surfaces.append(checked)
                if (
                    lang == "en"
                    and kind == "state"
                    and EN_DEMONYM.fullmatch(checked)
                    and not any(str(o).startswith(checked + " ") for o in [*surfaces, *aliases])
                ):
                    surfaces.append(checked + "s")  # the people: "the North Koreans barred …"
    capitals: list[tuple[str, str]] = []  # also names of the state, as aliases are
    for lang, names_of in _lang_lists(item.get("capitals"), (*path, "capitals"), problems):
        for index, capital in enumerate(names_of):
            checked = check_string(capital, (*path, "capitals", lang, index), problems)
            if checked is not None:
                surfaces.append(checked)
                capitals.append((lang, checked))
    state = item.get("state_of")
    if state is not None and (not isinstance(state, str) or not _ACTOR_ID.match(state)):
        problems.add((*path, "state_of"), "must be an actor id")
        state = None
    members = item.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) and _ACTOR_ID.match(m) for m in members):
        problems.add((*path, "members"), "must be a list of actor ids (a group's member states)")
        members = []
    if len(problems.found) > before:
        return None
    assert isinstance(actor_id, str) and isinstance(kind, str)
    return KnownActor(actor_id, kind, names, state, origin, tuple(members), tuple(capitals)), surfaces
