"""Honest results: a run reports ``agreed`` only when every seat is party to the agreement, and the
walk-out rules do what they say. Every claim is checked against the run's own event log, replayed.

The synthetic space has a *walker*: a seat whose reservation value is above everything the agenda can
give it, so it objects to every draft, walks out after ``patience`` drafts and never returns, while the
others have a wide zone of agreement among themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np
import pytest
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.mechanisms import phases_for, run_negotiation
from hexatable.negotiate.protocol import Event, GoOn, Rules, State, WalkOut, replay
from hexatable.negotiate.runner import RunConfig, RunResult, rules_for
from hexatable.negotiate.space import OutcomeSpace, build_space
from hexatable.negotiate.talks import Talks, advance, begin

WALKER = "S3"
PHASED = ("bilateral-track", "top-down", "bottom-up")


def with_walker(needs: Mapping[str, frozenset[str]] | None = None) -> OutcomeSpace:
    space = easy_space(3, seats=4)
    reservations = space.reservations.copy()
    reservations[space.seat_index(WALKER)] = float(space.utility_of(WALKER).max()) + 1.0
    return replace(space, reservations=reservations, needs=dict(needs or {}), _memo={})


@pytest.fixture(scope="module")
def walker() -> Analysis:
    return analyse(with_walker())


@pytest.fixture(scope="module")
def six_party() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


def final_state(analysis: Analysis, config: RunConfig, chair: str, events: tuple[Event, ...]) -> State:
    return replay(rules_for(analysis, config, chair), events)


def check_single_text_honesty(analysis: Analysis, config: RunConfig, result: RunResult, chair: str) -> None:
    """Status, acceptance and reason of a single-text run agree with who was seated at the end."""
    seats = analysis.space.seats
    assert result.events is not None
    state = final_state(analysis, config, chair, result.events)
    if result.agreement is None:
        assert result.acceptance == (False,) * len(seats)
        assert result.status == "failed"
        return
    assert result.acceptance == tuple(seat in state.seated for seat in seats)
    absent = [seat for seat in seats if seat not in state.seated]
    if absent:
        assert result.status == "agreed-without"
        assert result.reason == f"agreed without {', '.join(absent)}"
        assert result.absent(seats) == tuple(absent)
    else:
        assert result.status == "agreed"


@pytest.mark.parametrize("chair", ["mediator", "nash", "hill-climb"])
def test_an_agreement_without_a_seat_that_walked_out_is_not_reported_agreed(
    walker: Analysis, chair: str
) -> None:
    config = RunConfig(chair=chair, default="linear", patience=2, walk_out="continue")  # type: ignore[arg-type]
    statuses = []
    for seed in range(6):
        result = run_negotiation(walker, config, seed, chair_seat="S0", keep_log=True)
        check_single_text_honesty(walker, config, result, "S0")
        statuses.append(result.status)
    assert "agreed-without" in statuses  # the walker left and the others agreed: the case is exercised
    assert "agreed" not in statuses  # the walker never comes back for anything


@pytest.mark.parametrize(
    "config",
    [
        RunConfig(chair="hill-climb", default="linear", patience=2, walk_out="continue"),
        RunConfig(chair="mediator", default="conceder", patience=1, walk_out="continue"),
        RunConfig(chair="mediator", default="linear", patience=3, walk_out="continue", resolve=0.0),
        RunConfig(chair="hill-climb", default="linear", patience=2, walk_out="vote"),
    ],
    ids=lambda c: f"{c.label()} · {c.walk_out}",
)
def test_on_the_case_results_agree_with_who_was_seated_at_the_end(
    six_party: Analysis, config: RunConfig
) -> None:
    for seed in range(12):
        result = run_negotiation(six_party, config, seed, chair_seat="CHN", keep_log=True)
        check_single_text_honesty(six_party, config, result, "CHN")


@pytest.mark.parametrize("mechanism", PHASED)
def test_a_phased_agreement_counts_only_the_seats_present_at_every_phase_they_sit_in(
    walker: Analysis, mechanism: str
) -> None:
    """A seat is party to a phased agreement only if it was seated when every phase it sits in agreed;
    the room's fold of the same log reports the same status and reason."""
    config = RunConfig(
        chair="mediator", default="linear", patience=2, walk_out="continue", mechanism=mechanism
    )  # type: ignore[arg-type]
    space = walker.space
    phases = phases_for(walker, config, "S0")
    seen = set()
    for seed in range(5):
        result = run_negotiation(walker, config, seed, chair_seat="S0", keep_log=True)
        party = dict.fromkeys(space.seats, True)
        events: list[Event] = []
        for record in result.phases:
            assert record.events is not None
            events += record.events
            if record.agreed is None:
                continue
            rules = Rules(
                seats=record.seats,
                chair=record.chair,
                agenda=tuple((issue, space.options[space.issues.index(issue)]) for issue in record.issues),
                max_drafts=config.max_drafts,
                walk_out=config.walk_out,
            )
            seated = replay(rules, record.events).seated
            for seat in record.seats:
                party[seat] = party[seat] and seat in seated
        seen.add(result.status)
        if result.agreement is None:
            assert result.acceptance == (False,) * len(space.seats) and result.status == "failed"
            continue
        assert result.acceptance == tuple(party[seat] for seat in space.seats)
        absent = [seat for seat in space.seats if not party[seat]]
        if absent:
            assert result.status == "agreed-without"
            assert result.reason == f"agreed without {', '.join(absent)}"
        else:
            assert result.status == "agreed"
        talks = Talks(walker, phases, "S0", max_drafts=config.max_drafts, walk_out=config.walk_out)
        state = begin(talks)
        for event in events:
            state = advance(state, event)
        assert (state.status, state.agreement) == (result.status, result.agreement)
        if absent:
            assert state.reason == result.reason
    assert "agreed-without" in seen or mechanism == "bilateral-track", seen


def test_under_vote_a_seat_that_needs_the_party_that_left_will_not_go_on() -> None:
    analysis = analyse(with_walker({"S1": frozenset({WALKER})}))
    config = RunConfig(chair="mediator", default="linear", patience=1, walk_out="vote")
    for seed in range(4):
        result = run_negotiation(analysis, config, seed, chair_seat="S0", keep_log=True)
        assert result.events is not None
        votes = [e for e in result.events if isinstance(e, GoOn)]
        assert WalkOut(WALKER) in result.events
        assert GoOn("S1", False) in votes
        assert all(vote.go_on for vote in votes if vote.seat != "S1")
        assert result.status == "failed" and result.agreement is None
        assert result.reason == f"'{WALKER}' walked out and 'S1' would not go on without it"


def test_under_vote_seats_that_need_nobody_who_left_go_on(walker: Analysis) -> None:
    config = RunConfig(chair="mediator", default="linear", patience=1, walk_out="vote")
    for seed in range(4):
        result = run_negotiation(walker, config, seed, chair_seat="S0", keep_log=True)
        assert result.events is not None
        votes = [e for e in result.events if isinstance(e, GoOn)]
        assert sorted(v.seat for v in votes) == ["S0", "S1", "S2"] and all(v.go_on for v in votes)
        check_single_text_honesty(walker, config, result, "S0")


@pytest.mark.parametrize("mechanism", ["single-text", *PHASED])
def test_on_the_case_every_vote_follows_the_sheets_needs(six_party: Analysis, mechanism: str) -> None:
    """Each ``GoOn`` says "go on" exactly when the seat's sheet does not need the party that just left,
    and a "no" fails the talks."""
    config = RunConfig(
        chair="hill-climb", default="boulware", patience=1, walk_out="vote", mechanism=mechanism
    )  # type: ignore[arg-type]
    needs = six_party.space.needs
    votes = 0
    for seed in range(8):
        result = run_negotiation(six_party, config, seed, chair_seat="CHN", keep_log=True)
        logs = [r.events for r in result.phases] if result.phases else [result.events]
        for events in logs:
            assert events is not None
            left = None
            for event in events:
                if isinstance(event, WalkOut):
                    left = event.seat
                elif isinstance(event, GoOn):
                    votes += 1
                    assert left is not None
                    assert event.go_on == (left not in needs.get(event.seat, frozenset()))
                    if not event.go_on:
                        assert result.status == "failed"
    assert votes > 0


@pytest.mark.parametrize("mechanism", ["single-text", "top-down", "bottom-up"])
def test_under_fail_any_walk_out_fails_the_talks(walker: Analysis, mechanism: str) -> None:
    config = RunConfig(chair="mediator", default="linear", patience=2, walk_out="fail", mechanism=mechanism)  # type: ignore[arg-type]
    for seed in range(4):
        result = run_negotiation(walker, config, seed, chair_seat="S0", keep_log=True)
        assert result.walked_out == (WALKER,)
        assert result.status == "failed" and result.agreement is None
        assert result.reason.endswith(f"'{WALKER}' walked out")
        assert result.gains == (0.0,) * len(walker.space.seats)
        assert np.all(np.array(result.acceptance) == False)  # noqa: E712
