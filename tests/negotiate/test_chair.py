"""The chair stands by its texts: checked on the logs of whole runs, every mechanism and chair strategy.

Two claims of :mod:`hexatable.negotiate.chair`: the chair seat never objects to a draft it tabled that
is worth at least its reservation value, and the mediator never tables a text below its own current
demand. The second is checked by rebuilding, from the log alone, the beliefs the chair held when it
chose each draft (the phase's seed, every completed round of answers, the beliefs carried from earlier
phases) and its demand at the draft's time ``(version − 1) / (max_drafts − 1)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
import pytest
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate import runner
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.beliefs import Beliefs, BeliefState, landscape
from hexatable.negotiate.delegates import TimeBasedDelegate, make_delegate
from hexatable.negotiate.mechanisms import phase_analysis, phases_for, run_negotiation
from hexatable.negotiate.protocol import Event, Object, Reserve, Support, TableDraft
from hexatable.negotiate.runner import RunConfig, RunResult
from hexatable.negotiate.space import OutcomeSpace, build_space

MECHANISMS = ("single-text", "bilateral-track", "top-down", "bottom-up")
CHAIRS = ("mediator", "nash", "maximin", "hill-climb")


@dataclass(frozen=True)
class PhaseLog:
    """One phase of a run as the log shows it: its space, chair, events and the seed it ran with."""

    space: OutcomeSpace
    chair: str
    events: tuple[Event, ...]
    seed: int


def phase_logs(
    analysis: Analysis, config: RunConfig, result: RunResult, seed: int, chair: str
) -> list[PhaseLog]:
    """Every phase of ``result`` (one for single-text), with the space it was negotiated on."""
    if not result.phases:
        assert result.events is not None
        return [PhaseLog(analysis.space, chair, tuple(result.events), seed)]
    phases = phases_for(analysis, config, chair)
    names = [p.name for p in phases]
    fixed: dict[str, str] = {}
    logs = []
    for record in result.phases:
        number = names.index(record.name)
        sub = phase_analysis(analysis.space, fixed, phases[number], record.issues).space
        assert record.events is not None
        logs.append(PhaseLog(sub, record.chair, tuple(record.events), seed * 7919 + number))
        if record.agreed is not None:
            fixed.update(record.agreed)
    return logs


def drafts_with_beliefs(
    log: PhaseLog, config: RunConfig, carried: BeliefState | None
) -> Iterator[tuple[int, int, Beliefs]]:
    """``(version, draft, beliefs when it was chosen)`` for every draft of the phase; the beliefs are
    the phase's prior updated with every completed round before it (yielded live: read before the next
    step). After the last draft, the generator's beliefs are those the phase ended with."""
    space = log.space
    beliefs = Beliefs.start(landscape(space), np.random.default_rng(log.seed), config.beliefs, carried)
    index = {seat: i for i, seat in enumerate(space.seats)}
    draft: int | None = None
    version = 0
    answers: dict[int, Literal["support", "object", "reserve"]] = {}
    objected: dict[int, int] = {}
    for event in log.events:
        if isinstance(event, TableDraft):
            if draft is not None:
                beliefs.observe(draft, (version - 1) / max(config.max_drafts - 1, 1), answers, objected)
            draft, version, answers, objected = space.index_of_options(event.options), version + 1, {}, {}
            yield version, draft, beliefs
        elif isinstance(event, Support | Reserve | Object):
            kind = (
                "support"
                if isinstance(event, Support)
                else "reserve"
                if isinstance(event, Reserve)
                else "object"
            )
            answers[index[event.seat]] = kind  # type: ignore[assignment]
            if isinstance(event, Object):
                objected[index[event.seat]] = space.issues.index(event.issue)


def merged(before: BeliefState | None, after: BeliefState) -> BeliefState:
    """What a phase hands on: what was learnt there over what was believed before."""
    if before is None:
        return after
    return BeliefState({**before.reservations, **after.reservations}, {**before.weights, **after.weights})


@pytest.fixture(scope="module")
def six_party() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


@pytest.fixture(scope="module")
def easy() -> Analysis:
    return analyse(easy_space(3, seats=4))


def _runs(
    analysis: Analysis, config: RunConfig, chair: str, seeds: Sequence[int], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[RunResult, int, list[TimeBasedDelegate]]]:
    """Runs with logs, each with the delegates the runner built (in the order it built them)."""
    built: list[TimeBasedDelegate] = []
    original = runner.make_delegate

    def recording(*args: Any, **kwargs: Any) -> TimeBasedDelegate:
        made = original(*args, **kwargs)
        built.append(made)
        return made

    monkeypatch.setattr(runner, "make_delegate", recording)
    for seed in seeds:
        built.clear()
        yield run_negotiation(analysis, config, seed, chair_seat=chair, keep_log=True), seed, list(built)


CONFIGS = [
    RunConfig(),
    RunConfig(default="linear", beliefs="accurate", resolve=0.0, max_drafts=15),
    RunConfig(default="conceder", patience=2, walk_out="continue"),
]


@pytest.mark.parametrize("which", ["six-party", "easy"])
@pytest.mark.parametrize("mechanism", MECHANISMS)
@pytest.mark.parametrize("chair_strategy", CHAIRS)
def test_the_chair_never_objects_to_its_own_draft_worth_its_reservation(
    six_party: Analysis,
    easy: Analysis,
    monkeypatch: pytest.MonkeyPatch,
    which: str,
    mechanism: str,
    chair_strategy: str,
) -> None:
    analysis = six_party if which == "six-party" else easy
    chair = "CHN" if which == "six-party" else "S0"
    answered = 0
    for base in (CONFIGS[0], CONFIGS[2]):
        config = replace(base, chair=chair_strategy, mechanism=mechanism)  # type: ignore[arg-type]
        for result, seed, _ in _runs(analysis, config, chair, (0, 1), monkeypatch):
            for log in phase_logs(analysis, config, result, seed, chair):
                own = log.space.utility_of(log.chair)
                reservation = float(log.space.reservations[log.space.seat_index(log.chair)])
                draft = None
                for event in log.events:
                    if isinstance(event, TableDraft):
                        draft = log.space.index_of_options(event.options)
                    elif event.seat == log.chair and isinstance(event, Support | Object | Reserve):
                        assert draft is not None
                        answered += 1
                        if own[draft] >= reservation:
                            assert isinstance(event, Support), (seed, log.chair, draft, event)
    assert answered


@pytest.mark.parametrize("which", ["six-party", "easy"])
@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_the_mediator_never_tables_a_text_below_its_own_demand(
    six_party: Analysis, easy: Analysis, monkeypatch: pytest.MonkeyPatch, which: str, mechanism: str
) -> None:
    analysis = six_party if which == "six-party" else easy
    chair = "CHN" if which == "six-party" else "S0"
    tabled = 0
    for base in CONFIGS:
        config = replace(base, chair="mediator", mechanism=mechanism)  # type: ignore[arg-type]
        for result, seed, built in _runs(analysis, config, chair, (0, 1, 2), monkeypatch):
            carried: BeliefState | None = None
            offset = 0
            for log in phase_logs(analysis, config, result, seed, chair):
                phase_delegates = built[offset : offset + len(log.space.seats)]
                offset += len(log.space.seats)
                level = next(d for d in phase_delegates if d.seat == log.chair).start
                own = log.space.utility_of(log.chair)
                beliefs: Beliefs | None = None
                for version, draft, beliefs in drafts_with_beliefs(log, config, carried):
                    delegate = make_delegate(
                        log.space, log.chair, config.strategy_of(log.chair), level, beliefs, config.resolve
                    )
                    demand = delegate.threshold((version - 1) / max(config.max_drafts - 1, 1))
                    tabled += 1
                    assert own[draft] >= demand - 1e-9, (seed, log.chair, version, own[draft], demand)
                if beliefs is not None:
                    ended = beliefs.export()
                    carried = (
                        ended
                        if carried is None
                        else BeliefState(
                            {**carried.reservations, **ended.reservations},
                            {**carried.weights, **ended.weights},
                        )
                    )
    assert tabled
