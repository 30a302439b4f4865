"""Extracted events as a draft case folder, new or added to an existing case.

:func:`draft_case` is pure: it turns :class:`~hexatable.ingest.extract.Extraction` records into the
files of a draft (path inside the folder → content), with ids unique against the case it is added
to. :func:`write_draft` writes them, never overwriting a file.

What a draft holds (``docs/ingest.md`` shows one):

- ``case.yaml`` (new case only): the case's id and title;
- ``sources.yaml`` (``sources-<id>.yaml`` when adding): one source per file, ``kind: other``, with
  ``file: <id>.txt``;
- ``sources/<id>.txt``: the text ingest read (for HTML, docx and PDF the extracted text), so the
  loader checks every quote and its line against it;
- ``events-<id>.yaml``: the events, each citing its source, ``line N`` or ``lines N-M``, and the
  verbatim quote; ``basis: stated``, or ``inferred`` with the reason when the date or the actors came
  from context (a year carried over, a date or subject inherited from an earlier sentence);
- ``actors-proposed.yaml``: every actor the events name that the target case lacks: names nobody
  knows (proposed, for review) and, for a new case, the gazetteer's actors, each citing its first
  mention in the sources.

The written draft passes ``hexatable validate DIR`` as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hexatable.case.models import ACTOR_ID_PATTERN, ID_PATTERN, Case
from hexatable.ingest.extract import ActorFinder, Extraction
from hexatable.ingest.segment import LineIndex
from hexatable.ingest.types import ActorMention, DraftEvent, ProposedActor

_ID = re.compile(ID_PATTERN)
_ACTOR_ID = re.compile(ACTOR_ID_PATTERN)
_STATE = re.compile(r"^[A-Z]{3}$")
_KINDS = {
    "state": "state",
    "organisation": "international_organisation",
    "international_organisation": "international_organisation",
    "region": "group",
    "person": "person",
    "group": "group",
    "other": "group",
}


LOW_CONFIDENCE = 0.7
"""Events whose confidence is under this are marked for review first ("low" in the dry-run table, a
badge and a filter on the review page). 0.70 is what an event scores with its date written in full
and a known actor but no cue (base 0.10 + date 0.35 + actor 0.25, ``confidence.CONFIDENCE``): an event
under it lacks more than its cue, e.g. no cue and a date partly from context or inherited, or a cue but
only proposed actors and an inherited date. It is a mark, not a filter: ``--min-confidence`` drops."""


def low_confidence(event: DraftEvent) -> bool:
    """Whether ``event`` is under :data:`LOW_CONFIDENCE` (marked for review first)."""
    return event.confidence < LOW_CONFIDENCE


class DraftError(Exception):
    """The draft cannot be written (a file is in the way, the folder is not a case folder...)."""


@dataclass(frozen=True)
class Draft:
    """A draft case folder as text: ``files`` maps paths inside the folder to their content.

    ``event_ids`` maps each extracted event's id to the id it has in the draft (they differ only
    when an id is taken in the case the draft is added to); ``new_case`` says whether ``case.yaml``
    is part of it.
    """

    files: dict[str, str]
    source_ids: dict[str, str]
    event_ids: dict[str, str] = field(default_factory=dict)
    actors: tuple[str, ...] = ()
    new_case: bool = True


def slug(text: str, fallback: str = "source") -> str:
    """A case id from a file name: lower-case ASCII words joined by ``-``.

    >>> slug("002_Chronology 2018.txt"), slug("大事记")
    ('002-chronology-2018-txt', 'source')
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or fallback


def _unique(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        taken.add(wanted)
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    taken.add(f"{wanted}-{n}")
    return f"{wanted}-{n}"


def _dump(data: dict[str, Any], header: str) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when built with it
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000)
    return "".join(f"# {line}\n" for line in header.splitlines()) + body


def _locator(first: int, last: int) -> str:
    return f"line {first}" if last <= first else f"lines {first}-{last}"


def _event_record(event: DraftEvent, event_id: str, source_id: str, ids: dict[str, str]) -> dict[str, Any]:
    reasons = event.inferred
    citation: dict[str, Any] = {
        "source": source_id,
        "locator": _locator(event.line, event.end_line),
        "quote": event.quote,
        "basis": "inferred" if reasons else "stated",
    }
    if reasons:
        citation["reason"] = "; ".join(str(reason) for reason in reasons)
    record: dict[str, Any] = {
        "id": event_id,
        "date": str(event.date.date),
        "actors": [ids.get(a.actor, a.actor) for a in event.actors],
        "targets": [ids.get(t.actor, t.actor) for t in event.targets],
        "cameo": event.cameo,
        "text": {lang: event.text[lang] for lang in ("en", "zh") if event.text.get(lang)},
        "provenance": [citation],
    }
    return record


def _kind(actor_id: str, origin_kind: str | None, gazetteer: ActorFinder) -> str:
    """The case's actor kind: the gazetteer's own when it says (a ``kind`` method), else from the id
    (ISO alpha-3 a state, other upper-case ids organisations, lower-case ids persons)."""
    if origin_kind is None:
        said = getattr(gazetteer, "kind", None)
        origin_kind = said(actor_id) if callable(said) else None
    if origin_kind is not None:
        return _KINDS.get(origin_kind, "group")
    if _STATE.match(actor_id):
        return "state"
    if actor_id[:1].isupper():
        return "international_organisation"
    return "person" if gazetteer.state_of(actor_id) is not None else "group"


def draft_case(
    extractions: Sequence[Extraction],
    *,
    gazetteer: ActorFinder,
    existing: Case | None = None,
    existing_files: Iterable[str] = (),
    case_id: str | None = None,
    title: str | None = None,
) -> Draft:
    """The files of a draft case holding ``extractions`` (pure; :func:`write_draft` writes them).

    Parameters
    ----------
    extractions
        One per source file, in the order the sources should be listed.
    gazetteer
        Labels (English and Chinese names) and states for the actors the draft must define.
    existing
        The case the draft is added to, if any: ids are made unique against it, and only actors it
        lacks are written.
    existing_files
        Paths (inside the folder) that exist already; the draft's file names avoid them.
    case_id, title
        For a new case: its id (default ``draft``) and English title.
    """
    taken_files = set(existing_files)
    source_taken = {s.id for s in existing.sources} if existing else set()
    event_taken = {e.id for e in existing.events} if existing else set()
    known_actors = {a.id for a in existing.actors} if existing else set()
    actor_taken = set(known_actors)
    files: dict[str, str] = {}

    def new_file(name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        chosen, n = name, 2
        while chosen in taken_files or chosen in files:
            chosen = f"{stem}-{n}{dot}{ext}"
            n += 1
        return chosen

    source_ids: dict[str, str] = {}
    for extraction in extractions:
        wanted = extraction.source_id if _ID.match(extraction.source_id) else slug(extraction.source_id)
        chosen = _unique(wanted, source_taken)
        while f"sources/{chosen}.txt" in taken_files:
            chosen = _unique(wanted, source_taken)
        source_ids[extraction.source_id] = chosen

    # actors the events need that the case lacks, with the first mention of each as its citation
    proposed: dict[str, ProposedActor] = {}
    for extraction in extractions:
        for actor in extraction.proposed:
            proposed.setdefault(actor.id, actor)
    first_mention: dict[str, tuple[str, ActorMention, int]] = {}
    for extraction in extractions:
        index = LineIndex(extraction.document.text)
        for event in extraction.events:
            for mention in (*event.actors, *event.targets):
                if mention.actor not in known_actors and mention.actor not in first_mention:
                    line = index.line_of(mention.start)
                    first_mention[mention.actor] = (source_ids[extraction.source_id], mention, line)
    ids: dict[str, str] = {}
    for actor_id in first_mention:
        wanted = actor_id if _ACTOR_ID.match(actor_id) else slug(actor_id, "proposed-actor")
        ids[actor_id] = _unique(wanted, actor_taken)

    actor_records: list[dict[str, Any]] = []
    written = set(ids.values())
    for actor_id, (source_id, mention, line) in first_mention.items():
        new_id = ids[actor_id]
        citation = {"source": source_id, "locator": f"line {line}", "quote": mention.text}
        if mention.origin == "proposed" or actor_id in proposed:
            found = proposed.get(actor_id)
            name = found.name if found else mention.text
            record: dict[str, Any] = {
                "id": new_id,
                "kind": _kind(actor_id, found.kind if found else "other", gazetteer),
                "names": {"en": name, "zh": name},
                "aliases": {},
                "provenance": [
                    {
                        **citation,
                        "basis": "inferred",
                        "reason": "proposed by ingest: a name no gazetteer knows; review the id, "
                        "kind and names",
                    }
                ],
            }
        else:
            record = {
                "id": new_id,
                "kind": _kind(actor_id, None, gazetteer),
                "names": {
                    "en": gazetteer.label(actor_id, "en") or actor_id,
                    "zh": gazetteer.label(actor_id, "zh") or actor_id,
                },
                "aliases": {},
                "provenance": [{**citation, "basis": "stated"}],
            }
            state = gazetteer.state_of(actor_id)
            if state is not None and (state in known_actors or state in written) and state != new_id:
                record["affiliation"] = ids.get(state, state)
        actor_records.append(record)

    new_case = existing is None
    if new_case:
        cid = case_id if case_id and _ID.match(case_id) else "draft"
        files[new_file("case.yaml")] = _dump(
            {"case": {"id": cid, "title": {"en": title or "Draft case (from hexatable ingest)"}}},
            "A draft case written by `hexatable ingest`; review every record before use.",
        )
    sources: list[dict[str, Any]] = []
    for extraction in extractions:
        sid = source_ids[extraction.source_id]
        document = extraction.document
        sources.append(
            {
                "id": sid,
                "title": {"en": document.name},
                "language": extraction.lang,
                "kind": "other",
                "file": f"{sid}.txt",
            }
        )
        files[f"sources/{sid}.txt"] = document.text
    first = next(iter(source_ids.values()), "ingest")
    sources_file = new_file("sources.yaml" if new_case else f"sources-{first}.yaml")
    files[sources_file] = _dump(
        {"sources": sources}, "Sources read by `hexatable ingest` (their text is in sources/)."
    )
    event_ids: dict[str, str] = {}
    for extraction in extractions:
        sid = source_ids[extraction.source_id]
        records = []
        for event in extraction.events:
            new_id = _unique(event.id.replace(extraction.source_id, sid, 1), event_taken)
            event_ids[event.id] = new_id
            records.append(_event_record(event, new_id, sid, ids))
        files[new_file(f"events-{sid}.yaml")] = _dump(
            {"events": records},
            f"Events extracted by `hexatable ingest` from {extraction.document.name}: a draft "
            "for review\n(check dates, actors, targets and CAMEO codes against the quotes).",
        )
    if actor_records:
        files[new_file("actors-proposed.yaml")] = _dump(
            {"actors": actor_records},
            "Actors the extracted events name that the case did not define: names no gazetteer "
            "knows\n(basis: inferred, to review) and, for a new case, the gazetteer's actors.",
        )
    return Draft(
        files=files,
        source_ids=source_ids,
        event_ids=event_ids,
        actors=tuple(r["id"] for r in actor_records),
        new_case=new_case,
    )


def existing_paths(folder: Path) -> list[str]:
    """The files already in ``folder`` (paths relative to it), for :func:`draft_case`."""
    if not folder.is_dir():
        return []
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]


def write_draft(draft: Draft, folder: str | Path) -> list[Path]:
    """Write the draft's files into ``folder`` (created if missing); never overwrite a file.

    Raises :class:`DraftError` naming the file when one is in the way (nothing is written then).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DraftError(f"{folder}: not a folder")
    in_the_way = [name for name in draft.files if (folder / name).exists()]
    if in_the_way:
        raise DraftError(f"{folder / in_the_way[0]}: exists already; the draft never overwrites")
    written: list[Path] = []
    for name, content in draft.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        written.append(path)
    return written
