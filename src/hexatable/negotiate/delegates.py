"""AI delegates: time-based concession on the party's own score sheet, adapted to the single text.

A delegate answers each version of the single text. It supports a draft worth at least its current
aspiration and objects otherwise, naming the issue whose change would gain it most. The aspiration
falls from the party's best score toward its reservation value along NegMAS's polynomial curve
(:class:`negmas.PolyAspiration`): ``boulware`` concedes late, ``linear`` evenly, ``conceder`` early,
``hardheaded`` never (Faratin, Sierra & Jennings 1998, *Negotiation decision functions for
autonomous agents*; the names and exponents are NegMAS's).

A delegate is built from :meth:`OutcomeSpace.utility_of` for its own seat only: it never sees
another party's sheet.

>>> from hexatable.negotiate.space import toy_space
>>> space = toy_space()
>>> a = TimeBasedDelegate.for_seat(space, "A", "linear")
>>> a.threshold(0.0), a.threshold(1.0)
(20.0, 4.0)
>>> a.respond(2, 0.5)  # 10 points at half time: below the aspiration of 12, object on issue y
('object', 'y')
>>> a.respond(2, 0.75)
('support', None)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np
from negmas import PolyAspiration

from hexatable.negotiate.beliefs import Beliefs, compiled
from hexatable.negotiate.space import FloatArray, IntArray, OutcomeSpace

STRATEGIES = ("boulware", "linear", "conceder", "hardheaded", "tit-for-tat")
Strategy = Literal["boulware", "linear", "conceder", "hardheaded", "tit-for-tat"]
Answer = tuple[Literal["support", "object"], str | None]
AnswerKind = Literal["support", "object", "reserve"]
RESERVE_MARGIN = 0.03
"""A delegate reserves on a draft above its reservation value that falls short of its demand by at most
this share of its utility range: close, but not yet."""


@dataclass(frozen=True)
class Reply:
    """A delegate's answer to a draft, with what an objection needs: the issue and the option wanted."""

    kind: AnswerKind
    issue: str | None = None
    toward: str | None = None


def best_objection(utility: FloatArray, radices: tuple[int, ...]) -> IntArray:
    """For every outcome, the issue whose best alternative option gains this utility most.

    Changing issue ``i`` alone, the best reachable utility is the maximum along axis ``i`` of the
    utility grid; the objection names the issue with the largest such gain (the first on ties).
    """
    grid = utility.reshape(radices)
    gains = np.stack(
        [np.broadcast_to(grid.max(axis=i, keepdims=True), grid.shape) - grid for i in range(len(radices))]
    )
    return np.asarray(gains.reshape(len(radices), -1).argmax(axis=0), dtype=np.int64)


@dataclass(frozen=True, eq=False)
class TimeBasedDelegate:
    """A delegate conceding over time from its best score toward its reservation value.

    Parameters
    ----------
    seat
        The seat it plays.
    utility
        Its own utility of every outcome (nothing else of the scenario's sheets).
    reservation
        Its reservation value: it never supports a draft worth less.
    issues
        The agenda's issue ids, to name objections.
    objections
        For every outcome, the index of the issue it objects to (see :func:`best_objection`).
    strategy
        A NegMAS aspiration name or an exponent.
    start
        The aspiration at time 0 as a share of the way from reservation to best (1.0: its best).
    ranking
        Its outcomes by increasing utility, for offers (computed when missing).

    Attributes
    ----------
    best
        Its best possible score, computed once.
    """

    seat: str
    utility: FloatArray
    reservation: float
    issues: tuple[str, ...]
    objections: IntArray
    strategy: Strategy | float = "boulware"
    start: float = 1.0
    ranking: tuple[IntArray, list[float]] | None = field(default=None, repr=False)
    top: float | None = None
    beliefs: Beliefs | None = field(default=None, repr=False)
    index: int = 0
    towards: IntArray | None = field(default=None, repr=False)
    options: tuple[tuple[str, ...], ...] = ()
    resolve: float = 0.5
    extent: tuple[float, float] | None = field(default=None, repr=False)
    """``(best, worst)`` score when already known (:meth:`for_seat` memoises them per space)."""
    best: float = field(init=False)
    span: float = field(init=False, repr=False)
    exponent: float | None = field(init=False, repr=False)
    offsets: IntArray | None = field(init=False, repr=False)
    _floor: tuple[FloatArray, float] | None = field(init=False, default=None, repr=False)
    """The last :meth:`floor` and the beliefs' targets it was computed from (they change only when
    the beliefs learn, so alternating offers, where they do not, compute it once)."""

    def __post_init__(self) -> None:
        # computed once: reply() and threshold() run for every seat on every draft
        best, worst = self.extent or (float(self.utility.max()), float(self.utility.min()))
        object.__setattr__(self, "best", best)
        object.__setattr__(self, "span", best - worst)
        try:
            exponent: float | None = None if self.strategy == "hardheaded" else _curve(self.strategy).exponent
        except ValueError:  # an unknown strategy fails where it is used, in threshold()
            exponent = None
        object.__setattr__(self, "exponent", exponent)
        object.__setattr__(self, "offsets", _offsets(self.options) if self.options else None)

    @classmethod
    def for_seat(
        cls,
        space: OutcomeSpace,
        seat: str,
        strategy: Strategy | float = "boulware",
        start: float = 1.0,
        beliefs: Beliefs | None = None,
        resolve: float = 0.5,
    ) -> TimeBasedDelegate:
        index = space.seat_index(seat)
        utility = space.utility_of(seat)
        top, extent = space.memo(("delegate", index), lambda: _seat_facts(space, index))
        return cls(
            seat=seat,
            utility=utility,
            reservation=float(space.reservations[index]),
            issues=space.issues,
            objections=_objections(space, index),
            strategy=strategy,
            start=start,
            ranking=space.memo(("ranking", index), lambda: _ranking(utility)),
            top=top,
            beliefs=beliefs,
            index=index,
            towards=_towards(space, index),
            options=space.options,
            resolve=resolve,
            extent=extent,
        )

    def floor(self) -> float:
        """The least it will ever accept: its reservation value, raised by ``resolve`` times the way
        from there to the score of the text it expects to be agreed, when it has beliefs about the
        others (never above its opening demand). A party that thinks the others can give more holds
        out for more."""
        if self.beliefs is None or self.resolve <= 0:
            return self.reservation
        targets = self.beliefs.targets()
        if self._floor is not None and self._floor[0] is targets:
            return self._floor[1]
        top = self.best if self.top is None else self.top
        expected = min(float(targets[self.index]), top)
        floor = self.reservation + self.resolve * max(expected - self.reservation, 0.0)
        object.__setattr__(self, "_floor", (targets, floor))
        return floor

    def threshold(self, t: float) -> float:
        """The least score it supports at relative time ``t`` in [0, 1]: from its opening demand (its
        best score unless the scenario gives its opening package) down to its floor along its curve;
        ``hardheaded`` never comes down."""
        top = self.best if self.top is None else self.top
        if self.strategy == "hardheaded":  # its opening demand, whatever it comes to believe
            return self.reservation + self.start * max(top - self.reservation, 0.0)
        floor = self.floor()
        if self.exponent is not None:  # NegMAS's PolyAspiration(1.0, strategy).utility_at(t), inline
            aspiration = 1.0 - math.pow(min(max(t, 0.0), 1.0), self.exponent)
        else:
            aspiration = float(_curve(self.strategy).utility_at(min(max(t, 0.0), 1.0)))
        return floor + self.start * aspiration * max(top - floor, 0.0)

    def reply(self, outcome: int, t: float) -> Reply:
        """Support, reserve (close to its demand) or object naming the issue and the option it needs."""
        self.observe(outcome)
        value = float(self.utility[outcome])
        demand = self.threshold(t)
        if value >= demand - 1e-9:
            return Reply("support")
        if value >= self.reservation and value >= demand - RESERVE_MARGIN * self.span:
            return Reply("reserve")
        issue = int(self.objections[outcome])
        toward = None
        if self.towards is not None and self.options and self.towards[outcome] >= 0:
            toward = self.options[issue][int(self.towards[outcome])]
        return Reply("object", self.issues[issue], toward)

    def observe(self, outcome: int) -> None:
        """Take note of a draft or of another party's offer (time-based delegates ignore them)."""

    def accepts(self, outcome: int, t: float) -> bool:
        """Whether ``outcome`` is worth its aspiration at time ``t``."""
        return float(self.utility[outcome]) >= self.threshold(t) - 1e-9

    def propose(
        self,
        t: float,
        rng: np.random.Generator,
        outcomes: IntArray | None = None,
        toward: IntArray | None = None,
        window: int = 64,
        *,
        toward_outcomes: IntArray | None = None,
        demand: float | None = None,
    ) -> int | None:
        """An outcome worth at least its aspiration at ``t`` (``None`` if no outcome is worth even its
        reservation value: it has nothing to offer that beats no agreement).

        Among the ``window`` cheapest such outcomes it offers the one differing least (in number of
        issues) from the others' latest offers ``toward`` (rows of option indices; ``outcomes`` is the
        space's outcome table; ``toward_outcomes`` gives the offers as outcome indices instead),
        breaking ties at random; with nothing to go on, one at random. ``demand`` is its
        :meth:`threshold` at ``t`` when the caller has just computed it.
        Offering what is acceptable to oneself and closest to what the others asked for is a simple
        similarity heuristic for finding agreements without knowing their sheets.
        """
        order, ranked = self.ranking if self.ranking is not None else _ranking(self.utility)
        if demand is None:
            demand = self.threshold(t)
        position = bisect_left(ranked, demand - 1e-9)
        if position >= len(order):  # its demand is above every outcome: offer its best, if worth it
            return int(order[-1]) if ranked[-1] >= self.reservation - 1e-9 else None
        candidates = order[position : position + window]
        if toward_outcomes is not None and outcomes is not None:
            table, rows = outcomes, toward_outcomes
        elif toward is not None and len(toward):
            table, rows = np.ascontiguousarray(toward), np.arange(len(toward), dtype=np.int64)
        else:
            table, rows = None, None
        if outcomes is None or table is None or rows is None or not len(rows):
            return int(candidates[int(rng.random() * len(candidates))])
        if self.offsets is not None:  # the same set, counted per option instead of compared row by row
            nearest = np.empty(len(candidates), dtype=np.int64)
            count = compiled().nearest_rows(candidates, outcomes, table, rows, self.offsets, nearest)
            closest = nearest[:count]
        else:
            mismatches = (outcomes[candidates][:, None, :] != table[rows][None, :, :]).sum(axis=(1, 2))
            closest = candidates[mismatches == mismatches.min()]
        return int(closest[int(rng.random() * len(closest))])  # a uniform pick; rng.integers costs 3x more

    def respond(self, outcome: int, t: float) -> Answer:
        """``("support", None)`` or ``("object", issue)`` for the draft ``outcome`` at time ``t``."""
        self.observe(outcome)
        if self.utility[outcome] >= self.threshold(t) - 1e-9:
            return ("support", None)
        return ("object", self.issues[int(self.objections[outcome])])


@dataclass(frozen=True, eq=False)
class ReciprocalDelegate(TimeBasedDelegate):
    """Tit-for-tat: concedes as far as the drafts or the others' offers have moved toward it.

    Its aspiration is its best score less the concession it has received (the best it has been
    offered minus the first offer), but never above its boulware aspiration, so that it still settles
    before the deadline (Axelrod's reciprocity, as adapted to negotiation by Faratin et al. 1998's
    behaviour-dependent tactics).
    """

    seen: list[float] = field(default_factory=list, repr=False)

    def observe(self, outcome: int) -> None:
        self.seen.append(float(self.utility[outcome]))

    def threshold(self, t: float) -> float:
        deadline = super().threshold(t)
        if not self.seen:
            return deadline
        received = max(self.seen) - self.seen[0]
        return max(self.reservation, min(deadline, self.best - received))


def goes_on(space: OutcomeSpace, seat: str, seated: Collection[str]) -> bool:
    """An AI party's answer after a walk-out (rule ``vote``): it goes on unless its sheet ``needs`` a
    party that is away. The simulator and the room's AI seats both answer this way.

    >>> from hexatable.negotiate.space import toy_space
    >>> space = toy_space()
    >>> goes_on(space, space.seats[0], space.seats)
    True
    """
    away = frozenset(space.seats) - frozenset(seated)
    return not away & space.needs.get(seat, frozenset())


def make_delegate(
    space: OutcomeSpace,
    seat: str,
    strategy: Strategy | float = "boulware",
    start: float = 1.0,
    beliefs: Beliefs | None = None,
    resolve: float = 0.5,
) -> TimeBasedDelegate:
    """A fresh delegate for one negotiation (tit-for-tat delegates keep what they have seen); with
    ``beliefs`` it holds out for part (``resolve``) of what it expects the others can give."""
    if strategy == "tit-for-tat":
        return ReciprocalDelegate.for_seat(space, seat, "boulware", start, beliefs, resolve)
    return TimeBasedDelegate.for_seat(space, seat, strategy, start, beliefs, resolve)


def _seat_facts(space: OutcomeSpace, index: int) -> tuple[float | None, tuple[float, float]]:
    """A seat's score of its declared opening package (``None`` without a complete one) and its best
    and worst scores: the same in every run of a space."""
    utility = space.utilities[index]
    opening = space.openings.get(space.seats[index])
    top = None
    if opening is not None and all(issue in opening for issue in space.issues):
        top = float(utility[space.index_of(opening)])
    return top, (float(utility.max()), float(utility.min()))


@cache
def _offsets(options: tuple[tuple[str, ...], ...]) -> IntArray:
    """Where each issue's options start when all issues' options are laid side by side."""
    return np.cumsum([0, *(len(o) for o in options[:-1])]).astype(np.int64)


@cache
def _curve(strategy: Strategy | float) -> PolyAspiration:
    return PolyAspiration(1.0, strategy)


def _ranking(utility: FloatArray) -> tuple[IntArray, list[float]]:
    """Outcomes by increasing utility, and those utilities (for offering near an aspiration; a list,
    because a turn's one look-up is three times faster with :func:`bisect.bisect_left` than with
    ``ndarray.searchsorted``)."""
    order = np.asarray(np.argsort(utility, kind="stable"), dtype=np.int64)
    ranked: list[float] = utility[order].tolist()
    return order, ranked


def best_toward(utility: FloatArray, radices: tuple[int, ...], objections: IntArray) -> IntArray:
    """For every outcome, the option of its objected issue that would serve this utility best (the
    rest of the draft unchanged): what an objection asks for; -1 where that is the option the outcome
    already has (a local optimum of a non-additive sheet: no single change helps).

    >>> best_toward(np.array([5.0, 0.0, 0.0, 20.0]), (2, 2), np.array([0, 0, 0, 0])).tolist()
    [-1, 1, 0, -1]
    """
    grid = utility.reshape(radices)
    best = np.stack(
        [np.broadcast_to(grid.argmax(axis=i, keepdims=True), grid.shape) for i in range(len(radices))]
    ).reshape(len(radices), -1)
    columns = np.arange(best.shape[1])
    wanted = best[objections, columns]
    current = np.stack(np.unravel_index(columns, radices))[objections, columns]
    return np.asarray(np.where(wanted == current, -1, wanted), dtype=np.int64)


def _towards(space: OutcomeSpace, seat_index: int) -> IntArray:
    return space.memo(
        ("towards", seat_index),
        lambda: best_toward(space.utilities[seat_index], space.radices, _objections(space, seat_index)),
    )


def _objections(space: OutcomeSpace, seat_index: int) -> IntArray:
    """A seat's objection table, computed once per space."""
    return space.memo(
        ("objections", seat_index),
        lambda: best_objection(space.utilities[seat_index], space.radices),
    )
