"""Forecast inputs in the case format: per period, each actor's capability and, per issue, its position
and salience, every number with its provenance.

A ``forecasts`` record is one set of inputs for the forecast engine (one period, one or more scale
issues of the case)::

    forecasts:
    - id: six-party-2003
      title: {en: Start of the six-party process}
      period: "2003"
      issues: [denuclearisation-first, relief-before-verification]
      actors:
      - actor: PRK
        capability: {value: 60, provenance: [...]}
        positions:
        - issue: denuclearisation-first
          position: {value: 10, provenance: [...]}
          salience: {value: 95, provenance: [...]}

Positions lie on the issue's scale; saliences are 0–100 (the share of the actor's attention);
capabilities are non-negative and only their ratios matter. Every actor names every issue of the set
once. The loader checks these against the case's issues and locates each problem
(:mod:`hexatable.case.forecast_checks`).

Import these records from :mod:`hexatable.case.models` (which imports this module part-way, once the
base records exist), not from here.
"""

from __future__ import annotations

from pydantic import Field

from hexatable.case.dates import DateSpan

# models.py imports this module just before it defines Case, so these names already exist then.
from hexatable.case.models import ActorRef, Id, IssueRef, Provenance, Record
from hexatable.case.text import Text


class Estimate(Record):
    """A number an analyst assigns, with the sources it is argued from (usually ``basis: inferred``)."""

    value: float
    provenance: Provenance


class IssueStand(Record):
    """An actor's position on one issue's scale and the salience (0–100) it gives the issue."""

    issue: IssueRef
    position: Estimate
    salience: Estimate


class ActorInputs(Record):
    """One actor in one forecast set: its capability and its stand on each issue."""

    actor: ActorRef
    capability: Estimate
    positions: list[IssueStand] = Field(min_length=1)


class Forecast(Record):
    """One set of forecast inputs: a period, the scale issues it covers, and every actor's numbers."""

    id: Id
    title: Text
    period: DateSpan
    issues: list[IssueRef] = Field(min_length=1)
    actors: list[ActorInputs] = Field(min_length=1)
    note: Text | None = None
