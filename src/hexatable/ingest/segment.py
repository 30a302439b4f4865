"""Split a text into sentences, keeping where each one is: offsets, first and last line, paragraph.

Rules (pure functions of the text; no model):

- **Chinese** sentences end at 。！？； (and ASCII ``!?;`` in Chinese text, and an ASCII ``.`` typed
  right after a Chinese character, before a space, a Chinese character, a digit or an opening mark),
  with any closing quotes or brackets that follow (”’」』）》) kept in the sentence.
- **English** sentences end at ``.``, ``!`` or ``?`` (closing quotes and brackets kept) followed by
  whitespace and then a capital letter, digit, opening quote or bracket, or the end of the text.
  A period after a known abbreviation ("Mr.", "Gen.", "Jan.", "U.S.", "e.g.") or a single capital
  initial ("J.") does not end a sentence; a decimal ("1.5") never does, as no space follows its period.
  A news dateline that opens a sentence ("BEIJING, Dec. 11 (Yonhap) --", "TOKYO, Oct. 15 Kyodo -")
  ends it at its dash: the lede after it is a sentence of its own (:func:`dateline_end`). So does a
  Chinese one ("新华社北京1月14日电（记者王某）", :data:`_ZH_DATELINE`), which the lede follows with no
  punctuation. A wire's timestamp before either ("14/01/2009 13:19", "2009-01-14 13:19") belongs to
  the dateline; :func:`dateline_stamp` reads its date.
- **Line wraps.** Sources are often wrapped mid-sentence. A line break never ends a sentence by itself;
  a *blank* line does (a heading, a paragraph without final punctuation), unless the text is laid out
  with a blank line after most lines (the seeds: every wrapped line is followed by one), where blank
  lines carry no meaning. A heading ends a sentence too: a line shorter than 60% of the width the
  text is wrapped at (the 80th percentile of its line lengths) that ends without punctuation, and
  a web copy's byline line: a publication stamp ("2031-04-10 15:36") and no final punctuation.
  A bare year line (2003) and a Chinese month heading (2018年3月) are sentences of their own; under a
  month heading each line opening with a bare day (16日) opens an entry.
- **Blocks.** A text the reader wrote block by block (HTML, docx: ``segment(..., blocks=True)``)
  has a blank line between blocks and nowhere else: there every blank line ends a sentence and a
  paragraph, even when blank lines follow most lines.
- **Paragraphs.** A new paragraph starts at a blank line that ends a sentence and at a Markdown
  heading or list item. Where blank lines carry no meaning (the seeds' layout) or there are none
  (one paragraph per line, as PDF text comes), a sentence that ends at the end of a line
  ends its paragraph instead. The extractor lets a sentence without a date inherit the last date
  of its paragraph only (a chronology entry).

Each :class:`Sentence` also gives its *flat* text: the sentence with every line break (and the
whitespace around it) removed in Chinese, or turned into one space in English, with a map back to
the document's offsets; Markdown markup is read as the case loader's quote check reads it (a link
``[王毅](../Page/王毅.md "wikilink")`` as 王毅, footnote markers ``\\[4\\]`` and ``**`` dropped).
Dates, names and cues are found in the flat text, so "金\\n\\n英哲" is found as 金英哲 and reported
at document offsets, and a quote cut from the flat text passes the loader's check.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from hexatable.case.quotes import _FOOTNOTE, _LINK  # the loader's own patterns, so quotes agree
from hexatable.ingest import stamps
from hexatable.ingest.types import Lang

ZH_END = re.compile(
    r"(?:[。！？；!?;]+|(?<=[\u3400-\u9fff])\.(?=[\s\u3400-\u9fff\d“「（(]|$))[”’」』）》)\"']*"
)
"""Chinese sentence ends: 。！？； and their ASCII forms, and an ASCII full stop typed right after a
Chinese character ("试射导弹.2006年10月9日", as the date finder reads it), when a space, a Chinese
character, a digit or an opening mark follows (not the ".md" of a link target such as 王毅.md)."""
EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_EN_NEXT = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9\u3400-\u9fff]")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "sen",
        "rep",
        "gov",
        "pres",
        "prof",
        "rev",
        "hon",
        "amb",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "inc",
        "co",
        "corp",
        "ltd",
        "bros",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "al",
        "approx",
        "dept",
        "est",
        "u.s",
        "u.n",
        "u.k",
        "u.s.a",
        "e.u",
        "d.c",
        "p.m",
        "a.m",
    ]
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}\s|[-*+•‣▪]\s|--\s|[–—]\s|\d{1,3}[.)]\s|>\s?)")
"""A line that opens a block: a Markdown heading, a list item ("-", "*", "+", and the bullets "•", "‣",
"▪", "--", "–", "—" that pages and wire chronologies use), a numbered item, a quotation.
A dash ("--", "–", "—") opens an item only where a line may (:data:`_DASH_ITEM`)."""
_DASH_ITEM = re.compile(r"^[ \t]*(?:--|[–—])\s")
"""A line opening with a dash: an item only after a blank line, a line that ends a sentence (or with
a colon), a heading or year line, or inside a list (a paragraph holding an item already); elsewhere
it is a dash of wrapped prose ("…, and China\n— which had hosted every round — proposed …"), which
does not break the sentence."""
_DATED_DASH_ITEM = re.compile(
    r"^[ \t]*(?:--|[–—])\s+"
    r"(?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}(?:-\d\d){0,2}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
    r"|\d{4}\s*年[^：:\n]{0,10})\s*[:：]"
)
"""A dash line that opens with a date and a colon ("— January 10, 2003: …"): an item whatever the line
before, as a chronology under a title without a colon lists its entries (such
lines do not run into the title as wrapped prose)."""
_LINE_END_MARK = re.compile(r"[。！？；!?;.，,、：:…—\-][”’」』）》)\]\"']*$")
_MARKUP_CHARS = re.compile(r"[\[\]*\\]")
_SENTENCE_PUNCTUATION = re.compile(r"[，。、；：！？,;:!?]")
_SENTENCE_END_AT_LINE_END = re.compile(r"[。！？；!?;.][”’」』）》)\]\"']*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_BYLINE_STAMP = re.compile(
    rf"[^，,。；;！？!\n]*?(?<![{stamps.NOT_AFTER}\d])"
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日){stamps.CLOCK_GAP}{stamps.CLOCK}"
    rf"{stamps.CLOCK_END}"
)
"""A publication stamp on a web copy's byline line: a full date written with its year, then a clock
time ("2031-04-10 15:36:08", "2031年04月10日15:36"), as :func:`hexatable.ingest.no_act.byline` reads one.
Only a site, an author or a label stand before it on its line ("发布时间：…", "某某商报 张三 2031-02-28
08:59:35"), no comma or full stop, and not 至, 到, 为, 于, 在; no comma, full stop or bracket follows
its hour, nor a Chinese character right after it. A date and hour inside narration
(中国与韩国于2031年3月4日 10:30⏎在北京…, "2031年3月4日 10:30，中国外长…", "…10:30在北京举行会谈，…") is
the act's, and its wrapped line runs on."""
_ENTRY_DATE = re.compile(r"^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_MARKERS = re.compile(r"\*\*|\\(?=[\[\]])")
_DATELINE_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_STAMP = r"\d[\d/:.\-]*(?:[ \t]+\d[\d/:.\-]*)*"
"""A wire's timestamp before a dateline: "14/12/2008 13:19", "2009-01-14 13:19"."""
_DATELINE = re.compile(
    rf"(?:(?P<stamp>{_STAMP})[ \t]+)?"  # a wire's stamp before the city: "14/12/2008 13:19"
    r"(?P<city>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*)"  # the city, in capitals
    r"(?:,\s*(?P<region>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2}))?"  # a country or state
    rf"(?:,?\s*\(?(?P<date>{_DATELINE_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_DATELINE_MONTH}(?:\s+\d{{4}})?)\)?)?"
    r"\s*(?:(?P<agency>\([^()\n]{1,40}\))|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"  # (Yonhap), Kyodo
    r"\s*(?:--|—|–|-|(?P<colon>:))(?=\s+[\"“‘(]?[A-Z\d]|\s*$)"
)
"""A news dateline opening a sentence: "BEIJING, Dec. 11 (Yonhap) --", "TOKYO, Oct. 15 Kyodo -",
"SEOUL, South Korea –", "SEOUL (AP) --", "SEOUL, Apr. 15 (Yonhap) :" (a colon only after a date),
"14/12/2008 13:19 MOSCOW, December 14 (RIA Novosti) -"; a capital letter or a digit follows (the
lede: "-- 2,000 troops left."), or nothing (the dateline's own sentence). Without a date, a country
or a bracketed agency it is not one ("US - China talks" is a phrase), nor when the bracket spells
out the capitals before it ("UN (United Nations) - North Korea …"). The one grammar of datelines:
the English date finder asks :func:`dateline_date` whether a date is a dateline's."""
_ZH_DATELINE = re.compile(
    rf"(?:(?P<stamp>{_STAMP})[ \t\u3000]*)?"
    r"(?![据援引综转])(?P<agency>[\u4e00-\u9fff]{1,4}[社网报台])(?P<city>[\u4e00-\u9fff]{1,8}?)"
    r"(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)电(?:[（(][^（()）\n]{0,30}[)）])?"
)
"""A Chinese news dateline opening a sentence: an agency (新华社, 新华网, 中新社, 本报 …), the city
and the day, then 电, maybe the reporters in brackets: "新华社北京1月14日电（记者王某）", after at most
a wire's stamp ("2009-01-14 13:19 新华网北京1月14日电"). The lede follows it without punctuation.
Not one that a sentence cites (据新华社北京1月14日电, 援引…, 转…): that sentence's source, not its heading."""
_STAMP_DATE = re.compile(
    r"(?:(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"
    r"|(?P<first>\d{1,2})[-/.](?P<second>\d{1,2})[-/.](?P<year2>\d{4}))(?!\d)"
)
_BREAK = re.compile(r"[ \t\u3000]*\n\s*")


@dataclass(frozen=True)
class Stamp:
    """The date a wire's timestamp gives: its year, and its month and day when the order of the
    numbers is plain (year first, or a number above 12: "14/01/2009" is 14 January); "03/04/2009"
    may be 3 April or 4 March, so only its year is read."""

    start: int
    end: int
    year: int
    month: int | None
    day: int | None


def dateline_stamp(text: str, start: int, stop: int | None = None, lang: Lang = "en") -> Stamp | None:
    """The timestamp written before a news dateline that starts at ``start``, None when no dateline
    starts there or it has no stamp (or the stamp no date).

    >>> stamp = dateline_stamp("14/01/2009 13:19 MOSCOW, Jan 14 (Reuters) - Russia spoke.", 0)
    >>> (stamp.year, stamp.month, stamp.day)
    (2009, 1, 14)
    >>> dateline_stamp("03/04/2009 09:00 SEOUL (AP) - Talks opened.", 0).month is None
    True
    """
    match = _dateline(text, start, stop) if lang == "en" else zh_dateline(text, start, stop)
    if match is None or match.group("stamp") is None:
        return None
    low, high = match.span("stamp")
    found = _STAMP_DATE.search(text, low, high)
    if found is None:
        return None
    month: int | None
    day: int | None
    if found.group("year") is not None:
        year, month, day = int(found["year"]), int(found["month"]), int(found["day"])
    else:
        first, second, year = int(found["first"]), int(found["second"]), int(found["year2"])
        if first > 12 or first == second:
            day, month = first, second
        elif second > 12:
            month, day = first, second
        else:
            month = day = None  # day first or month first: the text does not say which
    if month is not None and not (1 <= month <= 12 and day is not None and 1 <= day <= 31):
        return None
    return Stamp(found.start(), found.end(), year, month, day)


class LineIndex:
    """Maps offsets of a text to 1-based line numbers, counting lines as :meth:`str.splitlines`."""

    def __init__(self, text: str) -> None:
        starts = [0]
        position = 0
        for piece in text.splitlines(keepends=True):
            position += len(piece)
            starts.append(position)
        self._starts = starts

    def line_of(self, offset: int) -> int:
        """The line holding the character at ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def start_of(self, line: int) -> int:
        """The offset of the first character of ``line``."""
        return self._starts[line - 1]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document.

    ``start``/``end`` are offsets into the document text (``text[start:end]`` is the sentence, with
    no surrounding whitespace); ``line``/``end_line`` are the 1-based lines of its first and last
    characters as :meth:`str.splitlines` numbers them; ``paragraph`` counts from 0.
    """

    start: int
    end: int
    line: int
    end_line: int
    paragraph: int
    raw: str
    flat: str = field(repr=False)
    flat_offsets: tuple[int, ...] = field(repr=False)
    """Document offset of each character of ``flat`` (one more entry: the end)."""
    index: LineIndex | None = field(default=None, repr=False, compare=False)
    lang: Lang | None = None
    """The language the sentence was read in when the text was read block by block in two languages
    (:func:`language_sections`), else None: the whole text's."""

    def line_of_flat(self, position: int) -> int:
        """The document line of the flat-text character at ``position``."""
        if self.index is None:
            return self.line
        return self.index.line_of(self.flat_offsets[min(position, len(self.flat_offsets) - 1)])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of the flat-text slice ``flat[start:end]``."""
        if end <= start:
            return self.flat_offsets[start], self.flat_offsets[start]
        return self.flat_offsets[start], self.flat_offsets[end - 1] + 1


def _double_spaced(text: str) -> bool:
    """True when most non-blank lines are followed by a blank line (blank lines mean nothing)."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    if len(filled) < 4:
        return False
    followed = sum(1 for i in filled if not lines[i + 1].strip())
    return followed >= 0.8 * len(filled)  # "most": 80% of the filled lines (chosen by hand)


_WORD_WINDOW = 64
"""How far back the word before a full stop is looked for: an abbreviation or an initial is short,
and searching from the text's start made splitting quadratic (235 s for 1 MB of English)."""


def _en_boundary(text: str, match: re.Match[str], stop: int | None = None) -> bool:
    """Whether an English end-punctuation match really ends a sentence (``text`` read up to ``stop``)."""
    end = match.end()
    limit = len(text) if stop is None else stop
    if end < limit and not _EN_NEXT.match(text, end, limit):
        return False
    if match.group().startswith(".") and match.group().rstrip("\"'”’)]") == ".":
        word = _WORD_BEFORE.search(text, max(0, match.start() - _WORD_WINDOW), match.start())
        if word:
            token = word.group(1).lower()
            if token in _ABBREVIATIONS or token.rstrip(".") in _ABBREVIATIONS:
                return False
            if len(word.group(1)) == 1 and word.group(1).isupper():
                return False  # an initial: "J. Smith"
    return True


def _wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text is wrapped at (the 80th percentile of its non-blank line lengths), or None
    when it has too few lines to tell."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 6:
        return None
    return lengths[(len(lengths) * 4) // 5]


def wrap_width(text: str) -> int | None:
    """The width ``text`` is wrapped at (:func:`_wrap_width` over its lines), or None when it has too
    few lines to tell."""
    return _wrap_width(text.splitlines())


def _is_heading(line: str, width: int | None) -> bool:
    """A line much shorter than the wrap width that ends without punctuation is a heading: a wrapped
    line runs to the width, and a paragraph's last line ends with its sentence's punctuation."""
    stripped = line.strip()
    if width is None or not stripped or len(stripped) >= 0.6 * width:
        return False
    return not _LINE_END_MARK.search(stripped)


def _standalone_heading(line: str, next_line: str | None, after_sentence_end: bool) -> bool:
    """A Chinese line with no sentence punctuation (，。、；：！？) that comes right after a sentence end
    (or opens the text) and is followed by a blank line is a heading, whatever its length ("朝美关系
    大事记" above the first entry; "以多边经济合作维护半岛局势缓和动力" between two sections).

    Needed where blank lines mean nothing (the seeds' layout): there a wrapped line is followed by a
    blank line too, but a wrapped line of Chinese prose seldom starts right after a sentence end and
    runs a whole line without a comma. Not a heading: a line that opens with a month and day (an entry
    whose first clause runs past the line end, "3月8日韩国特使郑义溶在白宫宣布"), a Markdown block
    (handled as such), and lines without Chinese (English prose wraps without punctuation often).
    """
    stripped = line.strip()
    return (
        after_sentence_end
        and next_line is not None
        and not next_line.strip()
        and bool(_CJK.search(stripped))
        and not _SENTENCE_PUNCTUATION.search(stripped)
        and not _ENTRY_DATE.match(stripped)
        and not _BLOCK_START.match(line)
    )


YEAR_LINE = re.compile(
    r"[ \t]*(?:(?:[-*+•‣▪–—]|--)[ \t]+)?((?:19|20)\d\d)[ \t]*(?::|\|(?P<title>[^|.!?\n]{0,40}?))?[ \t]*"
)
"""A line that is a bare year ("2003", "2003:"): a chronology's year heading, a sentence of its own
whatever the layout, so it neither ends the text's introduction nor runs into an entry.
Group 1 is the year and ``title`` the heading after a bar; the English date finder reads the same
lines (:data:`hexatable.ingest.event_dates.EN_YEAR_LINE`).
Only 1900-2099 (the years a chronology of negotiations spans, as "between" reads) and
no full stop after it: "1500" or "2003." on its own line is a count, the end of a wrapped sentence.
Also a year, a bar and a short heading with no full stop ("2003 | Round 5", as a page
lays out a table of rounds or years): the year heads the entries under it all the same. Short is at
most 40 characters, a table cell's title, not an entry's sentence (chosen by hand; see
tests/ingest/test_dates_year_lead_and_bar_lines_en.py)."""


_CELL_END = re.compile(r"[ \t]\|[ \t]*\r?\n?$")
"""A line ending with a bar after a space ("March 3, 2031 |", "Chile met Peru. |"): a table's row or
cell flattened into text, whose end ends a sentence whatever the punctuation, as a heading's
does: the date cell is then a date line above its entry, and an entry without a full stop does not run
into the next row."""


_MONTH_LINE = re.compile(
    r"[ \t\u3000]*(?:19|20)\d\d[ \t]*年[ \t]*(?:1[0-2]|0?[1-9])[ \t]*月(?:份)?[ \t\u3000]*[:：]?[ \t\u3000]*"
)
"""A line that is a bare Chinese month with its year ("2018年3月", "2018年3月："): a chronology's month
heading, a sentence of its own as a year line is, so the entry above it does not run into
it nor the day entries under it into one another."""
_DAY_ENTRY = re.compile(r"[ \t\u3000]*(?:3[01]|[12]\d|0?[1-9])[ \t]*[日号](?![内前后间以之])")
"""A line opening with a bare day (16日, 4日): an entry under a month heading (:data:`_MONTH_LINE`)."""
_RUNS_ON = re.compile(r"(?:于|在|至|到)$")
"""A line ending in 于, 将于, 定于, 在, 至 or 到 runs on into the next (两国外长将于⏎5日在北京…): a day
opening that next line is the wrapped sentence's, not a new entry."""


def _hard_breaks(text: str, double_spaced: bool) -> list[int]:
    """Offsets where a sentence must end whatever the punctuation: blank lines (unless the layout
    makes them meaningless), Markdown block starts, and the end of a heading line (a short line
    without final punctuation, :func:`_is_heading`, or a line standing alone, :func:`_standalone_heading`)."""
    lines = text.splitlines(keepends=True)
    width = _wrap_width(lines)
    breaks: list[int] = []
    position = 0
    previous_blank = True
    after_sentence_end = True  # the text's start counts as one
    previous_closed = True  # the line before ended a sentence, a heading, an item or a paragraph
    in_list = False  # the paragraph holds an item
    under_month = False  # since a month heading, no other line ended a sentence
    for i, line in enumerate(lines):
        blank = not line.strip()
        block = not blank and _BLOCK_START.match(line) is not None
        if (
            block
            and _DASH_ITEM.match(line)
            and not (previous_closed or in_list or _DATED_DASH_ITEM.match(line))
        ):
            block = False  # a dash in wrapped prose
        in_list = (in_list and not blank) or (block and not line.lstrip().startswith(("#", ">")))
        if block:
            breaks.append(position)
        if blank and not double_spaced and not previous_blank:
            breaks.append(position)
        year_line = not blank and YEAR_LINE.fullmatch(line.rstrip("\n\r")) is not None
        month_line = not blank and _MONTH_LINE.fullmatch(line.rstrip("\n\r")) is not None
        # under a month heading, a line opening with a bare day opens an entry, whatever the line
        # before ended with (a chronology's entries often end without a full stop)
        day_entry = (
            not blank
            and under_month
            and _DAY_ENTRY.match(line) is not None
            and not _RUNS_ON.search(lines[i - 1].rstrip() if i else "")
        )
        if year_line or month_line or day_entry:
            breaks.append(position)
        # a wrapped entry (…双方同意⏎加强合作⏎16日 …) or a line that is no entry (10日内 …) keeps the
        # month heading's entries going; a line of another kind ending a sentence ends them
        if month_line or day_entry:
            under_month = True
        elif year_line or (not blank and _SENTENCE_END_AT_LINE_END.search(line.rstrip())):
            under_month = False
        year_line = year_line or month_line
        # a byline line (a publication stamp, the site, the author) that ends without final
        # punctuation is a sentence of its own: its stamp must not run into the report's first
        # sentence and replace that sentence's own date
        stamped = _BYLINE_STAMP.match(line) is not None and not _SENTENCE_END_AT_LINE_END.search(
            line.rstrip()
        )
        heading = not blank and (
            year_line
            or stamped
            or (block and line.lstrip().startswith("#"))
            or _is_heading(line, width)
            or _standalone_heading(line, lines[i + 1] if i + 1 < len(lines) else None, after_sentence_end)
        )
        if heading or (not blank and _CELL_END.search(line)):
            breaks.append(position + len(line.rstrip("\n\r")))
        if not blank:
            after_sentence_end = bool(_SENTENCE_END_AT_LINE_END.search(line.rstrip()))
        previous_closed = blank or heading or after_sentence_end or line.rstrip().endswith((":", "："))
        previous_blank = blank
        position += len(line)
    return breaks


def dateline_end(text: str, start: int, stop: int | None = None, lang: Lang = "en") -> int | None:
    """The offset just after the dash of a news dateline that starts at ``start`` (read up to ``stop``),
    or None when none does.

    A dateline is the heading of a report, not part of its lede: "BEIJING, Dec. 11 (Yonhap) -- North
    Korea said …" is the day and place of writing, then a sentence of its own, so the sentence ends
    after the dash and a date in the lede is that sentence's first (docs/ingest-dates.md).

    >>> text = "SEOUL, Dec. 8 (UPI) -- Roh said so."
    >>> text[: dateline_end(text, 0)]
    'SEOUL, Dec. 8 (UPI) --'
    >>> dateline_end("US - China talks resumed.", 0) is None
    True
    >>> text = "新华社北京1月14日电（记者王某）朝鲜宣布……"
    >>> text[: dateline_end(text, 0, lang="zh")]
    '新华社北京1月14日电（记者王某）'
    """
    match = _dateline(text, start, stop) if lang == "en" else zh_dateline(text, start, stop)
    return None if match is None else match.end()


def zh_dateline(text: str, start: int, stop: int | None) -> re.Match[str] | None:
    """The match of :data:`_ZH_DATELINE` at ``start`` (read up to ``stop``), None when none."""
    return _ZH_DATELINE.match(text, start, len(text) if stop is None else stop)


def dateline_date(text: str, start: int, stop: int | None = None) -> tuple[int, int] | None:
    """The (start, end) of the date in a news dateline that starts at ``start`` (the text read up to
    ``stop``), None when no dateline starts there or it gives no date ("SEOUL (AP) --").

    >>> text = "SEOUL, Dec. 8 (UPI) -- Roh said so."
    >>> low, high = dateline_date(text, 0)
    >>> text[low:high]
    'Dec. 8'
    """
    match = _dateline(text, start, stop)
    if match is None or match.group("date") is None:
        return None
    return match.span("date")


def _dateline(text: str, start: int, stop: int | None) -> re.Match[str] | None:
    """The match of :data:`_DATELINE` at ``start`` when it has a date, a country or an agency that is
    no spelling-out of the capitals before it; else None."""
    match = _DATELINE.match(text, start, len(text) if stop is None else stop)
    if match is None or not (match.group("date") or match.group("region") or match.group("agency")):
        return None
    if match.group("colon") and not match.group("date"):
        return None  # "US, China: The talks …" is a heading; a colon ends a dateline with a date only
    agency = match.group("agency")
    if agency and not (match.group("date") or match.group("region")) and _spells_out(match["city"], agency):
        return None
    return match


def _spells_out(capitals: str, bracket: str) -> bool:
    """Whether ``bracket`` spells out the letters of ``capitals``: "(United Nations)" after "UN",
    "(International Atomic Energy Agency)" after "IAEA" (an abbreviation explained, not an agency)."""
    letters = "".join(ch for ch in capitals if ch.isalpha())
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z][\w'’-]*", bracket) if word[0].isupper())
    return len(letters) > 1 and letters == initials.upper()


def _dateline_ends(text: str, starts: Sequence[int], stop: int, lang: Lang = "en") -> list[int]:
    """The ends of the datelines that open a sentence starting at one of ``starts`` (before ``stop``)."""
    found: list[int] = []
    for start in starts:
        while start < stop and text[start].isspace():
            start += 1
        end = dateline_end(text, start, stop, lang) if start < stop else None
        if end is not None:
            found.append(end)
    return found


def _ends(text: str, lang: Lang, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence-final punctuation match (in ``text[start:end]``)."""
    stop = len(text) if end is None else end
    if lang == "zh":
        return [m.end() for m in ZH_END.finditer(text, start, stop)]
    return [m.end() for m in EN_END.finditer(text, start, stop) if _en_boundary(text, m, stop)]


def language_sections(text: str, lang: Lang, *, blocks: bool = False) -> list[tuple[int, Lang]]:
    """Where each language of a text begins: ``(offset, language)`` in order, the first at 0.

    The text is cut into blocks, each of which is read in one language: a stretch of lines between
    blank lines (a paragraph, an HTML or docx block), a Markdown heading line, and, where blank lines
    carry no meaning (the seeds' layout: a blank line after most lines) or there are none, a stretch of
    lines up to one that ends with sentence-final punctuation (a chronology entry). A block's language
    is :func:`hexatable.ingest.read.detect_lang` of its text without markup (links, tags, addresses);
    a block with fewer than four letters (a date, a number) is in the language of the block before it
    (the first ones in that of the first block that says, else ``lang``). Consecutive blocks in one
    language are one section.

    >>> language_sections("7月14日，韩国运送重油。\\n\\nOn July 18 the IAEA confirmed it.\\n", "zh")
    [(0, 'zh'), (15, 'en')]
    """
    from hexatable.ingest.read import block_language  # read imports nothing of ingest's but types

    double = not blocks and _double_spaced(text)
    by_line_end = double or not _has_blank_line(text)
    starts: list[int] = []
    position = 0
    open_block = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            if not double:
                open_block = False
        else:
            heading = _BLOCK_START.match(line) is not None and line.lstrip().startswith("#")
            if not open_block or heading:
                starts.append(position)
            open_block = not heading and not (
                by_line_end and _SENTENCE_END_AT_LINE_END.search(line.rstrip()) is not None
            )
        position += len(line)
    said: list[tuple[int, Lang | None]] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        said.append((start, block_language(text[start:end])))
    first = next((found for _, found in said if found is not None), lang)
    sections: list[tuple[int, Lang]] = []
    current: Lang = first
    for start, found in said:
        current = found or current
        if not sections:
            sections.append((0, current))
        elif sections[-1][1] != current:
            sections.append((start, current))
    return sections or [(0, lang)]


def _markup_sub(
    pattern: re.Pattern[str], keep_group: int | None, chars: list[str], offsets: list[int]
) -> tuple[list[str], list[int]]:
    """Replace each match of ``pattern`` by its group ``keep_group`` (or nothing), keeping offsets."""
    joined = "".join(chars)
    out_chars: list[str] = []
    out_offsets: list[int] = []
    position = 0
    for match in pattern.finditer(joined):
        out_chars.extend(chars[position : match.start()])
        out_offsets.extend(offsets[position : match.start()])
        if keep_group is not None:
            out_chars.extend(chars[match.start(keep_group) : match.end(keep_group)])
            out_offsets.extend(offsets[match.start(keep_group) : match.end(keep_group)])
        position = match.end()
    out_chars.extend(chars[position:])
    out_offsets.extend(offsets[position:])
    return out_chars, out_offsets


def _visible(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The characters of one line's piece a reader sees, with their offsets: Markdown links read
    as their text, footnote markers and bold markers dropped, as the case loader's quote check
    reads a source (:func:`hexatable.case.quotes.normalise`, whose patterns are reused)."""
    chars = list(text[start:end])
    offsets = list(range(start, end))
    if not _MARKUP_CHARS.search(text, start, end):
        return chars, offsets
    chars, offsets = _markup_sub(_LINK, 1, chars, offsets)
    chars, offsets = _markup_sub(_FOOTNOTE, None, chars, offsets)
    chars, offsets = _markup_sub(_MARKERS, None, chars, offsets)
    return chars, offsets


def _flatten(text: str, start: int, end: int, lang: Lang) -> tuple[str, tuple[int, ...]]:
    """The sentence as a reader sees it on one line, and the document offset of each character:
    line breaks (and the space around them) removed in Chinese, one space in English; Markdown
    markup read as the quote check reads it (:func:`_visible`), so a quote cut from this text
    passes the check."""
    chars: list[str] = []
    offsets: list[int] = []
    position = start
    for brk in _BREAK.finditer(text, start, end):
        piece_chars, piece_offsets = _visible(text, position, brk.start())
        chars.extend(piece_chars)
        offsets.extend(piece_offsets)
        if lang == "en" and chars and brk.end() < end:
            chars.append(" ")
            offsets.append(brk.start())
        position = brk.end()
    piece_chars, piece_offsets = _visible(text, position, end)
    chars.extend(piece_chars)
    offsets.extend(piece_offsets)
    offsets.append(end)
    return "".join(chars), tuple(offsets)


def segment(
    text: str, lang: Lang, *, blocks: bool = False, sections: Sequence[tuple[int, Lang]] | None = None
) -> list[Sentence]:
    """The sentences of ``text`` in order.

    ``blocks`` says the reader wrote the text block by block with a blank line between (HTML, docx:
    :attr:`hexatable.ingest.read.SourceDocument.blocks`): every blank line then ends a sentence and
    its paragraph, whatever the share of lines followed by one, so no sentence runs from a paragraph
    without final punctuation into the next block. Plain text keeps the layout rule (module docstring).

    ``sections`` (from :func:`language_sections`) reads each part of a text in two languages by its
    own language's rules (sentence ends, flat text): a section's start ends a sentence and a
    paragraph, and each sentence says its language (``Sentence.lang``). With one section, or none,
    the whole text is read in ``lang`` and ``Sentence.lang`` is None.

    >>> [s.raw for s in segment("2月27日，特朗普与金正\\n恩会面。次日离开。", "zh")]
    ['2月27日，特朗普与金正\\n恩会面。', '次日离开。']
    >>> [s.flat for s in segment("Mr. Kim met the U.S. envoy.\\nHe left at 3.5 p.m. Then rain.", "en")]
    ['Mr. Kim met the U.S. envoy.', 'He left at 3.5 p.m. Then rain.']
    """
    double = not blocks and _double_spaced(text)
    index = LineIndex(text)
    parts = list(sections) if sections is not None and len(sections) > 1 else [(0, lang)]
    bounds = [start for start, _ in parts[1:]]
    found_ends: set[int] = set()
    for i, (start, part_lang) in enumerate(parts):
        end = parts[i + 1][0] if i + 1 < len(parts) else len(text)
        found_ends.update(_ends(text, part_lang, start, end))
    # a sentence that ends at the end of a line starts a paragraph after it; hard breaks do too, and
    # the start of another language's section
    hard = sorted({*_hard_breaks(text, double), *bounds})
    ends = sorted(found_ends | set(hard) | {len(text)})
    datelines: list[int] = []
    for i, (start, part_lang) in enumerate(parts):
        # the sentence starts inside this section only, found by bisection: a scan of every cut
        # per section would cost sections x sentences
        stop = parts[i + 1][0] if i + 1 < len(parts) else len(text)
        inside = ends[bisect.bisect_left(ends, start) : bisect.bisect_left(ends, stop)]
        datelines.extend(_dateline_ends(text, [start, *inside], stop, part_lang))
    ends = sorted({*ends, *datelines})
    line_ends_paragraphs = double or not _has_blank_line(text)
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for cut in ends:
        start = position
        while start < cut and text[start].isspace():
            start += 1
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        position = max(position, cut)
        if stop <= start:
            continue
        if sentences:
            last = sentences[-1]
            between = text[last.end : start]
            if "\n" in between and (
                (line_ends_paragraphs and _line_end_after(text, last.end))
                or _any_between(hard, last.end, start)
            ):
                paragraph += 1
        read_in = parts[bisect.bisect_right(bounds, start)][1] if bounds else None
        flat, offsets = _flatten(text, start, stop, read_in or lang)
        sentences.append(
            Sentence(
                start=start,
                end=stop,
                line=index.line_of(start),
                end_line=index.line_of(stop - 1),
                paragraph=paragraph,
                raw=text[start:stop],
                flat=flat,
                flat_offsets=offsets,
                index=index,
                lang=read_in,
            )
        )
    return sentences


def _has_blank_line(text: str) -> bool:
    return re.search(r"\n[ \t\u3000]*\n", text.strip()) is not None


def _line_end_after(text: str, offset: int) -> bool:
    """Whether only spaces stand between ``offset`` and the next line break."""
    rest = text[offset : offset + 200]
    stripped = rest.lstrip(" \t\u3000")
    return stripped.startswith("\n") or not stripped


def _any_between(points: Sequence[int], low: int, high: int) -> bool:
    """Whether a point of the sorted ``points`` lies in ``(low, high]``."""
    i = bisect.bisect_right(points, low)
    return i < len(points) and points[i] <= high
