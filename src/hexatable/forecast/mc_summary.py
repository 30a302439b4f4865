"""Mergeable summaries of a Monte Carlo batch, so that its memory is flat in the number of runs.

A chunk of runs is summarised where it ran; the client merges the chunks' summaries in chunk order
and never holds one value per run. Two summaries:

- :class:`Moments`, the count, means, sums of squared deviations and co-moments of the perturbations
  (``x``) and the forecast (``y``). Merged with the pairwise update of Chan, Golub & LeVeque (1979),
  "Updating formulae and a pairwise algorithm for computing sample variances" (Stanford report
  STAN-CS-79-773), extended to co-moments as in Pébay (2008), "Formulas for robust, one-pass parallel
  computation of covariances and arbitrary-order statistical moments" (Sandia report SAND2008-6212):
  for parts ``a`` and ``b`` with ``δ = mean_b − mean_a``, ``C = C_a + C_b + δx δy n_a n_b / n``.
  A merge is exact up to round-off; merging the same parts in the same order gives the same bits, so
  the batch fixes the parts from ``runs`` alone.
- :class:`Sketch`, the forecasts' distribution per dimension, for quantiles. Up to ``limit`` runs it
  keeps the forecasts themselves (quantiles are exact, NumPy's linear interpolation); beyond, a
  histogram of ``bins`` equal cells over the dimension's scale, each cell with its count and the
  least and greatest forecast it holds. Counts add and minima/maxima take the extreme, so the merged
  histogram is the same whatever the chunks and their order. A quantile read from it interpolates
  between order statistics as NumPy does, taking each order statistic as its cell's least value (the
  cell's first), its greatest (the last) or their midpoint (any other): off by at most half the span
  of the values in its cell, so by at most ``span / (2 bins)`` (:meth:`Sketch.resolution`), and
  exact when a cell holds one distinct value (the discrete forecasts of the median and Condorcet
  models) or for the least and greatest forecast. A forecast outside the scale (none of the models
  gives one: perturbed positions are clipped to it) counts in the nearest edge cell, whose span of
  values then bounds the error instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from hexatable.forecast.inputs import FloatArray

IntArray = NDArray[np.int64]

EXACT_RUNS = 4_096
"""Up to this many runs the sketch keeps every forecast (32 KiB a dimension) and quantiles are exact."""

BINS = 10_000
"""Cells per dimension above :data:`EXACT_RUNS`: quantiles within 1/20,000 of the scale (0.005 on
0–100), at most 320 KiB a dimension (four 8-byte numbers a cell), whatever the number of runs."""


@dataclass(frozen=True, eq=False)
class Moments:
    """Count, means, sums of squared deviations (``m2``) and co-moments of ``x[n, m, d]`` with
    ``y[n, d]``, pairing ``x[:, j, k]`` with ``y[:, k]`` (an input on dimension ``k`` with the
    forecast on ``k``)."""

    n: int
    mean_x: FloatArray
    mean_y: FloatArray
    m2_x: FloatArray
    m2_y: FloatArray
    c_xy: FloatArray

    @classmethod
    def of(cls, x: FloatArray, y: FloatArray) -> Moments:
        """The moments of one part, by two passes (the means, then the deviations).

        >>> m = Moments.of(np.array([[[1.0]], [[2.0]], [[3.0]]]), np.array([[2.0], [4.0], [6.0]]))
        >>> m.n, float(m.c_xy[0, 0]), float(m.m2_y[0])
        (3, 4.0, 8.0)
        """
        if x.ndim != 3 or y.ndim != 2 or x.shape[0] != y.shape[0] or x.shape[2] != y.shape[1]:
            raise ValueError(f"x must be [n, m, d] and y [n, d], not {x.shape} and {y.shape}")
        n = y.shape[0]
        if n == 0:
            return cls.empty(x.shape[1], y.shape[1])
        mean_x, mean_y = x.mean(axis=0), y.mean(axis=0)
        dx, dy = x - mean_x, y - mean_y
        return cls(
            n=n,
            mean_x=mean_x,
            mean_y=mean_y,
            m2_x=(dx * dx).sum(axis=0),
            m2_y=(dy * dy).sum(axis=0),
            c_xy=(dx * dy[:, None, :]).sum(axis=0),
        )

    @classmethod
    def empty(cls, m: int, d: int) -> Moments:
        """The moments of no run (the identity of :meth:`merge`)."""
        return cls(0, np.zeros((m, d)), np.zeros(d), np.zeros((m, d)), np.zeros(d), np.zeros((m, d)))

    def merge(self, other: Moments) -> Moments:
        """The moments of both parts (Chan et al. 1979; Pébay 2008, module doc)."""
        if other.n == 0:
            return self
        if self.n == 0:
            return other
        n = self.n + other.n
        share = other.n / n
        weight = self.n * other.n / n
        dx, dy = other.mean_x - self.mean_x, other.mean_y - self.mean_y
        return Moments(
            n=n,
            mean_x=self.mean_x + dx * share,
            mean_y=self.mean_y + dy * share,
            m2_x=self.m2_x + other.m2_x + dx * dx * weight,
            m2_y=self.m2_y + other.m2_y + dy * dy * weight,
            c_xy=self.c_xy + other.c_xy + dx * dy * weight,
        )

    def sd_y(self) -> FloatArray:
        """The population standard deviation of ``y`` per dimension (``ddof=0``, as NumPy's ``std``)."""
        return np.asarray(np.sqrt(self.m2_y / max(self.n, 1)), dtype=np.float64)

    def correlation(self) -> FloatArray:
        """Pearson's correlation of each ``x[:, j, k]`` with ``y[:, k]``, 0 where either is constant."""
        spread = np.sqrt(self.m2_x * self.m2_y)
        return np.divide(self.c_xy, spread, out=np.zeros_like(self.c_xy), where=spread > 0)

    def slope(self) -> FloatArray:
        """The least-squares change of ``y[:, k]`` per unit of ``x[:, j, k]``, 0 where ``x`` is constant."""
        return np.divide(self.c_xy, self.m2_x, out=np.zeros_like(self.c_xy), where=self.m2_x > 0)


@dataclass(frozen=True, eq=False)
class Cells:
    """The occupied cells of one dimension's histogram, in cell order."""

    index: IntArray
    count: IntArray
    low: FloatArray
    high: FloatArray

    @classmethod
    def of(cls, index: IntArray, values: FloatArray) -> Cells:
        """Cells of ``values`` falling in cells ``index``."""
        order = np.lexsort((values, index))
        index, values = index[order], values[order]
        starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]]) if index.size else np.zeros(0, int)
        ends = np.r_[starts[1:], index.size] - 1
        return cls(index[starts], np.diff(np.r_[starts, index.size]), values[starts], values[ends])

    def merge(self, other: Cells) -> Cells:
        """Both histograms' cells: counts added, least and greatest values kept."""
        index = np.concatenate([self.index, other.index])
        order = np.argsort(index, kind="stable")
        index = index[order]
        if index.size == 0:
            return self
        starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])
        count = np.concatenate([self.count, other.count])[order]
        low = np.concatenate([self.low, other.low])[order]
        high = np.concatenate([self.high, other.high])[order]
        return Cells(
            index[starts],
            np.add.reduceat(count, starts),
            np.minimum.reduceat(low, starts),
            np.maximum.reduceat(high, starts),
        )

    def order_statistic(self, rank: int) -> float:
        """The ``rank``-th least value (0-based), or its estimate (module doc)."""
        total = np.cumsum(self.count)
        j = int(np.searchsorted(total, rank, side="right"))
        within = rank - (int(total[j - 1]) if j else 0)
        if within == 0:
            return float(self.low[j])
        if within == int(self.count[j]) - 1:
            return float(self.high[j])
        return float((self.low[j] + self.high[j]) / 2)


@dataclass(frozen=True, eq=False)
class Sketch:
    """The forecasts' distribution per dimension: every forecast up to ``limit`` runs, else a
    histogram of ``bins`` cells over ``scale`` (module doc)."""

    n: int
    scale: FloatArray
    values: FloatArray | None
    cells: tuple[Cells, ...] | None
    bins: int = BINS
    limit: int = EXACT_RUNS

    @classmethod
    def of(cls, y: FloatArray, scale: FloatArray, *, bins: int = BINS, limit: int = EXACT_RUNS) -> Sketch:
        """The sketch of the forecasts ``y[n, d]`` on dimensions of ``scale[d, 2]``."""
        if bins < 1 or limit < 0:
            raise ValueError(f"bins must be at least 1 and limit at least 0, not {bins} and {limit}")
        if not np.all(np.isfinite(y)):
            raise ValueError("a forecast is not a finite number")
        sketch = cls(y.shape[0], scale, np.asarray(y, dtype=np.float64), None, bins, limit)
        return sketch if sketch.n <= limit else sketch._binned()

    def _cell_index(self, k: int, values: FloatArray) -> IntArray:
        low, high = float(self.scale[k, 0]), float(self.scale[k, 1])
        span = high - low
        if span <= 0:
            return np.zeros(values.shape, dtype=np.int64)
        return np.clip(np.floor((values - low) / span * self.bins), 0, self.bins - 1).astype(np.int64)

    def _binned(self) -> Sketch:
        if self.cells is not None:
            return self
        assert self.values is not None
        cells = tuple(
            Cells.of(self._cell_index(k, self.values[:, k]), self.values[:, k])
            for k in range(self.values.shape[1])
        )
        return Sketch(self.n, self.scale, None, cells, self.bins, self.limit)

    @property
    def exact(self) -> bool:
        """Whether the sketch holds every forecast (its quantiles are exact)."""
        return self.cells is None

    def merge(self, other: Sketch) -> Sketch:
        """The sketch of both parts' forecasts (this part's first)."""
        if (self.bins, self.limit) != (other.bins, other.limit) or not np.array_equal(
            self.scale, other.scale
        ):
            raise ValueError("only sketches with the same scale, bins and limit merge")
        n = self.n + other.n
        if self.values is not None and other.values is not None and n <= self.limit:
            return Sketch(
                n, self.scale, np.concatenate([self.values, other.values]), None, self.bins, self.limit
            )
        mine, theirs = self._binned().cells, other._binned().cells
        assert mine is not None and theirs is not None
        cells = tuple(a.merge(b) for a, b in zip(mine, theirs, strict=True))
        return Sketch(n, self.scale, None, cells, self.bins, self.limit)

    def quantiles(self, q: Sequence[float]) -> FloatArray:
        """Quantiles ``q`` of the forecast per dimension, shape ``(len(q), d)``: NumPy's default (linear)
        definition, exact while the sketch keeps every forecast, else within :meth:`resolution`."""
        if self.n == 0:
            raise ValueError("no forecasts to take quantiles of")
        if self.values is not None:
            return np.asarray(np.quantile(self.values, q, axis=0), dtype=np.float64)
        assert self.cells is not None
        out = np.empty((len(q), len(self.cells)))
        for m, p in enumerate(q):
            h = (self.n - 1) * float(p)
            below = int(np.floor(h))
            t = h - below
            for k, cells in enumerate(self.cells):
                a = cells.order_statistic(below)
                b = cells.order_statistic(min(below + 1, self.n - 1)) if t > 0 else a
                out[m, k] = a + (b - a) * t
        return out

    def resolution(self) -> FloatArray:
        """The most a quantile can be off per dimension: 0 while exact, else half a cell."""
        if self.exact:
            return np.zeros(self.scale.shape[0])
        return np.asarray((self.scale[:, 1] - self.scale[:, 0]) / (2 * self.bins), dtype=np.float64)
