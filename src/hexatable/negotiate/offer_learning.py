"""What delegates learn from the turns of stacked alternating offers, and how it shapes their offers.

Every turn is public: a party accepts the standing offer, or rejects it with a counter-offer. Each
holder ``h`` keeps, about every other seat ``j``, the beliefs of :mod:`hexatable.negotiate.beliefs`
(a grid of reservation types with log weights, and factors on j's issue weights) and updates them on
j's every turn by two rules:

- **Bottom line: Bayes over the type grid** (as in Hindriks & Tykhonov 2008, *Opponent modelling in
  automated multi-issue negotiation using Bayesian learning*, AAMAS). The holder assumes j concedes from
  its believed best score ``b`` toward its bottom line ``r`` along ``θ(t; r) = r + a(t)(b − r)``, with
  ``a`` NegMAS's aspiration at the holder's assumed exponent (1: evenly). An offer worth ``Û`` to j (as
  the holder models j's sheet) is the more likely under ``r`` the closer the curve puts it: likelihood
  ``exp(−z²/2)``, ``z = (Û − θ(t; r)) / τ``, with the ``τ`` of the single text's answer model. An
  acceptance is a support in that model (likelihood ``σ(z)`` at the accepted offer). The rejection
  that a counter-offer implies is not counted apart: the counter-offer says where the curve is, and
  the term would double the cost of a turn.
- **Issue weights: frequency** (the ANAC rule of HardHeaded: van Krimpen, Looije & Hajizadeh 2013,
  *HardHeaded*, in Complex Automated Negotiations, Springer, 223–227; analysed by Tunalı, Aydoğan &
  Sanchez-Anguix 2017, *Rethinking frequency opponent modeling in automated negotiation*, PRIMA 2017,
  LNCS 10621, 263–279). An
  issue whose option j keeps from its previous offer is one j will not give up: it counts 1. The
  holder's weights of j's issues (a simplex) are its prior weights plus ``η`` times the counts,
  normalised: ``w_i = (w⁰_i + η c_i) / (1 + η Σc)``, ``η = 0.2``, HardHeaded's learning coefficient
  (the default of its frequency model in GENIUS). That model adds ``η / n`` (``n`` issues) to the
  already normalised weights at each offer, so later offers count more and weights are capped; here
  every offer counts the same, so a plain count decides: an issue j never moves on ends with the
  largest weight once every other issue has moved more than ``1/η`` times. The weights scale
  each issue's main effect in the holder's model of j's sheet, as the factors of
  :mod:`~hexatable.negotiate.beliefs` do (their total is kept).

What the learning changes:

- **The floor.** A delegate holds out for its reservation value plus ``resolve`` times the way to its
  own score at its believed Nash point, as in the single text; the believed Nash point is recomputed
  from the learnt beliefs at the start of each of its turns (:meth:`OfferBeliefs.refresh`).
- **The offer.** Among the 64 cheapest outcomes worth its demand, a delegate offers the one it believes
  the others most likely to accept: the largest product over the others of ``σ((Û_j − θ_j(t; r̂_j)) /
  τ_j)`` with ``r̂_j`` its posterior mean of j's bottom line (a plug-in for the posterior average, one
  sigmoid per seat instead of one per type), 0 across j's public red lines; ties are broken at random
  (:func:`learnt_offer`).

The arithmetic is compiled (:mod:`hexatable.negotiate.offer_kernels`).

>>> from hexatable.negotiate.space import toy_space
>>> from hexatable.negotiate.beliefs import landscape
>>> beliefs = OfferBeliefs.begin(landscape(toy_space()), np.random.default_rng(0))
>>> beliefs.observe_turn(0, offer=3, standing=-1, t=0.0)
>>> beliefs.observe_turn(0, offer=3, standing=-1, t=0.5)  # A keeps both options: both counts rise
>>> beliefs.counts[0].tolist()
[1.0, 1.0]
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

import numpy as np
import numpy.typing as npt

from hexatable.negotiate.beliefs import BeliefMode, Beliefs, Landscape
from hexatable.negotiate.delegates import TimeBasedDelegate
from hexatable.negotiate.space import FloatArray, IntArray, OutcomeSpace

LEARNING_RATE = 0.2
"""``η``: HardHeaded's learning coefficient (van Krimpen, Looije & Hajizadeh 2013)."""
WINDOW = 64
"""How many of the cheapest outcomes worth its demand a delegate considers for its offer (as
:meth:`~hexatable.negotiate.delegates.TimeBasedDelegate.propose`)."""
ROOM_PRIOR_SEED = 0
"""The seed of the prior that :func:`replayed_offer_beliefs` draws when no run seed is given."""


@dataclass(frozen=True, eq=False)
class _Tables:
    outcomes: IntArray
    utilities: FloatArray
    forbidden: npt.NDArray[np.bool_]
    """``[S, N]`` whether an outcome lacks one of the seat's public red lines."""


@dataclass(eq=False)
class OfferBeliefs(Beliefs):
    """Every seat's beliefs in one run of alternating offers (see the module docstring).

    It learns through :meth:`observe_turn` (or :meth:`advance`) only: the single text's
    :meth:`Beliefs.observe` would move the factors without the counts they are made of here.

    Attributes
    ----------
    rate
        ``η`` of the frequency model.
    prior_weights
        ``[S, S, I]`` each holder's prior weights of each seat's issues (a simplex per pair).
    totals
        ``[S, S]`` the total of the prior factors, which the learnt factors keep.
    counts
        ``[S, I]`` how many times each seat's offer kept the option of its previous one (public).
    last
        ``[S]`` each seat's latest offer (-1: none yet).
    prior_best
        ``[S, S]`` each holder's prior estimate of each seat's best score (where its curve starts).
    estimates
        ``[S, S]`` each holder's posterior mean of each seat's bottom line, as of its last refresh.
    prior_part, learnt
        ``[S, S, K]`` and ``[S, K]``: each holder's prior weights and each seat's counts, each times the
        main effects on the shortlist and summed over issues (what the model of a seat's sheet is made
        of; see :func:`hexatable.negotiate.offer_kernels.refresh_holder`).
    """

    rate: float = LEARNING_RATE
    prior_weights: FloatArray = field(init=False, repr=False)
    totals: FloatArray = field(init=False, repr=False)
    counts: FloatArray = field(init=False, repr=False)
    last: IntArray = field(init=False, repr=False)
    prior_best: FloatArray = field(init=False, repr=False)
    prior_part: FloatArray = field(init=False, repr=False)
    learnt: FloatArray = field(init=False, repr=False)
    _base: FloatArray = field(init=False, repr=False)
    _learnt_targets: FloatArray = field(init=False, repr=False)
    estimates: FloatArray = field(init=False, repr=False)
    _fresh: set[int] = field(init=False, repr=False)
    _tables: _Tables = field(init=False, repr=False)
    _exponent: float = field(init=False, repr=False)
    _out: IntArray = field(init=False, repr=False)
    _head: tuple[object, ...] = field(init=False, repr=False)
    _tail: tuple[object, ...] = field(init=False, repr=False)
    _choice: tuple[object, ...] = field(init=False, repr=False)

    @classmethod
    def begin(
        cls,
        land: Landscape,
        rng: np.random.Generator,
        mode: BeliefMode = "declared",
        rate: float = LEARNING_RATE,
    ) -> OfferBeliefs:
        """Each holder's prior for one run (the draws of :meth:`Beliefs.start`), nothing learnt yet."""
        beliefs = cls.start(land, rng, mode)
        assert isinstance(beliefs, OfferBeliefs)
        beliefs.rate = rate
        count, issues = beliefs.factors.shape[0], beliefs.factors.shape[2]
        beliefs.totals = np.ascontiguousarray(beliefs.factors.sum(axis=2))
        beliefs.prior_weights = np.ascontiguousarray(beliefs.factors / beliefs.totals[:, :, None])
        beliefs.counts = np.zeros((count, issues))
        beliefs.last = np.full(count, -1, dtype=np.int64)
        beliefs.prior_best = np.ascontiguousarray(beliefs.best()).copy()
        # the holders' prior models of the others, split as refresh_holder reads them
        beliefs.prior_part = np.ascontiguousarray(
            np.matmul(beliefs.prior_weights.transpose(1, 0, 2), land.effects).transpose(1, 0, 2)
        )
        beliefs.learnt = np.zeros((count, land.utilities.shape[1]))
        beliefs._base = land.space.memo(
            ("offer-base", land.settings),
            lambda: np.ascontiguousarray(land.utilities - land.effects.sum(axis=1)),
        )
        beliefs._learnt_targets = np.ascontiguousarray(land.reservations).copy()
        beliefs.estimates = np.ascontiguousarray(beliefs.estimate()).copy()
        beliefs._fresh = set(range(count))
        beliefs._tables = _tables(land.space)
        beliefs._exponent = land.settings.assumed_exponent
        beliefs._out = np.empty(WINDOW, dtype=np.int64)
        # the kernels' arguments that stay the same objects all run, gathered once
        tables = beliefs._tables
        beliefs._head = (
            beliefs.log_weights,
            beliefs.grid,
            beliefs.factors,
            beliefs.prior_weights,
            beliefs.totals,
            beliefs.counts,
            beliefs.last,
            beliefs.prior_best,
            land.flat_effects,
            land.offsets,
            tables.outcomes,
            tables.utilities,
            land.tau,
            beliefs.rate,
        )
        beliefs._tail = (
            land.effects,
            beliefs.learnt,
            beliefs.values,
            beliefs._base,
            beliefs.prior_part,
            land.utilities,
            land.permitted,
            land.reservations,
            beliefs.estimates,
        )
        exp_utilities, centres = land.space.memo(("offer-odds", land.settings), lambda: _odds(land))
        beliefs._choice = (
            tables.outcomes,
            exp_utilities,
            centres,
            land.flat_effects,
            land.offsets,
            beliefs.factors,
            beliefs.estimates,
            beliefs.prior_best,
            land.tau,
            tables.forbidden,
        )
        return beliefs

    def weights(self) -> FloatArray:
        """``[S, S, I]`` each holder's current weights of each seat's issues (a simplex per pair)."""
        return np.asarray(self.factors / self.totals[:, :, None], dtype=np.float64)

    def observe_turn(self, seat: int, offer: int, standing: int, t: float) -> None:
        """Every other holder learns from ``seat``'s turn at time ``t``: it offered ``offer`` (-1: it
        accepted ``standing``), facing ``standing`` (-1: no offer yet)."""
        self.advance(seat, offer, standing, t, -1)

    def refresh(self, holder: int) -> None:
        """Bring ``holder``'s believed Nash point up to date (its model of the others' sheets with it):
        what its floor reads through :meth:`targets`."""
        self.advance(-1, -1, -1, 0.0, holder)

    def advance(self, seat: int, offer: int, standing: int, t: float, holder: int) -> None:
        """:meth:`observe_turn` (unless ``seat`` is -1), then :meth:`refresh` of ``holder`` (unless -1),
        in one compiled call (:func:`hexatable.negotiate.offer_kernels.advance`): what a run does
        between two turns."""
        level = 1.0 - math.pow(min(max(t, 0.0), 1.0), self._exponent)
        target = kernels().advance(*self._head, seat, offer, standing, level, *self._tail, holder)
        if seat >= 0:
            self._fresh.clear()
            if self._cache:
                self._cache.clear()
            if self._stable:
                self._stable.clear()
        if holder >= 0:
            self._fresh.add(holder)
        if holder >= 0 and target != self._learnt_targets[holder]:
            targets = self._learnt_targets.copy()  # a new array: delegates cache their floor by its identity
            targets[holder] = target
            self._learnt_targets = targets

    def targets(self) -> FloatArray:
        """``[S]`` each holder's own score at its believed Nash point, as of its last :meth:`refresh`
        (a holder's entry is current once it has been refreshed for its turn)."""
        return self._learnt_targets

    def choose(self, holder: int, candidates: IntArray, t: float) -> IntArray:
        """The ``candidates`` (at most :data:`WINDOW`, contiguous) that ``holder`` believes the others
        most likely to accept at ``t``, ties all kept, in candidate order
        (:func:`hexatable.negotiate.offer_kernels.choose_offer`)."""
        if holder not in self._fresh:  # its estimates are those of its last refresh
            self.refresh(holder)
        level = 1.0 - math.pow(min(max(t, 0.0), 1.0), self._exponent)
        found = kernels().choose_offer(candidates, *self._choice, holder, level, self._out)
        return self._out[:found]


def learnt_offer(
    delegate: TimeBasedDelegate, beliefs: OfferBeliefs, t: float, rng: np.random.Generator, demand: float
) -> int | None:
    """The offer of ``delegate`` at time ``t``: among the :data:`WINDOW` cheapest outcomes worth
    ``demand`` (its threshold at ``t``), one of those it believes the others most likely to accept,
    picked at random among equals; its best outcome if none is worth ``demand``; ``None`` if not even
    that is worth its reservation value (nothing it could offer beats no agreement)."""
    order, ranked = delegate.ranking if delegate.ranking is not None else _ranking(delegate.utility)
    position = bisect_left(ranked, demand - 1e-9)
    if position >= len(order):
        return int(order[-1]) if ranked[-1] >= delegate.reservation - 1e-9 else None
    best = beliefs.choose(delegate.index, order[position : position + WINDOW], t)
    return int(best[int(rng.random() * len(best))])  # a uniform pick; rng.integers costs 3x more


def turns_of(
    seats: Sequence[str], offers: Sequence[tuple[str, tuple[str, ...]]], turn: int
) -> list[tuple[int, str, int, int]]:
    """The turns behind a log of offers: ``(turn, seat, offer number, standing number)`` with offer
    number 0 for an acceptance and standing number 0 when there was none (numbers count from 1).

    ``seats`` are in turn order from turn 0, and ``turn`` is the current turn. The first offer is made
    at turn 0 (nobody can accept before); the seats between two offers in turn
    order accepted the earlier one (had all of them accepted it, it would have been agreed); the seats
    after the last offer up to ``turn`` accepted it.

    >>> turns_of(("A", "B", "C"), [("A", ("hi",)), ("C", ("lo",))], 4)
    [(0, 'A', 1, 0), (1, 'B', 0, 1), (2, 'C', 2, 1), (3, 'A', 0, 2)]
    """
    count = len(seats)
    result: list[tuple[int, str, int, int]] = []
    at = 0
    for number, (who, _) in enumerate(offers, start=1):
        while number > 1 and seats[at % count] != who:
            result.append((at, seats[at % count], 0, number - 1))
            at += 1
        result.append((at, who, number, number - 1))
        at += 1
    while offers and at < turn:
        result.append((at, seats[at % count], 0, len(offers)))
        at += 1
    return result


def replayed_offer_beliefs(
    space: OutcomeSpace,
    seats: Sequence[str],
    offers: Sequence[tuple[str, tuple[str, ...]]],
    turn: int,
    max_rounds: int,
    seed: int = ROOM_PRIOR_SEED,
) -> OfferBeliefs:
    """The beliefs every seat holds after the turns behind ``offers`` (:func:`turns_of`), from the prior
    drawn with ``seed``: how the room's AI seats, which keep no state between turns, learn from the log."""
    from hexatable.negotiate.beliefs import landscape

    beliefs = OfferBeliefs.begin(landscape(space), np.random.default_rng(seed))
    total_turns = max_rounds * len(seats)
    outcomes = [space.index_of_options(options) for _, options in offers]
    for at, who, number, standing in turns_of(seats, offers, turn):
        t = at / max(total_turns - 1, 1)
        beliefs.observe_turn(
            space.seat_index(who),
            outcomes[number - 1] if number else -1,
            outcomes[standing - 1] if standing else -1,
            t,
        )
    return beliefs


def _tables(space: OutcomeSpace) -> _Tables:
    """The space's arrays in the layout the kernels take, once per space."""

    def compute() -> _Tables:
        forbidden = np.zeros((len(space.seats), space.size), dtype=bool)
        for s, seat in enumerate(space.seats):
            for issue, wanted in space.red_lines.get(seat, {}).items():
                if issue in space.issues:
                    column = space.issues.index(issue)
                    allowed = [space.options[column].index(o) for o in wanted if o in space.options[column]]
                    forbidden[s] |= ~np.isin(space.outcomes[:, column], allowed)
        return _Tables(
            np.ascontiguousarray(space.outcomes, dtype=np.int64),
            np.ascontiguousarray(space.utilities, dtype=np.float64),
            forbidden,
        )

    return space.memo("offer-tables", compute)


def _odds(land: Landscape) -> tuple[FloatArray, FloatArray]:
    """``[N, S]`` ``e^{−(u − c) / τ}`` of every outcome's utility ``u`` for every seat, and ``[S]`` the
    centres ``c`` (midpoints of each seat's range): what
    :func:`~hexatable.negotiate.offer_kernels.choose_offer` multiplies instead of exponentiating."""
    utilities = land.space.utilities
    centres = np.ascontiguousarray((utilities.max(axis=1) + utilities.min(axis=1)) / 2)
    odds = np.exp(-(utilities - centres[:, None]) / land.tau[:, None])
    return np.ascontiguousarray(odds.T), centres


def _ranking(utility: FloatArray) -> tuple[IntArray, list[float]]:
    order = np.asarray(np.argsort(utility, kind="stable"), dtype=np.int64)
    return order, utility[order].tolist()


@cache
def kernels() -> ModuleType:
    """:mod:`hexatable.negotiate.offer_kernels`, imported on first use (loading Numba takes a second)."""
    from hexatable.negotiate import offer_kernels

    return offer_kernels
