"""Private beliefs: the Bayes update against a loop-by-loop reference, its invariants, priors, carrying
beliefs across phases, and the room's replay against the run that produced the log.

The reference (:func:`reference_posterior`) follows the formula of :mod:`hexatable.negotiate.beliefs`'s
docstring for one holder ``h`` and one answering seat ``j``, with plain Python loops:

- types ``r_g = c + s·x_g`` for the 9 points ``x_g`` evenly spaced on [−2.5, 2.5], prior weight
  ``exp(−x_g²/2)``;
- the modelled utility ``Û_j(d) = U_j(d) + Σ_i (f_i − 1)·m_ij(d_i)``, ``m_ij(o)`` the mean of ``U_j`` over
  the outcomes choosing ``o`` on issue ``i`` less the grand mean, ``best_j`` its maximum on the shortlist;
- ``θ(t; r) = r + (1 − t)(best_j − r)`` and the likelihood of a support ``σ((Û_j(d) − θ)/τ_j)``,
  ``τ_j = temperature × (max U_j − min U_j)``; an objection's is ``1 − σ``; a reservation's
  ``(1 − σ)^½`` (the half weight is the code's; the docstring says only "by the complement");
- an objection naming issue ``i`` adds ``η`` to ``f_i`` and rescales all ``f`` to their previous sum,
  after the round's likelihoods are taken.

Monotonicity, checked before it is tested: ``θ(t; r) = t·r + (1 − t)·best_j`` is non-decreasing in ``r``
for ``t ≥ 0`` (strictly for ``t > 0``), so ``z = (Û − θ)/τ`` is non-increasing in ``r`` and a support's
likelihood ``σ(z)`` is non-increasing in the type, an objection's ``σ(−z)`` (and a reservation's, its
square root) non-decreasing. Reweighting a distribution by a non-increasing function moves it down in
first-order stochastic dominance, so the posterior mean cannot rise after a support and cannot fall
after an objection or a reservation. At ``t = 0`` the likelihood is the same for every type: the
posterior does not move.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from typing import Literal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.belief_replay import replayed_beliefs
from hexatable.negotiate.beliefs import DEFAULT_SETTINGS, Beliefs, landscape
from hexatable.negotiate.runner import RunConfig, run_single_text_beliefs
from hexatable.negotiate.space import OutcomeSpace, Prior, build_space

Kind = Literal["support", "object", "reserve"]
Round = tuple[int, float, dict[int, Kind], dict[int, int]]

RADICES = (3, 2, 3)
_SPACES: dict[int, OutcomeSpace] = {}


def small_space(seed: int) -> OutcomeSpace:
    """A three-seat, 18-outcome synthetic space (built once per seed)."""
    if seed not in _SPACES:
        _SPACES[seed] = easy_space(seed, seats=3, radices=RADICES)
    return _SPACES[seed]


# --- the reference ------------------------------------------------------------------------------


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _main_effects(space: OutcomeSpace, seat: int) -> list[list[float]]:
    rows = [list(map(int, space.outcomes[n])) for n in range(space.size)]
    values = [float(space.utilities[seat, n]) for n in range(space.size)]
    grand = sum(values) / len(values)
    effects = []
    for i, radix in enumerate(space.radices):
        table = []
        for option in range(radix):
            chosen = [v for row, v in zip(rows, values, strict=True) if row[i] == option]
            table.append(sum(chosen) / len(chosen) - grand)
        effects.append(table)
    return effects


def reference_posterior(
    space: OutcomeSpace,
    shortlist: list[int],
    centre: float,
    spread: float,
    factors: list[float],
    about: int,
    rounds: list[Round],
) -> tuple[list[float], list[float]]:
    """One holder's posterior over ``about``'s reservation types and its weight factors after
    ``rounds`` (see the module docstring); only ``about``'s answers matter."""
    settings_ = DEFAULT_SETTINGS
    points = [-2.5 + 5.0 * g / 8 for g in range(9)]
    types = [centre + spread * x for x in points]
    log_w = [-(x * x) / 2 for x in points]
    effects = _main_effects(space, about)
    utility = [float(u) for u in space.utilities[about]]
    tau = settings_.temperature * (max(utility) - min(utility))
    f = list(factors)

    def modelled(outcome: int) -> float:
        row = space.outcomes[outcome]
        return utility[outcome] + sum((f[i] - 1.0) * effects[i][int(row[i])] for i in range(len(f)))

    for outcome, t, answers, objected in rounds:
        if about not in answers:
            continue
        kind = answers[about]
        best = max(modelled(k) for k in shortlist)
        value = modelled(outcome)
        for g, r in enumerate(types):
            theta = r + (1.0 - t) * (best - r)
            z = (value - theta) / tau
            # 1 − σ(z) computed as σ(−z), which keeps its precision where σ(z) is close to 1
            power = 1.0 if kind == "object" else 0.5
            likelihood = _sigmoid(z) if kind == "support" else _sigmoid(-z) ** power
            log_w[g] += math.log(max(likelihood, 1e-300))
        if about in objected:
            total = sum(f)
            f[objected[about]] += settings_.learning_rate
            scale = total / sum(f)
            f = [v * scale for v in f]
    top = max(log_w)
    weights = [math.exp(v - top) for v in log_w]
    return [w / sum(weights) for w in weights], f


# --- random answer sequences --------------------------------------------------------------------


@st.composite
def rounds_strategy(draw: st.DrawFn, seats: int = 3, size: int = 18, issues: int = 3) -> list[Round]:
    count = draw(st.integers(1, 8))
    rounds: list[Round] = []
    for _ in range(count):
        outcome = draw(st.integers(0, size - 1))
        t = draw(st.floats(0.0, 1.0, allow_nan=False))
        who = draw(st.lists(st.integers(0, seats - 1), unique=True, max_size=seats))
        answers: dict[int, Kind] = {s: draw(st.sampled_from(["support", "object", "reserve"])) for s in who}
        objected = {s: draw(st.integers(0, issues - 1)) for s, k in answers.items() if k == "object"}
        rounds.append((outcome, t, answers, objected))
    return rounds


def started(space: OutcomeSpace, seed: int, mode: Literal["declared", "accurate"] = "declared") -> Beliefs:
    return Beliefs.start(landscape(space), np.random.default_rng(seed), mode)


@settings(max_examples=60, deadline=None)
@given(
    space_seed=st.integers(0, 3),
    seed=st.integers(0, 1000),
    pair=st.sampled_from([(h, j) for h in range(3) for j in range(3) if h != j]),
    rounds=rounds_strategy(),
)
def test_observe_matches_a_loop_by_loop_bayes_update(
    space_seed: int, seed: int, pair: tuple[int, int], rounds: list[Round]
) -> None:
    space = small_space(space_seed)
    beliefs = started(space, seed)
    holder, about = pair
    grid = beliefs.grid[holder, about]
    centre, spread = float(grid[4]), float(grid[5] - grid[4]) / (5.0 / 8)
    factors = [float(v) for v in beliefs.factors[holder, about]]
    expected, expected_factors = reference_posterior(
        space, [int(k) for k in beliefs.land.shortlist], centre, spread, factors, about, rounds
    )
    for outcome, t, answers, objected in rounds:
        beliefs.observe(outcome, t, answers, objected)
    assert beliefs.posterior()[holder, about] == pytest.approx(expected, rel=1e-7, abs=1e-12)
    assert beliefs.factors[holder, about] == pytest.approx(expected_factors, rel=1e-12)
    mean = sum(p * float(r) for p, r in zip(expected, grid, strict=True))
    assert beliefs.estimate()[holder, about] == pytest.approx(mean, rel=1e-9, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(space_seed=st.integers(0, 3), seed=st.integers(0, 1000), rounds=rounds_strategy())
def test_posteriors_stay_normalised_finite_and_the_own_row_true(
    space_seed: int, seed: int, rounds: list[Round]
) -> None:
    space = small_space(space_seed)
    beliefs = started(space, seed)
    for outcome, t, answers, objected in rounds:
        beliefs.observe(outcome, t, answers, objected)
        posterior = beliefs.posterior()
        assert np.all(np.isfinite(posterior)) and np.all(posterior >= 0)
        assert posterior.sum(axis=2) == pytest.approx(np.ones((3, 3)))
        assert np.all(np.isfinite(beliefs.log_weights)) and np.all(beliefs.log_weights <= 0)
        own = np.arange(3)
        assert beliefs.estimate()[own, own] == pytest.approx(space.reservations)
        assert np.all(beliefs.factors[own, own] == 1.0)
        assert beliefs.values[own, own] == pytest.approx(beliefs.land.utilities)
        assert np.all(np.isfinite(beliefs.targets()))


@settings(max_examples=80, deadline=None)
@given(
    space_seed=st.integers(0, 3),
    seed=st.integers(0, 1000),
    history=rounds_strategy(),
    outcome=st.integers(0, 17),
    t=st.floats(0.01, 1.0),
    seat=st.integers(0, 2),
    kind=st.sampled_from(["support", "object", "reserve"]),
    issue=st.integers(0, 2),
)
def test_a_support_never_raises_and_an_objection_never_lowers_the_estimated_bottom_line(
    space_seed: int,
    seed: int,
    history: list[Round],
    outcome: int,
    t: float,
    seat: int,
    kind: Kind,
    issue: int,
) -> None:
    space = small_space(space_seed)
    beliefs = started(space, seed)
    for o, when, answers, objected in history:  # any earlier history: the claim holds for any prior
        beliefs.observe(o, when, answers, objected)
    before = beliefs.estimate().copy()
    beliefs.observe(outcome, t, {seat: kind}, {seat: issue} if kind == "object" else None)
    after = beliefs.estimate()
    others = [k for k in range(3) if k != seat]
    assert after[:, others] == pytest.approx(before[:, others], rel=0, abs=0)  # nobody else answered
    holders = [h for h in range(3) if h != seat]
    if kind == "support":
        assert np.all(after[holders, seat] <= before[holders, seat] + 1e-9)
    else:
        assert np.all(after[holders, seat] >= before[holders, seat] - 1e-9)


def test_an_answer_at_time_zero_says_nothing_about_the_bottom_line() -> None:
    """At t = 0 every type demands its best score: all types explain the answer equally well."""
    space = small_space(1)
    beliefs = started(space, 5)
    before = beliefs.posterior().copy()
    beliefs.observe(3, 0.0, {0: "support", 1: "object", 2: "reserve"}, {1: 2})
    assert beliefs.posterior() == pytest.approx(before, rel=1e-12)


def test_the_answers_move_the_estimate_the_way_they_should_on_a_clear_case() -> None:
    """Late in the talks, refusing a text worth far more than the believed bottom line means the
    bottom line is higher than believed; supporting a text worth little means it is lower."""
    space = small_space(2)
    j = 1
    order = np.argsort(space.utilities[j])
    cheap, rich = int(order[len(order) // 4]), int(order[-3])
    refused = started(space, 9)
    before = refused.estimate()[0, j]
    refused.observe(rich, 0.9, {j: "object"}, {j: 0})
    assert refused.estimate()[0, j] > before + 0.05 * refused.grid[0, j].std()
    accepted = started(space, 9)
    accepted.observe(cheap, 0.9, {j: "support"})
    assert accepted.estimate()[0, j] < before - 0.05 * accepted.grid[0, j].std()


@settings(max_examples=60, deadline=None)
@given(space_seed=st.integers(0, 3), seed=st.integers(0, 1000), rounds=rounds_strategy())
def test_an_objection_moves_weight_onto_its_issue_and_keeps_the_factors_total(
    space_seed: int, seed: int, rounds: list[Round]
) -> None:
    space = small_space(space_seed)
    beliefs = started(space, seed)
    for outcome, t, answers, objected in rounds:
        before = beliefs.factors.copy()
        beliefs.observe(outcome, t, answers, objected)
        after = beliefs.factors
        for h, j in itertools.product(range(3), repeat=2):
            if h == j:
                assert np.all(after[h, j] == 1.0)
            elif j in objected:
                assert after[h, j].sum() == pytest.approx(before[h, j].sum(), rel=1e-12)
                named = objected[j]
                ratio_before = before[h, j, named] / before[h, j]
                ratio_after = after[h, j, named] / after[h, j]
                rest = [i for i in range(3) if i != named]
                assert np.all(ratio_after[rest] > ratio_before[rest])
            else:
                assert np.array_equal(after[h, j], before[h, j])


# --- priors -------------------------------------------------------------------------------------


def with_priors(space: OutcomeSpace, priors: dict[tuple[str, str], Prior]) -> OutcomeSpace:
    return replace(space, priors=priors, _memo={})


def test_a_prior_without_spread_starts_exactly_at_the_declared_or_the_true_value() -> None:
    space = with_priors(small_space(0), {("S0", "S1"): Prior(shift=3.0, spread=0.0)})
    truth = float(space.reservations[1])
    for seed in range(20):
        assert started(space, seed, "declared").estimate()[0, 1] == pytest.approx(truth + 3.0)
        assert started(space, seed, "accurate").estimate()[0, 1] == pytest.approx(truth)


def test_the_initial_estimate_is_centred_on_the_truth_or_moved_by_the_shift() -> None:
    """Over many seeds the mean initial estimate approaches the true reservation value (``accurate``, and
    pairs with no declared prior) or the true value plus the shift (``declared``); for the same seed the
    two modes differ by exactly the shift."""
    spread, shift = 1.5, -2.0
    space = with_priors(small_space(0), {("S0", "S1"): Prior(shift=shift, spread=spread)})
    truth = space.reservations
    runs = 600
    declared = np.array([started(space, s, "declared").estimate() for s in range(runs)])
    accurate = np.array([started(space, s, "accurate").estimate() for s in range(runs)])
    assert declared[:, 0, 1] - accurate[:, 0, 1] == pytest.approx(np.full(runs, shift))
    tolerance = 4 * spread / math.sqrt(runs)
    assert abs(accurate[:, 0, 1].mean() - truth[1]) < tolerance
    assert abs(declared[:, 0, 1].mean() - (truth[1] + shift)) < tolerance
    assert accurate[:, 0, 1].std() == pytest.approx(spread, rel=0.1)
    default_spread = DEFAULT_SETTINGS.spread * float(np.ptp(space.utilities[0]))
    assert abs(declared[:, 1, 0].mean() - truth[0]) < 4 * default_spread / math.sqrt(runs)
    assert np.array_equal(declared[:, 1, 0], accurate[:, 1, 0])  # no declared prior: no shift


# --- determinism, export, replay ----------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(space_seed=st.integers(0, 3), seed=st.integers(0, 1000), rounds=rounds_strategy())
def test_the_same_seed_and_answers_give_the_same_beliefs(
    space_seed: int, seed: int, rounds: list[Round]
) -> None:
    space = small_space(space_seed)
    one, two = started(space, seed), started(space, seed)
    for outcome, t, answers, objected in rounds:
        one.observe(outcome, t, answers, objected)
        two.observe(outcome, t, answers, objected)
    for a, b in [(one.grid, two.grid), (one.log_weights, two.log_weights), (one.factors, two.factors)]:
        assert np.array_equal(a, b)


@settings(max_examples=30, deadline=None)
@given(space_seed=st.integers(0, 3), seed=st.integers(0, 1000), rounds=rounds_strategy())
def test_exported_beliefs_start_the_next_phase_where_this_one_ended(
    space_seed: int, seed: int, rounds: list[Round]
) -> None:
    space = small_space(space_seed)
    beliefs = started(space, seed)
    for outcome, t, answers, objected in rounds:
        beliefs.observe(outcome, t, answers, objected)
    carried = Beliefs.start(landscape(space), np.random.default_rng(seed + 1), carried=beliefs.export())
    assert carried.posterior() == pytest.approx(beliefs.posterior(), rel=1e-12, abs=1e-15)
    assert carried.estimate() == pytest.approx(beliefs.estimate(), rel=1e-12)
    assert np.array_equal(carried.grid, beliefs.grid)
    assert np.array_equal(carried.factors, beliefs.factors)
    assert carried.values == pytest.approx(beliefs.values, rel=1e-12)


@pytest.fixture(scope="module")
def six_party() -> OutcomeSpace:
    return build_space(open_case("six-party-talks"), "six-party-2007")


REPLAY_CONFIGS = [
    RunConfig(chair="mediator"),
    RunConfig(chair="mediator", beliefs="accurate", drafts_per_round=4),
    RunConfig(chair="hill-climb", default="linear", patience=2, walk_out="continue"),
    RunConfig(chair="nash", default="conceder", patience=1, walk_out="vote", max_drafts=12),
]


@pytest.mark.parametrize("config", REPLAY_CONFIGS, ids=lambda c: c.label())
@pytest.mark.parametrize("synthetic", [True, False], ids=["easy", "six-party"])
def test_the_rooms_replay_rebuilds_the_beliefs_a_run_ended_with(
    config: RunConfig, synthetic: bool, six_party: OutcomeSpace
) -> None:
    space = easy_space(7, seats=4) if synthetic else six_party
    analysis = analyse(space)
    for seed in (0, 1, 2):
        result, final = run_single_text_beliefs(analysis, config, seed, keep_log=True)
        assert result.events is not None
        rebuilt = replayed_beliefs(
            space, result.events, max_drafts=config.max_drafts, seed=seed, mode=config.beliefs
        )
        ended = Beliefs.start(landscape(space), np.random.default_rng(0), carried=final)
        assert rebuilt.estimate() == pytest.approx(ended.estimate(), rel=1e-9)
        assert rebuilt.posterior() == pytest.approx(ended.posterior(), rel=1e-9, abs=1e-12)
        assert rebuilt.factors == pytest.approx(ended.factors, rel=1e-12)
