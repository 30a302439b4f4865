"""One negotiation among AI delegates under the chair-mediated single-text protocol.

:func:`run_single_text` drives the protocol of :mod:`hexatable.negotiate.protocol` with a chair
(:mod:`~hexatable.negotiate.chair`) and time-based delegates (:mod:`~hexatable.negotiate.delegates`):
the chair tables a draft, every seated delegate answers in a random order, the chair revises from
the objections, until consensus or the deadline. The result records the agreement, each party's
score and gain over its BATNA, the distance to the Pareto frontier and the Nash product, and, when
asked, the event log, which :func:`~hexatable.negotiate.protocol.replay` turns back into the final
state. Given the same analysis, configuration and seed the run is identical.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.beliefs import BeliefMode, Beliefs, BeliefState, landscape
from hexatable.negotiate.chair import ChairName, MediatorChair, make_chair
from hexatable.negotiate.delegates import STRATEGIES, Reply, Strategy, goes_on, make_delegate
from hexatable.negotiate.protocol import (
    Event,
    GoOn,
    Object,
    Recess,
    Reserve,
    Resume,
    Return,
    Rules,
    State,
    Support,
    TableDraft,
    WalkOut,
    WalkOutRule,
    apply,
    event_to_dict,
    start,
)

BeliefWatch = Callable[[int, Beliefs], None]
"""Called with the version and the seats' beliefs each time a draft is tabled (the beliefs the chair
drafted it under and the seats will answer it with); it may read them, never change them."""

MechanismName = Literal["single-text", "alternating-offers", "bilateral-track", "top-down", "bottom-up"]


@dataclass(frozen=True)
class RunConfig:
    """How a negotiation is run.

    Attributes
    ----------
    chair
        The chair's drafting strategy.
    strategies
        Each seat's delegate strategy; seats not named play ``default``.
    max_drafts
        The deadline, in versions of the single text.
    walk_out
        After a walk-out: the parties still at the table vote on going on (``vote``: each goes on unless
        its sheet ``needs`` the party that left), the talks end (``fail``) or go on (``continue``).
    patience
        A delegate walks out after objecting to this many consecutive drafts worth less than its
        reservation value; ``None``: delegates never walk out. A delegate that walked out follows the
        drafts and returns for one worth its aspiration.
    jitter
        Spread of the delegates' starting aspiration across runs (0: every run starts at the best).
    drafts_per_round
        The chair calls a recess after this many drafts and resumes with the next round
        (``None``: one round). Delegates' time runs on over recesses.
    mechanism
        ``single-text``, or a phased mechanism (see :mod:`hexatable.negotiate.mechanisms`).
    side_room, side_issues, headline
        Options of the phased mechanisms (``None``: derived from the sheets).
    beliefs
        ``declared``: each seat starts from the scenario's priors, misperceptions included;
        ``accurate``: the same uncertainty centred on the truth.
    resolve
        How far above its reservation value a delegate holds out, as a share of the way to the score
        it expects the others can give it (0: it concedes down to its reservation value by the deadline;
        1: never below what it expects).
    """

    chair: ChairName = "mediator"
    default: Strategy | float = "boulware"
    strategies: Mapping[str, Strategy | float] = field(default_factory=dict)
    max_drafts: int = 30
    walk_out: WalkOutRule = "vote"
    patience: int | None = None
    jitter: float = 0.1
    drafts_per_round: int | None = None
    mechanism: MechanismName = "single-text"
    side_room: tuple[str, str] | None = None
    side_issues: tuple[str, ...] | None = None
    headline: tuple[str, ...] | None = None
    beliefs: BeliefMode = "declared"
    resolve: float = 0.5

    def strategy_of(self, seat: str) -> Strategy | float:
        return self.strategies.get(seat, self.default)

    def label(self) -> str:
        """A short name for tables: ``nash · boulware`` or ``nash · PRK=hardheaded, boulware``."""
        named = ", ".join(f"{seat}={s}" for seat, s in sorted(self.strategies.items()))
        mix = f"{named}, {self.default}" if named else str(self.default)
        suffix = "" if self.beliefs == "declared" else f" · {self.beliefs} beliefs"
        if self.mechanism == "alternating-offers":  # no chair; the beliefs matter as elsewhere
            return f"{self.mechanism} · {mix}{suffix}"
        prefix = "" if self.mechanism == "single-text" else f"{self.mechanism} · "
        return f"{prefix}{self.chair} · {mix}{suffix}"


@dataclass(frozen=True)
class RunResult:
    """What one negotiation produced.

    ``status`` is ``agreed`` only when every seat is party to the agreement; an agreement that some
    seats are not party to (they walked out and the others went on) is ``agreed-without``, and
    ``acceptance`` says, seat by seat in the space's order, who is party to it (all ``False`` without an
    agreement). Scores are every seat's utility of the outcome (its reservation value without one).
    """

    seed: int
    status: str
    reason: str
    agreement: int | None
    drafts: int
    scores: tuple[float, ...]
    gains: tuple[float, ...]
    distance_to_frontier: float | None
    nash_product: float
    walked_out: tuple[str, ...]
    events: tuple[Any, ...] | None = None
    phases: tuple[Any, ...] = ()
    returns: int = 0
    acceptance: tuple[bool, ...] = ()

    def absent(self, seats: tuple[str, ...]) -> tuple[str, ...]:
        """The seats not party to the agreement (empty without an agreement)."""
        if self.agreement is None:
            return ()
        return tuple(s for s, party in zip(seats, self.acceptance, strict=True) if not party)

    def to_dict(self, analysis: Analysis) -> dict[str, Any]:
        space = analysis.space
        return {
            "seed": self.seed,
            "status": self.status,
            "reason": self.reason,
            "agreement": space.describe(self.agreement) if self.agreement is not None else None,
            "drafts": self.drafts,
            "scores": dict(zip(space.seats, self.scores, strict=True)),
            "gains": dict(zip(space.seats, self.gains, strict=True)),
            "distance_to_frontier": self.distance_to_frontier,
            "nash_product": self.nash_product,
            "walked_out": list(self.walked_out),
            "acceptance": dict(zip(space.seats, self.acceptance, strict=True)),
            "without": list(self.absent(space.seats)),
            "returns": self.returns,
            "events": [event_to_dict(e) for e in self.events] if self.events is not None else None,
            "phases": [p.to_dict() for p in self.phases],
        }


def rules_for(analysis: Analysis, config: RunConfig, chair: str) -> Rules:
    space = analysis.space
    return Rules(
        seats=space.seats,
        chair=chair,
        agenda=tuple(zip(space.issues, space.options, strict=True)),
        max_drafts=config.max_drafts,
        walk_out=config.walk_out,
    )


def run_single_text(
    analysis: Analysis,
    config: RunConfig,
    seed: int,
    *,
    chair_seat: str | None = None,
    keep_log: bool = False,
    carried: BeliefState | None = None,
) -> RunResult:
    """Run one chair-mediated single-text negotiation among AI delegates.

    Parameters
    ----------
    analysis
        The scenario's outcome space and bargaining analysis (shared, read-only).
    config
        Chair strategy, delegate strategies, deadline, walk-out rule and beliefs.
    seed
        Seeds every random choice: the seats' priors, the delegates' starting demands, the order of
        answers and the chair's tie-breaks.
    chair_seat
        The seat that chairs (default: the first seat).
    keep_log
        Keep the event log in the result (for transcripts and replay).
    carried
        Beliefs carried over from an earlier phase (:func:`run_single_text_beliefs`).
    """
    return _run_single_text(analysis, config, seed, chair_seat, keep_log, carried)[0]


def run_single_text_beliefs(
    analysis: Analysis,
    config: RunConfig,
    seed: int,
    *,
    chair_seat: str | None = None,
    keep_log: bool = False,
    carried: BeliefState | None = None,
    watch: BeliefWatch | None = None,
) -> tuple[RunResult, BeliefState]:
    """:func:`run_single_text`, also returning the seats' beliefs at the end (for the next phase).

    ``watch`` sees the beliefs at every draft (tests compare them with the room's replay of the log);
    it changes nothing in the run."""
    result, beliefs = _run_single_text(analysis, config, seed, chair_seat, keep_log, carried, watch)
    return result, beliefs.export()


def _run_single_text(
    analysis: Analysis,
    config: RunConfig,
    seed: int,
    chair_seat: str | None,
    keep_log: bool,
    carried: BeliefState | None,
    watch: BeliefWatch | None = None,
) -> tuple[RunResult, Beliefs]:
    space = analysis.space
    rng = np.random.default_rng(seed)
    rules = rules_for(analysis, config, chair_seat or space.seats[0])
    beliefs = Beliefs.start(landscape(space), rng, config.beliefs, carried)
    delegates = {
        seat: make_delegate(
            space,
            seat,
            config.strategy_of(seat),
            start=1.0 - config.jitter * float(rng.random()),
            beliefs=beliefs,
            resolve=config.resolve,
        )
        for seat in space.seats
    }
    chair = make_chair(config.chair, analysis, rng, beliefs=beliefs, delegate=delegates[rules.chair])
    log: list[Event] = []
    state = start(rules)
    below_reservation = dict.fromkeys(space.seats, 0)
    reservations = space.reservations.tolist()

    def record(event: Event) -> None:
        nonlocal state
        state = apply(state, event)
        if keep_log:
            log.append(event)

    def vote() -> None:
        """After a walk-out, each party still at the table goes on unless it needs one that is away."""
        for seat in rules.seats:
            if state.status == "open" and seat in state.vote:
                record(GoOn(seat, goes_on(space, seat, state.seated)))

    draft = chair.first_draft()
    while True:
        record(TableDraft(rules.chair, space.options_of(draft)))
        if watch is not None:
            watch(state.version, beliefs)
        t = (state.version - 1) / max(config.max_drafts - 1, 1)
        values = space.utilities[:, draft].tolist()  # each seat's score of the draft, as Python floats
        if len(state.seated) < len(rules.seats):
            for seat in rules.seats:  # the drafts are public: a party that left returns for a good one
                if seat not in state.seated and delegates[seat].accepts(draft, t):
                    below_reservation[seat] = 0
                    record(Return(seat))
        objections: dict[str, str] = {}
        answers: dict[int, Literal["support", "object", "reserve"]] = {}
        objected: dict[int, int] = {}
        # the seats' order drawn as indices: the same draws, and the same order, as permuting the names
        for i in rng.permutation(len(rules.seats)).tolist():
            seat = rules.seats[i]
            if state.status != "open" or seat not in state.seated:
                continue
            delegate = delegates[seat]
            if seat == rules.chair and values[i] >= reservations[i]:
                reply = Reply("support")  # the chair mediates: it stands by the text it tabled
            else:
                reply = delegate.reply(draft, t)
            if reply.kind != "object":
                below_reservation[seat] = 0
                answers[i] = reply.kind
                record(
                    Support(seat, state.version) if reply.kind == "support" else Reserve(seat, state.version)
                )
                continue
            below = values[i] < reservations[i]
            below_reservation[seat] = below_reservation[seat] + 1 if below else 0
            if config.patience is not None and below_reservation[seat] >= config.patience:
                record(WalkOut(seat))
                if state.vote:
                    vote()
                continue
            assert reply.issue is not None
            objections[seat] = reply.issue
            answers[i] = "object"
            objected[i] = space.issues.index(reply.issue)
            record(Object(seat, state.version, reply.issue, toward=reply.toward))
        if state.status != "open":
            break
        beliefs.observe(draft, t, answers, objected)
        if config.drafts_per_round and state.version % config.drafts_per_round == 0:
            record(Recess(rules.chair))
            record(Resume(rules.chair))
        if isinstance(chair, MediatorChair):
            chair.t = state.version / max(config.max_drafts - 1, 1)
        draft = chair.next_draft(draft, objections)
    return _result(analysis, state, seed, tuple(log) if keep_log else None), beliefs


def _result(analysis: Analysis, state: State, seed: int, events: tuple[Event, ...] | None) -> RunResult:
    space = analysis.space
    agreement = None
    if state.agreement is not None:
        agreement = space.index_of_options(state.drafts[state.agreement - 1])
    return scored(
        analysis,
        seed=seed,
        status=state.status,
        reason=state.reason,
        agreement=agreement,
        drafts=state.version,
        walked_out=state.walked_out,
        events=events,
        returns=state.returns,
        acceptance=tuple(seat in state.seated for seat in space.seats),
    )


def scored(
    analysis: Analysis,
    *,
    seed: int,
    status: str,
    reason: str,
    agreement: int | None,
    drafts: int,
    walked_out: tuple[str, ...],
    events: tuple[Any, ...] | None = None,
    phases: tuple[Any, ...] = (),
    returns: int = 0,
    acceptance: tuple[bool, ...] | None = None,
) -> RunResult:
    """A finished negotiation scored on the whole agenda: without agreement every seat gets its
    reservation value (a gain of 0).

    ``acceptance`` says who is party to the agreement (default: everyone when there is one). An
    agreement without some seat is reported as ``agreed-without`` with the reason naming them, never
    as a full agreement.
    """
    space = analysis.space
    if agreement is None:
        acceptance = (False,) * len(space.seats)
    elif acceptance is None:
        acceptance = (True,) * len(space.seats)
    if agreement is not None and not all(acceptance):
        absent = [seat for seat, party in zip(space.seats, acceptance, strict=True) if not party]
        status, reason = "agreed-without", f"agreed without {', '.join(absent)}"
    values = space.utilities[:, agreement] if agreement is not None else space.reservations
    scores = tuple(float(v) for v in values)
    return RunResult(
        seed=seed,
        status=status,
        reason=reason,
        agreement=agreement,
        drafts=drafts,
        scores=scores,
        gains=tuple(s - float(r) for s, r in zip(scores, space.reservations, strict=True)),
        distance_to_frontier=analysis.distance_to_frontier(agreement) if agreement is not None else None,
        nash_product=analysis.nash_product(agreement) if agreement is not None else 0.0,
        walked_out=walked_out,
        events=events,
        phases=phases,
        returns=returns,
        acceptance=acceptance,
    )


def parse_strategies(
    text: str, seats: tuple[str, ...]
) -> tuple[Strategy | float, dict[str, Strategy | float]]:
    """Read ``boulware`` or ``PRK=hardheaded,USA=linear,conceder`` (a bare name is the default).

    >>> parse_strategies("PRK=hardheaded,linear", ("PRK", "USA"))
    ('linear', {'PRK': 'hardheaded'})
    """
    default: Strategy | float = "boulware"
    named: dict[str, Strategy | float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        seat, _, name = part.rpartition("=")
        strategy = _strategy(name.strip())
        if seat:
            if seat.strip() not in seats:
                raise ValueError(f"'{seat.strip()}' is not a seat of this scenario ({', '.join(seats)})")
            named[seat.strip()] = strategy
        else:
            default = strategy
    return default, named


def _strategy(name: str) -> Strategy | float:
    if name in STRATEGIES:
        return name  # type: ignore[return-value]
    try:
        exponent = float(name)
    except ValueError:
        raise ValueError(f"unknown strategy '{name}'; use {', '.join(STRATEGIES)} or an exponent") from None
    if not math.isfinite(exponent) or not 0 < exponent <= 1000:
        raise ValueError(f"an exponent is a number above 0 and at most 1000, not {name}")
    return exponent
