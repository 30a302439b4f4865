"""The pieces of a web copy's publication stamp ("2031-04-10 15:36:08") that three readers share.

The segmenter ends a byline line at a stamp (:data:`hexatable.ingest.segment._BYLINE_STAMP`), the
Chinese date finder takes a stamp's date as the day of writing
(:data:`hexatable.ingest.dates_zh._STAMP_CLOCK`), and the clause filter drops a byline clause
(:func:`hexatable.ingest.no_act.byline`). They must agree on what a clock time is and on what a stamp
never follows, so those are written here once."""

from __future__ import annotations

CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
"""A clock time, hours and minutes and maybe seconds: "9:54", "15:36", "08:59:35"."""
CLOCK_GAP = r"[ \t\u3000]*"
"""What may stand between a stamp's date and its clock time: spaces, tabs, an ideographic space."""
NOT_AFTER = "至到为于在（("
"""What a narrated date follows and a stamp does not (持续至…, 时间为…, 在…, an aside in brackets):
characters for a character class."""
CLOCK_END = r"(?![\d\u3400-\u9fff])(?![ \t\u3000]*[，,。；;）)])"
"""What may not follow a stamp's clock time: a digit, a Chinese character (2031年3月4日10:30中国外长
抵达…), or, after spaces, a comma, full stop or closing bracket (2031年3月4日10:30，…). The clause filter
(:func:`hexatable.ingest.no_act.byline`) asks only for no digit: it tells a stamp from a narrated hour
by the cues around it instead."""
