"""The tally of a batch: Wilson intervals against published values, exact weighted percentiles, and a
tally (built run by run, or merged from chunks) against a summary computed naively from every run."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.runner import RunResult
from hexatable.negotiate.space import OutcomeSpace, enumerate_outcomes
from hexatable.negotiate.tally import PERCENTILES, Tally, weighted_percentiles, wilson_interval


# Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of seven
# methods, Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no continuity correction),
# limits to four decimals.
@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718)],
)
def test_wilson_interval_reproduces_newcombe_table_1(
    successes: int, trials: int, low: float, high: float
) -> None:
    found = wilson_interval(successes, trials)
    assert found == pytest.approx((low, high), abs=5e-5)


@given(st.integers(1, 10**9).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_holds_the_estimate_inside_the_unit_interval(case: tuple[int, int]) -> None:
    successes, trials = case
    low, high = wilson_interval(successes, trials)
    assert 0.0 <= low <= successes / trials <= high <= 1.0
    assert low < high
    assert (low == 0.0) == (successes == 0) and (high == 1.0) == (successes == trials)


def test_wilson_interval_refuses_impossible_counts() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError, match="successes <= trials"):
        wilson_interval(3, 2)


@given(
    st.lists(st.tuples(st.integers(-50, 50).map(float), st.integers(0, 6)), min_size=1, max_size=12).filter(
        lambda pairs: sum(c for _, c in pairs) > 0
    ),
    st.lists(st.floats(0, 100), min_size=1, max_size=5),
)
def test_weighted_percentiles_equal_numpy_on_the_expanded_list(
    pairs: list[tuple[float, int]], qs: list[float]
) -> None:
    values = np.array([v for v, _ in pairs])
    counts = [c for _, c in pairs]
    expanded = np.repeat(values, counts)
    assert weighted_percentiles(values, counts, qs) == pytest.approx(
        np.percentile(expanded, qs).tolist(), rel=1e-12, abs=1e-12
    )


SPACE = OutcomeSpace(
    seats=("A", "B", "C"),
    issues=("x", "y"),
    options=(("lo", "mid", "hi"), ("no", "yes")),
    outcomes=enumerate_outcomes([3, 2]),
    utilities=np.array(
        [
            [0.0, 4.0, 6.0, 9.0, 12.0, 15.0],
            [14.0, 10.0, 9.0, 5.0, 3.0, 0.0],
            [5.0, 12.0, 3.0, 10.0, 1.0, 8.0],
        ]
    ),
    reservations=np.array([3.0, 2.0, 4.0]),
)
ANALYSIS: Analysis = analyse(SPACE)
SEATS = SPACE.seats
REASONS = ("time ran out", "consensus", "PRK walked out")


@st.composite
def run_results(draw: st.DrawFn) -> RunResult:
    """A run as the runner reports one: scores, gains and distance follow from the outcome."""
    outcome = draw(st.one_of(st.none(), st.integers(0, SPACE.size - 1)))
    walked = tuple(draw(st.lists(st.sampled_from(SEATS), max_size=3)))
    if outcome is None:
        acceptance = (False,) * len(SEATS)
        status, reason = "failed", draw(st.sampled_from(REASONS))
        values = SPACE.reservations
    else:
        acceptance = tuple(draw(st.lists(st.booleans(), min_size=3, max_size=3)))
        status = "agreed" if all(acceptance) else "agreed-without"
        reason = "consensus" if all(acceptance) else "agreed without someone"
        values = SPACE.utilities[:, outcome]
    scores = tuple(float(v) for v in values)
    return RunResult(
        seed=draw(st.integers(0, 10**6)),
        status=status,
        reason=reason,
        agreement=outcome,
        drafts=draw(st.integers(1, 30)),
        scores=scores,
        gains=tuple(s - float(r) for s, r in zip(scores, SPACE.reservations, strict=True)),
        distance_to_frontier=ANALYSIS.distance_to_frontier(outcome) if outcome is not None else None,
        nash_product=ANALYSIS.nash_product(outcome) if outcome is not None else 0.0,
        walked_out=walked,
        returns=draw(st.integers(0, 2)),
        acceptance=acceptance,
    )


def naive_summary(results: list[RunResult]) -> dict[str, Any]:
    """The aggregates straight from the list of runs, one run at a time."""
    n = len(results)
    agreed = [r for r in results if r.agreement is not None]
    scores = np.array([r.scores for r in results])
    distances = [r.distance_to_frontier for r in agreed if r.distance_to_frontier is not None]
    outcomes = Counter(r.agreement for r in agreed)
    full = sum(r.status == "agreed" for r in results)
    without = sum(r.status == "agreed-without" for r in results)
    return {
        "runs": n,
        "agreement_rate": full / n,
        "agreement_ci95": list(wilson_interval(full, n)),
        "agreed_without_rate": without / n,
        "agreed_without_ci95": list(wilson_interval(without, n)),
        "no_agreement_rate": (n - len(agreed)) / n,
        "absent_from_agreements": {s: sum(s in r.absent(SEATS) for r in results) for s in SEATS},
        "distinct_outcomes": len(outcomes),
        "top_counts": sorted(outcomes.values(), reverse=True)[:5],
        "settlements": {
            issue: {
                "options": {o: sum(SPACE.describe(r.agreement)[issue] == o for r in agreed) for o in options},
                "none": n - len(agreed),
            }
            for issue, options in zip(SPACE.issues, SPACE.options, strict=True)
        },
        "score_percentiles": {
            s: {
                **{f"p{q}": float(np.percentile(scores[:, k], q)) for q in PERCENTILES},
                "mean": float(np.mean(scores[:, k])),
            }
            for k, s in enumerate(SEATS)
        },
        "distance_to_frontier": (
            {
                **{f"p{q}": float(np.percentile(distances, q)) for q in PERCENTILES},
                "mean": float(np.mean(distances)),
            }
            if distances
            else None
        ),
        "mean_drafts": float(np.mean([r.drafts for r in results])),
        "mean_scores": {s: float(v) for s, v in zip(SEATS, scores.mean(axis=0), strict=True)},
        "mean_gains": {
            s: float(v) for s, v in zip(SEATS, np.array([r.gains for r in results]).mean(axis=0), strict=True)
        },
        "mean_distance_to_frontier": float(np.mean(distances)) if distances else None,
        "on_frontier_rate": sum(1 for d in distances if d < 1e-9) / n,
        "mean_nash_product": float(np.mean([r.nash_product for r in results])),
        "walk_outs": {s: sum(r.walked_out.count(s) for r in results) for s in SEATS},
        "returns": sum(r.returns for r in results),
        "reasons": dict(Counter(r.reason for r in results)),
    }


@settings(max_examples=150, deadline=None)
@given(st.lists(run_results(), min_size=1, max_size=40), st.data())
def test_a_tally_equals_the_naive_summary_however_the_runs_are_chunked(
    results: list[RunResult], data: st.DataObject
) -> None:
    one_by_one = Tally.of(SEATS, results)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(results)), max_size=6)))
    bounds = [0, *cuts, len(results)]
    merged = Tally(SEATS)
    for start, stop in itertools.pairwise(bounds):
        merged.merge(Tally.of(SEATS, results[start:stop]))
    assert merged == one_by_one
    summary = merged.summary(SPACE, "test").to_dict()
    assert summary["label"] == "test"
    assert list(summary["reasons"]) == list(dict.fromkeys(r.reason for r in results))  # first-seen order
    assert [t["count"] for t in summary["top_outcomes"]] == naive_summary(results)["top_counts"]
    for top in summary["top_outcomes"]:
        assert top["outcome"] == SPACE.describe(top["index"])
        assert top["agreed_without"] == sum(
            r.agreement == top["index"] and r.status == "agreed-without" for r in results
        )
    expected = naive_summary(results)
    del expected["top_counts"]
    for key, value in expected.items():
        assert close(summary[key], value), (key, summary[key], value)


def close(found: Any, expected: Any) -> bool:
    """Equal, numbers to 1e-12 (sums over outcomes and over runs round differently), dicts by key."""
    if isinstance(expected, dict):
        return (
            isinstance(found, dict)
            and found.keys() == expected.keys()
            and all(close(found[k], expected[k]) for k in expected)
        )
    if isinstance(expected, list):
        return len(found) == len(expected) and all(close(f, e) for f, e in zip(found, expected, strict=True))
    if isinstance(expected, float):
        return bool(found == pytest.approx(expected, rel=1e-12, abs=1e-12))
    return bool(found == expected)


def test_merging_is_associative_and_refuses_other_seats() -> None:
    runs = [
        RunResult(
            seed=i,
            status="agreed" if i % 3 else "failed",
            reason="consensus" if i % 3 else "time ran out",
            agreement=i % 6 if i % 3 else None,
            drafts=i,
            scores=(0.0, 0.0, 0.0),
            gains=(0.0, 0.0, 0.0),
            distance_to_frontier=0.0 if i % 3 else None,
            nash_product=0.0,
            walked_out=(),
            acceptance=(bool(i % 3),) * 3,
        )
        for i in range(9)
    ]
    a, b, c = (Tally.of(SEATS, runs[k : k + 3]) for k in (0, 3, 6))
    left = Tally.of(SEATS)
    left.merge(a)
    left.merge(b)
    left.merge(c)
    bc = Tally.of(SEATS)
    bc.merge(b)
    bc.merge(c)
    right = Tally.of(SEATS)
    right.merge(a)
    right.merge(bc)
    assert left == right == Tally.of(SEATS, runs)
    assert left.outcomes == {1: 2, 2: 2, 4: 1, 5: 1}
    with pytest.raises(ValueError, match="different seats"):
        left.merge(Tally(("A", "B")))


def test_an_empty_tally_summarises_to_nothing_known() -> None:
    summary = Tally(SEATS).summary(SPACE, "empty")
    assert summary.runs == 0 and summary.agreement_ci95 == (0.0, 1.0)
    assert summary.distinct_outcomes == 0 and summary.distance_to_frontier is None
    assert summary.settlements["x"] == {"options": {"lo": 0, "mid": 0, "hi": 0}, "none": 0}
