"""The arithmetic of :mod:`hexatable.negotiate.offer_learning`, compiled (Numba).

Stacked alternating offers take up to 180 turns a run, and every turn changes what five holders believe
about the party that moved; as NumPy expressions on arrays this small the cost would be the calls, not
the sums. Each loop below does one turn's work in one call. They are pure functions of their arguments
(``observe_turn`` and ``refresh_holder`` write into the arrays they are given, as their docstrings say);
``tests/negotiate/test_alternating_learning.py`` checks each against a plain-Python transcription of
the model in :mod:`hexatable.negotiate.offer_learning`'s docstring.

Signatures are given, so the loops compile on first import and are cached on disk (``cache=True``).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from numba import njit

from hexatable.negotiate.belief_kernels import believed_nash_text
from hexatable.negotiate.space import FloatArray, IntArray

_F3 = "float64[:, :, ::1]"
_F2 = "float64[:, ::1]"
_F1 = "float64[::1]"
_I1 = "int64[::1]"
_I2 = "int64[:, ::1]"
_B2 = "boolean[:, ::1]"
_B1 = "boolean[::1]"


@njit("float64(float64)", cache=True)
def softplus(x: float) -> float:
    """``log(1 + e^x)``, without overflow: ``−softplus(−z)`` is ``log σ(z)``."""
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


@njit(
    f"void({_F3}, {_F3}, {_F3}, {_F3}, {_F2}, {_F2}, {_I1}, {_F2}, {_F2}, {_I1}, {_I2}, {_F2}, {_F1},"
    f" float64, int64, int64, int64, float64, {_F3}, {_F2})",
    cache=True,
    error_model="numpy",
)
def observe_turn(
    log_weights: FloatArray,
    grid: FloatArray,
    factors: FloatArray,
    prior_weights: FloatArray,
    totals: FloatArray,
    counts: FloatArray,
    last: IntArray,
    best: FloatArray,
    flat_effects: FloatArray,
    offsets: IntArray,
    outcomes: IntArray,
    utilities: FloatArray,
    tau: FloatArray,
    rate: float,
    seat: int,
    offer: int,
    standing: int,
    level: float,
    effects: FloatArray,
    learnt: FloatArray,
) -> None:
    """Every other holder's update on one turn of ``seat``, in place.

    ``offer`` is the outcome ``seat`` proposed (``-1``: it accepted ``standing``); ``standing`` the
    offer it faced (``-1``: none). Holder ``h`` models the mover's utility of an outcome ``o`` as
    ``utilities[seat, o] + sum_i (factors[h, seat, i] - 1) flat_effects[seat, offsets[i] + outcomes[o, i]]``
    and a type ``r`` of its grid as aspiring to ``θ = r + level (best[h, seat] - r)``. Each type's log
    weight gains, with ``z = (modelled − θ) / tau[seat]``: for an acceptance of ``standing``, ``log σ(z)``
    at it; for an offer, ``−z²/2`` at the offer (offers sit on the curve); each row is then shifted so
    its largest log weight is 0.

    Then the frequency model: each issue on which the offer keeps the mover's previous offer's option
    adds 1 to ``counts[seat, i]``, and every holder's factors become
    ``totals[h, seat] (prior_weights[h, seat, i] + rate counts[seat, i]) / (1 + rate sum(counts[seat]))``
    (the prior weights are a simplex, so the weights stay one); ``last[seat]`` becomes the offer. Each
    count also adds the issue's main effects on the shortlist (``effects[seat, i]``) to
    ``learnt[seat]``: ``learnt[j, k] = sum_i counts[j, i] effects[j, i, k]``, which
    :func:`refresh_holder` reads.
    """
    holders = log_weights.shape[0]
    types = log_weights.shape[2]
    issues = factors.shape[2]
    for h in range(holders):
        if h == seat:
            continue
        at_standing = 0.0
        at_offer = 0.0
        if offer < 0 and standing >= 0:
            at_standing = utilities[seat, standing]
            for i in range(issues):
                effect = flat_effects[seat, offsets[i] + outcomes[standing, i]]
                at_standing += (factors[h, seat, i] - 1.0) * effect
        if offer >= 0:
            at_offer = utilities[seat, offer]
            for i in range(issues):
                at_offer += (factors[h, seat, i] - 1.0) * flat_effects[seat, offsets[i] + outcomes[offer, i]]
        top = -np.inf
        for g in range(types):
            r = grid[h, seat, g]
            theta = r + level * (best[h, seat] - r)
            value = log_weights[h, seat, g]
            if offer < 0:
                value -= softplus(-(at_standing - theta) / tau[seat])
            else:
                d = (at_offer - theta) / tau[seat]
                value -= 0.5 * d * d
            log_weights[h, seat, g] = value
            if value > top:
                top = value
        for g in range(types):
            log_weights[h, seat, g] -= top
    if offer < 0:
        return
    previous = last[seat]
    last[seat] = offer
    if previous < 0:
        return
    total = 0.0
    for i in range(issues):
        if outcomes[offer, i] == outcomes[previous, i]:
            counts[seat, i] += 1.0
            for k in range(effects.shape[2]):
                learnt[seat, k] += effects[seat, i, k]
        total += counts[seat, i]
    for h in range(holders):
        if h == seat:
            continue
        for i in range(issues):
            weight = (prior_weights[h, seat, i] + rate * counts[seat, i]) / (1.0 + rate * total)
            factors[h, seat, i] = totals[h, seat] * weight


@njit(
    f"float64({_F3}, {_F3}, {_F3}, {_F2}, {_F3}, {_F2}, {_F2}, {_F2}, float64, {_F2}, {_B1}, {_F1}, {_F2},"
    " int64)",
    cache=True,
    error_model="numpy",
)
def refresh_holder(
    values: FloatArray,
    log_weights: FloatArray,
    grid: FloatArray,
    base: FloatArray,
    prior_part: FloatArray,
    learnt: FloatArray,
    totals: FloatArray,
    counts: FloatArray,
    rate: float,
    utilities: FloatArray,
    permitted: npt.NDArray[np.bool_],
    reservations: FloatArray,
    estimates: FloatArray,
    holder: int,
) -> float:
    """``holder``'s own utility at its believed Nash point; rewrites its model ``values[holder]`` and
    its posterior means of the others' bottom lines ``estimates[holder]``.

    The model is ``values[holder, j, k] = utilities[j, k] + sum_i (factors[holder, j, i] − 1)
    effects[j, i, k]`` on the shortlist, with the factors of :func:`observe_turn`; since those are
    ``totals[h, j] (w⁰_i + rate counts[j, i]) / (1 + rate sum(counts[j]))``, it is computed as
    ``base[j, k] + s (prior_part[holder, j, k] + rate learnt[j, k])`` with ``base = utilities − sum_i
    effects[:, i]``, ``prior_part[h, j, k] = sum_i w⁰[h, j, i] effects[j, i, k]`` and ``s`` the scale
    ``totals[holder, j] / (1 + rate sum(counts[j]))``: two operations per text instead of one per
    issue. A holder's own row is its true utility.

    The believed Nash point is the permitted text with the largest product of believed gains over each
    seat's posterior-mean reservation value (a negative gain rules a text out, each gain is floored at
    1e-9, the first of equal products wins), as
    :func:`hexatable.negotiate.belief_kernels.nash_targets` computes it for all holders at once. With no
    such text: ``reservations[holder]``.
    """
    seats = values.shape[1]
    texts = values.shape[2]
    estimate = estimates[holder]
    for j in range(seats):
        mass = 0.0
        mean = 0.0
        for g in range(grid.shape[2]):
            w = math.exp(log_weights[holder, j, g])
            mass += w
            mean += w * grid[holder, j, g]
        estimate[j] = mean / mass
        if j == holder:
            for k in range(texts):
                values[holder, j, k] = utilities[j, k]
            continue
        total = 0.0
        for i in range(counts.shape[1]):
            total += counts[j, i]
        scale = totals[holder, j] / (1.0 + rate * total)
        for k in range(texts):
            values[holder, j, k] = base[j, k] + scale * (prior_part[holder, j, k] + rate * learnt[j, k])
    chosen = believed_nash_text(values[holder], estimate, permitted)
    return float(utilities[holder, chosen]) if chosen >= 0 else float(reservations[holder])


@njit(
    f"int64({_I1}, {_I2}, {_F2}, {_F1}, {_F2}, {_I1}, {_F3}, {_F2}, {_F2}, {_F1}, {_B2}, int64, float64,"
    f" {_I1})",
    cache=True,
    error_model="numpy",
)
def choose_offer(
    candidates: IntArray,
    outcomes: IntArray,
    exp_utilities: FloatArray,
    centres: FloatArray,
    flat_effects: FloatArray,
    offsets: IntArray,
    factors: FloatArray,
    estimates: FloatArray,
    best: FloatArray,
    tau: FloatArray,
    forbidden: npt.NDArray[np.bool_],
    holder: int,
    level: float,
    out: IntArray,
) -> int:
    """Writes into ``out`` the ``candidates`` that ``holder`` believes the others most likely to accept,
    in candidate order, and returns how many there are.

    A candidate ``o``'s score is the product of ``σ((Û_j − θ_j) / tau[j])`` over the other seats ``j``:
    ``Û_j`` the holder's model of ``j``'s utility of it (as in :func:`observe_turn`),
    ``θ_j = r̂ + level (best[holder, j] − r̂)`` with ``r̂ = estimates[holder, j]`` the posterior mean of
    ``j``'s reservation type (as :func:`refresh_holder` left it). A candidate that lacks one of ``j``'s
    public red lines (``forbidden[j, o]``) has probability 0 for ``j``; each factor is floored at 1e-12
    (as :func:`hexatable.negotiate.belief_kernels.mediator_pick` does), so the product never underflows
    to a tie.

    No exponential is taken per candidate: ``σ(z) = 1 / (1 + e^{−z})`` and ``e^{−z}`` is the product of
    ``e^{(θ_j − centres[j]) / tau[j]}``, ``exp_utilities[o, j] = e^{−(utilities[j, o] − centres[j]) /
    tau[j]}`` (per space) and one factor per issue, ``e^{−(factors − 1) effect / tau[j]}`` (per call);
    ``centres`` keeps every exponent within a seat's range over ``tau``.
    """
    seats = estimates.shape[1]
    issues = outcomes.shape[1]
    columns = flat_effects.shape[1]
    lead = np.empty(seats)
    # scaled[c, j]: e^(-(option column c's main effect for j, as the holder models it) / tau[j])
    scaled = np.ones((columns, seats))
    for j in range(seats):
        r = estimates[holder, j]
        lead[j] = math.exp((r + level * (best[holder, j] - r) - centres[j]) / tau[j])
        if j == holder:
            continue
        for i in range(issues):
            end = offsets[i + 1] if i + 1 < issues else columns
            for c in range(offsets[i], end):
                scaled[c, j] = math.exp(-(factors[holder, j, i] - 1.0) * flat_effects[j, c] / tau[j])
    odds = np.empty(seats)
    most = -1.0
    found = 0
    for a in range(candidates.shape[0]):
        o = candidates[a]
        for j in range(seats):
            odds[j] = lead[j] * exp_utilities[o, j]
        for i in range(issues):
            c = offsets[i] + outcomes[o, i]
            for j in range(seats):
                odds[j] *= scaled[c, j]
        score = 1.0
        for j in range(seats):
            if j == holder:
                continue
            p = 0.0 if forbidden[j, o] else 1.0 / (1.0 + odds[j])
            score *= p if p > 1e-12 else 1e-12
        if score > most:
            most = score
            found = 0
        if score == most:
            out[found] = o
            found += 1
    return found


@njit(
    f"float64({_F3}, {_F3}, {_F3}, {_F3}, {_F2}, {_F2}, {_I1}, {_F2}, {_F2}, {_I1}, {_I2}, {_F2}, {_F1},"
    f" float64, int64, int64, int64, float64, {_F3}, {_F2}, {_F3}, {_F2}, {_F3}, {_F2}, {_B1}, {_F1}, {_F2},"
    " int64)",
    cache=True,
    error_model="numpy",
)
def advance(
    log_weights: FloatArray,
    grid: FloatArray,
    factors: FloatArray,
    prior_weights: FloatArray,
    totals: FloatArray,
    counts: FloatArray,
    last: IntArray,
    best: FloatArray,
    flat_effects: FloatArray,
    offsets: IntArray,
    outcomes: IntArray,
    utilities: FloatArray,
    tau: FloatArray,
    rate: float,
    seat: int,
    offer: int,
    standing: int,
    level: float,
    effects: FloatArray,
    learnt: FloatArray,
    values: FloatArray,
    base: FloatArray,
    prior_part: FloatArray,
    short_utilities: FloatArray,
    permitted: npt.NDArray[np.bool_],
    reservations: FloatArray,
    estimates: FloatArray,
    holder: int,
) -> float:
    """:func:`observe_turn` of ``seat``'s turn (skipped when ``seat`` is -1), then
    :func:`refresh_holder` of ``holder`` (0.0 when ``holder`` is -1): the work between two turns in one
    call."""
    if seat >= 0:
        observe_turn(
            log_weights,
            grid,
            factors,
            prior_weights,
            totals,
            counts,
            last,
            best,
            flat_effects,
            offsets,
            outcomes,
            utilities,
            tau,
            rate,
            seat,
            offer,
            standing,
            level,
            effects,
            learnt,
        )
    if holder < 0:
        return 0.0
    return refresh_holder(
        values,
        log_weights,
        grid,
        base,
        prior_part,
        learnt,
        totals,
        counts,
        rate,
        short_utilities,
        permitted,
        reservations,
        estimates,
        holder,
    )
