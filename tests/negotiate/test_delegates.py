"""AI delegates: objections by brute force, concession over time, and blindness to other sheets."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate import runner
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.belief_replay import replayed_beliefs
from hexatable.negotiate.beliefs import Beliefs, landscape
from hexatable.negotiate.delegates import (
    RESERVE_MARGIN,
    STRATEGIES,
    ReciprocalDelegate,
    TimeBasedDelegate,
    best_objection,
    make_delegate,
)
from hexatable.negotiate.protocol import Support, TableDraft
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import OutcomeSpace, build_space, enumerate_outcomes


@pytest.fixture(scope="module")
def space() -> OutcomeSpace:
    return build_space(open_case("six-party-talks"), "six-party-2007")


def test_objection_names_the_issue_whose_change_gains_most(space: OutcomeSpace) -> None:
    utility = space.utility_of("USA")
    table = best_objection(utility, space.radices)
    strides = np.cumprod((1, *space.radices[:0:-1]))[::-1]
    rng = np.random.default_rng(1)
    for outcome in rng.integers(0, space.size, 200):
        row = space.outcomes[outcome]
        gains = []
        for i, radix in enumerate(space.radices):
            alternatives = [outcome + (o - row[i]) * strides[i] for o in range(radix)]
            gains.append(max(utility[a] for a in alternatives) - utility[outcome])
        assert table[outcome] == int(np.argmax(gains))


@pytest.mark.parametrize("strategy", [s for s in STRATEGIES if s not in ("tit-for-tat", "hardheaded")])
def test_aspiration_falls_from_best_to_reservation(space: OutcomeSpace, strategy: str) -> None:
    delegate = TimeBasedDelegate.for_seat(space, "PRK", strategy)  # type: ignore[arg-type]
    levels = [delegate.threshold(t) for t in np.linspace(0, 1, 21)]
    assert levels[0] == pytest.approx(delegate.best)
    assert levels[-1] == pytest.approx(delegate.reservation)
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(levels))


@pytest.mark.parametrize("start", [1.0, 0.9])
def test_hardheaded_never_comes_down_from_its_opening_demand(space: OutcomeSpace, start: float) -> None:
    """The review found "hardheaded" conceding to its reservation value at the deadline."""
    delegate = TimeBasedDelegate.for_seat(space, "PRK", "hardheaded", start)
    demand = delegate.reservation + start * (delegate.best - delegate.reservation)
    assert all(delegate.threshold(t) == pytest.approx(demand) for t in np.linspace(0, 1, 31))


def test_never_supports_a_draft_below_its_reservation(space: OutcomeSpace) -> None:
    delegate = TimeBasedDelegate.for_seat(space, "JPN", "conceder")
    below = np.flatnonzero(delegate.utility < delegate.reservation)
    assert below.size
    assert all(delegate.respond(int(o), 1.0)[0] == "object" for o in below[:300])


def test_decisions_depend_only_on_the_delegates_own_sheet(space: OutcomeSpace) -> None:
    rng = np.random.default_rng(3)
    seat = space.seat_index("PRK")
    others = [i for i in range(len(space.seats)) if i != seat]
    scrambled = space.utilities.copy()
    scrambled[others] = rng.permutation(scrambled[others], axis=1)[::-1]
    reservations = space.reservations.copy()
    reservations[others] = rng.uniform(0, 100, len(others))
    swapped = replace(space, utilities=scrambled, reservations=reservations, _memo={})
    original = TimeBasedDelegate.for_seat(space, "PRK", "linear")
    other = TimeBasedDelegate.for_seat(swapped, "PRK", "linear")
    for outcome in rng.integers(0, space.size, 500):
        t = float(rng.random())
        assert original.respond(int(outcome), t) == other.respond(int(outcome), t)


def test_tit_for_tat_concedes_as_far_as_it_is_conceded_to(space: OutcomeSpace) -> None:
    delegate = make_delegate(space, "USA", "tit-for-tat")
    assert isinstance(delegate, ReciprocalDelegate)
    utility = delegate.utility
    order = np.argsort(utility)
    first, better = int(order[len(order) // 4]), int(order[len(order) // 2])
    boulware = TimeBasedDelegate.for_seat(space, "USA", "boulware")
    delegate.respond(first, 0.1)
    assert delegate.threshold(0.1) == pytest.approx(boulware.threshold(0.1))  # nothing received yet
    delegate.respond(better, 0.1)
    received = utility[better] - utility[first]
    expected = min(boulware.threshold(0.1), delegate.best - received)
    assert delegate.threshold(0.1) == pytest.approx(max(delegate.reservation, expected))
    assert delegate.threshold(1.0) == pytest.approx(delegate.reservation)
    assert make_delegate(space, "USA", "tit-for-tat").seen == []  # a fresh one remembers nothing


# --- second generation: replies, reservations, beliefs, openings ----------------------------------


def _single_changes(space: OutcomeSpace, outcome: int, issue: int) -> dict[int, int]:
    """The outcomes reached by changing only ``issue`` of ``outcome``: ``{option index: outcome}``."""
    row = list(space.outcomes[outcome])
    reached = {}
    for option in range(space.radices[issue]):
        changed = dict(zip(space.issues, (space.options[i][o] for i, o in enumerate(row)), strict=True))
        changed[space.issues[issue]] = space.options[issue][option]
        reached[option] = space.index_of(changed)
    return reached


@pytest.mark.parametrize("space_seed", [0, 1, 2])
@pytest.mark.parametrize("t", [0.0, 0.4, 0.9])
def test_an_objection_asks_for_the_option_that_gains_most_on_the_issue_that_gains_most(
    space_seed: int, t: float
) -> None:
    """Brute force on an additive space (no outcome short of the best is a local optimum): every
    objection names an issue and an option ``toward`` that strictly raises the delegate's own utility
    when only that issue changes, and no single change would raise it more."""
    space = easy_space(space_seed, seats=3, radices=(3, 2, 4))
    for seat in space.seats:
        delegate = TimeBasedDelegate.for_seat(space, seat, "linear")
        for outcome in range(space.size):
            reply = delegate.reply(outcome, t)
            if reply.kind != "object":
                continue
            assert reply.issue is not None and reply.toward is not None
            issue = space.issues.index(reply.issue)
            own = delegate.utility[outcome]
            reached = _single_changes(space, outcome, issue)
            asked = reached[space.options[issue].index(reply.toward)]
            assert delegate.utility[asked] > own
            best_gain = max(
                delegate.utility[o] - own
                for i in range(len(space.issues))
                for o in _single_changes(space, outcome, i).values()
            )
            assert delegate.utility[asked] - own == pytest.approx(best_gain)


def test_objections_on_the_case_ask_for_a_change_that_helps(space: OutcomeSpace) -> None:
    """The same on the built-in case (interactions and must-haves), on a sample of drafts."""
    rng = np.random.default_rng(8)
    for seat in space.seats:
        delegate = TimeBasedDelegate.for_seat(space, seat, "boulware")
        for outcome in rng.integers(0, space.size, 150).tolist():
            reply = delegate.reply(outcome, 0.5)
            if reply.kind != "object":
                continue
            assert reply.issue is not None and reply.toward is not None
            issue = space.issues.index(reply.issue)
            asked = _single_changes(space, outcome, issue)[space.options[issue].index(reply.toward)]
            assert delegate.utility[asked] > delegate.utility[outcome]


@pytest.mark.parametrize("strategy", ["boulware", "linear", "conceder", "hardheaded"])
def test_a_delegate_reserves_exactly_when_above_its_reservation_and_within_the_margin(
    strategy: str,
) -> None:
    space = easy_space(5, seats=3, radices=(4, 3, 3))
    for seat in space.seats:
        delegate = TimeBasedDelegate.for_seat(space, seat, strategy, start=0.95)  # type: ignore[arg-type]
        span = delegate.best - float(delegate.utility.min())
        for t in (0.0, 0.3, 0.7, 1.0):
            demand = delegate.threshold(t)
            for outcome in range(space.size):
                value = float(delegate.utility[outcome])
                kind = delegate.reply(outcome, t).kind
                if value >= demand - 1e-9:
                    assert kind == "support"
                elif value >= delegate.reservation and value >= demand - RESERVE_MARGIN * span:
                    assert kind == "reserve"
                else:
                    assert kind == "object"


def _random_beliefs(space: OutcomeSpace, seed: int, rounds: int) -> Beliefs:
    """Beliefs after ``rounds`` of random answers (every seat answering every draft)."""
    rng = np.random.default_rng(seed)
    beliefs = Beliefs.start(landscape(space), rng)
    kinds = ("support", "object", "reserve")
    for k in range(rounds):
        answers = {j: kinds[int(rng.integers(3))] for j in range(len(space.seats))}
        objected = {j: int(rng.integers(len(space.issues))) for j, a in answers.items() if a == "object"}
        beliefs.observe(int(rng.integers(space.size)), k / max(rounds - 1, 1), answers, objected)  # type: ignore[arg-type]
    return beliefs


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("resolve", [0.0, 0.5, 1.0])
def test_a_delegate_with_beliefs_never_concedes_below_its_reservation(strategy: str, resolve: float) -> None:
    space = easy_space(6, seats=3, radices=(3, 3, 3))
    for seed in range(4):
        beliefs = _random_beliefs(space, seed, rounds=10)
        for seat in space.seats:
            delegate = make_delegate(space, seat, strategy, 0.9, beliefs, resolve)  # type: ignore[arg-type]
            below = np.flatnonzero(delegate.utility < delegate.reservation)
            for t in np.linspace(0, 1, 11):
                assert delegate.floor() >= delegate.reservation - 1e-9
                assert delegate.threshold(float(t)) >= delegate.reservation - 1e-9
                assert all(delegate.reply(int(o), float(t)).kind == "object" for o in below)


def test_hardheaded_with_beliefs_never_comes_down_from_its_opening_demand(space: OutcomeSpace) -> None:
    rng = np.random.default_rng(0)
    beliefs = Beliefs.start(landscape(space), np.random.default_rng(0))
    delegate = TimeBasedDelegate.for_seat(space, "PRK", "hardheaded", 0.9, beliefs)
    opening = delegate.threshold(0.0)
    others = range(1, len(space.seats))
    for k in range(30):
        objected = {j: int(rng.integers(len(space.issues))) for j in others}
        beliefs.observe(int(rng.integers(space.size)), k / 29, dict.fromkeys(others, "object"), objected)
        assert delegate.threshold(k / 29) >= opening - 1e-9


HARDHEADED_RUNS = [
    ("six-party", "PRK", "CHN", "mediator"),
    ("six-party", "PRK", "CHN", "hill-climb"),
    # seed 2 once went: floor 119 → 107 after draft 3, demand 182.02 → 180.82; it tabled and supported 181
    ("six-party", "PRK", "PRK", "mediator"),
    ("easy", "S1", "S0", "mediator"),
    ("easy", "S1", "S0", "hill-climb"),
    ("easy", "S0", "S0", "mediator"),
]


@pytest.mark.parametrize(("which", "hard", "chair_seat", "chair"), HARDHEADED_RUNS)
def test_a_hardheaded_delegate_never_supports_a_draft_below_its_opening_demand(
    space: OutcomeSpace,
    monkeypatch: pytest.MonkeyPatch,
    which: str,
    hard: str,
    chair_seat: str,
    chair: str,
) -> None:
    """In whole runs (only ``hard`` hardheaded, the others boulware), its every support is of a draft
    worth at least what it demanded at the start: its threshold at time 0 given its prior beliefs and its
    drawn starting level (the runner's delegates are recorded to read that level). A hardheaded seat in
    the chair is checked only under the mediator: the runner has any chair stand by its own drafts worth
    its reservation value, and the informed chairs table texts without asking its demand."""
    built: list[TimeBasedDelegate] = []
    original = runner.make_delegate

    def recording(*args: Any, **kwargs: Any) -> TimeBasedDelegate:
        made = original(*args, **kwargs)
        built.append(made)
        return made

    monkeypatch.setattr(runner, "make_delegate", recording)
    negotiation = space if which == "six-party" else easy_space(3, seats=4)
    analysis = analyse(negotiation)
    seat = negotiation.seat_index(hard)
    config = RunConfig(chair=chair, strategies={hard: "hardheaded"})  # type: ignore[arg-type]
    for seed in range(8):
        built.clear()
        result = runner.run_single_text(analysis, config, seed, chair_seat=chair_seat, keep_log=True)
        assert result.events is not None
        level = next(d for d in built if d.seat == hard).start
        prior = replayed_beliefs(negotiation, [], max_drafts=config.max_drafts, seed=seed)
        opening = TimeBasedDelegate.for_seat(negotiation, hard, "hardheaded", level, prior).threshold(0.0)
        draft = None
        for event in result.events:
            if isinstance(event, TableDraft):
                draft = negotiation.index_of_options(event.options)
            elif isinstance(event, Support) and event.seat == hard:
                assert draft is not None
                assert negotiation.utilities[seat, draft] >= opening - 1e-9, (seed, draft)


def test_an_opening_package_sets_the_starting_demand() -> None:
    space = easy_space(2, seats=3, radices=(3, 3, 3))
    utility = space.utility_of("S1")
    order = np.argsort(utility)
    package = space.describe(int(order[len(order) * 3 // 4]))  # a good package, not the best
    opened = replace(space, openings={"S1": package}, _memo={})
    for strategy in ("boulware", "linear", "hardheaded"):
        delegate = TimeBasedDelegate.for_seat(opened, "S1", strategy)  # type: ignore[arg-type]
        assert delegate.threshold(0.0) == pytest.approx(utility[space.index_of(package)])
        assert delegate.threshold(0.0) < delegate.best
        plain = TimeBasedDelegate.for_seat(space, "S1", strategy)  # type: ignore[arg-type]
        assert plain.threshold(0.0) == pytest.approx(plain.best)
    linear = TimeBasedDelegate.for_seat(opened, "S1", "linear")
    assert linear.threshold(1.0) == pytest.approx(linear.reservation)
    partial = replace(space, openings={"S1": {"i0": package["i0"]}}, _memo={})  # not a whole package
    assert TimeBasedDelegate.for_seat(partial, "S1", "linear").threshold(0.0) == pytest.approx(
        float(utility.max())
    )


def test_an_objection_never_asks_for_the_option_the_draft_already_has() -> None:
    """A hand-made sheet with an interaction: (lo, lo) is worth 5 to A, each single change 0, (hi, hi) 20."""
    space = OutcomeSpace(
        seats=("A", "B"),
        issues=("x", "y"),
        options=(("lo", "hi"), ("lo", "hi")),
        outcomes=enumerate_outcomes([2, 2]),
        utilities=np.array([[5.0, 0.0, 0.0, 20.0], [0.0, 5.0, 5.0, 0.0]]),
        reservations=np.array([1.0, 1.0]),
    )
    delegate = TimeBasedDelegate.for_seat(space, "A", "linear")
    for outcome in range(space.size):
        reply = delegate.reply(outcome, 0.0)
        if reply.kind == "object":
            assert reply.issue is not None
            assert reply.toward != space.describe(outcome)[reply.issue]


def test_it_proposes_nothing_when_no_outcome_beats_no_agreement() -> None:
    """Reservation 25 above A's best (20): no offer, rather than a deal worse than none."""
    from dataclasses import replace as evolve

    from hexatable.negotiate.space import toy_space

    space = toy_space()
    space = evolve(space, reservations=np.array([25.0, 2.0]), _memo={})
    delegate = TimeBasedDelegate.for_seat(space, "A", "linear")
    rng = np.random.default_rng(0)
    assert all(delegate.propose(t, rng) is None for t in (0.0, 0.5, 1.0))
    assert TimeBasedDelegate.for_seat(toy_space(), "A", "linear").propose(1.0, rng) is not None
