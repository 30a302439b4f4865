"""The arithmetic of :mod:`hexatable.negotiate.beliefs`, compiled (Numba).

Every draft of a simulated negotiation updates six holders' beliefs about six seats and asks each
holder what it now expects to be agreed; the arrays are small (``[6, 6, 9]`` reservation types, a
shortlist of about 200 texts), so as NumPy expressions the cost is the dozens of calls per draft, not
the arithmetic. These loops do the same sums in one call each. They are pure functions of their
arguments (the ``update_*`` ones write into the arrays they are given, as the docstrings say), and
``tests/negotiate/test_belief_kernels.py`` checks each against the NumPy expression of the model in
:mod:`hexatable.negotiate.beliefs`'s docstring.

Signatures are given, so the kernels compile when the module is first imported and are cached on disk
(``cache=True``): later processes load them in milliseconds.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from numba import njit

from hexatable.negotiate.space import FloatArray, IntArray

_F3 = "float64[:, :, ::1]"
_F2 = "float64[:, ::1]"
_F1 = "float64[::1]"
_I1 = "int64[::1]"
_B2 = "boolean[:, ::1]"
_B1 = "boolean[::1]"


@njit(f"void({_F3}, {_F3}, {_F3}, {_F2}, {_F2}, {_F1}, {_I1}, {_F1}, {_F1}, {_F1}, float64)", cache=True)
def update_reservations(
    log_weights: FloatArray,
    grid: FloatArray,
    factors: FloatArray,
    effect: FloatArray,
    best: FloatArray,
    truth: FloatArray,
    seats: IntArray,
    negative_sign: FloatArray,
    weight: FloatArray,
    tau: FloatArray,
    level: float,
) -> None:
    """Every holder's Bayesian update on the answers of ``seats`` to one text, in place.

    ``effect[j, i]`` is issue ``i``'s main effect of the text for seat ``j`` and ``truth[j]`` its true
    utility, so holder ``h`` models it at ``truth[j] + sum_i (factors[h, j, i] - 1) effect[j, i]``. A
    type ``r`` on the grid would accept above ``r + level (best[h, j] - r)``; the answer's likelihood is
    ``σ(±z)`` with ``z`` the margin over ``tau[j]`` (sign ``-negative_sign``, weight ``weight``), and
    each row is shifted so that its largest log weight is 0.
    """
    holders = log_weights.shape[0]
    types = log_weights.shape[2]
    issues = factors.shape[2]
    for h in range(holders):
        for a in range(seats.shape[0]):
            j = seats[a]
            modelled = 0.0
            for i in range(issues):
                modelled += (factors[h, j, i] - 1.0) * effect[j, i]
            modelled += truth[j]
            top = -np.inf
            for g in range(types):
                r = grid[h, j, g]
                z = (modelled - (r + level * (best[h, j] - r))) / tau[j]
                x = negative_sign[a] * z  # log(1 + e^x), stably
                softplus = x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))
                value = log_weights[h, j, g] - softplus * weight[a]
                log_weights[h, j, g] = value
                if value > top:
                    top = value
            for g in range(types):
                log_weights[h, j, g] -= top


@njit(f"void({_F3}, {_F3}, {_F2}, {_F2}, {_F3}, {_I1}, {_I1}, float64)", cache=True)
def update_weights(
    factors: FloatArray,
    values: FloatArray,
    best: FloatArray,
    utilities: FloatArray,
    effects: FloatArray,
    who: IntArray,
    issue: IntArray,
    rate: float,
) -> None:
    """Objections move every other holder's guess of the objector's weights, in place.

    Objector ``who[a]`` named issue ``issue[a]``: each holder ``h != who[a]`` raises that factor by
    ``rate``, scales the factors back to their previous total, and recomputes its model of the
    objector's utility on the shortlist (``values[h, j]``) and that model's maximum (``best[h, j]``).
    A seat's own factors stay 1 (it knows its own weights).
    """
    holders = factors.shape[0]
    issues = factors.shape[2]
    texts = values.shape[2]
    for a in range(who.shape[0]):
        j = who[a]
        for h in range(holders):
            if h == j:
                continue
            total = 0.0
            for i in range(issues):
                total += factors[h, j, i]
            factors[h, j, issue[a]] += rate
            moved = 0.0
            for i in range(issues):
                moved += factors[h, j, i]
            scale = total / moved
            for i in range(issues):
                factors[h, j, i] *= scale
            top = -np.inf
            for k in range(texts):
                value = utilities[j, k]
                for i in range(issues):
                    value += (factors[h, j, i] - 1.0) * effects[j, i, k]
                values[h, j, k] = value
                if value > top:
                    top = value
            best[h, j] = top


@njit(f"int64({_F2}, {_F1}, {_B1})", cache=True)
def believed_nash_text(values: FloatArray, estimate: FloatArray, permitted: npt.NDArray[np.bool_]) -> int:
    """The permitted text with the largest Nash product of believed gains ``values[j, k] − estimate[j]``,
    or -1 when there is none: a negative gain rules a text out, each gain is floored at 1e-9, the
    first of equal products wins. One holder's choice, shared by :func:`nash_targets` and
    :func:`hexatable.negotiate.offer_kernels.refresh_holder`."""
    chosen = -1
    largest = -1.0
    for k in range(values.shape[1]):
        if not permitted[k]:
            continue
        product = 1.0
        rational = True
        for j in range(values.shape[0]):
            gain = values[j, k] - estimate[j]
            if gain < 0.0:
                rational = False
                break
            product *= gain if gain > 1e-9 else 1e-9
        if rational and product > largest:
            largest = product
            chosen = k
    return chosen


@njit(f"float64[::1]({_F3}, {_F2}, {_F2}, {_B1}, {_F1})", cache=True)
def nash_targets(
    values: FloatArray,
    estimate: FloatArray,
    utilities: FloatArray,
    permitted: npt.NDArray[np.bool_],
    fallback: FloatArray,
) -> FloatArray:
    """Each holder's own utility at the text with the largest Nash product of believed gains.

    Only texts where no seat's believed gain is negative and no red line is crossed count; each gain is
    floored at 1e-9; the first of equal products wins. A holder that sees no such text gets
    ``fallback[h]`` (its reservation value).
    """
    out = fallback.copy()
    for h in range(values.shape[0]):
        chosen = believed_nash_text(values[h], estimate[h], permitted)
        if chosen >= 0:
            out[h] = utilities[h, chosen]
    return out


@njit(f"int64({_F3}, {_F3}, {_F3}, {_F2}, {_F1}, {_B2}, {_F2}, {_F1}, int64, {_I1}, float64)", cache=True)
def mediator_pick(
    values: FloatArray,
    grid: FloatArray,
    posterior: FloatArray,
    best: FloatArray,
    tau: FloatArray,
    forbidden: npt.NDArray[np.bool_],
    estimate: FloatArray,
    span: FloatArray,
    holder: int,
    allowed: IntArray,
    level: float,
) -> int:
    """The position (in ``allowed``) of the text with the largest expected Nash product for ``holder``.

    For each allowed text: the product over the other seats of the probability the holder gives their
    support (the posterior-weighted ``σ`` of the answer model, 0 across a red line, floored at 1e-12),
    times the product over all seats of the believed gains, each floored at 1% of the seat's span.
    The first of equal products wins.
    """
    seats = values.shape[1]
    types = grid.shape[2]
    chosen = 0
    largest = -np.inf
    for a in range(allowed.shape[0]):
        k = allowed[a]
        accept = 1.0
        for j in range(seats):
            if j == holder:
                continue
            p = 0.0
            if not forbidden[j, k]:
                for g in range(types):
                    r = grid[holder, j, g]
                    z = (values[holder, j, k] - (r + level * (best[holder, j] - r))) / tau[j]
                    p += posterior[holder, j, g] / (1.0 + math.exp(-z))
            accept *= p if p > 1e-12 else 1e-12
        gains = 1.0
        for j in range(seats):
            gain = values[holder, j, k] - estimate[holder, j]
            floor = 0.01 * span[j]
            gains *= gain if gain > floor else floor
        product = accept * gains
        if product > largest:
            largest = product
            chosen = a
    return chosen


@njit(f"int64({_I1}, int64[:, ::1], int64[:, ::1], {_I1}, {_I1}, {_I1})", cache=True)
def nearest_rows(
    candidates: IntArray,
    outcomes: IntArray,
    table: IntArray,
    toward: IntArray,
    offsets: IntArray,
    out: IntArray,
) -> int:
    """Writes into ``out`` the candidates (rows of ``outcomes``) that differ least, in number of
    issues, from the rows ``toward`` of ``table`` (option indices), in candidate order, and returns how
    many there are.

    The mismatches of a candidate with all of those rows are ``len(toward) * issues`` minus the
    (offer, issue) pairs it agrees with, so the candidates with the most agreements are kept;
    ``offsets[i]`` is where issue ``i``'s options start when all issues' options are laid side by side.
    Not part of the belief model, but the same kind of small loop: a delegate's offer in alternating
    offers (:meth:`hexatable.negotiate.delegates.TimeBasedDelegate.propose`).
    """
    issues = outcomes.shape[1]
    size = 0
    for r in range(toward.shape[0]):
        for i in range(issues):
            size = max(size, offsets[i] + table[toward[r], i] + 1)
    for c in range(candidates.shape[0]):
        for i in range(issues):
            size = max(size, offsets[i] + outcomes[candidates[c], i] + 1)
    counts = np.zeros(size, dtype=np.int64)
    for r in range(toward.shape[0]):
        for i in range(issues):
            counts[offsets[i] + table[toward[r], i]] += 1
    most = -1
    found = 0
    for c in range(candidates.shape[0]):
        agree = 0
        for i in range(issues):
            agree += counts[offsets[i] + outcomes[candidates[c], i]]
        if agree > most:
            most = agree
            found = 0
        if agree == most:
            out[found] = candidates[c]
            found += 1
    return found


@njit(f"boolean[::1]({_F2}, {_I1})", cache=True)
def pareto_in_order(points: FloatArray, order: IntArray) -> npt.NDArray[np.bool_]:
    """Which rows of ``points`` are Pareto optimal, visiting them in ``order`` (decreasing total).

    A row can only be dominated by one with a larger total, and if it is dominated at all it is
    dominated by a frontier row found before it; so each row is compared with the frontier so far
    only. :func:`hexatable.negotiate.analysis.pareto_mask` is the caller; its tests compare it with the
    pair-by-pair definition.
    """
    n, d = points.shape
    keep = np.zeros(n, dtype=np.bool_)
    frontier = np.empty(n, dtype=np.int64)
    size = 0
    for k in range(n):
        c = order[k]
        dominated = False
        for f in range(size):
            row = frontier[f]
            covers = True
            strictly = False
            for i in range(d):
                if points[row, i] < points[c, i]:
                    covers = False
                    break
                if points[row, i] > points[c, i]:
                    strictly = True
            if covers and strictly:
                dominated = True
                break
        if not dominated:
            keep[c] = True
            frontier[size] = c
            size += 1
    return keep
