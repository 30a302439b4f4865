"""Phased talks as one fold: the room's way of playing a mechanism, checked against the simulator."""

from __future__ import annotations

import pytest

from hexatable.case import open_case
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.mechanisms import MECHANISMS, Phase, phases_for, run_negotiation
from hexatable.negotiate.protocol import Close, IllegalEventError, Support, TableDraft, TimeUp
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space, toy_space
from hexatable.negotiate.talks import Talks, advance, begin, expected_utility

PHASED = [m for m in MECHANISMS if m != "alternating-offers"]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


@pytest.mark.parametrize("mechanism", PHASED)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_folding_a_simulated_log_reaches_the_simulators_outcome(
    analysis: Analysis, mechanism: str, seed: int
) -> None:
    """The simulator runs each phase on its own; folding all its events in one log must end the same way."""
    config = RunConfig(chair="hill-climb", mechanism=mechanism, patience=3)  # type: ignore[arg-type]
    result = run_negotiation(analysis, config, seed, chair_seat="CHN", keep_log=True)
    talks = Talks(
        analysis,
        phases_for(analysis, config, "CHN"),
        "CHN",
        max_drafts=config.max_drafts,
        walk_out=config.walk_out,
    )
    state = begin(talks)
    phases = result.phases or ()
    events = [e for phase in phases for e in (phase.events or ())] if phases else list(result.events or ())
    for event in events:
        state = advance(state, event)
    assert state.status == result.status
    assert state.agreement == result.agreement
    if phases:
        assert [(o.name, o.status, o.drafts) for o in state.done] == [
            (p.name, p.status, p.drafts) for p in phases
        ]
    if state.status == "agreed":
        assert len(state.fixed) == len(analysis.space.issues)


def test_an_optional_phase_that_fails_hands_its_issues_on() -> None:
    space = toy_space()
    side = Phase("side room", ("x",), seats=("A", "B"), chair="A", required=False)
    talks = Talks(analyse(space), (side, Phase("plenary", ("y",))), chair="B")
    state = advance(begin(talks), Close("A"))
    assert state.status == "open" and state.phase_name == "plenary"
    assert state.rules.issues == ("x", "y") and state.rules.chair == "B"
    assert state.done[0].status == "failed" and state.done[0].agreed is None


def test_a_required_phase_that_fails_ends_the_talks() -> None:
    talks = Talks(analyse(toy_space()), (Phase("leaders", ("x",)), Phase("groups", ("y",))), chair="A")
    state = advance(begin(talks), Close("A"))
    assert state.status == "failed" and state.reason.startswith("leaders:")
    with pytest.raises(IllegalEventError, match="the talks have ended"):
        advance(state, TableDraft("A", ("lo",)))


def test_the_clock_ends_the_talks_even_in_an_optional_phase() -> None:
    side = Phase("side room", ("x",), seats=("A", "B"), chair="A", required=False)
    talks = Talks(analyse(toy_space()), (side, Phase("plenary", ("y",))), chair="B")
    state = advance(begin(talks), TimeUp("A"))
    assert state.status == "failed" and "side room" in state.reason


def test_drafts_of_a_later_phase_carry_what_is_fixed() -> None:
    talks = Talks(analyse(toy_space()), (Phase("first", ("x",)), Phase("second", ("y",))), chair="A")
    state = begin(talks)
    for event in (TableDraft("A", ("hi",)), Support("A", 1), Support("B", 1)):
        state = advance(state, event)
    assert state.draft_options(("lo",)) == {"x": "hi", "y": "lo"}
    # In the second phase the seats value y with x fixed at "hi" (toy utilities: A 10/20, B 5/0).
    assert state.analysis.space.utilities.tolist() == [[10.0, 20.0], [5.0, 0.0]]


def test_expected_utility_averages_the_undecided_issues() -> None:
    space = toy_space()
    assert expected_utility(space, "B", {}) == pytest.approx(5.0)  # mean of 10, 5, 5, 0
    assert expected_utility(space, "B", {"y": "lo"}) == pytest.approx(7.5)  # mean of 10 and 5
