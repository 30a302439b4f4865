"""The result every forecast model returns: positions per round, the forecast per round, why it stopped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from hexatable.forecast.inputs import FloatArray

StopReason = Literal["static", "rounds", "converged", "cycle"]
"""Why a run ended: a one-shot model (``static``), the round limit, the positions or the forecast settled
(``converged``), or the positions repeated an earlier round (``cycle``)."""


@dataclass(frozen=True)
class Cycle:
    """The run repeats with ``period = end − start``.

    ``exact``: the positions of round ``end`` equal those of round ``start`` (the run would repeat for
    ever). Otherwise the forecast (the weighted mean) of each of the ``period`` rounds up to ``end``
    is within the model's cycle tolerance of its value ``period`` rounds earlier: an oscillation that
    does not settle.
    """

    start: int
    end: int
    exact: bool = True

    @property
    def period(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Round:
    """One round: every actor's position, the weighted mean and the Condorcet winner, per dimension."""

    index: int
    positions: dict[str, list[float]]
    mean: list[float]
    condorcet: list[float]


@dataclass(frozen=True, eq=False)
class ForecastResult:
    """What a model forecasts, and how it got there.

    ``positions[t, i, k]`` is actor ``i``'s position on dimension ``k`` after round ``t`` (round 0 is the
    input); ``mean[t, k]`` and ``condorcet[t, k]`` are the capability×salience-weighted mean and the
    Condorcet winner among the positions of round ``t``. ``forecast[k]`` is the model's answer.
    """

    model: str
    variant: dict[str, str]
    actors: tuple[str, ...]
    dimensions: tuple[str, ...]
    positions: FloatArray
    mean: FloatArray
    condorcet: FloatArray
    forecast: FloatArray
    stop_reason: StopReason
    cycle: Cycle | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def n_rounds(self) -> int:
        """Rounds played (0 for a one-shot model)."""
        return int(self.positions.shape[0]) - 1

    def rounds(self) -> list[Round]:
        """Every round as a record, round 0 first."""
        return [
            Round(
                index=t,
                positions={a: self.positions[t, i].tolist() for i, a in enumerate(self.actors)},
                mean=self.mean[t].tolist(),
                condorcet=self.condorcet[t].tolist(),
            )
            for t in range(self.positions.shape[0])
        ]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: the stable shape documented in ``docs/cli.md``."""
        return {
            "model": self.model,
            "variant": dict(self.variant),
            "actors": list(self.actors),
            "dimensions": list(self.dimensions),
            "forecast": dict(zip(self.dimensions, self.forecast.tolist(), strict=True)),
            "stop_reason": self.stop_reason,
            "cycle": None
            if self.cycle is None
            else {
                "start": self.cycle.start,
                "end": self.cycle.end,
                "period": self.cycle.period,
                "exact": self.cycle.exact,
            },
            "rounds": [
                {
                    "round": r.index,
                    "positions": r.positions,
                    "mean": dict(zip(self.dimensions, r.mean, strict=True)),
                    "condorcet": dict(zip(self.dimensions, r.condorcet, strict=True)),
                }
                for r in self.rounds()
            ],
            "details": _jsonable(self.details),
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.floating | np.integer):
        return value.item()
    return value
