"""Benchmark: ingest's events on the seeds against the built-in case's hand-coded events (issue 17).

Runs ingest on each seed as ``hexatable ingest SEED --case six-party-talks`` does (built-in gazetteer
plus the case's actors, built-in verb dictionary, the year seeded from the case's source date), then
compares with the hand-coded ``events`` of ``six-party-talks`` that cite the same seed. An extracted
and a hand-coded event *correspond* when the extracted event's lines (``line``..``end_line``) overlap
the lines of one of the hand-coded event's citations of that seed. Then, per seed:

- **(date, actor) pairs**: each event contributes one pair per actor (``actors``, not ``targets``).
  An extracted pair is right when a corresponding hand-coded event has that date (the same ISO 8601
  string: precision and range must agree) and that actor; a hand-coded pair is found when a
  corresponding extracted event has it. Precision = right / extracted pairs, recall = found /
  hand-coded pairs.
- **dates**: the same with the date alone (one item per event). This is the *strict* figure the
  goals are judged on.
- **dates, compatible** (reported beside the strict figure, never instead of it): the same, but an
  extracted date is right when its span contains the hand-coded one's or lies within it (``2018``
  coded, ``2018-01/2018-03`` found for 年初; ``2019-02-27`` coded, ``2019-02-27/2019-02-28`` found for
  a range the coder gave by its first day). Such a pair differs in precision, not in what happened
  when; the figure shows how much of the strict shortfall is of that kind. Spans that merely overlap
  (``2018-07`` and ``2018-06/2018-08``) are not compatible.
- **actors**: the same with the actor alone.
- **CAMEO**: among extracted events that correspond to a hand-coded event with the same date and a
  shared actor, the share whose root code equals that event's (the best such event: most shared
  actors, then first in the case).
- **same act, by quote** (reported beside the figures above, never instead): an extracted event and a
  hand-coded one are the same act when the extracted quote overlaps one of the coder's cited quotes
  on a line both cite (:func:`by_quote`). *found by quote* (``byQ``) is the share of hand-coded events
  with such an extracted event; *CAMEO, same quote* the root agreement on those acts (and the date and
  actors likewise). The CAMEO figure above pairs an act with whichever hand-coded act on its lines
  shares its date and an actor, so on a line with several acts it can compare two different acts; this
  one pairs by the text the two quotes share, and leaves an event unpaired when the text cannot tell
  which of two acts it is (``ambiguous``).

The hand-coded events are the oracle: the rules and dictionaries were not tuned on them (see
docs/ingest.md). English: the built-in case's English sources are cited only by ledger
(``implementation``) and session records, not by events, so there is no event oracle for English;
English quality is measured against the ledger's dated records instead, by
``benchmarks/ingest_quality_en.py``.

``--seeds 000 001 003`` runs only the seeds whose file names start with those prefixes (default:
every seed), so rules can be developed on the dev seeds without running on the held-out one.
``--misses`` lists, per seed run, each hand-coded event not matched strictly (its date, actors and
code against the events extracted on its lines, with line and quote), each extracted event that
matched no hand-coded date, and each same-act pair (:func:`same_act_misses`) where ingest's date,
actors or root differ from the coder's, with the blind second reader's reading beside it and the
fields on which the two readers agree (``readers_agree``: there ingest's reading is least likely to
be a defensible alternative), and each hand-coded act no extracted quote overlaps (:func:`not_found`,
``kind: not-found``, with the events extracted on its lines); never for the held-out seed
(:data:`HELD_OUT`), whose misses must not be read while rules are being developed.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/ingest_quality.py [--json] [--seeds 000 001 003]
[--misses] [--intervals]``. ``--json`` always carries each figure's 95 % Wilson interval
(``precision_ci95``, ``recall_ci95``, ``agreement_ci95``); ``--intervals`` prints them.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import platform
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from second_coding import SECOND_CODING, Coding, load_second_coding

from hexatable.case import open_case
from hexatable.case.dates import DateSpan
from hexatable.case.models import Case
from hexatable.case.quotes import locator_lines, normalise
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import read_source
from hexatable.ingest.types import DraftEvent
from hexatable.ingest.verbs import VerbDictionary
from hexatable.negotiate.tally import wilson_interval

SEEDS = Path("/work/shared/seeds")
CASE = "six-party-talks"
ENGLISH = (
    "no built-in events cite the English sources; measured against the ledger's dated records by "
    "benchmarks/ingest_quality_en.py"
)
HELD_OUT = "002"
"""The seed the goals are judged on, measured once by the lead: ``--misses`` never lists its misses."""
GOALS = {"pairs": 0.9, "dates": 0.9, "actors": 0.85, "cameo": 0.6}
"""The issue's goals on seed 002 (date P/R ≥ 0.9, actors ≥ 0.85, CAMEO ≥ 0.6); the pair goal is
taken as the date goal."""


@dataclass(frozen=True)
class Gold:
    """A hand-coded event as the benchmark sees it: its lines in one source, date, actors, code."""

    id: str
    ranges: tuple[tuple[int, int], ...]
    date: str
    actors: frozenset[str]
    cameo: int
    quote: str = ""
    quotes: tuple[tuple[int, int, str], ...] = ()
    """Each citation of this source as (line, end_line, verbatim quote): where the coder saw the act."""


def gold_events(case: Case, source_id: str) -> list[Gold]:
    found: list[Gold] = []
    for event in case.events:
        cited = [
            (r, c.quote or "")
            for c in event.provenance
            if c.source == source_id and (r := locator_lines(c.locator)) is not None
        ]
        if cited:
            ranges = tuple(r for r, _ in cited)
            quote = cited[0][1]
            quotes = tuple((low, high, q) for (low, high), q in cited if q)
            found.append(
                Gold(event.id, ranges, str(event.date), frozenset(event.actors), event.cameo, quote, quotes)
            )
    return found


def compatible(a: str, b: str) -> bool:
    """Whether one of two ISO 8601 dates or ranges contains the other (the *compatible* figure)."""
    x, y = DateSpan.parse(a), DateSpan.parse(b)
    inside = x.earliest() >= y.earliest() and x.latest() <= y.latest()
    return inside or (y.earliest() >= x.earliest() and y.latest() <= x.latest())


def _overlaps(event: DraftEvent, gold: Gold) -> bool:
    return any(low <= event.end_line and event.line <= high for low, high in gold.ranges)


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def score(extracted: list[DraftEvent], gold: list[Gold]) -> dict[str, object]:
    """Precision, recall and CAMEO agreement of one seed (module docstring)."""
    near = {e.id: [g for g in gold if _overlaps(e, g)] for e in extracted}
    near_gold = {g.id: [e for e in extracted if _overlaps(e, g)] for g in gold}

    def pairs_of_event(e: DraftEvent) -> set[tuple[str, str]]:
        return {(str(e.date.date), a.actor) for a in e.actors}

    def counts(
        items_e: Iterable[tuple[DraftEvent, object]], items_g: Iterable[tuple[Gold, object]], kind: str
    ) -> dict[str, object]:
        right = total_e = 0
        for e, item in items_e:
            total_e += 1
            right += any(_has(g, item, kind) for g in near[e.id])
        found = total_g = 0
        for g, item in items_g:
            total_g += 1
            found += any(_has_e(e, item, kind) for e in near_gold[g.id])
        return _measure(right, found, total_e, total_g)

    result: dict[str, object] = {
        "pairs": counts(
            ((e, p) for e in extracted for p in pairs_of_event(e)),
            ((g, (g.date, a)) for g in gold for a in g.actors),
            "pair",
        ),
        "dates": counts(((e, str(e.date.date)) for e in extracted), ((g, g.date) for g in gold), "date"),
        "dates_compatible": counts(
            ((e, str(e.date.date)) for e in extracted), ((g, g.date) for g in gold), "date~"
        ),
        "actors": counts(
            ((e, a.actor) for e in extracted for a in {m.actor: m for m in e.actors}.values()),
            ((g, a) for g in gold for a in g.actors),
            "actor",
        ),
    }
    agree = matched = 0
    for e in extracted:
        actors = {a.actor for a in e.actors}
        same = [g for g in near[e.id] if g.date == str(e.date.date) and g.actors & actors]
        if not same:
            continue
        best = max(same, key=lambda g: (len(g.actors & actors), -gold.index(g)))
        matched += 1
        agree += best.cameo == e.cameo
    result["cameo"] = _agreement(agree, matched)
    return result


def _agreement(agree: int, matched: int) -> dict[str, object]:
    return {
        "agreement": _ratio(agree, matched),
        "agreement_ci95": interval(agree, matched),
        "matched": matched,
        "agree": agree,
    }


MIN_OVERLAP = 4
"""Characters an extracted quote must share with a cited quote, laid on the text, to be the same act
(or the whole cited quote, when it is shorter): a shared 。 or 的 at a clause boundary is no evidence."""


@dataclass(frozen=True)
class Layout:
    """A source text in the form the case's quote check reads it (:func:`normalise`: no whitespace,
    link markup or footnote markers), with a map from raw offsets: quotes are laid on it to see
    whether two excerpts overlap in the text, not merely share words.

    >>> layout = Layout.of('甲方表示，\\n[乙方](x.md "wikilink")拒绝。')
    >>> layout.normal, layout.at(6), layout.find("乙方拒绝", 2, 2)
    ('甲方表示，乙方拒绝。', 5, (5, 9))
    """

    lines: tuple[str, ...]
    starts: tuple[int, ...]
    """The raw offset where each line starts."""
    normal_starts: tuple[int, ...]
    """The offset in :attr:`normal` where each line starts, and one past the last line."""
    normal: str

    @classmethod
    def of(cls, text: str) -> Layout:
        lines = tuple(text.split("\n"))
        starts, normal_starts, pieces = [0], [0], []
        for line in lines:
            piece = normalise(line)
            pieces.append(piece)
            starts.append(starts[-1] + len(line) + 1)
            normal_starts.append(normal_starts[-1] + len(piece))
        return cls(lines, tuple(starts[:-1]), tuple(normal_starts), "".join(pieces))

    def at(self, raw: int) -> int:
        """The offset in :attr:`normal` of the raw offset ``raw``."""
        line = max(0, bisect.bisect_right(self.starts, raw) - 1)
        return self.normal_starts[line] + len(normalise(self.lines[line][: raw - self.starts[line]]))

    def find(self, quote: str, low: int, high: int) -> tuple[int, int] | None:
        """Where ``quote`` stands in :attr:`normal`, starting on lines ``low``..``high`` (1-based), as
        the case's quote check places a citation (it may run on past ``high``)."""
        needle = normalise(quote)
        if not needle or not 1 <= low <= high <= len(self.lines):
            return None
        at = self.normal.find(needle, self.normal_starts[low - 1])
        return (at, at + len(needle)) if 0 <= at < self.normal_starts[high] else None

    def span(self, event: DraftEvent) -> tuple[int, int]:
        """Where ``event``'s quote stands: inside its sentence (raw ``start``..``end``)."""
        begin, end = self.at(event.start), self.at(event.end)
        needle = normalise(event.quote)
        at = self.normal.find(needle, begin, end) if needle else -1
        return (at, at + len(needle)) if at >= 0 else (begin, end)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(low <= position < high for low, high in spans)


@dataclass(frozen=True)
class SameActs:
    """The same-act pairing of one seed (:func:`same_act_pairs`)."""

    pairs: list[tuple[DraftEvent, Gold]]
    """Each extracted event with the hand-coded act its quote overlaps, when one act is that act."""
    found: set[str]
    """The hand-coded events some extracted quote overlaps."""
    ambiguous: int
    """Extracted events overlapping several hand-coded acts equally, their cue and names deciding
    nothing: left unpaired rather than paired by the case's order."""
    located: set[str]
    """The hand-coded events at least one of whose cited quotes was found on its lines."""


def same_act_pairs(extracted: list[DraftEvent], gold: list[Gold], layout: Layout) -> SameActs:
    """Pair each extracted event with the hand-coded act whose cited quote its own quote overlaps in the
    text (at least :data:`MIN_OVERLAP` characters, or the whole cited quote). When it overlaps several,
    the act whose cited quote holds the event's cue wins, then the one holding more of its names, then
    the larger overlap; a tie left after that is *ambiguous* and not paired. Nothing about the codes
    or dates decides a pairing."""
    spans = {
        g.id: [s for low, high, q in g.quotes if (s := layout.find(q, low, high)) is not None] for g in gold
    }
    pairs: list[tuple[DraftEvent, Gold]] = []
    found: set[str] = set()
    ambiguous = 0
    for e in extracted:
        mine = layout.span(e)
        sizes: dict[str, int] = {}
        for g in gold:
            for low, high in spans[g.id]:
                size = _overlap(mine, (low, high))
                if size and size >= min(MIN_OVERLAP, high - low):
                    sizes[g.id] = max(size, sizes.get(g.id, 0))
        found.update(sizes)
        tied = [g for g in gold if g.id in sizes]
        if not tied:
            continue
        if len(tied) > 1 and e.cue is not None:
            cue = layout.at(e.cue.start)
            tied = [g for g in tied if _inside(cue, spans[g.id])] or tied
        if len(tied) > 1:
            names = [layout.at(a.start) for a in e.actors]
            counts = {g.id: sum(_inside(n, spans[g.id]) for n in names) for g in tied}
            tied = [g for g in tied if counts[g.id] == max(counts.values())]
        if len(tied) > 1:
            most = max(sizes[g.id] for g in tied)
            tied = [g for g in tied if sizes[g.id] == most]
        if len(tied) > 1:
            ambiguous += 1
            continue
        pairs.append((e, tied[0]))
    located = {g.id for g in gold if spans[g.id]}
    return SameActs(pairs, found, ambiguous, located)


def second_readings(case: Case, seed: str) -> dict[str, Coding]:
    """The second reader's reading of each hand-coded event of one seed (by event id), if kept."""
    if not SECOND_CODING.exists():
        return {}
    return {c.event: c for c in load_second_coding(SECOND_CODING, case) if c.seed == seed[:3]}


def same_act_misses(
    extracted: list[DraftEvent], gold: list[Gold], layout: Layout, second: dict[str, Coding]
) -> list[dict[str, object]]:
    """Each same-act pair (:func:`same_act_pairs`) where ingest's date, actors or root differ from the
    coder's, with the second reader's reading beside it: ``readers_agree`` names the fields on which
    both readers agree, where ingest's difference is least likely to be a defensible reading."""
    found: list[dict[str, object]] = []
    for e, g in same_act_pairs(extracted, gold, layout).pairs:
        named = {a.actor for a in e.actors}
        wrong = [
            field
            for field, differs in (
                ("date", g.date != str(e.date.date)),
                ("actors", g.actors != named),
                ("cameo", g.cameo != e.cameo),
            )
            if differs
        ]
        if not wrong:
            continue
        other = second.get(g.id)
        agree = []
        if other is not None:
            agree = [
                field
                for field, same in (
                    ("date", other.date == g.date),
                    ("actors", other.actors == g.actors),
                    ("cameo", other.cameo == g.cameo),
                )
                if same and field in wrong
            ]
        found.append(
            {
                "kind": "same-act:" + "+".join(wrong),
                "gold": g.id,
                "coded": {"date": g.date, "actors": sorted(g.actors), "cameo": g.cameo},
                "second": (
                    {
                        "date": other.date,
                        "actors": sorted(other.actors),
                        "cameo": other.cameo,
                        "doubt": other.doubt,
                    }
                    if other is not None
                    else None
                ),
                "readers_agree": agree,
                "extracted": _shown(e),
            }
        )
    return found


def not_found(extracted: list[DraftEvent], gold: list[Gold], layout: Layout) -> list[dict[str, object]]:
    """The hand-coded acts whose cited quote was found in the text but which no extracted quote
    overlaps (the complement of :attr:`SameActs.found` among :attr:`SameActs.located`), each with the
    extracted events on its lines: what ingest does not find at all, to group by cause."""
    acts = same_act_pairs(extracted, gold, layout)
    return [
        {
            "kind": "not-found",
            "gold": g.id,
            "lines": [list(r) for r in g.ranges],
            "quote": g.quotes[0][2] if g.quotes else g.quote,
            "coded": {"date": g.date, "actors": sorted(g.actors), "cameo": g.cameo},
            "on_its_lines": [_shown(e) for e in extracted if _overlaps(e, g)],
        }
        for g in gold
        if g.id in acts.located and g.id not in acts.found
    ]


def by_quote(extracted: list[DraftEvent], gold: list[Gold], layout: Layout) -> dict[str, object]:
    """The *same-act* figures, reported beside the line-matched ones and never instead of them.

    Matching by line pairs every extracted event with every hand-coded event on its lines, and the CAMEO
    figure then compares an act with whichever hand-coded act on that line shares its date and an
    actor. Here an extracted event and a hand-coded one are the same act when the extracted quote
    overlaps one of the coder's cited quotes in the text (:func:`same_act_pairs`): **found by quote**
    is the share of hand-coded events with such an extracted event, and **CAMEO, same quote** the
    share of paired extracted events whose root equals that of their hand-coded act.
    ``dates_same_quote`` (strict) and ``actors_same_quote`` (actors as items, precision and recall) are
    judged on the same pairs: they show what ingest reads wrong about the acts it did find, apart from
    the acts it missed or added. Quotes are laid on the text as the case's quote check reads it
    (:class:`Layout`).
    """

    acts = same_act_pairs(extracted, gold, layout)
    pairs = acts.pairs
    agree = same_date = actors_right = actors_e = actors_found = actors_g = 0
    for e, best in pairs:
        agree += best.cameo == e.cameo
        same_date += best.date == str(e.date.date)
        named = {a.actor for a in e.actors}
        actors_right += len(named & best.actors)
        actors_e += len(named)
        actors_found += len(best.actors & named)
        actors_g += len(best.actors)
    matched = len(pairs)
    located = len(acts.located)
    found = len(acts.found)
    return {
        "found_by_quote": {
            "recall": _ratio(found, located),
            "recall_ci95": interval(found, located),
            "found": found,
            "hand_coded": located,
        },
        "cameo_same_quote": _agreement(agree, matched),
        "dates_same_quote": _agreement(same_date, matched),
        "actors_same_quote": _measure(actors_right, actors_found, actors_e, actors_g),
        "without_quote": len(gold) - located,
        "ambiguous": acts.ambiguous,
    }


MEASURES = ("pairs", "dates", "dates_compatible", "actors")


def interval(successes: int, trials: int) -> list[float] | None:
    """A figure's 95 % Wilson interval, rounded to 3 places (None without trials).

    The items of a seed are not independent draws (events on one line share a date context), so the
    interval is a guide to how many items a figure rests on, not an exact coverage: on seed 002's
    40 hand-coded events one event moves a recall by 0.025, and 0.72 has the interval [0.57, 0.84].
    """
    if not trials:
        return None
    return [round(x, 3) for x in wilson_interval(successes, trials)]


def _measure(right: int, found: int, total_e: int, total_g: int) -> dict[str, object]:
    """One measure's figures: ``right`` of ``total_e`` extracted, ``found`` of ``total_g`` hand-coded."""
    return {
        "precision": _ratio(right, total_e),
        "recall": _ratio(found, total_g),
        "precision_ci95": interval(right, total_e),
        "recall_ci95": interval(found, total_g),
        "extracted": total_e,
        "hand_coded": total_g,
        "right": right,
        "found": found,
    }


def pooled(rows: Iterable[dict[str, object]]) -> dict[str, object]:
    """The seeds' figures pooled (counts summed, then divided): the dev seeds as one set."""
    scored = [r for r in rows if "pairs" in r]
    result: dict[str, object] = {
        "seed": "pooled (" + ", ".join(str(r["seed"])[:3] for r in scored) + ")",
        "lang": "",
        "extracted": sum(cast(int, r["extracted"]) for r in scored),
        "hand_coded": sum(cast(int, r["hand_coded"]) for r in scored),
    }
    for name in MEASURES:
        parts = [cast(dict[str, int], r[name]) for r in scored]
        right, found = sum(p["right"] for p in parts), sum(p["found"] for p in parts)
        total_e, total_g = sum(p["extracted"] for p in parts), sum(p["hand_coded"] for p in parts)
        result[name] = _measure(right, found, total_e, total_g)
    for key in ("cameo", "cameo_same_quote", "dates_same_quote"):
        cameos = [cast(dict[str, int], r[key]) for r in scored]
        matched, agree = sum(c["matched"] for c in cameos), sum(c["agree"] for c in cameos)
        result[key] = _agreement(agree, matched)
    parts = [cast(dict[str, int], r["actors_same_quote"]) for r in scored]
    result["actors_same_quote"] = _measure(
        sum(p["right"] for p in parts),
        sum(p["found"] for p in parts),
        sum(p["extracted"] for p in parts),
        sum(p["hand_coded"] for p in parts),
    )
    quoted = [cast(dict[str, int], r["found_by_quote"]) for r in scored]
    found, total = sum(q["found"] for q in quoted), sum(q["hand_coded"] for q in quoted)
    result["found_by_quote"] = {
        "recall": _ratio(found, total),
        "recall_ci95": interval(found, total),
        "found": found,
        "hand_coded": total,
    }
    result["without_quote"] = sum(cast(int, r["without_quote"]) for r in scored)
    result["ambiguous"] = sum(cast(int, r["ambiguous"]) for r in scored)
    return result


def _shown(e: DraftEvent) -> dict[str, object]:
    return {
        "line": e.line,
        "date": str(e.date.date),
        "rule": e.date.rule,
        "actors": sorted({a.actor for a in e.actors}),
        "targets": sorted({t.actor for t in e.targets}),
        "cameo": e.cameo,
        "cue": e.cue.text if e.cue is not None else None,
        "quote": e.quote,
    }


def misses(extracted: list[DraftEvent], gold: list[Gold]) -> list[dict[str, object]]:
    """What a reviewer of the rules needs to see: each hand-coded event whose date (strict), actors
    or CAMEO root no extracted event on its lines matches, with what was extracted there; then each
    extracted event that corresponds to no hand-coded event with its date (``kind: extra``)."""
    found: list[dict[str, object]] = []
    for g in gold:
        near = [e for e in extracted if _overlaps(e, g)]
        dated = [e for e in near if str(e.date.date) == g.date]
        kinds = []
        if not near:
            kinds.append("not-found")
        elif not dated:
            kinds.append("date")
        named = {a.actor for e in (dated or near) for a in e.actors}
        missing = sorted(g.actors - named)
        if near and missing:
            kinds.append("actors")
        agreeing = [e for e in dated if {a.actor for a in e.actors} & g.actors]
        if agreeing and all(e.cameo != g.cameo for e in agreeing):
            kinds.append("cameo")
        if kinds:
            found.append(
                {
                    "kind": "+".join(kinds),
                    "gold": g.id,
                    "lines": [list(r) for r in g.ranges],
                    "coded": {"date": g.date, "actors": sorted(g.actors), "cameo": g.cameo},
                    "actors_missed": missing,
                    "quote": g.quote,
                    "extracted": [_shown(e) for e in near],
                }
            )
    for e in extracted:
        coded = [g for g in gold if _overlaps(e, g)]
        if not any(g.date == str(e.date.date) for g in coded):
            found.append(
                {
                    "kind": "extra" if not coded else "extra-date",
                    "coded_dates": sorted({g.date for g in coded}),
                    "extracted": [_shown(e)],
                }
            )
    return found


def _has(g: Gold, item: object, kind: str) -> bool:
    if kind == "pair":
        date, actor = cast(tuple[str, str], item)
        return g.date == date and actor in g.actors
    if kind == "date":
        return g.date == item
    if kind == "date~":
        return compatible(g.date, str(item))
    return item in g.actors


def _has_e(e: DraftEvent, item: object, kind: str) -> bool:
    if kind == "pair":
        date, actor = cast(tuple[str, str], item)
        return str(e.date.date) == date and any(a.actor == actor for a in e.actors)
    if kind == "date":
        return str(e.date.date) == item
    if kind == "date~":
        return compatible(str(e.date.date), str(item))
    return any(a.actor == item for a in e.actors)


def selected(paths: Iterable[Path], prefixes: Iterable[str] | None) -> list[Path]:
    """The seed files whose names start with one of ``prefixes`` (all of them when None), sorted."""
    wanted = tuple(prefixes) if prefixes is not None else None
    return sorted(p for p in paths if wanted is None or p.name.startswith(wanted))


def measure(prefixes: Iterable[str] | None = None, with_misses: bool = False) -> dict[str, object]:
    case = open_case(CASE)
    gazetteer = Gazetteer.builtin().with_case(case)
    verbs = VerbDictionary.builtin()
    by_file = {Path(s.file).name: s for s in case.sources if s.file}
    rows: list[dict[str, object]] = []
    started = time.perf_counter()
    for path in selected(SEEDS.glob("*.txt"), prefixes):
        document = read_source(path)
        source = by_file.get(path.name)
        planned = plan([document], lang="auto", case=case)
        (extraction,) = run(planned, gazetteer=gazetteer, verbs=verbs)
        gold = gold_events(case, source.id) if source else []
        row: dict[str, object] = {
            "seed": path.name,
            "source": source.id if source else None,
            "lang": extraction.lang,
            "extracted": len(extraction.events),
            "hand_coded": len(gold),
        }
        if gold:
            row.update(score(list(extraction.events), gold))
            layout = Layout.of(document.text)
            row.update(by_quote(list(extraction.events), gold, layout))
            if with_misses and not path.name.startswith(HELD_OUT):
                row["misses"] = misses(list(extraction.events), gold)
                row["same_act_misses"] = same_act_misses(
                    list(extraction.events), gold, layout, second_readings(case, path.name)
                )
                row["not_found"] = not_found(list(extraction.events), gold, layout)
        rows.append(row)
    if sum("pairs" in r for r in rows) > 1:
        rows.append(pooled(rows))
    return {
        "case": CASE,
        "seconds": round(time.perf_counter() - started, 2),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "english": ENGLISH,
        "seeds": rows,
    }


def _fmt(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float | int) else "—"


def _span(ci: object) -> str:
    return f"[{ci[0]:.2f}, {ci[1]:.2f}]" if isinstance(ci, list) else "—"


def print_intervals(data: dict[str, object]) -> None:
    """The 95 % Wilson intervals of the strict date, actor and CAMEO figures, one row per seed."""
    print("95 % Wilson intervals (items are not independent draws: a guide to how much a figure rests on)")
    print(f"{'seed':<26} {'dateP':>12} {'dateR':>12} {'actP':>12} {'actR':>12} {'CAMEO':>12}")
    for row in data["seeds"]:  # type: ignore[attr-defined]
        if "pairs" not in row:
            continue
        d, a, c = row["dates"], row["actors"], row["cameo"]
        print(
            f"{row['seed'][:26]:<26} {_span(d['precision_ci95']):>12} {_span(d['recall_ci95']):>12} "
            f"{_span(a['precision_ci95']):>12} {_span(a['recall_ci95']):>12} {_span(c['agreement_ci95']):>12}"
        )


def print_same_act(data: dict[str, object]) -> None:
    """The same-act figures (:func:`by_quote`), one row per seed."""
    print("same act (extracted quote overlapping the coder's cited quote; by_quote):")
    print(f"{'seed':<26} {'found':>5}  {'date':>5}  {'actP':>5} {'actR':>5}  {'CAMEO':>5} {'n':>3}")
    for row in data["seeds"]:  # type: ignore[attr-defined]
        if "found_by_quote" not in row:
            continue
        f, d, a, c = (
            row["found_by_quote"],
            row["dates_same_quote"],
            row["actors_same_quote"],
            row["cameo_same_quote"],
        )
        print(
            f"{row['seed'][:26]:<26} {_fmt(f['recall']):>5}  {_fmt(d['agreement']):>5}  "
            f"{_fmt(a['precision']):>5} {_fmt(a['recall']):>5}  {_fmt(c['agreement']):>5} {c['matched']:>3}"
        )


def print_table(data: dict[str, object], show_misses: bool = False) -> None:
    header = (
        f"{'seed':<26} {'lang':<4} {'ext':>4} {'gold':>4}  "
        f"{'pairP':>5} {'pairR':>5}  {'dateP':>5} {'dateR':>5}  {'date~P':>6} {'date~R':>6}  "
        f"{'actP':>5} {'actR':>5}  "
        f"{'CAMEO':>5} {'n':>3}"
    )
    print(header)
    for row in data["seeds"]:  # type: ignore[attr-defined]
        line = f"{row['seed'][:26]:<26} {row['lang']:<4} {row['extracted']:>4} {row['hand_coded']:>4}  "
        if "pairs" in row:
            p, d, a, c = row["pairs"], row["dates"], row["actors"], row["cameo"]
            k = row["dates_compatible"]
            line += (
                f"{_fmt(p['precision']):>5} {_fmt(p['recall']):>5}  "
                f"{_fmt(d['precision']):>5} {_fmt(d['recall']):>5}  "
                f"{_fmt(k['precision']):>6} {_fmt(k['recall']):>6}  "
                f"{_fmt(a['precision']):>5} {_fmt(a['recall']):>5}  "
                f"{_fmt(c['agreement']):>5} {c['matched']:>3}"
            )
        else:
            line += "  (no hand-coded events cite this seed)"
        print(line)
        if show_misses:
            for miss in [*row.get("misses", []), *row.get("same_act_misses", []), *row.get("not_found", [])]:
                print("   ", json.dumps(miss, ensure_ascii=False))
    print("date~ = compatible dates (one span contains the other): a precision difference, shown")
    print("beside the strict dateP/dateR, on which the goals are judged")
    print(f"English: {data['english']}")
    print(f"goals on seed 002: {GOALS}; {data['seconds']} s on {data['machine']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--seeds",
        nargs="+",
        metavar="PREFIX",
        help="run only the seeds whose file names start with these prefixes (default: all)",
    )
    parser.add_argument(
        "--intervals", action="store_true", help="also print each figure's 95 %% Wilson interval"
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help=f"list each miss of the seeds run (never of the held-out seed {HELD_OUT})",
    )
    args = parser.parse_args(argv)
    if args.seeds is not None:
        names = [p.name for p in SEEDS.glob("*.txt")]
        unknown = [s for s in args.seeds if not any(n.startswith(s) for n in names)]
        if unknown:
            parser.error(f"--seeds: no seed in {SEEDS} starts with {', '.join(unknown)}")
    data = measure(args.seeds, with_misses=args.misses)
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        print_table(data, args.misses)
        print_same_act(data)
        if args.intervals:
            print_intervals(data)


if __name__ == "__main__":
    main()
