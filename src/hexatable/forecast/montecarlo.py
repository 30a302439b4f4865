"""Monte Carlo sensitivity: perturb the inputs, rerun the model, see how the forecast moves.

Run ``i`` of a batch seeded ``seed`` draws its perturbations from ``numpy.random.default_rng((seed, i))``,
so a batch gives the same forecasts whatever the number of worker processes. Positions move by
``position`` times the dimension's *range of positions* (the highest actor position minus the lowest;
the scale's span when all actors agree), clipped to the scale: 5 % by default, so the noise follows the
data whatever its units (EC emission dates 4–10 move by 0.3, a 0–100 issue spread over 10–90 by 4).
Saliences move by ``salience`` (clipped to [0, 1]; a positive salience stays at least 10⁻⁶) and
capabilities are multiplied by ``exp(capability · z)`` (at most KTAB's limit, 10⁸); ``z`` is standard
normal, or uniform on [−√3, √3] (the same spread) with ``distribution="uniform"``.

*Which inputs move it most*: for every input (an actor's position, salience or capability on a
dimension) the correlation over the runs between its perturbation and the forecast (Pearson's), and
the forecast's change per unit of perturbation from a least-squares fit; inputs are ranked by
``|correlation|``.

*Memory flat in the runs*: the runs are cut into chunks whose bounds depend on ``runs`` alone
(:func:`batch_chunks`); each chunk is summarised where it ran (:mod:`~hexatable.forecast.mc_summary`:
the co-moments of the perturbations with the forecast, and the forecasts' distribution) and the
summaries are merged in chunk order, so neither the client nor a worker holds one value per run, and
the same seed gives the same bits whatever ran the chunks. Pearson's correlation merges exactly
(co-moments); a rank correlation would not, and is not used. ``keep_runs=True`` also keeps every run's
forecast, for small batches and tests.

*Errors*: a run whose model raises fails the batch with a :class:`MonteCarloError` naming the run,
the seed and the model. It is not retried (only a lost worker's chunks are): a run is deterministic,
so it would fail again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from hexatable.execution import Executor, run_chunks
from hexatable.execution.chunks import MAX_CHUNK
from hexatable.forecast.baselines import BASELINES, condorcet_winner, weighted_median
from hexatable.forecast.inputs import CAPABILITY_LIMIT, FloatArray, ForecastInput
from hexatable.forecast.mc_summary import Moments, Sketch
from hexatable.forecast.models import ModelSpec, run_model
from hexatable.forecast.smp import smp_forecast

Distribution = Literal["normal", "uniform"]

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
"""The quantiles of the forecast that ``to_json`` reports."""

CHUNKS = 64
"""Chunks a batch is cut into (fewer when it has fewer runs, more when a chunk would pass
:data:`~hexatable.execution.chunks.MAX_CHUNK` runs), whatever the number of workers: the merge of the
chunks' summaries, and so its round-off, depends on the cut, and the bits must not depend on where
the batch ran. 64 chunks keep 8 slots busy with 8 chunks each."""

INPUTS = ("position", "salience", "capability")
"""The kinds of input perturbed, in the order of the first axis of a run's input array."""


class MonteCarloError(RuntimeError):
    """A run of the batch failed: names the run (or the runs of a vectorised chunk), the seed and the
    model. Not retried: a run is deterministic, so it would fail again."""


@dataclass(frozen=True)
class Perturbation:
    """How much to shake each input: position as a fraction of each dimension's range of positions,
    salience in [0, 1] units, capability as a log-scale factor. Zero leaves that input alone."""

    position: float = 0.05
    salience: float = 0.1
    capability: float = 0.2
    distribution: Distribution = "normal"


@dataclass(frozen=True)
class Draw:
    """The perturbations of one run: additive for position and salience, log-factor for capability."""

    position: FloatArray
    salience: FloatArray
    capability: FloatArray


def draw(data: ForecastInput, perturbation: Perturbation, seed: int, run: int) -> Draw:
    """The perturbations of run ``run`` of the batch seeded ``seed``."""
    rng = np.random.default_rng((seed, run))
    n, d = data.n_actors, data.n_dimensions

    def noise(shape: tuple[int, ...]) -> FloatArray:
        if perturbation.distribution == "uniform":
            return rng.uniform(-np.sqrt(3.0), np.sqrt(3.0), shape)
        return rng.standard_normal(shape)

    return Draw(
        position=perturbation.position * position_ranges(data)[None, :] * noise((n, d)),
        salience=perturbation.salience * noise((n, d)),
        capability=perturbation.capability * noise((n,)),
    )


def position_ranges(data: ForecastInput) -> FloatArray:
    """Each dimension's range of positions (highest minus lowest), or its scale's span if all agree."""
    spread = data.position.max(axis=0) - data.position.min(axis=0)
    span = data.scale[:, 1] - data.scale[:, 0]
    return np.asarray(np.where(spread > 0, spread, span), dtype=np.float64)


def perturbed(data: ForecastInput, shake: Draw) -> ForecastInput:
    """``data`` with one run's perturbations applied (clipped to the valid ranges)."""
    low, high = data.scale[:, 0], data.scale[:, 1]
    floor = np.where(data.salience > 0, 1e-6, 0.0)  # a salience that was positive stays positive
    return data.replace(
        position=np.clip(data.position + shake.position, low, high),
        salience=np.clip(data.salience + shake.salience, floor, 1.0),
        capability=np.minimum(data.capability * np.exp(shake.capability), CAPABILITY_LIMIT),
    )


def batch_chunks(runs: int) -> list[range]:
    """The chunks of a batch of ``runs`` runs: about ``runs / 64`` runs each, in ``1..250``.

    >>> len(batch_chunks(10)), [len(c) for c in batch_chunks(1000)][-3:], len(batch_chunks(10**5))
    (10, [15, 15, 10], 400)
    """
    if runs < 1:
        raise ValueError(f"a batch has at least one run, not {runs}")
    return list(run_chunks(runs, max(1, min(MAX_CHUNK, runs // CHUNKS))))


def _failed(runs: Sequence[int] | range, seed: int, model: str, error: Exception) -> MonteCarloError:
    which = f"run {runs[0]}" if len(runs) == 1 else f"runs {runs[0]}–{runs[-1]}"
    return MonteCarloError(
        f"Monte Carlo {which} (seed {seed}, model {model}) failed: {type(error).__name__}: {error} "
        "(not retried: a run is deterministic, so it would fail again)"
    )


def run_forecasts(
    data: ForecastInput, spec: ModelSpec, perturbation: Perturbation, seed: int, runs: Sequence[int]
) -> tuple[FloatArray, FloatArray]:
    """The perturbations ``x[run, kind, actor, d]`` (kinds :data:`INPUTS`, the capability's repeated on
    every dimension) and forecasts ``y[run, d]`` of the given runs; the baselines are vectorised over
    runs. Raises :class:`MonteCarloError` naming the run whose model (or perturbation) failed."""
    d = data.n_dimensions
    shakes: list[Draw] = []
    inputs: list[ForecastInput] = []
    for i in runs:
        try:
            shake = draw(data, perturbation, seed, i)
            inputs.append(perturbed(data, shake))
        except Exception as error:
            raise _failed([i], seed, spec.model, error) from error
        shakes.append(shake)
    x = (
        np.stack(
            [np.stack([s.position, s.salience, np.repeat(s.capability[:, None], d, axis=1)]) for s in shakes]
        )
        if shakes
        else np.zeros((0, len(INPUTS), data.n_actors, d))
    )
    if spec.model in BASELINES and spec.model != "condorcet" and inputs:
        try:
            y = _vectorised_baseline(spec.model, inputs)
        except Exception as error:
            raise _failed(list(runs), seed, spec.model, error) from error
    else:
        forecasts: list[FloatArray] = []
        for i, one in zip(runs, inputs, strict=True):
            try:
                forecast = _one_forecast(spec, one)
            except Exception as error:
                raise _failed([i], seed, spec.model, error) from error
            forecasts.append(forecast)
        y = np.stack(forecasts) if forecasts else np.zeros((0, d))
    bad = np.flatnonzero(~np.isfinite(y).all(axis=1))
    if bad.size:
        i = list(runs)[int(bad[0])]
        raise _failed([i], seed, spec.model, ValueError(f"the forecast {y[bad[0]].tolist()} is not finite"))
    return x, y


def _vectorised_baseline(model: str, inputs: list[ForecastInput]) -> FloatArray:
    position = np.stack([s.position for s in inputs])  # [run, n, d]
    weight = np.stack([s.capability[:, None] * s.salience for s in inputs])
    if model == "mean":
        total = weight.sum(axis=1)
        return np.asarray((weight * position).sum(axis=1) / np.where(total > 0, total, 1.0), dtype=np.float64)
    return np.stack([weighted_median(p, w) for p, w in zip(position, weight, strict=True)])


def _one_forecast(spec: ModelSpec, data: ForecastInput) -> FloatArray:
    if spec.model == "condorcet":
        return condorcet_winner(data.position, data.capability[:, None] * data.salience)
    if spec.model == "smp":
        return smp_forecast(data, spec.smp)
    return run_model(data, spec).forecast


@dataclass(frozen=True)
class _Batch:
    """What every chunk of a batch reads (shipped once per worker)."""

    data: ForecastInput
    spec: ModelSpec
    perturbation: Perturbation
    seed: int
    keep_runs: bool


@dataclass(frozen=True, eq=False)
class ChunkSummary:
    """A chunk's product: its moments and sketch, and its forecasts only when the runs are kept."""

    moments: Moments
    sketch: Sketch
    forecasts: FloatArray | None = None


def summarise_chunk(batch: _Batch, runs: range) -> ChunkSummary:
    """Run a chunk and summarise it (on a worker: module level, so that it pickles)."""
    x, y = run_forecasts(batch.data, batch.spec, batch.perturbation, batch.seed, runs)
    return ChunkSummary(
        moments=Moments.of(x.reshape(x.shape[0], -1, x.shape[-1]), y),
        sketch=Sketch.of(y, batch.data.scale),
        forecasts=y if batch.keep_runs else None,
    )


@dataclass(frozen=True)
class Influence:
    """How strongly one input moves the forecast on one dimension."""

    actor: str
    input: Literal["position", "salience", "capability"]
    dimension: str
    correlation: float
    slope: float


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """A batch's summary: per dimension the forecast's mean, sd and distribution (``sketch``), and the
    inputs ranked by how strongly they move it (``influences``, strongest first); every run's forecast
    (``forecasts[run, d]``) only when the batch was asked to keep them."""

    model: str
    dimensions: tuple[str, ...]
    runs: int
    seed: int
    baseline: FloatArray
    mean: FloatArray
    sd: FloatArray
    sketch: Sketch
    influences: list[Influence] = field(default_factory=list)
    forecasts: FloatArray | None = None

    def quantiles(self, q: Sequence[float] = QUANTILES) -> FloatArray:
        """Quantiles of the forecast, shape ``(len(q), d)``: exact up to
        :data:`~hexatable.forecast.mc_summary.EXACT_RUNS` runs, else within :meth:`Sketch.resolution`."""
        return self.sketch.quantiles(q)

    def to_json(self) -> dict[str, Any]:
        quantiles = self.quantiles(QUANTILES)
        resolution = self.sketch.resolution()
        return {
            "model": self.model,
            "runs": self.runs,
            "seed": self.seed,
            "quantiles_exact": self.sketch.exact,
            "dimensions": {
                dim: {
                    "unperturbed": float(self.baseline[k]),
                    "mean": float(self.mean[k]),
                    "sd": float(self.sd[k]),
                    "quantiles": {f"{p:g}": float(quantiles[m, k]) for m, p in enumerate(QUANTILES)},
                    "quantile_resolution": float(resolution[k]),
                }
                for k, dim in enumerate(self.dimensions)
            },
            "influences": [i.__dict__ for i in self.influences],
        }


def run_monte_carlo(
    data: ForecastInput,
    spec: ModelSpec | str = "bdm",
    *,
    runs: int = 1000,
    seed: int = 0,
    perturbation: Perturbation | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    executor: Executor | None = None,
    keep_runs: bool = False,
) -> MonteCarloResult:
    """Run the model ``runs`` times on perturbed inputs, on ``executor`` (local processes or a Dask
    cluster) when given, else over ``workers`` local processes; merge the chunks' summaries in chunk
    order (module doc). ``keep_runs`` also keeps every run's forecast (memory grows with ``runs``).
    Raises :class:`MonteCarloError` when a run fails.

    >>> data = ForecastInput.build(["A", "B"], [1, 1], [[20], [80]], [[1], [1]])
    >>> shake = Perturbation(position=0.02, salience=0.0, capability=0.0)
    >>> result = run_monte_carlo(data, "mean", runs=200, perturbation=shake)
    >>> bool(abs(result.mean[0] - 50) < 0.5), result.influences[0].input
    (True, 'position')
    """
    spec = ModelSpec(model=spec) if isinstance(spec, str) else spec
    perturbation = perturbation or Perturbation()
    chunks = batch_chunks(runs)
    if executor is None:
        from hexatable.execution.local import ProcessExecutor

        executor = ProcessExecutor(max(1, min(workers, len(chunks))))
    batch = _Batch(data, spec, perturbation, seed, keep_runs)
    moments = Moments.empty(len(INPUTS) * data.n_actors, data.n_dimensions)
    sketch: Sketch | None = None
    kept: list[FloatArray] = []
    for part in executor.map_ordered(summarise_chunk, batch, chunks, progress=progress):
        moments = moments.merge(part.moments)
        sketch = part.sketch if sketch is None else sketch.merge(part.sketch)
        if part.forecasts is not None:
            kept.append(part.forecasts)
    assert sketch is not None and moments.n == runs
    return MonteCarloResult(
        model=spec.model,
        dimensions=data.dimensions,
        runs=runs,
        seed=seed,
        baseline=run_model(data, spec).forecast,
        mean=moments.mean_y,
        sd=moments.sd_y(),
        sketch=sketch,
        influences=influences(data, moments),
        forecasts=np.concatenate(kept) if keep_runs else None,
    )


def influences(data: ForecastInput, moments: Moments) -> list[Influence]:
    """Rank the inputs by the correlation of their perturbation with the forecast (module doc), from
    the batch's moments (``x`` flattened to ``[kind × actor, d]``, kinds :data:`INPUTS`); none below
    3 runs."""
    if moments.n < 3:
        return []
    n = data.n_actors
    correlation, slope = moments.correlation(), moments.slope()
    found: list[Influence] = []
    for k, dimension in enumerate(data.dimensions):
        for i, actor in enumerate(data.actors):
            for m, kind in enumerate(INPUTS):
                j = m * n + i
                found.append(
                    Influence(actor, kind, dimension, float(correlation[j, k]), float(slope[j, k]))  # type: ignore[arg-type]
                )
    found.sort(key=lambda f: (-abs(f.correlation), f.dimension, f.actor, f.input))
    return found
