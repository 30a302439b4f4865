"""Verb cues for CAMEO root codes in Chinese and English: which words of a sentence say what kind of
event it reports.

The built-in dictionary (``data/verbs.yaml``) is built from the CAMEO codebook's definitions of the
twenty roots and their main sub-codes (Schrodt 2012, *CAMEO Conflict and Mediation Event Observations
Event and Actor Codebook*, v1.1b3). Each entry is a cue, its root code, a weight (how unambiguously the
cue signals the code) and optional notes; a user's file of the same shape is merged over it
(:meth:`VerbDictionary.with_file`), replacing entries with the same cue.

:meth:`VerbDictionary.find` returns every cue in a text in one Aho–Corasick pass, leftmost-longest and
non-overlapping (达成协议 is one cue, not 达成 and 协议). English cues are lemmas: their inflected forms
are generated (regular rules and a table of irregular verbs) and matched case-insensitively on word
boundaries. :func:`best_cue` picks the cue that types a sentence.

>>> verbs = VerbDictionary.builtin()
>>> [(c.text, c.cameo) for c in verbs.find("朝方谴责美方，拒绝会谈。", "zh")]
[('谴责', 11), ('拒绝', 12), ('会谈', 4)]
>>> [(c.text, c.entry, c.cameo) for c in verbs.find("Trump met Kim and they signed a statement.", "en")]
[('met', 'meet', 4), ('signed', 'sign', 5)]
>>> best_cue(verbs.find("特朗普表示，他将与金正恩会晤。", "zh")).entry
'会晤'
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from hexatable.case.located_yaml import read_located
from hexatable.ingest.lexicon import (
    Matcher,
    Problems,
    check_string,
    fold,
    is_word_char,
    leftmost_longest,
    read_lexicon_file,
)
from hexatable.ingest.types import Cue, Lang

LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class VerbEntry:
    """One cue of the dictionary: the cue (an English lemma or phrase, or Chinese words), its language,
    its CAMEO root code, its weight and notes. A fallback cue (``fallback: true`` on its group) types
    a clause only when the clause has no other cue
    (:func:`hexatable.ingest.cue_fallbacks.fallbacks_yield`)."""

    cue: str
    lang: Lang
    cameo: int
    weight: float
    notes: str = ""
    origin: str = "builtin"
    fallback: bool = False


@dataclass(frozen=True)
class VerbDictionary:
    """Cues per language; immutable, :meth:`with_file` returns a new dictionary."""

    entries: tuple[VerbEntry, ...]
    not_cues: tuple[tuple[Lang, str], ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def builtin(cls) -> VerbDictionary:
        """The built-in dictionary (``data/verbs.yaml``)."""
        text = resources.files("hexatable.ingest").joinpath("data/verbs.yaml").read_text("utf-8")
        document = read_located(text)
        problems = Problems("verbs.yaml (built in)", document)
        entries, not_cues = _parse(document.data, problems, "builtin")
        problems.raise_any()
        return cls(tuple(entries), tuple(not_cues))

    def with_file(self, path: str | Path) -> VerbDictionary:
        """This dictionary with a user's file (same shape) merged over it: an entry with the cue and
        language of an existing one replaces it. Raises :class:`hexatable.case.problems.CaseError`
        naming file, line, column and field of every problem found."""
        document, shown = read_lexicon_file(path, "verbs")
        problems = Problems(shown, document)
        entries, not_cues = _parse(document.data, problems, "user")
        problems.raise_any()
        replaced = {(entry.lang, entry.cue) for entry in entries}
        kept = [entry for entry in self.entries if (entry.lang, entry.cue) not in replaced]
        return VerbDictionary((*kept, *entries), (*self.not_cues, *not_cues))

    def codes(self) -> set[int]:
        """The root codes the dictionary has cues for."""
        return {entry.cameo for entry in self.entries}

    def find(self, text: str, lang: Lang) -> list[Cue]:
        """Every cue in ``text``, leftmost-longest and non-overlapping, in order of position.

        Offsets are into ``text`` (line breaks inside a cue are folded away, as for names).
        """
        matcher, payloads = self._tables(lang)
        folded = fold(text, lang)
        seen = folded.text if lang == "zh" else _lower(folded.text)
        spans = []
        for start, end, payload in matcher.candidates(seen):
            if payloads[payload][1] and not _on_word_boundaries(seen, start, end):
                continue
            spans.append((start, end, payload))
        cues: list[Cue] = []
        for start, end, payload in leftmost_longest(spans):
            entry = payloads[payload][0]
            if entry is None:
                continue
            o_start, o_end = folded.span(start, end)
            cues.append(
                Cue(o_start, o_end, text[o_start:o_end], entry.cameo, entry.cue, entry.weight, entry.fallback)
            )
        return cues

    def _tables(self, lang: Lang) -> tuple[Matcher, list[tuple[VerbEntry | None, bool]]]:
        tables = self._cache.get(lang)
        if tables is None:
            with _BUILD_LOCK:
                tables = self._cache.get(lang)
                if tables is None:
                    tables = self._build(lang)
                    self._cache[lang] = tables
        return tables

    def _build(self, lang: Lang) -> tuple[Matcher, list[tuple[VerbEntry | None, bool]]]:
        # A form claimed by several entries goes to the entry written that way (``meeting`` the noun
        # over ``meet`` inflected), then to the later entry (a user's file), then the heavier.
        claims: dict[str, tuple[tuple[int, int, float], VerbEntry | None]] = {}
        for order, entry in enumerate(self.entries):
            if entry.lang != lang:
                continue
            key_forms = _forms(entry.cue) if lang == "en" else iter((entry.cue,))
            for form in key_forms:
                rank = (int(form == entry.cue.lower()), order, entry.weight)
                held = claims.get(form)
                if held is None or rank > held[0]:
                    claims[form] = (rank, entry)
        for not_lang, name in self.not_cues:
            if not_lang == lang:
                claims[name.lower() if lang == "en" else name] = ((9, 0, 0.0), None)
        payloads: list[tuple[VerbEntry | None, bool]] = []
        keys: list[tuple[str, int]] = []
        for form, (_, claimed) in claims.items():
            keys.append((form, len(payloads)))
            payloads.append((claimed, lang == "en"))
        return Matcher(keys), payloads


_BUILD_LOCK = threading.Lock()


def best_cue(cues: Sequence[Cue]) -> Cue | None:
    """The cue that types a sentence: the highest weight, then a code other than 01 (a bare statement
    is the least specific reading), then the longest cue (a phrase says more than a word), then the
    first in the sentence.

    The CAMEO codebook codes a sentence by its main verb; without a parser the weight stands in for it:
    reporting verbs (说, 表示, say) weigh least, so "X表示将与Y会晤" is typed by 会晤 (04), while a
    sentence that only reports is typed 01.

    >>> cues = [Cue(0, 2, "表示", 1, "表示", 0.3), Cue(5, 7, "会晤", 4, "会晤", 0.9)]
    >>> best_cue(cues).cameo
    4
    >>> best_cue([]) is None
    True
    """
    if not cues:
        return None
    return max(
        enumerate(cues),
        key=lambda pair: (pair[1].weight, pair[1].cameo != 1, len(pair[1].entry), -pair[0]),
    )[1]


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one (``str.lower`` lengthens a few, such as İ)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(text[end]))


# --- English inflection ------------------------------------------------------------------------------

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("is", "are", "was", "were", "been", "being", "am"),
    "say": ("said",),
    "tell": ("told",),
    "meet": ("met",),
    "hold": ("held",),
    "make": ("made",),
    "give": ("gave", "given"),
    "take": ("took", "taken"),
    "seek": ("sought",),
    "fight": ("fought",),
    "shoot": ("shot",),
    "break": ("broke", "broken"),
    "withdraw": ("withdrew", "withdrawn"),
    "send": ("sent",),
    "go": ("went", "gone", "goes"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "fly": ("flew", "flown", "flies"),
    "cut": ("cut",),
    "put": ("put",),
    "set": ("set",),
    "strike": ("struck", "stricken"),
    "lead": ("led",),
    "bring": ("brought",),
    "speak": ("spoke", "spoken"),
    "hit": ("hit",),
    "win": ("won",),
    "keep": ("kept",),
    "pay": ("paid",),
    "lay": ("laid",),
    "sell": ("sold",),
    "stand": ("stood",),
    "undertake": ("undertook", "undertaken"),
    "leave": ("left",),
    "begin": ("began", "begun"),
    "throw": ("threw", "thrown"),
    "draw": ("drew", "drawn"),
    "shut": ("shut",),
    "buy": ("bought",),
    "forbid": ("forbade", "forbidden"),
    "overtake": ("overtook", "overtaken"),
    "quit": ("quit",),
}
"""Past forms of the irregular verbs the dictionary uses (and of a few verbs users will), the simple
past first."""

IRREGULAR_PAST: frozenset[str] = frozenset(forms[0] for verb, forms in _IRREGULAR.items() if verb != "be")
"""The simple past of each irregular verb ("met", "said", "led"): a finite verb, where a clause cut
(:mod:`hexatable.ingest.clauses`) must tell a new subject's verb from a noun."""

_DOUBLE_FINAL = frozenset(
    [
        "commit",
        "quit",
        "admit",
        "permit",
        "refer",
        "occur",
        "regret",
        "control",
        "patrol",
        "compel",
        "expel",
        "repel",
        "propel",
        "ban",
        "plan",
        "stop",
        "drop",
        "ship",
        "kidnap",
        "equip",
        "rebut",
        "transfer",
        "confer",
        "deter",
        "rob",
        "shun",
    ]
)
"""Verbs of more than one syllable that double their last consonant before -ed and -ing, beyond the
endings :func:`_doubles` knows."""


def _forms(cue: str) -> Iterator[str]:
    """The cue in lower case and its inflected forms: the first word of a phrase is inflected.

    >>> sorted(_forms("meet"))
    ['meet', 'meeting', 'meets', 'met']
    >>> sorted(_forms("reach an agreement"))[:3]
    ['reach an agreement', 'reached an agreement', 'reaches an agreement']
    """
    words = cue.lower().split()
    if not words:
        return
    head, rest = words[0], words[1:]
    tail = (" " + " ".join(rest)) if rest else ""
    for form in _inflect(head):
        yield form + tail


def _doubles(verb: str) -> bool:
    """Whether ``verb`` doubles its last consonant before -ed and -ing: one syllable ending in one
    vowel and one consonant (ban, stop, snub), a stressed ending that does (commit, submit, expel,
    occur, control), or a verb listed (refer, kidnap)."""
    if verb in _DOUBLE_FINAL:
        return True
    if not re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
        return False
    syllables = len(re.findall(r"[aeiouy]+", verb))
    return syllables == 1 or verb.endswith(("mit", "pel", "cur", "trol"))


def _inflect(verb: str) -> set[str]:
    forms = {verb}
    if verb.endswith("ed") or not re.fullmatch(r"[a-z][a-z\-]*", verb):
        return forms
    forms.update(_IRREGULAR.get(verb, ()))
    if verb == "be":
        return forms
    stem = verb + verb[-1] if _doubles(verb) else verb
    if re.search(r"(s|x|z|ch|sh|[^aeiou]o)$", verb):
        forms.add(verb + "es")
    elif re.search(r"[^aeiou]y$", verb):
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb not in _IRREGULAR:
        if verb.endswith("e"):
            forms.add(verb + "d")
        elif re.search(r"[^aeiou]y$", verb):
            forms.add(verb[:-1] + "ied")
        else:
            forms.add(stem + "ed")
    if verb.endswith("ie"):
        forms.add(verb[:-2] + "ying")
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        forms.add(verb[:-1] + "ing")
    else:
        forms.add(stem + "ing")
    return forms


# --- reading a verb file -------------------------------------------------------------------------------


def _parse(data: object, problems: Problems, origin: str) -> tuple[list[VerbEntry], list[tuple[Lang, str]]]:
    """Entries and not-cues from a verb document (``cues``: groups; ``not_cues``: per language)."""
    entries: list[VerbEntry] = []
    not_cues: list[tuple[Lang, str]] = []
    if not isinstance(data, dict):
        problems.add((), "a verb file must be a mapping with 'cues'")
        return entries, not_cues
    for key in data:
        if key not in ("cues", "not_cues"):
            problems.add((key,), "unknown section (expected cues, not_cues)")
    groups = data.get("cues", [])
    if not isinstance(groups, list):
        problems.add(("cues",), "must be a list of groups {code, weight, zh: [...], en: [...]}")
        groups = []
    seen: dict[tuple[str, str], tuple[str | int, ...]] = {}
    for index, group in enumerate(groups):
        path: tuple[str | int, ...] = ("cues", index)
        if not isinstance(group, dict):
            problems.add(path, "a group is a mapping {code, weight, notes, zh: [...], en: [...]}")
            continue
        for key in group:
            if key not in ("code", "weight", "notes", "fallback", "zh", "en"):
                problems.add((*path, key), "unknown field (expected code, weight, notes, fallback, zh, en)")
        code = group.get("code")
        if isinstance(code, str) and code.strip().isdigit():
            code = int(code)
        if not isinstance(code, int) or isinstance(code, bool) or not 1 <= code <= 20:
            problems.add((*path, "code"), "must be a CAMEO root code, 1 to 20")
            continue
        weight = group.get("weight", 1.0)
        if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight <= 1:
            problems.add((*path, "weight"), "must be a number above 0 and at most 1")
            continue
        fallback = group.get("fallback", False)
        if not isinstance(fallback, bool):
            problems.add((*path, "fallback"), "must be true or false")
            fallback = False
        notes = group.get("notes", "")
        if not isinstance(notes, str):
            problems.add((*path, "notes"), "must be text")
            notes = ""
        for lang in LANGS:
            cues = group.get(lang, [])
            if not isinstance(cues, list):
                problems.add((*path, lang), "must be a list of cues")
                continue
            for position, cue in enumerate(cues):
                where = (*path, lang, position)
                checked = check_string(cue, where, problems)
                if checked is None:
                    continue
                key = (lang, checked.lower() if lang == "en" else checked)
                if key in seen:
                    first = problems.document.where(seen[key])[0]
                    problems.add(where, f"cue '{checked}' is listed twice (first on line {first})")
                    continue
                seen[key] = where
                entries.append(VerbEntry(checked, lang, code, float(weight), notes, origin, fallback))
    section = data.get("not_cues", {})
    if not isinstance(section, dict):
        problems.add(("not_cues",), "must map zh and en to lists of strings")
    else:
        for lang, names in section.items():
            if lang not in LANGS:
                problems.add(("not_cues", str(lang)), "the language must be zh or en")
            elif not isinstance(names, list):
                problems.add(("not_cues", lang), "must be a list of strings")
            else:
                for position, name in enumerate(names):
                    checked = check_string(name, ("not_cues", lang, position), problems)
                    if checked is not None:
                        not_cues.append((lang, checked))
    return entries, not_cues
