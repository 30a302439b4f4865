r"""Check citations against the text of their sources.

A citation's quote must be a verbatim substring of the source file, and start on the line(s) its
locator names (``line 12`` or ``lines 12-14``). Comparison ignores what a reader does not see as text:
whitespace and line breaks, Markdown link markup (``[text](target "title")`` reads as ``text``),
footnote markers (``\[12\]``) and bold markers.

>>> text = SourceText.from_string('甲乙\n[王毅](../Page/王毅.md "wikilink")表示\\[4\\]，同意\n')
>>> text.find_lines("王毅表示，同意")
[2]
>>> text.find_lines("王毅 表示")
[2]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_FOOTNOTE = re.compile(r"\\\[\d+\\\]|\[\d+\]")
_DROP = re.compile(r"\s+|\*\*|\\(?=[\[\]])")
_LOCATOR_LINES = re.compile(r"\blines?\s+(\d+)(?:\s*[-–]\s*(\d+))?", re.IGNORECASE)


def normalise(text: str) -> str:
    """Text as a reader sees it, without whitespace: the form quotes are compared in."""
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    return _DROP.sub("", text)


def locator_lines(locator: str) -> tuple[int, int] | None:
    """The line range a locator names, if any.

    >>> locator_lines("第一轮 › 各国代表团团长, lines 168-170")
    (168, 170)
    >>> locator_lines("lead"), locator_lines("line 4")
    (None, (4, 4))
    """
    match = _LOCATOR_LINES.search(locator)
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    return (first, max(first, last))


@dataclass(frozen=True)
class SourceText:
    """A source file's text, normalised once, with the line each normalised character came from."""

    lines: tuple[str, ...]

    @classmethod
    def from_string(cls, text: str) -> SourceText:
        return cls(tuple(text.splitlines()))

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        parts: list[str] = []
        line_of: list[int] = []
        for number, line in enumerate(self.lines, start=1):
            piece = normalise(line)
            parts.append(piece)
            line_of.extend([number] * len(piece))
        return "".join(parts), line_of

    def find_lines(self, quote: str) -> list[int]:
        """The lines on which an occurrence of ``quote`` starts (empty if it does not occur)."""
        needle = normalise(quote)
        if not needle:
            return []
        text, line_of = self._joined
        found: list[int] = []
        start = text.find(needle)
        while start != -1:
            found.append(line_of[start])
            start = text.find(needle, start + 1)
        return found

    def check(self, quote: str, locator: str) -> str | None:
        """Why the quote does not fit the source and locator, or ``None`` when it does."""
        starts = self.find_lines(quote)
        if not starts:
            return f"quote '{quote}' is not in the source text"
        window = locator_lines(locator)
        if window is None or any(window[0] <= line <= window[1] for line in starts):
            return None
        where = ", ".join(str(line) for line in starts[:5])
        named = f"line {window[0]}" if window[0] == window[1] else f"lines {window[0]}-{window[1]}"
        return f"quote is not on {named} of the source; it starts on line {where}"
