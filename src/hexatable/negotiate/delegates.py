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

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np
from negmas import PolyAspiration

from hexatable.negotiate.space import FloatArray, IntArray, OutcomeSpace

STRATEGIES = ("boulware", "linear", "conceder", "hardheaded", "tit-for-tat")
Strategy = Literal["boulware", "linear", "conceder", "hardheaded", "tit-for-tat"]
Answer = tuple[Literal["support", "object"], str | None]


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
    ranking: tuple[IntArray, FloatArray] | None = field(default=None, repr=False)
    best: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "best", float(self.utility.max()))

    @classmethod
    def for_seat(
        cls, space: OutcomeSpace, seat: str, strategy: Strategy | float = "boulware", start: float = 1.0
    ) -> TimeBasedDelegate:
        index = space.seat_index(seat)
        utility = space.utility_of(seat)
        return cls(
            seat=seat,
            utility=utility,
            reservation=float(space.reservations[index]),
            issues=space.issues,
            objections=_objections(space, index),
            strategy=strategy,
            start=start,
            ranking=space.memo(("ranking", index), lambda: _ranking(utility)),
        )

    def threshold(self, t: float) -> float:
        """The least score it supports at relative time ``t`` in [0, 1]."""
        aspiration = float(_curve(self.strategy).utility_at(min(max(t, 0.0), 1.0)))
        return self.reservation + self.start * aspiration * (self.best - self.reservation)

    def observe(self, outcome: int) -> None:
        """Take note of a draft or of another party's offer (time-based delegates ignore them)."""

    def accepts(self, outcome: int, t: float) -> bool:
        """Whether ``outcome`` is worth its aspiration at time ``t``."""
        return bool(self.utility[outcome] >= self.threshold(t) - 1e-9)

    def propose(
        self,
        t: float,
        rng: np.random.Generator,
        outcomes: IntArray | None = None,
        toward: IntArray | None = None,
        window: int = 64,
    ) -> int:
        """An outcome worth at least its aspiration at ``t``.

        Among the ``window`` cheapest such outcomes it offers the one differing least (in number of
        issues) from the others' latest offers ``toward`` (rows of option indices; ``outcomes`` is the
        space's outcome table), breaking ties at random; with nothing to go on, one at random.
        Offering what is acceptable to oneself and closest to what the others asked for is a simple
        similarity heuristic for finding agreements without knowing their sheets.
        """
        order, ranked = self.ranking if self.ranking is not None else _ranking(self.utility)
        position = int(np.searchsorted(ranked, self.threshold(t) - 1e-9))
        if position >= len(order):
            return int(order[-1])
        candidates = order[position : position + window]
        if outcomes is None or toward is None or len(toward) == 0:
            return int(candidates[int(rng.integers(len(candidates)))])
        mismatches = (outcomes[candidates][:, None, :] != toward[None, :, :]).sum(axis=(1, 2))
        closest = candidates[mismatches == mismatches.min()]
        return int(closest[int(rng.integers(len(closest)))])

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


def make_delegate(
    space: OutcomeSpace, seat: str, strategy: Strategy | float = "boulware", start: float = 1.0
) -> TimeBasedDelegate:
    """A fresh delegate for one negotiation (tit-for-tat delegates keep what they have seen)."""
    if strategy == "tit-for-tat":
        return ReciprocalDelegate.for_seat(space, seat, "boulware", start)
    return TimeBasedDelegate.for_seat(space, seat, strategy, start)


@cache
def _curve(strategy: Strategy | float) -> PolyAspiration:
    return PolyAspiration(1.0, strategy)


def _ranking(utility: FloatArray) -> tuple[IntArray, FloatArray]:
    """Outcomes by increasing utility, and those utilities (for offering near an aspiration)."""
    order = np.asarray(np.argsort(utility, kind="stable"), dtype=np.int64)
    return order, utility[order]


def _objections(space: OutcomeSpace, seat_index: int) -> IntArray:
    """A seat's objection table, computed once per space."""
    return space.memo(
        ("objections", seat_index),
        lambda: best_objection(space.utilities[seat_index], space.radices),
    )
