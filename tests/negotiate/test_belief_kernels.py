"""The compiled belief arithmetic against the model written out in NumPy, on random small states.

Each reference below is the model's formula as whole-array NumPy (the form the engine used before the
loops were compiled), written independently of the kernels' loops; the kernels must agree to rounding,
and the choices (targets, the mediator's text, the nearest offers) exactly.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.negotiate.belief_kernels import (
    mediator_pick,
    nash_targets,
    nearest_rows,
    update_reservations,
    update_weights,
)

TYPES = 9


def random_state(seed: int, seats: int, issues: int, texts: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    utilities = rng.uniform(0, 10, (seats, texts))
    effects = rng.normal(0, 1, (seats, issues, texts))
    factors = np.exp(rng.normal(0, 0.25, (seats, seats, issues)))
    factors[np.arange(seats), np.arange(seats)] = 1.0
    values = np.ascontiguousarray(utilities[None] + np.einsum("hji,jik->hjk", factors - 1.0, effects))
    grid = np.sort(rng.uniform(0, 10, (seats, seats, TYPES)), axis=2)
    log_weights = rng.normal(0, 1, (seats, seats, TYPES))
    log_weights -= log_weights.max(axis=2, keepdims=True)
    return {
        "utilities": utilities,
        "effects": effects,
        "factors": factors,
        "values": values,
        "grid": grid,
        "log_weights": log_weights,
        "best": np.ascontiguousarray(values.max(axis=2)),
        "tau": rng.uniform(0.1, 1.0, seats),
        "span": rng.uniform(1.0, 10.0, seats),
        "forbidden": rng.random((seats, texts)) < 0.2,
    }


def posterior_of(log_weights: np.ndarray) -> np.ndarray:
    w = np.exp(log_weights)
    return np.asarray(w / w.sum(axis=2, keepdims=True))


shapes = st.tuples(st.integers(0, 10_000), st.integers(2, 6), st.integers(1, 5), st.integers(1, 40))


@settings(max_examples=60, deadline=None)
@given(shapes, st.floats(0, 1), st.data())
def test_reservation_update_is_the_bayesian_update(shape, level, data) -> None:
    seed, seats, issues, texts = shape
    s = random_state(seed, seats, issues, texts)
    answered = sorted(data.draw(st.sets(st.integers(0, seats - 1), min_size=1)))
    kinds = [data.draw(st.sampled_from(["support", "object", "reserve"])) for _ in answered]
    sign = np.array([1.0 if k == "support" else -1.0 for k in kinds])
    weight = np.array([0.5 if k == "reserve" else 1.0 for k in kinds])
    effect = np.ascontiguousarray(s["effects"][:, :, 0])
    truth = np.ascontiguousarray(s["utilities"][:, 0])
    # the reference: holder h models j's utility of the text, each type r's threshold at `level`
    modelled = truth[None, :] + ((s["factors"] - 1.0) * effect[None]).sum(axis=2)
    threshold = s["grid"] + level * (s["best"][:, :, None] - s["grid"])
    z = (modelled[:, :, None] - threshold) / s["tau"][None, :, None]
    expected = s["log_weights"].copy()
    seats_at = np.array(answered)
    expected[:, seats_at] -= np.logaddexp(0.0, -sign[None, :, None] * z[:, seats_at]) * weight[None, :, None]
    expected -= expected.max(axis=2, keepdims=True)
    got = s["log_weights"].copy()
    update_reservations(
        got, s["grid"], s["factors"], effect, s["best"], truth, seats_at, -sign, weight, s["tau"], level
    )
    assert np.allclose(got, expected, rtol=1e-10, atol=1e-10)
    assert np.all(got.max(axis=2) == 0.0)


@settings(max_examples=60, deadline=None)
@given(shapes, st.data())
def test_objections_move_the_weights_and_the_modelled_utilities(shape, data) -> None:
    seed, seats, issues, texts = shape
    s = random_state(seed, seats, issues, texts)
    who = np.array(sorted(data.draw(st.sets(st.integers(0, seats - 1), min_size=1))), dtype=np.int64)
    issue = np.array([data.draw(st.integers(0, issues - 1)) for _ in who], dtype=np.int64)
    rate = 0.15
    expected_factors = s["factors"].copy()
    for j, i in zip(who, issue, strict=True):
        for h in range(seats):
            if h != j:
                row = expected_factors[h, j]
                total = row.sum()
                row[i] += rate
                row *= total / row.sum()
    expected_values = s["utilities"][None] + np.einsum("hji,jik->hjk", expected_factors - 1.0, s["effects"])
    factors, values, best = s["factors"].copy(), s["values"].copy(), s["best"].copy()
    update_weights(
        factors, values, best, s["utilities"], np.ascontiguousarray(s["effects"]), who, issue, rate
    )
    assert np.allclose(factors, expected_factors, rtol=1e-12)
    assert np.allclose(factors.sum(axis=2), s["factors"].sum(axis=2), rtol=1e-12)  # totals kept
    assert np.allclose(values, expected_values, rtol=1e-10, atol=1e-10)
    assert np.allclose(best, values.max(axis=2), rtol=1e-12)
    own = np.arange(seats)
    assert np.all(factors[own, own] == 1.0)  # a seat knows its own weights


@settings(max_examples=60, deadline=None)
@given(shapes)
def test_targets_are_own_scores_at_the_believed_nash_text(shape) -> None:
    seed, seats, issues, texts = shape
    s = random_state(seed, seats, issues, texts)
    posterior = posterior_of(s["log_weights"])
    estimate = np.ascontiguousarray((posterior * s["grid"]).sum(axis=2) - 3.0)  # some texts rational
    permitted = ~s["forbidden"].any(axis=0)
    fallback = np.arange(seats, dtype=np.float64) - 100.0
    got = nash_targets(s["values"], estimate, s["utilities"], permitted, fallback)
    for h in range(seats):
        gains = s["values"][h] - estimate[h][:, None]  # [S, K]
        rational = np.all(gains >= 0, axis=0) & permitted
        if not rational.any():
            assert got[h] == fallback[h]
            continue
        log_nash = np.where(rational, np.log(np.maximum(gains, 1e-9)).sum(axis=0), -np.inf)
        assert got[h] in s["utilities"][h, log_nash >= log_nash.max() - 1e-9]


@settings(max_examples=60, deadline=None)
@given(shapes, st.floats(0, 1), st.data())
def test_the_mediator_picks_the_largest_expected_nash_product(shape, level, data) -> None:
    seed, seats, issues, texts = shape
    s = random_state(seed, seats, issues, texts)
    holder = data.draw(st.integers(0, seats - 1))
    allowed = np.array(sorted(data.draw(st.sets(st.integers(0, texts - 1), min_size=1))), dtype=np.int64)
    posterior = posterior_of(s["log_weights"])
    estimate = np.ascontiguousarray((posterior * s["grid"]).sum(axis=2))
    at = mediator_pick(
        s["values"],
        s["grid"],
        posterior,
        s["best"],
        s["tau"],
        s["forbidden"],
        estimate,
        s["span"],
        holder,
        allowed,
        level,
    )
    others = [j for j in range(seats) if j != holder]
    threshold = s["grid"][holder] + level * (s["best"][holder][:, None] - s["grid"][holder])  # [S, G]
    z = (s["values"][holder][:, None, allowed] - threshold[:, :, None]) / s["tau"][:, None, None]
    accept = np.einsum("jg,jgk->jk", posterior[holder], 1.0 / (1.0 + np.exp(-z)))
    accept[s["forbidden"][:, allowed]] = 0.0
    gains = s["values"][holder][:, allowed] - estimate[holder][:, None]
    log_product = np.log(np.maximum(accept[others], 1e-12)).sum(axis=0) + np.log(
        np.maximum(gains, 0.01 * s["span"][:, None])
    ).sum(axis=0)
    assert 0 <= at < len(allowed)
    assert log_product[at] >= log_product.max() - 1e-9


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 4), st.integers(1, 30), st.integers(1, 5))
def test_nearest_rows_are_those_with_fewest_mismatches(seed, issues, candidates, offers) -> None:
    rng = np.random.default_rng(seed)
    radices = rng.integers(1, 5, issues)
    outcomes = np.ascontiguousarray(np.stack([rng.integers(0, r, 200) for r in radices], axis=1))
    chosen = np.ascontiguousarray(rng.choice(200, candidates, replace=False).astype(np.int64))
    toward = np.ascontiguousarray(np.stack([rng.integers(0, r, offers) for r in radices], axis=1))
    offsets = np.concatenate([[0], np.cumsum(radices)[:-1]]).astype(np.int64)
    out = np.empty(candidates, dtype=np.int64)
    count = nearest_rows(chosen, outcomes, toward, np.arange(offers, dtype=np.int64), offsets, out)
    mismatches = (outcomes[chosen][:, None, :] != toward[None, :, :]).sum(axis=(1, 2))
    assert out[:count].tolist() == chosen[mismatches == mismatches.min()].tolist()
    # the offers given as rows of the outcome table itself
    some = np.ascontiguousarray(rng.choice(200, offers).astype(np.int64))
    count = nearest_rows(chosen, outcomes, outcomes, some, offsets, out)
    mismatches = (outcomes[chosen][:, None, :] != outcomes[some][None, :, :]).sum(axis=(1, 2))
    assert out[:count].tolist() == chosen[mismatches == mismatches.min()].tolist()
