"""Chinese scripts: a Traditional text is matched as Simplified, and quoted as written.

The gazetteer, the verb dictionary, the date forms and jieba are all written in Simplified
characters, so a sentence written in Traditional characters (a Taiwan or Hong Kong source, or a
Wikipedia passage copied in the other script: 對六方會談讓北韓棄核) would lose its events, actors and
codes without a word. Ingest therefore reads every document twice over, in one pass:

- the **matching text**: the whole document converted once to Simplified with OpenCC's ``t2s``
  configuration (characters and the phrases whose characters convert differently together, such as
  乾隆 or 著名; not Taiwan or Hong Kong *vocabulary*, so 北韓 becomes 北韩, not 朝鲜: the gazetteer
  lists such regional names as aliases, docs/ingest-dictionaries.md). Segmenting, dates, names, cues
  and every clause rule read this text;
- the **original text**: every quote, sentence and mention shown to a reviewer is cut from it, at the
  same offsets, so the case's quote check (verbatim against the source) passes.

That the offsets agree needs the conversion to give one character for one. The installed
tables do: every entry of OpenCC 1.4.2's ``t2s`` dictionaries (TSPhrases, TSCharactersExt,
TSCharacters and the CJK_Compatibility_Ideographs normalisation, listed with OpenCC's
``opencc_dict``) maps a key to a value of its length, and every code point converts to one
character. The fallback below is a guard, not a repair of a known case: no installed table changes
a length today, but ``pyproject.toml`` accepts any OpenCC from 1.1 and its phrase tables change
between releases, another configuration or a user's table might, and a shift of one character
would silently move every later offset, quote and mention. A piece of text (a line, cut further at
sentence ends) whose conversion changes its length, or moves any character that is not a CJK
ideograph (punctuation, digits, Latin letters stay where they are), is converted one character at
a time instead, where a character that would become several is kept as written. When the whole
text aligns (always, with the installed tables) the guard costs one comparison of lengths and
characters.

OpenCC (Open Chinese Convert, https://github.com/BYVoid/OpenCC) is loaded on first use, once per
process. A text in Simplified or in English comes back unchanged (the same string), so reading it
costs one conversion pass and nothing else.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from hexatable.ingest.types import ActorMention, DraftEvent

Converter = Callable[[str], str]
"""A conversion of a whole string (OpenCC's ``convert``), possibly changing its length."""

CONFIGURATION = "t2s"
"""OpenCC's Traditional-to-Simplified configuration, characters and phrases only. ``tw2s`` and
``hk2s`` add the Taiwan and Hong Kong variant characters (臺, 綫), which ``t2s`` converts as well for
every character tried; ``tw2sp`` would also replace Taiwan words by mainland ones (軟體 -> 软件), which
can change a phrase's length and is not needed for names: the gazetteer lists those."""

_PIECE = re.compile(r"[^\n。！？；]*(?:[\n。！？；]|$)")
"""A piece converted on its own when the whole text's conversion does not keep one character for
one: a line, cut further after each sentence end (so the fallback stays within a sentence)."""
_LOCK = threading.Lock()
_CONVERTERS: dict[str, Converter] = {}


def opencc_converter(configuration: str = CONFIGURATION) -> Converter:
    """OpenCC's converter for ``configuration``, built once per process (its dictionaries take a
    few milliseconds to load)."""
    with _LOCK:
        found = _CONVERTERS.get(configuration)
        if found is None:
            import opencc

            found = opencc.OpenCC(configuration).convert
            _CONVERTERS[configuration] = found
    return found


def _is_ideograph(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph (the only characters a conversion may change)."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def aligned(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` converted one character for one: the same length, and every
    character that is not a CJK ideograph unchanged at its place."""
    if len(before) != len(after):
        return False
    return all(a == b or (_is_ideograph(a) and _is_ideograph(b)) for a, b in zip(before, after, strict=True))


def by_character(text: str, convert: Converter) -> str:
    """``text`` converted one character at a time; a character whose conversion is not a single
    character is kept as written."""
    out: list[str] = []
    for char in text:
        converted = convert(char) if _is_ideograph(char) else char
        out.append(converted if len(converted) == 1 else char)
    return "".join(out)


def to_simplified(text: str, convert: Converter | None = None) -> str:
    """``text`` with its Traditional characters in Simplified, one character for one.

    The whole text is converted at once; only when that does not keep every character at its place
    (:func:`aligned`) is it converted piece by piece (:data:`_PIECE`), and a piece whose conversion
    still does not align is converted :func:`by_character`. A text with nothing to convert is
    returned as the same string.

    >>> to_simplified("2018年6月12日，川普與金正恩在新加坡會晤。")
    '2018年6月12日，川普与金正恩在新加坡会晤。'
    >>> to_simplified("北韩") == "北韩"
    True
    """
    convert = convert if convert is not None else opencc_converter()
    whole = convert(text)
    if whole == text:
        return text
    if aligned(text, whole):
        return whole
    pieces: list[str] = []
    for match in _PIECE.finditer(text):
        piece = match.group()
        if not piece:
            continue
        converted = convert(piece)
        pieces.append(converted if aligned(piece, converted) else by_character(piece, convert))
    return "".join(pieces)


@dataclass(frozen=True)
class Scripts:
    """One document's text as written (``original``) and as matched (``matching``, Simplified), of the
    same length, character for character; a piece of the matching text is shown as the original's."""

    original: str
    matching: str
    changes: tuple[int, ...] = ()
    """The offsets where the two differ, in order (:meth:`of` fills it in)."""

    @classmethod
    def of(cls, text: str, convert: Converter | None = None) -> Scripts:
        """The two texts of ``text``; ``convert`` replaces OpenCC (tests)."""
        matching = to_simplified(text, convert)
        if matching is text:
            return cls(text, text)
        changes = tuple(i for i, (a, b) in enumerate(zip(text, matching, strict=True)) if a != b)
        return cls(text, matching, changes)

    @property
    def converted(self) -> bool:
        """Whether any character was converted (a Simplified or English text: no)."""
        return bool(self.changes)

    def _changed_in(self, start: int, end: int) -> bool:
        """Whether a character between document offsets ``start`` and ``end`` was converted."""
        i = bisect.bisect_left(self.changes, start)
        return i < len(self.changes) and self.changes[i] < end

    def shown(self, piece: str, offsets: Sequence[int]) -> str:
        """``piece``, whose character ``i`` is the matching text's at ``offsets[i]`` (a sentence's flat
        text and its ``flat_offsets``), in the original's characters; a character that is not the
        matching text's at its offset (the space the flat text puts at an English line break) is kept.
        """
        if not offsets or not self._changed_in(offsets[0], offsets[-1] + 1):
            return piece
        original, matching = self.original, self.matching
        return "".join(
            original[at] if at < len(matching) and matching[at] == char else char
            for char, at in zip(piece, offsets, strict=False)
        )

    def shown_at(self, piece: str, start: int, end: int) -> str:
        """``piece``, a piece of the matching text found between document offsets ``start`` and
        ``end`` (a name, a cue, a date: the flat text drops line breaks and markup, so the piece is a
        subsequence of that stretch), in the original's characters; any character not found in the
        stretch is kept as it is."""
        if not piece or not self._changed_in(start, end):
            return piece
        out: list[str] = []
        at = start
        for char in piece:
            found = self.matching.find(char, at, end)
            if found < 0:
                out.append(char)
                continue
            out.append(self.original[found])
            at = found + 1
        return "".join(out)


def shown_event(event: DraftEvent, scripts: Scripts) -> DraftEvent:
    """``event`` with the words of its actors, targets, cue and own date as the original text writes
    them (they were cut from the matching text; each stands at its document offsets). An inherited
    date (from a sentence or heading before, at offsets of that sentence's flat text) keeps the
    matching text's characters; the quote, sentence and text are cut from the original already.
    A word no conversion touched is kept as it is (the same object): in a text with a few Traditional
    characters most events are left whole."""

    def mention(m: ActorMention) -> ActorMention:
        text = scripts.shown_at(m.text, m.start, m.end)
        return m if text == m.text else replace(m, text=text)

    date = event.date
    if ":" not in date.rule:  # not "inherited:..." or "heading:...": at document offsets
        date_text = scripts.shown_at(date.text, date.start, date.end)
        date = date if date_text == date.text else replace(date, text=date_text)
    cue = event.cue
    if cue is not None:
        cue_text = scripts.shown_at(cue.text, cue.start, cue.end)
        cue = cue if cue_text == cue.text else replace(cue, text=cue_text)
    actors = tuple(mention(m) for m in event.actors)
    targets = tuple(mention(m) for m in event.targets)
    unchanged = (
        date is event.date
        and cue is event.cue
        and all(a is b for a, b in zip(actors, event.actors, strict=True))
        and all(a is b for a, b in zip(targets, event.targets, strict=True))
    )
    return event if unchanged else replace(event, actors=actors, targets=targets, cue=cue, date=date)
