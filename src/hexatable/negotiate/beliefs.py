"""Private information: what each seat believes the others would accept, and how it learns.

A seat knows only its own score sheet. About every other seat ``j``, a holder ``h`` keeps:

- **a model of j's utility**: j's utility with the main effect of each issue scaled by a factor
  ``f[h, j, i]`` (the holder's guess of j's issue weights). Each run draws the factors from a log-normal
  distribution of spread ``weight_noise`` (the prior); objections then move them.
- **a belief about j's reservation value**: a discrete distribution on a grid of ``GRID`` points
  (±2.5 standard deviations) around an initial estimate that each run draws from the declared prior,
  normal with mean ``r_j + shift`` and standard deviation ``spread``. ``shift`` is a *misperception*:
  negative when the holder thinks j would settle for less than it would.

Learning is Bayesian over these reservation types (as in Hindriks & Tykhonov 2008, *Opponent modelling
in automated multi-issue negotiation using Bayesian learning*, AAMAS): the holder does not know j's
strategy and assumes j concedes evenly from its best score toward its bottom line ``r``,
``θ_j(t; r) = r + (1 − t)(best_j − r)``, and supports a draft ``d`` with probability
``σ((Û_j(d) − θ_j(t; r)) / τ_j)``; every answer multiplies each type's weight by its likelihood (an
objection by the complement, a reservation by the square root of the complement: half the evidence of
an objection). The issue named in an objection raises the objector's weight on that issue by ``η`` and
the weights are scaled back to their total, as the frequency opponent models of the ANAC agents do
(van Krimpen, Looije & Hajizadeh 2013, *HardHeaded*, in Complex Automated Negotiations, Springer).

Red lines (``must_have``) are stated in public: every holder knows a seat rejects a text lacking one.

Beliefs are evaluated on a *shortlist* of texts (:func:`landscape`): the Pareto-optimal outcomes of the
scenario, each seat's best outcomes and the declared opening packages. This is a simplification for
speed that the docs state: the drafters know which texts are efficient, not which each party accepts.

Every seat's beliefs are held in one set of arrays so that a round of answers updates all holders at
once; a holder's decisions read only its own row (``[h]``), never another's.

>>> from hexatable.negotiate.space import toy_space
>>> beliefs = Beliefs.start(landscape(toy_space()), np.random.default_rng(0))
>>> beliefs.estimate().shape
(2, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Literal

import numpy as np
import numpy.typing as npt

from hexatable.negotiate.analysis import pareto_mask
from hexatable.negotiate.space import FloatArray, IntArray, OutcomeSpace, Prior

BeliefMode = Literal["declared", "accurate"]
"""``declared``: the scenario's priors with their misperceptions; ``accurate``: the same uncertainty,
centred on the truth (every ``shift`` set to 0)."""

GRID = np.linspace(-2.5, 2.5, 9)
LOG_PRIOR = -(GRID**2) / 2


@dataclass(frozen=True)
class BeliefSettings:
    """The engine's defaults, each a stated assumption a reader can change.

    Attributes
    ----------
    spread
        Default standard deviation of a reservation prior, as a share of the other seat's utility range.
    weight_noise
        Default log-normal spread of the guessed issue weights.
    temperature
        ``τ``: how noisy a holder thinks the others' answers are, as a share of their utility range.
    learning_rate
        ``η``: how much an objection raises the objector's believed weight on the issue it names.
    per_seat
        How many of each seat's best outcomes join the shortlist.
    assumed_exponent
        How a holder thinks the others concede from their best score to their bottom line: the exponent
        of NegMAS's aspiration curve (1: evenly; a holder does not know the others' strategies).
    """

    spread: float = 0.1
    weight_noise: float = 0.25
    temperature: float = 0.04
    learning_rate: float = 0.15
    per_seat: int = 16
    assumed_exponent: float = 1.0


DEFAULT_SETTINGS = BeliefSettings()


def aspiration(t: float, exponent: float) -> float:
    """NegMAS's polynomial aspiration ``1 − t^e`` (``e = 4``: boulware, ``1``: linear).

    >>> aspiration(0.5, 1.0), aspiration(0.5, 4.0)
    (0.5, 0.9375)
    """
    return float(1.0 - min(max(t, 0.0), 1.0) ** exponent)


def main_effects(space: OutcomeSpace) -> tuple[FloatArray, ...]:
    """For each issue, ``[seat, option]``: the mean utility with that option chosen less the grand mean."""

    def compute() -> tuple[FloatArray, ...]:
        grid = space.utilities.reshape((len(space.seats), *space.radices))
        grand = grid.reshape(len(space.seats), -1).mean(axis=1)
        tables = []
        for axis in range(len(space.issues)):
            others = tuple(a + 1 for a in range(len(space.issues)) if a != axis)
            tables.append(np.asarray(grid.mean(axis=others) - grand[:, None], dtype=np.float64))
        return tuple(tables)

    return space.memo("main-effects", compute)


@dataclass(frozen=True, eq=False)
class Landscape:
    """What beliefs are evaluated on, computed once per space.

    Attributes
    ----------
    shortlist
        ``[K]`` outcome indices (sorted).
    utilities
        ``[S, K]`` true utilities on the shortlist (a holder reads only its own row as truth).
    effects
        ``[S, I, K]`` each issue's main effect for each seat on the shortlist.
    span
        ``[S]`` each seat's utility range (best minus worst).
    forbidden
        ``[S, K]`` whether a text lacks one of the seat's public red lines (it will not accept it).
    flat_effects, offsets
        The main-effect tables side by side (``[S, options of all issues]``) and where each issue's
        options start, to read one outcome's effects in one step.
    """

    space: OutcomeSpace
    settings: BeliefSettings
    shortlist: IntArray
    utilities: FloatArray
    effects: FloatArray
    span: FloatArray
    flat_effects: FloatArray
    offsets: IntArray
    forbidden: npt.NDArray[np.bool_]
    tau: FloatArray = field(init=False, repr=False)
    permitted: npt.NDArray[np.bool_] = field(init=False, repr=False)
    """``[K]`` texts that cross no seat's red line."""
    reservations: FloatArray = field(init=False, repr=False)
    _effect_of: dict[int, FloatArray] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        # the answer model's temperature in each seat's units, used by every update
        object.__setattr__(self, "tau", self.settings.temperature * self.span)
        object.__setattr__(self, "permitted", ~self.forbidden.any(axis=0))
        object.__setattr__(
            self, "reservations", np.ascontiguousarray(self.space.reservations, dtype=np.float64)
        )

    def effect_of(self, outcome: int) -> FloatArray:
        """``[S, I]`` each issue's main effect of ``outcome`` for each seat (cached for drafted texts)."""
        effect = self._effect_of.get(outcome)
        if effect is None:
            effect = np.ascontiguousarray(self.flat_effects[:, self.offsets + self.space.outcomes[outcome]])
            if len(self._effect_of) < 4096:  # drafts come from the shortlist; bound the rest
                self._effect_of[outcome] = effect
        return effect

    def truth_of(self, outcome: int) -> FloatArray:
        """``[S]`` every seat's true utility of ``outcome`` (contiguous, for the compiled updates)."""
        return np.ascontiguousarray(self.space.utilities[:, outcome])

    def position(self, outcome: int) -> int | None:
        """Where ``outcome`` is on the shortlist (``None`` if it is not)."""
        at = int(np.searchsorted(self.shortlist, outcome))
        return at if at < len(self.shortlist) and int(self.shortlist[at]) == outcome else None


def landscape(space: OutcomeSpace, settings: BeliefSettings = DEFAULT_SETTINGS) -> Landscape:
    """The shortlist and its arrays for ``space`` (memoised per space and settings)."""

    def compute() -> Landscape:
        chosen = set(np.flatnonzero(pareto_mask(space.utilities)).tolist())
        for row in space.utilities:
            chosen.update(np.argsort(-row, kind="stable")[: settings.per_seat].tolist())
        for package in space.openings.values():
            if all(issue in package for issue in space.issues):
                chosen.add(space.index_of(package))
        shortlist = np.array(sorted(chosen), dtype=np.int64)
        tables = main_effects(space)
        effects = np.stack(
            [tables[i][:, space.outcomes[shortlist, i]] for i in range(len(space.issues))], axis=1
        )
        span = space.utilities.max(axis=1) - space.utilities.min(axis=1)
        offsets = np.concatenate([[0], np.cumsum(space.radices)[:-1]]).astype(np.int64)
        forbidden = np.zeros((len(space.seats), len(shortlist)), dtype=bool)
        for s, seat in enumerate(space.seats):
            for issue, wanted in space.red_lines.get(seat, {}).items():
                if issue in space.issues:
                    column = space.issues.index(issue)
                    allowed = [space.options[column].index(o) for o in wanted if o in space.options[column]]
                    forbidden[s] |= ~np.isin(space.outcomes[shortlist, column], allowed)
        return Landscape(
            space=space,
            settings=settings,
            shortlist=shortlist,
            # C order: every later reduction runs along contiguous rows (several times faster)
            utilities=np.ascontiguousarray(space.utilities[:, shortlist], dtype=np.float64),
            effects=np.ascontiguousarray(effects, dtype=np.float64),
            span=np.where(span > 0, span, 1.0),
            flat_effects=np.concatenate(tables, axis=1),
            offsets=offsets,
            forbidden=forbidden,
        )

    return space.memo(("landscape", settings), compute)


@dataclass(frozen=True)
class BeliefState:
    """Beliefs to carry from one phase into the next, keyed by seat and issue ids."""

    reservations: Mapping[tuple[str, str], tuple[FloatArray, FloatArray]]
    weights: Mapping[tuple[str, str, str], float]


@dataclass(eq=False)
class Beliefs:
    """Every seat's private beliefs in one run (see the module docstring).

    Attributes
    ----------
    grid
        ``[S, S, G]`` reservation types of ``j`` that ``h`` considers.
    log_weights
        ``[S, S, G]`` their unnormalised log posterior.
    factors
        ``[S, S, I]`` ``h``'s guess of how much more or less each issue weighs for ``j``.
    values
        ``[S, S, K]`` ``h``'s model of ``j``'s utility on the shortlist (row ``h == j``: the truth).
    """

    land: Landscape
    grid: FloatArray
    log_weights: FloatArray
    factors: FloatArray
    values: FloatArray
    _cache: dict[str, FloatArray] = field(default_factory=dict, repr=False)
    _stable: dict[str, FloatArray] = field(default_factory=dict, repr=False)
    """What depends only on ``factors`` and ``values`` (kept until an objection moves them)."""

    @classmethod
    def start(
        cls,
        land: Landscape,
        rng: np.random.Generator,
        mode: BeliefMode = "declared",
        carried: BeliefState | None = None,
    ) -> Beliefs:
        """Each holder's prior for one run, drawn from the declared priors (or carried from a phase)."""
        space, settings = land.space, land.settings
        count = len(space.seats)
        shift = np.zeros((count, count))
        spread = np.tile(settings.spread * land.span, (count, 1))
        noise = np.full((count, count), settings.weight_noise)
        for (holder, about), prior in space.priors.items():
            h, j = space.seat_index(holder), space.seat_index(about)
            shift[h, j] = prior.shift if mode == "declared" else 0.0
            spread[h, j] = prior.spread if prior.spread is not None else spread[h, j]
            noise[h, j] = prior.weight_noise if prior.weight_noise is not None else noise[h, j]
        estimate = space.reservations[None, :] + shift + spread * rng.standard_normal((count, count))
        grid = estimate[:, :, None] + spread[:, :, None] * GRID
        log_weights = np.broadcast_to(LOG_PRIOR - LOG_PRIOR.max(), grid.shape).copy()
        factors = np.exp(noise[:, :, None] * rng.standard_normal((count, count, len(space.issues))))
        if carried is not None:
            _carry(space, carried, grid, log_weights, factors)
            log_weights -= log_weights.max(axis=2, keepdims=True)
        diagonal = np.arange(count)
        factors[diagonal, diagonal] = 1.0
        grid[diagonal, diagonal] = space.reservations[:, None]
        values = np.ascontiguousarray(
            land.utilities[None, :, :] + _modelled_effects(factors - 1.0, land.effects)
        )
        return cls(land, grid, log_weights, factors, values)

    def export(self) -> BeliefState:
        """The posterior, keyed by ids, for the next phase."""
        space = self.land.space
        reservations = {
            (h, j): (self.grid[a, b].copy(), self.log_weights[a, b].copy())
            for a, h in enumerate(space.seats)
            for b, j in enumerate(space.seats)
            if a != b
        }
        weights = {
            (h, j, issue): float(self.factors[a, b, i])
            for a, h in enumerate(space.seats)
            for b, j in enumerate(space.seats)
            for i, issue in enumerate(space.issues)
            if a != b
        }
        return BeliefState(reservations, weights)

    def posterior(self) -> FloatArray:
        """``[S, S, G]`` normalised weights of the reservation types."""
        if "posterior" not in self._cache:
            w = np.exp(self.log_weights)  # kept at most 0 by observe
            self._cache["posterior"] = w / w.sum(axis=2, keepdims=True)
        return self._cache["posterior"]

    def estimate(self) -> FloatArray:
        """``[S, S]`` each holder's expected reservation value of each seat (its own: the truth)."""
        if "estimate" not in self._cache:
            self._cache["estimate"] = (self.posterior() * self.grid).sum(axis=2)
        return self._cache["estimate"]

    def best(self) -> FloatArray:
        """``[S, S]`` each holder's estimate of each seat's best score (over the shortlist)."""
        if "best" not in self._stable:
            self._stable["best"] = np.ascontiguousarray(self.values.max(axis=2))
        return self._stable["best"]

    def _delta(self) -> FloatArray:
        """``factors - 1.0``, kept between objections."""
        if "delta" not in self._stable:
            self._stable["delta"] = self.factors - 1.0
        return self._stable["delta"]

    def value_of(self, outcome: int) -> FloatArray:
        """``[S, S]`` each holder's modelled utility of ``outcome`` for each seat."""
        land = self.land
        effect = land.effect_of(outcome)  # [S, I]
        true = land.space.utilities[:, outcome]
        return np.asarray(true[None, :] + np.einsum("hji,ji->hj", self._delta(), effect))

    def observe(
        self,
        outcome: int,
        t: float,
        answers: Mapping[int, Literal["support", "object", "reserve"]],
        objected: Mapping[int, int] | None = None,
    ) -> None:
        """Every holder updates on the public answers of seats ``answers`` (by seat index) to
        ``outcome`` at time ``t``; ``objected`` maps a seat to the issue index its objection named.

        The reservation types are updated first, with the weights as they were; then objections move
        the weights (compiled loops: :mod:`hexatable.negotiate.belief_kernels`)."""
        if not answers:
            return
        land = self.land
        order = tuple(sorted(answers))
        negative_sign, weight = _answer_model(tuple(answers[s] for s in order))
        compiled().update_reservations(
            self.log_weights,
            self.grid,
            self.factors,
            land.effect_of(outcome),
            self.best(),
            land.truth_of(outcome),
            _indices(order),
            negative_sign,
            weight,
            land.tau,
            aspiration(t, land.settings.assumed_exponent),
        )
        if objected:
            who = np.fromiter(objected, dtype=np.int64, count=len(objected))
            issue = np.fromiter(objected.values(), dtype=np.int64, count=len(objected))
            best = self.best().copy()  # a new array: a caller may hold the old one
            compiled().update_weights(
                self.factors,
                self.values,
                best,
                land.utilities,
                land.effects,
                who,
                issue,
                land.settings.learning_rate,
            )
            self._stable.clear()
            self._stable["best"] = best
        self._cache.clear()

    def targets(self) -> FloatArray:
        """``[S]`` each holder's own score at the text it expects to be agreed: the shortlist text with
        the largest Nash product of gains under its beliefs (its reservation value if no text seems
        acceptable to all)."""
        if "targets" not in self._cache:
            self._cache["targets"] = self._targets()
        return self._cache["targets"]

    def _targets(self) -> FloatArray:
        land = self.land
        return np.asarray(
            compiled().nash_targets(
                self.values, self.estimate(), land.utilities, land.permitted, land.reservations
            ),
            dtype=np.float64,
        )

    def mediator_choice(self, holder: int, t: float, allowed: IntArray) -> int:
        """The shortlist position, among ``allowed``, of the text with the largest expected Nash
        product for ``holder``: the product of the support it expects from each other seat
        (:meth:`acceptance`) and of every seat's believed gain (floored at 1% of its span)."""
        land = self.land
        level = aspiration(t, land.settings.assumed_exponent)
        estimate = np.ascontiguousarray(self.estimate())
        at = compiled().mediator_pick(
            self.values,
            self.grid,
            self.posterior(),
            self.best(),
            land.tau,
            land.forbidden,
            estimate,
            land.span,
            holder,
            np.ascontiguousarray(allowed, dtype=np.int64),
            level,
        )
        return int(allowed[at])

    def acceptance(self, holder: int, t: float, columns: IntArray | None = None) -> FloatArray:
        """``[S, K]`` how likely ``holder`` thinks each seat is to support each shortlist text at ``t``
        (only the shortlist positions ``columns`` when given; its own row is 1). The whole-array form
        of what :meth:`mediator_choice` computes in a compiled loop."""
        land = self.land
        others = _others(len(self.grid), holder)
        values = self.values[holder, others] if columns is None else self.values[holder, others][:, columns]
        grid = self.grid[holder, others]  # [S - 1, G]
        level = aspiration(t, land.settings.assumed_exponent)
        threshold = grid + level * (self.best()[holder, others][:, None] - grid)
        z = (values[:, None, :] - threshold[:, :, None]) / land.tau[others][:, None, None]
        p = np.ones((len(self.grid), values.shape[1]))
        p[others] = np.einsum("jg,jgk->jk", self.posterior()[holder, others], 1.0 / (1.0 + np.exp(-z)))
        forbidden = land.forbidden if columns is None else land.forbidden[:, columns]
        p[forbidden & (np.arange(len(self.grid)) != holder)[:, None]] = 0.0  # red lines are public
        return p


_SIGN = {"support": 1.0, "object": -1.0, "reserve": -1.0}
_WEIGHT = {"support": 1.0, "object": 1.0, "reserve": 0.5}


@cache
def _answer_model(
    kinds: tuple[Literal["support", "object", "reserve"], ...],
) -> tuple[FloatArray, FloatArray]:
    """``[n]`` minus each answer's sign and ``[n]`` its weight, for answers ``kinds`` (at most
    3^seats tuples, so they are made once, not on every update; callers do not write to them)."""
    negative_sign = np.array([-_SIGN[k] for k in kinds])
    weight = np.array([_WEIGHT[k] for k in kinds])
    return negative_sign, weight


def _carry(
    space: OutcomeSpace, carried: BeliefState, grid: FloatArray, log_weights: FloatArray, factors: FloatArray
) -> None:
    for a, h in enumerate(space.seats):
        for b, j in enumerate(space.seats):
            if (h, j) in carried.reservations:
                grid[a, b], log_weights[a, b] = carried.reservations[(h, j)]
            for i, issue in enumerate(space.issues):
                factors[a, b, i] = carried.weights.get((h, j, issue), factors[a, b, i])


@cache
def compiled() -> ModuleType:
    """:mod:`hexatable.negotiate.belief_kernels`, imported on first use: loading Numba and the compiled
    kernels takes about a second, which commands that never negotiate should not pay."""
    from hexatable.negotiate import belief_kernels

    return belief_kernels


@cache
def _indices(order: tuple[int, ...]) -> IntArray:
    """``order`` as an index array, made once per distinct tuple (callers do not write to it)."""
    return np.array(order, dtype=np.int64)


@cache
def _others(count: int, holder: int) -> IntArray:
    """The seat indices other than ``holder``."""
    return np.array([j for j in range(count) if j != holder], dtype=np.int64)


def _modelled_effects(delta: FloatArray, effects: FloatArray) -> FloatArray:
    """``[H, N, K]``: for each holder ``h`` and seat ``n``, ``sum_i delta[h, n, i] * effects[n, i, k]``,
    as one stacked matrix product per seat (four times faster than the equivalent ``einsum``)."""
    product: FloatArray = np.matmul(delta.transpose(1, 0, 2), effects)
    return product.transpose(1, 0, 2)


def prior_of(space: OutcomeSpace, holder: str, about: str) -> Prior:
    """The declared prior of ``holder`` about ``about`` (the default prior if none is declared)."""
    return space.priors.get((holder, about), Prior())
