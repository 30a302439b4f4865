"""Benchmark: English ingest on the built-in case's English excerpts against its hand-coded ledger (issue 17).

The built-in case ``six-party-talks`` keeps 71 English web excerpts in ``sources/`` (news reports, IAEA and
State Department statements). Its implementation ledger (``ledger-2005-2009.yaml``) cites lines of them,
and each ledger record carries dates and actors hand-coded from those lines: the record's ``date`` and
``actors``, its ``claim`` (``by``, ``date``), its ``verification`` (``by``, ``date``) and its
``delivered`` supplier (``by``). (The working-group sessions that cite an English source carry no date
and are left out; the roadmaps' actions carry none either.) Records are not events: a record is a step
of a commitment, and one line of a news report may back a claim, a verification and a delivery at once.
So this benchmark measures what records let one measure, per *citation*:

- **unit**: one (record, citation) where the citation names an English excerpt and a line
  (``locator: line N``) and the record has a date. Its *dates* are every date the record gives (record,
  claim, verification); its *actors* every actor it names (``actors``, ``claim.by``,
  ``verification.by``, ``delivered.by``).
- **extracted events on the line**: ingest's events whose lines (``line``..``end_line``) include N.
- **date recall, strict**: the share of units where an extracted event on the line has one of the
  record's dates exactly (the same ISO 8601 string: precision and range agree).
  **compatible**: one span lies within the other (found 2007-07-29 for a record dated
  2007-07-29/2007-07-30; found 2008-10 for 2008-10-11), the figures a reviewer would correct in place.
- **actor recall**: items are (unit, actor); *strict* when an extracted event on the line has the actor
  among its actors; *named* when among its actors or targets; *by person* when among its actors or the
  ``affiliation`` (in the case) of a person among them: a record codes "Bush announced" as the USA's
  step, an event as Bush's (added in round 3; *strict* is the figure of rounds 1 and 2).
- **date precision** (strict / compatible): among extracted events on lines that at least one dated
  record cites, the share whose date equals / nests with a date of a record citing that line. This is
  meaningful only on cited lines, and even there a line (often a whole paragraph) may report an event
  no record covers: the figure is a lower bound. Events on lines no record cites are counted but not
  judged: records are not an inventory of events, so an event without a record is not known to be false.
  Actor precision is not reported: records name only the parties to a commitment step, not everyone a
  line names as acting.

**Held-out split**, fixed before any output was read: the English excerpts' source ids in sorted order,
alternately *dev* (0th, 2nd, ...) and *test* (1st, 3rd, ...). English rules were changed only from
reading the dev half's misses; both halves are reported.

Ingest runs as ``hexatable ingest FILE --lang en --case six-party-talks`` does: built-in gazetteer plus
the case's actors, the built-in verb dictionary, the year seeded from the case source's ``date``
(:func:`hexatable.ingest.pipeline.case_source_year`; every excerpt has one).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/ingest_quality_en.py [--json] [--half dev|test|all]
[--misses]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hexatable.case import open_case
from hexatable.case.dates import DateSpan
from hexatable.case.models import Case
from hexatable.case.quotes import locator_lines
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import read_source
from hexatable.ingest.types import DraftEvent
from hexatable.ingest.verbs import VerbDictionary

CASE = "six-party-talks"
CASE_DIR = Path(__file__).resolve().parents[1] / "src" / "hexatable" / "data" / "cases" / CASE


@dataclass(frozen=True)
class Unit:
    """One citation of an English excerpt's line by a dated ledger record, with what the record says."""

    record: str
    source: str
    lines: tuple[int, int]
    quote: str
    dates: tuple[DateSpan, ...]
    actors: frozenset[str]


def english_sources(case: Case) -> list[str]:
    """The case's English sources that keep an excerpt file, by id."""
    return sorted(s.id for s in case.sources if s.language == "en" and s.file)


def split(ids: Sequence[str]) -> dict[str, str]:
    """The fixed held-out rule: sorted ids, alternately dev and test."""
    return {source: ("dev" if i % 2 == 0 else "test") for i, source in enumerate(sorted(ids))}


def units(case: Case, english: set[str]) -> list[Unit]:
    """Every (dated record, citation of an English line) of the case's implementation ledger."""
    found: list[Unit] = []
    for record in case.implementation:
        if record.date is None:
            continue
        dates = [record.date]
        actors = set(record.actors)
        if record.claim is not None:
            actors.update(record.claim.by)
            if record.claim.date is not None:
                dates.append(record.claim.date)
        if record.verification is not None:
            actors.update(record.verification.by)
            if record.verification.date is not None:
                dates.append(record.verification.date)
        if record.delivered is not None and record.delivered.by:
            actors.add(record.delivered.by)
        unique = tuple(dict.fromkeys(dates))
        for citation in record.provenance:
            lines = locator_lines(citation.locator)
            if citation.source in english and lines is not None:
                found.append(
                    Unit(record.id, citation.source, lines, citation.quote, unique, frozenset(actors))
                )
    return found


def nests(a: DateSpan, b: DateSpan) -> bool:
    """One span lies within the other (days compared: a month is all its days)."""
    inside = a.earliest() >= b.earliest() and a.latest() <= b.latest()
    return inside or (b.earliest() >= a.earliest() and b.latest() <= a.latest())


def _on(event: DraftEvent, lines: tuple[int, int]) -> bool:
    return event.line <= lines[1] and lines[0] <= event.end_line


def _ratio(right: int, total: int) -> float | None:
    return round(right / total, 3) if total else None


def score(
    events: dict[str, list[DraftEvent]],
    gold: Iterable[Unit],
    affiliation: dict[str, str] | None = None,
) -> dict[str, object]:
    """Recall and precision over a set of sources (module docstring); ``events`` by source id,
    ``affiliation`` a person's state or organisation by person id (the case's)."""
    gold = list(gold)
    affiliation = affiliation or {}
    actor_person = 0
    strict = compatible = 0
    actor_items = actor_strict = actor_named = 0
    misses: list[dict[str, object]] = []
    for unit in gold:
        on_line = [e for e in events.get(unit.source, []) if _on(e, unit.lines)]
        is_strict = any(str(e.date.date) == str(d) for e in on_line for d in unit.dates)
        is_compatible = is_strict or any(nests(e.date.date, d) for e in on_line for d in unit.dates)
        strict += is_strict
        compatible += is_compatible
        missing: list[str] = []
        for actor in sorted(unit.actors):
            actor_items += 1
            as_actor = any(a.actor == actor for e in on_line for a in e.actors)
            named = as_actor or any(t.actor == actor for e in on_line for t in e.targets)
            actor_strict += as_actor
            actor_named += named
            actor_person += as_actor or any(
                affiliation.get(a.actor) == actor for e in on_line for a in e.actors
            )
            if not as_actor:
                missing.append(actor)
        if not is_strict or missing:
            misses.append(
                {
                    "record": unit.record,
                    "source": unit.source,
                    "line": unit.lines[0],
                    "dates": [str(d) for d in unit.dates],
                    "found": [
                        (str(e.date.date), e.date.rule, [a.actor for a in e.actors], e.quote[:90])
                        for e in on_line
                    ],
                    "date": "strict" if is_strict else ("compatible" if is_compatible else "missed"),
                    "actors_missed": missing,
                }
            )
    cited: dict[tuple[str, int], list[DateSpan]] = {}
    for unit in gold:
        for line in range(unit.lines[0], unit.lines[1] + 1):
            cited.setdefault((unit.source, line), []).extend(unit.dates)
    judged = right = near = unjudged = 0
    for source, found_events in events.items():
        for e in found_events:
            dates = [d for n in range(e.line, e.end_line + 1) for d in cited.get((source, n), [])]
            if not dates:
                unjudged += 1
                continue
            judged += 1
            right += any(str(e.date.date) == str(d) for d in dates)
            near += any(nests(e.date.date, d) for d in dates)
    return {
        "units": len(gold),
        "date_recall": {"strict": _ratio(strict, len(gold)), "compatible": _ratio(compatible, len(gold))},
        "actor_recall": {
            "items": actor_items,
            "strict": _ratio(actor_strict, actor_items),
            "named": _ratio(actor_named, actor_items),
            "by_person": _ratio(actor_person, actor_items),
        },
        "date_precision": {
            "judged": judged,
            "strict": _ratio(right, judged),
            "compatible": _ratio(near, judged),
            "not_judged": unjudged,
        },
        "misses": misses,
    }


def measure(halves: Sequence[str] = ("dev", "test")) -> dict[str, object]:
    """Run ingest on the English excerpts and score each half and both together."""
    case = open_case(CASE)
    gazetteer = Gazetteer.builtin().with_case(case)
    verbs = VerbDictionary.builtin()
    ids = english_sources(case)
    half_of = split(ids)
    by_id = {s.id: s for s in case.sources}
    gold = units(case, set(ids))
    affiliation = {a.id: a.affiliation for a in case.actors if a.affiliation}
    started = time.perf_counter()
    events: dict[str, list[DraftEvent]] = {}
    extracted = 0
    for source_id in ids:
        if half_of[source_id] not in halves:
            continue
        file = by_id[source_id].file
        assert file is not None
        document = read_source(CASE_DIR / "sources" / Path(file).name)
        (extraction,) = run(plan([document], lang="en", case=case), gazetteer=gazetteer, verbs=verbs)
        events[source_id] = list(extraction.events)
        extracted += len(extraction.events)
    seconds = round(time.perf_counter() - started, 2)
    result: dict[str, object] = {
        "case": CASE,
        "sources": {h: sum(1 for s in ids if half_of[s] == h) for h in ("dev", "test")},
        "split": "sorted English source ids, alternately dev (even index) and test (odd index)",
        "extracted_events": extracted,
        "seconds": seconds,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    }
    for half in (*halves, "all") if len(halves) > 1 else halves:
        chosen = [u for u in gold if half == "all" or half_of[u.source] == half]
        mine = {s: found for s, found in events.items() if half == "all" or half_of[s] == half}
        result[half] = score(mine, chosen, affiliation)
    return result


def _fmt(value: object) -> str:
    return "—" if not isinstance(value, int | float) else f"{value:.2f}"


def print_table(data: dict[str, object], show_misses: bool = False) -> None:
    print(
        f"{'half':<5} {'units':>5}  {'dateR':>5} {'~dateR':>6}  {'actR':>5} {'~actR':>5} {'actR+p':>6}  "
        f"{'dateP':>5} {'~dateP':>6} {'judged':>6} {'unjudged':>8}"
    )
    for half in ("dev", "test", "all"):
        if half not in data:
            continue
        row = data[half]
        assert isinstance(row, dict)
        dr, ar, dp = row["date_recall"], row["actor_recall"], row["date_precision"]
        print(
            f"{half:<5} {row['units']:>5}  {_fmt(dr['strict']):>5} {_fmt(dr['compatible']):>6}  "
            f"{_fmt(ar['strict']):>5} {_fmt(ar['named']):>5} {_fmt(ar['by_person']):>6}  "
            f"{_fmt(dp['strict']):>5} "
            f"{_fmt(dp['compatible']):>6} {dp['judged']:>6} {dp['not_judged']:>8}"
        )
        if show_misses:
            for miss in row["misses"]:
                print("   ", json.dumps(miss, ensure_ascii=False))
    print(
        "dateR strict, ~ compatible (nested spans); actR as actor, ~ as actor or target, +p or a person's"
        " affiliation; dateP on cited lines"
    )
    sources = data["sources"]
    print(
        f"{data['extracted_events']} events from {sources} sources; {data['seconds']} s on {data['machine']}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--half", choices=["dev", "test", "all"], default="all", help="which sources to run")
    parser.add_argument("--misses", action="store_true", help="list every unit not found strictly")
    args = parser.parse_args(argv)
    halves = ("dev", "test") if args.half == "all" else (args.half,)
    data = measure(halves)
    if args.json:
        if not args.misses:
            for half in ("dev", "test", "all"):
                row = data.get(half)
                if isinstance(row, dict):
                    row.pop("misses", None)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        print_table(data, args.misses)


if __name__ == "__main__":
    main()
