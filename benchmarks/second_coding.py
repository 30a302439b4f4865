"""The blind second coding of the built-in events: reading and checking its file.

``benchmarks/data/second-coding-six-party-talks.yaml`` holds a second reader's date, actors and CAMEO
root for each event that cites a seed, per seed (protocol: docs/case-audit/second-coding.md).
``ingest_intercoder.py`` compares it with the case's own coding; ``ingest_quality.py --misses`` shows
it beside ingest's reading. Both read it through :func:`load_second_coding`, which refuses a record it
cannot trust with a message naming the file, the record and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hexatable.case.dates import DateSpan
from hexatable.case.models import Case

SECOND_CODING = Path(__file__).resolve().parent / "data" / "second-coding-six-party-talks.yaml"
"""The second coder's reading of the built-in events, one record per (event, seed)."""

SEED = re.compile(r"\d{3}")
"""A seed is named by the three digits its file name starts with (``002``), quoted in YAML."""

ACTOR_ID = re.compile(r"[A-Z][A-Z0-9+]*|[a-z0-9]+(?:-[a-z0-9]+)*")
"""An actor id as the case format spells them: a state or organisation in capitals, anything else in
lower-case words joined by ``-``. The second coder may propose an actor the case does not have."""


@dataclass(frozen=True)
class Coding:
    """One coder's reading of one event on one seed: what the benchmarks compare."""

    event: str
    seed: str
    date: str
    actors: frozenset[str]
    cameo: int
    doubt: str = ""


class CodingError(ValueError):
    """A second-coding file that cannot be read: the message names the file, record and field."""


def _seeds_cited(case: Case) -> dict[str, set[str]]:
    """The seeds (by their three digits) each event cites."""
    seed_of = {s.id: Path(s.file).name[:3] for s in case.sources if s.file and SEED.match(Path(s.file).name)}
    return {e.id: {seed_of[c.source] for c in e.provenance if c.source in seed_of} for e in case.events}


def load_second_coding(path: Path, case: Case) -> list[Coding]:
    """The records of ``path``, checked against ``case``: an event of the case on a seed it cites,
    each (event, seed) once, an ISO 8601 date, actor ids, a root code 1–20."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CodingError(f"{path}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise CodingError(f"{path}: not UTF-8 text: {error}") from None
    try:
        records = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise CodingError(f"{path}: cannot be read as YAML: {error}") from None
    if not isinstance(records, list):
        raise CodingError(f"{path}: expected a list of records, found {type(records).__name__}")
    cited = _seeds_cited(case)
    seen: set[tuple[str, str]] = set()
    found: list[Coding] = []
    for n, record in enumerate(records, 1):
        where = f"{path}: record {n}"
        if not isinstance(record, dict):
            raise CodingError(f"{where}: expected a mapping")
        event = record.get("event")
        if not isinstance(event, str) or event not in cited:
            raise CodingError(f"{where}: field 'event': {event!r} is not an event of {case.info.id}")
        where = f"{where} ({event})"
        seed = record.get("seed")
        if not isinstance(seed, str) or not SEED.fullmatch(seed):
            raise CodingError(f"{where}: field 'seed': expected three digits in quotes ('002'), got {seed!r}")
        if seed not in cited[event]:
            raise CodingError(f"{where}: field 'seed': the event does not cite seed {seed}")
        if (event, seed) in seen:
            raise CodingError(f"{where}: the event is read twice on seed {seed}")
        seen.add((event, seed))
        date = record.get("date")
        try:
            DateSpan.parse(str(date))
        except ValueError as error:
            raise CodingError(f"{where}: field 'date': {error}") from None
        actors = record.get("actors")
        if not isinstance(actors, list) or not actors or not all(isinstance(a, str) for a in actors):
            raise CodingError(f"{where}: field 'actors': expected a non-empty list of ids")
        odd = [a for a in actors if not ACTOR_ID.fullmatch(a)]
        if odd:
            raise CodingError(f"{where}: field 'actors': {odd[0]!r} is not an actor id")
        cameo = record.get("cameo")
        if type(cameo) is not int or not 1 <= cameo <= 20:
            raise CodingError(f"{where}: field 'cameo': expected a root code 1-20, got {cameo!r}")
        doubt = record.get("doubt") or ""
        if not isinstance(doubt, str):
            raise CodingError(f"{where}: field 'doubt': expected text")
        found.append(Coding(event, seed, str(date), frozenset(actors), cameo, doubt))
    return found
