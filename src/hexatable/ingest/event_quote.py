"""The quote an event cites (rule 6 of :mod:`hexatable.ingest.extract`).

:func:`quote_span` trims a clause to its quote and cuts one longer than :data:`QUOTE_MAX`;
:func:`checkable_end` shortens a quote whose markup spans lines until the case loader's check
(:class:`hexatable.case.quotes.SourceText`) finds it on the event's line. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.case.quotes import SourceText
from hexatable.ingest.clauses import CLAUSE_MARK
from hexatable.ingest.segment import Sentence
from hexatable.ingest.types import Lang

QUOTE_MAX = {"zh": 80, "en": 240}
"""Longest quote in characters; a longer clause is cut at its last clause mark before this."""


MARKUP_CHARS = re.compile(r"[\[\]*\\]")


def quote_span(flat: str, start: int, end: int, lang: Lang) -> tuple[int, int]:
    """Flat offsets of the quote within a clause (rule 6): trimmed, cut when too long."""
    while start < end and (flat[start].isspace() or CLAUSE_MARK.match(flat[start])):
        start += 1
    while end > start and (flat[end - 1].isspace() or CLAUSE_MARK.match(flat[end - 1])):
        end -= 1
    limit = QUOTE_MAX[lang]
    if end - start > limit:
        cut = None
        for mark in CLAUSE_MARK.finditer(flat, start + limit // 3, start + limit):
            cut = mark.start()
        end = cut if cut is not None else start + limit
    return start, end


def checkable_end(lines: Sequence[str], flat: str, start: int, end: int, sentence: Sentence) -> int:
    """The end of the longest quote ``flat[start:end']`` (``end' <= end``, cut before a markup
    character or at a clause mark) that the case loader's check finds on its first line, or
    ``start`` if none. Needed where markup is split across lines (a link opened on one line and closed
    on the next): the check reads each line's markup alone, a quote reads it whole."""
    first = sentence.line_of_flat(start)
    cuts = sorted(
        {end}
        | {m.start() for m in MARKUP_CHARS.finditer(flat, start, end)}
        | {m.start() for m in CLAUSE_MARK.finditer(flat, start, end)},
        reverse=True,
    )
    for cut in cuts:
        quote = flat[start:cut].strip()
        if not quote:
            continue
        last = sentence.line_of_flat(max(start, cut - 1))
        if 1 in SourceText(tuple(lines[first - 1 : last])).find_lines(quote):
            return cut
    return start
