"""Alternating offers, side rooms, top-down and bottom-up: rules, phases and outcomes."""

from __future__ import annotations

import numpy as np
import pytest
from tests.negotiate.spaces import easy_space

from hexatable.case import open_case
from hexatable.negotiate.alternating import (
    Accept,
    EndTalks,
    OfferEvent,
    OfferRules,
    Propose,
    apply_offer,
    replay_offers,
)
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.batch import simulate, summarise
from hexatable.negotiate.mechanisms import (
    Phase,
    headline_issues,
    mechanism_phases,
    run_negotiation,
    run_phased,
    side_room_pair,
)
from hexatable.negotiate.protocol import IllegalEventError
from hexatable.negotiate.runner import RunConfig
from hexatable.negotiate.space import build_space, restricted, toy_space

RULES = OfferRules(seats=("A", "B", "C"), agenda=(("x", ("lo", "hi")),), max_rounds=2)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(build_space(open_case("six-party-talks"), "six-party-2007"))


# --- alternating offers -------------------------------------------------------------------------


def test_an_offer_is_agreed_when_every_other_party_accepts_it_in_turn() -> None:
    state = replay_offers(RULES, [Propose("A", ("hi",)), Accept("B", 1), Accept("C", 1)])
    assert (state.status, state.agreement) == ("agreed", 1)


def test_a_counter_offer_resets_the_acceptances() -> None:
    state = replay_offers(
        RULES, [Propose("A", ("hi",)), Accept("B", 1), Propose("C", ("lo",)), Accept("A", 2)]
    )
    assert state.status == "open" and state.accepted == frozenset({"C", "A"}) and state.turn_seat == "B"


def test_the_deadline_counts_rounds() -> None:
    events = [Propose(s, ("hi",)) for s in ("A", "B", "C", "A", "B", "C")]
    state = replay_offers(RULES, events)
    assert state.status == "failed" and "2 rounds" in state.reason


@pytest.mark.parametrize(
    ("events", "bad", "reason"),
    [
        ((), Propose("B", ("hi",)), "it is A's turn, not B's"),
        ((), Accept("A", 1), "there is no offer to accept yet"),
        ((Propose("A", ("hi",)),), Accept("B", 2), "offer 2 is not the standing offer (1)"),
        ((), Propose("A", ("mid",)), "issue 'x' has no option 'mid'"),
        ((), Propose("Z", ("hi",)), "seat 'Z' is not in this session"),
        ((EndTalks("A"),), Propose("B", ("hi",)), "the talks have ended (failed: 'A' ended the talks)"),
    ],
)
def test_illegal_offers_are_rejected_and_change_nothing(
    events: tuple[OfferEvent, ...], bad: OfferEvent, reason: str
) -> None:
    state = replay_offers(RULES, events)
    with pytest.raises(IllegalEventError) as caught:
        apply_offer(state, bad)
    assert str(caught.value) == reason
    assert replay_offers(RULES, events) == state


def test_alternating_offers_agree_less_the_more_the_delegates_hold_out(analysis: Analysis) -> None:
    """``resolve`` 0: delegates concede to their reservation values, and six linear conceders find a
    deal; holding out for what each expects the others can give makes deals rarer."""
    rates = []
    for resolve in (0.0, 0.5, 1.0):
        config = RunConfig(mechanism="alternating-offers", default="linear", resolve=resolve)
        summary = summarise(analysis, config, simulate(analysis, config, runs=40, chair_seat="CHN"))
        rates.append(summary.agreement_rate)
    assert rates[0] >= 0.8
    assert rates[0] >= rates[1] >= rates[2]
    config = RunConfig(mechanism="alternating-offers", default="linear")
    again = run_negotiation(analysis, config, 3, keep_log=True)
    assert again == run_negotiation(analysis, config, 3, keep_log=True)
    assert again.events is not None
    rules = OfferRules(
        _turn_order(again.events, analysis),
        tuple(zip(analysis.space.issues, analysis.space.options, strict=True)),
        max_rounds=config.max_drafts,
    )
    final = replay_offers(rules, again.events)
    assert final.status == again.status and len(final.offers) == again.drafts


def _turn_order(events: tuple[object, ...], analysis: Analysis) -> tuple[str, ...]:
    """The seats in turn order, starting from the first mover of the log."""
    first = events[0].seat
    seats = analysis.space.seats
    start = seats.index(first)
    return seats[start:] + seats[:start]


# --- restricted spaces --------------------------------------------------------------------------


def test_restricted_space_is_the_mean_over_undecided_issues(analysis: Analysis) -> None:
    space = analysis.space
    everything = restricted(space, {}, space.issues)
    assert np.array_equal(everything.utilities, space.utilities)
    fixed = {"prk-step": "disable", "sanctions": "partial"}
    phase = restricted(space, fixed, ["hfo"], ["PRK", "USA"])
    assert phase.seats == ("PRK", "USA") and phase.issues == ("hfo",)
    rows = [space.seat_index("PRK"), space.seat_index("USA")]
    for option_index, option in enumerate(space.options[space.issues.index("hfo")]):
        mask = np.ones(space.size, dtype=bool)
        for issue, chosen in {**fixed, "hfo": option}.items():
            column = space.issues.index(issue)
            mask &= space.outcomes[:, column] == space.options[column].index(chosen)
        assert np.allclose(phase.utilities[:, option_index], space.utilities[rows][:, mask].mean(axis=1))


def test_toy_restriction() -> None:
    assert restricted(toy_space(), {"y": "lo"}, ["x"]).utilities.tolist() == [[0.0, 10.0], [10.0, 5.0]]


# --- phased mechanisms --------------------------------------------------------------------------


def test_default_phases_follow_the_sheets(analysis: Analysis) -> None:
    space = analysis.space
    assert "prk-step" in headline_issues(space)
    assert set(side_room_pair(space, "CHN")) == {"PRK", "USA"}
    top_down = mechanism_phases("top-down", space, "CHN")
    bottom_up = mechanism_phases("bottom-up", space, "CHN")
    assert [p.name for p in top_down] == ["leaders", "working groups"]
    assert [p.name for p in bottom_up] == ["working groups", "leaders"]
    assert set(top_down[0].issues) | set(top_down[1].issues) == set(space.issues)


def test_the_plenary_keeps_what_the_side_room_agreed(analysis: Analysis) -> None:
    space = analysis.space
    config = RunConfig(
        chair="hill-climb",
        mechanism="bilateral-track",
        side_room=("USA", "PRK"),
        side_issues=("terrorism-list",),
    )
    for seed in range(10):
        result = run_negotiation(analysis, config, seed, chair_seat="CHN", keep_log=True)
        side, plenary = result.phases
        # the talks' chair sits in the side room as mediator (the review found the DPRK chairing it)
        assert side.seats == ("PRK", "USA", "CHN") and side.chair == "CHN"
        assert side.issues == ("terrorism-list",)
        if side.agreed is not None and result.agreement is not None:
            assert "terrorism-list" not in plenary.issues
            assert space.describe(result.agreement)["terrorism-list"] == side.agreed["terrorism-list"]
        elif side.agreed is None:
            assert "terrorism-list" in plenary.issues


def test_a_failed_required_phase_ends_the_talks(analysis: Analysis) -> None:
    # Leaders who never concede and never reach the deadline's last draft cannot agree on anything.
    phases = (Phase("leaders", ("prk-step",), seats=("PRK", "USA")), Phase("working groups", ("hfo",)))
    config = RunConfig(chair="hill-climb", default="hardheaded", max_drafts=1, jitter=0.0)
    result = run_phased(analysis, phases, config, 1, chair_seat="CHN")
    assert result.status == "failed" and result.reason.startswith("leaders:")
    assert len(result.phases) == 1 and result.gains == (0.0,) * 6


@pytest.mark.parametrize("mechanism", ["single-text", "bilateral-track", "top-down", "bottom-up"])
@pytest.mark.parametrize("space_seed", [0, 1, 2])
def test_every_mechanism_finds_a_deal_in_a_wide_zone_of_agreement(mechanism: str, space_seed: int) -> None:
    """On synthetic spaces with a wide zone of agreement, accurate beliefs and delegates that concede to
    their reservation values, the mediator and every phasing should nearly always agree (the built-in
    scenarios' rates are results, reported in docs/negotiate.md, not tested)."""
    analysis = analyse(easy_space(space_seed, seats=4))
    config = RunConfig(mechanism=mechanism, beliefs="accurate", resolve=0.0)  # type: ignore[arg-type]
    results = [run_negotiation(analysis, config, seed, chair_seat="S0") for seed in range(20)]
    assert sum(r.status == "agreed" for r in results) >= 16
    assert all(min(r.gains) >= -1e-9 for r in results if r.status == "agreed")


def test_each_phase_replays_from_its_own_log(analysis: Analysis) -> None:
    from hexatable.negotiate.protocol import Rules, replay

    space = analysis.space
    config = RunConfig(chair="hill-climb", mechanism="top-down")
    result = run_negotiation(analysis, config, 8, chair_seat="CHN", keep_log=True)
    for phase in result.phases:
        agenda = tuple((i, space.options[space.issues.index(i)]) for i in phase.issues)
        rules = Rules(seats=phase.seats, chair=phase.chair, agenda=agenda, max_drafts=config.max_drafts)
        state = replay(rules, phase.events)
        assert state.status == phase.status and state.version == phase.drafts
        if phase.agreed is not None:
            assert dict(zip(phase.issues, state.drafts[-1], strict=True)) == phase.agreed


def test_the_scenario_can_send_the_two_leaders_into_the_side_room_alone() -> None:
    """hanoi-2019 declares ``side_room_chair: USA``: the side room is the pair alone, chaired by the US
    (the engine once dropped the field and seated the ROK as mediator)."""
    space = build_space(open_case("six-party-talks"), "hanoi-2019")
    side, _ = mechanism_phases("bilateral-track", space, "KOR", side_room=("USA", "PRK"))
    assert side.seats == ("USA", "PRK") and side.chair == "USA"


def test_red_lines_are_public_every_model_rejects_a_text_lacking_one() -> None:
    from hexatable.negotiate.beliefs import Beliefs, landscape

    space = build_space(open_case("six-party-talks"), "hanoi-2019")
    land = landscape(space)
    beliefs = Beliefs.start(land, np.random.default_rng(0))
    for seat, lines in space.red_lines.items():
        s = space.seat_index(seat)
        for issue, wanted in lines.items():
            column = space.issues.index(issue)
            lacking = ~np.isin(
                [space.options[column][o] for o in space.outcomes[land.shortlist, column]], wanted
            )
            assert (land.forbidden[s] == lacking).all() or lines.keys() != {issue}
            assert (land.forbidden[s] >= lacking).all()
        for holder in range(len(space.seats)):
            if holder != s:
                assert (beliefs.acceptance(holder, 1.0)[s][land.forbidden[s]] == 0).all()
