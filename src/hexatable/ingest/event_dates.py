"""Which date each clause of a document takes: date-only heading and chronology lines, lists of days,
the day of writing, and the date finder's running context.

Extraction (:mod:`hexatable.ingest.extract`) dates every event it makes; a clause that says no date
of its own inherits one (rule 2). These helpers hold what that inheritance reads beyond the clause:
a line or heading that is only a date and dates the entries under it (rules 2c and 2d), a list of
days that makes one event per day unless it sits in an "after" frame that sets the scene, an English
source's day of writing, how a vague part of a period was dated (for the reviewer's note), and how
the date finder is told of a new paragraph or language. They read dates, not actors or cues.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from hexatable.case.dates import DateSpan, PartialDate
from hexatable.ingest.clauses import en_subordinate_stretches, zh_subordinate_stretches
from hexatable.ingest.segment import YEAR_LINE, Sentence
from hexatable.ingest.types import DateFinder, DateMention, Lang, Note

DATELINE_RULE = "dateline"

HEADING_LINE = re.compile(r"[ \t]*#{1,6}\s")
"""A Markdown heading line, as the reader writes an HTML or docx heading (and as a .md file has them)."""
EN_YEAR_HEADING = re.compile(r"#{1,6}\s+([12]\d{3})\s*")
"""An English heading that is a bare year ("## 2007"), which the date finder reads only after "in"."""
EN_YEAR_LINE = YEAR_LINE
"""A plain-text English line that is a bare year ("2003", "2003:", "• 2003"): a chronology's year
heading above the entries it dates, which the date finder reads only after "in". The
segmenter's own pattern (:data:`hexatable.ingest.segment.YEAR_LINE`), so both read the same lines:
only 1900-2099 and no full stop ("1500" alone on a line is a count). A bar and a short heading
may follow the year ("2003 | Round 5"), only when that heading holds no cue and no name
(:func:`read_year_line`'s ``is_entry``, the run's dictionaries):
"2032 | Chile and Peru sign a pact" is an entry, dated by its year."""


_HEADING_FILLER = re.compile(r"[#\s,.;:!?，。；：、（）()\[\]\-–—|]*")
"""What a date heading or date line may hold besides its dates: markers, spaces, punctuation, and a
table's bar ("March 3, 2031 |")."""


def only_dates(flat: str, dates: Sequence[DateMention]) -> bool:
    """Whether a heading's text is its dates and nothing else (markers, spaces, punctuation aside)."""
    if not dates:
        return False
    rest, position = [], 0
    for mention in sorted(dates, key=lambda d: d.start):
        rest.append(flat[position : mention.start])
        position = max(position, mention.end)
    rest.append(flat[position:])
    return all(_HEADING_FILLER.fullmatch(piece) for piece in rest)


PLAIN_KINDS = frozenset({"txt", "md"})
"""The formats whose bare date lines are read as date headings (rule 2d). HTML and docx mark their
headings (rule 2c); a PDF's lines include page headers and footers, where a lone date is the day the
page was printed, not a chronology's entry."""


def read_date_line(
    sentence: Sentence, dates: Sequence[DateMention], start: int = 0
) -> tuple[int, list[DateMention]] | None:
    """Rule 2d: when the first line of ``sentence`` is only dates (a plain-text chronology's
    "2007年2月13日" or "13 February 2007:" above its entries), the length of that line in the flat text
    and its dates; else None. The segmenter may have run the line into the sentence below it (a line
    ending with a colon, a text too short to know its wrap width), so only the first line is read.
    ``start`` (a flat offset) reads the line that starts there instead: the one under a year line."""
    flat = sentence.flat
    raw_from = sentence.flat_offsets[start] - sentence.start if start < len(flat) else len(sentence.raw)
    newline = sentence.raw.find("\n", raw_from)
    end = len(flat)
    if newline >= 0:
        end = bisect.bisect_left(sentence.flat_offsets, sentence.start + newline, 0, len(flat))
    on_line = [d for d in dates if start <= d.start and d.end <= end]
    if not on_line or not only_dates(flat[start:end], [_shifted(d, start) for d in on_line]):
        return None
    return end, on_line


def _shifted(date: DateMention, by: int) -> DateMention:
    """``date`` with its offsets counted from ``by``."""
    from dataclasses import replace

    return replace(date, start=date.start - by, end=date.end - by)


def read_year_line(sentence: Sentence, is_entry: Callable[[str], bool]) -> tuple[int, int] | None:
    """When the first line of an English ``sentence`` is a bare year (:data:`EN_YEAR_LINE`, a
    plain-text chronology's "2003" or "2003:" above its entries), the year and the length of that line
    in the flat text (the entries may run on from it where blank lines mean nothing); else None.
    ``is_entry`` tells whether the text after a year's bar holds a cue or a name (by the run's own
    dictionaries, a user's layers and a case's names included): then the row is an entry ("2032 |
    Chile and Peru sign a pact", which as a year heading would lose its act), no year line."""
    newline = sentence.raw.find("\n")
    line = sentence.raw if newline < 0 else sentence.raw[:newline]
    match = EN_YEAR_LINE.fullmatch(line)
    if match is None or (match.group("title") and is_entry(match.group("title"))):
        return None
    flat = sentence.flat
    end = (
        len(flat)
        if newline < 0
        else bisect.bisect_left(sentence.flat_offsets, sentence.start + newline, 0, len(flat))
    )
    return int(match.group(1)), end


def list_from(date: DateMention, dates: Sequence[DateMention], start: int, end: int) -> list[DateMention]:
    """``date`` and the dates listed right after it from ``start`` to ``end`` ("on March 3 and 5",
    3日和5日: rule suffix ``+list``): one event per date, not a range. Only the list ``date`` opens: a
    list further on is a detail of the clause. ``dates`` are in order of start (searched by bisection:
    a long sentence has many)."""
    found = [date]
    for later in dates[bisect.bisect_right(dates, date.start, key=lambda d: d.start) :]:
        if later.start >= end:
            break
        if later.start < start:
            continue
        if "+list" not in later.rule:
            break
        found.append(later)
    return found


_ZH_AFTER_FRAME = re.compile(r"(?<!前)后\s*$")
"""How a Chinese "after" frame ends (…的会谈后, …之后, …以后; not 前后, "around")."""
_EN_AFTER_FRAME = re.compile(r"\s*(?:after|following)\b", re.IGNORECASE)
"""How an English "after" frame opens ("After talks on …", "Following the meetings of …")."""


def in_scene(flat: str, lang: Lang, date: DateMention) -> bool:
    """Whether ``date`` stands in an "after" frame of its sentence (a subordinate stretch, rule 3f in
    English, "After talks on March 3 and 7, …"; rule 1b's adverbial stretch in Chinese,
    "…的会谈后，"): a list there dates the scene that the main act follows, not the act on each of
    its days. Another frame is not (在…的会谈中, "During talks on …", "When envoys met on …"): the
    act took place during the listed meetings, once on each of their days."""
    whole = (0, len(flat))
    stretches = (
        zh_subordinate_stretches(flat, whole) if lang == "zh" else en_subordinate_stretches(flat, whole)
    )
    after = _ZH_AFTER_FRAME.search if lang == "zh" else _EN_AFTER_FRAME.match
    return any(low <= date.start < high and after(flat[low:high]) for low, high in stretches)


def day_of_writing(finder: DateFinder, lang: Lang) -> DateMention | None:
    """English only: the finder's day of writing (news dateline or source date) as an inferred mention."""
    written = getattr(finder, "written", None)
    if lang != "en" or written is None:
        return None
    day = PartialDate(written.year, written.month, written.day)
    return DateMention(0, 0, "", DateSpan(day), DATELINE_RULE, inferred=True, anchor=False)


def period_note(date: DateMention) -> Note | None:
    """How a vague part of a period (年初, 月底, "early July") was dated, for the reviewer: as the month
    or year that contains it (the dating convention, docs/case-format.md), or as a range the text does
    not give (``--periods range``); None for any other date."""
    if date.period is None:
        return None
    params: tuple[tuple[str, str], ...] = (("date", date.text), ("value", str(date.date)))
    if date.period == "range":
        return Note("date-part-range", params)
    return Note("date-part-of-year" if date.date.start.precision == "year" else "date-part-of-month", params)


def read_dates_in(finder: DateFinder, lang: Lang) -> None:
    """Point the date finder at ``lang``'s date forms, keeping its running context: a text in two
    languages tells one timeline (7月14日 in a Chinese block, "On July 18" in the English block after
    it, both of the year said before). A finder without a language (a test's stand-in) is left alone."""
    if getattr(finder, "lang", lang) != lang:
        finder.lang = lang  # type: ignore[attr-defined]


def new_paragraph(finder: DateFinder) -> None:
    """Tell the date finder a paragraph begins: a day anchored on an event (会谈前一天, "the day
    before the talks") counts from that event's date said in its own paragraph. A finder without
    the method (a test's stand-in) is left alone."""
    begin = getattr(finder, "paragraph", None)
    if callable(begin):
        begin()


_LINE_OPEN = re.compile(r"[^\s.!?;:\"'\u201d\u2019)\]][ \t]*\n")
"""A line that ends inside its sentence (no sentence punctuation at its end): a wrapped line."""


def runs_on(text: str, entry_start: int, start: int, width: int | None) -> bool:
    """Whether the sentence at ``start`` of the document ``text``, opening a line, still belongs to the
    hard-wrapped entry that opens at ``entry_start``: the entry wraps a sentence over a line break
    somewhere before it, and the line before it runs to the text's wrap ``width`` (a wrapped line
    that happens to end with its sentence), not short as an entry's last line is. An entry whose
    sentences each end their line is not wrapped: the next line opens another entry.

    >>> entry = "2001: Iran and Russia held talks on the\\nfuel deal in Moscow.\\nIn March, Russia"
    >>> runs_on(entry, 0, entry.index("In March"), 20)
    True
    >>> runs_on(entry, 0, entry.index("In March"), 40)
    False
    """
    if width is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : line_start].strip()
    wrapped = _LINE_OPEN.search(text, entry_start, line_start) is not None
    # 0.8: a line filled to at least 80% of the wrap width was cut by the wrap, not ended by its
    # sentence (chosen by hand; see tests/ingest/test_entry_year_wrapped_entry.py)
    return wrapped and len(before) >= 0.8 * width


def new_line(finder: DateFinder) -> None:
    """Tell the date finder the next sentence opens a line inside its paragraph: a full date there
    opens a chronology entry, which ends a Chinese report's reporting mode. A finder without the
    method (a test's stand-in) is left alone."""
    begin = getattr(finder, "line", None)
    if callable(begin):
        begin()


def default_finder(lang: Lang, year: int | None) -> DateFinder:
    from hexatable.ingest.dates import date_finder

    return date_finder(lang, year=year)
