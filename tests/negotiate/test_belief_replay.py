"""The room's replay of phased talks against the simulator: the same beliefs at every draft.

The simulator (:func:`~hexatable.negotiate.mechanisms.run_phased`) carries the seats' beliefs from one
phase to the next; the room rebuilds them from the log at each decision
(:func:`~hexatable.negotiate.belief_replay.talks_beliefs`). Here the simulator's own log is folded as
the room folds it (:mod:`hexatable.negotiate.talks`) and, at every draft, the beliefs replayed from the
log so far must equal, array for array, the ones the simulator held when it tabled that draft (read
through its ``watch`` hook). The expected values are the simulator's, not the replay's.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.belief_replay import PhaseLog, phase_logs, replayed_beliefs, talks_beliefs
from hexatable.negotiate.beliefs import Beliefs
from hexatable.negotiate.mechanisms import phase_seed, phases_for, run_phased
from hexatable.negotiate.protocol import Event, Support, TableDraft
from hexatable.negotiate.runner import MechanismName, RunConfig
from hexatable.negotiate.space import build_space, toy_space
from hexatable.negotiate.talks import Talks, advance, begin

PHASED: tuple[MechanismName, ...] = ("top-down", "bottom-up", "bilateral-track")


class Snapshot(NamedTuple):
    grid: np.ndarray
    log_weights: np.ndarray
    factors: np.ndarray
    values: np.ndarray


def snapshot(beliefs: Beliefs) -> Snapshot:
    return Snapshot(
        beliefs.grid.copy(), beliefs.log_weights.copy(), beliefs.factors.copy(), beliefs.values.copy()
    )


@pytest.fixture(scope="module")
def six_party() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


@pytest.fixture(scope="module")
def hanoi() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "hanoi-2019"))


CONFIGS = [
    RunConfig(chair="mediator"),
    RunConfig(chair="mediator", beliefs="accurate", drafts_per_round=4, max_drafts=12),
    RunConfig(chair="hill-climb", default="linear", patience=2, walk_out="continue"),
    RunConfig(chair="nash", default="conceder", patience=1, walk_out="vote", max_drafts=12),
]


def replay_against_simulator(analysis: Analysis, config: RunConfig, seed: int, chair: str) -> int:
    """Run the simulator, fold its log as the room does, compare the beliefs at every draft; returns
    how many drafts were compared."""
    phases = phases_for(analysis, config, chair)
    held: dict[tuple[int, int], Snapshot] = {}

    def watch(number: int, version: int, beliefs: Beliefs) -> None:
        held[(number, version)] = snapshot(beliefs)

    result = run_phased(analysis, phases, config, seed, chair_seat=chair, keep_log=True, watch=watch)
    log: list[Event] = [e for record in result.phases for e in record.events]
    state = begin(Talks(analysis, phases, chair, config.max_drafts, config.walk_out))
    compared = 0
    for at, event in enumerate(log):
        before, state = state, advance(state, event)
        if not isinstance(event, TableDraft):
            continue
        expected = held[(state.number, state.phase.version)]
        # what the seats answer the draft with: the log up to the draft
        replayed = talks_beliefs(
            phase_logs(state, log[: at + 1]),
            max_drafts=config.max_drafts,
            seed_of=lambda number: phase_seed(seed, number),
            mode=config.beliefs,
        )
        for name, array in zip(Snapshot._fields, expected, strict=True):
            assert np.array_equal(getattr(replayed, name), array), (name, state.number, state.phase.version)
        if state.phase.version > 1:  # what the chair drafted it with: the log up to the answers before it
            drafting = talks_beliefs(
                phase_logs(before, log[:at]),
                max_drafts=config.max_drafts,
                seed_of=lambda number: phase_seed(seed, number),
                mode=config.beliefs,
                closed=True,
            )
            for name, array in zip(Snapshot._fields, expected, strict=True):
                assert np.array_equal(getattr(drafting, name), array), (name, state.number, "chair")
        compared += 1
    assert compared == len(held)  # every draft the simulator tabled was compared
    assert state.status == result.status  # the room's fold ends the talks as the simulator did
    return compared


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.label())
@pytest.mark.parametrize("mechanism", PHASED)
def test_the_replayed_beliefs_equal_the_simulators_at_every_draft_of_six_party(
    six_party: Analysis, mechanism: MechanismName, config: RunConfig
) -> None:
    config = RunConfig(**{**config.__dict__, "mechanism": mechanism})
    for seed in (0, 1, 2):
        assert replay_against_simulator(six_party, config, seed, "CHN") > 0


@pytest.mark.parametrize("mechanism", PHASED)
def test_the_replayed_beliefs_equal_the_simulators_in_hanoi_and_a_synthetic_space(
    hanoi: Analysis, mechanism: MechanismName
) -> None:
    config = RunConfig(mechanism=mechanism, max_drafts=15)
    for seed in (3, 4):
        replay_against_simulator(hanoi, config, seed, hanoi.space.seats[0])
    synthetic = analyse(easy_space(11, seats=4))
    for seed in (0, 1):
        replay_against_simulator(synthetic, config, seed, "S0")


@settings(max_examples=25, deadline=None)
@given(
    space_seed=st.integers(0, 10_000),
    seats=st.integers(2, 5),
    seed=st.integers(0, 2**20),
    mechanism=st.sampled_from(PHASED),
    chair=st.sampled_from(["mediator", "hill-climb"]),
    patience=st.sampled_from([None, 1, 3]),
    walk_out=st.sampled_from(["vote", "continue", "fail"]),
    beliefs=st.sampled_from(["declared", "accurate"]),
    max_drafts=st.integers(1, 12),
)
def test_the_replayed_beliefs_equal_the_simulators_on_any_small_space(
    space_seed: int,
    seats: int,
    seed: int,
    mechanism: MechanismName,
    chair: str,
    patience: int | None,
    walk_out: str,
    beliefs: str,
    max_drafts: int,
) -> None:
    """Property: on random additive spaces (three issues of two to four options), whatever the rules,
    the replay equals the simulator at every draft."""
    space = easy_space(space_seed, seats=seats, radices=(2, 3, 4))
    config = RunConfig(
        mechanism=mechanism,
        chair=chair,  # type: ignore[arg-type]
        patience=patience,
        walk_out=walk_out,  # type: ignore[arg-type]
        beliefs=beliefs,  # type: ignore[arg-type]
        max_drafts=max_drafts,
        headline=("i0",) if mechanism in ("top-down", "bottom-up") else None,
        side_issues=("i1",) if mechanism == "bilateral-track" else None,
    )
    replay_against_simulator(analyse(space), config, seed, "S0")


def test_a_second_phase_starts_from_what_the_first_taught(six_party: Analysis) -> None:
    """The gap this closes: replaying only the second phase's log (as the room did) forgets the first
    phase; replaying the whole log does not. Seed 0 of top-down, at the second phase's first draft."""
    config = RunConfig(mechanism="top-down")
    phases = phases_for(six_party, config, "CHN")
    held: dict[tuple[int, int], Snapshot] = {}

    def watch(number: int, version: int, beliefs: Beliefs) -> None:
        held[(number, version)] = snapshot(beliefs)

    result = run_phased(six_party, phases, config, 0, chair_seat="CHN", keep_log=True, watch=watch)
    first, second = result.phases
    assert first.status == "agreed" and first.drafts > 1  # the first phase had rounds to learn from
    state = begin(Talks(six_party, phases, "CHN", config.max_drafts, config.walk_out))
    log = [*first.events, second.events[0]]
    for event in log:
        state = advance(state, event)
    assert state.number == 1
    cut = phase_logs(state, log)
    assert [(p.number, len(p.events)) for p in cut] == [(0, len(first.events)), (1, 1)]
    whole = talks_beliefs(cut, max_drafts=config.max_drafts, seed_of=lambda n: phase_seed(0, n))
    forgetful = replayed_beliefs(
        cut[-1].space, cut[-1].events, max_drafts=config.max_drafts, seed=phase_seed(0, 1)
    )
    expected = held[(1, 1)]
    assert np.array_equal(whole.log_weights, expected.log_weights)
    assert not np.array_equal(forgetful.log_weights, expected.log_weights)


def test_a_log_that_is_not_the_talks_is_refused() -> None:
    from hexatable.negotiate.mechanisms import Phase

    talks = Talks(analyse(toy_space()), (Phase("first", ("x",)), Phase("second", ("y",))), chair="A")
    state = begin(talks)
    events: list[Event] = [TableDraft("A", ("hi",)), Support("A", 1)]
    for event in events:
        state = advance(state, event)
    assert [len(p.events) for p in phase_logs(state, events)] == [2]
    with pytest.raises(ValueError, match="not the log of these talks"):
        phase_logs(state, [*events, Support("B", 1)])
    with pytest.raises(ValueError, match="no phase"):
        talks_beliefs([], max_drafts=2, seed_of=lambda n: n)
    assert isinstance(phase_logs(state, events)[0], PhaseLog)
