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
dimension) the correlation over the runs between its perturbation and the forecast, and the
forecast's change per unit of perturbation from a least-squares fit; inputs are ranked by
``|correlation|``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from hexatable.execution import Executor
from hexatable.forecast.baselines import BASELINES, condorcet_winner, weighted_median
from hexatable.forecast.inputs import CAPABILITY_LIMIT, FloatArray, ForecastInput
from hexatable.forecast.models import ModelSpec, run_model
from hexatable.forecast.smp import smp_forecast

Distribution = Literal["normal", "uniform"]


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


def _forecasts(
    data: ForecastInput, spec: ModelSpec, perturbation: Perturbation, seed: int, runs: Sequence[int]
) -> FloatArray:
    """Forecasts of the given runs, shape ``(len(runs), d)``; the baselines are vectorised over runs."""
    shakes = [perturbed(data, draw(data, perturbation, seed, i)) for i in runs]
    if spec.model in BASELINES and spec.model != "condorcet":
        position = np.stack([s.position for s in shakes])  # [run, n, d]
        weight = np.stack([s.capability[:, None] * s.salience for s in shakes])
        if spec.model == "mean":
            total = weight.sum(axis=1)
            return np.asarray(
                (weight * position).sum(axis=1) / np.where(total > 0, total, 1.0), dtype=np.float64
            )
        return np.stack([weighted_median(p, w) for p, w in zip(position, weight, strict=True)])
    if spec.model == "condorcet":
        return np.stack([condorcet_winner(s.position, s.capability[:, None] * s.salience) for s in shakes])
    if spec.model == "smp":
        return np.stack([smp_forecast(s, spec.smp) for s in shakes])
    return np.stack([run_model(s, spec).forecast for s in shakes])


_worker_state: tuple[ForecastInput, ModelSpec, Perturbation, int] | None = None


def _init_worker(data: ForecastInput, spec: ModelSpec, perturbation: Perturbation, seed: int) -> None:
    global _worker_state
    _worker_state = (data, spec, perturbation, seed)


def _run_chunk(runs: Sequence[int]) -> FloatArray:
    assert _worker_state is not None, "worker not initialised"
    data, spec, perturbation, seed = _worker_state
    return _forecasts(data, spec, perturbation, seed, runs)


def _shared_chunk(
    state: tuple[ForecastInput, ModelSpec, Perturbation, int], runs: Sequence[int]
) -> FloatArray:
    """One chunk on an executor (:mod:`hexatable.execution`), the state shipped once per worker."""
    data, spec, perturbation, seed = state
    return _forecasts(data, spec, perturbation, seed, runs)


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
    """The forecast of every run and its summary; ``influences`` ranked strongest first."""

    model: str
    dimensions: tuple[str, ...]
    runs: int
    seed: int
    baseline: FloatArray
    forecasts: FloatArray
    influences: list[Influence] = field(default_factory=list)

    def quantiles(self, q: Sequence[float] = (0.05, 0.25, 0.5, 0.75, 0.95)) -> FloatArray:
        """Quantiles of the forecast, shape ``(len(q), d)``."""
        return np.asarray(np.quantile(self.forecasts, q, axis=0), dtype=np.float64)

    def to_json(self) -> dict[str, Any]:
        q = (0.05, 0.25, 0.5, 0.75, 0.95)
        quantiles = self.quantiles(q)
        return {
            "model": self.model,
            "runs": self.runs,
            "seed": self.seed,
            "dimensions": {
                dim: {
                    "unperturbed": float(self.baseline[k]),
                    "mean": float(self.forecasts[:, k].mean()),
                    "sd": float(self.forecasts[:, k].std()),
                    "quantiles": {f"{p:g}": float(quantiles[m, k]) for m, p in enumerate(q)},
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
) -> MonteCarloResult:
    """Run the model ``runs`` times on perturbed inputs, on ``executor`` (local processes or a Dask
    cluster) when given, else over ``workers`` processes when more than one.

    >>> data = ForecastInput.build(["A", "B"], [1, 1], [[20], [80]], [[1], [1]])
    >>> shake = Perturbation(position=0.02, salience=0.0, capability=0.0)
    >>> result = run_monte_carlo(data, "mean", runs=200, perturbation=shake)
    >>> bool(abs(result.forecasts.mean() - 50) < 0.5), result.influences[0].input
    (True, 'position')
    """
    spec = ModelSpec(model=spec) if isinstance(spec, str) else spec
    perturbation = perturbation or Perturbation()
    indices = list(range(runs))
    slots = executor.slots if executor is not None else workers
    chunk = max(1, min(250, runs // (max(slots, 1) * 8) or 1))
    chunks = [indices[i : i + chunk] for i in range(0, runs, chunk)]
    parts: list[FloatArray] = []
    if executor is not None:
        state = (data, spec, perturbation, seed)
        parts.extend(executor.map_ordered(_shared_chunk, state, chunks, progress=progress))
    elif workers <= 1:
        for part in chunks:
            parts.append(_forecasts(data, spec, perturbation, seed, part))
            if progress:
                progress(len(part))
    else:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(data, spec, perturbation, seed)
        ) as pool:
            for part, result in zip(chunks, pool.map(_run_chunk, chunks), strict=True):
                parts.append(result)
                if progress:
                    progress(len(part))
    forecasts = np.concatenate(parts) if parts else np.zeros((0, data.n_dimensions))
    return MonteCarloResult(
        model=spec.model,
        dimensions=data.dimensions,
        runs=runs,
        seed=seed,
        baseline=run_model(data, spec).forecast,
        forecasts=forecasts,
        influences=influences(data, perturbation, seed, forecasts),
    )


def influences(
    data: ForecastInput, perturbation: Perturbation, seed: int, forecasts: FloatArray
) -> list[Influence]:
    """Rank the inputs by the correlation of their perturbation with the forecast (see module doc)."""
    runs = forecasts.shape[0]
    if runs < 3:
        return []
    shakes = [draw(data, perturbation, seed, i) for i in range(runs)]
    d = data.n_dimensions
    columns: list[tuple[str, str, int, FloatArray]] = []
    for i, actor in enumerate(data.actors):
        for k in range(d):
            columns.append((actor, "position", k, np.array([s.position[i, k] for s in shakes])))
            columns.append((actor, "salience", k, np.array([s.salience[i, k] for s in shakes])))
        columns.append((actor, "capability", -1, np.array([s.capability[i] for s in shakes])))
    found: list[Influence] = []
    for k, dimension in enumerate(data.dimensions):
        y = forecasts[:, k] - forecasts[:, k].mean()
        for actor, kind, dim, x in columns:
            if dim not in (-1, k):
                continue
            x = x - x.mean()
            spread = float(np.sqrt((x**2).sum() * (y**2).sum()))
            correlation = float((x * y).sum() / spread) if spread > 0 else 0.0
            slope = float((x * y).sum() / (x**2).sum()) if (x**2).sum() > 0 else 0.0
            found.append(Influence(actor, kind, dimension, correlation, slope))  # type: ignore[arg-type]
    found.sort(key=lambda f: (-abs(f.correlation), f.dimension, f.actor, f.input))
    return found
