"""What the gazetteer and the verb dictionary share: reading their YAML files with located errors,
folding line breaks out of a text while keeping offsets, and one Aho–Corasick pass with
leftmost-longest selection (and whether a span overlaps the spans chosen).

Seed texts are wrapped mid-word ("蓬佩\\n\\n奥", "美\\n\\n朝领导人"), so names and cues are looked up in a
*folded* copy of the text: in Chinese a run of white space between two Chinese characters is dropped,
elsewhere a run of white space becomes one space. :class:`Folded` maps every offset of the copy back to
the text, so a match is reported with offsets into the text it was given (its ``text`` field then holds
the line break, verbatim).

>>> folded = fold("美\\n\\n朝领导人", "zh")
>>> folded.text
'美朝领导人'
>>> folded.span(0, 2)
(0, 4)
>>> fold("North\\n  Korea", "en").text
'North Korea'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from hexatable.case.located_yaml import LocatedDocument, YamlSyntaxError, read_located
from hexatable.case.problems import CaseError, Problem, display_path

MAX_FILE_BYTES = 5_000_000
"""The largest user gazetteer or verb file read (the built-in gazetteer is about 40 kB)."""

MAX_ENTRY_CHARS = 200
"""The longest name or cue accepted from a file."""

_SPACE = re.compile(r"\s+")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Chinese character (CJK ideographs and their extensions)."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def is_word_char(char: str) -> bool:
    """A letter or digit of an alphabetic script: what an English name must not touch on either side."""
    return char.isalnum() and ord(char) < 0x2E80


@dataclass(frozen=True)
class Folded:
    """A copy of a text with line-break runs folded, and the way back to the text's offsets.

    ``starts[i]`` is an offset in the copy where a piece of the text begins, and ``origins[i]`` the
    offset of that piece in the text; inside a piece the two advance together.
    """

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def position(self, index: int) -> int:
        """The offset in the original text of the character at ``index`` of the copy."""
        piece = bisect_right(self.starts, index) - 1
        return self.origins[piece] + index - self.starts[piece]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's ``(start, end)`` for the copy's ``[start, end)`` (``end > start``)."""
        return self.position(start), self.position(end - 1) + 1


def fold(text: str, lang: str) -> Folded:
    """Fold the white space of ``text`` as the module docstring says (``lang`` is ``zh`` or ``en``)."""
    pieces: list[str] = []
    starts: list[int] = [0]
    origins: list[int] = [0]
    done = 0  # offset in text up to which pieces were copied
    length = 0  # length of the copy so far
    for match in _SPACE.finditer(text):
        start, end = match.span()
        run = match.group()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if lang == "zh" and before and after and is_cjk(before) and is_cjk(after):
            replacement = ""
        elif run == " ":
            continue
        else:
            replacement = " "
        pieces.append(text[done:start])
        pieces.append(replacement)
        length += start - done + len(replacement)
        done = end
        starts.append(length)
        origins.append(end)
    if done == 0:
        return Folded(text, (0,), (0,))
    pieces.append(text[done:])
    return Folded("".join(pieces), tuple(starts), tuple(origins))


class Matcher:
    """An Aho–Corasick automaton over fixed strings, each with a payload index.

    :meth:`candidates` yields every occurrence ``(start, end, payload)`` in ``text``; the caller filters
    them and :func:`leftmost_longest` picks the non-overlapping ones.
    """

    def __init__(self, keys: Iterable[tuple[str, int]]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for key, payload in keys:
            self._automaton.add_word(key, (len(key), payload))
            count += 1
        self._empty = count == 0
        if not self._empty:
            self._automaton.make_automaton()

    def candidates(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Every occurrence of every key, as ``(start, end, payload)``, in order of ``end``."""
        if self._empty or not text:
            return
        for last, (length, payload) in self._automaton.iter(text):
            yield last + 1 - length, last + 1, payload


def leftmost_longest(spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The non-overlapping spans chosen left to right, the longest where several start together.

    >>> leftmost_longest([(2, 4, 0), (0, 2, 1), (1, 3, 2), (0, 1, 3)])
    [(0, 2, 1), (2, 4, 0)]
    """
    chosen: list[tuple[int, int, int]] = []
    reached = 0
    for start, end, payload in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if start >= reached:
            chosen.append((start, end, payload))
            reached = end
    return chosen


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands on word boundaries: no letter or digit of an alphabetic
    script (:func:`is_word_char`) joins its first or last character to the one outside. A name may
    begin or end with a character that is no word character ("U.S."), which then needs no boundary."""
    if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        return False
    return not (end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]))


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted and not overlapping each other, as
    :func:`leftmost_longest` leaves them), by one bisection."""
    index = bisect_left(spans, (end, end))
    return index > 0 and spans[index - 1][1] > start


def read_lexicon_file(path: str | Path, what: str) -> tuple[LocatedDocument, str]:
    """Read a user's YAML file (a gazetteer or verb file); its document and its display name.

    Raises :class:`CaseError` (``path:line:column: field: message``) for a missing, oversized, binary
    or non-UTF-8 file, a YAML syntax error, or a document that is not a mapping.
    """
    file = Path(path)
    shown = display_path(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _error(shown, None, "", f"the {what} file is {size:,} bytes; at most {MAX_FILE_BYTES:,}")
        raw = file.read_bytes()
    except OSError as error:
        raise _error(shown, None, "", f"cannot read the {what} file ({error.strerror})") from None
    if b"\x00" in raw:
        raise _error(shown, 1, "", f"the {what} file is binary, not YAML text")
    try:
        document = read_located(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise _error(shown, 1, "", f"not UTF-8 text ({error.reason})") from None
    except YamlSyntaxError as error:
        raise CaseError([Problem(shown, error.line, error.column, "", error.message)]) from None
    if not isinstance(document.data, dict):
        raise _error(shown, 1, "", f"a {what} file must be a mapping (see docs/ingest-dictionaries.md)")
    return document, shown


def _error(shown: str, line: int | None, field: str, message: str) -> CaseError:
    return CaseError([Problem(shown, line, 1 if line else None, field, message)])


class Problems:
    """Collects the located problems of one file, to raise them all at once."""

    def __init__(self, shown: str, document: LocatedDocument) -> None:
        self.shown, self.document = shown, document
        self.found: list[Problem] = []

    def add(self, path: tuple[str | int, ...], message: str) -> None:
        line, column = self.document.where(path)
        self.found.append(Problem(self.shown, line, column, _field_name(path), message))

    def raise_any(self) -> None:
        if self.found:
            raise CaseError(self.found)


def _field_name(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def check_string(value: object, path: tuple[str | int, ...], problems: Problems) -> str | None:
    """``value`` as a non-empty string of at most :data:`MAX_ENTRY_CHARS`, or ``None`` (and a problem)."""
    if not isinstance(value, str) or not value.strip():
        problems.add(path, "must be a non-empty string")
        return None
    if len(value) > MAX_ENTRY_CHARS:
        problems.add(path, f"is {len(value)} characters long; at most {MAX_ENTRY_CHARS}")
        return None
    return value.strip()
