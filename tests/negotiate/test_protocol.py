"""The single-text protocol: consensus, objections, walk-outs, the deadline, illegal events, replay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.negotiate.protocol import (
    Amend,
    Close,
    Event,
    GoOn,
    IllegalEventError,
    Message,
    Object,
    Recess,
    Reserve,
    Resume,
    Return,
    Rules,
    State,
    Support,
    TableDraft,
    TimeUp,
    WalkOut,
    apply,
    event_from_dict,
    event_to_dict,
    replay,
    start,
)

AGENDA = (("hfo", ("none", "50kt")), ("step", ("freeze", "disable")))
RULES = Rules(seats=("CHN", "PRK", "USA"), chair="CHN", agenda=AGENDA, max_drafts=3)
DRAFT = TableDraft("CHN", ("50kt", "disable"))


def run(*events: Event, rules: Rules = RULES) -> State:
    return replay(rules, events)


def test_consensus_needs_every_seated_party() -> None:
    state = run(DRAFT, Support("CHN", 1), Support("PRK", 1))
    assert state.status == "open" and state.awaiting() == ["USA"]
    state = apply(state, Support("USA", 1))
    assert (state.status, state.agreement) == ("agreed", 1)


def test_an_objection_blocks_and_the_chair_revises() -> None:
    state = run(DRAFT, Support("CHN", 1), Object("PRK", 1, "step"), Support("USA", 1))
    assert state.status == "open"
    state = run(
        DRAFT,
        Support("CHN", 1),
        Object("PRK", 1, "step"),
        Support("USA", 1),
        TableDraft("CHN", ("50kt", "freeze")),
        Support("CHN", 2),
        Support("PRK", 2),
        Support("USA", 2),
    )
    assert (state.status, state.agreement) == ("agreed", 2)


def test_a_reservation_is_not_support() -> None:
    state = run(DRAFT, Support("CHN", 1), Reserve("PRK", 1), Support("USA", 1))
    assert state.status == "open"


def test_the_deadline_ends_the_talks() -> None:
    events: list[Event] = []
    for version in (1, 2, 3):
        events += [DRAFT, Support("CHN", version), Object("PRK", version, "hfo"), Support("USA", version)]
    state = run(*events)
    assert state.status == "failed" and "deadline" in state.reason
    with pytest.raises(IllegalEventError, match="the talks have ended"):
        apply(state, DRAFT)


def test_walk_out_continues_or_fails_by_rule() -> None:
    state = run(DRAFT, Support("CHN", 1), WalkOut("PRK"), Support("USA", 1))
    assert (state.status, state.walked_out) == ("agreed", ("PRK",))
    failing = Rules(seats=RULES.seats, chair="CHN", agenda=AGENDA, walk_out="fail")
    state = run(DRAFT, WalkOut("PRK"), rules=failing)
    assert state.status == "failed" and state.reason == "'PRK' walked out"
    assert run(WalkOut("CHN")).reason == "the chair walked out"
    assert run(WalkOut("PRK"), WalkOut("USA")).reason == "fewer than two parties remain at the table"


def test_return_brings_a_party_back_to_answer() -> None:
    state = run(DRAFT, WalkOut("PRK"), Return("PRK"), Support("CHN", 1), Support("USA", 1))
    assert state.status == "open" and state.awaiting() == ["PRK"]
    assert apply(state, Support("PRK", 1)).status == "agreed"


@pytest.mark.parametrize(
    ("events", "bad", "reason"),
    [
        ((), Support("PRK", 1), "no draft has been tabled yet"),
        ((), TableDraft("PRK", ("50kt", "disable")), "only the chair 'CHN' tables drafts, not 'PRK'"),
        ((DRAFT,), Support("PRK", 2), "version 2 does not exist (the current version is 1)"),
        ((DRAFT,), Support("JPN", 1), "seat 'JPN' is not in this session"),
        ((DRAFT,), Object("PRK", 1, "lwr"), "issue 'lwr' is not on the agenda"),
        ((DRAFT,), DRAFT, "version 1 still awaits answers from CHN, PRK, USA"),
        ((DRAFT, WalkOut("PRK")), Support("PRK", 1), "'PRK' has walked out; it must return before acting"),
        ((DRAFT,), Return("PRK"), "'PRK' is already at the table"),
        ((), TableDraft("CHN", ("1mt", "disable")), "issue 'hfo' has no option '1mt'"),
        ((), TableDraft("CHN", ("50kt",)), "a draft needs one option for each of the 2 issues"),
        ((), Close("USA"), "only the chair 'CHN' may close the talks"),
        (
            (DRAFT, Support("CHN", 1), Support("PRK", 1), Object("USA", 1, "hfo"), DRAFT),
            Support("USA", 1),
            "version 1 is superseded; answer version 2",
        ),
    ],
)
def test_illegal_events_are_rejected_with_a_reason_and_change_nothing(
    events: tuple[Event, ...], bad: Event, reason: str
) -> None:
    state = run(*events)
    before = (state.drafts, dict(state.responses), state.seated, state.status, state.steps)
    with pytest.raises(IllegalEventError) as caught:
        apply(state, bad)
    assert str(caught.value) == reason
    assert (state.drafts, dict(state.responses), state.seated, state.status, state.steps) == before


def test_messages_change_nothing_but_the_step_count() -> None:
    state = run(DRAFT, Message("PRK", "We need an assurance first."))
    assert state.drafts == run(DRAFT).drafts and state.steps == 2


events_strategy = st.lists(
    st.one_of(
        st.builds(
            TableDraft,
            st.sampled_from(["CHN", "PRK"]),
            st.tuples(st.sampled_from(["none", "50kt"]), st.sampled_from(["freeze", "disable"])),
        ),
        st.builds(Support, st.sampled_from(RULES.seats), st.integers(0, 3)),
        st.builds(
            Object, st.sampled_from(RULES.seats), st.integers(0, 3), st.sampled_from(["hfo", "step", "x"])
        ),
        st.builds(Reserve, st.sampled_from(RULES.seats), st.integers(0, 3)),
        st.builds(WalkOut, st.sampled_from(RULES.seats)),
        st.builds(Return, st.sampled_from(RULES.seats)),
        st.builds(Recess, st.sampled_from(RULES.seats)),
        st.builds(Resume, st.sampled_from(RULES.seats)),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(events_strategy)
def test_any_sequence_either_applies_or_is_refused_and_replay_reproduces(events: list[Event]) -> None:
    state = start(RULES)
    accepted: list[Event] = []
    for event in events:
        try:
            state = apply(state, event)
        except IllegalEventError:
            continue
        accepted.append(event)
        assert event_from_dict(event_to_dict(event)) == event
    assert replay(RULES, accepted) == state
    assert state.status in ("open", "agreed", "failed")
    if state.status == "agreed":
        assert all(isinstance(state.responses[s], Support) for s in state.seated)


def test_event_from_dict_rejects_malformed_data() -> None:
    with pytest.raises(ValueError, match="unknown event type 'vote'"):
        event_from_dict({"type": "vote", "seat": "CHN"})
    with pytest.raises(ValueError, match="malformed support event"):
        event_from_dict({"type": "support", "seat": "CHN"})


def test_recess_suspends_the_talks_until_the_chair_resumes() -> None:
    state = run(DRAFT, Recess("CHN"))
    assert state.in_recess and state.round == 1
    with pytest.raises(IllegalEventError, match="the talks are in recess; the chair 'CHN' must resume"):
        apply(state, Support("PRK", 1))
    assert apply(state, Message("USA", "consulting the capital")).in_recess
    resumed = apply(state, Resume("CHN"))
    assert (resumed.in_recess, resumed.round) == (False, 2)
    assert apply(resumed, Support("PRK", 1)).responses["PRK"] == Support("PRK", 1)
    with pytest.raises(IllegalEventError, match="only the chair 'CHN' may call a recess"):
        apply(resumed, Recess("USA"))
    with pytest.raises(IllegalEventError, match="the talks are not in recess"):
        apply(resumed, Resume("CHN"))
    with pytest.raises(IllegalEventError, match="already in recess"):
        apply(state, Recess("CHN"))


def test_amendments_are_proposals_to_the_current_draft() -> None:
    state = run(DRAFT, Amend("PRK", 1, {"step": "freeze"}))
    assert state.amendments == {"PRK": {"step": "freeze"}} and state.responses == {}
    for bad, reason in [
        (Amend("USA", 2, {"step": "freeze"}), "version 2 is not the current draft (1)"),
        (Amend("USA", 1, {"step": "disable"}), "the draft already has 'disable' on issue 'step'"),
        (Amend("USA", 1, {"lwr": "provide"}), "issue 'lwr' is not on the agenda"),
        (Amend("USA", 1, {"hfo": "1mt"}), "issue 'hfo' has no option '1mt'"),
        (Amend("USA", 1, {}), "an amendment changes at least one issue"),
    ]:
        with pytest.raises(IllegalEventError) as caught:
            apply(state, bad)
        assert str(caught.value) == reason
    redrafted = apply(
        apply(apply(apply(state, Support("CHN", 1)), Object("PRK", 1, "step")), Support("USA", 1)),
        TableDraft("CHN", ("50kt", "freeze")),
    )
    assert redrafted.amendments == {}
    assert event_from_dict(event_to_dict(Amend("PRK", 1, {"step": "freeze"}))) == Amend(
        "PRK", 1, {"step": "freeze"}
    )


# --- the walk-out vote --------------------------------------------------------------------------

VOTE = Rules(seats=("CHN", "PRK", "USA", "JPN"), chair="CHN", agenda=AGENDA, max_drafts=3, walk_out="vote")
PENDING = "'PRK' walked out; CHN, USA, JPN must first say whether they go on"


def test_a_walk_out_under_vote_asks_every_seat_still_at_the_table() -> None:
    state = run(DRAFT, Support("CHN", 1), WalkOut("PRK"), rules=VOTE)
    assert state.status == "open" and state.vote == frozenset({"CHN", "USA", "JPN"})
    assert state.walked_out == ("PRK",)


def test_only_the_seats_asked_may_answer_whether_they_go_on() -> None:
    with pytest.raises(IllegalEventError, match="'CHN' is not asked whether to go on"):
        run(DRAFT, GoOn("CHN", True), rules=VOTE)  # nobody has walked out
    with pytest.raises(IllegalEventError, match="'CHN' is not asked whether to go on"):
        run(DRAFT, WalkOut("PRK"), GoOn("CHN", True), rules=RULES)  # rule "continue": no vote
    state = run(DRAFT, WalkOut("PRK"), GoOn("CHN", True), rules=VOTE)
    assert state.vote == frozenset({"USA", "JPN"})
    with pytest.raises(IllegalEventError, match="'CHN' is not asked whether to go on"):
        apply(state, GoOn("CHN", True))  # it has answered
    with pytest.raises(IllegalEventError, match="'PRK' has walked out; it must return before acting"):
        apply(state, GoOn("PRK", True))  # the one that left is not asked
    with pytest.raises(IllegalEventError, match="go_on: true or false"):
        apply(state, GoOn("USA", "yes"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "refused",
    [
        TableDraft("CHN", ("none", "freeze")),
        Support("USA", 1),
        Object("USA", 1, "hfo"),
        Reserve("USA", 1),
        Amend("USA", 1, {"hfo": "none"}),
        Recess("CHN"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_while_a_vote_is_pending_only_walk_outs_messages_closes_and_the_clock_are_allowed(
    refused: Event,
) -> None:
    state = run(DRAFT, Support("CHN", 1), WalkOut("PRK"), rules=VOTE)
    before = (state.drafts, dict(state.responses), state.seated, state.status, state.steps, state.vote)
    with pytest.raises(IllegalEventError) as caught:
        apply(state, refused)
    assert str(caught.value) == PENDING
    assert (
        state.drafts,
        dict(state.responses),
        state.seated,
        state.status,
        state.steps,
        state.vote,
    ) == before
    assert apply(state, Message("USA", "we are consulting")).vote == state.vote
    assert apply(state, Close("CHN")).status == "failed"
    assert apply(state, TimeUp("CHN")).reason == "time ran out"
    assert apply(state, WalkOut("USA")).walked_out == ("PRK", "USA")


def test_resuming_waits_for_the_vote_too() -> None:
    state = run(DRAFT, Recess("CHN"), WalkOut("PRK"), rules=VOTE)
    with pytest.raises(IllegalEventError) as caught:
        apply(state, Resume("CHN"))
    assert str(caught.value) == PENDING


def test_the_return_of_the_party_that_left_cancels_the_vote() -> None:
    state = run(DRAFT, Support("CHN", 1), WalkOut("PRK"), GoOn("USA", True), Return("PRK"), rules=VOTE)
    assert state.vote == frozenset() and state.status == "open" and state.returns == 1
    state = apply(apply(apply(state, Support("PRK", 1)), Support("USA", 1)), Support("JPN", 1))
    assert (state.status, state.agreement) == ("agreed", 1)


def test_the_return_of_an_earlier_absentee_does_not_cancel_the_vote() -> None:
    state = run(
        DRAFT,
        WalkOut("PRK"),
        GoOn("CHN", True),
        GoOn("USA", True),
        GoOn("JPN", True),
        WalkOut("USA"),
        Return("PRK"),
        rules=VOTE,
    )
    assert state.vote == frozenset({"CHN", "JPN"})  # the vote is on going on without USA


def test_a_vote_against_going_on_fails_the_talks_naming_both() -> None:
    state = run(DRAFT, WalkOut("PRK"), GoOn("CHN", True), GoOn("USA", False), rules=VOTE)
    assert state.status == "failed" and state.vote == frozenset()
    assert state.reason == "'PRK' walked out and 'USA' would not go on without it"
    with pytest.raises(IllegalEventError, match="the talks have ended"):
        apply(state, GoOn("JPN", True))


def test_when_all_go_on_the_answers_given_before_the_walk_out_can_make_consensus() -> None:
    state = run(DRAFT, Support("CHN", 1), Support("USA", 1), Support("JPN", 1), WalkOut("PRK"), rules=VOTE)
    assert state.status == "open"  # no consensus while the vote is pending
    state = apply(apply(state, GoOn("CHN", True)), GoOn("USA", True))
    assert state.status == "open"
    state = apply(state, GoOn("JPN", True))
    assert (state.status, state.agreement, state.seated) == ("agreed", 1, frozenset({"CHN", "USA", "JPN"}))


def test_a_second_walk_out_during_a_vote_asks_everyone_again_about_everyone_away() -> None:
    """A review found the first question dropped: now everyone still seated is asked again, about all
    the parties away, and a refusal names them all."""
    state = run(DRAFT, WalkOut("PRK"), GoOn("CHN", True), WalkOut("USA"), rules=VOTE)
    assert state.vote == {"CHN", "JPN"}
    refused = apply(state, GoOn("JPN", False))
    assert refused.status == "failed" and "'PRK', 'USA'" in refused.reason and "'JPN'" in refused.reason


vote_events = st.lists(
    st.one_of(
        st.builds(
            TableDraft,
            st.sampled_from(["CHN", "PRK"]),
            st.tuples(st.sampled_from(["none", "50kt"]), st.sampled_from(["freeze", "disable"])),
        ),
        st.builds(Support, st.sampled_from(VOTE.seats), st.integers(1, 3)),
        st.builds(Object, st.sampled_from(VOTE.seats), st.integers(1, 3), st.sampled_from(["hfo", "step"])),
        st.builds(WalkOut, st.sampled_from(VOTE.seats)),
        st.builds(Return, st.sampled_from(VOTE.seats)),
        st.builds(GoOn, st.sampled_from(VOTE.seats), st.booleans()),
        st.builds(Recess, st.just("CHN")),
        st.builds(Resume, st.just("CHN")),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(vote_events)
def test_under_the_vote_rule_any_sequence_keeps_the_vote_honest(events: list[Event]) -> None:
    state = start(VOTE)
    accepted: list[Event] = []
    for event in events:
        pending = state.vote
        try:
            after = apply(state, event)
        except IllegalEventError:
            continue
        if pending:
            assert isinstance(event, WalkOut | Message | Close | TimeUp | GoOn | Return)
        if isinstance(event, GoOn) and not event.go_on:
            assert after.status == "failed" and f"'{event.seat}' would not go on" in after.reason
        if after.status == "agreed":
            assert not after.vote
            assert all(isinstance(after.responses[s], Support) for s in after.seated)
        state = after
        accepted.append(event)
        assert event_from_dict(event_to_dict(event)) == event
    assert replay(VOTE, accepted) == state
    if state.status == "open":
        assert state.vote <= state.seated
