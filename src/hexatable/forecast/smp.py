"""A spatial model of politics with probabilistic Condorcet voting, in the manner of KTAB's SMP.

This follows the default configuration of the KAPSARC Toolkit for Behavioral Analysis (KTAB,
``examples/smp/libsrc/smp.cpp`` and ``smpbcn.cpp``, with ``kmodel``'s voting functions): proportional
voting, linear victory probabilities, conditional probabilistic Condorcet elections, deterministic
state transitions, risk attitudes on the "Mid" range [−0.5, 1] with one-third anchoring, semi-committed
third parties, S2P2 bargain interpolation and initiator-only bargains. Positions are rescaled to
[0, 1] by the scale bounds (KTAB divides its 0–100 inputs by 100). Each round:

1. *Distances and utilities.* ``d_ij = sqrt(Σ_k (s_ik (x_ik − x_jk))² / Σ_k s_ik²)`` is the salience-weighted
   distance from ``i``'s position to ``j``'s; the utility is ``u(d, R) = (1 − d)(1 + d R)``.
2. *Risk attitudes.* Risk-neutral utilities ``1 − d_ij`` and capability-weighted votes
   ``v_k(i, j) = c_k (u_ki − u_kj)`` give coalition strengths ``C_ij = 10⁻⁸ + Σ_k max(0, v_k(i, j))``,
   victory probabilities ``P_ij = C_ij / (C_ij + C_ji)`` and the conditional Condorcet probability of
   each position ``p_i ∝ Π_j P_ij``; ``R_i = (3 p_i − p_max − 2 p_min) / (2 (p_max − p_min))``. Actor ``h``
   estimates ``i``'s attitude as ``(2 R_h + R_i) / 3``.
3. *Challenges.* Actor ``i`` estimates, for each ``j``, the probability it prevails against ``j`` (the
   principals' own votes, weighted by total salience × capability, plus each third party's vote in the
   hypothetical three-actor contest) and its expected gain
   ``(1 − s_j) 2 + s_j (φ_ij 2 + (1 − φ_ij) 2 u_ij) − (1 + u_ij)``; it challenges the ``j`` with the
   largest gain above 10⁻⁵.
4. *Bargains.* The challenge proposes, per dimension, the positions
   ``b = ((w_i + 10⁻⁶) x_i + w_j x_j) / (w_i + 10⁻⁶ + w_j)`` for ``i`` and
   ``(w_i x_i + (10⁻⁶ + w_j) x_j) / (w_i + 10⁻⁶ + w_j)`` for ``j``, with ``w = s² φ²``, rounded to
   4 decimals.
5. *Vote among bargains.* Every actor's candidate bargains (its status quo, its own, those aimed at it)
   are scored by every actor (the mean utility of all positions after the bargain) and put to a
   capability-weighted probabilistic Condorcet election; the most probable bargain is adopted.

The run stops after ``rounds`` or, from round 2, when the total movement ``Σ_i ‖x_i(t) − x_i(t−1)‖`` is
below ``min_delta_ratio`` of the first round's (plus 10⁻⁴), as KTAB's ``smpStopFn``.
The forecast is the position most likely to prevail in the last round's probabilistic Condorcet
election (KTAB's ``pDist(-1)``): positions closer than 10⁻³ on the normalised scales (0.1 on 0–100) are
merged first, then each actor, judging with its own risk attitude, votes over the distinct positions.
The result also carries that probability and the runner-up position with its probability.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from hexatable.forecast.baselines import condorcet_winner, weighted_mean, weights
from hexatable.forecast.inputs import FloatArray, ForecastInput, ForecastInputError
from hexatable.forecast.result import ForecastResult, StopReason
from hexatable.forecast.smp_kernels import (
    bargain_victories,
    challenge_estimates,
    coalition_strengths,
    distinct_positions,
    election_log_scores,
    election_winners,
    weighted_distances,
)

MIN_COALITION = 1e-8
"""KTAB's floor under every coalition strength (``Model::coalitions``)."""
MIN_CONTRIBUTION = 1e-10
"""KTAB's floor under the principals' coalitions in a challenge (``probEduChlg``)."""
MIN_GAIN = 1e-5
"""The smallest expected gain worth a challenge (``bestChallenge``)."""
MIN_BARGAIN_WEIGHT = 1e-6
"""Keeps bargains defined when neither side cares or can coerce (``interpBrgnSnPm``)."""
_BATCH_ELEMENTS = 200_000
"""Rounds whose bargain elections fit in this many vote elements are decided as one array."""


@dataclass(frozen=True)
class SmpConfig:
    """Settings of a spatial-model run (KTAB's ``configExec`` defaults)."""

    rounds: int = 100
    min_rounds: int = 2
    min_delta_ratio: float = 0.02
    min_significant_delta: float = 1e-4

    def variant(self) -> dict[str, str]:
        return {
            "voting": "proportional",
            "victory_probability": "linear",
            "condorcet_election": "conditional",
            "risk_range": "mid",
            "risk_adjust": "one-third",
            "third_party": "semi-commit",
            "bargain_interpolation": "s2p2",
            "bargain_model": "initiator-only",
        }


def utility(distance: FloatArray, risk: FloatArray | float) -> FloatArray:
    """KTAB's ``bsUtil``: ``(1 − d)(1 + d R)`` for ``d ≤ 1``, ``(1 − d)(1 + R)`` beyond.

    >>> utility(np.array([0.0, 0.5, 1.0]), 0.0).tolist()
    [1.0, 0.5, 0.0]
    """
    return np.asarray((1 - distance) * (1 + np.minimum(distance, 1.0) * risk), dtype=np.float64)


def salience_distances(
    position: FloatArray, salience: FloatArray, norm: FloatArray | None = None
) -> FloatArray:
    """``D[i, j]``: actor ``i``'s salience-weighted distance from its position to ``j``'s (``bvDiff``).

    ``norm`` is ``Σ_k s_ik²`` per actor, if already known (it does not change during a run).

    >>> x, s = np.array([[0.0, 0.0], [1.0, 0.5]]), np.array([[1.0, 1.0], [1.0, 0.0]])
    >>> salience_distances(x, s).round(4).tolist()
    [[0.0, 0.7906], [1.0, 0.0]]
    """
    return _weighted(position, salience, norm, position, None)


def _weighted(
    position: FloatArray,
    salience: FloatArray,
    norm: FloatArray | None,
    points: FloatArray,
    risk: FloatArray | None,
) -> FloatArray:
    """Each actor's distance to each of ``points`` or, given ``risk``, its utility of it (compiled)."""
    if norm is None:
        norm = (salience**2).sum(axis=1)
    out = np.empty((position.shape[0], points.shape[0]))
    weighted_distances(
        _kernel_array(position),
        _kernel_array(salience),
        _kernel_array(norm),
        _kernel_array(points),
        _NO_RISK if risk is None else _kernel_array(risk),
        out,
    )
    return out


_NO_RISK = np.zeros(0)


def condorcet_probabilities(utilities: FloatArray, weight: FloatArray) -> FloatArray:
    """Conditional probabilistic Condorcet election over options (columns of ``utilities``).

    ``utilities[k, m]`` is voter ``k``'s utility of option ``m``; ``weight`` the voters' weights.
    Coalitions ``C_ab = 10⁻⁸ + Σ_k max(0, w_k (u_ka − u_kb))``; ``P_ab = C_ab / (C_ab + C_ba)``;
    ``p_a ∝ Π_b P_ab`` (KTAB ``Model::scalarPCE`` with ``condPCE``).

    >>> condorcet_probabilities(np.array([[1.0, 0.0], [1.0, 0.0]]), np.array([1.0, 1.0])).round(6).tolist()
    [1.0, 0.0]
    """
    m = utilities.shape[1]
    strength = np.empty((1, m, m))
    coalition_strengths(
        _kernel_array(utilities)[None],
        _kernel_array(weight),
        strength,
    )
    strength = strength[0]
    victory = strength / (strength + strength.T)
    log_p = np.log(np.maximum(victory, 1e-300)).sum(axis=1)
    p = np.exp(log_p - log_p.max())
    return np.asarray(p / p.sum(), dtype=np.float64)


def _kernel_array(x: FloatArray) -> FloatArray:
    """``x`` as the kernels take it: C-contiguous, writeable float64 (a copy only when needed)."""
    return np.require(x, np.float64, ["C", "W"])


def first_most_probable(probability: FloatArray) -> int:
    """The first option whose probability is the largest, up to round-off (10⁻¹² relative).

    KTAB takes the first maximum; the tolerance keeps round-off from deciding exact ties.

    >>> first_most_probable(np.array([0.2, 0.4, 0.4 + 1e-15]))
    1
    """
    top = float(probability.max())
    return int(np.argmax(probability >= top * (1 - 1e-12)))


def batched_condorcet_probabilities(scores: FloatArray, valid: np.ndarray, weight: FloatArray) -> FloatArray:
    """:func:`condorcet_probabilities` for many elections at once; padded options get probability 0.

    ``scores[e, k, m]`` is voter ``k``'s utility of option ``m`` in election ``e``; ``valid[e, m]``
    marks the real options.

    >>> scores = np.array([[[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]])
    >>> batched_condorcet_probabilities(scores, np.array([[True, True, False]]), np.ones(2)).round(6).tolist()
    [[1.0, 0.0, 0.0]]
    """
    m = scores.shape[2]
    strength = np.empty((scores.shape[0], m, m))
    coalition_strengths(
        _kernel_array(scores),
        _kernel_array(weight),
        strength,
    )
    victory = strength / (strength + strength.transpose(0, 2, 1))
    log_v = np.where(valid[:, None, :], np.log(np.maximum(victory, 1e-300)), 0.0)
    log_p = np.where(valid, log_v.sum(axis=2), -np.inf)
    p = np.exp(log_p - log_p.max(axis=1, keepdims=True))
    return np.asarray(p / p.sum(axis=1, keepdims=True), dtype=np.float64)


def risk_attitudes(probability: FloatArray) -> FloatArray:
    """``R_i`` on KTAB's "Mid" range [−0.5, 1] from the probability of each actor's position.

    When all probabilities are equal KTAB divides by zero; we return risk neutrality (0).

    >>> risk_attitudes(np.array([0.2, 0.4, 0.5])).round(4).tolist()
    [-0.5, 0.5, 1.0]
    """
    high, low = float(probability.max()), float(probability.min())
    if high - low <= 1e-15:
        return np.zeros_like(probability)
    return np.asarray((3 * probability - (high + 2 * low)) / (2 * (high - low)), dtype=np.float64)


@dataclass(frozen=True)
class Challenges:
    """Each actor's best challenge: target (−1 for none), its probability of prevailing, the gain."""

    target: np.ndarray
    probability: FloatArray
    gain: FloatArray


def expected_gains(
    distance: FloatArray, risk: FloatArray, capability: FloatArray, total_salience: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """``φ[i, j]`` and ``Δu[i, j]``: ``i``'s estimate that it prevails against ``j`` and its expected gain.

    KTAB's ``probEduChlg(h=i, k=i, i, j)``: the utilities are ``i``'s estimates ``u(d_ab, (2R_i + R_a)/3)``.
    """
    n = distance.shape[0]
    phi = np.empty((n, n))
    gain = np.empty((n, n))
    challenge_estimates(
        _kernel_array(distance),
        _kernel_array(risk),
        _kernel_array(total_salience * capability),
        _kernel_array(total_salience),
        phi,
        gain,
    )
    return phi, gain


def best_challenges(phi: FloatArray, gain: FloatArray) -> Challenges:
    """KTAB's ``bestChallenge``: the first target with the largest gain above ``MIN_GAIN``."""
    target = np.argmax(gain, axis=1)
    rows = np.arange(gain.shape[0])
    best = gain[rows, target]
    target = np.where(best > MIN_GAIN, target, -1)
    return Challenges(target=target, probability=phi[rows, target], gain=best)


def interpolate_bargain(
    x_i: FloatArray,
    s_i: FloatArray,
    p_i: FloatArray | float,
    x_j: FloatArray,
    s_j: FloatArray,
    p_j: FloatArray | float,
) -> tuple[FloatArray, FloatArray]:
    """KTAB's S2P2 interpolation (``interpBrgnSnPm(2, 2, …)``), per dimension, rounded to 4 decimals.

    Arrays broadcast: rows are bargains, columns dimensions.

    >>> one = np.array([1.0])
    >>> [b.tolist() for b in interpolate_bargain(np.array([0.0]), one, 0.75, one, one, 0.25)]
    [[0.1], [0.1]]
    """
    w_i = s_i**2 * p_i**2
    w_j = s_j**2 * p_j**2
    total = w_i + MIN_BARGAIN_WEIGHT + w_j
    b_i = ((w_i + MIN_BARGAIN_WEIGHT) * x_i + w_j * x_j) / total
    b_j = (w_i * x_i + (MIN_BARGAIN_WEIGHT + w_j) * x_j) / total
    return _round4(b_i), _round4(b_j)


def _round4(x: FloatArray) -> FloatArray:
    return np.asarray(np.floor(0.5 + x * 10_000.0) / 10_000.0, dtype=np.float64)


def step(position: FloatArray, salience: FloatArray, capability: FloatArray) -> tuple[FloatArray, FloatArray]:
    """One round (KTAB ``SMPState::doBCN``) on normalised positions; returns the new positions and ``R``."""
    n = position.shape[0]
    total_salience = salience.sum(axis=1)
    norm = (salience**2).sum(axis=1)
    distance = salience_distances(position, salience, norm)
    neutral_probability = condorcet_probabilities(1.0 - distance, capability)
    risk = risk_attitudes(neutral_probability)
    phi, gain = expected_gains(distance, risk, capability, total_salience)
    challenges = best_challenges(phi, gain)

    own_utility = utility(distance, risk[:, None])  # u(d_ab, R_a): a's own view
    base = own_utility.sum(axis=1)
    initiators = np.flatnonzero(challenges.target >= 0)
    receivers = challenges.target[initiators]
    p = challenges.probability[initiators]
    bargain_i, bargain_j = interpolate_bargain(
        position[initiators],
        salience[initiators],
        p[:, None],
        position[receivers],
        salience[receivers],
        1 - p[:, None],
    )
    # Every actor's score of the state after each bargain: the mean utility of all positions.
    u_init = _position_utilities(position, salience, risk, bargain_i, norm)
    u_rcvr = _position_utilities(position, salience, risk, bargain_j, norm)
    after = (base[:, None] - own_utility[:, initiators] - own_utility[:, receivers] + u_init + u_rcvr) / n
    status_quo = base / n
    new = position.copy()
    contested, options, sizes = _bargain_queues(n, initiators, receivers)
    if contested.size == 0:
        return new, risk
    chosen = _bargain_elections(options, sizes, after, status_quo, capability)
    moved = chosen >= 0
    k, chosen = contested[moved], chosen[moved]
    new[k] = np.where((initiators[chosen] == k)[:, None], bargain_i[chosen], bargain_j[chosen])
    return new, risk


def _bargain_queues(
    n: int, initiators: np.ndarray, receivers: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each actor's candidate bargains (bargain number, −1 for its status quo), for the actors that
    have more than their status quo: the actors, their candidates one actor after another, the counts.

    KTAB's order: actor ``i``'s turn (in actor order) adds its status quo and its own bargain to its
    own list and that bargain to its target's list; so an actor's list holds the bargains aimed at it
    by earlier initiators, its status quo, its own, then those aimed at it by later initiators (the
    order only breaks exact ties).

    >>> [a.tolist() for a in _bargain_queues(3, np.array([0, 2]), np.array([1, 1]))]
    [[0, 1, 2], [-1, 0, 0, -1, 1, -1, 1], [2, 3, 2]]
    """
    bargains = np.arange(initiators.size)
    owner = np.concatenate([np.arange(n), initiators, receivers])
    turn = np.concatenate([np.arange(n), initiators, initiators])
    within = np.concatenate([np.zeros(n), np.ones(initiators.size), np.full(initiators.size, 2.0)])
    option = np.concatenate([np.full(n, -1), bargains, bargains])
    order = np.lexsort((within, turn, owner))
    sizes = np.bincount(owner, minlength=n)
    keep = sizes[owner[order]] > 1
    contested = np.flatnonzero(sizes > 1)
    return contested, option[order][keep].astype(np.int64), sizes[contested].astype(np.int64)


def _bargain_elections(
    options: np.ndarray, sizes: np.ndarray, after: FloatArray, status_quo: FloatArray, capability: FloatArray
) -> np.ndarray:
    """The winner of each actor's election among its candidate bargains (−1: its status quo).

    ``options`` holds every election's candidates (bargain numbers, −1 for the status quo), one
    election after another; ``sizes`` the number of candidates of each.

    The elections of a round are stored one after the other (their sizes differ widely: a strong
    actor may be the target of dozens of bargains) and decided by compiled loops, with NumPy's ``log``
    and ``exp`` in between. Each election's sums of log-probabilities run over its own options, or
    over the padded width of the round when the round is small (``_BATCH_ELEMENTS``), so that the
    additions associate exactly as in the earlier per-election and padded NumPy paths: runs are
    bit-identical to theirs.
    """
    n = after.shape[0]
    starts = np.zeros(sizes.size + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    blocks = np.zeros(sizes.size + 1, dtype=np.int64)
    np.cumsum(sizes**2, out=blocks[1:])
    width = int(sizes.max())
    padded = sizes.size * n * width * width <= _BATCH_ELEMENTS
    summed = np.full(sizes.size, width, dtype=np.int64) if padded else sizes
    victory = np.empty(int(blocks[-1]))
    bargain_victories(
        _kernel_array(after),
        _kernel_array(status_quo),
        options,
        starts,
        _kernel_array(capability),
        blocks,
        victory,
    )
    shifted = np.empty(options.size)
    election_log_scores(np.log(np.maximum(victory, 1e-300)), starts, blocks, summed, shifted)
    winner = np.empty(sizes.size, dtype=np.int64)
    election_winners(np.exp(shifted), starts, summed, winner)
    return np.asarray(options[starts[:-1] + winner], dtype=np.int64)


def _position_utilities(
    position: FloatArray, salience: FloatArray, risk: FloatArray, points: FloatArray, norm: FloatArray
) -> FloatArray:
    """``U[a, m]``: actor ``a``'s utility of position ``points[m]`` (KTAB ``SMPActor::posUtil``)."""
    return _weighted(position, salience, norm, points, risk)


POSITION_TOLERANCE = 1e-3
"""Positions closer than this (Euclidean, on the [0, 1]-normalised scales) are one position: KTAB's
``SMPModel::posTol``, 0.1 on a 0–100 scale."""


def unique_positions(
    position: FloatArray, tolerance: float = POSITION_TOLERANCE
) -> tuple[np.ndarray, np.ndarray]:
    """The actors whose positions are distinct, and for each actor the index of its position among them.

    KTAB's ``KBase::ueIndices`` with ``SMPState::equivNdx``: actors are scanned in order; an actor within
    ``tolerance`` of an earlier unique position joins the first such one, otherwise it opens a new one.

    >>> unique_positions(np.array([[0.5], [0.2], [0.5004], [0.2]]))[0].tolist()
    [0, 1]
    """
    return _distinct(position_gaps(position), tolerance)


def position_gaps(position: FloatArray) -> FloatArray:
    """``G[a, b]``: the Euclidean distance between the positions of actors ``a`` and ``b`` (compiled; the
    same operations as NumPy's ``sqrt(((x_a − x_b)²).sum())``, and ``G`` is exactly symmetric).

    >>> position_gaps(np.array([[0.0, 0.0], [0.3, 0.4]])).tolist()
    [[0.0, 0.5], [0.5, 0.0]]
    """
    ones = np.ones(position.shape[0])
    return _weighted(position, np.ones_like(position), ones, position, None)


def _distinct(gaps: FloatArray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    unique = np.empty(gaps.shape[0], dtype=np.int64)
    equivalent = np.empty(gaps.shape[0], dtype=np.int64)
    count = int(distinct_positions(gaps, tolerance, unique, equivalent))
    return unique[:count].copy(), equivalent


@dataclass(frozen=True)
class Prevailing:
    """KTAB's ``pDist(-1)``: the probability that each distinct position prevails.

    ``unique[m]`` is the first actor holding distinct position ``m`` and ``probability[m]`` its
    probability (they sum to 1); ``equivalent[i]`` is the distinct position actor ``i`` joined;
    ``by_actor[i]`` the probability of actor ``i``'s position (KTAB's ``posProb``, what ``smpc`` prints
    per actor: actors sharing a position show the same figure).
    """

    unique: np.ndarray
    equivalent: np.ndarray
    probability: FloatArray
    by_actor: FloatArray

    def ranked(self) -> list[int]:
        """Distinct positions, most probable first (ties: the earlier actor first, as KTAB)."""
        return sorted(range(self.unique.size), key=lambda m: (-float(self.probability[m]), m))


def prevailing_probabilities(
    position: FloatArray, salience: FloatArray, capability: FloatArray
) -> Prevailing:
    """The probability that each distinct position prevails (KTAB ``SMPState::pDist(-1)``).

    Risk attitudes come from the risk-neutral election among all actors' positions (``setAllAUtil``);
    then every actor votes, with its own risk attitude, over the distinct positions only, so that actors
    sharing a position do not split its probability.
    """
    distance = salience_distances(position, salience)
    risk = risk_attitudes(condorcet_probabilities(1.0 - distance, capability))
    gaps = position_gaps(position)
    unique, equivalent = _distinct(gaps, POSITION_TOLERANCE)
    probability = condorcet_probabilities(utility(distance[:, unique], risk[:, None]), capability)
    # posProb: the last distinct position that actor i is equivalent to.
    close = gaps[:, unique] < POSITION_TOLERANCE
    last = unique.size - 1 - np.argmax(close[:, ::-1], axis=1)
    return Prevailing(
        unique=unique, equivalent=equivalent, probability=probability, by_actor=probability[last]
    )


def run_smp(
    data: ForecastInput, config: SmpConfig | None = None, progress: Callable[[int], None] | None = None
) -> ForecastResult:
    """Run the spatial model; positions per round are on the input's scale.

    ``progress`` is called with 1 after each round (for a progress bar).

    >>> data = ForecastInput.build(["A", "B", "C"], [1, 4, 1], [[20], [50], [80]], [[0.5], [0.9], [0.5]])
    >>> result = run_smp(data)
    >>> result.forecast.tolist(), result.stop_reason
    ([50.0], 'converged')
    """
    config = config or SmpConfig()
    history, risks, stop = _trajectory(data, config, progress)
    low, span = data.scale[:, 0], data.scale[:, 1] - data.scale[:, 0]
    positions = np.stack(history) * span + low
    w = weights(data)
    mean = np.stack([weighted_mean(p, w) for p in positions])
    condorcet = np.stack([condorcet_winner(p, w) for p in positions])
    final = history[-1]
    prevailing = prevailing_probabilities(final, data.salience, data.capability)
    ranked = prevailing.ranked()
    best = int(prevailing.unique[ranked[0]])
    forecast = final[best] * span + low
    details: dict[str, object] = {
        "prevailing_probability": prevailing.by_actor,
        "forecast_probability": float(prevailing.probability[ranked[0]]),
        "forecast_actors": _holders(data.actors, prevailing, ranked[0]),
        "runner_up": None,
        "runner_up_probability": None,
        "runner_up_actors": [],
    }
    if len(ranked) > 1:
        second = int(prevailing.unique[ranked[1]])
        details["runner_up"] = final[second] * span + low
        details["runner_up_probability"] = float(prevailing.probability[ranked[1]])
        details["runner_up_actors"] = _holders(data.actors, prevailing, ranked[1])
    details["risk"] = np.stack(risks) if risks else np.zeros((0,))
    return ForecastResult(
        model="smp",
        variant=config.variant(),
        actors=data.actors,
        dimensions=data.dimensions,
        positions=positions,
        mean=mean,
        condorcet=condorcet,
        forecast=forecast,
        stop_reason=stop,
        details=details,
    )


def smp_forecast(data: ForecastInput, config: SmpConfig | None = None) -> FloatArray:
    """``run_smp(data, config).forecast`` (the same numbers) without what a Monte Carlo run discards.

    A Monte Carlo batch keeps only each run's forecast; :func:`run_smp` also computes the weighted
    mean and the Condorcet winner of every round and the runner-up, about 5 % of a run at 80 actors.

    >>> data = ForecastInput.build(["A", "B", "C"], [1, 4, 1], [[20], [50], [80]], [[0.5], [0.9], [0.5]])
    >>> smp_forecast(data).tolist()
    [50.0]
    """
    history, _, _ = _trajectory(data, config or SmpConfig(), None)
    final = history[-1]
    prevailing = prevailing_probabilities(final, data.salience, data.capability)
    low, span = data.scale[:, 0], data.scale[:, 1] - data.scale[:, 0]
    return np.asarray(final[int(prevailing.unique[prevailing.ranked()[0]])] * span + low, dtype=np.float64)


def _trajectory(
    data: ForecastInput, config: SmpConfig, progress: Callable[[int], None] | None
) -> tuple[list[FloatArray], list[FloatArray], StopReason]:
    """The normalised positions of every round (the input's first), each round's risk attitudes, and
    why the run stopped. Refuses an actor whose saliences are all 0, naming it."""
    total = data.salience.sum(axis=1)
    if np.any(total <= 0):
        i = int(np.argmin(total))
        raise ForecastInputError(
            f"{data.actors[i]}: salience",
            "every salience is 0; the spatial model weighs distances by salience, so an actor must "
            "care about some dimension (remove the actor or give it a salience)",
            data.where(i),
        )
    low, span = data.scale[:, 0], data.scale[:, 1] - data.scale[:, 0]
    x = (data.position - low) / span
    history = [x]
    risks: list[FloatArray] = []
    stop: StopReason = "rounds"
    for t in range(1, config.rounds + 1):
        new, risk = step(history[-1], data.salience, data.capability)
        history.append(new)
        risks.append(risk)
        if progress:
            progress(1)
        if t == 1:
            first = _movement(history[0], history[1]) + config.min_significant_delta
        if t >= config.min_rounds and _movement(history[-2], history[-1]) / first < config.min_delta_ratio:
            stop = "converged"
            break
    return history, risks, stop


def _holders(actors: tuple[str, ...], prevailing: Prevailing, m: int) -> list[str]:
    """The actors that hold distinct position ``m``."""
    return [a for a, e in zip(actors, prevailing.equivalent.tolist(), strict=True) if e == m]


def _movement(before: FloatArray, after: FloatArray) -> float:
    """KTAB's ``stateDist``: the sum over actors of the Euclidean distance moved."""
    return float(np.sqrt(((after - before) ** 2).sum(axis=1)).sum())
