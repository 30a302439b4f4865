"""English date expressions: what each one writes, before the running context resolves it.

Month names are read from a table of our own (full names, capitalised, and the usual abbreviations
with or without a period), not through dateparser: dateparser fills what a text leaves out from
today's date, and here every missing part must come from the text's own context or stay unresolved.
"May" is read as a month only next to a day or a year ("May 9", "9 May", "May 2018").

=============================================  ============  ============================================
text                                           rule          value
=============================================  ============  ============================================
14 July 2007, July 14, 2007, 14th July 2007    en-dmy/en-mdy 2007-07-14
July 14, 14 July                               ...+year      the year from the context
July 2007 / in July                            en-my / en-m  2007-07 / the year from the context
in 2007 (also since, by, during, until, ...)   en-y          2007 (a bare number needs such a word)
2007: (an entry's opening year, then a colon  en-y-lead     2007 (a chronology's entry, "1998: LIMA —
or a dash); 1998–2000:, 2003 - 2005:          (-range)      …"; elsewhere no date); a range of years,
                                                             1998/2000; also
2007 Peru … (1900-2099, then a capitalised    en-y-lead     "1994 Peru and Chile sign …"
word)
2007-07-14                                     iso           2007-07-14
27-29 August 2003, August 27-29, 2003,         ...-range     a range ``start/end``
27 August - 3 September 2003, 2004-2005
August-September 2005, June 2007 - July 2007   en-my-range   2005-08/2005-09 (December-January
                                                             2006: 2005-12/2006-01)
early / mid / late July 2007                   +early ...    the month (a vague part; ``range``: days
the beginning / middle / end of July                         1-10 / 11-20 / 21-last)
early / mid / late 2007, the end of 2007       +early ...    the year (a vague part; ``range``: months
                                                             1-4 / 5-8 / 9-12)
early this year, late last year, the end of    en-rel-year+  the context year + 0 / - 1 / + 1 (a vague
the year, the start of the following year      early ...     part, as above); with this / last / next
                                                             and a day of writing, its year (en-written-)
spring / summer / autumn (fall) / winter 2007  +spring ...   months 3-5 / 6-8 / 9-11 / 12-2 (next year)
the next / following day, the day after       en-next-day   context day + 1
the same day, that day                         en-same-day   context day
the day before, the previous day               en-day-before context day - 1
the day before / after the talks, the eve of   ...+event     from the event's date said earlier in the
the summit, the opening / last day of the talks              paragraph (RawDate.event)
five days later, 5 days afterwards, a week     en-days-later context day + 5 / + 7
later
later / earlier that month, the same month     en-rel-month  context month (+1: the next month)
that year, the same year, the following year,  en-rel-year   context year + 0 / + 1 / - 1
the previous year
this year, next year, last year                en-written-   the year of the day of writing + 0 / + 1 /
                                               year          - 1 (without that day: en-rel-year)
(on) Tuesday, last Tuesday / next Tuesday      en-weekday    the last Tuesday on or before the day of
                                                             writing / (next, or a plan) the first after
yesterday, today, tonight, tomorrow            en-written    the day of writing - 1 / 0 / 0 / + 1
last / this / next week                        en-written-   the week (Monday-Sunday) before / of / after
                                               week          the day of writing
earlier this week / later this week            ...           its days before / after the day of writing
last / this (earlier, later) / next month      en-written-   the month before / of / after the day of
                                               month         writing
=============================================  ============  ============================================

A weekday (and "last week", "this month") is resolved only against the *day of writing*: the date of
the text's news dateline ("SEOUL, Dec. 11 (Yonhap) --", "TOKYO, Oct. 15 Kyodo -", "Written:
2007-10-30"), which this lexer marks
(``RawDate.dateline``), else the source's date when the caller gives it with its day. Never against the
running context (a report narrates older dates) and never against today. A weekday followed by a date
("Tuesday, July 14") is part of that date, not a date of its own.

A list ("March 3 and 5, 2007", "3 and 5 March", "March and April 2008") is read date by date: a bare
day after or before "and" is a day of the list's month, and a year written at the end is every
member's (:func:`_lists`); the finder marks the later members ``+list``.

A date used to name something ("the September 19 joint statement", "the February deal", "a February
2007 pact", "its June declaration": "the", "a" or a possessive, the date, then a lower-case word) is a
reference (``RawDate.reference``): returned, but it does not move
the context, since the text is not narrating that day.

"early", "mid", "late", "the beginning / middle / end of" name vague parts of a month or a year: the
text fixes no days or months, so by the dating convention (docs/case-format.md) they are dated as the
month or year that contains them (``Part.vague``; ``periods="range"`` gives the sharp ranges above).
A season is a range either way (its months are fixed by definition).

"since", "until", "till", "before", "after" and "by" before a date mark a bound: the date is returned
and does not move the context.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hexatable.ingest.dates import LISTED, Part, Point, RawDate, clause_join
from hexatable.ingest.segment import dateline_date, dateline_end, dateline_stamp

_MONTHS = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_FULL_NAMES = [m for m in sorted(_MONTHS, key=len, reverse=True) if len(m) > 4 or m in ("June", "July")]
_SHORT_NAMES = [m for m in sorted(_MONTHS, key=len, reverse=True) if m not in _FULL_NAMES and m != "May"]
_MONTH = r"(?:" + "|".join(_FULL_NAMES) + "|May|(?:" + "|".join(_SHORT_NAMES) + r")\.?)"
# A month named alone (no day next to it) is read only by its full name, and "May" only before a year.
_MONTH_ALONE = r"(?:" + "|".join(m for m in _FULL_NAMES if m != "May") + ")"
_MONTH_BEFORE_YEAR = r"(?:May|(?:" + "|".join(_SHORT_NAMES) + r")\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|2\d{3})"
_JOINT = r"\s*(?:-|–|—|to|through|until|till)\s*"
_LEAD = (
    r"(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|[Oo]f|[Ff]rom|to|through|[Bb]efore|[Aa]fter"
    r"|[Ee]arly|[Mm]id|[Ll]ate|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Oo]n|[Aa]t)"
)
_PART = r"(?:(?P<pe>[Ee]arly|[Tt]he\s+beginning\s+of|[Tt]he\s+start\s+of)|(?P<pm>[Mm]id|[Tt]he\s+middle\s+of)"
_PART += r"|(?P<pl>[Ll]ate|[Tt]he\s+end\s+of))[\s-]+"
_REL_YEAR_SHIFTS = {"this": 0, "that": 0, "the": 0, "the same": 0, "last": -1, "the previous": -1}
_REL_YEAR_SHIFTS |= {"the preceding": -1, "next": 1, "the next": 1, "the following": 1}
_WRITTEN_YEAR = frozenset({"this", "last", "next"})
"""The words that say a year from the writer's now ("last year", "early this year"): in a report they
count from the day of writing; "that year", "the previous year", "the following year" from the narration."""
_REL_YEAR_PARTED = r"(?:this|that|last|next|the(?:\s+(?:same|previous|preceding|next|following))?)\s+year"
"""The year a part names relative to the context ("early this year", "the end of the year", "late last
year"): its words before "year", shift as :data:`_REL_YEAR_SHIFTS` says."""
_SEASON = r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?\s+"

# A cheap test of how a head can begin (a digit, a month, a lead or relative word), tried at the start
# of each word before the full pattern: it halves the time on running English text.
_STARTS = (
    r"(?=\d|[Ff]ol|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[IiOo][nf]\b|[Ss]in|[Bb]y\b|[Dd]ur|[Uu]nt|[Tt]il"
    r"|[Ff]r|to\b|thr|[Bb]ef|[Bb]etw|[Aa]ft|[Ee]ar|[Mm]id|[Ll]at|[Ss]pr|[Ss]um|[Aa]ut|[Ff]al|[Ww]in|[Oo]n\b|[Aa]t\b"
    r"|[Tt]h[aei]|[Nn]ext|[Ll]ast|Mon|Tue|Wed|Thu|Fri|Sat|Sun|[Yy]es|[Tt]od|[Tt]on|[Tt]om"
    r"|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en\b|[Aa]\s+week|[Oo]ne\s+week)"
)
_WRITTEN_SHIFTS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# "the" before a date and a lower-case word after it: the date names something (not "on the 14th").
_REFERENCE_BEFORE = re.compile(
    r"(?:(?<![Oo]n )(?<![Ii]n )(?<![Bb]y )(?<![Ff]rom )\b[Tt]he"
    r"|\b(?:[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur))\s+$"
)
"""A determiner before a date that, with a lower-case word after it, names a thing: "the September
19 joint statement", "a February 2007 pact", "its June declaration" (the articles
"a", "an" and the possessives too), capitalised too at a sentence's start. "the" not after "on", "in",
"by", "from" ("on the 14th of July"); the others after them too ("In its June declaration, …")."""
_REFERENCE_AFTER = re.compile(r"\s+(?!and\b|or\b|to\b|through\b|at\b|in\b|on\b|of\b|the\b)[a-z]")
_WEEKDAYS = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
CALENDAR_NAMES: frozenset[str] = frozenset([*_FULL_NAMES, "May", *_WEEKDAYS])
"""The full English names of the months and weekdays: capitalised words that are never a person's or
a party's name (the gazetteer's proposals and :mod:`hexatable.ingest.names` leave them out)."""
_WEEKDAY = (
    r"(?:(?P<wdnext>[Nn]ext\s+)|[Ll]ast\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")(?![\w'’])"
    r"(?!,?\s+(?:the\s+)?(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)
# A page's "Written:" / "Posted:" / "Published:" line; a news dateline ("SEOUL, Dec. 11 (Yonhap) --")
# is read by the segmenter's grammar (hexatable.ingest.segment.dateline_date), the only one.
_DATELINE_PAGE = re.compile(r"(?:Written|Posted|Published):\s*")
_NOT_PLURAL = (
    "as|is|was|has|does|this|thus|his|its|us|ours|yours|hers|theirs|perhaps|always|unless|whereas"
    "|towards|afterwards|besides|sometimes"
)
"""Words ending in -s that are no plural noun: verbs, pronouns and determiners (his, its), adverbs.
"Between 2006 and 2008 his government rejected talks" names years."""
_IRREGULAR_PLURALS = "people|men|women|children|police|personnel"
"""The plural nouns without -s that follow a count ("2000 people", "300 men"), a short closed list:
the ones a report on negotiations counts (refugees and troops end in -s)."""
_NOT_COUNTED = rf"(?!\s+(?:(?!(?:{_NOT_PLURAL})\b)[a-z]*[a-rt-z]s|{_IRREGULAR_PLURALS})\b)"
"""After "between 1950 and 2000", not a plural noun: "between 1950 and 2000 soldiers" (or "people")
counts them, it names no years (a bare number is read as a year only with its preposition, and only
from 1900 to 2099 after "between", the years a chronology of negotiations spans). A plural noun is a
word ending in -s (not -ss, not one of :data:`_NOT_PLURAL`) or one of :data:`_IRREGULAR_PLURALS`."""
_NO_TIME = r"(?!\d|:\d)"
"""After a month's day: not a time ("March 4:30 p.m."); a colon alone is an entry's ("March 4: …"),
which keeps the day."""
_HEAD = re.compile(
    rf"""(?<![\w/-]){_STARTS}(?:
      (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?![\d-])
    | (?P<d1>{_DAY})(?:{_JOINT}(?P<d1b>{_DAY}))?\s+(?:of\s+)?(?P<m1>{_MONTH})
        (?:{_JOINT}(?P<d1c>{_DAY})\s+(?P<m1c>{_MONTH}))?(?:,?\s+(?P<y1>{_YEAR}))?(?![\w/-])
    | (?P<m2>{_MONTH})\s+(?P<d2>{_DAY}){_NO_TIME}
        (?:{_JOINT}(?:(?P<m2c>{_MONTH})\s+)?(?P<d2b>{_DAY}){_NO_TIME})?
        (?:,?\s+(?P<y2>{_YEAR}))?(?![\w/-])
    | (?P<m4>{_MONTH})(?:,?\s+(?P<y4a>{_YEAR}))?(?:\s*[-–—]\s*|\s+(?:to|through)\s+)(?P<m4b>{_MONTH})
        (?:,?\s+(?P<y4c>{_YEAR}))?(?![\w/-])
    | (?:{_PART})?(?P<m3>{_MONTH_ALONE}|{_MONTH_BEFORE_YEAR}(?=,?\s+{_YEAR}))
        (?:,?\s+(?P<y3>{_YEAR}))?(?![\w/-])
    | {_SEASON}(?P<y5>{_YEAR})(?![\w/-])
    | (?:{_PART.replace("(?P<p", "(?P<q")})(?P<y6>{_YEAR})(?![\w/-])
    | (?:{_PART.replace("(?P<p", "(?P<r")})(?P<yrp>{_REL_YEAR_PARTED})(?![\w'’-])
    | (?P<y8>{_YEAR})(?:[ \t]*[-–—][ \t]*(?P<y8b>{_YEAR}))?(?=[ \t]*(?::(?!\d)|[–—]|[ \t]-[ \t]))
    | (?P<y9>(?:19|20)\d\d)(?=[ \t]+(?:\|[ \t]*)?[A-Z][a-z])
    | [Bb]etween\s+(?P<y7>(?:19|20)\d\d)\s+and\s+(?P<y7b>(?:19|20)\d\d)(?![\w/-]){_NOT_COUNTED}
    | (?P<lead>{_LEAD})\s+(?:the\s+year\s+)?(?P<y4>{_YEAR})(?:{_JOINT}(?P<y4b>{_YEAR}))?(?![\w/-])
    | (?P<next>(?:[Tt]he\s+)?(?:next|following)\s+day|[Tt]he\s+day\s+after)
    | (?P<later>(?:(?P<ln>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[2-9]|1\d)
      \s+days|(?P<lw>[Aa]|[Oo]ne)\s+week)\s+(?:later|afterwards)(?![\w'’]))
    | (?P<same>[Tt]he\s+same\s+day|[Tt]hat\s+(?:same\s+)?day)
    | (?P<evday>[Tt]he\s+(?:(?P<eve>eve)|(?P<opening>opening|first)\s+day
      |(?P<closing>closing|final|last)\s+day))(?=\s+of\s)
    | (?P<before>[Tt]he\s+day\s+before|[Tt]he\s+previous\s+day|[Tt]he\s+preceding\s+day)
    | (?P<mrel0>(?:[Ll]ater|[Ee]arlier)\s+that\s+month|[Tt]he\s+same\s+month|[Tt]hat\s+month)
    | (?P<mrel1>[Tt]he\s+(?:next|following)\s+month)
    | (?P<yrel0>(?:[Ll]ater|[Ee]arlier)\s+that\s+year|[Tt]he\s+same\s+year|[Tt]hat\s+year)
    | (?P<yrel1>[Tt]he\s+(?:next|following)\s+year)
    | (?P<yrelm>[Tt]he\s+(?:previous|preceding)\s+year|[Tt]he\s+year\s+before)
    | (?P<ywr>[Tt]his|[Nn]ext|[Ll]ast)\s+year(?![\w'’])
    | {_WEEKDAY}
    | (?P<wr>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)(?![\w'’])
    | (?P<wrel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?P<wunit>week|month)(?![\w'’])
    )""",
    re.VERBOSE,
)
_PART_DAYS = {"pe": (1, 10, "early"), "pm": (11, 20, "mid"), "pl": (21, None, "late")}
_PART_MONTHS = {"qe": (1, 4, "early"), "qm": (5, 8, "mid"), "ql": (9, 12, "late")}
_PART_REL_MONTHS = {"re": (1, 4, "early"), "rm": (5, 8, "mid"), "rl": (9, 12, "late")}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
_BOUND_BEFORE = re.compile(r"\b(?:[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Bb]y)\s+(?:the\s+)?$")
_BOUND_LEAD = {"since", "until", "till", "before", "after", "by"}
_FUTURE = re.compile(
    r"\b(?:will|shall|would|is to|are to|was to|were to|scheduled|planned|plans? to|due to|expected|set to"
    r"|to be held|upcoming|later this)\b",
    re.IGNORECASE,
)
_OWN_INTENT = re.compile(
    r"\b(?:said|announced|declared|stated|confirmed|pledged|vowed|promised)\s+(?:that\s+)?"
    r"(?:it|they|he|she)\s+(?:would|will)\b",
    re.IGNORECASE,
)
"""A report of the speaker's own intent ("said it would", own_act.py): the modal is the reported
clause's, so a full date closing the sentence after it is the day of saying, not the plan's
("Iran said it would attend the talks on July 5, 2006." is dated July 5, 2006).
Its verbs are its own list, not :mod:`hexatable.ingest.clauses`' verbs of saying (which add "told",
"warned" and words of a plan for another rule): "told" puts its addressee before "it", and the list
was chosen by hand for the verbs that report a pledge; see tests/ingest/test_own_intent_closing_date.py."""
_PLAN_AFTER_INTENT = re.compile(
    r"\bnext\s+(?:round|session|meeting)\b|\b(?:talks|meeting|summit|session|conference|negotiations)\s+on\s*$",
    re.IGNORECASE,
)
"""Plan markers that the own intent's modal does not cancel: "the next round", or the date right after
the event noun ("attend the talks on <date>"), which dates the event, not the saying."""


def _planned_after(rest: str) -> bool:
    """Whether the text after an own intent's modal ("said it would …") still marks a plan: a future
    marker of its own ("scheduled for", "to be held", "as planned") or a _PLAN_AFTER_INTENT."""
    return _FUTURE.search(rest) is not None or _PLAN_AFTER_INTENT.search(rest) is not None


_SENTENCE_CLOSE = re.compile(r"[\"”’)]*[.!?]?[\"”’)]*\s*$")
_CLAUSE_START = re.compile(r"[,;:!?][\"”]?\s|(?<!\.\w)\.\s|[()]")
"""Where a clause starts: after a comma (also one closing a quotation, ',"' or ',”', so a "will" in the
quotation marks no plan for the saying's date) and the like; "a.m. ", "U.S. " end no clause."""
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z])")
_WINDOW = 80
"""How far back (characters) a clause is read for a future marker, a bound word or an opener: a bound
on the work per date in a text without punctuation."""
_OPENER = re.compile(
    r"(?:(?:and|but|then|also|later|earlier)\s+)?(?:(?:on|in|by|from|at|during|as\s+of)\b\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s*)?(?:the\b\s*)?",
    re.IGNORECASE,
)


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text.rstrip("stndrh"))


def _month(text: str | None) -> int | None:
    return None if text is None else _MONTHS[text.rstrip(".")]


def _read(match: re.Match[str]) -> tuple[int, RawDate] | None:
    """(start, raw) of a head match; the start may lie after the match's own (a lead word)."""
    group = match.group
    start, end = match.start(), match.end()
    if group("iso"):
        return start, RawDate(start, end, "iso", Point(int(group("iy")), int(group("im")), int(group("id"))))
    if group("d1"):  # 27 August 2003, 27-29 August, 27 August - 3 September 2003
        year, month = _number(group("y1")), _month(group("m1"))
        left = Point(year, month, _number(group("d1")))
        rule = "en-dmy" if year else "en-dm+year"
        if group("d1c"):
            right = Point(year, _month(group("m1c")), _number(group("d1c")))
            return start, RawDate(start, end, rule + "-range", left, right)
        if group("d1b"):
            return start, RawDate(start, end, rule + "-range", left, Point(None, None, _number(group("d1b"))))
        return start, RawDate(start, end, rule, left)
    if group("m2"):  # July 14, 2007; August 27-29; August 27 - September 3, 2003
        year, month = _number(group("y2")), _month(group("m2"))
        left = Point(year, month, _number(group("d2")))
        rule = "en-mdy" if year else "en-md+year"
        if group("d2b"):
            right = Point(year, _month(group("m2c")), _number(group("d2b")))
            if group("m2c") is None:
                right = replace(right, year=None)
            return start, RawDate(start, end, rule + "-range", left, right)
        return start, RawDate(start, end, rule, left)
    if group("m4"):  # August-September 2005, June 2007 - July 2007, December 2004 to January 2005
        low, high = _month(group("m4")), _month(group("m4b"))
        right_year = _number(group("y4c"))
        left_year = _number(group("y4a"))
        if left_year is None and right_year is not None:
            left_year = right_year - 1 if low is not None and high is not None and low > high else right_year
        rule = "en-my-range" if right_year else "en-m+year-range"
        return start, RawDate(start, end, rule, Point(left_year, low), Point(right_year, high))
    if group("m3"):
        year, month = _number(group("y3")), _month(group("m3"))
        rule = "en-my" if year else "en-m+year"
        for name, (low, high, label) in _PART_DAYS.items():
            if group(name):
                part = Part("days", low, high, label, vague=True)
                return start, RawDate(start, end, f"{rule}+{label}", Point(year, month), part=part)
        return start, RawDate(start, end, rule, Point(year, month))
    if group("y5"):
        season = group("season").lower()
        low, high = _SEASONS[season]
        part = Part("months", low, high, season)
        return start, RawDate(start, end, f"en-y+{season}", Point(int(group("y5"))), part=part)
    if group("y6"):
        for name, (low, high, label) in _PART_MONTHS.items():
            if group(name):
                part = Part("months", low, high, label, vague=True)
                return start, RawDate(start, end, f"en-y+{label}", Point(int(group("y6"))), part=part)
    if group("yrp"):
        words = " ".join(group("yrp").lower().split()[:-1])
        shift = _REL_YEAR_SHIFTS[words]
        for name, (low, high, label) in _PART_REL_MONTHS.items():
            if group(name):
                part = Part("months", low, high, label, vague=True)
                point = Point(year_shift=shift, written_year=shift if words in _WRITTEN_YEAR else None)
                return start, RawDate(start, end, f"en-rel-year+{label}", point, part=part)
    if group("y7"):
        # "between 2006 and 2008": two bare years a range's ends (a bare number needs "between",
        # as it needs "in"); a later year first is no range
        low, high = int(group("y7")), int(group("y7b"))
        if high > low:
            raw = RawDate(match.start("y7"), end, "en-y-range+between", Point(low), Point(high))
            return match.start("y7"), raw
    if group("y8"):  # "1998: LIMA — …", an entry's year (scan keeps it only at a sentence's start)
        if group("y8b"):  # "1998–2000: …", "2003 - 2005: …": the entry spans the years
            low, high = int(group("y8")), int(group("y8b"))
            if high <= low:
                return None
            return start, RawDate(start, end, "en-y-lead-range", Point(low), Point(high))
        return start, RawDate(start, end, "en-y-lead", Point(int(group("y8"))))
    if group("y9"):  # "1994 Peru and Chile sign …": an entry's year, then its first word
        return start, RawDate(start, end, "en-y-lead", Point(int(group("y9"))))
    if group("y4"):
        start = match.start("y4")
        bound = group("lead").lower() in _BOUND_LEAD
        if group("y4b"):
            raw = RawDate(
                start, end, "en-y-range", Point(int(group("y4"))), Point(int(group("y4b"))), bound=bound
            )
            return start, raw
        return start, RawDate(start, end, "en-y", Point(int(group("y4"))), bound=bound)
    relative = {
        "next": (Point(day_shift=1), "en-next-day"),
        "same": (Point(day_shift=0), "en-same-day"),
        "before": (Point(day_shift=-1), "en-day-before"),
        "mrel0": (Point(month_shift=0), "en-rel-month"),
        "mrel1": (Point(month_shift=1), "en-rel-month"),
        "yrel0": (Point(year_shift=0), "en-rel-year"),
        "yrel1": (Point(year_shift=1), "en-rel-year"),
        "yrelm": (Point(year_shift=-1), "en-rel-year"),
    }
    for name, (point, rule) in relative.items():
        if group(name):
            return start, RawDate(start, end, rule, point)
    if group("ywr"):  # "last year" in a report: from the day of writing (else the context)
        shift = _REL_YEAR_SHIFTS[group("ywr").lower()]
        return start, RawDate(start, end, "en-rel-year", Point(year_shift=shift, written_year=shift))
    if group("evday"):  # "the eve of the summit": a day of an event, read only with one (scan)
        shift = -1 if group("eve") else 0
        rule = "en-day-before" if group("eve") else "en-same-day"
        return start, RawDate(start, end, rule, Point(day_shift=shift), event_end=bool(group("closing")))
    if group("later"):
        days = 7 if group("lw") else _DAY_COUNTS.get(group("ln").lower()) or int(group("ln"))
        return start, RawDate(start, end, "en-days-later", Point(day_shift=days))
    if group("wr"):
        point = Point(written_shift=_WRITTEN_SHIFTS[group("wr").lower()])
        return start, RawDate(start, end, "en-written", point, planned=group("wr").lower() == "tomorrow")
    if group("wrel"):
        return start, _written_period(start, end, " ".join(group("wrel").lower().split()), group("wunit"))
    if group("wd"):
        point = Point(weekday=_WEEKDAYS[group("wd")])
        return start, RawDate(start, end, "en-weekday", point, planned=group("wdnext") is not None)
    return None  # pragma: no cover - every branch names a group


_DAY_COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
"""Numbers of days written as words in "five days later"."""

_WRITTEN_PERIODS: dict[str, tuple[int, int, int | None, bool]] = {
    "last": (-1, 0, 6, False),
    "this": (0, 0, 6, False),
    "earlier this": (0, 0, None, False),
    "later this": (0, -1, 6, True),
    "next": (1, 0, 6, True),
}
"""A week or month named from the day of writing: (weeks or months from it, first and last day of
the week as :class:`hexatable.ingest.dates.Part` reads them, whether it looks forward)."""


_EVENT_NOUNS = (
    r"talks|summit|meetings?|conference|negotiations|session|round|visit|trip|elections?|ceremony|vote"
    r"|consultations|plenary|forum"
)
_EVENT_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:the|this|that|these|those|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?P<noun>{_EVENT_NOUNS})\b(?:\s+(?:(?P<began>opened|began|started)|(?P<ended>closed|ended|concluded))\b)?"
)
"""An event after a relative day ("the day before the six-party talks", "the eve of the summit",
"the day after the talks ended"): the day counts from that event's date given earlier in the
paragraph (docs/ingest-dates.md, "Days anchored on an event"). Meetings, visits, votes and
ceremonies: the things a chronology of negotiations dates."""
_SUBORDINATE = re.compile(
    r"\b(?:after|before|since|when|whenever|while|because|as|once|until|which|who|whom|whose|where|that"
    r"|if|although|though)\b",
    re.IGNORECASE,
)
"""Words after which a date is no longer the time of its sentence's main act: a subordinator
("after North Korea resumed … in mid-August") or a relative word ("that", "which")."""
_RELATIVE_OPENING = re.compile(r"(?:which|who|whom|whose|where)\b")


def _event(raw: RawDate, text: str) -> RawDate | None:
    """``raw`` with the event it is a day of, when one follows "the day before", "the day after",
    "the eve of" or "the first/last day of" ("the day before the talks"); None for "the eve of" or
    "the first day of" without one (a day of something else: "the last day of July")."""
    words = text[raw.start : raw.end].lower().split()
    of_event = len(words) > 1 and words[1] in ("eve", "opening", "first", "closing", "final", "last")
    if not of_event and " ".join(words) not in ("the day before", "the day after"):
        return raw
    found = _EVENT_AFTER.match(text, raw.end)
    if found is None:
        return None if of_event else raw
    shift = raw.left.day_shift or 0
    ends = bool(found.group("ended")) or (shift > 0 and not found.group("began")) or raw.event_end
    return replace(raw, event=found.group("noun"), event_end=ends, event_only=of_event)


def _written_period(start: int, end: int, relation: str, unit: str) -> RawDate:
    """ "last week", "earlier this week", "next month" ...: a week (Monday to Sunday) or a month
    counted from the day of writing, as weekdays are (module docstring)."""
    shift, low, high, ahead = _WRITTEN_PERIODS[relation]
    if unit == "month":
        return RawDate(start, end, "en-written-month", Point(written_month=shift), planned=ahead)
    part = Part("weeks", low, high, relation.replace(" ", "-") + "-week")
    return RawDate(start, end, "en-written-week", Point(written_week=shift), part=part, planned=ahead)


def _plausible(raw: RawDate) -> bool:
    years = [p.year for p in (raw.left, raw.right) if p is not None and p.year is not None]
    return all(1000 <= y <= 2999 for y in years)


def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of ``text`` end: at . ! ? before a capital, and after a news dateline that
    opens a sentence ("BEIJING, Dec. 11 (Yonhap) --"), as :mod:`hexatable.ingest.segment` cuts them, so
    a date in the lede is its sentence's first whether ``find`` is given one sentence or several."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    datelines: list[int] = []
    for start in [0, *ends]:
        while start < len(text) and text[start].isspace():
            start += 1
        end = dateline_end(text, start)
        if end is not None:
            datelines.append(end)
    return sorted({*ends, *datelines})


_ORDINAL = r"(?:st|nd|rd|th)?"
_NOT_A_COUNT = (
    r"(?!\s+(?!(?:in|at|on|to|with|for|when|and|as|the|that|but|after|before|while|during)\b)[a-z])"
)
_LIST_DAY_NUMBER = rf"(?:3[01]|[12]\d|0?[1-9]){_ORDINAL}(?![\d:]|[.,]\d)"
"""A day of a list: 1 to 31, not part of a larger number ("5,000", "5.5", "99" are counts)."""
_LIST_AFTER = re.compile(
    rf"(?P<days>(?:\s*,\s*{_LIST_DAY_NUMBER})*,?\s+and\s+{_LIST_DAY_NUMBER})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\w/-]){_NOT_A_COUNT}"
)
"""Days listed after a month and day ("March 3 and 5", "March 3, 5 and 9, 2007"): each a day of that
month; a list ends with "and" and a day not followed by a noun ("March 3 and 5 ships" is no list) nor
a thousands comma or a decimal point ("March 3 and 5,000 troops"), and a number past 31 is no day."""
_LIST_BEFORE = re.compile(
    rf"(?<![\w/.,-])(?P<days>\d{{1,2}}{_ORDINAL}(?:\s*,\s*\d{{1,2}}{_ORDINAL})*),?\s+and\s+$"
)
"""Days listed before a day and month ("3 and 5 March", "3, 5 and 9 March"); after "between" the two
days are a range's ends, which :func:`hexatable.ingest.dates._between` joins."""
_LIST_DAY = re.compile(r"\d{1,2}")


def _lists(text: str, found: list[RawDate]) -> list[RawDate]:
    """``found`` with the days of lists added and the year a list writes at its end shared.

    A list names each date on its own, not a range: "on March 3 and 5, 2007" is 3 March and 5 March
    2007 (the days between are not said; docs/case-format.md), so each listed day is a date of its own,
    marked ``listed`` after the first, and a year written after the last member is every member's
    ("in March and April 2008": March is 2008's too)."""
    out: list[RawDate] = []
    for raw in found:
        left = raw.left
        plain = raw.right is None and raw.part is None and left.month is not None and left.day is not None
        before = _LIST_BEFORE.search(text, max(0, raw.start - 40), raw.start) if plain else None
        if before is not None and text[raw.start].isdigit():
            for number, day in enumerate(_LIST_DAY.finditer(before.group("days"))):
                start = before.start("days") + day.start()
                point = replace(left, day=int(day.group()))
                out.append(
                    replace(raw, start=start, end=start + len(day.group()), left=point, listed=number > 0)
                )
            raw = replace(raw, listed=True)
        out.append(raw)
        after = _LIST_AFTER.match(text, raw.end) if plain and not text[raw.start].isdigit() else None
        if after is None:
            continue
        year = int(after.group("year")) if after.group("year") else left.year
        if year is not None and left.year is None:
            out[-1] = replace(raw, left=replace(left, year=year))
        for day in _LIST_DAY.finditer(after.group("days")):
            start = after.start("days") + day.start()
            point = replace(left, year=year, day=int(day.group()))
            out.append(replace(raw, start=start, end=start + len(day.group()), left=point, listed=True))
    # a year written after a list's last member is every member's: through "and", and through a comma
    # to a member that took the year itself ("March, April and May 2008")
    shared = False
    for i in range(len(out) - 2, -1, -1):
        here, after_it = out[i], out[i + 1]
        join = LISTED["en"].fullmatch(text, here.end, after_it.start)
        # ", and" after two dates joins two clauses ("in November, and March 2008 brought a deal");
        # only after a list of three or more is it the serial comma ("March, April, and May 2008")
        serial = i > 0 and LISTED["en"].fullmatch(text, out[i - 1].end, here.start) is not None
        joined = (
            join is not None
            and ("and" in join.group() or shared)
            and (serial or not clause_join(join.group()))
        )
        shared = joined and here.left.year is None and after_it.left.year is not None and _absolute(here.left)
        if shared:
            out[i] = replace(here, left=replace(here.left, year=after_it.left.year))
    return out


@dataclass(frozen=True)
class _Subordinators:
    """Where the subordinators of a text are, found once per text (:func:`_subordinators`).

    ``blocking`` holds the ``(end, start)`` of each subordinator outside a closed relative clause, in
    order; ``closed`` the ``(start, end)`` of each relative clause set off by commas and closed before
    its sentence ends (", which inspected the site on 4 May 2007,"): its "which" and the words in it
    subordinate only the dates inside it."""

    blocking: list[tuple[int, int]]
    closed: list[tuple[int, int]]


def _subordinators(text: str, sentence_ends: list[int]) -> _Subordinators:
    """The subordinators of ``text`` and its closed relative clauses (:class:`_Subordinators`)."""
    closed: list[tuple[int, int]] = []
    for match in _RELATIVE_OPENING.finditer(text):
        low = match.start()
        if text[max(0, low - 2) : low] != ", " or (closed and low < closed[-1][1]):
            continue
        sentence = bisect.bisect_right(sentence_ends, low)
        high = sentence_ends[sentence] if sentence < len(sentence_ends) else len(text)
        comma = text.find(",", low, high)
        if comma >= 0:
            closed.append((low, comma))
    starts = [low for low, _ in closed]
    blocking = []
    for match in _SUBORDINATE.finditer(text):
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside < 0 or match.start() >= closed[inside][1]:
            blocking.append((match.end(), match.start()))
    return _Subordinators(blocking, closed)


def _main_clause(found: _Subordinators, sentence_start: int, start: int) -> bool:
    """Whether no subordinator lies between the sentence start and a date at ``start``: the date is
    then the time of its sentence's main act (``RawDate.main_clause``). A relative clause closed
    before the date does not count ("The IAEA, which inspected the site on 4 May 2007, said on June
    2": June 2 dates the saying), but a date inside one is subordinate.

    The subordinators are found once per text and looked up by bisection, so a long sentence without
    punctuation costs a logarithm per date rather than a scan back to its start (a scan
    takes close to a minute on a sentence of 210 KB).
    """
    last = bisect.bisect_right(found.blocking, (start, start)) - 1
    if last >= 0 and found.blocking[last][1] >= sentence_start:
        return False
    inside = bisect.bisect_right(found.closed, (start, start)) - 1
    return not (inside >= 0 and sentence_start <= found.closed[inside][0] < start < found.closed[inside][1])


def _in_dateline(text: str, sentence_start: int, start: int) -> bool:
    """Whether a date at ``start`` is the date of a news dateline opening its sentence."""
    while sentence_start < start and text[sentence_start].isspace():
        sentence_start += 1
    span = dateline_date(text, sentence_start)
    return span is not None and span[0] <= start < span[1]


def _absolute(point: Point) -> bool:
    """A month (and day) said without a shift from the context or the day of writing."""
    shifts = (point.year_shift, point.month_shift, point.day_shift, point.weekday, point.written_shift)
    return point.month is not None and all(shift is None for shift in shifts)


def scan(text: str) -> list[RawDate]:
    """Every date expression in ``text``, in order, with what it writes (module docstring).

    >>> [(r.rule, r.left.month, r.left.day) for r in scan("On 27 August 2003, talks opened.")]
    [('en-dmy', 8, 27)]
    """
    found: list[RawDate] = []
    sentence_ends = _sentence_ends(text)
    clause_starts = [m.end() for m in _CLAUSE_START.finditer(text)]
    subordinators = _subordinators(text, sentence_ends)
    for match in _HEAD.finditer(text):
        read = _read(match)
        if read is None:
            continue
        start, raw = read
        if not _plausible(raw):
            continue
        if raw.rule.startswith("en-y-lead") and not _at_entry_start(text, sentence_ends, start):
            continue
        if match.group("y9") and _full_date_later(text, sentence_ends, raw.end):
            continue  # "1996 Peru and Chile sign a treaty on 12 May 1997": the full date
        if raw.left.day_shift is not None and raw.left.day_shift <= 1:
            with_event = _event(raw, text)
            if with_event is None:
                continue
            raw = with_event
        index = bisect.bisect_right(clause_starts, start) - 1
        clause_start = clause_starts[index] if index >= 0 else 0
        sentence = bisect.bisect_right(sentence_ends, start)
        clause_start = max(clause_start, sentence_ends[sentence - 1] if sentence else 0, start - _WINDOW)
        prefix = text[clause_start : match.start()]
        bound = raw.bound or _BOUND_BEFORE.search(prefix[-24:]) is not None
        sentence_start = sentence_ends[sentence - 1] if sentence else 0
        sentence_end = sentence_ends[sentence] if sentence < len(sentence_ends) else len(text)
        relative_clause = (
            index >= 0
            and clause_starts[index] > sentence_start
            and text[clause_starts[index] - 2] == ","
            and _RELATIVE_OPENING.match(text, clause_starts[index]) is not None
        )
        dateline = raw.left.day is not None and (
            _DATELINE_PAGE.fullmatch(text, sentence_start, raw.start) is not None
            or _in_dateline(text, sentence_start, raw.start)
        )
        # a full date closing a report of the speaker's own intent dates the saying (_OWN_INTENT)
        intent = _OWN_INTENT.search(prefix)
        said_on = (
            intent is not None
            and raw.left.year is not None
            and raw.left.day is not None
            and _SENTENCE_CLOSE.fullmatch(text, raw.end, sentence_end) is not None
            and not _planned_after(prefix[intent.end() :])
        )
        found.append(
            replace(
                raw,
                rule=raw.rule + ("+bound" if bound and not raw.rule.endswith("+bound") else ""),
                bound=bound,
                planned=raw.planned or (_FUTURE.search(prefix) is not None and not said_on),
                opens_clause=_OPENER.fullmatch(text[clause_start:start].strip()) is not None,
                sentence=sentence,
                reference=_REFERENCE_BEFORE.search(text, max(0, start - 8), start) is not None
                and _REFERENCE_AFTER.match(text, raw.end) is not None,
                dateline=dateline,
                scope=(sentence_start, sentence_end),
                relative_clause=relative_clause,
                main_clause=_main_clause(subordinators, sentence_start, start),
            )
        )
    return _lists(text, _stamped(text, found, sentence_ends))


_ENTRY_PREFIX = re.compile(r"[\s\-*+•‣▪–—]*")
"""What may stand before an entry's leading year: space and list markers."""


def _full_date_later(text: str, sentence_ends: Sequence[int], end: int) -> bool:
    """Whether a full date with its own year and day ("12 May 1997") follows ``end`` in its sentence:
    such a date wins over an entry's year written with no mark after it ("1996 Peru and Chile sign a
    second treaty on 12 May 1997" is 1997-05-12, not 1996)."""
    sentence = bisect.bisect_right(sentence_ends, end)
    stop = sentence_ends[sentence] if sentence < len(sentence_ends) else len(text)
    for later in _HEAD.finditer(text, end, stop):
        read = _read(later)
        if read is not None and read[1].left.year is not None and read[1].left.day is not None:
            return True
    return False


def _at_entry_start(text: str, sentence_ends: Sequence[int], start: int) -> bool:
    """Whether ``start`` opens its sentence (after spaces and list markers): a year followed by a colon
    or a dash is an entry's date there ("1998: LIMA — …", "2003 – Talks open"), and a count or a score
    elsewhere ("by 2:1", "the 2003–2005 talks")."""
    sentence = bisect.bisect_right(sentence_ends, start)
    begin = sentence_ends[sentence - 1] if sentence else 0
    return _ENTRY_PREFIX.fullmatch(text, begin, start) is not None


def _stamped(text: str, found: list[RawDate], sentence_ends: Sequence[int]) -> list[RawDate]:
    """The dates of ``found`` with a wire's timestamp before a news dateline read as a dateline's
    date ("14/01/2009 13:19 MOSCOW, Jan 14 (Reuters) -"): the day of writing when the stamp gives
    its day and month, else (03/04/2009: which is the month?) its year, which the dateline's month
    and day then take, as a year-less dateline takes the year nearest the context
    (:func:`hexatable.ingest.segment.dateline_stamp`). A stamp the lexer read already (ISO
    2009-01-14) is marked as the dateline's."""
    stamped: list[RawDate] = []
    for index, start in enumerate([0, *sentence_ends]):
        while start < len(text) and text[start].isspace():
            start += 1
        stamp = dateline_stamp(text, start)
        if stamp is None:
            continue
        scope = (start, sentence_ends[index] if index < len(sentence_ends) else len(text))
        stamped.append(
            RawDate(
                stamp.start,
                stamp.end,
                "en-stamp" if stamp.day is not None else "en-stamp-year",
                Point(year=stamp.year, month=stamp.month, day=stamp.day),
                dateline=True,
                sentence=index,
                scope=scope,
            )
        )
    if not stamped:
        return found
    at = {raw.start: raw for raw in stamped}
    kept = [
        replace(raw, dateline=True) if raw.start in at and raw.left.day is not None else raw for raw in found
    ]
    read = {raw.start for raw in found}
    kept += [raw for raw in stamped if raw.start not in read]
    return sorted(kept, key=lambda raw: raw.start)
