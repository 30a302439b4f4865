"""Alternating offers: what delegates learn from the turns, and what it changes.

The references below are the model of :mod:`hexatable.negotiate.offer_learning`'s docstring written
out in plain Python loops over dicts and ``math`` (no array from the code under test is reused
between steps), on tiny random spaces; the compiled kernels must agree with them to rounding.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate.alternating import (
    Accept,
    OfferRules,
    Propose,
    counter_offer,
    replay_offers,
    run_alternating,
)
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.beliefs import aspiration, landscape, main_effects
from hexatable.negotiate.delegates import TimeBasedDelegate
from hexatable.negotiate.offer_learning import LEARNING_RATE, OfferBeliefs, learnt_offer, turns_of
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import OutcomeSpace, Prior, build_space, enumerate_outcomes

# --- random turns on a tiny space ----------------------------------------------------------------


def tiny_space(seed: int) -> OutcomeSpace:
    return easy_space(seed, seats=3, radices=(3, 2, 3))


turn = st.tuples(st.integers(0, 2), st.integers(0, 17), st.booleans(), st.floats(0, 1))
"""(seat, outcome, accepts the standing offer instead of offering, time)."""


def play(
    beliefs: OfferBeliefs, turns: list[tuple[int, int, bool, float]]
) -> list[tuple[int, int, int, float]]:
    """Apply ``turns`` (an acceptance needs a standing offer; without one it offers); returns them as
    ``(seat, offer, standing, t)`` with -1 for none."""
    standing = -1
    applied = []
    for seat, outcome, accepts, t in turns:
        if accepts and standing >= 0:
            move = (seat, -1, standing, t)
        else:
            move = (seat, outcome, standing, t)
            standing = outcome
        beliefs.observe_turn(*move)
        applied.append(move)
    return applied


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 1000), st.lists(turn, max_size=40))
def test_posteriors_stay_normalised_and_weights_a_simplex(
    seed: int, turns: list[tuple[int, int, bool, float]]
) -> None:
    space = tiny_space(seed)
    beliefs = OfferBeliefs.begin(landscape(space), np.random.default_rng(seed))
    totals = beliefs.factors.sum(axis=2)
    play(beliefs, turns)
    assert np.all(np.isfinite(beliefs.log_weights))
    assert np.allclose(beliefs.log_weights.max(axis=2), 0.0)
    assert np.allclose(beliefs.posterior().sum(axis=2), 1.0)
    weights = beliefs.weights()
    assert np.all(weights >= 0.0)
    assert np.allclose(weights.sum(axis=2), 1.0)
    assert np.allclose(beliefs.factors.sum(axis=2), totals)  # the learnt factors keep their total


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 1000),
    st.integers(0, 2),
    st.integers(0, 2),
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1), st.integers(0, 2)), min_size=7, max_size=30),
)
def test_an_issue_the_offerer_never_moves_on_ends_with_the_largest_weight(
    seed: int, mover: int, kept: int, steps: list[tuple[int, int, int]]
) -> None:
    """With weights ``w⁰ + η c`` (normalised), issue ``k`` beats issue ``l`` once ``l`` has changed more
    than ``1/η`` times: ``w⁰_k − w⁰_l > −1`` and every change of ``l`` is a count ``k`` gets and ``l``
    does not."""
    space = tiny_space(seed)
    radices = (3, 2, 3)
    rows = []
    row = [0, 0, 0]
    for step in steps:
        row = [(row[i] + step[i]) % radices[i] for i in range(3)]
        row[kept] = 0
        rows.append(list(row))
    for other in range(3):
        if other != kept:
            changes = sum(a[other] != b[other] for a, b in itertools.pairwise(rows))
            assume(changes > 1 / LEARNING_RATE)
    beliefs = OfferBeliefs.begin(landscape(space), np.random.default_rng(seed))
    for number, option_row in enumerate(rows):
        outcome = int(np.flatnonzero((space.outcomes == option_row).all(axis=1))[0])
        beliefs.observe_turn(mover, outcome, -1, number / len(rows))
    weights = beliefs.weights()
    for holder in range(3):
        if holder != mover:
            assert int(np.argmax(weights[holder, mover])) == kept


# --- brute-force reference -----------------------------------------------------------------------


class Reference:
    """The model of the module docstring, in plain Python, from the same prior."""

    def __init__(self, beliefs: OfferBeliefs) -> None:
        land = beliefs.land
        self.space = land.space
        self.seats = len(self.space.seats)
        self.issues = len(self.space.issues)
        self.tables = [t.tolist() for t in main_effects(self.space)]  # [issue][seat][option]
        self.grid = beliefs.grid.tolist()
        self.log_post = beliefs.log_weights.tolist()
        self.best = beliefs.best().tolist()  # the prior's believed best scores
        total = beliefs.factors.sum(axis=2).tolist()
        self.total = total
        self.w0 = [
            [
                [float(beliefs.factors[h, j, i]) / total[h][j] for i in range(self.issues)]
                for j in range(self.seats)
            ]
            for h in range(self.seats)
        ]
        self.counts = [[0] * self.issues for _ in range(self.seats)]
        self.last = [-1] * self.seats
        self.tau = land.tau.tolist()
        self.exponent = land.settings.assumed_exponent

    def factor(self, h: int, j: int, i: int) -> float:
        if h == j:
            return 1.0
        c = self.counts[j]
        return float(
            self.total[h][j] * (self.w0[h][j][i] + LEARNING_RATE * c[i]) / (1 + LEARNING_RATE * sum(c))
        )

    def modelled(self, h: int, j: int, o: int) -> float:
        row = self.space.outcomes[o].tolist()
        value = float(self.space.utilities[j, o])
        for i in range(self.issues):
            value += (self.factor(h, j, i) - 1) * self.tables[i][j][row[i]]
        return value

    def observe(self, seat: int, offer: int, standing: int, t: float) -> None:
        level = aspiration(t, self.exponent)
        for h in range(self.seats):
            if h == seat:
                continue
            for g in range(len(self.grid[h][seat])):
                r = self.grid[h][seat][g]
                theta = r + level * (self.best[h][seat] - r)
                if offer < 0:
                    z = (self.modelled(h, seat, standing) - theta) / self.tau[seat]
                    self.log_post[h][seat][g] += math.log(1 / (1 + math.exp(-z)))
                else:
                    z = (self.modelled(h, seat, offer) - theta) / self.tau[seat]
                    self.log_post[h][seat][g] -= z * z / 2
        if offer >= 0:
            if self.last[seat] >= 0:
                for i in range(self.issues):
                    if self.space.outcomes[offer, i] == self.space.outcomes[self.last[seat], i]:
                        self.counts[seat][i] += 1
            self.last[seat] = offer

    def estimate(self, h: int, j: int) -> float:
        top = max(self.log_post[h][j])
        w = [math.exp(x - top) for x in self.log_post[h][j]]
        return float(sum(a * b for a, b in zip(w, self.grid[h][j], strict=True)) / sum(w))

    def target(self, h: int) -> float:
        land = landscape(self.space)
        estimate = [self.estimate(h, j) for j in range(self.seats)]
        chosen, largest = None, -1.0
        for k, o in enumerate(land.shortlist.tolist()):
            if not land.permitted[k]:
                continue
            gains = [self.modelled(h, j, o) - estimate[j] for j in range(self.seats)]
            if min(gains) < 0:
                continue
            product = math.prod(max(g, 1e-9) for g in gains)
            if product > largest:
                chosen, largest = o, product
        return float(self.space.reservations[h]) if chosen is None else float(self.space.utilities[h, chosen])

    def scores(self, h: int, candidates: list[int], t: float) -> list[float]:
        level = aspiration(t, self.exponent)
        out = []
        for o in candidates:
            score = 1.0
            for j in range(self.seats):
                if j == h:
                    continue
                r = self.estimate(h, j)
                theta = r + level * (self.best[h][j] - r)
                p = 1 / (1 + math.exp(-(self.modelled(h, j, o) - theta) / self.tau[j]))
                score *= max(p, 1e-12)
            out.append(score)
        return out


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 1000), st.lists(turn, max_size=25), st.integers(0, 2), st.floats(0, 1))
def test_the_compiled_update_is_the_model(
    seed: int, turns: list[tuple[int, int, bool, float]], holder: int, t: float
) -> None:
    space = tiny_space(seed)
    beliefs = OfferBeliefs.begin(landscape(space), np.random.default_rng(seed))
    reference = Reference(beliefs)
    for move in play(beliefs, turns):
        reference.observe(*move)
    posterior = beliefs.posterior()
    for h in range(3):
        for j in range(3):
            if h == j:
                continue
            top = max(reference.log_post[h][j])
            w = [math.exp(x - top) for x in reference.log_post[h][j]]
            assert posterior[h, j] == pytest.approx([x / sum(w) for x in w], abs=1e-9)
            for i in range(3):
                assert beliefs.factors[h, j, i] == pytest.approx(reference.factor(h, j, i), rel=1e-12)
    beliefs.refresh(holder)
    assert beliefs.targets()[holder] == pytest.approx(reference.target(holder), abs=1e-9)
    candidates = np.arange(space.size, dtype=np.int64)
    chosen = beliefs.choose(holder, candidates, t).tolist()
    scores = reference.scores(holder, candidates.tolist(), t)
    top = max(scores)
    assert chosen and all(scores[o] >= top * (1 - 1e-9) for o in chosen)
    assert all(o in chosen for o in candidates.tolist() if scores[o] == top and scores.count(top) == 1)


# --- learning changes the offer ------------------------------------------------------------------


def two_seat_space() -> OutcomeSpace:
    """Two issues x and y (lo, hi); B wants lo on both, 10 points each, A wants hi, 10 points each; no
    noise in the guessed weights, so before anything is learnt each seat models the other exactly."""
    outcomes = enumerate_outcomes([2, 2])  # 0 (lo, lo), 1 (lo, hi), 2 (hi, lo), 3 (hi, hi)
    return OutcomeSpace(
        seats=("A", "B"),
        issues=("x", "y"),
        options=(("lo", "hi"), ("lo", "hi")),
        outcomes=outcomes,
        utilities=np.array([[0.0, 10.0, 10.0, 20.0], [20.0, 10.0, 10.0, 0.0]]),
        reservations=np.array([5.0, 5.0]),
        priors={("A", "B"): Prior(weight_noise=0.0), ("B", "A"): Prior(weight_noise=0.0)},
    )


def test_an_offerer_that_holds_on_to_an_issue_is_offered_it() -> None:
    """B offers (lo, lo), (lo, hi), (lo, lo): it kept x twice and y never. By hand: B's weights become
    ((0.5 + 0.2·2) / 1.4, 0.5 / 1.4) = (9/14, 5/14), factors (2·9/14, 2·5/14); B's main effects are
    ±5, so A models B's score of (lo, hi) as 10 + (9/7 − 1)·5 + (5/7 − 1)·(−5) = 12.857 and of
    (hi, lo) as 7.143. Before, A's demand of 10 leaves (lo, hi), (hi, lo) and (hi, hi); the first two
    tie for B (10 each); after, A offers (lo, hi): B gets lo on the issue it held on to."""
    space = two_seat_space()
    rng = np.random.default_rng(0)
    beliefs = OfferBeliefs.begin(landscape(space), rng)
    a = TimeBasedDelegate.for_seat(space, "A", beliefs=beliefs)
    assert beliefs.choose(0, np.array([1, 2, 3]), 0.5).tolist() == [1, 2]
    for step, offer in enumerate((0, 1, 0)):
        beliefs.observe_turn(1, offer, -1, step / 10)
    assert beliefs.weights()[0, 1].tolist() == pytest.approx([9 / 14, 5 / 14])
    assert beliefs.choose(0, np.array([1, 2, 3]), 0.5).tolist() == [1]
    picks = {learnt_offer(a, beliefs, 0.5, np.random.default_rng(s), demand=10.0) for s in range(20)}
    assert picks == {1}


def test_an_acceptance_raises_the_belief_that_the_bottom_line_is_low() -> None:
    """B accepts (hi, lo), worth 10 to it, at half time. Under the assumed even concession from B's
    best (20), a type r would accept only above r + 0.5 (20 − r) = 10 + r/2: the lower r, the likelier
    the acceptance, so A's expectation of B's bottom line falls."""
    space = two_seat_space()
    beliefs = OfferBeliefs.begin(landscape(space), np.random.default_rng(0))
    before = beliefs.estimate()[0, 1]
    beliefs.observe_turn(1, -1, 2, 0.5)
    assert beliefs.estimate()[0, 1] < before


# --- the room's reconstruction and the simulator ---------------------------------------------


def test_the_turns_behind_a_simulated_log_are_its_turns() -> None:
    """The room rebuilds the turns from the offers alone (:func:`turns_of`); on simulated logs it must
    find every acceptance and offer the simulator made, at the same turn."""
    analysis = analyse(build_space(open_case("six-party-talks"), "six-party-2007"))
    config = RunConfig(mechanism="alternating-offers")
    for seed in range(3):
        result = run_alternating(analysis, config, seed, keep_log=True)
        assert result.events is not None
        events = [e for e in result.events if isinstance(e, Propose | Accept)]
        first = events[0].seat
        seats = analysis.space.seats
        order = seats[seats.index(first) :] + seats[: seats.index(first)]
        rules = OfferRules(order, tuple(zip(analysis.space.issues, analysis.space.options, strict=True)))
        state = replay_offers(rules, events)
        # an agreement ends the talks on the last acceptance, without passing the turn on
        rebuilt = turns_of(order, state.offers, state.turn + (state.status == "agreed"))
        assert [(seat, number > 0) for _, seat, number, _ in rebuilt] == [
            (e.seat, isinstance(e, Propose)) for e in events
        ]


def test_a_room_seat_offers_from_beliefs_rebuilt_from_the_log() -> None:
    """The room's AI seats keep no state: the same log and seed give the same counter-offer, and it
    follows the offers. B offered (lo, lo), (lo, hi), (lo, lo) between A's offers of (hi, hi): as in
    :func:`test_an_offerer_that_holds_on_to_an_issue_is_offered_it`, A (linear, demand 5 + 0.2 · 15 = 8
    at t = 0.8) then offers (lo, hi), whatever the seed."""
    space = two_seat_space()
    rules = OfferRules(("B", "A"), (("x", ("lo", "hi")), ("y", ("lo", "hi"))), max_rounds=10)
    offers = [("B", ("lo", "lo")), ("A", ("hi", "hi")), ("B", ("lo", "hi")), ("A", ("hi", "hi"))]
    state = replay_offers(rules, [Propose(seat, options) for seat, options in [*offers, ("B", ("lo", "lo"))]])
    a = TimeBasedDelegate.for_seat(space, "A", "linear")
    first = counter_offer(space, a, state, 0.8, np.random.default_rng(1))
    assert first == counter_offer(space, a, state, 0.8, np.random.default_rng(1))
    assert {counter_offer(space, a, state, 0.8, np.random.default_rng(s)) for s in range(10)} == {
        Propose("A", ("lo", "hi"))
    }


def test_same_seed_same_run() -> None:
    analysis = analyse(easy_space(3, seats=4))
    config = RunConfig(mechanism="alternating-offers")
    assert run_alternating(analysis, config, 7, keep_log=True) == run_alternating(
        analysis, config, 7, keep_log=True
    )


def test_alternating_configurations_with_other_beliefs_have_their_own_label() -> None:
    """The CLI keeps one configuration per label, so ``--beliefs declared --beliefs accurate`` with
    alternating offers must give two labels (they differ: the priors shape the floors and what is learnt)."""
    declared = RunConfig(mechanism="alternating-offers")
    accurate = RunConfig(mechanism="alternating-offers", beliefs="accurate")
    assert declared.label() == "alternating-offers · boulware"
    assert accurate.label() == "alternating-offers · boulware · accurate beliefs"
