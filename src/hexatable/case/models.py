"""The case model: typed records for a multilateral negotiation.

Every fact (actor, session, delegation, position, document, commitment, event, issue) carries
``provenance``: at least one :class:`Citation` naming a source, a locator and a verbatim quote, and
whether the fact is *stated* there or *inferred* (with the reason). Cross-references between records
(an event's actors, a document's session, a commitment's conditions) are typed with :class:`Ref`
markers, so the loader can check them all with one walk (see :mod:`hexatable.case.references`).

The YAML form of each record is documented in ``docs/case-format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from hexatable.case.cameo import CameoCode
from hexatable.case.dates import DateSpan, PartialDate
from hexatable.case.text import Aliases, LanguageCode, Names, NonEmpty, Text

# --- identifiers and references ----------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ACTOR_ID_PATTERN = r"^(?:[A-Z][A-Z0-9]{1,15}|[a-z0-9]+(?:-[a-z0-9]+)*)$"
PATTERN_HINTS = {
    ID_PATTERN: "an id is lower-case words and digits joined by '-' (round-4-phase-2)",
    ACTOR_ID_PATTERN: (
        "an actor id is ISO 3166 alpha-3 (PRK), an acronym (IAEA) "
        "or lower-case words joined by '-' (kim-jong-un)"
    ),
}
"""Readable explanations of the id patterns, for error messages."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
"""Lower-case words and digits joined by ``-``: ``round-4-phase-2``."""

MAX_POINTS = 1e9
"""The largest score a sheet may give (in absolute value)."""

ActorId = Annotated[
    str,
    StringConstraints(pattern=ACTOR_ID_PATTERN, max_length=120),
]
"""ISO 3166 alpha-3 for states (``PRK``), an acronym for organisations (``IAEA``), or lower-case words
joined by ``-`` for persons and groups (``kim-jong-un``)."""


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record in ``collection``."""

    collection: Literal["sources", "actors", "issues", "sessions", "documents", "commitments"]


ActorRef = Annotated[ActorId, Ref("actors")]
SourceRef = Annotated[Id, Ref("sources")]
SessionRef = Annotated[Id, Ref("sessions")]
DocumentRef = Annotated[Id, Ref("documents")]
CommitmentRef = Annotated[Id, Ref("commitments")]
IssueRef = Annotated[Id, Ref("issues")]


class Record(BaseModel):
    """Base of every record: unknown fields are errors; records are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


# --- provenance ---------------------------------------------------------------------------------


class Basis(StrEnum):
    """Whether a fact is said in the source or deduced from it."""

    STATED = "stated"
    INFERRED = "inferred"


class Citation(Record):
    """Where a fact comes from: a source, a place in it, and a short verbatim quote."""

    source: SourceRef
    locator: NonEmpty = Field(
        description="Section and/or line(s) of the source: 'section › sub, line 12' or 'lines 12-14'."
    )
    quote: NonEmpty = Field(description="A short verbatim quote in the source's language.")
    basis: Basis = Basis.STATED
    reason: NonEmpty | None = Field(
        default=None, description="Why the fact is inferred; required when basis is inferred."
    )

    @model_validator(mode="after")
    def _inferred_needs_reason(self) -> Self:
        if self.basis is Basis.INFERRED and not self.reason:
            raise ValueError("an inferred fact needs a reason")
        return self


Provenance = Annotated[list[Citation], Field(min_length=1)]


class Fact(Record):
    """A record that states something about the world, and so must cite its source."""

    provenance: Provenance


# --- sources and actors -------------------------------------------------------------------------


class SourceKind(StrEnum):
    ENCYCLOPEDIA = "encyclopedia"
    ANALYSIS = "analysis"
    CHRONOLOGY = "chronology"
    ESSAY = "essay"
    OFFICIAL_DOCUMENT = "official_document"
    NEWS = "news"
    OTHER = "other"


class Source(Record):
    """A document the facts of a case are drawn from."""

    id: Id
    title: Text
    language: LanguageCode
    kind: SourceKind
    file: NonEmpty | None = None
    url: NonEmpty | None = None
    date: DateSpan | None = None
    author: NonEmpty | None = None


class ActorKind(StrEnum):
    STATE = "state"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    PERSON = "person"
    GROUP = "group"


class Actor(Fact):
    """A state, organisation, person or group that takes part in or acts on a negotiation."""

    id: ActorId
    kind: ActorKind
    names: Names
    short: Text | None = None
    aliases: Aliases
    affiliation: ActorRef | None = Field(
        default=None, description="For persons and groups: the actor they belong to."
    )

    def all_names(self) -> list[str]:
        """Every name, short name and alias in every language."""
        found = [*self.names.values(), *(self.short or {}).values()]
        for names in self.aliases.values():
            found.extend(names)
        return found


# --- agenda -------------------------------------------------------------------------------------


class IssueKind(StrEnum):
    OPTIONS = "options"
    SCALE = "scale"


class Option(Record):
    id: Id
    label: Text


class Scale(Record):
    min: float
    max: float
    low: Text = Field(description="What the low end of the scale means.")
    high: Text = Field(description="What the high end of the scale means.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max <= self.min:
            raise ValueError(f"max {self.max} is not above min {self.min}")
        return self


class Issue(Fact):
    """An item of the negotiation agenda: discrete options or a numeric scale."""

    id: Id
    title: Text
    kind: IssueKind
    options: list[Option] = Field(default_factory=list)
    scale: Scale | None = None

    @model_validator(mode="after")
    def _shape_matches_kind(self) -> Self:
        if self.kind is IssueKind.OPTIONS and len(self.options) < 2:
            raise ValueError("an issue of kind 'options' needs at least two options")
        if self.kind is IssueKind.SCALE and self.scale is None:
            raise ValueError("an issue of kind 'scale' needs a scale")
        return self


# --- sessions -----------------------------------------------------------------------------------


class SessionKind(StrEnum):
    TRILATERAL_TALKS = "trilateral_talks"
    ROUND = "round"
    PHASE = "phase"
    HEADS_OF_DELEGATION_MEETING = "heads_of_delegation_meeting"
    WORKING_GROUP = "working_group"
    SUMMIT = "summit"
    BILATERAL_MEETING = "bilateral_meeting"
    DIALOGUE = "dialogue"
    CONFERENCE = "conference"
    TRACK = "track"


class SessionStatus(StrEnum):
    HELD = "held"
    PROPOSED = "proposed"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class Head(Record):
    """The head of a delegation, as the source names them."""

    name: Text
    title: Text | None = None
    person: ActorRef | None = None


class Delegation(Fact):
    """A party's delegation at a session."""

    actor: ActorRef
    head: Head | None = None


class Position(Fact):
    """A party's stated position at a session."""

    actor: ActorRef
    text: Text


class Session(Fact):
    """A meeting of the negotiation structure: talks, a round, a phase, a working group, a summit."""

    id: Id
    kind: SessionKind
    status: SessionStatus = SessionStatus.HELD
    title: Text
    parent: SessionRef | None = None
    date: DateSpan | None = None
    venue: Text | None = None
    chair: ActorRef | None = None
    parties: list[ActorRef] = Field(default_factory=list)
    delegations: list[Delegation] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    summary: Text | None = None

    def party_ids(self) -> list[str]:
        """The parties: as listed, else the delegations' actors."""
        return list(self.parties) or [d.actor for d in self.delegations]


# --- documents and commitments ------------------------------------------------------------------


class DocumentKind(StrEnum):
    CHAIRMANS_STATEMENT = "chairmans_statement"
    JOINT_STATEMENT = "joint_statement"
    JOINT_DOCUMENT = "joint_document"
    AGREEMENT = "agreement"
    PRESS_COMMUNIQUE = "press_communique"
    PROPOSAL = "proposal"
    STATEMENT = "statement"
    WORKING_PAPER = "working_paper"
    DECLARATION = "declaration"
    OTHER = "other"


class Quantity(Record):
    """An amount with its unit: ``{amount: 50000, unit: t, of: {en: heavy fuel oil}}``."""

    amount: float = Field(ge=0)
    unit: NonEmpty
    of: Text | None = None


class Deadline(Record):
    """A date by which, or a number of days after the document within which, to act."""

    by: PartialDate | None = None
    within_days: int | None = Field(default=None, gt=0)
    text: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.by is None) == (self.within_days is None):
            raise ValueError("give exactly one of 'by' (a date) or 'within_days'")
        return self


class ConditionKind(StrEnum):
    IN_PARALLEL_WITH = "in_parallel_with"
    UPON = "upon"
    AFTER = "after"
    IN_EXCHANGE_FOR = "in_exchange_for"
    SUBJECT_TO = "subject_to"


class Condition(Record):
    """What triggers or gates a commitment: another commitment, or a condition in words."""

    kind: ConditionKind
    commitment: CommitmentRef | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if self.commitment is None and self.text is None:
            raise ValueError("a condition needs a 'commitment' or a 'text'")
        return self


class Commitment(Fact):
    """An undertaking in a document: who does what, for whom, how much, by when, on what condition."""

    id: Id
    obligors: Annotated[list[ActorRef], Field(min_length=1)]
    action: Text
    beneficiaries: list[ActorRef] = Field(default_factory=list)
    quantity: Quantity | None = None
    deadline: Deadline | None = None
    conditions: list[Condition] = Field(default_factory=list)
    verifier: ActorRef | None = None
    text: Text | None = None


class Document(Fact):
    """A statement, agreement or proposal produced in the talks, with its commitments."""

    id: Id
    kind: DocumentKind
    title: Text
    date: DateSpan | None = None
    session: SessionRef | None = None
    parties: list[ActorRef] = Field(default_factory=list)
    summary: Text | None = None
    commitments: list[Commitment] = Field(default_factory=list)


# --- events -------------------------------------------------------------------------------------


class Event(Fact):
    """A dated happening on the timeline, typed by its CAMEO root code."""

    id: Id
    date: DateSpan
    actors: Annotated[list[ActorRef], Field(min_length=1)]
    targets: list[ActorRef] = Field(default_factory=list)
    cameo: CameoCode
    text: Text
    session: SessionRef | None = None
    document: DocumentRef | None = None


# --- the implementation ledger ----------------------------------------------------------------


class ImplementationStatus(StrEnum):
    """How far a commitment is carried out, on the Peace Accords Matrix scale, plus two flags.

    ``not-begun`` 0, ``minimal`` 1, ``intermediate`` 2, ``complete`` 3 are the PAM scores;
    ``reversed`` (what was done is undone) scores 0 and ``suspended`` (work stopped, nothing undone)
    keeps the score the commitment had before (:func:`hexatable.ledger.pam_score`).
    """

    NOT_BEGUN = "not-begun"
    MINIMAL = "minimal"
    INTERMEDIATE = "intermediate"
    COMPLETE = "complete"
    REVERSED = "reversed"
    SUSPENDED = "suspended"


class ImplementationClaim(Record):
    """What a party said it had done: by whom and when (the entry's date when omitted)."""

    by: Annotated[list[ActorRef], Field(min_length=1)]
    date: DateSpan | None = None
    text: Text | None = None


class ImplementationVerification(Record):
    """Who confirmed the entry, when and how; an entry without one is unverified."""

    by: Annotated[list[ActorRef], Field(min_length=1)]
    date: DateSpan
    method: Text | None = None


class Delivery(Record):
    """An increment delivered in one entry, in the unit of the commitment's quantity."""

    amount: float = Field(ge=0, allow_inf_nan=False)
    unit: NonEmpty
    by: ActorRef = Field(description="The supplier.")


class Implementation(Fact):
    """One dated entry of a commitment's implementation history (the ``implementation`` collection).

    The entries of a commitment, in date order, are its ledger: the status reached or holding on
    ``date``, what was claimed and what was verified, and any quantity delivered. The loader checks them
    against the commitment (:mod:`hexatable.case.ledger_checks`); :mod:`hexatable.ledger` queries them.
    """

    id: Id
    commitment: CommitmentRef
    date: DateSpan = Field(description="When this status was reached or held.")
    status: ImplementationStatus
    actors: list[ActorRef] = Field(
        default_factory=list, description="Who acted; empty means the commitment's obligors."
    )
    text: Text
    claim: ImplementationClaim | None = None
    verification: ImplementationVerification | None = None
    delivered: Delivery | None = None


# --- exercise scenarios -------------------------------------------------------------------------


Points = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_POINTS, le=MAX_POINTS)]
"""A score on a sheet: finite and at most a billion either way (NaN, infinities or 1e308 would make every
sum and comparison of the negotiation meaningless without a word)."""


class Interaction(Record):
    """Points a party gains (or loses, if negative) when options of several issues come together.

    ``options`` maps issue ids to the option that must be chosen: ``{prk-step: dismantle,
    verification: sampling}``.
    """

    options: Annotated[dict[IssueRef, Id], Field(min_length=2)]
    points: Points
    text: Text | None = None


class ScoreSheet(Fact):
    """A party's confidential score sheet: points per option, interactions and its reservation value.

    ``points`` maps each issue of the scenario to a mapping from each of its options to points. The
    ``reservation`` value is what no agreement is worth to the party (its BATNA): an agreement scoring
    less is worse than none. ``must_have`` maps issues to the options the party cannot do without: an
    outcome lacking one of them scores at most the reservation value less one point, whatever its other
    points (a red line, not a weight). ``needs`` names the parties without which an agreement is worth
    nothing to this party: if one of them walks out, it will not go on. ``opening`` is the package the
    party first put on the table (one option per issue): its delegate opens by asking for that package's
    score instead of its best possible one. ``brief`` is the confidential brief its delegation reads.
    """

    seat: ActorRef
    reservation: Points
    points: dict[IssueRef, dict[Id, Points]]
    interactions: list[Interaction] = Field(default_factory=list)
    must_have: dict[IssueRef, Annotated[list[Id], Field(min_length=1)]] = Field(default_factory=dict)
    needs: list[ActorRef] = Field(default_factory=list)
    opening: dict[IssueRef, Id] | None = None
    brief: Text | None = None


class Belief(Fact):
    """What one seat believes, before the talks, about another seat's reservation value and weights.

    A seat never sees another's sheet. It starts each run from an *estimate* of the other's reservation
    value drawn from a normal prior centred on the true value plus ``shift`` with standard deviation
    ``spread``, and from the other's issue weights each scaled by a log-normal factor of spread
    ``weight_noise``; it then learns from what it observes (``docs/negotiate.md``). ``shift`` is a
    *misperception*: negative when the holder believes the other would settle for less than it would,
    positive when it believes the other needs more. ``None`` takes the engine's default.
    """

    holder: ActorRef
    about: ActorRef
    shift: Annotated[float, Field(allow_inf_nan=False)] = 0.0
    spread: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    weight_noise: Annotated[float, Field(ge=0, le=2, allow_inf_nan=False)] | None = None


class Scenario(Fact):
    """A scored negotiation exercise: an agenda of issues with options, seats, and a sheet per seat.

    ``beliefs`` declare the seats' priors about each other (pairs not listed take the engine's default
    prior, centred on the truth). A bilateral side room is chaired by the talks' chair, who sits in it
    as mediator, unless ``side_room_chair`` names another seat (one of the pair: then it is just the two).
    """

    id: Id
    title: Text
    summary: Text | None = None
    issues: Annotated[list[IssueRef], Field(min_length=1)]
    seats: Annotated[list[ActorRef], Field(min_length=2)]
    chair: ActorRef | None = None
    sheets: list[ScoreSheet]
    beliefs: list[Belief] = Field(default_factory=list)
    side_room_chair: ActorRef | None = None


# --- the engines' inputs (records in their own modules, which need Fact and the refs above) -------

from hexatable.case.conflict_models import Conflict as Conflict  # noqa: E402
from hexatable.case.forecast_models import Forecast as Forecast  # noqa: E402
from hexatable.case.roadmap_models import Roadmap  # noqa: E402

# --- the case -----------------------------------------------------------------------------------


class CaseInfo(Record):
    """What the case is: its id, title, summary and the negotiating parties."""

    id: Id
    title: Text
    summary: Text | None = None
    parties: list[ActorRef] = Field(default_factory=list)


class Case(Record):
    """A whole case, loaded and checked: every reference resolves.

    Build one with :func:`hexatable.case.load_case`; the constructor does not check references.
    """

    info: CaseInfo
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    roadmaps: list[Roadmap] = Field(default_factory=list)
    forecasts: list[Forecast] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    implementation: list[Implementation] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.info.id

    @cached_property
    def actor_index(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def session_index(self) -> dict[str, Session]:
        return {session.id: session for session in self.sessions}

    @cached_property
    def source_index(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def document_index(self) -> dict[str, Document]:
        return {document.id: document for document in self.documents}

    @cached_property
    def issue_index(self) -> dict[str, Issue]:
        return {issue.id: issue for issue in self.issues}

    @cached_property
    def scenario_index(self) -> dict[str, Scenario]:
        return {scenario.id: scenario for scenario in self.scenarios}

    def commitments(self) -> list[Commitment]:
        """Every commitment of every document."""
        return [c for document in self.documents for c in document.commitments]

    def documents_of(self, session_id: str) -> list[Document]:
        """The documents a session produced, by date."""
        return sorted((d for d in self.documents if d.session == session_id), key=document_sort_key)

    def children_of(self, session_id: str | None) -> list[Session]:
        """The sessions whose parent is ``session_id`` (``None``: the top-level sessions), by date."""
        found = [s for s in self.sessions if s.parent == session_id]
        return sorted(found, key=session_sort_key)


def document_sort_key(document: Document) -> tuple[object, ...]:
    """Undated documents first, then by date and id."""
    return (document.date.sort_key() if document.date else (), document.id)


def session_sort_key(session: Session) -> tuple[object, ...]:
    """Dated sessions by date, then undated ones by id."""
    if session.date is None:
        return (1, (), session.id)
    return (0, session.date.sort_key(), session.id)


class CaseFile(Record):
    """One YAML file of a case folder: any of the collections, ``case`` in exactly one file.

    This is the model the published JSON Schema (``hexatable schema``) describes.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"title": "hexatable case file"},
    )

    case: CaseInfo | None = None
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    roadmaps: list[Roadmap] = Field(default_factory=list)
    forecasts: list[Forecast] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    implementation: list[Implementation] = Field(default_factory=list)


COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "actors": Actor,
    "issues": Issue,
    "sessions": Session,
    "documents": Document,
    "events": Event,
    "scenarios": Scenario,
    "roadmaps": Roadmap,
    "forecasts": Forecast,
    "conflicts": Conflict,
    "implementation": Implementation,
}
"""The list-valued top-level keys of a case file and the record type of their items."""
