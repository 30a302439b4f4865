"""Places, titles and document names: the names in a sentence that are not parties to its act.

A chronology of any negotiation names its treaties and its meetings by the places they were held in
(《巴黎协定》, the Paris Agreement, 巴黎气候大会, the Geneva talks) and its plans and treaties by long
capitalised names (the Joint Comprehensive Plan of Action). The gazetteer maps a capital to its state
(平壤 and Washington stand for their governments), so without these rules such a name makes the
state a party. This module says, from how such names are written, which mentions are places or parts
of a title, which lines are a document's own title, and which capitalised words name a person by a
title ("President Obama"). It holds no state beyond one document's persons (:class:`TitledPersons`)
and does no I/O; :mod:`hexatable.ingest.extract` calls it in a few places.

Rules (documented for reviewers in ``docs/ingest.md``, rule 3c and rule 2e):

- **Titles.** A title is a span in 《》 (Chinese), or in English a document name: a run of capitalised
  words (inner "of", "on", "the", "for", "and" allowed) whose head word, the last before an inner
  "of"/"on"/"for" or else the last, is a document word (Plan, Agreement, Treaty, Accord, Declaration,
  Resolution, Statement, Framework, Protocol, Convention, ...): "the Joint Comprehensive Plan of
  Action", "the Paris Agreement", "Resolution 2231", or such a name in quotation marks.
  A name inside a title is never the clause's actor (an organisation named only there may stay a
  target, after the verb); a place (a capital: ``capitals`` in the gazetteer) inside one is no party at all.
- **Venues.** A place right before the word for a meeting or what it made (会议, 大会, 会谈, 峰会,
  谈判, 协议, 宣言, 公报, 共识; "conference", "talks", "summit", "agreement", "deal") with at most a
  few words between and no verb (巴黎气候大会, the Geneva interim deal, the Paris conference) names
  the venue; in English only after "the" or before a capitalised meeting word, since
  "Washington talks with…" is a party acting. A state's own name there names the parties (中美会谈,
  the US-China talks) and stays.
  A state right after 驻 is where a mission or force is posted (伊朗驻沙特大使馆: Iran's embassy in
  Saudi Arabia), and an English place after "moved to", "shifted to", "relocated to" is a
  destination ("the talks moved to Havana").
- **No verb inside a name** (English): a cue inside a capitalised name of two or more words ("Plan"
  in the Joint Comprehensive Plan of Action, "Talks" in the Six-Party Talks) is part of the name,
  except in a line written in title case (a headline), where every word is capitalised.
- **Title lines.** A line that is the document's title is not an event: it ends in 大事记, 纪要,
  年表, 纪事 (a bracketed remark after it allowed) or has "chronology", "timeline" in it, without a
  sentence's final stop or a comma, or it is the document's first sentence, on one line, with no
  cue and no clause punctuation.
- **Titled persons** (English): a title and a capitalised name ("President Obama", "Prime Minister
  Abe", "Secretary of State John Kerry", "Mr. Sasae", or a role noun in lower case: "opposition
  leader Alvaro Uribe", "chief negotiator ...") name a person, proposed for review (kind person),
  unless a state is written right before the title ("Iranian Foreign Minister Zarif", "Iran's President
  Rouhani"): then the state stands, as it did. Later in the document the first or the last part of
  the name alone ("Obama", "Santos") names the same person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from hexatable.ingest.dates_en import CALENDAR_NAMES
from hexatable.ingest.types import ActorMention, Cue, Lang

Span = tuple[int, int]


@cache
def builtin_places(lang: Lang) -> frozenset[str]:
    """The capitals the built-in gazetteer gives as names of their states (``capitals`` in
    ``data/gazetteer.yaml``: 平壤 and Washington stand for their governments): a place when written as
    a venue or in a title. A state's own name (朝鲜, France) is never one: before a meeting word it
    names a party. :func:`drop_places` takes a gazetteer's own list (a user's file, a case) instead."""
    from hexatable.ingest.gazetteer import Gazetteer

    return Gazetteer.builtin().places(lang)


_ZH_TITLE = re.compile(r"《[^《》]*》")
_DOCUMENT_WORDS = frozenset(
    [
        "Plan",
        "Agreement",
        "Agreements",
        "Treaty",
        "Accord",
        "Accords",
        "Declaration",
        "Resolution",
        "Statement",
        "Framework",
        "Protocol",
        "Convention",
        "Charter",
        "Communique",
        "Communiqué",
        "Memorandum",
        "Understanding",
        "Pact",
        "Deal",
        "Roadmap",
        "Initiative",
        "Act",
        "Law",
        "Code",
        "Document",
        "Consensus",
        "Principles",
        "Guidelines",
        "Programme",
        "Program",
        "Arrangement",
    ]
)
"""Head words of an English document's name (the Agreed Framework, Resolution 2231, the Paris Agreement)."""
_EN_INNER = r"(?:of|on|the|for|and)"
_EN_CAPITALISED = r"[A-Z][\w'’\-]*"
_EN_RUN = re.compile(rf"{_EN_CAPITALISED}(?:[ ](?:{_EN_INNER}[ ])*{_EN_CAPITALISED})*(?:[ ]\d[\d/.\-]*)?")
_EN_LEADING = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "With",
        "After",
        "Before",
        "When",
        "While",
        "Later",
        "Then",
        "Under",
        "And",
        "But",
        "As",
        "Its",
        "Their",
        "This",
        "That",
        "These",
        "Those",
    ]
)
_EN_QUOTED = re.compile(r"[\"“]([^\"“”]{3,120})[\"”]")
_EN_HEAD_CUT = re.compile(r"\s(?:of|on|for)\s")

_ZH_MEETING = re.compile(r"会议|大会|会谈|会晤|峰会|谈判|协议|协定|论坛|进程|宣言|公报|条约|共识")
_ZH_MEETING_GAP = 4
_ZH_CLAUSE_MARK = re.compile(r"[，,；;：:。！？、]")
_EN_MEETING = re.compile(
    r"(?:(?:[\w\-]+)\s+){0,2}?(conference|talks|summit|agreement|accord|deal|meeting|negotiations|"
    r"process|round|declaration|communiqu[eé]|protocol|framework|treaty|consensus|format)\b",
    re.IGNORECASE,
)
_EN_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_EN_MOVED_TO = re.compile(r"\b(?:moved|shifted|relocated|transferred|switched)\s+(?:back\s+)?to\s+$")
_ZH_POSTED = "驻"
_ZH_PARTY_BEFORE = re.compile(r"[与同跟和及]$")
"""A preposition "with" or a conjunction right before a place that is also a state (朝鲜与新加坡
会谈): the name is a party to the meeting, not its venue. Not 对/向 ("toward"), whose object may be the
meeting itself: in "中国对平壤会谈表示欢迎", "美国向新加坡会谈派出代表团" the place is a venue."""
_ZH_SUBORDINATE_END = re.compile(r"(?:后|之后|以后|时|之时|前|之前|以前|期间|以来|的)$")
"""How a stretch that is no main clause ends (新加坡会晤朝鲜代表团后，…): a meeting verb in it is not
the clause's main verb."""
_ZH_MEETING_VERBS = frozenset(["会晤", "会谈", "谈判", "磋商"])
"""Meeting words that are also verbs: right after the place and right before a name (平壤会晤美国特使,
新加坡会晤朝鲜代表团) they are the clause's verb and the place its subject, not a venue."""


def title_spans(flat: str, lang: Lang) -> list[Span]:
    """The spans of ``flat`` that are titles: 《…》 in Chinese; document names in English (a capitalised
    run whose head word is a document word, or a quoted name that has one)."""
    if lang == "zh":
        return [(m.start(), m.end()) for m in _ZH_TITLE.finditer(flat)]
    quoted = [
        (m.start(), m.end())
        for m in _EN_QUOTED.finditer(flat)
        if m.group(1)[:1].isupper() and any(word in _DOCUMENT_WORDS for word in m.group(1).split())
    ]
    runs = [
        span
        for span in name_runs(flat)
        if _is_document(flat[span[0] : span[1]]) and not any(a <= span[0] and span[1] <= b for a, b in quoted)
    ]
    return sorted([*runs, *quoted])


def name_runs(flat: str) -> list[Span]:
    """English runs of two or more capitalised words (inner "of", "on", "the", ... allowed; a
    trailing number kept: "Resolution 2231"), leading function words ("The", "On") left out."""
    runs: list[Span] = []
    for match in _EN_RUN.finditer(flat):
        if match.start() > 0 and (flat[match.start() - 1].isalnum() or flat[match.start() - 1] in "'’-"):
            continue
        start, text = match.start(), match.group()
        while True:
            first = text.split(" ", 1)[0]
            if first not in _EN_LEADING or " " not in text:
                break
            rest = text[len(first) + 1 :]
            if not rest[:1].isupper():
                break
            start, text = start + len(first) + 1, rest
        words = [w for w in text.split(" ") if w[:1].isupper() or w[:1].isdigit()]
        if len(words) >= 2 and text.split(" ", 1)[0] not in _EN_LEADING:
            runs.append((start, start + len(text.rstrip(".,;:"))))
    return runs


def _is_document(name: str) -> bool:
    """Whether a capitalised run names a document: its head word (the last word before an inner
    "of"/"on"/"for", else its last word; a trailing number aside) is a document word."""
    head = _EN_HEAD_CUT.split(name, maxsplit=1)[0]
    words = [w for w in head.split(" ") if not w[:1].isdigit()]
    return bool(words) and words[-1].strip(".,;:") in _DOCUMENT_WORDS


def inside(mention: ActorMention | Cue, spans: Iterable[Span]) -> bool:
    """Whether a mention or cue lies within one of ``spans``."""
    return any(low <= mention.start and mention.end <= high for low, high in spans)


class SpanIndex:
    """Spans sorted by start, each with the furthest end of it and the spans before it: whether a
    stretch lies within one of them is then one bisection, not a pass over all of them (a long
    sentence has thousands of name runs and cues). The same answer as :func:`inside` for any spans,
    overlapping or not: a stretch is inside one iff the furthest end among the spans that start at
    or before it reaches its end."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [low for low, _ in ordered]
        self._reach: list[int] = []
        furthest = 0
        for index, (_, high) in enumerate(ordered):
            furthest = high if index == 0 else max(furthest, high)
            self._reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` lies within one of the spans."""
        before = bisect.bisect_right(self._starts, start)
        return before > 0 and end <= self._reach[before - 1]


def drop_places(
    flat: str,
    lang: Lang,
    mentions: Sequence[ActorMention],
    cues: Sequence[Cue] = (),
    places: Collection[str] | None = None,
) -> list[ActorMention]:
    """The mentions less those that name a place, not a party: a place (one of ``places``, the
    gazetteer's capitals; the built-in ones by default) in a title or right before a meeting word
    (its venue), a state after 驻, an English place after "moved to"."""
    titles = SpanIndex(title_spans(flat, lang))  # searched by bisection per mention (long sentences)
    capitals = builtin_places(lang) if places is None else places
    starts = frozenset(m.start for m in mentions)
    by_start = sorted(cues, key=lambda c: c.start)  # searched by bisection per place (long sentences)
    return [m for m in mentions if not _is_place(flat, lang, m, titles, by_start, capitals, starts)]


def _is_place(
    flat: str,
    lang: Lang,
    mention: ActorMention,
    titles: SpanIndex,
    cues: Sequence[Cue],
    places: Collection[str],
    starts: Collection[int] = (),
) -> bool:
    if lang == "zh" and flat[max(0, mention.start - 1) : mention.start] == _ZH_POSTED:
        return True
    if mention.text not in places:
        return False
    if titles.covers(mention.start, mention.end):
        return True
    if lang == "zh":
        return _zh_venue(flat, mention, cues, starts)
    if _EN_MOVED_TO.search(flat, max(0, mention.start - 24), mention.start):
        return True
    return _en_venue(flat, mention, cues)


def _zh_venue(flat: str, mention: ActorMention, cues: Sequence[Cue], starts: Collection[int] = ()) -> bool:
    """巴黎气候大会: a meeting word within a few characters after the place, no clause mark or cue between.
    Not a place written after 与, 同, 和 … (朝鲜与新加坡会谈: Singapore is a party), nor one right before
    a meeting word used as the verb, right before another name (平壤会晤美国特使: ``starts`` are where
    the clause's names begin)."""
    if _ZH_PARTY_BEFORE.search(flat, max(0, mention.start - 1), mention.start):
        return False
    window = flat[mention.end : mention.end + _ZH_MEETING_GAP + 2]
    meeting = _ZH_MEETING.search(window)
    if (
        meeting is None
        or meeting.start() > _ZH_MEETING_GAP
        or _ZH_CLAUSE_MARK.search(window[: meeting.start()])
    ):
        return False
    as_verb = meeting.start() == 0 and meeting.group() in _ZH_MEETING_VERBS
    if as_verb and mention.end + meeting.end() in starts:
        rest = flat[mention.end + meeting.end() :]
        mark = _ZH_CLAUSE_MARK.search(rest)
        stretch = rest[: mark.start() if mark else len(rest)]
        # 平壤会晤美国特使: the verb; 新加坡会晤朝鲜代表团后，…: a subordinate stretch, a venue
        return bool(_ZH_SUBORDINATE_END.search(stretch))
    at = mention.end + meeting.start()
    # ``cues`` are sorted by start (drop_places): the first one at or after the place's end
    first = bisect.bisect_left(cues, mention.end, key=lambda c: c.start)
    return not (first < len(cues) and cues[first].start < at)


def _en_venue(flat: str, mention: ActorMention, cues: Sequence[Cue]) -> bool:
    """the Paris conference, the Geneva interim deal, Paris Agreement: at most two words between,
    no cue among them, and "the" before the place or a capitalised meeting word."""
    meeting = _EN_MEETING.match(flat, mention.end + 1) if flat[mention.end : mention.end + 1] == " " else None
    if meeting is None:
        return False
    at = meeting.start(1)
    # ``cues`` are sorted by start (drop_places): a cue between the place and the meeting word is
    # the first one at or after the place's end, if any is
    first = bisect.bisect_left(cues, mention.end, key=lambda c: c.start)
    if first < len(cues) and cues[first].start < at:
        return False
    before_the = bool(_EN_THE_BEFORE.search(flat, max(0, mention.start - 8), mention.start))
    return before_the or meeting.group(1)[:1].isupper()


@lru_cache(maxsize=4)
def _sentence_titles(flat: str, lang: Lang) -> SpanIndex:
    """:func:`title_spans` found and indexed once per sentence: each of its clauses asks (long
    sentences)."""
    return SpanIndex(title_spans(flat, lang))


def not_actors(flat: str, lang: Lang, actors: Sequence[ActorMention]) -> list[ActorMention]:
    """The actors less those named inside a title (a name in a treaty's title does not act)."""
    titles = _sentence_titles(flat, lang)
    return [m for m in actors if not titles.covers(m.start, m.end)]


def drop_cues_in_names(flat: str, lang: Lang, cues: Sequence[Cue]) -> list[Cue]:
    """English: the cues less those inside a capitalised name of two or more words ("Plan" in the
    Joint Comprehensive Plan of Action), unless the text is in title case (a headline). A sentence's
    first word is capitalised whatever it is, so a cue that opens the sentence stays one ("Met Moon
    on March 6": a verb, not a name "Met Moon")."""
    if lang != "en" or not cues or _title_case(flat):
        return list(cues)
    opening = len(flat) - len(flat.lstrip(" \t\"'“‘([*#-"))
    runs = SpanIndex(name_runs(flat))  # by bisection: linear in a long sentence's cues and runs
    return [c for c in cues if c.start == opening or not runs.covers(c.start, c.end)]


_HEADLINE_SMALL_WORDS = frozenset(
    ["with", "from", "into", "over", "after", "about", "than", "that", "upon", "amid"]
)
"""Words of four letters or more that a headline in title case still writes in lower case."""


def _title_case(flat: str) -> bool:
    """Whether every word of four letters or more, short prepositions aside, is capitalised (a
    headline: "Six-Party Talks End with Joint Document"); a sentence has lower-case verbs and nouns.
    A remark in brackets after a headline (its source and date) is left out."""
    unbracketed = re.sub(r"\([^()]*\)?", " ", flat)
    words = [
        w for w in re.findall(r"\b[A-Za-z][A-Za-z'’\-]{3,}", unbracketed) if w not in _HEADLINE_SMALL_WORDS
    ]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


_ZH_TITLE_LINE = re.compile(r"(?:大事记|纪要|年表|纪事|大事年表)\s*(?:[（(][^（）()]*[)）])?\s*$")
_EN_TITLE_LINE = re.compile(r"\b(?:chronology|timeline|chronicle)\b", re.IGNORECASE)
_FINAL_STOP = re.compile(r"[。！？.!?]\s*$")
_COMMA = re.compile(r"[，,；;]")
_CLAUSE_PUNCTUATION = re.compile(r"[，。；：、,;:.!?！？]")
_MARKUP = re.compile(r"^[#\s*]+|[*\s]+$")


def is_title_line(text: str, lang: Lang, *, first: bool, has_cue: bool) -> bool:
    """Whether a sentence (one line) is the document's title, not an event. Only the document's
    ``first`` sentence or a heading (``#`` …) can be: one that ends in 大事记, 纪要, 年表 (a bracketed
    remark after it allowed), or in English has "chronology", "timeline" or "chronicle", without a
    final stop or a comma; or, first, one with no cue and no clause punctuation. An entry further down
    that lacks its final stop ("5月3日中国与朝鲜签署会谈纪要", "China published a timeline of the talks
    on 3 May 2007") is an entry, never dropped for its last word."""
    body = _MARKUP.sub("", text)
    if not body or not (first or text.lstrip().startswith("#")):
        return False
    ending = _ZH_TITLE_LINE if lang == "zh" else _EN_TITLE_LINE
    if ending.search(body) and not _FINAL_STOP.search(body) and not _COMMA.search(body):
        return True
    return first and not has_cue and not _CLAUSE_PUNCTUATION.search(body)


_EN_PERSON_TITLES = (
    "Secretary of State",
    "Secretary-General",
    "Secretary General",
    "Deputy Foreign Minister",
    "Vice Foreign Minister",
    "Foreign Minister",
    "Foreign Secretary",
    "Defence Minister",
    "Defense Minister",
    "Defense Secretary",
    "Defence Secretary",
    "Prime Minister",
    "Vice President",
    "President",
    "Vice Premier",
    "Premier",
    "Chancellor",
    "Supreme Leader",
    "Crown Prince",
    "Special Envoy",
    "Envoy",
    "Ambassador",
    "Chief Negotiator",
    "Chairman",
    "King",
    "Queen",
    "Senator",
    "Ayatollah",
    "Minister",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
)
"""Titles that an English text writes before a person's name (longest first)."""
_EN_NOT_NAME = frozenset(
    [
        *CALENDAR_NAMES,
        "The",
        "And",
        "Of",
        "On",
        "In",
        "At",
        "For",
        "To",
        "Administration",
        "Government",
        "Cabinet",
        "Office",
        "House",
        "Council",
    ]
)
_EN_ROLES = (
    r"(?:(?:chief|top|senior|deputy|special|nuclear|opposition|rebel|party)\s+)?"
    r"(?:leader|negotiator|envoy|spokesman|spokeswoman|spokesperson|commander)"
)
"""Role nouns written in lower case before a name ("opposition leader Alvaro Uribe", "chief
negotiator ..."), with the modifiers that may come before them."""
_EN_TITLED = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in _EN_PERSON_TITLES) + "|" + _EN_ROLES + r")\s+"
    r"((?:[A-Z][a-z'’\-]+|[A-Z]{1}[a-z]*-[A-Z]?[a-z]+)(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’\-]+){0,2})"
)
_EN_STATE_BEFORE_TITLE = re.compile(r"(?:'s|’s)?\s*$")


@dataclass
class TitledPersons:
    """The persons one English document names by a title, and their short names so far.

    :meth:`find` reads the document's sentences in order (a new instance per document)."""

    lang: Lang
    names: dict[str, str] = field(default_factory=dict)
    """Proposed id -> the name as first written."""
    _shorts: dict[str, str] = field(default_factory=dict)

    def find(self, flat: str, known: Sequence[ActorMention]) -> list[ActorMention]:
        """Mentions of titled persons in ``flat`` and of their short names, none overlapping ``known``."""
        if self.lang != "en":
            return []
        from hexatable.ingest.gazetteer import suggest_id

        found: list[ActorMention] = []
        taken = [(m.start, m.end) for m in known]
        for match in _EN_TITLED.finditer(flat):
            words = match.group(1).split()
            if words and words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]  # "Prime Minister Abe's visit"
            while words and words[-1] in _EN_NOT_NAME:
                words.pop()
            if not words or words[0] in _EN_NOT_NAME:
                continue
            start = match.start(1)
            end = start + len(" ".join(words))
            if flat[start:end] != " ".join(words):
                end = match.end(1)
            if _overlaps(taken, match.start(), end) or _state_before(flat, match.start(), known):
                continue
            name = flat[start:end]
            # a short name alone ("President Santos") is the person named in full before; a full name
            # is its own person (Kim Dae-jung and Kim Jong Il share "Kim")
            known_short = self._shorts.get(name) if len(words) == 1 else None
            actor = known_short or suggest_id(name)
            self.names.setdefault(actor, name)
            parts = name.split()
            for part in {parts[0], parts[-1]} if len(parts) > 1 else set():
                self._shorts[part] = actor  # a short name two persons share is the one named last
            found.append(ActorMention(start, end, name, actor, "proposed"))
            taken.append((match.start(), end))
            if len(parts) == 1:
                self._shorts.setdefault(name, actor)
        for short, actor in self._shorts.items():
            for hit in re.finditer(rf"(?<![\w'’\-]){re.escape(short)}(?![\w'’\-])", flat):
                if not _overlaps(taken, hit.start(), hit.end()) and not _in_longer_name(
                    flat, hit.start(), hit.end()
                ):
                    found.append(ActorMention(hit.start(), hit.end(), short, actor, "proposed"))
                    taken.append((hit.start(), hit.end()))
        return sorted(found, key=lambda m: m.start)


def _overlaps(spans: Sequence[Span], start: int, end: int) -> bool:
    return any(low < end and start < high for low, high in spans)


def _state_before(flat: str, title_start: int, known: Sequence[ActorMention]) -> bool:
    """A state or its adjective written right before the title ("Iranian Foreign Minister", "Iran's")."""
    for mention in known:
        if mention.end <= title_start and _EN_STATE_BEFORE_TITLE.fullmatch(flat[mention.end : title_start]):
            return True
    return False


def _in_longer_name(flat: str, start: int, end: int) -> bool:
    """A short name joined to another capitalised word ("Santos Cruz") is part of another name."""
    before = re.search(r"[A-Z][\w'’\-]*\s+$", flat[max(0, start - 30) : start])
    after = re.match(r"\s+[A-Z][a-z]", flat[end : end + 3])
    joined = before is not None and before.group().strip() not in _EN_LEADING | _EN_NOT_NAME
    return bool(after) or joined


def merge(known: Sequence[ActorMention], extra: Sequence[ActorMention]) -> list[ActorMention]:
    """``known`` and the ``extra`` mentions that overlap none of them, in order of position."""
    if not extra:
        return list(known)
    spans = [(m.start, m.end) for m in known]
    kept = [replace(m) for m in extra if not _overlaps(spans, m.start, m.end)]
    return sorted([*known, *kept], key=lambda m: (m.start, -m.end))
