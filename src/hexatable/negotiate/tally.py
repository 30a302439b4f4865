"""A mergeable tally of negotiation results: distributions, not only means, in bounded memory.

A batch of a billion runs cannot be kept as a list of results. :class:`Tally` keeps what the
summary needs as *counts*: how many runs agreed on each outcome (with everyone, or without some
seat), how many ended without agreement, counters of drafts, walk-outs, returns and reasons. Every
score, gain, distance to the frontier and Nash product is a function of the outcome (a failed run
scores every seat its reservation value), so the tally records them once per outcome, as the first
run ending there reported them, and the summary weighs them by the outcome counts: percentiles are
exact and means are sums over outcomes, not over runs. Its memory is bounded by the scenario's
outcome space (20,736 outcomes for the built-in scenario) and the few reason strings, never by the
number of runs.

All counts are integers, so :meth:`Tally.merge` is exact and associative: merging the tallies of
consecutive chunks gives the same tally as adding every run in order (reason counts keep the order in
which reasons first appeared, so a JSON rendering is the same too).

Confidence intervals for rates are Wilson score intervals (:func:`wilson_interval`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import binomtest  # type: ignore[import-untyped]

from hexatable.negotiate.runner import RunResult
from hexatable.negotiate.space import FloatArray, IntArray, OutcomeSpace

PERCENTILES = (5, 25, 50, 75, 95)
"""The percentiles reported for scores and distances (numpy's default, linear interpolation)."""

TOP_OUTCOMES = 5
"""How many of the most frequent agreements a summary lists."""

ON_FRONTIER = 1e-9
"""A distance to the Pareto frontier below this counts as on it."""


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for a binomial proportion (Wilson 1927, *Probable inference, the law
    of succession, and statistical inference*, JASA 22(158):209–212), without continuity correction,
    as SciPy's ``binomtest(...).proportion_ci(method="wilson")`` computes it.

    Unlike the normal-approximation ("Wald") interval it stays inside [0, 1] and is not of zero width
    when no run or every run succeeds, which matters here: a configuration that agrees in 1,000 runs
    out of 1,000 still gets an upper bound below certainty's lower neighbour. Without trials nothing is
    known: ``(0.0, 1.0)``.

    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    """
    if trials < 0 or not 0 <= successes <= trials:
        raise ValueError(f"need 0 <= successes <= trials, got {successes} of {trials}")
    if trials == 0:
        return (0.0, 1.0)
    interval = binomtest(successes, trials).proportion_ci(confidence_level=confidence, method="wilson")
    low = 0.0 if successes == 0 else float(interval.low)  # exact at the ends, where rounding strays
    high = 1.0 if successes == trials else float(interval.high)
    return (low, high)


def weighted_percentiles(
    values: FloatArray, counts: Sequence[int] | np.ndarray, qs: Sequence[float] = PERCENTILES
) -> list[float]:
    """Percentiles of the multiset where ``values[k]`` occurs ``counts[k]`` times, exactly as
    ``numpy.percentile`` (linear method) would give them on the expanded list, without expanding it.

    The ``h``-th smallest element (0-based) of the expanded list is found from the cumulative counts;
    the percentile ``q`` interpolates between elements ``floor(h)`` and ``floor(h) + 1`` at
    ``h = (N - 1) q / 100``, as numpy's default does (Hyndman & Fan 1996, definition 7).
    """
    weights = np.asarray(counts, dtype=np.int64)
    keep = weights > 0
    vals = np.asarray(values, dtype=np.float64)[keep]
    weights = weights[keep]
    if not len(vals):
        raise ValueError("percentiles of an empty multiset")
    order = np.argsort(vals, kind="stable")
    vals, cumulative = vals[order], np.cumsum(weights[order])
    total = int(cumulative[-1])
    found: list[float] = []
    for q in qs:
        h = (total - 1) * q / 100
        below = math.floor(h)
        a = float(vals[np.searchsorted(cumulative, below, side="right")])
        b = float(vals[np.searchsorted(cumulative, min(below + 1, total - 1), side="right")])
        t = h - below
        # numpy's _lerp: a + (b - a) t, computed from the nearer end for t >= 0.5
        found.append(b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t)
    return found


@dataclass(frozen=True)
class Values:
    """What a run ending at one outcome (or without agreement) is worth: the same for every such run."""

    scores: tuple[float, ...]
    gains: tuple[float, ...]
    distance_to_frontier: float | None
    nash_product: float


@dataclass(eq=True)
class Tally:
    """Counts of a batch's runs, from which :meth:`summary` derives every aggregate.

    Attributes
    ----------
    seats
        The seats of the space, in its order (the order of ``RunResult.acceptance``).
    runs
        Runs added.
    outcomes
        Runs that ended with an agreement (with or without everyone), per outcome index.
    without
        Of those, runs whose agreement some seat is not party to (``agreed-without``), per outcome.
    values
        Scores, gains, distance and Nash product per outcome index, and under ``None`` those of a run
        without agreement (recorded from the first such run).
    agreed, agreed_without
        Runs with status ``agreed`` (every seat party to the agreement) and ``agreed-without``.
    absent
        Per seat, agreements it was not party to.
    drafts
        Drafts (or offers) over all runs.
    walk_outs
        Per seat, walk-outs over all runs.
    returns
        Returns to the table over all runs.
    reasons
        Runs per reason the talks ended, in the order reasons first appeared.
    """

    seats: tuple[str, ...]
    runs: int = 0
    outcomes: dict[int, int] = field(default_factory=dict)
    without: dict[int, int] = field(default_factory=dict)
    values: dict[int | None, Values] = field(default_factory=dict)
    agreed: int = 0
    agreed_without: int = 0
    absent: list[int] = field(default_factory=list)
    drafts: int = 0
    walk_outs: list[int] = field(default_factory=list)
    returns: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.absent = self.absent or [0] * len(self.seats)
        self.walk_outs = self.walk_outs or [0] * len(self.seats)

    @classmethod
    def of(cls, seats: tuple[str, ...], results: Iterable[RunResult] = ()) -> Tally:
        """A tally of ``results`` (empty by default)."""
        tally = cls(seats)
        for result in results:
            tally.add(result)
        return tally

    def add(self, result: RunResult) -> None:
        """Count one run."""
        self.runs += 1
        outcome = result.agreement
        if outcome not in self.values:
            self.values[outcome] = Values(
                result.scores, result.gains, result.distance_to_frontier, result.nash_product
            )
        if outcome is not None:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
            if result.status == "agreed-without":
                self.without[outcome] = self.without.get(outcome, 0) + 1
            for k, party in enumerate(result.acceptance):
                if not party:
                    self.absent[k] += 1
        if result.status == "agreed":
            self.agreed += 1
        elif result.status == "agreed-without":
            self.agreed_without += 1
        self.drafts += result.drafts
        for seat in result.walked_out:
            self.walk_outs[self.seats.index(seat)] += 1
        self.returns += result.returns
        self.reasons[result.reason] = self.reasons.get(result.reason, 0) + 1

    def merge(self, other: Tally) -> None:
        """Add the runs counted by ``other`` (runs that came after this tally's)."""
        if other.seats != self.seats:
            raise ValueError(f"cannot merge tallies of different seats: {self.seats} and {other.seats}")
        self.runs += other.runs
        for index, count in other.outcomes.items():
            self.outcomes[index] = self.outcomes.get(index, 0) + count
        for index, count in other.without.items():
            self.without[index] = self.without.get(index, 0) + count
        for key, values in other.values.items():
            self.values.setdefault(key, values)
        self.agreed += other.agreed
        self.agreed_without += other.agreed_without
        self.absent = [a + b for a, b in zip(self.absent, other.absent, strict=True)]
        self.drafts += other.drafts
        self.walk_outs = [a + b for a, b in zip(self.walk_outs, other.walk_outs, strict=True)]
        self.returns += other.returns
        for reason, count in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + count

    def summary(self, space: OutcomeSpace, label: str) -> Summary:
        """Every aggregate of the batch, derived from the counts (``space`` names the outcomes)."""
        return _summary(self, space, label)


@dataclass(frozen=True)
class Summary:
    """Aggregates of a batch: agreement rate with its interval, the distribution of outcomes, scores
    and distances, and the means the first reports had.

    Rates count runs: ``agreement_rate`` only runs every seat is party to (``agreed``);
    ``agreed_without_rate`` runs agreed without some seat. Score percentiles and means are over every
    run (a run without agreement scores each seat its reservation value); distances to the frontier
    are over every run with an agreement (with or without everyone), and ``on_frontier_rate`` is the
    share of all runs that ended on the frontier. Percentiles are numpy's default (linear).
    """

    label: str
    runs: int
    agreement_rate: float
    agreement_ci95: tuple[float, float]
    agreed_without_rate: float
    agreed_without_ci95: tuple[float, float]
    no_agreement_rate: float
    absent_from_agreements: dict[str, int]
    distinct_outcomes: int
    top_outcomes: list[dict[str, Any]]
    settlements: dict[str, dict[str, Any]]
    score_percentiles: dict[str, dict[str, float]]
    distance_to_frontier: dict[str, float] | None
    mean_drafts: float
    mean_scores: dict[str, float]
    mean_gains: dict[str, float]
    mean_distance_to_frontier: float | None
    on_frontier_rate: float
    mean_nash_product: float
    walk_outs: dict[str, int]
    returns: int
    reasons: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (intervals as ``[low, high]``)."""
        data = dict(self.__dict__)
        data["agreement_ci95"] = list(self.agreement_ci95)
        data["agreed_without_ci95"] = list(self.agreed_without_ci95)
        return data


def _summary(tally: Tally, space: OutcomeSpace, label: str) -> Summary:
    seats = tally.seats
    n = tally.runs
    agreed = sorted(tally.outcomes)
    count = np.array([tally.outcomes[i] for i in agreed], dtype=np.int64)
    agreements = int(count.sum())
    failed = n - agreements
    # one column per outcome reached, and one for the runs without agreement
    keys: list[int | None] = [*agreed, None] if failed else list(agreed)
    weights = np.append(count, failed) if failed else count
    width = len(seats)
    scores = np.array([tally.values[k].scores for k in keys], dtype=np.float64).reshape(-1, width).T
    run_gains = np.array([tally.values[k].gains for k in keys], dtype=np.float64).reshape(-1, width).T
    nash = np.array([tally.values[k].nash_product for k in keys], dtype=np.float64)
    distances = np.array([tally.values[i].distance_to_frontier or 0.0 for i in agreed], dtype=np.float64)

    def mean(values: FloatArray, w: IntArray, total: int) -> float:
        return float(np.dot(values, w) / total) if total else 0.0

    def percentiles(values: FloatArray, w: IntArray, total: int) -> dict[str, float]:
        found = weighted_percentiles(values, w)
        return {
            **{f"p{q}": v for q, v in zip(PERCENTILES, found, strict=True)},
            "mean": mean(values, w, total),
        }

    top = sorted(tally.outcomes.items(), key=lambda item: (-item[1], item[0]))[:TOP_OUTCOMES]
    settlements: dict[str, dict[str, Any]] = {}
    chosen_rows = space.outcomes[np.array(agreed, dtype=np.int64)]
    for i, (issue, options) in enumerate(zip(space.issues, space.options, strict=True)):
        chosen = np.bincount(chosen_rows[:, i], weights=count, minlength=len(options))
        settlements[issue] = {
            "options": {option: int(c) for option, c in zip(options, chosen, strict=True)},
            "none": failed,
        }
    return Summary(
        label=label,
        runs=n,
        agreement_rate=tally.agreed / n if n else 0.0,
        agreement_ci95=wilson_interval(tally.agreed, n),
        agreed_without_rate=tally.agreed_without / n if n else 0.0,
        agreed_without_ci95=wilson_interval(tally.agreed_without, n),
        no_agreement_rate=failed / n if n else 0.0,
        absent_from_agreements=dict(zip(seats, tally.absent, strict=True)),
        distinct_outcomes=len(tally.outcomes),
        top_outcomes=[
            {
                "outcome": space.describe(outcome),
                "index": outcome,
                "count": runs,
                "agreed_without": tally.without.get(outcome, 0),
            }
            for outcome, runs in top
        ],
        settlements=settlements,
        score_percentiles={seat: percentiles(scores[k], weights, n) for k, seat in enumerate(seats)}
        if n
        else {},
        distance_to_frontier=percentiles(distances, count, agreements) if agreements else None,
        mean_drafts=tally.drafts / n if n else 0.0,
        mean_scores={seat: mean(scores[k], weights, n) for k, seat in enumerate(seats)} if n else {},
        mean_gains={seat: mean(run_gains[k], weights, n) for k, seat in enumerate(seats)} if n else {},
        mean_distance_to_frontier=mean(distances, count, agreements) if agreements else None,
        on_frontier_rate=int(count[distances < ON_FRONTIER].sum()) / n if n else 0.0,
        mean_nash_product=mean(nash, weights, n),
        walk_outs=dict(zip(seats, tally.walk_outs, strict=True)),
        returns=tally.returns,
        reasons=dict(tally.reasons),
    )
