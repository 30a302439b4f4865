"""One entry point for every model: ``run_model(data, "bdm", ...)``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hexatable.forecast.baselines import BASELINES, baseline
from hexatable.forecast.bdm import BdmConfig, run_bdm
from hexatable.forecast.inputs import ForecastInput
from hexatable.forecast.result import ForecastResult
from hexatable.forecast.smp import SmpConfig, run_smp

MODELS = (*BASELINES, "bdm", "smp")
"""The model names the CLI and the API accept."""


@dataclass(frozen=True)
class ModelSpec:
    """A model and its settings (the ones of the other models are ignored)."""

    model: str = "bdm"
    bdm: BdmConfig = field(default_factory=BdmConfig)
    smp: SmpConfig = field(default_factory=SmpConfig)

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"unknown model {self.model!r}; choose one of {', '.join(MODELS)}")


def run_model(
    data: ForecastInput, spec: ModelSpec | str = "bdm", progress: Callable[[int], None] | None = None
) -> ForecastResult:
    """Forecast ``data`` with one model; ``progress`` is called with 1 after each round.

    >>> data = ForecastInput.build(["A", "B"], [1, 3], [[0], [100]], [[1], [1]])
    >>> run_model(data, "mean").forecast.tolist()
    [75.0]
    """
    spec = ModelSpec(model=spec) if isinstance(spec, str) else spec
    if spec.model == "bdm":
        return run_bdm(data, spec.bdm, progress)
    if spec.model == "smp":
        return run_smp(data, spec.smp, progress)
    return baseline(data, spec.model)
