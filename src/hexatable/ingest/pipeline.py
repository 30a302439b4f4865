"""The whole of ingest for a batch of documents: the glue the command line and the review page share.

It picks each document's language (``auto``: from its share of CJK characters, and each block's
from its own share, so a file in both languages is read part by part), its source id (from
the file name, unique in the batch), and the year that seeds its date finder (``--year``, else the
date of the target case's source with the same file name, else none: then a date says its year or is
reported unresolved), and calls :func:`hexatable.ingest.extract.extract` on each. When that case source's
date gives the day, it is also the day of writing that English weekdays ("on Tuesday") count from
until the text's own dateline says one (docs/ingest-dates.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hexatable.case.models import Case
from hexatable.ingest.dates import date_finder
from hexatable.ingest.draft import slug
from hexatable.ingest.extract import ActorFinder, CueFinder, Extraction, extract
from hexatable.ingest.read import SourceDocument
from hexatable.ingest.types import Lang, PeriodChoice

LangChoice = Literal["zh", "en", "auto"]


@dataclass(frozen=True)
class Plan:
    """How one document will be read: its source id, language, seed year, day of writing, and how a
    vague part of a period is dated (``--periods``; docs/ingest-dates.md)."""

    document: SourceDocument
    source_id: str
    lang: Lang
    year: int | None
    written: dt.date | None = None
    periods: PeriodChoice = "contain"
    per_block: bool = False
    """Read each block in its own language (``--lang auto``); ``lang`` is then the file's language,
    which blocks that say none (a date, a number) are read in."""
    written_by: dt.date | None = None
    """The last day the case's source of this file may have been written (the end of its date, of
    any precision): a month and day said without a year that would fall after it are the year before's."""


def case_source_year(case: Case | None, name: str) -> int | None:
    """The year of the case's source whose ``file`` is ``name`` (the seeds of the built-in case)."""
    if case is None:
        return None
    for source in case.sources:
        if source.file is not None and Path(source.file).name == name and source.date is not None:
            return source.date.earliest().year
    return None


def case_source_day(case: Case | None, name: str) -> dt.date | None:
    """The date of the case's source whose ``file`` is ``name``, when it gives the day (else None)."""
    if case is None:
        return None
    for source in case.sources:
        if source.file is not None and Path(source.file).name == name and source.date is not None:
            span = source.date
            if span.is_range or span.start.day is None:
                return None
            return span.earliest()
    return None


def case_source_latest(case: Case | None, name: str) -> dt.date | None:
    """The last day the date of the case's source whose ``file`` is ``name`` allows (2009-02-28 for
    ``2009-01/2009-02``), or None."""
    if case is None:
        return None
    for source in case.sources:
        if source.file is not None and Path(source.file).name == name and source.date is not None:
            return source.date.latest()
    return None


def plan(
    documents: Sequence[SourceDocument],
    *,
    lang: LangChoice = "auto",
    case: Case | None = None,
    year: int | None = None,
    periods: PeriodChoice = "contain",
) -> list[Plan]:
    """A :class:`Plan` per document, with source ids unique in the batch; ``periods`` for all of them."""
    taken: set[str] = set()
    plans: list[Plan] = []
    for document in documents:
        wanted = slug(document.stem)
        chosen, n = wanted, 2
        while chosen in taken:
            chosen = f"{wanted}-{n}"
            n += 1
        taken.add(chosen)
        chosen_lang: Lang = document.lang if lang == "auto" else lang
        seed = year if year is not None else case_source_year(case, document.name)
        written = case_source_day(case, document.name)
        if written is not None and written.year != seed:
            written = None  # --year says the text is of another year than the case's source
        written_by = case_source_latest(case, document.name)
        if written_by is not None and written_by.year < (seed or written_by.year):
            written_by = None  # --year says the text is of a later year than the case's source
        plans.append(
            Plan(
                document,
                chosen,
                chosen_lang,
                seed,
                written,
                periods,
                per_block=lang == "auto",
                written_by=written_by,
            )
        )
    return plans


def run(
    plans: Sequence[Plan],
    *,
    gazetteer: ActorFinder,
    verbs: CueFinder,
    progress: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Extract every planned document, in order; ``progress`` gets characters read per sentence."""
    extractions: list[Extraction] = []
    done = 0
    for item in plans:
        base = done

        def step(position: int, base: int = base) -> None:
            if progress is not None:
                progress(base + position)

        extractions.append(
            extract(
                item.document,
                lang=item.lang,
                gazetteer=gazetteer,
                verbs=verbs,
                source_id=item.source_id,
                year=item.year,
                finder=date_finder(
                    item.lang,
                    year=item.year,
                    written=item.written,
                    periods=item.periods,
                    written_by=item.written_by,
                ),
                progress=step,
                per_block=item.per_block,
            )
        )
        done += len(item.document.text)
        if progress is not None:
            progress(done)
    return extractions


LanguageSituation = Literal["per-block", "forced-mixed", "other-language"]


def language_situation(extraction: Extraction) -> LanguageSituation | None:
    """What a reviewer should hear of a text's language, for the command line and the review page to
    say in their own words: ``per-block`` when a text in two languages (the minority at least
    :data:`hexatable.ingest.read.MIXED_SHARE` of its lines) was read paragraph by paragraph;
    ``forced-mixed`` when such a text was read in the one language ``--lang`` forced;
    ``other-language`` when a text was read in a language other than it looks. None
    otherwise: a few lines of the other language (an image link, an English title in a Chinese
    article) are read in their own language without a word."""
    document = extraction.document
    if document.mix.mixed:
        return "per-block" if extraction.langs else "forced-mixed"
    if extraction.lang != document.lang and not extraction.langs:
        return "other-language"
    return None
