"""The compiled SMP kernels give bit-identical numbers to the NumPy expressions they replaced.

The references below are the model's NumPy forms (as ``smp.py`` computed them before the kernels):
every third party's vote as ``[i, n, j]`` arrays, coalition strengths as ``[voter, a, b]`` arrays, and
``ndarray.sum`` for the pairwise sums. Equality is exact, so a seeded run gives the same trajectory.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.forecast.inputs import FloatArray
from hexatable.forecast.smp import (
    condorcet_probabilities,
    expected_gains,
    position_gaps,
    salience_distances,
    unique_positions,
    utility,
)
from hexatable.forecast.smp_kernels import pairwise_sum, row_sums, weighted_distances


def reference_gains(
    distance: FloatArray, risk: FloatArray, capability: FloatArray, total_salience: FloatArray
) -> tuple[FloatArray, FloatArray]:
    n = distance.shape[0]
    weight = total_salience * capability
    h = np.arange(n)
    estimated_risk = (2 * risk[h, None] + risk[None, :]) / 3
    u = utility(distance[None, :, :], estimated_risk[:, :, None])
    u_ij = u[h, h, :]
    u_ji = u[h, :, h]
    contrib_i = weight[h, None] * (1.0 - u_ij)
    contrib_j = weight[None, :] * (u_ji - 1.0)
    for_i = 1e-10 + np.maximum(contrib_i, 0) + np.maximum(contrib_j, 0)
    for_j = 1e-10 + np.maximum(-contrib_i, 0) + np.maximum(-contrib_j, 0)
    u_ni = u_ji[:, :, None]
    w_n = weight[None, :, None]
    little = w_n * (u_ni - u)
    side_i = for_i[:, None, :] + np.maximum(little, 0)
    total = side_i + for_j[:, None, :] + np.maximum(-little, 0)
    p_in = side_i / total
    third = w_n * (p_in * (1 - u_ni) + (1 - p_in) * (u - 1))
    third[h, h, :] = 0.0
    third[:, h, h] = 0.0
    positive = np.maximum(third, 0).sum(axis=1)
    chij = for_i + positive
    chji = for_j + positive - third.sum(axis=1)
    p = chij / (chij + chji)
    s_j = total_salience[None, :]
    gain = (1 - s_j) * 2 + s_j * (p * 2 + (1 - p) * 2 * u_ij) - (1 + u_ij)
    np.fill_diagonal(gain, -np.inf)
    return p, gain


def reference_condorcet(utilities: FloatArray, weight: FloatArray) -> FloatArray:
    votes = weight[:, None, None] * (utilities[:, :, None] - utilities[:, None, :])
    strength = np.full((utilities.shape[1],) * 2, 1e-8)
    strength += np.maximum(votes, 0.0).sum(axis=0)
    np.fill_diagonal(strength, 1e-8)
    victory = strength / (strength + strength.T)
    log_p = np.log(np.maximum(victory, 1e-300)).sum(axis=1)
    p = np.exp(log_p - log_p.max())
    return np.asarray(p / p.sum(), dtype=np.float64)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 30), seed=st.integers(0, 2**32 - 1))
def test_challenge_estimates_equal_the_numpy_form(n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    distance = rng.uniform(0, 1.3, (n, n))
    np.fill_diagonal(distance, 0.0)
    risk = rng.uniform(-0.5, 1.0, n)
    capability = rng.uniform(0, 200, n)
    total_salience = rng.uniform(0.05, 1.0, n)
    phi, gain = expected_gains(distance, risk, capability, total_salience)
    want_phi, want_gain = reference_gains(distance, risk, capability, total_salience)
    assert np.array_equal(phi, want_phi)
    assert np.array_equal(gain, want_gain)


@settings(max_examples=60, deadline=None)
@given(voters=st.integers(1, 40), options=st.integers(1, 20), seed=st.integers(0, 2**32 - 1))
def test_condorcet_probabilities_equal_the_numpy_form(voters: int, options: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    utilities = rng.uniform(-1, 1, (voters, options))
    weight = rng.uniform(0, 50, voters)
    assert np.array_equal(condorcet_probabilities(utilities, weight), reference_condorcet(utilities, weight))


@settings(max_examples=200, deadline=None)
@given(count=st.integers(0, 600), seed=st.integers(0, 2**32 - 1))
def test_pairwise_sum_adds_in_numpys_order(count: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.standard_normal(count) * 10.0 ** rng.uniform(-9, 9, count)
    assert pairwise_sum(values, 0, count) == values.sum()
    rows = np.stack([values, values])[:, None, :].copy()
    out = np.empty((2, 1))
    row_sums(rows, np.array([count, count // 2], dtype=np.int64), out)
    assert out[0, 0] == values.sum() and out[1, 0] == values[: count // 2].sum()


def reference_distances(position: FloatArray, salience: FloatArray, points: FloatArray) -> FloatArray:
    norm = (salience**2).sum(axis=1)
    gap = position[:, None, :] - points[None, :, :]
    return np.asarray(np.sqrt(((gap * salience[:, None, :]) ** 2).sum(axis=2) / norm[:, None]))


@settings(max_examples=80, deadline=None)
@given(
    actors=st.integers(1, 20),
    points=st.integers(0, 20),
    dimensions=st.integers(1, 12),  # 8 and more: NumPy's blocked pairwise sum
    seed=st.integers(0, 2**32 - 1),
)
def test_weighted_distances_and_utilities_equal_the_numpy_form(
    actors: int, points: int, dimensions: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    position = rng.uniform(0, 1, (actors, dimensions))
    salience = rng.uniform(0, 1, (actors, dimensions))
    salience[:, 0] += 1e-3  # no actor without salience (the model refuses those)
    target = rng.uniform(0, 1, (points, dimensions))
    risk = rng.uniform(-0.5, 1.0, actors)
    want = reference_distances(position, salience, target)
    assert np.array_equal(
        salience_distances(position, salience), reference_distances(position, salience, position)
    )
    utilities = np.empty((actors, points))
    weighted_distances(position, salience, (salience**2).sum(axis=1), target, risk, utilities)
    assert np.array_equal(utilities, utility(want, risk[:, None]))
    distances = np.empty((actors, points))
    weighted_distances(position, salience, (salience**2).sum(axis=1), target, np.zeros(0), distances)
    assert np.array_equal(distances, want)


def reference_unique(position: FloatArray, tolerance: float) -> tuple[list[int], list[int]]:
    """KTAB's ``ueIndices`` scan as the NumPy loop wrote it before the compiled one."""
    uniques: list[int] = []
    equivalent: list[int] = []
    for i in range(position.shape[0]):
        gaps = np.sqrt(((position[uniques] - position[i]) ** 2).sum(axis=1)) if uniques else np.zeros(0)
        close = np.flatnonzero(gaps < tolerance)
        if close.size:
            equivalent.append(int(close[0]))
        else:
            uniques.append(i)
            equivalent.append(len(uniques) - 1)
    return uniques, equivalent


@settings(max_examples=100, deadline=None)
@given(
    actors=st.integers(1, 30),
    dimensions=st.integers(1, 10),
    seed=st.integers(0, 2**32 - 1),
)
def test_distinct_positions_and_gaps_equal_the_numpy_scan(actors: int, dimensions: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    # A few clusters with jitter around the tolerance, so that joins, near misses and chains occur.
    centres = rng.uniform(0, 1, (max(1, actors // 4), dimensions))
    position = centres[rng.integers(0, len(centres), actors)]
    position = position + rng.choice([0.0, 3e-4, 9e-4, 2e-3], (actors, 1)) * rng.standard_normal(
        (actors, dimensions)
    )
    want_unique, want_equivalent = reference_unique(position, 1e-3)
    unique, equivalent = unique_positions(position, 1e-3)
    assert unique.tolist() == want_unique and equivalent.tolist() == want_equivalent
    want_gaps = np.sqrt(((position[:, None, :] - position[None, :, :]) ** 2).sum(axis=2))
    assert np.array_equal(position_gaps(position), want_gaps)
