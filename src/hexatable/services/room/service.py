"""The negotiation room: live sessions where people and AI delegates share one table.

A session is stored as an append-only log of events (:mod:`~hexatable.services.room.tables`). Its
state is the fold of that log through the negotiation engine's protocol
(:func:`hexatable.negotiate.protocol.apply`), so killing the server loses no accepted event and a
restart resumes exactly. Every event a person sends is checked against the engine's rules before it
is appended; an illegal one is refused with the engine's reason and changes nothing. AI seats act by
appending events like anyone else, as soon as it is their turn.

Access: every seat and observer holds a random token, stored only as its SHA-256 hash. A seat's view
holds its own brief and score sheet and the side rooms it belongs to, nothing else.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from hexatable.case import Case, open_case, pick
from hexatable.case.builtin import builtin_case_ids, load_builtin_case
from hexatable.case.located_yaml import YamlSyntaxError
from hexatable.case.problems import CaseError
from hexatable.negotiate.alternating import (
    Accept,
    OfferEvent,
    OfferRules,
    OfferState,
    apply_offer,
    counter_offer,
    offer_event_from_dict,
)
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.belief_replay import carried_beliefs, phase_logs, replayed_beliefs
from hexatable.negotiate.beliefs import Beliefs, BeliefState
from hexatable.negotiate.chair import CHAIRS, Chair, MediatorChair, make_chair
from hexatable.negotiate.delegates import STRATEGIES, TimeBasedDelegate, goes_on, make_delegate
from hexatable.negotiate.mechanisms import MECHANISMS, mechanism_phases
from hexatable.negotiate.offer_learning import replayed_offer_beliefs
from hexatable.negotiate.protocol import (
    Event,
    GoOn,
    IllegalEventError,
    Object,
    Reserve,
    Rules,
    Support,
    TableDraft,
    TimeUp,
    event_from_dict,
    event_to_dict,
)
from hexatable.negotiate.runner import MechanismName, RunConfig
from hexatable.negotiate.space import build_space
from hexatable.negotiate.talks import Talks, TalksState, advance, begin
from hexatable.services.room.moves import MAX_CASE, MAX_ID, MAX_TITLE, MoveError, bounded_text, parse_move
from hexatable.services.room.tables import EventRow, SeatRow, SessionRow
from hexatable.services.room.views import personal_view, public_view

Role = Literal["instructor", "seat", "observer"]
_SESSION_ID = re.compile(r"[0-9A-Za-z_-]{1,32}")
"""What a session id may look like (they are made by :func:`secrets.token_hex`; the column holds 32)."""
ROOM_EVENTS = ("side_room", "side_message")
"""Events of the room itself (side rooms), stored in the log but not part of the protocol."""
INSTRUCTOR_EVENTS = ("pause", "unpause", "notice")
"""The instructor's own events (:meth:`RoomService.pause`, :meth:`RoomService.notice`), stored in the log
like side rooms and never sent by a seat."""
WHILE_PAUSED = ("message", "side_room", "side_message")
"""What seats may still do at a paused table: talk, but not move."""
NOTICE_LENGTH = 500
ROOM_MECHANISMS = MECHANISMS
WALK_OUT_RULES = ("vote", "continue", "fail")
"""After a walk-out: the parties still at the table decide whether to go on (``vote``, the default, as
in the simulator), the talks go on (``continue``) or end (``fail``)."""
"""The mechanisms the room plays: those made of single-text phases (:mod:`hexatable.negotiate.talks`)
and stacked alternating offers (:mod:`hexatable.negotiate.alternating`)."""
TableState = TalksState | OfferState
"""Where a session's talks stand, whichever the mechanism."""
DEFAULT_CHAIR: str = RunConfig.chair
"""The AI chair's strategy when the instructor names none: the engine's own default (``mediator``),
the same for the form and the API."""


class RoomError(Exception):
    """A request the room refuses; ``status`` is the HTTP status the web layer answers with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class SeatPlan:
    """Who takes a seat: a person, or an AI delegate with a strategy."""

    kind: Literal["person", "ai"] = "person"
    strategy: str = "boulware"


@dataclass(frozen=True)
class Identity:
    """Who a token belongs to."""

    role: Role
    session_id: str | None = None
    seat: str | None = None


@dataclass(frozen=True)
class Created:
    """A new session and the tokens to hand out (shown once, never stored in clear)."""

    id: str
    seat_tokens: dict[str, str]
    observer_token: str


@dataclass
class LoadedScenario:
    """A loaded scenario with its analysis, shared by every session that plays it."""

    case: Case
    scenario_id: str
    analysis: Analysis


@dataclass
class Room:
    """What the service keeps in memory about one session: its rules and seats (never its state).

    ``rules`` are the whole talks' (every seat, the talks' chair, the whole agenda); each phase of
    ``talks`` has its own (:attr:`TalksState.rules`)."""

    id: str
    scenario: LoadedScenario
    rules: Rules
    talks: Talks | OfferRules
    mechanism: str
    seats: dict[str, SeatRow]
    chair_strategy: str
    deadline_at: float | None
    lock: threading.Lock = field(default_factory=threading.Lock)
    folded: Folded | None = None
    fold_lock: threading.Lock = field(default_factory=threading.Lock)
    """Guards replacing ``folded``: a view of a room not yet folded reads the log without ``lock``, so
    it may fold events a writer has just committed; the fold only ever moves forward and each event is
    folded once. A writer publishes its fold only after its insert has committed."""
    carried: tuple[tuple[int, int], BeliefState | None] | None = None
    """What the seats carried into the current phase from the earlier ones, keyed by the phase's number
    and where it starts in the log (:meth:`RoomService._beliefs`)."""
    beliefs: tuple[tuple[int, int, int], Beliefs] | None = None
    """The seats' beliefs now, keyed by the phase's number, where it starts and how many of its rounds
    they learnt from."""
    seen: SeenViews | None = None
    """The views built at the newest position a view was asked at: after a move every seat's push and
    then its panel fetch ask for the same view (:meth:`RoomService.views_at`)."""


@dataclass
class SeenViews:
    """The views built at log position ``seq``: the public one per language, and each participant's
    per (role, seat, language), without the clock (which moves between two events). A seat's view is
    kept under its own seat, and looked up with the seat of the identity asking only."""

    seq: int
    public: dict[str, dict[str, Any]] = field(default_factory=dict)
    personal: dict[tuple[str, str | None, str], dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Folded:
    """A room's log folded up to ``seq``: the talks' state, protocol events, room events."""

    seq: int
    state: TableState
    history: tuple[Event | OfferEvent, ...]
    room_events: tuple[dict[str, Any], ...]


class RoomService:
    """Creates sessions, accepts events, runs AI seats and builds each participant's view."""

    def __init__(self, engine: Engine, instructor_token: str, clock: Callable[[], float] = time.time) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Appends are one INSERT each: in autocommit it is its own transaction, sent in one round trip.
        self._writer = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.engine = engine  # classes (services/room/classes.py) keep their own rows in the same database
        self._clock = clock
        self._instructor_hash = hash_token(instructor_token)
        self._scenarios: dict[tuple[str, str], LoadedScenario] = {}
        self._rooms: dict[str, Room] = {}
        self._lock = threading.Lock()
        self._identities: dict[str, Identity] = {}
        # SQLite has one write lock for the whole file: queue writers here rather than in SQLite's
        # busy handler, which sleeps in growing steps and makes latency spike under load.
        self._write_lock = threading.Lock() if engine.dialect.name == "sqlite" else _NoLock()
        self._case_dirs: tuple[Path, ...] = ()

    def allow_cases(self, folders: Iterable[str | Path]) -> None:
        """Let sessions play case folders under ``folders`` (``hexatable serve --cases DIR``) besides
        the built-in cases; no other path on the server is ever opened for a request."""
        self._case_dirs = tuple(dict.fromkeys(Path(f).resolve() for f in folders))

    def resolve_case(self, case: object) -> str:
        """The case a request names, as stored: a built-in id, or the resolved path of a case folder
        (by name or path) under an allowed folder; 422 naming ``case`` otherwise."""
        try:
            asked = bounded_text("case", case, MAX_CASE, blank=False)
        except MoveError as error:
            raise RoomError(422, str(error)) from None
        builtin = builtin_case_ids()
        if asked in builtin:
            return asked
        for root in self._case_dirs:
            candidate = (root / asked).resolve()
            if candidate.is_relative_to(root) and candidate.is_dir() and len(str(candidate)) <= 500:
                return str(candidate)
        where = (
            f" or a case folder under {', '.join(d.name for d in self._case_dirs)}" if self._case_dirs else ""
        )
        raise RoomError(422, f"case: use a built-in case ({', '.join(builtin)}){where}")

    # --- identity -----------------------------------------------------------------------------

    def identify(self, token: str | None, session_id: str | None = None) -> Identity:
        """The identity behind ``token``: 401 without a token, 403 for a token that opens nothing here."""
        if not token:
            raise RoomError(401, "a token is required")
        digest = hash_token(token)
        if secrets.compare_digest(digest, self._instructor_hash):
            return Identity("instructor", session_id)
        found = self._identities.get(digest)
        if found is None:  # seats never change once created: remember who holds each token
            with self._sessions() as db:
                row = db.scalar(select(SeatRow).where(SeatRow.token_hash == digest))
            if row is not None:
                role: Role = "observer" if row.kind == "observer" else "seat"
                found = self._identities[digest] = Identity(role, row.session_id, row.seat)
        if found is None or (session_id is not None and found.session_id != session_id):
            raise RoomError(403, "this token does not open this session")
        return found

    # --- sessions -----------------------------------------------------------------------------

    def scenario(self, case: str, scenario_id: str) -> LoadedScenario:
        key = (case, scenario_id)
        with self._lock:
            if key not in self._scenarios:
                try:
                    loaded = load_builtin_case(case) if case in builtin_case_ids() else open_case(Path(case))
                except (CaseError, YamlSyntaxError, OSError) as error:
                    first = (
                        str(error).strip().splitlines()[0][:300] if str(error).strip() else "cannot be read"
                    )
                    raise RoomError(422, f"case: {first}") from None
                if scenario_id not in loaded.scenario_index:
                    raise RoomError(422, f"scenario: no scenario '{scenario_id}' in case '{case}'")
                self._scenarios[key] = LoadedScenario(
                    loaded, scenario_id, analyse(build_space(loaded, scenario_id))
                )
            return self._scenarios[key]

    def create(
        self,
        identity: Identity,
        *,
        case: str,
        scenario: str,
        seats: Mapping[str, SeatPlan],
        mechanism: str = "single-text",
        max_drafts: int = 20,
        walk_out: str = "vote",
        chair_strategy: str = DEFAULT_CHAIR,
        title: str = "",
        minutes: float | None = None,
    ) -> Created:
        """A new session; only the instructor may create one. Every argument is checked (type, size)
        before anything is loaded or stored, and a refusal (422) names the argument."""
        self._require(identity, "instructor")
        try:
            title = bounded_text("title", title, MAX_TITLE)
            bounded_text("scenario", scenario, 120, blank=False)
            for name, value in (
                ("mechanism", mechanism),
                ("walk_out", walk_out),
                ("chair_strategy", chair_strategy),
            ):
                bounded_text(name, value, 40)
            for seat, plan in seats.items():
                bounded_text("seats", seat, MAX_ID, blank=False)
                bounded_text(f"seats.{seat}.strategy", plan.strategy, 40)
        except MoveError as error:
            raise RoomError(422, str(error)) from None
        if type(max_drafts) is not int:
            raise RoomError(422, "max_drafts: a whole number")
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int | float)):
            raise RoomError(422, "minutes: a number")
        case = self.resolve_case(case)
        if mechanism not in ROOM_MECHANISMS:
            raise RoomError(422, f"mechanism: use one of {', '.join(ROOM_MECHANISMS)}")
        if walk_out not in WALK_OUT_RULES:
            raise RoomError(422, f"walk_out: use one of {', '.join(WALK_OUT_RULES)}")
        if not 1 <= max_drafts <= 200:
            raise RoomError(422, "max_drafts: between 1 and 200")
        loaded = self.scenario(case, scenario)
        definition = loaded.case.scenario_index[scenario]
        unknown = [s for s in seats if s not in definition.seats]
        if unknown:
            raise RoomError(
                422, f"seats: {', '.join(unknown)} not seats of '{scenario}' ({', '.join(definition.seats)})"
            )
        for seat, plan in seats.items():
            if plan.kind not in ("person", "ai"):
                raise RoomError(422, f"seats.{seat}.kind: 'person' or 'ai'")
            if plan.kind == "ai" and plan.strategy not in STRATEGIES:
                raise RoomError(422, f"seats.{seat}.strategy: use one of {', '.join(STRATEGIES)}")
        if minutes is not None and not 0 < minutes <= 24 * 60:  # also refuses NaN
            raise RoomError(422, "minutes: between 0 and 1440")
        if chair_strategy not in CHAIRS:
            raise RoomError(422, f"chair_strategy: use one of {', '.join(CHAIRS)}")
        chair = definition.chair or definition.seats[0]
        session_id = secrets.token_hex(8)
        seat_tokens: dict[str, str] = {}
        rows = []
        for position, seat in enumerate(definition.seats):
            plan = seats.get(seat, SeatPlan("ai", "boulware"))
            token = new_token() if plan.kind == "person" else None
            if token:
                seat_tokens[seat] = token
            rows.append(
                SeatRow(
                    seat=seat,
                    position=position,
                    kind=plan.kind,
                    strategy=plan.strategy if plan.kind == "ai" else None,
                    token_hash=hash_token(token) if token else None,
                )
            )
        observer = new_token()
        rows.append(SeatRow(seat=None, position=len(rows), kind="observer", token_hash=hash_token(observer)))
        with self._sessions.begin() as db:
            db.add(
                SessionRow(
                    id=session_id,
                    case=case,
                    scenario=scenario,
                    mechanism=mechanism,
                    chair=chair,
                    max_drafts=max_drafts,
                    walk_out=walk_out,
                    title=title or pick(definition.title, "en"),
                    chair_strategy=chair_strategy,
                    deadline_at=self._clock() + 60 * minutes if minutes else None,
                    seats=rows,
                )
            )
        self.advance(session_id)
        return Created(session_id, seat_tokens, observer)

    def list_sessions(self, identity: Identity) -> list[dict[str, Any]]:
        self._require(identity, "instructor")
        with self._sessions() as db:
            rows = db.scalars(select(SessionRow).order_by(SessionRow.created_at)).all()
            return [
                {"id": r.id, "case": r.case, "scenario": r.scenario, "title": r.title, "chair": r.chair}
                for r in rows
            ]

    # --- events -------------------------------------------------------------------------------

    def act(self, identity: Identity, session_id: str, data: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Check and append an event sent by a seat (or the instructor closing); then let AI seats act.

        Every route hands the event over as it came; its shape is checked here, against the one
        schema per event type (:func:`~hexatable.services.room.moves.parse_move`), before the rules.
        An answer identical to the seat's standing one (the same support, objection or reservation on
        the same version) is a repeat: it appends nothing and returns no event.

        Returns the events appended, the sender's first, as the sender sees them (side rooms numbered
        among its own, no log sequence numbers: those would count events in rooms it is not in).
        """
        room = self.room(session_id)
        if identity.role == "observer":
            raise RoomError(403, "observers cannot act")
        if isinstance(data, Mapping) and data.get("type") == "time_up":
            raise RoomError(403, "the clock ends the talks, not a participant")
        try:
            data = parse_move(data)
        except MoveError as error:
            raise RoomError(422, str(error)) from None
        kind = data["type"]
        seat = identity.seat
        if identity.role == "seat" and data.get("seat") not in (None, seat):
            raise RoomError(403, f"a seat acts for itself: this token holds '{seat}'")
        if identity.role == "instructor" and kind != "close":
            raise RoomError(403, "the instructor may only close a session; seats act for themselves")
        payload = {**data, "seat": seat}
        with room.lock:
            self._enforce_clock(room)
            state, _, room_events = self._current(room)
            if identity.role == "seat" and kind not in WHILE_PAUSED and paused_since(room_events) is not None:
                raise RoomError(409, "the instructor has paused this table: moves wait until it resumes")
            if identity.role == "instructor":
                payload["seat"] = _speaker(state)  # the instructor closes in the chair's name
            if kind in ROOM_EVENTS:
                payload = self._check_room_event(room, payload, room_events)
            else:
                try:
                    event = _parse(state, payload)
                    _step(state, event)
                except (ValueError, TypeError) as error:
                    raise RoomError(
                        409 if isinstance(error, IllegalEventError) else 422, str(error)
                    ) from None
                if _repeats(state, event):
                    return []
                payload = event_to_dict(event)
            appended = self._append(room, payload)
            _, _, room_events = self._current(room)
        return [_as_seen_by(identity, record, room_events) for record in appended]

    def advance(self, session_id: str) -> list[dict[str, Any]]:
        """Let AI seats act until a person must (used after creation and on restart)."""
        room = self.room(session_id)
        with room.lock:
            return self._append(room, None)

    def _ai_answers(self, room: Room, folded: Folded) -> list[dict[str, Any]]:
        """The events the AI seats append after ``folded``, one after another, until a person must act
        (or the table is paused: AI seats wait like everyone else); each as a log record."""
        records: list[dict[str, Any]] = []
        for _ in range(10_000):  # bounded: each pass adds one event or stops
            if paused_since(folded.room_events) is not None:
                return records
            event = self._next_ai_event(room, folded.state, list(folded.history))
            if event is None:
                return records
            record = {"seq": folded.seq + 1, **event_to_dict(event)}
            folded = _fold(folded, [record])
            records.append(record)
        raise RuntimeError("AI seats did not come to rest")

    def _next_ai_event(
        self, room: Room, talks: TableState, history: Sequence[Event | OfferEvent]
    ) -> Event | OfferEvent | None:
        if isinstance(talks, OfferState):
            return self._next_ai_offer(room, talks)
        state = talks.phase
        if talks.status != "open":
            return None
        space = talks.analysis.space
        if state.vote:  # after a walk-out, AI seats answer as in the simulator
            for seat in state.rules.seats:
                if seat in state.vote and room.seats[seat].kind == "ai":
                    return GoOn(seat, goes_on(space, seat, state.seated))
            return None
        if state.in_recess:
            return None
        chair = state.rules.chair
        if (
            room.seats[chair].kind == "ai"
            and chair in state.seated
            and (not state.drafts or not state.awaiting())
        ):
            if state.version >= state.rules.max_drafts:
                return None
            phase_events = cast(Sequence[Event], history[len(history) - talks.events_in_phase :])
            mediator = room.chair_strategy == "mediator"
            beliefs = self._beliefs(room, talks, history, closed=True) if mediator else None
            draft = _replayed_chair_draft(room, talks, phase_events, beliefs)
            return TableDraft(chair, tuple(space.describe(draft).values()))
        t = (state.version - 1) / max(state.rules.max_drafts - 1, 1)
        for seat in state.awaiting():
            row = room.seats[seat]
            if row.kind != "ai":
                continue
            delegate = self._ai_delegate(room, seat, talks, self._beliefs(room, talks, history))
            draft = space.index_of_options(state.drafts[-1])
            if seat == chair and delegate.utility[draft] >= delegate.reservation:
                return Support(seat, state.version)  # an AI chair stands by the text it tabled
            reply = delegate.reply(draft, t)
            if reply.kind == "support":
                return Support(seat, state.version)
            if reply.kind == "reserve":
                return Reserve(seat, state.version)
            return Object(seat, state.version, str(reply.issue), toward=reply.toward)
        return None

    def _next_ai_offer(self, room: Room, state: OfferState) -> OfferEvent | None:
        """An AI seat's turn: accept the standing offer if it is worth its aspiration, else counter.

        The delegate is rebuilt from the log (it has seen every other party's offer, in order), and
        its random choices are seeded by the session and the turn, so a restart changes nothing."""
        seat = state.turn_seat
        row = room.seats[seat]
        if state.status != "open" or row.kind != "ai":
            return None
        space = room.scenario.analysis.space
        # What every seat has learnt from the turns so far, as the simulator's delegates learn it; the
        # seat's floor follows its believed Nash point (refreshed for this turn), as in the simulator.
        beliefs = replayed_offer_beliefs(
            space, state.rules.seats, state.offers, state.turn, state.rules.max_rounds
        )
        delegate = make_delegate(
            space,
            seat,
            row.strategy or "boulware",  # type: ignore[arg-type]
            beliefs=beliefs,
        )
        t = state.turn / max(state.rules.max_rounds * len(state.rules.seats) - 1, 1)
        beliefs.advance(-1, -1, -1, t, delegate.index)
        for who, options in state.offers:
            if who != seat:
                delegate.observe(space.index_of_options(options))
        if state.offers and delegate.accepts(space.index_of_options(state.offers[-1][1]), t):
            return Accept(seat, len(state.offers))
        rng = np.random.default_rng(
            int(hashlib.sha256(f"{room.id}/{state.turn}".encode()).hexdigest()[:8], 16)
        )
        return counter_offer(space, delegate, state, t, rng, beliefs=beliefs)

    def _beliefs(
        self, room: Room, talks: TalksState, history: Sequence[Event | OfferEvent], *, closed: bool = False
    ) -> Beliefs:
        """The seats' beliefs now, rebuilt from the whole log: carried from phase to phase as the
        simulator carries them, then updated by the current phase's complete rounds of answers
        (:func:`~hexatable.negotiate.belief_replay.talks_beliefs`, seeded per session and phase);
        ``closed``: the last round is complete too (the chair is about to table the next draft).

        They are a fold of the log, so a restarted server rebuilds the same ones. Kept in the room:
        what the earlier phases carried, per phase; the current beliefs, per number of rounds learnt
        from (the same for the chair drafting after a round and the seats answering that draft), so
        that the seats answering one draft share one replay and the earlier phases are replayed once.
        Callers hold ``room.lock``; the delegates and the chair read the beliefs, never change them.
        """
        phases = phase_logs(talks, history)
        current = phases[-1]
        starts = len(history) - len(current.events)
        drafts = [i for i, e in enumerate(current.events) if isinstance(e, TableDraft)]
        rounds = len(drafts) if closed else max(len(drafts) - 1, 0)
        key = (current.number, starts, rounds)
        if room.beliefs is not None and room.beliefs[0] == key:
            return room.beliefs[1]
        max_drafts = talks.phase.rules.max_drafts
        seed_of = partial(_phase_seed, room)
        if room.carried is None or room.carried[0] != (current.number, starts):
            carried = carried_beliefs(phases[:-1], max_drafts=max_drafts, seed_of=seed_of)
            room.carried = ((current.number, starts), carried)
        beliefs = replayed_beliefs(
            current.space,
            current.events if closed or not drafts else current.events[: drafts[-1] + 1],
            max_drafts=max_drafts,
            seed=seed_of(current.number),
            carried=room.carried[1],
            closed=closed,
        )
        room.beliefs = (key, beliefs)
        return beliefs

    def _ai_delegate(self, room: Room, seat: str, talks: TalksState, beliefs: Beliefs) -> TimeBasedDelegate:
        """An AI seat's delegate for the current phase, valuing its packages by expected utility, with
        the beliefs every seat has formed so far (:meth:`_beliefs`)."""
        row = room.seats[seat]
        strategy = row.strategy or "boulware"
        space = talks.analysis.space
        delegate = make_delegate(space, seat, strategy, beliefs=beliefs)  # type: ignore[arg-type]
        for draft in talks.phase.drafts[:-1]:  # tit-for-tat delegates remember the earlier drafts
            delegate.observe(space.index_of_options(draft))
        return delegate

    def _check_room_event(
        self, room: Room, payload: dict[str, Any], history: Sequence[dict[str, Any]]
    ) -> dict[str, Any]:
        seat = payload["seat"]
        if payload["type"] == "side_room":
            members = payload["members"]
            unknown = [m for m in members if m not in room.rules.seats]
            if unknown:
                raise RoomError(422, f"members: {', '.join(unknown)} not seats of this session")
            everyone = sorted({seat, *members})
            if len(everyone) < 2:
                raise RoomError(422, "members: a side room needs another seat")
            number = 1 + sum(1 for e in history if e["type"] == "side_room")
            return {"type": "side_room", "seat": seat, "room": number, "members": everyone}
        # A seat names its side rooms 1..k, in the order it joined them (as its view numbers them).
        mine = [e["room"] for e in history if e["type"] == "side_room" and seat in e["members"]]
        asked = payload["room"]
        if not 1 <= asked <= len(mine):
            raise RoomError(403, f"side room {asked!r} does not exist or '{seat}' is not a member")
        return {"type": "side_message", "seat": seat, "room": mine[asked - 1], "text": payload["text"]}

    # --- state and views ----------------------------------------------------------------------

    def room(self, session_id: str) -> Room:
        with self._lock:
            if session_id in self._rooms:
                return self._rooms[session_id]
        if not _SESSION_ID.fullmatch(session_id):  # never a query the database would refuse (NUL)
            raise RoomError(404, "no such session")
        with self._sessions() as db:
            row = db.get(SessionRow, session_id)
            if row is None:
                raise RoomError(404, f"no session '{session_id}'")
            seats = {s.seat: s for s in row.seats if s.seat is not None}
            case, scenario_id = row.case, row.scenario
            chair, max_drafts, walk_out = row.chair, row.max_drafts, row.walk_out
            chair_strategy, deadline_at = row.chair_strategy, row.deadline_at
            mechanism = row.mechanism
        loaded = self.scenario(case, scenario_id)
        space = loaded.analysis.space
        name = cast(MechanismName, mechanism)
        agenda = tuple(zip(space.issues, space.options, strict=True))
        talks: Talks | OfferRules
        if name == "alternating-offers":  # turns in the scenario's seat order, one per seat a round
            talks = OfferRules(space.seats, agenda, max_rounds=max_drafts)
        else:
            phases = space.memo(("room-phases", name, chair), lambda: mechanism_phases(name, space, chair))
            talks = Talks(loaded.analysis, phases, chair, max_drafts, walk_out)  # type: ignore[arg-type]
        rules = Rules(
            seats=space.seats,
            chair=chair,
            agenda=tuple(zip(space.issues, space.options, strict=True)),
            max_drafts=max_drafts,
            walk_out=walk_out,  # type: ignore[arg-type]
        )
        room = Room(session_id, loaded, rules, talks, mechanism, seats, chair_strategy, deadline_at)
        with self._lock:
            return self._rooms.setdefault(session_id, room)

    def log(self, session_id: str, after: int = 0) -> list[dict[str, Any]]:
        """The session's events (those after sequence number ``after``), in order."""
        query = (
            select(EventRow.seq, EventRow.payload)
            .where(EventRow.session_id == session_id, EventRow.seq > after)
            .order_by(EventRow.seq)
        )
        with self._sessions() as db:
            return [{"seq": seq, **payload} for seq, payload in db.execute(query)]

    def _state(self, room: Room) -> tuple[TableState, list[Event | OfferEvent], list[dict[str, Any]]]:
        """The talks' state folded from the log, its protocol events, and the room's own events."""
        folded = self._folded(room)
        return folded.state, list(folded.history), list(folded.room_events)

    def _folded(self, room: Room) -> Folded:
        """The room's log folded to its end.

        Reads the log: the events appended since the room's fold (all of them the first time a room is
        used in this process, as after a restart) are read and applied. Folding is a pure function of the
        log, so threads folding at once agree; the newest fold is kept. Requests use :meth:`_current`,
        which reads the log only while the room has no fold.
        """
        folded = room.folded or Folded(0, _initial(room), (), ())
        folded = _fold(folded, self.log(room.id, after=folded.seq))
        with room.fold_lock:  # compare and replace at once: the kept fold never moves back
            latest = room.folded
            if latest is None or folded.seq > latest.seq:
                room.folded = folded
        return folded

    def _enforce_clock(self, room: Room) -> None:
        """Once the session's time is up, record it (once); call with the room's lock held."""
        if room.deadline_at is None or self._clock() < room.deadline_at:
            return
        state, _, room_events = self._current(room)
        if state.status == "open" and self._clock() >= room.deadline_at + held(room_events, self._clock()):
            self._append(room, event_to_dict(TimeUp(_speaker(state))), answers=False)

    def overdue(self) -> list[str]:
        """Sessions whose clock has run out and whose talks may still be open (checked in the
        database, so sessions not yet loaded since a restart are found too)."""
        with self._sessions() as db:
            query = select(SessionRow.id).where(
                SessionRow.deadline_at.is_not(None), SessionRow.deadline_at <= self._clock()
            )
            found = list(db.scalars(query))
        return [i for i in found if self._still_open(i)]

    def _still_open(self, session_id: str) -> bool:
        state, _, _ = self._current(self.room(session_id))
        return state.status == "open"

    def enforce_clock(self, session_id: str) -> bool:
        """End the talks if their time is up; whether anything was recorded."""
        room = self.room(session_id)
        with room.lock:
            before = room.folded.seq if room.folded else 0
            self._enforce_clock(room)
            return (room.folded.seq if room.folded else 0) != before

    def seconds_left(self, session_id: str) -> float | None:
        """Time left on the session's clock (``None``: no clock)."""
        room = self.room(session_id)
        if room.deadline_at is None:
            return None
        _, _, room_events = self._current(room)
        now = self._clock()
        return max(0.0, room.deadline_at + held(room_events, now) - now)

    def _current(self, room: Room) -> tuple[TableState, list[Event | OfferEvent], list[dict[str, Any]]]:
        """The room's fold, from memory: no database round trip once the room has been folded.

        This process appends every event of its rooms (:meth:`_append`, which folds what it stored), so
        its fold is the log's end; the log is read only for a room not yet folded (first use, restart)
        or after an append was refused because another writer had appended first. Reads do not touch
        the database: on PostgreSQL each round trip gives up the interpreter lock and, with other
        threads rendering, waits to get it back (benchmarks/RESULTS.md, Stop 16)."""
        folded = self._current_fold(room)
        return folded.state, list(folded.history), list(folded.room_events)

    def _current_fold(self, room: Room) -> Folded:
        """:meth:`_current` as the fold itself: its state and its position come from one object, so a
        view is never cached under a position it does not show."""
        folded = room.folded
        return folded if folded is not None else self._folded(room)

    def _append(
        self, room: Room, payload: dict[str, Any] | None, *, answers: bool = True
    ) -> list[dict[str, Any]]:
        """Append ``payload`` (if any) after the fold and, with ``answers``, the AI seats' events that
        follow it, in one statement; returns the records stored. Call with the room's lock held.

        Numbers come from the fold; the database's unique ``(session, seq)`` refuses them if anyone
        else appended meanwhile, and the request is refused (409) rather than applied to a stale state.
        The statement runs in autocommit: on PostgreSQL one round trip (no BEGIN and COMMIT of their
        own); it commits every record or none, so a person's move is never stored without the AI
        answers it calls for, nor acknowledged before it is stored (a restart would compute the same
        answers: they are a fold of the log).
        """
        self._current(room)  # the room folded first, if it is not yet (first use, after a 409)
        base = room.folded or Folded(0, _initial(room), (), ())
        records = [{"seq": base.seq + 1, **payload}] if payload is not None else []
        folded = _fold(base, records)
        if answers:
            ai = self._ai_answers(room, folded)
            records, folded = records + ai, _fold(folded, ai)
        if not records:
            return []
        rows = [
            {"session_id": room.id, "seq": r["seq"], "type": r["type"], "payload": _payload(r)}
            for r in records
        ]
        try:
            with self._write_lock, self._writer.connect() as connection:
                connection.execute(insert(EventRow).values(rows))
        except IntegrityError:
            room.folded = room.carried = room.beliefs = None  # the log moved on: read it again next time
            raise RoomError(409, "the session changed meanwhile; try again") from None
        with room.fold_lock:  # a reader folding the log (room not yet folded) may have got there first
            latest = room.folded
            if latest is None or latest.seq < folded.seq:
                room.folded = folded
        return records

    def view(self, identity: Identity, session_id: str, lang: str = "en") -> dict[str, Any]:
        """What ``identity`` may see of the session: its own brief and sheet, never another's."""
        return self.views(session_id, [(identity, lang)])[0]

    def views(self, session_id: str, audience: Sequence[tuple[Identity, str]]) -> list[dict[str, Any]]:
        """The views of many participants at once (a broadcast): the log is folded and the public
        part built once per language; only the personal parts differ."""
        return self.views_at(session_id, audience)[1]

    def view_at(self, identity: Identity, session_id: str, lang: str = "en") -> tuple[int, dict[str, Any]]:
        """:meth:`view` and the position in the log it shows (the sequence number of the last event
        folded into it): two views of the same session at the same position and language have the
        same public part, which is what the room's pages cache their shared fragments on."""
        seq, found = self.views_at(session_id, [(identity, lang)])
        return seq, found[0]

    def views_at(
        self, session_id: str, audience: Sequence[tuple[Identity, str]]
    ) -> tuple[int, list[dict[str, Any]]]:
        """:meth:`views` and the position in the log they show (see :meth:`view_at`)."""
        for identity, _ in audience:
            if identity.role != "instructor" and identity.session_id != session_id:
                raise RoomError(403, "this token does not open this session")
        room = self.room(session_id)
        if room.deadline_at is not None:
            with room.lock:
                self._enforce_clock(room)
        folded = self._current_fold(room)
        kept = room.seen
        seen = kept if kept is not None and kept.seq == folded.seq else SeenViews(folded.seq)
        found = []
        for identity, lang in audience:
            key = (identity.role, identity.seat, lang)
            built = seen.personal.get(key)
            if built is None:
                built = seen.personal.setdefault(key, _built_view(room, folded, identity, lang, seen))
            found.append(built)
        with room.fold_lock:  # the kept views, as the kept fold, only move forward
            if room.seen is None or seen.seq > room.seen.seq:
                room.seen = seen
        left = self.seconds_left(session_id)
        return folded.seq, [{**v, "session": {**v["session"], "seconds_left": left}} for v in found]

    # --- the instructor's hand on a table -----------------------------------------------------

    def pause(self, identity: Identity, session_id: str, paused: bool = True) -> dict[str, Any]:
        """Pause a table (seats' moves and AI seats wait, the clock stops) or resume it."""
        self._require(identity, "instructor")
        room = self.room(session_id)
        with room.lock:
            self._enforce_clock(room)
            state, _, room_events = self._current(room)
            if state.status != "open":
                raise RoomError(409, f"the talks have ended ({state.status}: {state.reason})")
            if (paused_since(room_events) is not None) == paused:
                raise RoomError(409, "this table is already " + ("paused" if paused else "running"))
            # Resuming lets the AI seats act at once, stored with the unpause.
            return self._append(room, {"type": "pause" if paused else "unpause", "at": self._clock()})[0]

    def notice(self, identity: Identity, session_id: str, text: object) -> dict[str, Any]:
        """A notice from the instructor, shown to every seat and observer of the session."""
        self._require(identity, "instructor")
        if not isinstance(text, str) or not text.strip() or len(text) > NOTICE_LENGTH:
            raise RoomError(422, f"text: 1 to {NOTICE_LENGTH} characters")
        room = self.room(session_id)
        with room.lock:
            return self._append(
                room, {"type": "notice", "text": text.strip(), "at": self._clock()}, answers=False
            )[0]

    def _require(self, identity: Identity, role: Role) -> None:
        if identity.role != role:
            raise RoomError(403, f"only the {role} may do this")


def _payload(record: Mapping[str, Any]) -> dict[str, Any]:
    """A log record as stored in the ``payload`` column: without its sequence number."""
    return {k: v for k, v in record.items() if k != "seq"}


def _built_view(room: Room, folded: Folded, identity: Identity, lang: str, seen: SeenViews) -> dict[str, Any]:
    """What ``identity`` sees of ``folded`` in ``lang``, without the time left (``None``); the public
    part is built once per language and kept in ``seen``."""
    history, room_events = list(folded.history), list(folded.room_events)
    public = seen.public.get(lang)
    if public is None:
        public = seen.public.setdefault(lang, public_view(room, folded.state, history, lang))
    view = personal_view(room, folded.state, room_events, identity, public, lang)
    paused = folded.state.status == "open" and paused_since(room_events) is not None
    view["session"] = {**view["session"], "seconds_left": None, "paused": paused}
    view["notices"] = [{"text": e["text"], "at": e["at"]} for e in room_events if e["type"] == "notice"]
    return view


def _initial(room: Room) -> TableState:
    """The talks before the first event."""
    if isinstance(room.talks, OfferRules):
        return OfferState(room.talks)
    return begin(room.talks)


def _parse(state: TableState, data: Mapping[str, Any]) -> Event | OfferEvent:
    """An event of the session's mechanism from its JSON form (``ValueError`` if malformed)."""
    return offer_event_from_dict(data) if isinstance(state, OfferState) else event_from_dict(data)


def _step(state: TableState, event: Event | OfferEvent) -> TableState:
    """The talks after ``event``, or :class:`IllegalEventError` (state unchanged)."""
    if isinstance(state, OfferState):
        return apply_offer(state, event)  # type: ignore[arg-type]
    return advance(state, event)  # type: ignore[arg-type]


def _repeats(state: TableState, event: Event | OfferEvent) -> bool:
    """Whether ``event`` is an answer the seat has already given to the current version."""
    if isinstance(state, OfferState) or not isinstance(event, Support | Object | Reserve):
        return False
    return state.phase.responses.get(event.seat) == event


def _as_seen_by(
    identity: Identity, record: Mapping[str, Any], room_events: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """A log record as ``identity`` may see it: without its sequence number, and with a side room's
    number among the rooms ``identity`` is in (the instructor sees every room, so the log's numbers)."""
    seen = {k: v for k, v in record.items() if k != "seq"}
    if "room" in seen and record["type"] in ROOM_EVENTS:
        rooms = [
            e["room"]
            for e in room_events
            if e["type"] == "side_room" and (identity.role == "instructor" or identity.seat in e["members"])
        ]
        seen["room"] = rooms.index(record["room"]) + 1
    return seen


def _speaker(state: TableState) -> str:
    """In whose name the clock and the instructor end the talks: the chair, or whoever's turn it is."""
    return state.turn_seat if isinstance(state, OfferState) else state.rules.chair


def _fold(folded: Folded, records: Sequence[dict[str, Any]]) -> Folded:
    """``folded`` with ``records`` (log entries after it, in order) applied."""
    if not records:
        return folded
    state, history, room_events = folded.state, list(folded.history), list(folded.room_events)
    for record in records:
        if record["type"] in ROOM_EVENTS or record["type"] in INSTRUCTOR_EVENTS:
            room_events.append(record)
        else:
            event = _parse(state, {k: v for k, v in record.items() if k != "seq"})
            state = _step(state, event)
            history.append(event)
    return Folded(records[-1]["seq"], state, tuple(history), tuple(room_events))


def paused_since(room_events: Sequence[Mapping[str, Any]]) -> float | None:
    """When the instructor paused the table (``None``: it is running)."""
    since = None
    for event in room_events:
        if event["type"] == "pause":
            since = float(event["at"])
        elif event["type"] == "unpause":
            since = None
    return since


def held(room_events: Sequence[Mapping[str, Any]], now: float) -> float:
    """Seconds the table has spent paused up to ``now``: the clock's deadline moves on by as much.

    >>> events = [{"type": "pause", "at": 10.0}, {"type": "unpause", "at": 25.0}]
    >>> held([*events, {"type": "pause", "at": 40.0}], now=50.0)
    25.0
    """
    total, since = 0.0, None
    for event in room_events:
        if event["type"] == "pause":
            since = float(event["at"])
        elif event["type"] == "unpause" and since is not None:
            total, since = total + float(event["at"]) - since, None
    return total + (now - since if since is not None else 0.0)


class _NoLock:
    """A lock that does not lock (PostgreSQL queues concurrent writers itself)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _phase_seed(room: Room, number: int) -> int:
    """The seed of phase ``number``'s AI decisions: the session and the phase, so a restart changes
    nothing."""
    return int(hashlib.sha256(f"{room.id}/{number}".encode()).hexdigest()[:8], 16)


def _replayed_chair_draft(
    room: Room, talks: TalksState, history: Sequence[Event], beliefs: Beliefs | None = None
) -> int:
    """The AI chair's next draft in the current phase: the mediator's from the seats' ``beliefs``
    (:meth:`RoomService._beliefs`), another chair's by replaying its earlier decisions in this phase
    (``history``: the phase's events) from the log.

    Replaying the same history with a generator seeded by the session id and the phase gives the same
    draft before and after a restart.
    """
    space = talks.analysis.space
    seed = _phase_seed(room, talks.number)
    if room.chair_strategy == "mediator":
        if beliefs is None:
            raise ValueError("the mediator drafts from the seats' beliefs")
        rules = talks.phase.rules
        row = room.seats[rules.chair]
        own = make_delegate(space, rules.chair, row.strategy or "boulware", beliefs=beliefs)  # type: ignore[arg-type]
        t = talks.phase.version / max(rules.max_drafts - 1, 1)  # the time of the draft it tables now
        return MediatorChair(beliefs, own.index, own, t=t).choose()
    chair: Chair = make_chair(room.chair_strategy, talks.analysis, np.random.default_rng(seed))  # type: ignore[arg-type]
    draft = chair.first_draft()
    objections: dict[str, str] = {}
    tabled: int | None = None
    for event in history:
        if isinstance(event, TableDraft):
            if tabled is not None:
                draft = chair.next_draft(tabled, objections)
            tabled = space.index_of_options(event.options)
            objections = {}
        elif isinstance(event, Object):
            objections[event.seat] = event.issue
        elif isinstance(event, Support):
            objections.pop(event.seat, None)
    if tabled is not None:
        draft = chair.next_draft(tabled, objections)
    return draft
