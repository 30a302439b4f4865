"""Dates that keep their precision, and date spans.

Sources say "2003", "August 2003" or "27 August 2003"; a timeline must keep what they say rather than
invent a day. :class:`PartialDate` holds a year, an optional month and an optional day (ISO 8601 reduced
precision), sorts chronologically (a less precise date sorts before the more precise dates it contains),
and prints in English and Chinese through Babel. :class:`DateSpan` is a partial date or a range of two
(ISO 8601 interval ``start/end``) and is the type of every ``date`` field of a case.

>>> d = PartialDate.parse("2003-08")
>>> d.precision, str(d), d.earliest(), d.latest()
('month', '2003-08', datetime.date(2003, 8, 1), datetime.date(2003, 8, 31))
>>> DateSpan.parse("2003-08-27/2003-08-29").format("en")
'Aug 27 – 29, 2003'
>>> DateSpan.parse("2005-09-19").format("zh")
'2005年9月19日'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from babel.dates import format_interval, format_skeleton
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

Precision = Literal["year", "month", "day"]

_PARTIAL = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_PARTIAL_RE = re.compile(rf"^{_PARTIAL}$")
_SKELETON: dict[Precision, str] = {"year": "y", "month": "yMMMM", "day": "yMMMd"}
_LOCALES = {"en": "en", "zh": "zh_Hans_CN"}


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, lang)


def _plain_spaces(text: object) -> str:
    """CLDR patterns use thin and narrow no-break spaces; terminals and tables read plain ones."""
    return str(text).replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")


class _PydanticDate:
    """Validates from ``str``/``int``/``date`` through ``parse`` and serialises as the ISO string."""

    _PATTERN = rf"^{_PARTIAL}$"

    @classmethod
    def parse(cls, value: object) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": cls._PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
            "description": cls.__doc__.split("\n")[0] if cls.__doc__ else "",
        }


@dataclass(frozen=True, order=False)
class PartialDate(_PydanticDate):
    """A calendar date of year, month or day precision.

    >>> sorted([PartialDate.parse(s) for s in ["2003-08-27", "2003", "2003-08"]])
    [PartialDate('2003'), PartialDate('2003-08'), PartialDate('2003-08-27')]
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is not in {self.year:04d}-{self.month:02d}")

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read ``2003``, ``"2003-08"``, ``"2003-08-27"`` or a :class:`datetime.date`."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError(f"{value} has a time; give a date such as 2003-08-27")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if not isinstance(value, str):
            raise ValueError(f"expected a date such as 2003, 2003-08 or 2003-08-27, got {value!r}")
        match = _PARTIAL_RE.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not an ISO 8601 date; write 2003, 2003-08 or 2003-08-27")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def earliest(self) -> dt.date:
        """The first day this date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date may mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate('{self}')"

    def format(self, lang: str = "en") -> str:
        """The date in words, at its own precision: ``Aug 27, 2003`` / ``2003年8月27日``."""
        return _plain_spaces(
            format_skeleton(_SKELETON[self.precision], self.earliest(), locale=_locale(lang))
        )


@dataclass(frozen=True)
class DateSpan(_PydanticDate):
    """A partial date, or a range ``start/end`` of two partial dates with ``end`` not before ``start``.

    >>> span = DateSpan.parse("2007-09-27/2007-10-03")
    >>> span.start, span.end, span.is_range
    (PartialDate('2007-09-27'), PartialDate('2007-10-03'), True)
    >>> span.overlaps(dt.date(2007, 10, 1), None)
    True
    """

    _PATTERN = rf"^{_PARTIAL}(/{_PARTIAL})?$"

    start: PartialDate
    end: PartialDate | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end.latest() < self.start.earliest():
            raise ValueError(f"end {self.end} is before start {self.start}")

    @classmethod
    def parse(cls, value: object) -> DateSpan:
        """Read a partial date or ``"start/end"``."""
        if isinstance(value, DateSpan):
            return value
        if isinstance(value, str) and "/" in value:
            first, _, second = value.partition("/")
            return cls(PartialDate.parse(first), PartialDate.parse(second))
        return cls(PartialDate.parse(value))

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def last(self) -> PartialDate:
        return self.end if self.end is not None else self.start

    def earliest(self) -> dt.date:
        return self.start.earliest()

    def latest(self) -> dt.date:
        return self.last.latest()

    def overlaps(self, since: dt.date | None, until: dt.date | None) -> bool:
        """Whether any day of the span lies in ``[since, until]`` (open ends allowed)."""
        return (since is None or self.latest() >= since) and (until is None or self.earliest() <= until)

    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        return (self.start.sort_key(), self.last.sort_key())

    def __lt__(self, other: DateSpan) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return str(self.start) if self.end is None else f"{self.start}/{self.end}"

    def __repr__(self) -> str:
        return f"DateSpan('{self}')"

    def format(self, lang: str = "en") -> str:
        """The span in words; a range of equal precision uses the locale's interval format."""
        if self.end is None:
            return self.start.format(lang)
        if self.start.precision == self.end.precision:
            return _plain_spaces(
                format_interval(
                    self.start.earliest(),
                    self.end.earliest(),
                    _SKELETON[self.start.precision],
                    locale=_locale(lang),
                )
            )
        return f"{self.start.format(lang)} – {self.end.format(lang)}"
