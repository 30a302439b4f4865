"""The ``n × n × n`` arithmetic of the spatial model (:mod:`hexatable.forecast.smp`), compiled (Numba).

A round of the SMP with ``n`` actors estimates, for every challenger ``i`` and target ``j``, every third
party's vote: ``n³`` numbers. As NumPy expressions these were a dozen ``[n, n, n]`` temporaries per
round (4 MB each at 80 actors), and a Monte Carlo batch spent most of its time in the kernel mapping
and unmapping them. These loops compute the same numbers without temporaries.

They do the same floating-point operations in the same order as the NumPy expressions they replace
(sums over voters run from the first voter to the last, as NumPy reduces a non-innermost axis), so a
run gives bit-identical results; ``tests/forecast/test_smp_kernels.py`` checks this against the NumPy
forms. Signatures are given, so the kernels compile on first import and are cached on disk.

They compile with NumPy's error model (``error_model="numpy"``): under Numba's default (Python's), every
float division checks its divisor for zero to raise ``ZeroDivisionError``, and that branch kept LLVM
from vectorising the third-party loop over targets, the ``n³`` heart of a round (3× slower). No divisor
here can be zero (each is a sum of strengths floored at 10⁻¹⁰ or 10⁻⁸, or a sum of ``exp`` scores
including ``exp(0) = 1``), and the error model changes no arithmetic, so results stay bit-identical.
Fast-math flags are not used: they let LLVM reassociate sums and fuse multiplications and additions,
which changes the last bits of results.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from numba import njit

from hexatable.forecast.inputs import FloatArray

MIN_CONTRIBUTION = 1e-10
"""KTAB's floor under the principals' coalitions in a challenge (``probEduChlg``)."""
MIN_COALITION = 1e-8
"""KTAB's floor under every coalition strength (``Model::coalitions``)."""

_F3 = "float64[:, :, ::1]"
_F2 = "float64[:, ::1]"
_F1 = "float64[::1]"


@njit(f"void({_F2}, {_F1}, {_F1}, {_F1}, {_F2}, {_F2})", cache=True, error_model="numpy")
def challenge_estimates(
    distance: FloatArray,
    risk: FloatArray,
    weight: FloatArray,
    total_salience: FloatArray,
    phi: FloatArray,
    gain: FloatArray,
) -> None:
    """Fill ``phi[i, j]`` and ``gain[i, j]`` (see :func:`hexatable.forecast.smp.expected_gains`).

    ``i`` judges with estimated risk attitudes ``(2 R_i + R_a) / 3``; the diagonal of ``gain`` is −∞.
    """
    n = distance.shape[0]
    estimated = np.empty(n)  # i's estimate of m's risk attitude
    u_mi = np.empty(n)  # utility to m of i's position, as i estimates it
    u_ij = np.empty(n)
    for_i = np.empty(n)
    for_j = np.empty(n)
    positive = np.empty(n)
    total_third = np.empty(n)
    for i in range(n):
        for m in range(n):
            estimated[m] = (2 * risk[i] + risk[m]) / 3
            d = distance[m, i]
            u_mi[m] = (1 - d) * (1 + min(d, 1.0) * estimated[m])
        for j in range(n):
            d = distance[i, j]
            u_ij[j] = (1 - d) * (1 + min(d, 1.0) * estimated[i])
            contrib_i = weight[i] * (1.0 - u_ij[j])
            contrib_j = weight[j] * (u_mi[j] - 1.0)
            for_i[j] = MIN_CONTRIBUTION + max(contrib_i, 0.0) + max(contrib_j, 0.0)
            for_j[j] = MIN_CONTRIBUTION + max(-contrib_i, 0.0) + max(-contrib_j, 0.0)
            positive[j] = 0.0
            total_third[j] = 0.0
        # Third parties m in order (as NumPy sums a non-innermost axis); the loop over targets j is
        # the inner one, so each j keeps its own sum in that order and the loop vectorises.
        for m in range(n):
            if m == i:
                continue  # the challenger is no third party (adding 0 changes no sum)
            r_m = estimated[m]
            w_m = weight[m]
            u_m = u_mi[m]
            row = distance[m]
            for j in range(n):
                d = row[j]
                u_mj = (1 - d) * (1 + min(d, 1.0) * r_m)
                little = w_m * (u_m - u_mj)
                side_i = for_i[j] + max(little, 0.0)
                total = side_i + for_j[j] + max(-little, 0.0)
                p_in = side_i / total
                third = w_m * (p_in * (1 - u_m) + (1 - p_in) * (u_mj - 1))
                if j == m:
                    third = 0.0  # nor is the target
                positive[j] += max(third, 0.0)
                total_third[j] += third
        for j in range(n):
            chij = for_i[j] + positive[j]
            chji = for_j[j] + positive[j] - total_third[j]
            p = chij / (chij + chji)
            s_j = total_salience[j]
            phi[i, j] = p
            if i == j:
                gain[i, j] = -np.inf
            else:
                challenge = (1 - s_j) * 2 + s_j * (p * 2 + (1 - p) * 2 * u_ij[j])
                gain[i, j] = challenge - (1 + u_ij[j])


@njit(f"void({_F3}, {_F1}, {_F3})", cache=True, error_model="numpy")
def coalition_strengths(scores: FloatArray, weight: FloatArray, strength: FloatArray) -> None:
    """``strength[e, a, b] = 10⁻⁸ + Σ_k max(0, w_k (u_ka − u_kb))`` for election ``e`` (0 on the diagonal
    before the floor), where ``u = scores[e]``: KTAB's ``Model::coalitions`` with proportional votes."""
    elections, voters, options = scores.shape
    for e in range(elections):
        for a in range(options):
            for b in range(options):
                strength[e, a, b] = 0.0
        for k in range(voters):
            w = weight[k]
            for a in range(options):
                u_a = scores[e, k, a]
                for b in range(options):
                    strength[e, a, b] += max(w * (u_a - scores[e, k, b]), 0.0)
        for a in range(options):
            for b in range(options):
                strength[e, a, b] = MIN_COALITION + strength[e, a, b]
            strength[e, a, a] = MIN_COALITION


@njit("float64(float64[::1], int64, int64)", cache=True, error_model="numpy")
def pairwise_sum(values: FloatArray, start: int, count: int) -> float:
    """``values[start:start + count].sum()`` added in NumPy's order (pairwise, eight accumulators in
    blocks of up to 128), so that a row summed here equals the same row summed by ``ndarray.sum``."""
    if count < 8:
        total = -0.0
        for i in range(count):
            total += values[start + i]
        return total
    if count <= 128:
        r0, r1, r2, r3 = values[start], values[start + 1], values[start + 2], values[start + 3]
        r4, r5, r6, r7 = values[start + 4], values[start + 5], values[start + 6], values[start + 7]
        i = 8
        stop = count - count % 8
        while i < stop:
            r0 += values[start + i]
            r1 += values[start + i + 1]
            r2 += values[start + i + 2]
            r3 += values[start + i + 3]
            r4 += values[start + i + 4]
            r5 += values[start + i + 5]
            r6 += values[start + i + 6]
            r7 += values[start + i + 7]
            i += 8
        total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < count:
            total += values[start + i]
            i += 1
        return float(total)
    half = count // 2
    half -= half % 8
    first: float = pairwise_sum(values, start, half)
    second: float = pairwise_sum(values, start + half, count - half)
    return first + second


@njit(f"void({_F3}, int64[::1], {_F2})", cache=True, error_model="numpy")
def row_sums(values: FloatArray, lengths: npt.NDArray[np.int64], out: FloatArray) -> None:
    """``out[e, a] = values[e, a, :lengths[e]].sum()`` (NumPy's order of additions)."""
    for e in range(values.shape[0]):
        for a in range(values.shape[1]):
            out[e, a] = pairwise_sum(values[e, a], 0, lengths[e])


@njit(f"void({_F2}, int64[::1], {_F1})", cache=True, error_model="numpy")
def prefix_sums(values: FloatArray, lengths: npt.NDArray[np.int64], out: FloatArray) -> None:
    """``out[e] = values[e, :lengths[e]].sum()`` (NumPy's order of additions)."""
    for e in range(values.shape[0]):
        out[e] = pairwise_sum(values[e], 0, lengths[e])


_I1 = "int64[::1]"


@njit(f"void({_F2}, {_F1}, {_I1}, {_I1}, {_F1}, {_I1}, {_F1})", cache=True, error_model="numpy")
def bargain_victories(
    after: FloatArray,
    status_quo: FloatArray,
    options: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    weight: FloatArray,
    blocks: npt.NDArray[np.int64],
    victory: FloatArray,
) -> None:
    """Each election's victory probabilities ``P_ab = C_ab / (C_ab + C_ba)``, stored flat.

    Election ``e`` has options ``options[starts[e]:starts[e + 1]]`` (a bargain's column of ``after``,
    or −1 for the status quo), voter ``k`` scoring option ``b`` ``after[k, b]`` (or ``status_quo[k]``);
    its ``m × m`` matrix is stored row by row from ``blocks[e]``.
    """
    voters = after.shape[0]
    for e in range(starts.shape[0] - 1):
        first = starts[e]
        m = starts[e + 1] - first
        scores = np.empty((voters, m))
        for k in range(voters):
            for a in range(m):
                option = options[first + a]
                scores[k, a] = status_quo[k] if option < 0 else after[k, option]
        strength = np.zeros((m, m))
        for k in range(voters):
            w = weight[k]
            for a in range(m):
                u_a = scores[k, a]
                for b in range(m):
                    strength[a, b] += max(w * (u_a - scores[k, b]), 0.0)
        for a in range(m):
            for b in range(m):
                strength[a, b] = MIN_COALITION + strength[a, b]
            strength[a, a] = MIN_COALITION
        base = blocks[e]
        for a in range(m):
            for b in range(m):
                victory[base + a * m + b] = strength[a, b] / (strength[a, b] + strength[b, a])


@njit(f"void({_F1}, {_I1}, {_I1}, {_I1}, {_F1})", cache=True, error_model="numpy")
def election_log_scores(
    log_victory: FloatArray,
    starts: npt.NDArray[np.int64],
    blocks: npt.NDArray[np.int64],
    summed: npt.NDArray[np.int64],
    shifted: FloatArray,
) -> None:
    """``shifted[starts[e] + a] = Σ_b log P_ab − max_a (Σ_b log P_ab)`` per election.

    Each sum runs over ``summed[e]`` terms, the ``m`` real ones followed by zeros (the padded width of
    the former single-array path, or ``m``), added in NumPy's order.
    """
    for e in range(starts.shape[0] - 1):
        first = starts[e]
        m = starts[e + 1] - first
        row = np.zeros(summed[e])
        top = -np.inf
        for a in range(m):
            for b in range(m):
                row[b] = log_victory[blocks[e] + a * m + b]
            total = pairwise_sum(row, 0, summed[e])
            shifted[first + a] = total
            top = max(top, total)
        for a in range(m):
            shifted[first + a] = shifted[first + a] - top


@njit(f"void({_F1}, {_I1}, {_I1}, {_I1})", cache=True, error_model="numpy")
def election_winners(
    weights: FloatArray,
    starts: npt.NDArray[np.int64],
    summed: npt.NDArray[np.int64],
    winner: npt.NDArray[np.int64],
) -> None:
    """Normalise each election's ``exp`` scores and take the first option within 10⁻¹² (relative) of
    the most probable (``first_most_probable``)."""
    for e in range(starts.shape[0] - 1):
        first = starts[e]
        m = starts[e + 1] - first
        row = np.zeros(summed[e])
        for a in range(m):
            row[a] = weights[first + a]
        total = pairwise_sum(row, 0, summed[e])
        top = -np.inf
        for a in range(m):
            row[a] = row[a] / total
            top = max(top, row[a])
        threshold = top * (1 - 1e-12)
        winner[e] = 0
        for a in range(m):
            if row[a] >= threshold:
                winner[e] = a
                break


@njit(f"void({_F2}, {_F2}, {_F1}, {_F2}, {_F1}, {_F2})", cache=True, error_model="numpy")
def weighted_distances(
    position: FloatArray,
    salience: FloatArray,
    norm: FloatArray,
    points: FloatArray,
    risk: FloatArray,
    out: FloatArray,
) -> None:
    """``out[a, m]``: actor ``a``'s salience-weighted distance to ``points[m]``, or its utility of it.

    The distance is ``sqrt(Σ_k ((x_ak − y_mk) s_ak)² / norm_a)`` (KTAB's ``bvDiff``), computed as the
    NumPy form did (difference, product, square, ``ndarray.sum``'s order, quotient, root); with ``risk``
    of length ``n`` it is turned into the utility ``(1 − d)(1 + min(d, 1) R_a)``; with an empty
    ``risk`` the distance itself is stored.
    """
    n, dims = position.shape
    squares = np.empty(dims)
    as_utility = risk.shape[0] > 0
    if dims == 1:  # one term: the sum is the square itself; these loops vectorise
        for a in range(n):
            x_a, s_a, norm_a = position[a, 0], salience[a, 0], norm[a]
            if as_utility:
                r_a = risk[a]
                for m in range(points.shape[0]):
                    gap = (x_a - points[m, 0]) * s_a
                    d = np.sqrt(gap * gap / norm_a)
                    out[a, m] = (1 - d) * (1 + min(d, 1.0) * r_a)
            else:
                for m in range(points.shape[0]):
                    gap = (x_a - points[m, 0]) * s_a
                    out[a, m] = np.sqrt(gap * gap / norm_a)
        return
    for a in range(n):
        for m in range(points.shape[0]):
            if dims < 8:  # NumPy adds fewer than 8 terms one by one, from the first
                total = 0.0
                for k in range(dims):
                    gap = (position[a, k] - points[m, k]) * salience[a, k]
                    total += gap * gap
            else:
                for k in range(dims):
                    gap = (position[a, k] - points[m, k]) * salience[a, k]
                    squares[k] = gap * gap
                total = pairwise_sum(squares, 0, dims)
            d = np.sqrt(total / norm[a])
            out[a, m] = (1 - d) * (1 + min(d, 1.0) * risk[a]) if as_utility else d


@njit("int64(float64[:, ::1], float64, int64[::1], int64[::1])", cache=True, error_model="numpy")
def distinct_positions(
    gaps: FloatArray,
    tolerance: float,
    unique: npt.NDArray[np.int64],
    equivalent: npt.NDArray[np.int64],
) -> int:
    """Scan the actors in order: one within ``tolerance`` of an earlier distinct position joins the
    first such one (``equivalent[i]``), otherwise it opens a new one (``unique``). ``gaps[a, b]`` is the
    distance between the positions of actors ``a`` and ``b``. Returns the number of distinct positions."""
    count = 0
    for i in range(gaps.shape[0]):
        joined = -1
        for m in range(count):
            if gaps[unique[m], i] < tolerance:
                joined = m
                break
        if joined < 0:
            unique[count] = i
            joined = count
            count += 1
        equivalent[i] = joined
    return count
