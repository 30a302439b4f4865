"""An ANAC-style tournament: any NegMAS negotiator takes each seat in turn against hexatable's delegates.

For every agent, every seat of the scenario and every run, one NegMAS ``SAOMechanism`` (stacked
alternating offers among all the seats, Aydoğan et al. 2017) is played with the agent in that seat and
:class:`~hexatable.negotiate.negmas_bridge.HexatableNegotiator` delegates (``opponents`` strategy) in
the others. The agent's score is its utility of the agreement, or its reservation value without one;
it is also reported as gain over the reservation value and normalised to [0, 1] of the seat's range
(the span of its utilities over all outcomes and its reservation value), which makes seats
comparable. This is the setting of the ANAC multilateral leagues (Aydoğan et al. 2020, *Challenges
and main results of the automated negotiating agents competition (ANAC) 2019*): each agent plays
every role of the domain, scored by its own utility.

Runs are seeded from ``(seed, seat, run)`` only, not from the agent: in run ``r`` of seat ``s`` every
agent meets the same first mover, the same opponents' starting aspirations and the same seeds for
NegMAS's global ``random``/NumPy generators (common random numbers: differences between agents are
not noise in the draws). The global generators are restored after each run. Statistics are
accumulated as the runs come in (Welford's mean and variance), chunk after chunk in run order, so they
are the same whether the chunks ran here, in local processes or on a Dask cluster (``executor``); no
list of runs is kept.

>>> from hexatable.negotiate.space import toy_space
>>> from hexatable.negotiate.negmas_bridge import HexatableNegotiator
>>> result = run_tournament(toy_space(), [Entrant("linear", lambda: HexatableNegotiator("linear"))], runs=3)
>>> [(r.agent, r.seat, r.runs) for r in result.records]
[('linear', 'A', 3), ('linear', 'B', 3)]
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from negmas.gb.negotiators.base import GBNegotiator
from negmas.sao import SAOMechanism
from scipy.special import stdtrit  # type: ignore[import-untyped]

from hexatable.execution import Executor, chunk_size, run_chunks
from hexatable.execution.local import ProcessExecutor
from hexatable.negotiate.delegates import Strategy
from hexatable.negotiate.negmas_bridge import (
    HexatableNegotiator,
    TableUtilityFunction,
    negmas_outcome_space,
    outcome_index,
)
from hexatable.negotiate.space import OutcomeSpace
from hexatable.negotiate.tally import wilson_interval

CONFIDENCE = 0.95
AgentFactory = Callable[[], Any]
"""Makes a fresh NegMAS negotiator for one negotiation (a negotiator class is one). SAO accepts any
``GBNegotiator``: ``SAONegotiator`` subclasses and NegMAS's own agents such as
``AspirationNegotiator``, which derive from ``GBNegotiator`` directly."""


@dataclass(frozen=True)
class Entrant:
    """An agent in the tournament: its name and how to make a fresh negotiator of it."""

    name: str
    factory: AgentFactory


class AgentError(RuntimeError):
    """A negotiation raised: the agent, the seat and the run it happened in, and the cause."""

    def __init__(self, agent: str, seat: str, run: int, cause: BaseException) -> None:
        detail = f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__
        super().__init__(f"agent '{agent}' in seat {seat}, run {run}: {detail}")
        self.agent, self.seat, self.run, self.cause = agent, seat, run, cause

    def __reduce__(self) -> tuple[type[AgentError], tuple[str, str, int, BaseException]]:
        """Rebuilt from its four parts when it crosses from a worker process to the client."""
        return (AgentError, (self.agent, self.seat, self.run, self.cause))


@dataclass(frozen=True)
class Estimate:
    """A mean with its two-sided t interval (``low``/``high`` are ``None`` with fewer than two runs)."""

    mean: float
    low: float | None
    high: float | None

    def to_dict(self) -> dict[str, float | None]:
        return {"mean": self.mean, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class Rate:
    """A share of runs with its Wilson score interval (Wilson 1927, JASA 22(158))."""

    rate: float
    low: float
    high: float
    count: int
    runs: int

    def to_dict(self) -> dict[str, float | int]:
        return {"rate": self.rate, "low": self.low, "high": self.high, "count": self.count, "runs": self.runs}


@dataclass(frozen=True)
class Standing:
    """An agent's results in one seat (``seat`` set) or over all seats (``seat`` is ``None``).

    ``score`` is in the seat's points (over all seats: the mean of points on different scales, shown
    for completeness); ``gain`` is over the reservation value; ``normalised`` is in [0, 1] of each
    seat's range, the figure the ranking uses.
    """

    agent: str
    seat: str | None
    runs: int
    score: Estimate
    gain: Estimate
    normalised: Estimate
    agreement: Rate

    def to_dict(self) -> dict[str, Any]:
        return {
            "agent": self.agent,
            **({"seat": self.seat} if self.seat is not None else {}),
            "runs": self.runs,
            "score": self.score.to_dict(),
            "gain": self.gain.to_dict(),
            "normalised": self.normalised.to_dict(),
            "agreement": self.agreement.to_dict(),
        }


@dataclass(frozen=True)
class TournamentResult:
    """Every agent × seat standing (agents in the order given, seats in the space's) and the ranking
    (agents by decreasing mean normalised score, then by name)."""

    seats: tuple[str, ...]
    agents: tuple[str, ...]
    runs: int
    seed: int
    n_steps: int
    opponents: str
    records: tuple[Standing, ...]
    ranking: tuple[Standing, ...]

    def record(self, agent: str, seat: str) -> Standing:
        return next(r for r in self.records if r.agent == agent and r.seat == seat)

    def to_dict(self) -> dict[str, Any]:
        return {
            "seats": list(self.seats),
            "agents": list(self.agents),
            "runs": self.runs,
            "seed": self.seed,
            "steps": self.n_steps,
            "opponents": self.opponents,
            "confidence": CONFIDENCE,
            "results": [r.to_dict() for r in self.records],
            "ranking": [{"rank": n + 1, **r.to_dict()} for n, r in enumerate(self.ranking)],
        }


@dataclass
class _Moments:
    """Running count, mean and sum of squared deviations (Welford 1962, Technometrics 4(3))."""

    n: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add(self, x: float) -> None:
        self.n += 1
        delta = x - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (x - self.mean)

    def estimate(self) -> Estimate:
        if self.n < 2:
            return Estimate(self.mean, None, None)
        half = float(stdtrit(self.n - 1, 0.5 + CONFIDENCE / 2)) * math.sqrt(self.m2 / (self.n - 1) / self.n)
        return Estimate(self.mean, self.mean - half, self.mean + half)


@dataclass
class _Tally:
    score: _Moments = field(default_factory=_Moments)
    gain: _Moments = field(default_factory=_Moments)
    normalised: _Moments = field(default_factory=_Moments)
    agreed: int = 0

    def add(self, score: float, reservation: float, low: float, high: float, agreed: bool) -> None:
        self.score.add(score)
        self.gain.add(score - reservation)
        self.normalised.add((score - low) / (high - low) if high > low else 1.0)
        self.agreed += agreed

    def standing(self, agent: str, seat: str | None) -> Standing:
        runs = self.score.n
        return Standing(
            agent=agent,
            seat=seat,
            runs=runs,
            score=self.score.estimate(),
            gain=self.gain.estimate(),
            normalised=self.normalised.estimate(),
            agreement=wilson(self.agreed, runs),
        )


def wilson(count: int, runs: int, confidence: float = CONFIDENCE) -> Rate:
    """The Wilson score interval of ``count`` successes in ``runs`` trials (:func:`wilson_interval`).

    >>> r = wilson(0, 10)
    >>> r.rate, r.low, round(r.high, 4)
    (0.0, 0.0, 0.2775)
    """
    low, high = wilson_interval(count, runs, confidence)
    return Rate(count / runs if runs else 0.0, low, high, count, runs)


def seat_range(space: OutcomeSpace, row: int) -> tuple[float, float]:
    """The span of a seat's possible scores: its utilities over all outcomes and its reservation value."""
    reservation = float(space.reservations[row])
    utility = space.utilities[row]
    return min(float(utility.min()), reservation), max(float(utility.max()), reservation)


@dataclass(frozen=True)
class Play:
    """One negotiation from the agent's side: its score and whether there was an agreement."""

    score: float
    agreed: bool
    steps: int


def play(
    space: OutcomeSpace,
    factory: AgentFactory,
    seat: str,
    *,
    seed: int,
    run: int,
    n_steps: int = 30,
    opponents: Strategy | float = "boulware",
    jitter: float = 0.1,
) -> Play:
    """One SAO negotiation with ``factory()`` in ``seat`` and hexatable delegates in the others.

    The draws depend on ``(seed, seat, run)`` only (see the module's docstring). An agreement on an
    outcome outside the space counts as none.
    """
    row = space.seat_index(seat)
    sequence = np.random.SeedSequence(seed, spawn_key=(row, run))
    rng = np.random.default_rng(sequence)
    first = int(rng.integers(len(space.seats)))
    order = space.seats[first:] + space.seats[:first]
    starts = {s: 1.0 - jitter * float(rng.random()) for s in space.seats}
    seeds = rng.integers(2**32, size=len(space.seats) + 2).tolist()
    saved_random, saved_numpy = random.getstate(), np.random.get_state()
    random.seed(seeds[-2])
    np.random.seed(seeds[-1])
    try:
        agent = factory()
        if not isinstance(agent, GBNegotiator):
            raise TypeError(f"made a {type(agent).__name__}, not a NegMAS SAO negotiator")
        mechanism = SAOMechanism(
            outcome_space=negmas_outcome_space(space), n_steps=n_steps, check_offers=True
        )
        for s in order:
            i = space.seat_index(s)
            negotiator = (
                agent if s == seat else HexatableNegotiator(opponents, start=starts[s], seed=seeds[i])
            )
            if mechanism.add(negotiator, ufun=TableUtilityFunction(space, s)) is False:
                raise ValueError(f"the mechanism refused the negotiator of seat {s}")
        mechanism.run()
        state = mechanism.state
    finally:
        random.setstate(saved_random)
        np.random.set_state(saved_numpy)
    agreement = state.agreement
    index = outcome_index(space).get(tuple(agreement)) if agreement is not None else None
    if index is None:
        return Play(float(space.reservations[row]), False, int(state.step))
    return Play(float(space.utilities[row, index]), True, int(state.step))


@dataclass(frozen=True)
class _Setup:
    """What every chunk of a tournament shares: shipped once per worker."""

    space: OutcomeSpace
    agents: tuple[Entrant, ...]
    seed: int
    n_steps: int
    opponents: Strategy | float
    jitter: float


@dataclass(frozen=True)
class _Games:
    """One chunk: consecutive runs of one agent in one seat."""

    agent: int
    seat: str
    runs: range


def _play_games(setup: _Setup, games: _Games) -> list[Play]:
    """The chunk's negotiations, in run order (a worker's task; :class:`AgentError` if one raises)."""
    entrant = setup.agents[games.agent]
    plays: list[Play] = []
    for run in games.runs:
        try:
            plays.append(
                play(
                    setup.space,
                    entrant.factory,
                    games.seat,
                    seed=setup.seed,
                    run=run,
                    n_steps=setup.n_steps,
                    opponents=setup.opponents,
                    jitter=setup.jitter,
                )
            )
        except Exception as error:
            raise AgentError(entrant.name, games.seat, run, error) from error
    return plays


def _games_of(games: _Games) -> int:
    return len(games.runs)


def run_tournament(
    space: OutcomeSpace,
    agents: Sequence[Entrant],
    *,
    runs: int,
    seed: int = 0,
    n_steps: int = 30,
    opponents: Strategy | float = "boulware",
    jitter: float = 0.1,
    progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
) -> TournamentResult:
    """Every agent in every seat, ``runs`` negotiations each; ``progress(n)`` as each chunk of ``n``
    negotiations ends.

    The negotiations run in chunks on ``executor`` (:mod:`hexatable.execution`: local processes or a
    Dask cluster; the agents' factories must then pickle) or, without one, here; the chunks' plays are
    folded in agent, seat and run order, so the statistics are the same wherever they ran.

    Raises :class:`AgentError` if a negotiation raises (NegMAS passes a negotiator's exception on),
    ``ValueError`` for no agents, duplicate names, ``runs`` or ``n_steps`` below 1.
    """
    names = [a.name for a in agents]
    if not agents:
        raise ValueError("no agents to play")
    if len(set(names)) != len(names):
        raise ValueError(f"agent names must differ: {', '.join(names)}")
    if runs < 1 or n_steps < 1:
        raise ValueError("runs and n_steps must be at least 1")
    runner = executor if executor is not None else ProcessExecutor(1)
    size = min(runs, chunk_size(runs * len(agents) * len(space.seats), runner.slots))
    setup = _Setup(space, tuple(agents), seed, n_steps, opponents, jitter)
    chunks = (
        _Games(a, seat, part)
        for a in range(len(agents))
        for seat in space.seats
        for part in run_chunks(runs, size)
    )
    records: list[Standing] = []
    overall: list[Standing] = []
    products = runner.map_ordered(_play_games, setup, chunks, weight=_games_of, progress=progress)
    with closing(products) as plays:
        for entrant in agents:
            total = _Tally()
            for row, seat in enumerate(space.seats):
                tally = _Tally()
                reservation = float(space.reservations[row])
                low, high = seat_range(space, row)
                done = 0
                while done < runs:
                    chunk = next(plays)
                    for result in chunk:
                        for t in (tally, total):
                            t.add(result.score, reservation, low, high, result.agreed)
                    done += len(chunk)
                records.append(tally.standing(entrant.name, seat))
            overall.append(total.standing(entrant.name, None))
    ranking = sorted(overall, key=lambda s: (-s.normalised.mean, s.agent))
    return TournamentResult(
        seats=space.seats,
        agents=tuple(names),
        runs=runs,
        seed=seed,
        n_steps=n_steps,
        opponents=str(opponents),
        records=tuple(records),
        ranking=tuple(ranking),
    )
