"""The chair-mediated single-text protocol as a state machine over events.

This is how the chair drafted the Joint Statement of 2005 and the documents of 2007: the chair
tables a draft package (a *version* of the single text); each seated party supports it, objects to
it naming the issue it objects to, or reserves; the chair revises; agreement is consensus, every
seated party supporting the same version. A party may walk out (the talks then continue or fail, by
rule) and return. The talks fail when the last draft allowed by the deadline is answered without
consensus, when fewer than two parties remain seated, or when the chair closes them. The chair may
call a recess between rounds (only messages, walk-outs and returns are allowed until it resumes).

:func:`apply` takes a state and an event and returns the next state, or raises
:class:`IllegalEventError` with the reason and changes nothing (states are immutable). :func:`replay`
folds a log of events, so a session is rebuilt exactly from its log: the same code serves headless
simulation and the live room.

>>> rules = Rules(seats=("CHN", "PRK", "USA"), chair="CHN", agenda=(("hfo", ("none", "50kt")),))
>>> state = replay(rules, [TableDraft("CHN", ("50kt",)), Support("PRK", 1), Support("USA", 1)])
>>> state.status, state.agreement
('open', None)
>>> apply(state, Support("CHN", 1)).status
'agreed'
>>> apply(state, Support("RUS", 1))
Traceback (most recent call last):
...
hexatable.negotiate.protocol.IllegalEventError: seat 'RUS' is not in this session
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import Any, Literal, TypeVar

Status = Literal["open", "agreed", "agreed-without", "failed"]
"""``agreed-without``: agreed by the parties still at the table while some that walked out stay away."""
WalkOutRule = Literal["vote", "continue", "fail"]
"""After a walk-out: ``vote`` — the talks go on only if every party still at the table says so (each
answers with :class:`GoOn`); ``continue`` — they go on; ``fail`` — they end."""
Agenda = tuple[tuple[str, tuple[str, ...]], ...]


class IllegalEventError(ValueError):
    """An event the rules do not allow in this state; the state is unchanged."""


# --- events -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableDraft:
    """The chair tables a new version of the single text: one option per agenda issue."""

    seat: str
    options: tuple[str, ...]
    type: Literal["table_draft"] = "table_draft"


@dataclass(frozen=True, slots=True)
class Support:
    """A party supports a version."""

    seat: str
    version: int
    type: Literal["support"] = "support"


@dataclass(frozen=True, slots=True)
class Object:
    """A party objects to a version, naming the issue it objects to and, optionally, the option it
    needs there (``toward``)."""

    seat: str
    version: int
    issue: str
    type: Literal["object"] = "object"
    toward: str | None = None


@dataclass(frozen=True, slots=True)
class GoOn:
    """After a walk-out (rule ``vote``), a party still at the table says whether it goes on without the
    party that left."""

    seat: str
    go_on: bool
    type: Literal["go_on"] = "go_on"


@dataclass(frozen=True, slots=True)
class Reserve:
    """A party neither supports nor objects for now."""

    seat: str
    version: int
    type: Literal["reserve"] = "reserve"


@dataclass(frozen=True, slots=True)
class Amend:
    """A party proposes an amendment to a version: other options on some issues. It is a proposal
    to the chair and the table; it changes no answer and no draft."""

    seat: str
    version: int
    changes: Mapping[str, str]
    type: Literal["amend"] = "amend"


@dataclass(frozen=True, slots=True)
class WalkOut:
    """A party leaves the table."""

    seat: str
    type: Literal["walk_out"] = "walk_out"


@dataclass(frozen=True, slots=True)
class Return:
    """A party that walked out comes back."""

    seat: str
    type: Literal["return"] = "return"


@dataclass(frozen=True, slots=True)
class Recess:
    """The chair suspends the round: no drafts or answers until it resumes."""

    seat: str
    type: Literal["recess"] = "recess"


@dataclass(frozen=True, slots=True)
class Resume:
    """The chair opens the next round after a recess."""

    seat: str
    type: Literal["resume"] = "resume"


@dataclass(frozen=True, slots=True)
class Close:
    """The chair ends the talks without agreement."""

    seat: str
    type: Literal["close"] = "close"


@dataclass(frozen=True, slots=True)
class TimeUp:
    """The clock has run out (recorded in the chair's name): the talks end without agreement."""

    seat: str
    type: Literal["time_up"] = "time_up"


@dataclass(frozen=True, slots=True)
class Message:
    """A message to the plenary; it changes nothing but the log."""

    seat: str
    text: str
    type: Literal["message"] = "message"


Event = (
    TableDraft
    | Support
    | Object
    | Reserve
    | Amend
    | WalkOut
    | Return
    | Recess
    | Resume
    | Close
    | TimeUp
    | Message
    | GoOn
)
Response = Support | Object | Reserve

_EVENT_TYPES: dict[str, type[Event]] = {
    "table_draft": TableDraft,
    "support": Support,
    "object": Object,
    "reserve": Reserve,
    "amend": Amend,
    "walk_out": WalkOut,
    "return": Return,
    "recess": Recess,
    "resume": Resume,
    "close": Close,
    "time_up": TimeUp,
    "message": Message,
    "go_on": GoOn,
}


def event_to_dict(event: Any) -> dict[str, Any]:
    """An event (of any protocol) as plain JSON-ready data (``type`` names its kind)."""
    return {
        key: list(value) if isinstance(value, tuple) else dict(value) if isinstance(value, Mapping) else value
        for key, value in asdict(event).items()
    }


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """Rebuild an event from :func:`event_to_dict`'s form; ``ValueError`` if it is malformed."""
    kind = data.get("type")
    if kind not in _EVENT_TYPES:
        raise ValueError(f"unknown event type {kind!r}; use one of {', '.join(_EVENT_TYPES)}")
    fields = {k: v for k, v in data.items() if k != "type"}
    if kind == "table_draft" and isinstance(fields.get("options"), list):
        fields["options"] = tuple(fields["options"])
    if kind == "amend" and not isinstance(fields.get("changes"), dict):
        raise ValueError("malformed amend event: 'changes' maps issues to options")
    try:
        return _EVENT_TYPES[kind](**fields)
    except TypeError as error:
        raise ValueError(f"malformed {kind} event: {error}") from None


@cache
def _issue_ids(agenda: Agenda) -> tuple[str, ...]:
    return tuple(issue for issue, _ in agenda)


# --- rules and state ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rules:
    """What is fixed for a session: seats, chair, agenda, deadline and the walk-out rule.

    ``max_drafts`` is the deadline: the talks fail once the last allowed draft has been answered
    by every seated party without consensus.
    """

    seats: tuple[str, ...]
    chair: str
    agenda: Agenda
    max_drafts: int = 30
    walk_out: WalkOutRule = "continue"

    def __post_init__(self) -> None:
        if self.walk_out not in ("vote", "continue", "fail"):
            raise ValueError(f"walk_out: use vote, continue or fail, not {self.walk_out!r}")
        if self.chair not in self.seats:
            raise ValueError(f"the chair '{self.chair}' must hold a seat")
        if len(set(self.seats)) != len(self.seats):
            raise ValueError("seats must be distinct")
        if self.max_drafts < 1:
            raise ValueError("max_drafts must be at least 1")

    @property
    def issues(self) -> tuple[str, ...]:
        return _issue_ids(self.agenda)


@dataclass(frozen=True, slots=True)
class State:
    """Where a session stands. ``drafts[v - 1]`` is version ``v``; responses are to the current one."""

    rules: Rules
    seated: frozenset[str]
    drafts: tuple[tuple[str, ...], ...] = ()
    responses: Mapping[str, Response] = field(default_factory=dict)
    status: Status = "open"
    agreement: int | None = None
    reason: str = ""
    walked_out: tuple[str, ...] = ()
    steps: int = 0
    amendments: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    in_recess: bool = False
    round: int = 1
    returns: int = 0
    vote: frozenset[str] = frozenset()
    """After a walk-out under the ``vote`` rule: who has yet to say whether it goes on."""

    @property
    def version(self) -> int:
        """The current version (0 before the first draft)."""
        return len(self.drafts)

    @property
    def current(self) -> tuple[str, ...] | None:
        return self.drafts[-1] if self.drafts else None

    def awaiting(self) -> list[str]:
        """Seated parties that have not yet answered the current version, in seat order (nobody
        before the first draft)."""
        if not self.drafts:
            return []
        return [s for s in self.rules.seats if s in self.seated and s not in self.responses]


T = TypeVar("T")


def replacer(cls: type[T]) -> Callable[[T, Mapping[str, Any]], T]:
    """``replace(state, changes)``: a copy of an instance of the frozen, slotted dataclass ``cls`` with
    ``changes``, as ``dataclasses.replace`` but without its per-call introspection (a simulated
    negotiation makes hundreds of states). The function is generated once per class from its fields,
    the way ``dataclasses`` generates ``__init__`` (twice as fast as a loop over the fields)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    setters = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    lines = [f"    _set_{n}(new, changes['{n}'] if '{n}' in changes else state.{n})" for n in names]
    source = "def replace(state, changes):\n    new = _new(_cls)\n" + "\n".join(lines) + "\n    return new\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(source, namespace)
    made: Callable[[T, Mapping[str, Any]], T] = namespace["replace"]
    return made


_replace_state = replacer(State)


def _evolve(state: State, **changes: Any) -> State:
    """``dataclasses.replace(state, **changes)``, fast (:func:`replacer`)."""
    return _replace_state(state, changes)


@cache
def _agenda_options(agenda: Agenda) -> dict[str, tuple[str, ...]]:
    """The agenda as ``{issue: options}``, built once per agenda (read-only)."""
    return dict(agenda)


def start(rules: Rules) -> State:
    """The state before the first event: every seat at the table, no draft."""
    return State(rules=rules, seated=frozenset(rules.seats))


def replay(rules: Rules, events: Iterable[Event]) -> State:
    """Fold a log of events from the start; raises :class:`IllegalEventError` at the first bad one."""
    state = start(rules)
    for event in events:
        state = apply(state, event)
    return state


def apply(state: State, event: Event) -> State:
    """The state after ``event``, or :class:`IllegalEventError` with the reason."""
    rules = state.rules
    if event.seat not in rules.seats:
        raise IllegalEventError(f"seat '{event.seat}' is not in this session")
    if state.status != "open":
        raise IllegalEventError(f"the talks have ended ({state.status}: {state.reason})")
    if isinstance(event, Return):
        if event.seat in state.seated:
            raise IllegalEventError(f"'{event.seat}' is already at the table")
        back = _evolve(
            state, seated=state.seated | {event.seat}, returns=state.returns + 1, steps=state.steps + 1
        )
        if state.vote and back.seated == frozenset(state.rules.seats):
            return _settle(_evolve(back, vote=frozenset()))  # everyone is back: nothing to vote on
        return back
    if event.seat not in state.seated:
        raise IllegalEventError(f"'{event.seat}' has walked out; it must return before acting")
    if isinstance(event, Message):
        return _evolve(state, steps=state.steps + 1)
    if isinstance(event, GoOn):
        return _go_on(state, event)
    if state.vote and not isinstance(event, WalkOut | Close | TimeUp):
        left = ", ".join(f"'{s}'" for s in rules.seats if s not in state.seated)
        waiting = ", ".join(s for s in rules.seats if s in state.vote)
        raise IllegalEventError(f"{left} walked out; {waiting} must first say whether they go on")
    if isinstance(event, Recess | Resume):
        return _recess(state, event)
    if isinstance(event, TimeUp):
        if event.seat != rules.chair:
            raise IllegalEventError("the clock runs out in the chair's name only")
        return _evolve(state, status="failed", reason="time ran out", steps=state.steps + 1)
    if state.in_recess and not isinstance(event, WalkOut | Close):
        raise IllegalEventError(f"the talks are in recess; the chair '{rules.chair}' must resume them first")
    if isinstance(event, TableDraft):
        return _table(state, event)
    if isinstance(event, Support | Object | Reserve):
        return _respond(state, event)
    if isinstance(event, Amend):
        return _amend(state, event)
    if isinstance(event, WalkOut):
        return _walk_out(state, event)
    if event.seat != rules.chair:
        raise IllegalEventError(f"only the chair '{rules.chair}' may close the talks")
    return _evolve(state, status="failed", reason="closed by the chair", steps=state.steps + 1)


def _recess(state: State, event: Recess | Resume) -> State:
    chair = state.rules.chair
    if event.seat != chair:
        raise IllegalEventError(f"only the chair '{chair}' may call a recess or resume the talks")
    if isinstance(event, Recess):
        if state.in_recess:
            raise IllegalEventError("the talks are already in recess")
        return _evolve(state, in_recess=True, steps=state.steps + 1)
    if not state.in_recess:
        raise IllegalEventError("the talks are not in recess")
    return _evolve(state, in_recess=False, round=state.round + 1, steps=state.steps + 1)


def _table(state: State, event: TableDraft) -> State:
    rules = state.rules
    if event.seat != rules.chair:
        raise IllegalEventError(f"only the chair '{rules.chair}' tables drafts, not '{event.seat}'")
    if state.drafts and state.awaiting():
        waiting = ", ".join(state.awaiting())
        raise IllegalEventError(f"version {state.version} still awaits answers from {waiting}")
    if state.version >= rules.max_drafts:
        raise IllegalEventError(f"the deadline allows {rules.max_drafts} drafts")
    if len(event.options) != len(rules.agenda):
        raise IllegalEventError(f"a draft needs one option for each of the {len(rules.agenda)} issues")
    for (issue, options), chosen in zip(rules.agenda, event.options, strict=True):
        if chosen not in options:
            raise IllegalEventError(f"issue '{issue}' has no option '{chosen}'")
    return _evolve(
        state, drafts=(*state.drafts, event.options), responses={}, amendments={}, steps=state.steps + 1
    )


def _respond(state: State, event: Response) -> State:
    if not state.drafts:
        raise IllegalEventError("no draft has been tabled yet")
    if not 1 <= event.version <= state.version:
        raise IllegalEventError(
            f"version {event.version} does not exist (the current version is {state.version})"
        )
    if event.version != state.version:
        raise IllegalEventError(f"version {event.version} is superseded; answer version {state.version}")
    if isinstance(event, Object):
        agenda = _agenda_options(state.rules.agenda)
        if event.issue not in agenda:
            raise IllegalEventError(f"issue '{event.issue}' is not on the agenda")
        if event.toward is not None and event.toward not in agenda[event.issue]:
            raise IllegalEventError(f"issue '{event.issue}' has no option '{event.toward}'")
    responses = {**state.responses, event.seat: event}
    return _settle(_evolve(state, responses=responses, steps=state.steps + 1))


def _amend(state: State, event: Amend) -> State:
    if not state.drafts:
        raise IllegalEventError("no draft has been tabled yet")
    if event.version != state.version:
        raise IllegalEventError(f"version {event.version} is not the current draft ({state.version})")
    if not event.changes:
        raise IllegalEventError("an amendment changes at least one issue")
    agenda = dict(state.rules.agenda)
    current = dict(zip(state.rules.issues, state.drafts[-1], strict=True))
    for issue, option in event.changes.items():
        if issue not in agenda:
            raise IllegalEventError(f"issue '{issue}' is not on the agenda")
        if option not in agenda[issue]:
            raise IllegalEventError(f"issue '{issue}' has no option '{option}'")
        if current[issue] == option:
            raise IllegalEventError(f"the draft already has '{option}' on issue '{issue}'")
    amendments = {**state.amendments, event.seat: dict(event.changes)}
    return _evolve(state, amendments=amendments, steps=state.steps + 1)


def _walk_out(state: State, event: WalkOut) -> State:
    rules = state.rules
    seated = state.seated - {event.seat}
    responses = {k: v for k, v in state.responses.items() if k != event.seat}
    left = _evolve(
        state,
        seated=seated,
        responses=responses,
        walked_out=(*state.walked_out, event.seat),
        steps=state.steps + 1,
    )
    if rules.walk_out == "fail":
        return _evolve(left, status="failed", reason=f"'{event.seat}' walked out")
    if event.seat == rules.chair:
        return _evolve(left, status="failed", reason="the chair walked out")
    if len(seated) < 2:
        return _evolve(left, status="failed", reason="fewer than two parties remain at the table")
    if rules.walk_out == "vote":  # everyone still seated is asked (again), about everyone away
        return _evolve(left, vote=frozenset(seated))
    return _settle(left)


def _go_on(state: State, event: GoOn) -> State:
    if event.seat not in state.vote:
        raise IllegalEventError(f"'{event.seat}' is not asked whether to go on")
    if not isinstance(event.go_on, bool):
        raise IllegalEventError("go_on: true or false")
    away = [s for s in state.rules.seats if s not in state.seated]
    left = ", ".join(f"'{s}'" for s in away)
    if not event.go_on:
        them = "it" if len(away) == 1 else "them"
        reason = f"{left} walked out and '{event.seat}' would not go on without {them}"
        return _evolve(state, vote=frozenset(), status="failed", reason=reason, steps=state.steps + 1)
    return _settle(_evolve(state, vote=state.vote - {event.seat}, steps=state.steps + 1))


def _settle(state: State) -> State:
    """Consensus when every seated party supports the current version; failure at the deadline."""
    # every response is from a seated party (a walk-out takes its response away), so all have
    # answered exactly when there are as many responses as seated parties
    if not state.drafts or len(state.responses) < len(state.seated) or state.vote:
        return state
    if all(isinstance(state.responses[s], Support) for s in state.seated):
        reason = "consensus of every seated party"
        return _evolve(state, status="agreed", agreement=state.version, reason=reason)
    if state.version >= state.rules.max_drafts:
        return _evolve(
            state, status="failed", reason=f"no consensus by the deadline ({state.version} drafts)"
        )
    return state
