"""Dates in running text, resolved against the text's own running context (never against today).

:func:`date_finder` returns a :class:`RunningDateFinder` for one text. Its :meth:`~RunningDateFinder.find`
is called once per sentence in document order; the language lexers (:mod:`hexatable.ingest.dates_zh`,
:mod:`hexatable.ingest.dates_en`) find date expressions and say what each writes (a year, a month, a
day, or a shift such as 次日 / "the next day"); this module resolves them against the context and
moves the context.

The context is the last *narrated* date: its year, month and day, and the whole span (次日 counts
from a range's last day, 前一天 from its first). A date whose year cannot be resolved is not returned
but kept in :attr:`RunningDateFinder.unresolved`.

Context update rule (docs/ingest-dates.md, "Context")
------------------------------------------------------
A mention moves the context only if all of these hold:

1. it is not inside quotation marks (“…”, 「…」, 『…』, "…") of the same call;
2. it is not a plan: no future marker (将, 定于, 计划, 预计, 原定, 同意于; "will", "scheduled", "due to", ...)
   earlier in its clause;
3. it is not a bound: not followed by 以来 / 至今 / 以前 / 以后 ... or preceded by "since", "before",
   "after", "until", "by" (these name the edge of a period, not when something happened), nor a
   date that names something ("the September 19 joint statement": ``RawDate.reference``);
4. it is not a back-reference: a date whose year came from the context (inferred) and that ends
   before the context's date begins, such as 去年 6 月 in a 2019 text or 与朝韩9月签署的 after 11月5日
   (a date that writes its year is never a back-reference, nor an English weekday or "yesterday",
   which count from the day of writing: the news dateline or the ``written`` day given). In English
   such a date (``+back``) that names a day and opens its clause or dates its sentence's main clause
   (no "after", "which", "that" ... before it: ``RawDate.main_clause``) narrates what happened that
   day and moves the context as a flashback does (rule 6), so "The next day" counts from it; an
   aside ("… after North Korea resumed work in mid-August") does not. A date inside an English
   relative clause (", which inspected Yongbyon in May 2007,") never moves the context (``+relative``).
   In Chinese such a date dates its clause (``+back``) only when it is the time of the
   clause's act (``RawDate.main_clause``: no verb of saying before it in its sentence, no 对/就/针对
   before it in its clause, no 的 after it in its clause: 当年5月，… in an entry of 9月3日,
   德国外长8日抵达巴黎 in a report of the 10th), not a day counted from the context (前一天). It
   moves the context only under a dateline (every one in a report's body, until a date written with
   its year ends the report) and naming a day without a year word; in a chronology it is a
   flashback that moves nothing;
5. it is the first such mention of its sentence, or it opens a clause ("5月29日，…赴美，30日至31日
   与…会面"). A date in the middle of a clause ("暂停 8 月与韩国举行的军演") is a detail of the
   event, not the time of the narration.

6. a flashback does not end the narration it interrupts: a date that writes its year and ends before
   the context begins (2018年4月… in a passage set in February 2019) moves the context, so 同年 and
   8月 after it are of 2018, but the interrupted context is kept; a later month and day written
   without a year that would be a back-reference in the flashback (rule 4) but not in the kept
   context is read in the kept context (3月1日 is 2019-03-01) and ends the flashback, as does any
   date that reaches the kept context. A flashback whose own dates leave the year out (2003年8月27日
   …，8月29日…) is not a digression but where the text now narrates (a history after an
   introduction set later): the first such date that moves the context drops the kept one.

7. a day anchored on an event (会谈前一天, 峰会次日, 会谈开幕当天, "the day before the talks", "the eve of
   the summit") counts from the date of that event said earlier in its paragraph (the latest date
   written in a clause that names the event: 会谈, 峰会, "talks", "summit" ...), not from the context:
   前一天 / "the day before" / "the eve of" from its first day, 当天 from its first day (闭幕当天,
   "the last day of": its last), 次日 / "the day after" from its last day (开幕次日, "the day after the
   talks opened": its first). Such a day is never a back-reference and moves the context, so a 翌日
   after it counts from it. Without the event's date it counts from the context as before ("the eve
   of" and "the first day of" are then unresolved).
8. English: a month or year word of the narration that points back ("that month", "later that
   month", "the following month", "that year", "the following year") counts from the last date
   written in its paragraph when that is not the context's: a look-back that did not move the
   context ("walked out in December" in a January report) is what "later that month" means (rule
   suffix ``+that``, :meth:`RunningDateFinder._anaphor_context`).

A full date moves year, month and day; a month moves year and month (and forgets the day); a year
moves the year only. A period part (年初, 上旬, "early July") moves the context at the precision that
is written (年初 → the year; 7月上旬 → July), its span being the part's range (so 9月 after 年底 is a
back-reference); a range moves it to its end.

Periods (the dating convention of docs/case-format.md): a date claims no more precision than the
text gives. A *vague* part of a period (年初, 年底, 月初, 月底; "early July", "late 2007") is returned
as the period that surely contains it (``2007``, ``2007-07``), its rule still naming the part
(``+early`` ...) and its :attr:`~hexatable.ingest.types.DateMention.period` saying ``contain``; with
``periods="range"`` it is returned as the sharp range a reader might assume (months 1-3, days 1-10).
A *defined* part (上旬/中旬/下旬, 上半年, 第一季度, a season) is a range either way.

Examples
--------
>>> finder = date_finder("zh", year=2019)
>>> [str(m.date) for m in finder.find("2018年3月8日，郑义溶访美。")]
['2018-03-08']
>>> [(str(m.date), m.rule, m.inferred) for m in finder.find("次日，特朗普表示接受邀请。")]
[('2018-03-09', 'zh-next-day', True)]
>>> en = date_finder("en")
>>> [str(m.date) for m in en.find("Talks opened on 27 August 2003. They ended on August 29.")]
['2003-08-27', '2003-08-29']
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from hexatable.case.dates import DateSpan, PartialDate
from hexatable.ingest.types import DateMention, Lang, PeriodChoice

PERIODS: tuple[PeriodChoice, ...] = ("contain", "range")
"""The choices for a vague part of a period (:data:`hexatable.ingest.types.PeriodChoice`); the first is
the default, the dating convention."""

MAX_TEXT = 1_000_000
"""The longest piece of text one :meth:`RunningDateFinder.find` call reads (a sentence is far shorter;
the limit keeps one call's cost bounded)."""


@dataclass(frozen=True)
class Point:
    """One end of a date as written: absolute parts and shifts relative to the context.

    ``year_shift`` (同年 = 0, 次年 = +1, 去年 = -1), ``month_shift`` (同月 = 0, 次月 = +1) and
    ``day_shift`` (同日 = 0, 次日 = +1, 前一天 = -1) ask for the context's year, month or day.
    When the context is a range of days, a shift forward counts from its last day and a shift back
    from its first (7月6日至7日 … 次日 is the 8th; 23日至25日 … 前一天 is the 22nd).
    A missing part above a written one (the year of 7月14日) is taken from the context too.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_shift: int | None = None
    month_shift: int | None = None
    day_shift: int | None = None
    weekday: int | None = None
    """A weekday (0 = Monday), resolved against the day of writing, not the running context: the
    last such day on or before it, or for a plan the next one after it ("on Tuesday" in a report
    written on Thursday 11 December 2008 is the 9th). Unresolved when the day of writing is unknown."""
    written_shift: int | None = None
    """Days from the day of writing ("yesterday" = -1, "today" = 0); unresolved without that day."""
    written_week: int | None = None
    """Weeks from the week (Monday to Sunday) of the day of writing ("last week" = -1): the point is
    that week's Monday, and a ``weeks`` part says which of its days; unresolved without that day."""
    written_month: int | None = None
    """Months from the month of the day of writing ("last month" = -1, "this month" = 0)."""
    written_year: int | None = None
    """Years from the year of the day of writing ("last year" = -1, "this year" = 0, English news);
    without a day of writing the year counts from the context, as ``year_shift`` (set beside it) says."""


@dataclass(frozen=True)
class Part:
    """A period inside a year (months ``low``-``high``; ``high`` > 12 runs into the next year) or
    inside a month (days ``low``-``high``; ``high`` None means the month's last day)."""

    unit: str  # "months", "days" or "weeks" (days of a week from its Monday, 0-6; see _week_part)
    low: int
    high: int | None
    name: str  # for the rule: "early", "h1", "spring", ...
    vague: bool = False
    """A part whose bounds the text does not fix (年初, 月底, "early July"), as against one fixed by
    definition (上旬 = days 1-10, 上半年, 第一季度, a season): under the dating convention a vague
    part is dated as the whole period (module docstring, "Periods")."""


@dataclass(frozen=True)
class RawDate:
    """A date expression as a lexer found it, before resolution."""

    start: int
    end: int
    rule: str
    left: Point
    right: Point | None = None
    part: Part | None = None
    bound: bool = False
    """Names the edge of a period (以来, "since", "until"): returned, never moves the context."""
    planned: bool = False
    """A future marker precedes it in its clause: returned, never moves the context."""
    opens_clause: bool = False
    """Nothing but a connective or preposition stands between the clause start and the date."""
    sentence: int = 0
    """Which sentence of the call (0-based) it is in, by the lexer's sentence-end rule."""
    reference: bool = False
    """Names something by its date ("the September 19 joint statement"): returned, never moves the
    context."""
    dateline: bool = False
    """The date of a news dateline ("SEOUL, Dec. 11 (Yonhap) --"): a full date here sets the day of
    writing that weekdays are resolved against."""
    event: str | None = None
    """The event a relative day is anchored on (会谈 in 会谈前一天, "summit" in "the day after the
    summit"): the day counts from that event's date given earlier in the paragraph (rule 7 of the
    module docstring), not from the running context."""
    event_end: bool = False
    """The relative day counts from the event's last day (峰会次日, 会谈闭幕当天, "the day after the
    talks ended") rather than its first (会谈前一天, 会谈开幕当天, "the eve of the summit")."""
    event_only: bool = False
    """A day that is only ever a day of an event ("the eve of the summit", "the opening day of the
    talks"): unresolved when the event's date was not said, rather than counted from the context."""
    scope: tuple[int, int] = (0, 0)
    """The (start, end) of the date's sentence in the text given to the lexer: the words the finder
    remembers with a narrated date, to find the event an anchored day names (rule 7)."""
    relative_clause: bool = False
    """Inside a relative clause set off by a comma (", which inspected Yongbyon in May 2007,"): the
    date is the relative clause's detail, never the time of its sentence's act (English)."""
    main_clause: bool = False
    """No subordinator or relative word stands between the sentence start and the date ("after",
    "which", "that", ...; a relative clause closed before the date does not count): the date is the
    time of its sentence's main act (English; rule 4 of the module docstring, look-back dates). A verb
    of saying does not block: "said on June 2" dates the saying; what was said follows "that". In
    Chinese: no verb of saying before the date in its sentence (韩国外长表示，朝鲜8日…), no 对, 就, 针对,
    对于, 关于 before it in its clause (对朝鲜4日和8日发射导弹提出抗议) and no 的 after it in its clause
    (not 与朝韩9月签署的协议), so the date is its clause's time, not a detail of what was said or of a
    noun (:func:`hexatable.ingest.dates_zh.scan`)."""
    listed: bool = False
    """Set by the lexer: a date joined to the one before it by "and" or a comma ("March 3 and 5",
    "3 and 5 March"), which the finder also sets for 和, 与, 及, 、 (:data:`LISTED`)."""


@dataclass
class DateContext:
    """The running context: the last narrated date (year, month, day) and its whole span."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    span: DateSpan | None = None
    said: DateSpan | None = None
    """The date as the mention that set the context says it, when that differs from ``span`` (a vague
    part under the dating convention: 年底 says ``2007``, its span is 2007-11/2007-12)."""


class _UnresolvableError(Exception):
    """The context lacks what a mention needs, or the written date does not exist."""


def _resolve_weekday(weekday: int, written: dt.date | None, ahead: bool) -> PartialDate:
    """The last ``weekday`` on or before ``written``, or with ``ahead`` the first one after it."""
    if written is None:
        raise _UnresolvableError
    back = (written.weekday() - weekday) % 7
    day = written + dt.timedelta(days=(7 - back) if ahead else -back)
    return PartialDate(day.year, day.month, day.day)


def _resolve_point(
    point: Point, context: DateContext, written: dt.date | None = None, ahead: bool = False
) -> tuple[PartialDate, bool]:
    """The partial date ``point`` means in ``context``, and whether any part came from the context
    (a weekday: from the day of writing, ``written``; ``ahead`` for a plan)."""
    inferred = False
    if point.weekday is not None:
        return _resolve_weekday(point.weekday, written, ahead), True
    if point.written_shift is not None:
        if written is None:
            raise _UnresolvableError
        day = written + dt.timedelta(days=point.written_shift)
        return PartialDate(day.year, day.month, day.day), True
    if point.written_week is not None:
        if written is None:
            raise _UnresolvableError
        monday = written - dt.timedelta(days=written.weekday() - 7 * point.written_week)
        return PartialDate(monday.year, monday.month, monday.day), True
    if point.written_month is not None:
        if written is None:
            raise _UnresolvableError
        in_year, in_month = divmod(written.year * 12 + written.month - 1 + point.written_month, 12)
        return PartialDate(in_year, in_month + 1), True
    if point.day_shift is not None:
        if context.year is None or context.month is None or context.day is None:
            raise _UnresolvableError
        base = dt.date(context.year, context.month, context.day)
        first = context.span.start if context.span is not None else None
        if point.day_shift < 0 and first is not None and first.day is not None and first.month is not None:
            base = dt.date(first.year, first.month, first.day)  # the day before a range: before its start
        day = base + dt.timedelta(days=point.day_shift)
        return PartialDate(day.year, day.month, day.day), True
    year = point.year
    if year is None and point.written_year is not None and written is not None:
        year = written.year + point.written_year
        inferred = True
    elif year is None:
        if context.year is None:
            raise _UnresolvableError
        year = context.year + (point.year_shift or 0)
        inferred = True
    month = point.month
    if point.month_shift is not None:
        if context.month is None or context.year is None:
            raise _UnresolvableError
        index = context.year * 12 + context.month - 1 + point.month_shift
        year, month = divmod(index, 12)
        month += 1
        inferred = True
    elif month is None and point.day is not None:
        if context.month is None or point.year is not None:
            raise _UnresolvableError
        month = context.month
        inferred = True
    if not 1 <= year <= 9999:
        raise _UnresolvableError
    try:
        return PartialDate(year, month, point.day), inferred
    except ValueError as error:
        raise _UnresolvableError from error


def _resolve_right(right: Point, left: PartialDate) -> PartialDate:
    """The end of a range: missing parts come from its start, rolling over when it would precede it."""
    year = right.year if right.year is not None else left.year
    month = right.month if right.month is not None else left.month
    if right.month is None and right.day is not None and left.month is None:
        raise _UnresolvableError
    if right.year is None and right.month is not None and left.month is not None and right.month < left.month:
        year += 1  # 12月30日至1月2日
    if (
        right.month is None
        and right.day is not None
        and left.day is not None
        and month is not None
        and right.day < left.day
    ):
        year, month = divmod(year * 12 + month, 12)  # 30日至2日: into the next month
        month += 1
    try:
        return PartialDate(year, month, right.day)
    except ValueError as error:
        raise _UnresolvableError from error


def _apply_part(base: PartialDate, part: Part) -> DateSpan:
    """The span of a period part of a year or a month."""
    if part.unit == "months":
        high = part.high if part.high is not None else 12
        start = PartialDate(base.year, part.low)
        end_year, end_month = divmod(base.year * 12 + high - 1, 12)
        return DateSpan(start, PartialDate(end_year, end_month + 1))
    if base.month is None:
        raise _UnresolvableError
    last = calendar.monthrange(base.year, base.month)[1]
    high = last if part.high is None else min(part.high, last)
    return DateSpan(PartialDate(base.year, base.month, part.low), PartialDate(base.year, base.month, high))


def _week_part(monday: PartialDate, part: Part, written: dt.date | None) -> DateSpan:
    """Days ``low``-``high`` of the week starting on ``monday``. A ``high`` of None ends the span
    the day before the day of writing and a ``low`` of -1 starts it the day after ("earlier this
    week", "later this week"), kept inside the week."""
    if monday.month is None or monday.day is None or written is None:
        raise _UnresolvableError
    first = dt.date(monday.year, monday.month, monday.day)
    last = first + dt.timedelta(days=6)
    low = first + dt.timedelta(days=part.low) if part.low >= 0 else written + dt.timedelta(days=1)
    high = first + dt.timedelta(days=part.high) if part.high is not None else written - dt.timedelta(days=1)
    low = min(max(low, first), last)
    high = min(max(high, low), last)
    start = PartialDate(low.year, low.month, low.day)
    if low == high:
        return DateSpan(start)
    return DateSpan(start, PartialDate(high.year, high.month, high.day))


def _resolve(
    raw: RawDate, context: DateContext, written: dt.date | None = None
) -> tuple[DateSpan, PartialDate, bool]:
    """The span, the point that moves the context (the range end, or the base of a part), inferred.

    A part of a period is resolved to its range here, vague or not: the context keeps it (年底 then
    9月 is a back-reference); :meth:`RunningDateFinder.find` decides what the mention says."""
    left, inferred = _resolve_point(raw.left, context, written, raw.planned)
    if raw.part is not None and raw.part.unit == "weeks":
        span = _week_part(left, raw.part, written)
        last = span.end or span.start
        return span, last, inferred
    if raw.part is not None:
        if raw.part.unit == "days" and left.month is None:
            raise _UnresolvableError
        if raw.part.unit == "months" and left.month is not None:
            raise _UnresolvableError
        return _apply_part(left, raw.part), left, inferred
    if raw.right is None:
        return DateSpan(left), left, inferred
    right = _resolve_right(raw.right, left)
    try:
        span = DateSpan(left, right)
    except ValueError as error:
        raise _UnresolvableError from error
    return span, right, inferred


def _calendar(raw: RawDate) -> bool:
    """Whether ``raw`` writes a calendar date (a year, month or day) and no shift from the context or
    the day of writing: only such dates are listed ("March 3, two days later" is no list)."""
    point = raw.left
    written = point.year is not None or point.month is not None or point.day is not None
    shifts = (point.year_shift, point.month_shift, point.day_shift, point.weekday, point.written_shift)
    return written and all(shift is None for shift in shifts) and point.written_week is None


def _listed(raws: list[RawDate], text: str, lang: Lang) -> set[int]:
    """The indices of ``raws`` that are later members of a list of dates (:data:`LISTED`).

    Members are calendar dates (:func:`_calendar`), neither bounds nor plans, joined one to the next;
    in English a run joined by commas alone is no list ("On 5 March, February's deal …"): one of its
    joins must be "and"."""
    found: set[int] = set()
    run: list[int] = []
    joins: list[str] = []

    def close() -> None:
        english = lang != "en" or (
            any("and" in join for join in joins) and not (len(joins) == 1 and clause_join(joins[0]))
        )
        if len(run) > 1 and english:
            found.update(run[1:])

    for index, raw in enumerate(raws):
        previous = raws[index - 1] if index else None
        joined = (
            previous is not None
            and run
            and run[-1] == index - 1
            and _calendar(previous)
            and _calendar(raw)
            and not (previous.bound or raw.bound or previous.planned)
            and LISTED[lang].fullmatch(text, previous.end, raw.start) is not None
        )
        if joined and previous is not None:
            run.append(index)
            joins.append(text[previous.end : raw.start])
        else:
            close()
            run, joins = [index], []
    close()
    return found


def _between(raws: list[RawDate], text: str, lang: Lang) -> list[RawDate]:
    """``raws`` with each "between … and …" (…与…之间) read as the range it gives, not as a list.

    "between May 3 and 7, 2009", "between 3 and 7 May", 2009年5月3日与7日之间 name the ends of a
    period, so by the dating convention (docs/case-format.md: a range the text gives stays a range)
    the two dates become one, from the first to the second (rule suffix ``+between``)."""
    out: list[RawDate] = []
    for raw in raws:
        previous = out[-1] if out else None
        ends = (
            previous is not None
            and previous.right is None
            and previous.part is None
            and raw.right is None
            and raw.part is None
            and _calendar(previous)
            and _calendar(raw)
            and not (previous.bound or raw.bound)
            and _BETWEEN_JOIN[lang].fullmatch(text, previous.end, raw.start) is not None
            and (
                _BETWEEN_BEFORE.search(text, max(0, previous.start - 12), previous.start) is not None
                if lang == "en"
                else _BETWEEN_AFTER.match(text, raw.end) is not None
            )
        )
        if ends and previous is not None:
            out[-1] = dataclasses.replace(
                previous, end=raw.end, right=raw.left, rule=previous.rule + "+between", listed=False
            )
        else:
            out.append(raw)
    return out


_BETWEEN_JOIN = {"zh": re.compile(r"\s*(?:和|与|及|同)\s*"), "en": re.compile(r",?\s+and\s+")}
"""What joins the two ends of a "between" range: not a comma or 、, which join a list."""
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BETWEEN_AFTER = re.compile(r"\s*之间")

LISTED = {
    "zh": re.compile(r"\s*(?:和|与|及|以及|、)\s*"),
    "en": re.compile(r",?\s+and\s+|\s*,\s*"),
}
"""What joins two dates of a list (2008年3月和4月, 3日、5日, "March and April 2008", "March 3, 5 and
9"): each is a date of its own, not the ends of a range (docs/ingest-dates.md, "Lists of dates").
The English lexer shares a list's year with the same pattern (:mod:`hexatable.ingest.dates_en`)."""


def clause_join(join: str) -> bool:
    """Whether ``join`` (between two English dates) is ", and", which after two dates joins two
    clauses ("Japan protested in November, and March 2008 brought a deal"), not a list; after three
    or more it is the serial comma of a list ("March, April, and May 2008")."""
    return "," in join and "and" in join


_QUOTES = re.compile(r"[“”「」『』\"]")
_OPENING = {"“": "”", "「": "」", "『": "』"}


def quoted_spans(text: str, *, lone_closers: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of each quotation in ``text``; an unclosed quotation runs to the end.

    With ``lone_closers`` a straight double quote with none open is read as a curly one would be
    written: a closing one (right after a non-space, and before a space, punctuation or the end)
    closes a quotation opened in an earlier sentence, so it opens nothing, as a lone ” opens nothing
    ('The talks failed," Japan said on March 5.': the date is the saying's, not quoted). The
    date finder reads quotes so; without it every straight quote with none open opens one.

    >>> quoted_spans('他说“3月8日见”，然后"July 4"。')
    [(2, 9), (12, 20)]
    >>> quoted_spans('The talks failed," Japan said on March 5.', lone_closers=True)
    []
    """
    spans: list[tuple[int, int]] = []
    closing: str | None = None
    opened = 0
    for match in _QUOTES.finditer(text):
        char = match.group()
        if closing is None:
            if lone_closers and char == '"' and _closes(text, match.start()):
                continue
            if char in _OPENING or char == '"':
                closing = _OPENING.get(char, '"')
                opened = match.start()
        elif char == closing:
            spans.append((opened, match.end()))
            closing = None
    if closing is not None:
        spans.append((opened, len(text)))
    return spans


def _closes(text: str, at: int) -> bool:
    """Whether the straight quote at ``at`` is written as a closing one: right after a non-space
    and before a space, punctuation or the end of ``text``."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    return bool(before) and not before.isspace() and not (after.isalnum() or after == "_")


@functools.lru_cache(maxsize=4)
def _quotation_starts(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The starts of :func:`quoted_spans` (sorted: the spans follow one another) and the spans,
    found once per text: a long sentence asks for each of its clauses."""
    spans = quoted_spans(text)
    return [low for low, _ in spans], spans


def in_quotation(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a quotation of ``text`` (``low <= position < high``), in
    logarithmic time after the first question about a text.

    >>> in_quotation('他说“3月8日见”。', 3), in_quotation('他说“3月8日见”。', 10)
    (True, False)
    """
    starts, spans = _quotation_starts(text)
    at = bisect.bisect_right(starts, position) - 1
    return at >= 0 and position < spans[at][1]


@dataclass
class RunningDateFinder:
    """Finds dates sentence by sentence, keeping the running context (module docstring).

    ``unresolved`` collects, in order, the text of every date the context could not resolve (a
    7月14日 before any year was said, 次日 before any day) or that does not exist (2月30日).
    ``written`` is the day of writing that weekdays count from: given (the source's date), and set by
    each dated dateline of the text for what follows it (a file may hold several reports).
    ``periods`` says how a vague part of a period is dated (module docstring, "Periods").
    """

    lang: Lang
    context: DateContext = field(default_factory=DateContext)
    unresolved: list[str] = field(default_factory=list)
    written: dt.date | None = None
    narration: DateContext | None = None
    """The context a flashback interrupted (rule 6 of the module docstring), None when there is none."""
    periods: PeriodChoice = "contain"
    written_by: dt.date | None = None
    """The last day the text can have been written (the end of its source's date): with ``written``
    (the day of writing, which wins), the bound of :meth:`_before_writing`."""
    _reporting: bool = False
    """The narration is a news report's body: the last date that moved the context without being a
    look-back from it was a dateline (rule 4: there every look-back date naming a day moves it), not
    a chronology entry's date written with its year."""
    _opening: bool = True
    """The next text given to :meth:`find` opens a paragraph (set by :meth:`paragraph`): a date at
    its start opens a chronology entry, which ends a report's reporting mode (:attr:`_reporting`)."""
    _line_opening: bool = False
    """The next text given to :meth:`find` opens a line inside a paragraph (set by :meth:`line`): a
    full date at its start (year, month and day written) opens a chronology entry too, so it ends
    reporting mode where the segmenter's paragraph holds several lines (a blank line elsewhere)."""
    _looked_back: bool = False
    """The narration kept in :attr:`narration` is the report's own time, interrupted by an English
    look-back date (rule 4): a month and day read in the look-back's year do not end it."""
    _events: list[tuple[DateSpan, str]] = field(default_factory=list)
    """Dates said in the current paragraph with the words around them, latest last (rule 7)."""

    def find(self, text: str) -> list[DateMention]:
        """Dates in ``text`` in order of position; later calls see the context this call left.

        Raises ``ValueError`` for a text longer than :data:`MAX_TEXT` characters.
        """
        if len(text) > MAX_TEXT:
            raise ValueError(f"a piece of {len(text):,} characters is longer than {MAX_TEXT:,}")
        if self.lang == "zh":
            from hexatable.ingest.dates_zh import scan
        else:
            from hexatable.ingest.dates_en import scan
        opening, self._opening = self._opening, self._opening and not text.strip()
        line_opening, self._line_opening = self._line_opening, self._line_opening and not text.strip()
        quotes = quoted_spans(text, lone_closers=True)
        quote_starts = [low for low, _ in quotes]
        found: list[DateMention] = []
        moved_in: set[int] = set()  # sentences (of this call) whose context has moved
        list_moves = False  # the last date moved the context, so a date listed after it does too
        # Chinese: the day of a report (据新华社5日电，…) that no date of its sentence has moved on from
        # since: a relative day after it (当天, 前一天, 次日) counts from the report's day
        report_day: tuple[int, DateContext] | None = None
        raws = _between(scan(text), text, self.lang)
        listed_at = _listed(raws, text, self.lang)
        for index, raw in enumerate(raws):
            # rule 7: a day anchored on an event (会谈前一天, "the day after the summit") counts from
            # the event's date said earlier in the paragraph, when there is one
            on_event = self._event_context(raw) if raw.event is not None else None
            # rule 8, English: "that month", "the following year" refer to the last date written in
            # the paragraph, a look-back too ("in December … Later that month" in a January report)
            anaphor = self._anaphor_context(raw) if on_event is None else None
            reported = None
            if report_day is not None and report_day[0] == raw.sentence and raw.left.day_shift is not None:
                reported = report_day[1]
            try:
                if raw.event_only and on_event is None:
                    raise _UnresolvableError  # "the eve of the summit", the summit's date unsaid
                context = on_event or anaphor or reported or self.context
                span, point, inferred = _resolve(raw, context, self.written)
            except (_UnresolvableError, ValueError, OverflowError):  # past year 9999 by relative steps
                # a year-less dateline's day may not exist in the context's year ("Feb. 29" after
                # a date of 2007): it is still a day of writing, read in the nearest year it exists
                leap = None
                if raw.dateline and _year_left_out(raw) and raw.left.day is not None:
                    leap = self._dateline_year(raw)
                if leap is None:
                    self.unresolved.append(text[raw.start : raw.end])
                    continue
                (span, point), inferred = leap, True
            if on_event is not None:
                raw = dataclasses.replace(raw, rule=raw.rule + "+event")
            elif anaphor is not None:
                raw = dataclasses.replace(raw, rule=raw.rule + "+that")
            if raw.listed or index in listed_at:
                raw = dataclasses.replace(raw, rule=raw.rule + "+list", listed=True)
            if raw.left.written_year is not None and self.written is not None:
                # "last year" in a report counts from the day of writing, not from the narration
                rule = raw.rule.replace("en-rel-year", "en-written-year", 1)
                raw = dataclasses.replace(raw, rule=rule.replace("zh-rel-year", "zh-written-year", 1))
            dateline = raw.dateline and inferred and _year_left_out(raw) and raw.left.day is not None
            if dateline:
                # a dateline is the day a report was written: its year is the one that puts it
                # nearest (before or after) the previous day of writing, else the context
                after = self._dateline_year(raw)
                if after is not None and after[0] != span:
                    span, point = after
                    raw = dataclasses.replace(raw, rule=raw.rule + "+dateline")
            elif self.lang == "en" and inferred and _year_left_out(raw) and not raw.planned:
                earlier = self._before_writing(raw, span)
                if earlier is not None:
                    span, point = earlier
                    raw = dataclasses.replace(raw, rule=raw.rule + "+past")
            inside = bisect.bisect_right(quote_starts, raw.start) - 1
            quoted = inside >= 0 and raw.start < quotes[inside][1]
            back = inferred and _before(span, self.context) and on_event is None
            # a weekday or "yesterday" counts from the day of writing, not from the narration
            back = back and raw.left.weekday is None and raw.left.written_shift is None
            back = back and raw.left.written_week is None and raw.left.written_month is None
            returned = False
            # (not a year-less dateline: its year is the one nearest the previous day of writing)
            if back and self.narration is not None and _year_left_out(raw) and not dateline:
                # after a flashback (2018年4月… in a passage set in 2019), a month and day that fall
                # before it belong to the narration the flashback interrupted (3月1日 is 2019's)
                try:
                    again = _resolve(raw, self.narration, self.written)
                except (_UnresolvableError, ValueError, OverflowError):
                    again = None
                # English: the narration a look-back date interrupted (rule 4) is the report's own
                # time, so a month and day that fall after the look-back are read in its year
                kept = self.context if self.lang == "en" else self.narration
                if again is not None and not _before(again[0], kept):
                    (span, point, inferred), back, returned = again, False, True
            if raw.dateline and not span.is_range and point.day is not None:
                # each dateline dates the report under it (a file of several reports has several)
                self.written = dt.date(point.year, point.month or 1, point.day)
            aside = raw.planned or raw.bound or raw.reference  # never the time of its clause's act
            vague = raw.part is not None and raw.part.vague
            # the dating convention: a vague part (年初, "early July") is said as the period containing
            # it; the context still moves as the part's range would move it
            said = DateSpan(point) if vague and self.periods == "contain" else span
            # rule 4, English: a look-back date that opens its clause or dates its sentence's main
            # clause narrates what happened that day ("On Dec. 8, the talks opened."), so it moves
            # the context ("The next day" counts from it), keeping the report's own time as a
            # flashback keeps the narration it interrupts
            narrates = back and self.lang == "en" and (raw.opens_clause or raw.main_clause)
            # a look-back date dates its own clause (clauses.split_clauses): any in English; in
            # Chinese one that dates its clause's act (dates_zh: at the clause's start or
            # after its subject, not after a verb of saying nor after 对/就/针对, no 的 after it:
            # 当年7月，朝鲜曾试射… in an entry of 10月9日; 千英宇9日表示 in a report of the 10th), not a
            # detail of a noun (与朝韩9月签署的协议), nor a day counted from the context (前一天)
            looks_back = back and not aside and (self.lang == "en" or raw.main_clause)
            looks_back = looks_back and (self.lang == "en" or raw.left.day_shift is None)
            # In Chinese such a date moves the context only in a report under a dateline, every one
            # of them (15日…。14日…。次日 is the 15th), and without a year word: in a chronology an
            # earlier day (4月5日，朝鲜曾… in an entry of 5月25日) is a flashback, and the bare days,
            # 同日 and 次日 after it still follow the entry's day
            narrates = narrates or (
                looks_back and self.lang == "zh" and self._reporting and raw.left.year_shift is None
            )
            # a day, what "the next day" needs: not a month, a year or a part of one ("early March")
            narrates = narrates and raw.part is None and span.start.day is not None
            # a date in an English relative clause (", which inspected Yongbyon in May 2007,") is
            # the relative clause's: it neither moves the context nor keeps a later date of the
            # sentence ("said on June 2") from doing so; it dates its clause only failing another
            relative = raw.relative_clause and not aside
            narrated = not (quoted or aside or relative or (back and not narrates))
            anchor = narrated and (raw.sentence not in moved_in or raw.opens_clause) and not raw.listed
            list_moves = anchor or (raw.listed and list_moves)
            suffix = "+back" if looks_back else ""
            suffix += "+relative" if relative and not quoted else ""
            found.append(
                DateMention(
                    start=raw.start,
                    end=raw.end,
                    text=text[raw.start : raw.end],
                    date=said,
                    rule=raw.rule + suffix,
                    inferred=inferred,
                    anchor=anchor,
                    aside=aside,
                    period=self.periods if vague else None,
                )
            )
            if not (quoted or raw.bound or raw.reference or raw.left.day_shift is not None):
                self._remember(span, text, raws, index)  # a written date: an event's (rule 7)
            day_of_report = raw.reference and not quoted and not span.is_range and point.day is not None
            if self.lang == "zh" and day_of_report:
                report_day = (raw.sentence, DateContext(point.year, point.month, point.day, DateSpan(point)))
            elif narrated:
                report_day = None  # a date of the reported act: relative days count from it
            if anchor:
                moved_in.add(raw.sentence)
                full_day = not inferred and span.start.day is not None  # year, month and day written
                if raw.dateline:
                    self._reporting = True
                elif not text[: raw.start].strip() and (opening or (line_opening and full_day)):
                    # a date opening a paragraph, with its year or not, opens a chronology entry:
                    # the report is over (a date with its year inside the report's sentence, 秦刚
                    # 2006年3月10日宣布, is not one; nor is 3月20日 opening the entry's second sentence);
                    # so does a full date opening a line inside a paragraph (a text with a blank
                    # line elsewhere, where the segmenter's paragraph holds several lines)
                    self._reporting = False
                flashback = (not inferred or back) and _before(span, self.context)
                settled = self.lang == "zh" or (_year_left_out(raw) and not self._looked_back)
                if inferred and not returned and not back and settled:
                    # a date read in the flashback's year: the text settled there (in English only a
                    # month and day, and never after a look-back, whose narration is the report's
                    # own time: "On Dec. 8 … On Dec. 11 … On Jan. 5" in a report of January 2009)
                    self.narration = None
                self._move(point, span, flashback=flashback, said=said)
                self._looked_back = self._looked_back or (flashback and back and self.narration is not None)
            elif raw.listed and narrated and list_moves:
                # a later date of a list whose first date moved the context: the narration reaches it
                flashback = (not inferred or back) and _before(span, self.context)
                self._move(point, span, flashback=flashback, said=said)
            elif returned:
                self.narration, self._looked_back = None, False
        return found

    def line(self) -> None:
        """The next text opens a line inside the current paragraph: a full date at its start opens a
        chronology entry and ends reporting mode (:attr:`_line_opening`). Nothing else changes: the
        events remembered for rule 7 are the paragraph's."""
        self._line_opening = True

    def paragraph(self) -> None:
        """A new paragraph begins: the events whose dates anchor 会谈前一天 or "the day after the
        summit" (rule 7) are those of the paragraph they are said in, so the ones remembered are
        forgotten. The running context is kept."""
        self._events.clear()
        self._opening = True

    def _remember(self, span: DateSpan, text: str, raws: list[RawDate], index: int) -> None:
        """Keep ``span`` with the words around it (from the date before it in its sentence to the
        date after it), so that a later day anchored on an event named there finds it (rule 7)."""
        raw = raws[index]
        low, high = raw.scope
        before = raws[index - 1] if index > 0 else None
        after = raws[index + 1] if index + 1 < len(raws) else None
        if before is not None and before.sentence == raw.sentence:
            low = max(low, before.end)
        cut = max((m.end() for m in _CLAUSE_MARK.finditer(text, low, raw.start)), default=low)
        low = max(low, cut)  # the date's own clause: "…举行，6月20日日方代表访问平壤" names no talks
        if after is not None and after.sentence == raw.sentence:
            high = min(high, after.start)
        self._events.append((span, text[low:high]))
        del self._events[:-_EVENTS_KEPT]

    def _anaphor_context(self, raw: RawDate) -> DateContext | None:
        """Rule 8, English: the context a month or year word of the narration ("that month", "later
        that year", "the following year", "the same month"; rules ``en-rel-month``, ``en-rel-year``
        without a day of writing's year) counts from when the last date written in the paragraph is
        not the running context's: a look-back that did not move the context ("walked out in
        December" in a report of January) is what "later that month" points back to. None when
        there is no such date, or it is the context's own."""
        if self.lang != "en" or not self._events or raw.left.written_year is not None:
            return None
        if not raw.rule.startswith(("en-rel-month", "en-rel-year")):
            return None
        span = self._events[-1][0]
        if self.context.span is not None and span == self.context.span:
            return None
        first = span.start
        return DateContext(first.year, first.month, first.day, span)

    def _event_context(self, raw: RawDate) -> DateContext | None:
        """The context a day anchored on ``raw.event`` counts from: the first (or with
        ``raw.event_end`` the last) day of the latest remembered date whose words name the event;
        None when none does, or its date has no day (rule 7). In English the event is a whole word
        in any of its regular inflections (:func:`_inflected`: "the vote" is named by "voted",
        "votes", "voting"), never inside another word: "round" is not named by "around", "vote" by
        "devoted", nor "talks" by "stalks"; Chinese has no spaces, so there the event is found
        inside a longer word (会谈 in 六方会谈)."""
        event = raw.event or ""
        pattern = re.compile(_inflected(event) if self.lang == "en" else re.escape(event), re.IGNORECASE)
        for span, words in reversed(self._events):
            if pattern.search(words) is None:
                continue
            day = (span.end or span.start) if raw.event_end else span.start
            if day.day is None or day.month is None:
                return None
            return DateContext(day.year, day.month, day.day, DateSpan(day))
        return None

    def _before_writing(self, raw: RawDate, span: DateSpan) -> tuple[DateSpan, PartialDate] | None:
        """A month and day whose year was left out and that would fall after the text was written
        (the day of writing, else the end of its source's date) are of the year before when that is
        nearer to the writing: a report of 11 January 2009 that says "the talks ended Dec. 11" means
        2008, while "inspectors return in mid-August" in a report of 21 July is the coming August.
        None when no bound is known, the date is not after it, or the year before is not nearer.
        A plan (``raw.planned``) is never moved: it may lie after the writing. English only (news
        reports look back; the date dates its own clause as a ``+back`` date does): a Chinese
        chronology narrates forward from its context, and a back-reference there dates no clause,
        so the rule would lose events."""
        bound = self.written or self.written_by
        year = self.context.year
        if bound is None or year is None or span.earliest() <= bound:
            return None
        try:
            earlier, point, _ = _resolve(raw, dataclasses.replace(self.context, year=year - 1), self.written)
        except (_UnresolvableError, ValueError, OverflowError):
            return None
        # the nearer of the two readings: "in mid-August" in a report of 21 July is the coming one
        nearer = (bound - earlier.latest()) < (span.earliest() - bound)
        return (earlier, point) if earlier.latest() <= bound and nearer else None

    def _dateline_year(self, raw: RawDate) -> tuple[DateSpan, PartialDate] | None:
        """The span and point of a dateline whose year was left out ("TOKYO, Jan. 2 (Kyodo) --"),
        read in the year that puts it nearest, before or after, the previous day of writing (a
        dateline before it, or the source's date), else the context's date: reports of a file sit
        close together in time, in either order (after 30 December 2008, Jan. 2 is 2009's; in a
        file listed newest first, Dec. 30 after Jan. 5, 2009 is 2008's). A day that does not exist
        in the nearest years (Feb. 29) takes the nearest year in which it does. None when neither
        bound is known or the day exists in no year near it."""
        # the bound is a stretch of days: the day of writing, else the context's date (a whole year
        # when only the year is known, so a dateline inside it is at distance 0)
        low, high = (self.written, self.written) if self.written is not None else (None, None)
        if low is None and self.context.span is not None:
            low, high = self.context.span.earliest(), self.context.span.latest()
        if low is None or high is None:
            return None
        best: tuple[int, DateSpan, PartialDate] | None = None
        for year in range(low.year - _LEAP_CYCLE, high.year + _LEAP_CYCLE + 1):
            try:
                span, point, _ = _resolve(raw, DateContext(year), self.written)
            except (_UnresolvableError, ValueError, OverflowError):
                continue
            start = span.earliest()
            distance = max((low - start).days, (start - high).days, 0)
            # on a tie (a day exactly half a year away) the later year wins: reports follow one another
            if best is None or distance <= best[0]:
                best = (distance, span, point)
        return None if best is None else (best[1], best[2])

    def _move(
        self, point: PartialDate, span: DateSpan, flashback: bool = False, said: DateSpan | None = None
    ) -> None:
        """Move the context to ``point``; a flashback (a date that writes its year and ends before the
        context begins) keeps the context it interrupted in :attr:`narration` (rule 6)."""
        if flashback and self.narration is None:
            self.narration = self.context
        elif not flashback and self.narration is not None and not _before(span, self.narration):
            self.narration = None  # the text is back in (or past) the interrupted narration
        if self.narration is None:
            self._looked_back = False
        self.context = DateContext(point.year, point.month, point.day, span, said if said != span else None)

    def carried(self) -> DateMention | None:
        """The context's date as an inferred mention (``rule="context"``, empty text at 0), for a
        sentence that says no date of its own; None before any date was narrated or seeded."""
        if self.context.span is None:
            return None
        date = self.context.said or self.context.span
        return DateMention(0, 0, "", date, "context", inferred=True, anchor=False)


_LEAP_CYCLE = 4
"""How many years either side of the day of writing a year-less dateline may be read in: enough
for a 29 February to find a leap year."""
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
"""What ends a clause, for the words remembered with a date (rule 7), in either language."""
_EVENTS_KEPT = 8
"""How many dates of a paragraph are kept for rule 7: a bound on the work per anchored day."""


def _before(span: DateSpan, context: DateContext) -> bool:
    """Whether ``span`` ends before the context's date begins."""
    return context.span is not None and span.latest() < context.span.earliest()


def _inflected(word: str) -> str:
    """A pattern for an English word in its regular inflections, as a whole word: the stem (the word
    without a plural -s or a final -e) with -s, -es, -e, -ed, -d or -ing, its last consonant
    doubled or not (vote, votes, voted, voting; talk, talks, talked; trip, tripped).

    >>> pattern = re.compile(_inflected("vote"), re.IGNORECASE)
    >>> [bool(pattern.search(w)) for w in ("voted", "Votes", "voting", "devoted", "vote")]
    [True, True, True, False, True]
    >>> bool(re.search(_inflected("round"), "around")), bool(re.search(_inflected("talks"), "talked"))
    (False, True)
    """
    stem = word.lower()
    if stem.endswith("s") and not stem.endswith("ss"):
        stem = stem[:-1]
    if stem.endswith("e"):
        stem = stem[:-1]
    return rf"\b{re.escape(stem)}{re.escape(stem[-1])}?(?:s|es|e|ed|d|ing)?\b"


def _year_left_out(raw: RawDate) -> bool:
    """A month (and day) written without its year: 3月1日, 2月27日至28日; not 同年, 次日, 去年."""
    left = raw.left
    return (
        left.year is None
        and left.month is not None
        and left.year_shift is None
        and left.month_shift is None
        and left.day_shift is None
        and left.weekday is None
        and left.written_shift is None
    )


def date_finder(
    lang: Lang,
    *,
    year: int | None = None,
    written: dt.date | None = None,
    periods: PeriodChoice = "contain",
    written_by: dt.date | None = None,
) -> RunningDateFinder:
    """A finder for one text in ``lang``; ``year`` seeds the context (``--year``, the source's date).

    Without ``year`` nothing is resolved until the text writes a year. ``written`` (the source's date,
    when it gives the day) is the day weekdays count from until the text's own dateline says one;
    without either, a weekday is unresolved. ``written_by`` (the last day the source's date allows)
    bounds, with ``written``, the dates of the past in English: a month and day without a year that
    would fall after it are of the year before ("ended Dec. 11" in a report of early 2009). ``periods``
    (``--periods``): ``contain`` dates a vague part of a period (年初, "early July") as the period
    that contains it, the dating convention; ``range`` as sharp bounds (module docstring, "Periods").

    >>> f = date_finder("zh")
    >>> f.find("7月14日，会谈开始。"), f.unresolved
    ([], ['7月14日'])
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if year is not None and not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range 1-9999")
    if periods not in PERIODS:
        raise ValueError(f"periods must be one of {', '.join(PERIODS)}, not {periods!r}")
    context = DateContext() if year is None else DateContext(year, None, None, DateSpan(PartialDate(year)))
    return RunningDateFinder(lang, context, written=written, periods=periods, written_by=written_by)
