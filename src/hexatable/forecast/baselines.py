"""Baselines: the capability×salience-weighted mean, the weighted median, the Condorcet winner.

Each actor's weight on a dimension is its capability times its salience there (Bueno de Mesquita
1994, p. 78). The Condorcet winner is found by the pairwise vote of Bueno de Mesquita's model
(Scholz, Calbert & Smith 2011, section 3.2): actor ``k`` casts ``w_k (|x_k − x_b| − |x_k − x_a|)``
votes for position ``a`` over position ``b``; the winner beats or ties every other actor position.
"""

from __future__ import annotations

import numpy as np

from hexatable.forecast.inputs import FloatArray, ForecastInput
from hexatable.forecast.result import ForecastResult


def weights(data: ForecastInput) -> FloatArray:
    """Capability × salience, shape ``(n, d)``."""
    return data.capability[:, None] * data.salience


def weighted_mean(position: FloatArray, weight: FloatArray) -> FloatArray:
    """Weighted mean of each column: ``Σ_i w_ik x_ik / Σ_i w_ik``.

    A column whose weights are all zero gets the unweighted mean.

    >>> weighted_mean(np.array([[4.0], [10.0]]), np.array([[3.0], [1.0]])).tolist()
    [5.5]
    """
    total = weight.sum(axis=0)
    safe = np.where(total > 0, total, 1.0)
    mean = (weight * position).sum(axis=0) / safe
    return np.asarray(np.where(total > 0, mean, position.mean(axis=0)), dtype=np.float64)


def weighted_median(position: FloatArray, weight: FloatArray) -> FloatArray:
    """Weighted median of each column: the smallest position at which the cumulative weight, taken
    from the low end of the scale, reaches half of the total weight.

    >>> weighted_median(np.array([[4.0], [7.0], [10.0]]), np.array([[1.0], [1.0], [3.0]])).tolist()
    [10.0]
    """
    n, d = position.shape
    result = np.empty(d)
    for k in range(d):
        order = np.argsort(position[:, k], kind="stable")
        cumulative = np.cumsum(weight[order, k])
        total = cumulative[-1]
        if total <= 0:
            result[k] = float(np.median(position[:, k]))
            continue
        at = int(np.searchsorted(cumulative, total / 2 - 1e-12 * total))
        result[k] = position[order[min(at, n - 1)], k]
    return result


def pairwise_votes(position: FloatArray, weight: FloatArray) -> FloatArray:
    """Votes for position ``a`` over position ``b`` on one dimension, shape ``(n, n)``.

    ``V[a, b] = Σ_k w_k (|x_k − x_b| − |x_k − x_a|)``; ``V`` is antisymmetric. Equals ``D(b) − D(a)``
    with ``D(x) = Σ_k w_k |x_k − x|``, which is how it is computed (``O(n²)``).

    >>> pairwise_votes(np.array([0.0, 1.0, 3.0]), np.array([1.0, 1.0, 1.0])).tolist()
    [[0.0, -1.0, 1.0], [1.0, 0.0, 2.0], [-1.0, -2.0, 0.0]]
    """
    dispersion = (weight[None, :] * np.abs(position[None, :] - position[:, None])).sum(axis=1)
    return np.asarray(dispersion[None, :] - dispersion[:, None], dtype=np.float64)


def condorcet_winner(position: FloatArray, weight: FloatArray) -> FloatArray:
    """The actor position that beats or ties every other in the pairwise vote, per column.

    With the cardinal vote of :func:`pairwise_votes` such a position always exists; when several
    tie, the lowest is returned (so the answer does not depend on the order of the actors).

    >>> condorcet_winner(np.array([[4.0], [7.0], [10.0]]), np.array([[1.0], [1.0], [1.0]])).tolist()
    [7.0]
    """
    d = position.shape[1]
    result = np.empty(d)
    for k in range(d):
        votes = pairwise_votes(position[:, k], weight[:, k])
        tolerance = 1e-12 * max(1.0, float(np.abs(votes).max()))
        unbeaten = np.all(votes >= -tolerance, axis=1)
        result[k] = position[unbeaten, k].min()
    return result


BASELINES = ("mean", "median", "condorcet")


def baseline(data: ForecastInput, model: str) -> ForecastResult:
    """Forecast by one baseline (``mean``, ``median`` or ``condorcet``); a one-shot model, round 0 only.

    >>> data = ForecastInput.build(["A", "B", "C"], [1, 1, 2], [[0], [50], [100]], [[1], [1], [1]])
    >>> [baseline(data, m).forecast.tolist() for m in BASELINES]
    [[62.5], [50.0], [50.0]]
    """
    w = weights(data)
    mean = weighted_mean(data.position, w)
    condorcet = condorcet_winner(data.position, w)
    forecasts = {"mean": mean, "median": weighted_median(data.position, w), "condorcet": condorcet}
    if model not in forecasts:
        raise ValueError(f"unknown baseline {model!r}; choose one of {', '.join(BASELINES)}")
    return ForecastResult(
        model=model,
        variant={},
        actors=data.actors,
        dimensions=data.dimensions,
        positions=data.position[None, :, :].copy(),
        mean=mean[None, :],
        condorcet=condorcet[None, :],
        forecast=forecasts[model],
        stop_reason="static",
    )
