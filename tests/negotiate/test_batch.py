"""Batches stream into a tally: the same whatever the workers, the same as the list of runs, lazy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hexatable.case import open_case
from hexatable.execution import local
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.batch import (
    MAX_RUNS,
    MAX_SEED,
    check_batch,
    run_batch,
    run_seeds,
    simulate,
    simulate_runs,
    summarise,
)
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space
from hexatable.negotiate.tally import Tally

CONFIG = RunConfig(chair="hill-climb", default="linear", patience=3)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


def test_one_or_two_workers_give_the_same_tally_as_the_list_of_runs(analysis: Analysis) -> None:
    seen: list[int] = []
    one = simulate(analysis, CONFIG, runs=30, seed=4, workers=1, chair_seat="CHN", progress=seen.append)
    two = simulate(analysis, CONFIG, runs=30, seed=4, workers=2, chair_seat="CHN")
    listed = run_batch(analysis, CONFIG, run_seeds(4, 30), "CHN")
    assert one == two == Tally.of(analysis.space.seats, listed)
    assert one.runs == 30 and sum(seen) == 30
    assert summarise(analysis, CONFIG, one) == summarise(analysis, CONFIG, listed)
    assert simulate_runs(analysis, CONFIG, runs=30, seed=4, workers=2, chair_seat="CHN") == listed


def test_batch_bounds_are_refused_with_the_reason() -> None:
    check_batch(MAX_RUNS, MAX_SEED)
    assert MAX_SEED * 1_000_003 + MAX_RUNS - 1 < 2**63
    for runs, seed, message in [
        (0, 0, "runs must be between 1 and"),
        (MAX_RUNS + 1, 0, "a month or more"),
        (10, -1, "the seed must be between 0 and"),
        (10, MAX_SEED + 1, "64-bit integer"),
    ]:
        with pytest.raises(ValueError, match=message):
            check_batch(runs, seed)


class _Done:
    """A finished future that records when its result is taken."""

    def __init__(self, value: Any, pool: _EagerPool) -> None:
        self.value, self.pool = value, pool

    def result(self) -> Any:
        self.pool.outstanding -= 1
        return self.value


class _EagerPool:
    """Stands in for ProcessPoolExecutor: runs each chunk at once, counts chunks submitted but not taken."""

    most = 0
    submitted = 0

    def __init__(self, max_workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        initializer(*initargs)
        self.outstanding = 0

    def __enter__(self) -> _EagerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Callable[..., Any], *args: Any) -> _Done:
        self.outstanding += 1
        _EagerPool.submitted += 1
        _EagerPool.most = max(_EagerPool.most, self.outstanding)
        return _Done(fn(*args), self)


def test_chunks_are_submitted_lazily(analysis: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "ProcessPoolExecutor", _EagerPool)
    config = RunConfig(max_drafts=1)
    tally = simulate(analysis, config, runs=200, seed=1, workers=2, chair_seat="CHN")
    assert tally == simulate(analysis, config, runs=200, seed=1, workers=1, chair_seat="CHN")
    assert _EagerPool.submitted == 200 // 12 + 1  # chunks of runs // (8 workers) = 12 runs
    assert _EagerPool.most == 4 * 2  # never more than four chunks per worker ahead
