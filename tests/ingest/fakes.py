"""Small stand-ins that follow the ingest contract (``hexatable.ingest.types``), so the pipeline's
tests do not depend on the real date finder, gazetteer and verb dictionary (built alongside).

They know only what a test hands them: a table of names, a table of cues, and three date forms.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from hexatable.case.dates import DateSpan
from hexatable.cli.app import app
from hexatable.ingest.extract import CueFinder, extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import ActorMention, Cue, DateMention, DraftEvent, Lang
from tests.ingest.builtin_runs import actor_codes

_ZH_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_EN_DATE = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" (\d{1,2})(?:, (\d{4}))?"
)
_MONTH_NAMES = "January February March April May June July August September October November December"
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split(" "))}


@dataclass
class FakeFinder:
    """Year-month-day, month-day and day dates in Chinese; "Month D[, YYYY]" in English. A date
    right after 将于 ("will be held on") is a plan: returned with ``anchor=False``, context kept."""

    lang: Lang
    year: int | None = None
    month: int | None = None
    unresolved: list[str] = field(default_factory=list)

    def find(self, text: str) -> list[DateMention]:
        found: list[DateMention] = []
        pattern = _ZH_DATE if self.lang == "zh" else _EN_DATE
        for match in pattern.finditer(text):
            if self.lang == "zh":
                year = int(match.group(1)) if match.group(1) else self.year
                month = int(match.group(2)) if match.group(2) else self.month
                day = int(match.group(3))
                said_year = match.group(1) is not None
            else:
                month, day = _MONTHS[match.group(1)], int(match.group(2))
                year = int(match.group(3)) if match.group(3) else self.year
                said_year = match.group(3) is not None
            if year is None or month is None:
                self.unresolved.append(match.group())
                continue
            plan = text[max(0, match.start() - 2) : match.start()] == "将于"
            if not plan:
                self.year, self.month = year, month
            span = DateSpan.parse(f"{year:04d}-{month:02d}-{day:02d}")
            mention = DateMention(match.start(), match.end(), match.group(), span, "fake", not said_year)
            found.append(replace(mention, anchor=not plan))
        return found


@dataclass
class FakeGazetteer:
    """Known names: ``{name: (actor id, state or None)}``; proposes nothing unless told."""

    names: dict[str, tuple[str, str | None]]
    proposals: dict[str, str] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def _scan(self, text: str, table: dict[str, tuple[str, str | None]], origin: str) -> list[ActorMention]:
        if not table:
            return []
        pattern = re.compile("|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)))
        return [
            ActorMention(m.start(), m.end(), m.group(), table[m.group()][0], origin, table[m.group()][1])  # type: ignore[arg-type]
            for m in pattern.finditer(text)
        ]

    def find(self, text: str, lang: Lang) -> list[ActorMention]:
        return self._scan(text, self.names, "case")

    def propose(self, text: str, lang: Lang) -> list[ActorMention]:
        return self._scan(text, {n: (i, None) for n, i in self.proposals.items()}, "proposed")

    def label(self, actor_id: str, lang: Lang) -> str:
        return self.labels.get(actor_id, {}).get(lang, actor_id)

    def state_of(self, actor_id: str) -> str | None:
        return next((s for i, s in self.names.values() if i == actor_id), None)


@dataclass
class FakeVerbs:
    """Cues: ``{text: CAMEO root}``, matched leftmost-longest."""

    cues: dict[str, int]
    not_cues: tuple[tuple[Lang, str], ...] = ()

    def find(self, text: str, lang: Lang) -> list[Cue]:
        pattern = re.compile("|".join(re.escape(c) for c in sorted(self.cues, key=len, reverse=True)))
        return [
            Cue(m.start(), m.end(), m.group(), self.cues[m.group()], m.group())
            for m in pattern.finditer(text)
        ]


@dataclass
class WeightedVerbs:
    """Cues ``{text: (CAMEO root, weight)}``, matched leftmost-longest: for tests where a cue's
    weight matters (which cue types an event, a verb of saying giving way)."""

    cues: dict[str, tuple[int, float]]
    not_cues: tuple[tuple[Lang, str], ...] = ()

    def find(self, text: str, lang: Lang) -> list[Cue]:
        pattern = re.compile("|".join(re.escape(c) for c in sorted(self.cues, key=len, reverse=True)))
        return [
            Cue(m.start(), m.end(), m.group(), self.cues[m.group()][0], m.group(), self.cues[m.group()][1])
            for m in pattern.finditer(text)
        ]


def codes(
    text: str,
    *,
    lang: Lang,
    names: dict[str, tuple[str, str | None]],
    cues: dict[str, tuple[int, float]],
) -> list[tuple[int, str | None]]:
    """(CAMEO root, cue text) of each event ``extract`` finds in ``text`` with these fakes: the
    shape the cue-choice tests compare, with their own name and cue tables."""
    result = extract(
        document_from_text(text, name="chron.txt"),
        lang=lang,
        gazetteer=FakeGazetteer(names),
        verbs=WeightedVerbs(cues),
        source_id="chron",
        finder=FakeFinder(lang),
    )
    return [(e.cameo, e.cue.text if e.cue else None) for e in result.events]


def dated_events(
    text: str, *, lang: Lang, names: dict[str, tuple[str, str | None]], verbs: CueFinder
) -> tuple[DraftEvent, ...]:
    """The events ``extract`` finds in one sentence dated 4 March 2031 (a chronology's entry), with
    these names and a verb dictionary of the test's choice."""
    dated = f"2031年3月4日，{text}\n" if lang == "zh" else f"On March 4, 2031, {text}\n"
    return extract(
        document_from_text(dated, name="chron.txt"),
        lang=lang,
        gazetteer=FakeGazetteer(names),
        verbs=verbs,
        source_id="chron",
        finder=FakeFinder(lang),
    ).events


DATED_OPENING = {"zh": "2009年3月3日，", "en": "On March 3, 2009, "}
"""How the round-7 tests date a sentence of their own: 3 March 2009, as a chronology entry."""


def cli_events(tmp_path: Path, text: str, lang: str) -> list[dict[str, Any]]:
    """The events ``hexatable ingest --json`` writes for ``text``, one file, no case."""
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--lang", lang, "--json"])
    assert result.exit_code == 0, result.output
    events: list[dict[str, Any]] = json.loads(result.stdout)["sources"][0]["events"]
    return events


def cli_rows(tmp_path: Path, text: str, lang: str) -> list[tuple[str, list[str], int]]:
    """(date, actor ids, CAMEO root) of each event ``hexatable ingest --json`` writes for ``text``."""
    return [(e["date"], [a["id"] for a in e["actors"]], e["cameo"]) for e in cli_events(tmp_path, text, lang)]


def cli_full_rows(tmp_path: Path, text: str, lang: str) -> list[tuple[str, list[str], list[str], int]]:
    """(date, actor ids, target ids, CAMEO root) of each event ``hexatable ingest --json`` writes."""
    return [
        (e["date"], [a["id"] for a in e["actors"]], [t["id"] for t in e["targets"]], e["cameo"])
        for e in cli_events(tmp_path, text, lang)
    ]


def dated_cli_rows(tmp_path: Path, sentence: str, lang: str) -> list[tuple[list[str], list[str], int]]:
    """(actor ids, target ids, CAMEO root) of each event ``hexatable ingest --json`` finds in one
    sentence of ours dated 3 March 2009 (:data:`DATED_OPENING`)."""
    text = f"{DATED_OPENING[lang]}{sentence}\n"
    return [(actors, targets, cameo) for _, actors, targets, cameo in cli_full_rows(tmp_path, text, lang)]


def dated_builtin_rows(sentence: str, lang: Lang) -> list[tuple[list[str], int]]:
    """(actor ids, CAMEO root) of each event ``extract`` finds, with the built-in gazetteer, verb
    dictionary and date finder, in one sentence of ours dated 3 March 2009."""
    return actor_codes(f"{DATED_OPENING[lang]}{sentence}\n", lang=lang)
