"""Stacked alternating offers among N parties, as a state machine over events.

The protocol of Aydoğan, Festen, Hindriks & Jonker (2017, *Alternating offers protocols for
multilateral negotiation*, in Modern Approaches to Agent-based Complex Automated Negotiation,
Springer), as NegMAS runs it: parties take turns in a fixed order; on its turn a party accepts the
standing offer, makes a counter-offer (which rejects the standing one), or ends the talks. An offer is
agreed when every other party has accepted it in turn. The deadline is a number of rounds (each
party one turn per round).

>>> rules = OfferRules(seats=("A", "B", "C"), agenda=(("x", ("lo", "hi")),), max_rounds=2)
>>> state = replay_offers(rules, [Propose("A", ("hi",)), Accept("B", 1)])
>>> state.turn_seat, state.status
('C', 'open')
>>> apply_offer(state, Accept("C", 1)).status
'agreed'
>>> apply_offer(state, Accept("A", 1))
Traceback (most recent call last):
...
hexatable.negotiate.protocol.IllegalEventError: it is C's turn, not A's
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.beliefs import landscape
from hexatable.negotiate.delegates import TimeBasedDelegate, make_delegate
from hexatable.negotiate.offer_learning import OfferBeliefs, learnt_offer, replayed_offer_beliefs
from hexatable.negotiate.protocol import Agenda, Close, IllegalEventError, Message, Status, TimeUp, replacer
from hexatable.negotiate.runner import RunConfig, RunResult, scored
from hexatable.negotiate.space import OutcomeSpace


@dataclass(frozen=True, slots=True)
class Propose:
    """The party whose turn it is makes an offer (rejecting the standing one)."""

    seat: str
    options: tuple[str, ...]
    type: Literal["propose"] = "propose"


@dataclass(frozen=True, slots=True)
class Accept:
    """The party whose turn it is accepts offer number ``offer`` (the standing one)."""

    seat: str
    offer: int
    type: Literal["accept"] = "accept"


@dataclass(frozen=True, slots=True)
class EndTalks:
    """The party whose turn it is ends the talks without agreement."""

    seat: str
    type: Literal["end"] = "end"


OfferEvent = Propose | Accept | EndTalks | Message | TimeUp | Close
"""The events of stacked alternating offers. A plenary :class:`Message` may come at any time; the clock
(:class:`TimeUp`) and the instructor (:class:`Close`, in the name of the party whose turn it is) end the
talks whoever's turn it is."""

_OFFER_EVENT_TYPES: dict[str, type[OfferEvent]] = {
    "propose": Propose,
    "accept": Accept,
    "end": EndTalks,
    "message": Message,
    "time_up": TimeUp,
    "close": Close,
}


def offer_event_from_dict(data: Mapping[str, Any]) -> OfferEvent:
    """Rebuild an event from :func:`~hexatable.negotiate.protocol.event_to_dict`'s form; ``ValueError``
    if it is malformed.

    >>> offer_event_from_dict({"type": "propose", "seat": "A", "options": ["hi"]})
    Propose(seat='A', options=('hi',), type='propose')
    """
    kind = data.get("type")
    if kind not in _OFFER_EVENT_TYPES:
        raise ValueError(f"unknown event type {kind!r}; use one of {', '.join(_OFFER_EVENT_TYPES)}")
    fields = {k: v for k, v in data.items() if k != "type"}
    if kind == "propose" and isinstance(fields.get("options"), list):
        fields["options"] = tuple(fields["options"])
    try:
        return _OFFER_EVENT_TYPES[kind](**fields)
    except TypeError as error:
        raise ValueError(f"malformed {kind} event: {error}") from None


@dataclass(frozen=True, slots=True)
class OfferRules:
    """Seats in turn order, the agenda, and the deadline in rounds."""

    seats: tuple[str, ...]
    agenda: Agenda
    max_rounds: int = 30
    checked: set[tuple[str, ...]] = field(default_factory=set, compare=False, repr=False, hash=False)
    """Offers already found valid under these rules (a cache: not part of the rules' value)."""

    def __post_init__(self) -> None:
        if len(self.seats) < 2 or len(set(self.seats)) != len(self.seats):
            raise ValueError("alternating offers need at least two distinct seats")


@dataclass(frozen=True, slots=True)
class OfferState:
    rules: OfferRules
    turn: int = 0
    offers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    accepted: frozenset[str] = frozenset()
    status: Status = "open"
    agreement: int | None = None
    reason: str = ""
    ended_by: str | None = None

    @property
    def turn_seat(self) -> str:
        return self.rules.seats[self.turn % len(self.rules.seats)]

    @property
    def round(self) -> int:
        """The current round, counting from 1."""
        return self.turn // len(self.rules.seats) + 1

    @property
    def standing(self) -> tuple[str, tuple[str, ...]] | None:
        return self.offers[-1] if self.offers else None


_replace_offer_state = replacer(OfferState)


def _evolve(state: OfferState, **changes: Any) -> OfferState:
    """``dataclasses.replace(state, **changes)``, fast (:func:`~hexatable.negotiate.protocol.replacer`)."""
    return _replace_offer_state(state, changes)


def replay_offers(rules: OfferRules, events: Iterable[OfferEvent]) -> OfferState:
    state = OfferState(rules)
    for event in events:
        state = apply_offer(state, event)
    return state


def apply_offer(state: OfferState, event: OfferEvent) -> OfferState:
    """The state after ``event``, or :class:`IllegalEventError` with the reason (state unchanged)."""
    rules = state.rules
    kind = type(event)
    on_turn = event.seat == rules.seats[state.turn % len(rules.seats)] and state.status == "open"
    if not (on_turn and (kind is Propose or kind is Accept)):  # the common turns skip these checks
        if event.seat not in rules.seats:
            raise IllegalEventError(f"seat '{event.seat}' is not in this session")
        if state.status != "open":
            raise IllegalEventError(f"the talks have ended ({state.status}: {state.reason})")
        if isinstance(event, Message):
            return state
        if isinstance(event, TimeUp):
            return _evolve(state, status="failed", reason="time ran out")
        if isinstance(event, Close):
            return _evolve(state, status="failed", reason="the talks were closed")
        if event.seat != state.turn_seat:
            raise IllegalEventError(f"it is {state.turn_seat}'s turn, not {event.seat}'s")
    if isinstance(event, EndTalks):
        return _evolve(state, status="failed", reason=f"'{event.seat}' ended the talks", ended_by=event.seat)
    if isinstance(event, Accept):
        if not isinstance(event.offer, int):
            raise IllegalEventError("offer: the number of the standing offer")
        if not state.offers:
            raise IllegalEventError("there is no offer to accept yet")
        if event.offer != len(state.offers):
            raise IllegalEventError(f"offer {event.offer} is not the standing offer ({len(state.offers)})")
        accepted = state.accepted | {event.seat}
        if len(accepted) == len(rules.seats):
            return _evolve(
                state,
                accepted=accepted,
                status="agreed",
                agreement=len(state.offers),
                reason="every party accepted",
            )
        return _next_turn(state, accepted=accepted)
    if not isinstance(event, Propose):
        raise IllegalEventError(f"unknown event {event!r}")
    try:  # offers repeat: each distinct one is checked once
        known = event.options in rules.checked
    except TypeError:  # unhashable: not a tuple of ids, which the check below says
        known = False
    if not known:
        _check_options(rules, event.options)
        rules.checked.add(event.options)
    return _next_turn(
        state, offers=(*state.offers, (event.seat, event.options)), accepted=frozenset({event.seat})
    )


def _check_options(rules: OfferRules, chosen: object) -> None:
    """:class:`IllegalEventError` unless ``chosen`` is one option id per issue of the agenda."""
    if not isinstance(chosen, tuple) or not all(isinstance(o, str) for o in chosen):
        raise IllegalEventError("an offer's options are a list of option ids, one per issue")
    if len(chosen) != len(rules.agenda):
        raise IllegalEventError(f"an offer needs one option for each of the {len(rules.agenda)} issues")
    for (issue, options), option in zip(rules.agenda, chosen, strict=True):
        if option not in options:
            raise IllegalEventError(f"issue '{issue}' has no option '{option}'")


def _next_turn(state: OfferState, **changes: Any) -> OfferState:
    """``state`` with ``changes`` and the turn passed on (failed once the deadline's rounds are over)."""
    turn = state.turn + 1
    if turn // len(state.rules.seats) + 1 > state.rules.max_rounds:
        reason = f"no agreement by the deadline ({state.rules.max_rounds} rounds)"
        return _evolve(state, turn=turn, status="failed", reason=reason, **changes)
    return _evolve(state, turn=turn, **changes)


def run_alternating(analysis: Analysis, config: RunConfig, seed: int, *, keep_log: bool = False) -> RunResult:
    """One stacked-alternating-offers negotiation among time-based delegates that learn from the turns.

    The turn order is the seats' order from a random first mover; the deadline is
    ``config.max_drafts`` rounds. A delegate accepts the standing offer when it is worth its
    aspiration, and otherwise offers, among outcomes at its aspiration, the one it believes the others
    most likely to accept; with ``config.patience`` it ends the talks after that many of its turns
    facing an offer below its reservation value. Every turn is public, and every other delegate learns
    from it (:mod:`hexatable.negotiate.offer_learning`: Bayes over the others' bottom lines, a frequency
    model of their issue weights); a delegate's floor follows its believed Nash point, brought up to
    date at each of its turns.
    """
    space = analysis.space
    rng = np.random.default_rng(seed)
    first = int(rng.integers(len(space.seats)))
    seats = space.seats[first:] + space.seats[:first]
    # The rules (and their cache of offers found valid) are the same in every run with this first mover.
    rules = space.memo(
        ("offer-rules", seats, config.max_drafts),
        lambda: OfferRules(
            seats, tuple(zip(space.issues, space.options, strict=True)), max_rounds=config.max_drafts
        ),
    )
    beliefs = OfferBeliefs.begin(landscape(space), rng, config.beliefs)
    delegates = {
        seat: make_delegate(
            space,
            seat,
            config.strategy_of(seat),
            start=1.0 - config.jitter * float(rng.random()),
            beliefs=beliefs,
            resolve=config.resolve,
        )
        for seat in seats
    }
    state = OfferState(rules)
    log: list[OfferEvent] = []
    below = dict.fromkeys(seats, 0)
    standing: int | None = None
    # Offers repeat: each outcome's option ids, found once per space.
    described: dict[int, tuple[str, ...]] = space.memo("described", dict)
    # Only delegates that reciprocate (tit-for-tat) are told of each offer's value to them.
    listeners = {
        seat: [d for other, d in delegates.items() if other != seat and _listens(d)] for seat in seats
    }
    total_turns = rules.max_rounds * len(seats)
    moved = (-1, -1, -1, 0.0)  # the last turn, for the others to learn from: (seat, offer, standing, t)
    while state.status == "open":
        seat = seats[state.turn % len(seats)]
        delegate = delegates[seat]
        t = state.turn / max(total_turns - 1, 1)
        beliefs.advance(*moved, delegate.index)  # learn from the last turn; this seat's Nash point
        demand = delegate.threshold(t)  # what accepts() and the offer compare with, computed once
        event: OfferEvent
        if standing is not None and float(delegate.utility[standing]) >= demand - 1e-9:
            event = Accept(seat, len(state.offers))
            moved = (delegate.index, -1, standing, t)
        else:
            below[seat] = (
                below[seat] + 1
                if standing is not None and float(delegate.utility[standing]) < delegate.reservation
                else 0
            )
            proposal = None
            if config.patience is None or below[seat] < config.patience:
                proposal = learnt_offer(delegate, beliefs, t, rng, demand)
            if proposal is None:  # out of patience, or nothing beats no agreement for it
                event = EndTalks(seat)
            else:
                if proposal not in described:
                    described[proposal] = space.options_of(proposal)
                event = Propose(seat, described[proposal])
                moved = (delegate.index, proposal, -1 if standing is None else standing, t)
                standing = proposal
                for listener in listeners[seat]:
                    listener.observe(standing)
        state = apply_offer(state, event)
        if keep_log:
            log.append(event)
    agreement = standing if state.status == "agreed" else None
    return scored(
        analysis,
        seed=seed,
        status=state.status,
        reason=state.reason,
        agreement=agreement,
        drafts=len(state.offers),
        walked_out=(state.ended_by,) if state.ended_by else (),
        events=tuple(log) if keep_log else None,
    )


def _listens(delegate: TimeBasedDelegate) -> bool:
    """Whether ``delegate`` does anything with the offers it observes (the base class ignores them)."""
    return type(delegate).observe is not TimeBasedDelegate.observe


def counter_offer(
    space: OutcomeSpace,
    delegate: TimeBasedDelegate,
    state: OfferState,
    t: float,
    rng: np.random.Generator,
    beliefs: OfferBeliefs | None = None,
) -> Propose | EndTalks:
    """The offer a delegate makes on its turn at time ``t`` (the end of the talks if no outcome is
    worth its reservation value): :func:`~hexatable.negotiate.offer_learning.learnt_offer`, the rule
    of the simulator. Without ``beliefs`` (the room's AI seats keep no state between turns) every
    seat's beliefs are rebuilt from the offers in ``state``, from the prior of
    :func:`~hexatable.negotiate.offer_learning.replayed_offer_beliefs`."""
    seat = state.turn_seat
    if beliefs is None:
        beliefs = replayed_offer_beliefs(
            space, state.rules.seats, state.offers, state.turn, state.rules.max_rounds
        )
    proposal = learnt_offer(delegate, beliefs, t, rng, delegate.threshold(t))
    if proposal is None:  # nothing beats no agreement for it
        return EndTalks(seat)
    return Propose(seat, space.options_of(proposal))
