"""Forecast engine: where will the positions converge?

Models (each a module): :mod:`~hexatable.forecast.baselines` (weighted mean, weighted median,
Condorcet winner), :mod:`~hexatable.forecast.bdm` (Bueno de Mesquita's expected-utility model as
reconstructed by Scholz, Calbert & Smith 2011), :mod:`~hexatable.forecast.smp` (a spatial model with
probabilistic Condorcet voting in the manner of KTAB's SMP) and :mod:`~hexatable.forecast.montecarlo`
(sensitivity). Inputs are :class:`~hexatable.forecast.inputs.ForecastInput`; every model returns a
:class:`~hexatable.forecast.result.ForecastResult`.
"""

from hexatable.forecast.inputs import ForecastInput
from hexatable.forecast.result import ForecastResult, Round

__all__ = ["ForecastInput", "ForecastResult", "Round"]
