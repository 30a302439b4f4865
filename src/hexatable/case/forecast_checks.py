"""Consistency of forecast inputs with the case's issues.

Every issue of a forecast set must be a scale issue; every actor appears once and names every issue
of the set once; positions lie on the issue's scale and saliences in [0, 100]. These checks need the
case's issues, so the loader runs them in its link pass and locates each problem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from hexatable.case.models import Forecast, Issue, IssueKind

Path = tuple[str | int, ...]


def forecast_problems(forecast: Forecast, issues: Mapping[str, Issue]) -> Iterator[tuple[Path, str]]:
    """Yield ``(path inside the forecast, message)`` for each inconsistency with the case's issues.

    Unknown issue and actor ids are reported by the reference check and skipped here.
    """
    for index, issue_id in enumerate(forecast.issues):
        issue = issues.get(issue_id)
        if issue is not None and (issue.kind is not IssueKind.SCALE or issue.scale is None):
            yield ("issues", index), f"issue '{issue_id}' has no scale; a forecast needs scale issues"
    for issue_id, count in Counter(forecast.issues).items():
        if count > 1:
            yield ("issues",), f"issue '{issue_id}' is listed {count} times"
    seen: dict[str, int] = {}
    for a, inputs in enumerate(forecast.actors):
        here: Path = ("actors", a)
        if inputs.actor in seen:
            yield (
                (*here, "actor"),
                f"actor '{inputs.actor}' already has inputs (actors[{seen[inputs.actor]}])",
            )
        seen.setdefault(inputs.actor, a)
        if inputs.capability.value < 0:
            yield (*here, "capability", "value"), "a capability cannot be negative"
        named = Counter(stand.issue for stand in inputs.positions)
        for issue_id in forecast.issues:
            if named[issue_id] == 0:
                yield (*here, "positions"), f"no position on issue '{issue_id}'"
        for p, stand in enumerate(inputs.positions):
            where: Path = (*here, "positions", p)
            if stand.issue not in forecast.issues:
                yield (*where, "issue"), f"issue '{stand.issue}' is not one of this forecast's issues"
            elif named[stand.issue] > 1:
                yield (*where, "issue"), f"issue '{stand.issue}' appears {named[stand.issue]} times"
            if not 0 <= stand.salience.value <= 100:
                yield (*where, "salience", "value"), f"{stand.salience.value:g} is not in [0, 100]"
            issue = issues.get(stand.issue)
            if issue is not None and issue.scale is not None:
                low, high = issue.scale.min, issue.scale.max
                value = stand.position.value
                if not low <= value <= high:
                    message = f"{value:g} is outside the scale [{low:g}, {high:g}] of issue '{issue.id}'"
                    yield (*where, "position", "value"), message
