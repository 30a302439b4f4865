"""Bueno de Mesquita's expected-utility model, as reconstructed by Scholz, Calbert & Smith (2011).

One issue (dimension) at a time. Per round (Scholz et al. 2011, Appendix, steps 2–11):

1. every risk exponent ``r_i = 1``; the win probabilities and expected utilities are computed;
2. the *security level* of ``i`` is ``Σ_{j≠i} E(U_ji)``, what the others expect from challenging ``i``;
   ``R_i = (2 sec_i − max_k sec_k − min_k sec_k) / (max_k sec_k − min_k sec_k)`` and
   ``r_i = (1 − R_i/3) / (1 + R_i/3)`` (section 5);
3. with these exponents, each actor ``i`` estimates, for every other actor ``j``, its own expected
   utility of challenging ``j``, ``E^i(U_ij)``, and ``j``'s expected utility of challenging ``i``,
   ``E^i(U_ji)``; both use ``i``'s own exponent ``r_i``, and ``E^i(U_ji)`` uses ``s_i`` (the salience of
   the challenged actor; the paper prints ``s_j``, a typo);
4. from ``i``'s view of each pair an offer to ``i`` results (section 6): *confrontation* (``i`` moves to
   ``x_j``), *compromise* (``i`` moves toward ``x_j`` by the fraction ``|E^i(U_ij)| / E^i(U_ji)``) or
   *capitulation* (``i`` moves to ``x_j``); ``i`` accepts one offer and all actors move at once.

The utilities (section 3, ``d_ij = |x_i − x_j| / (max x − min x)`` over the initial positions)::

    U_s = 2 − 4 (0.5 − 0.5 d_ij)^r        U_f = 2 − 4 (0.5 + 0.5 d_ij)^r       U_sq = 2 − 4 · 0.5^r
    U_b = 2 − 4 (0.5 − 0.25 (d_iμ + d_ij))^r      U_w = 2 − 4 (0.5 + 0.25 (d_iμ + d_ij))^r
    E(U_ij) = s_j (P_ij U_s + (1 − P_ij) U_f) + (1 − s_j) U_s − Q U_sq − (1 − Q)(T U_b + (1 − T) U_w)

``μ`` is the round's Condorcet winner. Two documented variants of the reconstruction:

``win_probability``
    ``"pair"`` (the paper's formula): ``P_ij = Σ_k max(0, v_k(i, j)) / Σ_k |v_k(i, j)|`` with
    ``v_k(i, j) = c_k s_k (d_kj − d_ki)``. ``"triples"``: risk-weighted votes
    ``v_k(i, j) = c_k s_k (d_kj^{r_k} − d_ki^{r_k})`` and one denominator summed over all triples,
    ``P_ij = Σ_k max(0, v_k(i, j)) / Σ_{k,a,b} |v_k(a, b)|``; this reproduces the published figure.
``offer_choice``
    ``"smallest-move"`` (the paper): the offer that moves ``i`` least. ``"ranking"``: a confrontation
    before a compromise before a capitulation, the smallest move within a kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from hexatable.forecast.baselines import condorcet_winner, weighted_mean, weights
from hexatable.forecast.inputs import FloatArray, ForecastInput
from hexatable.forecast.result import Cycle, ForecastResult, StopReason

WinProbability = Literal["pair", "triples"]
OfferChoice = Literal["smallest-move", "ranking"]

NO_OFFER, CONFRONTATION, COMPROMISE, CAPITULATION = 0, 1, 2, 3
OFFER_KINDS = ("none", "confrontation", "compromise", "capitulation")

_BLOCK_ELEMENTS = 4_000_000
"""Largest (voters × n × n) block held in memory at once when summing votes over triples."""


@dataclass(frozen=True)
class BdmConfig:
    """Settings of a BDM run.

    ``rounds`` caps the rounds; the run also stops when the weighted mean moves less than
    ``tolerance`` (in scale units) on every dimension, or when the positions repeat an earlier round
    (an exact cycle). An oscillation of the weighted mean that comes back within ``cycle_tolerance``
    (a fraction of the spread of the initial positions on each dimension, the unit of BDM's
    distances) of its values one period earlier is reported as an inexact
    :class:`~hexatable.forecast.result.Cycle` without stopping the run. ``q`` and ``t`` are
    Scholz et al.'s ``Q`` and ``T``.
    """

    win_probability: WinProbability = "triples"
    offer_choice: OfferChoice = "ranking"
    rounds: int = 10
    tolerance: float = 0.0
    q: float = 1.0
    t: float = 1.0
    cycle_tolerance: float = 0.01

    def variant(self) -> dict[str, str]:
        return {"win_probability": self.win_probability, "offer_choice": self.offer_choice}


# --- one round's quantities on one dimension ------------------------------------------------------


def normalised_distances(x: FloatArray, spread: float) -> FloatArray:
    """``d_ij = |x_i − x_j| / spread``, shape ``(n, n)`` (Scholz et al. 2011, section 3)."""
    return np.abs(x[:, None] - x[None, :]) / spread


def win_probabilities(
    distance: FloatArray, weight: FloatArray, risk: FloatArray, method: WinProbability
) -> FloatArray:
    """``P[i, j]``, the probability that ``i`` prevails when it challenges ``j`` (section 4).

    Parameters
    ----------
    distance
        ``d_kj``, shape ``(n, n)``.
    weight
        ``c_k s_k``, shape ``(n,)``.
    risk
        ``r_k`` of each voter, shape ``(n,)`` (used by ``"triples"`` only).
    method
        ``"pair"`` or ``"triples"``; see the module docstring.
    """
    n = distance.shape[0]
    utility_loss = distance if method == "pair" else distance ** risk[:, None]
    favour = np.zeros((n, n))
    magnitude = np.zeros((n, n))
    block = max(1, _BLOCK_ELEMENTS // max(1, n * n))
    for start in range(0, n, block):
        u = utility_loss[start : start + block]
        w = weight[start : start + block, None, None]
        votes = w * (u[:, None, :] - u[:, :, None])  # votes[k, i, j] = w_k (u_kj − u_ki)
        favour += np.maximum(votes, 0.0).sum(axis=0)
        if method == "pair":
            magnitude += np.abs(votes).sum(axis=0)
    if method == "pair":
        probability = np.divide(favour, magnitude, out=np.zeros_like(favour), where=magnitude > 0)
    else:
        total = _sum_abs_pair_differences(utility_loss, weight)
        probability = favour / total if total > 0 else np.zeros_like(favour)
    np.fill_diagonal(probability, 0.0)
    return probability


def _sum_abs_pair_differences(u: FloatArray, weight: FloatArray) -> float:
    """``Σ_k w_k Σ_{a,b} |u_ka − u_kb|`` in ``O(n² log n)``, from each row's sorted values."""
    n = u.shape[1]
    ordered = np.sort(u, axis=1)
    coefficient = 2.0 * np.arange(n) - n + 1
    return float(2.0 * (weight * (ordered @ coefficient)).sum())


def expected_utility(
    distance: FloatArray,
    probability: FloatArray,
    target_salience: FloatArray,
    risk: FloatArray | float,
    distance_to_median: FloatArray,
    q: float,
    t: float,
) -> FloatArray:
    """``E(U)`` of a challenge, elementwise (Scholz et al. 2011, section 2.2 and 3).

    All arguments broadcast together: ``distance`` is ``d`` between challenger and target,
    ``probability`` the challenger's win probability, ``target_salience`` the challenged actor's ``s``,
    ``risk`` the exponent of the actor whose view this is, ``distance_to_median`` the challenger's
    ``d_iμ``.
    """
    success = 2 - 4 * (0.5 - 0.5 * distance) ** risk
    failure = 2 - 4 * (0.5 + 0.5 * distance) ** risk
    status_quo = 2 - 4 * 0.5**risk
    eu = target_salience * (probability * success + (1 - probability) * failure)
    eu = eu + (1 - target_salience) * success - q * status_quo
    if q != 1.0:
        spread = 0.25 * (distance_to_median + distance)
        better = 2 - 4 * np.clip(0.5 - spread, 0.0, None) ** risk
        worse = 2 - 4 * (0.5 + spread) ** risk
        eu = eu - (1 - q) * (t * better + (1 - t) * worse)
    return np.asarray(eu)


def security_levels(eu_challenge: FloatArray) -> FloatArray:
    """``sec_i = Σ_{j≠i} E(U_ji)``: column sums of the challenge matrix without its diagonal."""
    return np.asarray(eu_challenge.sum(axis=0) - np.diag(eu_challenge))


def risk_exponents(security: FloatArray) -> FloatArray:
    """``r_i = (1 − R_i/3)/(1 + R_i/3)`` with ``R_i`` the security level rescaled to [−1, 1] (section 5).

    All exponents are 1 when every security level is the same.

    >>> risk_exponents(np.array([0.0, 1.0, 2.0])).round(3).tolist()
    [2.0, 1.0, 0.5]
    """
    high, low = float(security.max()), float(security.min())
    if high - low <= 1e-12 * max(1.0, abs(high)):
        return np.ones_like(security)
    big_r = (2 * security - high - low) / (high - low)
    return np.asarray((1 - big_r / 3) / (1 + big_r / 3))


@dataclass(frozen=True)
class Perceptions:
    """One round on one dimension: exponents and each actor's view of every pair.

    ``eu_own[i, j]`` is ``E^i(U_ij)``, ``i``'s expected utility of challenging ``j``; ``eu_other[i, j]`` is
    ``E^i(U_ji)``, ``i``'s estimate of ``j``'s expected utility of challenging ``i``.
    """

    risk: FloatArray
    probability: FloatArray
    eu_own: FloatArray
    eu_other: FloatArray


def perceptions(
    x: FloatArray, capability: FloatArray, salience: FloatArray, spread: float, config: BdmConfig
) -> Perceptions:
    """Risk exponents (from a first pass with ``r = 1``) and both expected-utility matrices."""
    n = x.shape[0]
    weight = capability * salience
    distance = normalised_distances(x, spread)
    median = condorcet_winner(x[:, None], weight[:, None])[0]
    to_median = np.abs(x - median) / spread
    ones = np.ones(n)
    first = win_probabilities(distance, weight, ones, config.win_probability)
    eu_neutral = expected_utility(
        distance, first, salience[None, :], 1.0, to_median[:, None], config.q, config.t
    )
    np.fill_diagonal(eu_neutral, 0.0)
    risk = risk_exponents(security_levels(eu_neutral))
    probability = win_probabilities(distance, weight, risk, config.win_probability)
    r = risk[:, None]
    eu_own = expected_utility(
        distance, probability, salience[None, :], r, to_median[:, None], config.q, config.t
    )
    eu_other = expected_utility(
        distance, probability.T, salience[:, None], r, to_median[None, :], config.q, config.t
    )
    same = distance == 0
    eu_own[same] = 0.0
    eu_other[same] = 0.0
    return Perceptions(risk=risk, probability=probability, eu_own=eu_own, eu_other=eu_other)


def offers(x: FloatArray, seen: Perceptions) -> tuple[NDArray[np.int8], FloatArray]:
    """The offer each pair makes to its row actor: kind ``[i, j]`` and the position ``i`` would take.

    From ``i``'s view, with ``a = E^i(U_ij)`` and ``b = E^i(U_ji)`` (section 6):
    confrontation lost by ``i`` when ``b > a > 0``; compromise when ``b > 0 > a`` and ``b > |a|``
    (``i`` moves by ``|a|/b`` of the way to ``x_j``); capitulation when ``b > 0 > a`` and ``b ≤ |a|``.
    """
    # Rounded to 10 decimals so that expected utilities equal in exact arithmetic compare equal
    # whatever the order in which round-off accumulated (the order of the actors).
    a, b = np.round(seen.eu_own, 10), np.round(seen.eu_other, 10)
    kind = np.zeros(a.shape, dtype=np.int8)
    kind[(b > a) & (a > 0)] = CONFRONTATION
    losing = (b > 0) & (a < 0)
    kind[losing & (b > -a)] = COMPROMISE
    kind[losing & (b <= -a)] = CAPITULATION
    np.fill_diagonal(kind, NO_OFFER)
    gap = x[None, :] - x[:, None]
    fraction = np.divide(np.abs(a), b, out=np.zeros_like(a), where=kind == COMPROMISE)
    target = np.where(kind == COMPROMISE, x[:, None] + gap * fraction, x[None, :])
    return kind, np.where(kind == NO_OFFER, x[:, None], target)


def accept(
    x: FloatArray, kind: NDArray[np.int8], target: FloatArray, seen: Perceptions, choice: OfferChoice
) -> FloatArray:
    """Each actor's new position: the offer it accepts, or its position when it received none.

    ``"smallest-move"`` takes the offer that moves the actor least. ``"ranking"`` takes a confrontation
    before a compromise before a capitulation; among confrontations or capitulations the smallest
    move, among compromises the one whose expected-utility-weighted midpoint
    ``(|E^i(U_ij)| x_i + |E^i(U_ji)| x_j) / (|E^i(U_ij)| + |E^i(U_ji)|)`` is lowest, which is how the
    authors' code chose (as a public reimplementation reports) and what reproduces their figure.
    Equally good offers are broken by the lower position, so the order of the actors does not matter.
    """
    move = np.abs(target - x[:, None])
    if choice == "smallest-move":
        rank = np.where(kind == NO_OFFER, np.inf, 0.0)
        key = move
    else:
        rank = np.select(
            [kind == CONFRONTATION, kind == COMPROMISE, kind == CAPITULATION], [0.0, 1.0, 2.0], np.inf
        )
        a, b = np.abs(np.round(seen.eu_own, 10)), np.abs(np.round(seen.eu_other, 10))
        total = np.where(a + b > 0, a + b, 1.0)
        midpoint = (a * x[:, None] + b * x[None, :]) / total
        key = np.where(kind == COMPROMISE, midpoint, move)
    best_rank = rank.min(axis=1, keepdims=True)
    key = np.where((rank == best_rank) & np.isfinite(rank), key, np.inf)
    best_key = key.min(axis=1, keepdims=True)
    tied = np.isfinite(key) & (key <= best_key + 1e-12 * (1.0 + np.abs(best_key)))
    best = np.argmin(np.where(tied, target, np.inf), axis=1)
    rows = np.arange(x.shape[0])
    return np.where(np.isfinite(best_rank[:, 0]), target[rows, best], x)


# --- the run ---------------------------------------------------------------------------------------


def step(
    x: FloatArray, capability: FloatArray, salience: FloatArray, spread: float, config: BdmConfig
) -> FloatArray:
    """One round on one dimension: every actor's new position."""
    if spread <= 0:
        return x.copy()
    seen = perceptions(x, capability, salience, spread, config)
    kind, target = offers(x, seen)
    return accept(x, kind, target, seen, config.offer_choice)


def run_bdm(
    data: ForecastInput, config: BdmConfig | None = None, progress: Callable[[int], None] | None = None
) -> ForecastResult:
    """Run the expected-utility model on every dimension of ``data``.

    The forecast is the last round's Condorcet winner; ``result.mean`` has the weighted mean of every
    round. ``result.details["first_round"]`` holds round 1's exponents and expected utilities.
    ``progress`` is called with 1 after each round (for a progress bar).

    >>> data = ForecastInput.build(["A", "B", "C"], [1, 1, 1], [[0], [50], [100]], [[1], [1], [1]])
    >>> run_bdm(data, BdmConfig(rounds=3)).forecast.tolist()
    [50.0]
    """
    config = config or BdmConfig()
    capability = data.capability
    spreads = data.position.max(axis=0) - data.position.min(axis=0)
    history = [data.position.copy()]
    stop: StopReason = "rounds"
    cycle: Cycle | None = None
    first_round: dict[str, object] = {}
    w = weights(data)
    means = [weighted_mean(data.position, w)]
    span = np.where(spreads > 0, spreads, data.scale[:, 1] - data.scale[:, 0])
    for _ in range(config.rounds):
        current = history[-1]
        new = np.empty_like(current)
        for k in range(data.n_dimensions):
            if not first_round and k == 0 and spreads[0] > 0:
                seen = perceptions(current[:, 0], capability, data.salience[:, 0], float(spreads[0]), config)
                first_round = {"risk": seen.risk, "eu_own": seen.eu_own, "eu_other": seen.eu_other}
            new[:, k] = step(current[:, k], capability, data.salience[:, k], float(spreads[k]), config)
        repeat = _repeated_round(history, new)
        history.append(new)
        means.append(weighted_mean(new, w))
        if progress:
            progress(1)
        if repeat is not None:
            if repeat == len(history) - 2:
                stop = "converged"
            else:
                stop, cycle = "cycle", Cycle(start=repeat, end=len(history) - 1)
            break
        if cycle is None:
            cycle = recurrence(np.stack(means), config.cycle_tolerance * span)
        if config.tolerance > 0 and np.all(np.abs(means[-1] - means[-2]) < config.tolerance):
            stop = "converged"
            break
    positions = np.stack(history)
    mean = np.stack(means)
    condorcet = np.stack([condorcet_winner(p, w) for p in positions])
    return ForecastResult(
        model="bdm",
        variant=config.variant(),
        actors=data.actors,
        dimensions=data.dimensions,
        positions=positions,
        mean=mean,
        condorcet=condorcet,
        forecast=condorcet[-1].copy(),
        stop_reason=stop,
        cycle=cycle,
        details={"first_round": first_round} if first_round else {},
    )


def recurrence(series: FloatArray, tolerance: FloatArray) -> Cycle | None:
    """An oscillation ending at the last round of ``series`` (shape ``(rounds, d)``), if any.

    Period ``p ≥ 2`` recurs when each of the last ``p`` values is within ``tolerance`` of the value
    ``p`` rounds earlier on every dimension while the series itself moved by more than ``tolerance``
    over those rounds (a settled series is convergence, not a cycle). The shortest period wins.

    >>> recurrence(np.array([[0.0], [1.0], [0.0], [1.0]]), np.array([0.1]))
    Cycle(start=1, end=3, exact=False)
    """
    end = series.shape[0] - 1
    for period in range(2, (end + 1) // 2 + 1):
        recent = series[end - period + 1 : end + 1]
        earlier = series[end - 2 * period + 1 : end - period + 1]
        close = np.all(np.abs(recent - earlier) <= tolerance)
        moving = np.any(np.ptp(series[end - 2 * period + 1 :], axis=0) > tolerance)
        if close and moving:
            return Cycle(start=end - period, end=end, exact=False)
    return None


def _repeated_round(history: list[FloatArray], new: FloatArray) -> int | None:
    """The latest earlier round whose positions equal ``new`` (to 1e-9 of the scale), if any."""
    tolerance = 1e-9 * max(1.0, float(np.abs(history[0]).max()))
    for t in range(len(history) - 1, -1, -1):
        if float(np.abs(history[t] - new).max()) <= tolerance:
            return t
    return None
