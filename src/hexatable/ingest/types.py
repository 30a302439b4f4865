"""The shared vocabulary of ``hexatable.ingest``: what each step finds in a text, as plain records.

Every record points back into the text it came from with character offsets (``start``, ``end``),
so the draft case can quote the text verbatim and the review page can highlight it. Offsets are
into the string the step was given; callers that pass a sentence add the sentence's own offset.

The steps, each a pure function of its input:

- dates (:mod:`hexatable.ingest.dates`): a :class:`DateFinder` reads sentences in order and keeps
  a running context (the year and month last said), so "7月14日" after "2007年…" is 2007-07-14 and
  "次日" is the day after the last full date. Never resolved against today's date.
- actors (:mod:`hexatable.ingest.gazetteer`): names and aliases in both languages, from the target
  case and a built-in list of states and organisations, each an :class:`ActorMention`.
- event types (:mod:`hexatable.ingest.verbs`): verb cues in both languages, each a :class:`Cue`
  naming a CAMEO root code.
- extraction (:mod:`hexatable.ingest.extract`): sentences of a document become
  :class:`DraftEvent` records with a confidence, which the draft writer turns into case YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from hexatable.case.dates import DateSpan

Lang = Literal["zh", "en"]
"""The languages ingest reads. ``auto`` on the command line is resolved to one of these per file."""

PeriodChoice = Literal["contain", "range"]
"""How a vague part of a period (年初, 月底, "early July") is dated: ``contain``, the dating convention of
docs/case-format.md, writes the period that surely contains it (年初 of 2007 is ``2007``, 7月初 is
``2007-07``); ``range`` writes sharp bounds the text does not give (months 1-3, days 1-10). A defined
part (上旬, 上半年, 第一季度, a season) is a range either way: its bounds are fixed by definition."""

ActorOrigin = Literal["case", "gazetteer", "proposed", "user"]
"""Where an actor mention's id came from: the target case, the built-in gazetteer, a name nobody
knows (proposed as a new actor for review), or a user's gazetteer file."""


@dataclass(frozen=True)
class DateMention:
    """A date said in the text, resolved against the running context.

    ``inferred`` is true when part of the date did not come from these characters (the year carried
    from an earlier sentence, "次日" counted from the last day named); ``rule`` names the pattern
    that matched, for review ("zh-ymd", "zh-md+year", "zh-next-day", "en-mdy", ...).
    """

    start: int
    end: int
    text: str
    date: DateSpan
    rule: str
    inferred: bool = False
    anchor: bool = True
    """Whether this mention moved the running context (the time of the narration). False for a date
    in quotation marks, a plan (将于6月12日), a bound (2003年以来) or a back-reference (去年 6 月 in a
    2019 narration); docs/ingest-dates.md gives the rule."""
    aside: bool = False
    """Whether the date never dates its clause's act, whatever the context: a plan ("will meet on
    Friday", 将于6月12日), a bound ("since March", 2003年以来) or a date naming a thing ("the February
    deal"). Set by the date finder, which reads it from the words around the date; rule 3e of the
    extraction asks it of a reported clause."""
    period: PeriodChoice | None = None
    """For a vague part of a period (年初, 月底, "early July"; the rule ends in ``+early`` ...): how it was
    dated, ``contain`` (as the containing year or month) or ``range`` (sharp bounds); None for every
    other date, a defined part (上旬, 上半年, a season) included."""


class DateFinder(Protocol):
    """Finds and resolves dates in consecutive pieces of one text, keeping the running context."""

    def find(self, text: str) -> list[DateMention]:
        """Dates in ``text`` in order of position; later calls see the context this call left."""
        ...


@dataclass(frozen=True)
class ActorMention:
    """A name of an actor in the text.

    ``actor`` is an actor id as the built-in cases spell them (ISO 3166-1 alpha-3 for states,
    short ids for organisations, lower-case words for persons). ``state`` is the state a person
    belongs to when the case says so (``affiliation``). For a proposed actor, ``actor`` is a
    suggested id made from the name and ``origin`` is ``"proposed"``.
    """

    start: int
    end: int
    text: str
    actor: str
    origin: ActorOrigin
    state: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The mention as ``--json`` and the review page give it (offsets left out)."""
        return {"id": self.actor, "text": self.text, "origin": self.origin, "state": self.state}


@dataclass(frozen=True)
class Cue:
    """A verb (or verb phrase) that signals an event type, from the verb dictionary."""

    start: int
    end: int
    text: str
    cameo: int
    entry: str
    """The dictionary entry that matched, so a reviewer can find and correct it."""
    weight: float = 1.0
    """How strongly the entry signals its code (1 = unambiguous); used to rank competing cues."""
    fallback: bool = field(default=False, repr=False)
    """Whether the entry types a clause only when the clause has no other cue (a weak, many-sensed
    verb: join, establish, destroy, recognize): :func:`hexatable.ingest.cue_fallbacks.fallbacks_yield`."""


@dataclass(frozen=True)
class ProposedActor:
    """A name the gazetteer does not know, proposed as a new actor record for review."""

    id: str
    name: str
    lang: Lang
    kind: Literal["state", "organisation", "person", "group", "other"] = "other"
    first_line: int = 0


NOTES: dict[str, str] = {
    "no-date": "line %(line)s: '%(cue)s' by %(actor)s has no date to attach",
    "no-quote": "line %(line)s: no quote of this clause passes the quote check",
    "no-actor": (
        "line %(line)s: '%(cue)s' (%(date)s) has no actor the gazetteer or the case knows, "
        "so it is not an event"
    ),
    "date-dateline": "the clause says no date: the date is the day of writing (dateline or source date)",
    "date-inherited": "the date (%(date)s) is inherited from an earlier sentence of the paragraph",
    "date-heading": (
        "the date (%(date)s) is that of the heading on line %(line)s, which the entries under it share"
    ),
    "date-from-writing": "the date (%(date)s) counts from the day of writing (dateline or source date)",
    "date-context": "part of the date (%(date)s) comes from the text's running context",
    "date-part-of-month": (
        "'%(date)s' is written as the month (%(value)s), by the dating convention: a vague part of a "
        "month claims no days"
    ),
    "date-part-of-year": (
        "'%(date)s' is written as the year (%(value)s), by the dating convention: a vague part of a "
        "year claims no months"
    ),
    "date-part-range": "'%(date)s' is read as %(value)s (periods: range): bounds the text does not give",
    "subject-inherited": "the actors are those of the clause before (the subject is left out)",
    "reference-person": "'%(word)s' is read as %(names)s (the last person named before it)",
    "reference-pair": "'%(word)s' is read as %(names)s (the last pair named before it)",
    "reference-all": "'%(word)s' is read as %(names)s (the last three or more parties named before it)",
    "reference-state": "'%(word)s' is read as %(names)s (the last state named before it)",
    "reference-organisation": "'%(word)s' is read as %(names)s (the last organisation named before it)",
    "corrected": "corrected in review: %(fields)s",
}
"""The English text of each :class:`Note` id, a ``%``-format template over its parameters: the
extractor's warnings and the reasons an event is ``basis: inferred``. An interface in another
language translates the template by the id (the review page, through its Babel catalog); the
command line, ``--json`` and the draft's YAML say the English."""


@dataclass(frozen=True)
class Note:
    """A message ingest gives a reviewer (a warning, a reason an event is inferred): an id of
    :data:`NOTES` and its parameters, so each interface can say it in its own language.

    A parameter is a string or number put in as it is, or a tuple of words (field names) that an
    interface translates one by one; ``str()`` is the English text.

    >>> str(Note("date-context", (("date", "3月19日"),)))
    "part of the date (3月19日) comes from the text's running context"
    >>> str(Note("corrected", (("fields", ("date", "CAMEO root")),)))
    'corrected in review: date, CAMEO root'
    """

    id: str
    params: tuple[tuple[str, str | int | tuple[str, ...]], ...] = ()

    def __post_init__(self) -> None:
        if self.id not in NOTES:
            raise ValueError(f"unknown note id {self.id!r}; the ids are those of NOTES")

    @property
    def template(self) -> str:
        """The English template of this note's id (the catalog's msgid)."""
        return NOTES[self.id]

    def values(self, join: str = ", ") -> dict[str, str | int]:
        """The parameters for the template, a tuple of words joined by ``join``."""
        return {k: join.join(v) if isinstance(v, tuple) else v for k, v in self.params}

    def __str__(self) -> str:
        return self.template % self.values()


@dataclass(frozen=True)
class DraftEvent:
    """One extracted event, ready for review and for writing as a case ``events`` record.

    ``quote`` is a verbatim piece of the source that starts on ``line`` (1-based), as the case
    loader's quote check requires; ``start``/``end`` are the offsets of the whole sentence in the
    document's text, for highlighting.
    """

    id: str
    source: str
    line: int
    end_line: int
    start: int
    end: int
    sentence: str
    quote: str
    date: DateMention
    actors: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    cameo: int
    cue: Cue | None
    confidence: float
    text: dict[str, str] = field(default_factory=dict)
    """The event said in ``en`` and ``zh``: the sentence itself in its language, a templated rendering
    in the other (our own words, marked as a draft)."""
    inferred: tuple[Note, ...] = ()
    """What in this event came from context rather than from its own clause (a date inherited from
    an earlier sentence or a heading, a year carried over, a subject left out), as notes: the draft
    writes their English text as the citation's ``basis: inferred`` reason. Empty when everything is
    said in the quoted clause."""

    def to_json(self) -> dict[str, Any]:
        """The event as ``--json`` gives it (documented in docs/cli.md); the review page adds to it."""
        cue = self.cue
        return {
            "id": self.id,
            "source": self.source,
            "line": self.line,
            "end_line": self.end_line,
            "date": str(self.date.date),
            "date_text": self.date.text,
            "date_rule": self.date.rule,
            "date_inferred": self.date.inferred,
            "date_period": self.date.period,
            "actors": [m.to_json() for m in self.actors],
            "targets": [m.to_json() for m in self.targets],
            "cameo": self.cameo,
            "cue": None if cue is None else {"text": cue.text, "entry": cue.entry, "cameo": cue.cameo},
            "confidence": self.confidence,
            "quote": self.quote,
            "text": self.text,
        }
