"""How the chair drafts the single text.

Three kinds of chair:

- **mediator** (the default): the chair is a party and knows only its own sheet. It follows Raiffa's
  single-negotiating-text procedure (Raiffa 1982, *The Art and Science of Negotiation*, ch. 14): it
  tables the text it believes best and revises it after each round of answers. "Best" is the largest
  *expected* Nash product under its beliefs (:mod:`hexatable.negotiate.beliefs`): the probability that
  every party supports the text times the product of the gains over their reservation values it
  believes the text gives them. It never tables a text below its own current demand, so it never
  objects to its own draft. Objections move its beliefs (the objector's reservation value and the
  weight of the issue named), so the next text differs for a reason, and as the parties' demands fall
  with time the texts converge instead of cycling.
- **informed** (``nash``, ``maximin``): a mediator entrusted with the parties' sheets, as a
  facilitator of a computer-assisted negotiation would be. It ranks the outcomes every party
  prefers to no agreement by its criterion (the Nash product of gains over BATNA, or the smallest
  gain) and tables them best first; after objections it moves to the best-ranked candidate that
  changes an objected issue, and returns to the top of its list when none is left. As the
  delegates' aspirations fall, one of its best candidates is accepted.
- **uninformed** (``hill-climb``): it sees only the objections. It starts from the middle option of
  every issue and, on each objected issue, moves to the option objected to least so far (the
  nearest on ties): hill climbing on the objection count.

Chairs are deterministic given their random generator (used only to break ties).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np

from hexatable.negotiate.analysis import Analysis, gains, rational_mask
from hexatable.negotiate.beliefs import Beliefs
from hexatable.negotiate.delegates import TimeBasedDelegate
from hexatable.negotiate.space import IntArray, OutcomeSpace

ChairName = Literal["mediator", "nash", "maximin", "hill-climb"]
CHAIRS: tuple[ChairName, ...] = ("mediator", "nash", "maximin", "hill-climb")


class Chair(Protocol):
    """Drafts versions of the single text."""

    def first_draft(self) -> int: ...

    def next_draft(self, current: int, objections: Mapping[str, str]) -> int: ...


def ranked_candidates(analysis: Analysis, criterion: Literal["nash", "maximin"], keep: int = 64) -> IntArray:
    """The best ``keep`` rational outcomes by ``criterion``, best first (ties: larger total gain)."""
    space = analysis.space
    g = gains(space)
    rational = rational_mask(space)
    if not rational.any():
        return np.array([int(np.argmax(g.sum(axis=0)))], dtype=np.int64)
    score = np.prod(np.clip(g, 0, None), axis=0) if criterion == "nash" else g.min(axis=0)
    score = np.where(rational, score, -np.inf)
    order = np.lexsort((np.arange(space.size), -g.sum(axis=0), -score))
    count = min(keep, int(rational.sum()))
    return np.asarray(order[:count], dtype=np.int64)


@dataclass
class InformedChair:
    """Tables ranked candidates, moving off objected issues (see the module docstring)."""

    space: OutcomeSpace
    candidates: IntArray
    _position: int = 0

    def first_draft(self) -> int:
        self._position = 0
        return int(self.candidates[0])

    def next_draft(self, current: int, objections: Mapping[str, str]) -> int:
        objected = [self.space.issues.index(issue) for issue in set(objections.values())]
        row = self.space.outcomes[current]
        for step in range(1, len(self.candidates) + 1):
            position = (self._position + step) % len(self.candidates)
            candidate = int(self.candidates[position])
            if candidate == current:
                continue
            if not objected or np.any(self.space.outcomes[candidate, objected] != row[objected]):
                self._position = position
                return candidate
        self._position = 0
        return int(self.candidates[0])


@dataclass
class HillClimbChair:
    """Moves objected issues to their least-objected option (see the module docstring)."""

    space: OutcomeSpace
    rng: np.random.Generator
    counts: list[IntArray] = field(default_factory=list)

    def first_draft(self) -> int:
        self.counts = [np.zeros(r, dtype=np.int64) for r in self.space.radices]
        middle = {i: o[(len(o) - 1) // 2] for i, o in zip(self.space.issues, self.space.options, strict=True)}
        return self.space.index_of(middle)

    def next_draft(self, current: int, objections: Mapping[str, str]) -> int:
        row = self.space.outcomes[current].copy()
        for issue in sorted(set(objections.values())):
            i = self.space.issues.index(issue)
            self.counts[i][row[i]] += sum(1 for objected in objections.values() if objected == issue)
            options = np.arange(self.space.radices[i])
            others = options[options != row[i]]
            least = self.counts[i][others].min()
            tied = others[self.counts[i][others] == least]
            nearest = tied[np.abs(tied - row[i]) == np.abs(tied - row[i]).min()]
            row[i] = int(self.rng.choice(nearest))
        strides = np.cumprod((1, *self.space.radices[:0:-1]))[::-1]
        return int((row * strides).sum())


@dataclass
class MediatorChair:
    """Drafts the text with the largest expected Nash product under its beliefs (see the module
    docstring). ``t`` is the time of the draft it is about to table; the runner sets it."""

    beliefs: Beliefs
    seat: int
    delegate: TimeBasedDelegate
    t: float = 0.0

    def first_draft(self) -> int:
        return self.choose()

    def next_draft(self, current: int, objections: Mapping[str, str]) -> int:
        return self.choose()

    def choose(self) -> int:
        """The shortlist text it tables now."""
        land = self.beliefs.land
        own = land.utilities[self.seat]
        allowed = np.flatnonzero(own >= self.delegate.threshold(self.t) - 1e-9)
        if not len(allowed):
            allowed = np.flatnonzero(own >= self.delegate.reservation)
        if not len(allowed):
            return int(land.shortlist[int(np.argmax(own))])
        return int(land.shortlist[self.beliefs.mediator_choice(self.seat, self.t, allowed)])


def make_chair(
    name: ChairName,
    analysis: Analysis,
    rng: np.random.Generator,
    *,
    beliefs: Beliefs | None = None,
    delegate: TimeBasedDelegate | None = None,
) -> Chair:
    """A fresh chair of strategy ``name`` for one negotiation (the mediator needs the chair seat's
    beliefs and delegate)."""
    if name == "mediator":
        if beliefs is None or delegate is None:
            raise ValueError("the mediator chair drafts from its own beliefs and demand")
        return MediatorChair(beliefs, delegate.index, delegate)
    if name == "hill-climb":
        return HillClimbChair(analysis.space, rng)
    if name in ("nash", "maximin"):
        candidates = analysis.space.memo(("candidates", name), lambda: ranked_candidates(analysis, name))
        return InformedChair(analysis.space, candidates)
    raise ValueError(f"unknown chair strategy '{name}'; use one of {', '.join(CHAIRS)}")
