"""Forecast inputs from a loaded case: one ``forecasts`` set as a :class:`ForecastInput`."""

from __future__ import annotations

import numpy as np

from hexatable.case.models import Case, Forecast
from hexatable.forecast.inputs import ForecastInput


class UnknownForecastError(LookupError):
    """The case has no such forecast set or issue; the message lists what it has."""


def pick_forecast(case: Case, forecast_id: str | None = None) -> Forecast:
    """The set named, or the case's first one."""
    known = ", ".join(f.id for f in case.forecasts) or "none"
    if forecast_id is None:
        if not case.forecasts:
            raise UnknownForecastError(f"case '{case.id}' has no forecast inputs")
        return case.forecasts[0]
    for forecast in case.forecasts:
        if forecast.id == forecast_id:
            return forecast
    raise UnknownForecastError(f"no forecast inputs '{forecast_id}' in case '{case.id}' (known: {known})")


def input_from_case(case: Case, forecast_id: str | None = None, issue: str | None = None) -> ForecastInput:
    """The numbers of one forecast set, every issue a dimension (or only ``issue``).

    Actors are named by their case ids; saliences become fractions (``/ 100``); the scale of each
    dimension is its issue's scale. The loader has checked the set against the case's issues.
    """
    forecast = pick_forecast(case, forecast_id)
    issues = list(forecast.issues)
    if issue is not None:
        if issue not in issues:
            raise UnknownForecastError(
                f"issue '{issue}' is not in forecast inputs '{forecast.id}' (issues: {', '.join(issues)})"
            )
        issues = [issue]
    position = np.zeros((len(forecast.actors), len(issues)))
    salience = np.zeros_like(position)
    for i, inputs in enumerate(forecast.actors):
        stands = {stand.issue: stand for stand in inputs.positions}
        for k, issue_id in enumerate(issues):
            position[i, k] = stands[issue_id].position.value
            salience[i, k] = stands[issue_id].salience.value / 100.0
    scales = [case.issue_index[i].scale for i in issues]
    return ForecastInput.build(
        [inputs.actor for inputs in forecast.actors],
        [inputs.capability.value for inputs in forecast.actors],
        position,
        salience,
        dimensions=issues,
        scale=[(s.min, s.max) if s is not None else (0.0, 100.0) for s in scales],
        name=forecast.id,
    )
