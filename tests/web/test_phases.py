"""The room's other mechanisms: top-down, bottom-up and the bilateral track, phase after phase, and
stacked alternating offers."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from hexatable.negotiate import belief_replay
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.mechanisms import (
    headline_issues,
    phase_seed,
    phases_for,
    run_phased,
    side_room_issues,
    side_room_pair,
)
from hexatable.negotiate.protocol import TableDraft, event_to_dict
from hexatable.negotiate.runner import MechanismName, RunConfig
from hexatable.negotiate.talks import TalksState
from hexatable.services.room import service as room_service
from hexatable.services.room.service import Identity, RoomService
from hexatable.web.app import create_app
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import SPACE, act, create, view


def support_everything(client: TestClient, created: dict[str, Any], rounds: int = 60) -> dict[str, Any]:
    """People who support every draft they are asked about (the AI seats and chair do the bargaining)."""
    tokens = created["seat_tokens"]
    anyone = next(iter(tokens.values()))
    for _ in range(rounds):
        current = view(client, created["id"], anyone)
        if current["session"]["status"] != "open" or not set(current["awaiting"]) & set(tokens):
            return current
        for seat in set(current["awaiting"]) & set(tokens):
            event = {"type": "support", "version": current["session"]["version"]}
            assert act(client, created["id"], tokens[seat], event).status_code == 200
    return view(client, created["id"], anyone)


def test_top_down_settles_the_headline_issues_first_then_the_rest(client: TestClient) -> None:
    created = create(client, mechanism="top-down")
    first = view(client, created["id"], created["seat_tokens"]["PRK"])
    phase = first["session"]["phase"]
    headline = list(headline_issues(SPACE))
    assert (phase["number"], phase["count"], phase["name"], phase["issues"]) == (1, 2, "leaders", headline)
    standing = {item["issue"]: item["standing"] for item in first["agenda"]}
    assert {i for i, s in standing.items() if s == "open"} == set(headline)
    assert set(first["drafts"][-1]["options"]) == set(headline)  # later issues are not in the draft yet

    final = support_everything(client, created)
    session = final["session"]
    assert session["status"] == "agreed" and session["reason"] == "every phase agreed"
    assert [p["name"] for p in session["phases"]] == ["leaders", "working groups"]
    assert set(final["settled"]) == set(SPACE.issues)
    assert final["debrief"]["agreement"] == final["settled"]
    # The last phase's drafts are whole packages: the headline issues are held as settled.
    last = final["drafts"][-1]["options"]
    assert {i: last[i] for i in headline} == {i: final["settled"][i] for i in headline}
    assert len(final["own"]["scores"]) == len(final["drafts"])
    # The debrief's path of drafts runs through both phases, each draft a package of its time.
    path = final["debrief"]["path"]
    assert path[0]["phase"] == "leaders" and path[-1]["phase"] == "working groups"
    assert path[-1]["options"] == final["settled"]
    leaders = [d for d in path if d["phase"] == "leaders"]
    assert all(set(d["options"]) == set(headline) for d in leaders)


def test_a_seat_outside_the_side_room_waits_for_the_plenary(client: TestClient) -> None:
    pair = side_room_pair(SPACE, "CHN")
    outsider = next(s for s in ("JPN", "KOR", "RUS") if s not in pair)
    created = create(client, people=(*pair, "CHN", outsider), mechanism="bilateral-track")
    session, tokens = created["id"], created["seat_tokens"]
    first = view(client, session, tokens[outsider])
    phase = first["session"]["phase"]
    # the talks' chair sits in the side room as mediator and drafts there
    room = [s for s in SPACE.seats if s in (*pair, "CHN")]
    assert phase["seats"] == room and first["session"]["chair"] == "CHN"
    assert phase["issues"] == list(side_room_issues(SPACE, pair))

    # The side room's chair is a person: it tables the draft, and nobody else at the table may answer.
    options = [SPACE.options[SPACE.issues.index(i)][0] for i in phase["issues"]]
    assert act(client, session, tokens["CHN"], {"type": "table_draft", "options": options}).status_code == 200
    refused = act(client, session, tokens[outsider], {"type": "support", "version": 1})
    assert refused.status_code == 409
    for seat in room:
        assert act(client, session, tokens[seat], {"type": "support", "version": 1}).status_code == 200

    plenary = view(client, session, tokens[outsider])
    assert plenary["session"]["phase"]["name"] == "plenary"
    assert plenary["session"]["phases"] == [
        {
            "name": f"side room {pair[0]}–{pair[1]}",
            "issues": phase["issues"],
            "status": "agreed",
            "reason": "consensus of every seated party",
        }
    ]
    assert plenary["settled"] == dict(zip(phase["issues"], options, strict=True))
    assert plenary["session"]["chair"] == "CHN"


def test_the_form_offers_the_mechanisms_in_both_languages(client: TestClient) -> None:
    home = client.get("/", params={"token": INSTRUCTOR, "lang": "zh"})
    assert "自上而下" in home.text and 'value="bottom-up"' in home.text and "轮流出价" in home.text
    made = client.post(
        "/sessions",
        data={"scenario": "six-party-talks/six-party-2007", "seat_PRK": "person", "mechanism": "bottom-up"},
    )
    assert made.status_code == 200
    sessions = client.get("/api/sessions", headers=bearer(INSTRUCTOR)).json()
    room = client.get(f"/room/{sessions[-1]['id']}", params={"token": INSTRUCTOR, "lang": "en"})
    assert "Phase 1 of 2" in room.text and "working groups" in room.text
    room = client.get(f"/room/{sessions[-1]['id']}", params={"token": INSTRUCTOR, "lang": "zh"})
    assert "第1阶段（共2个）" in room.text and "工作组" in room.text


def test_a_restart_in_the_second_phase_resumes_it(engine: Engine) -> None:
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as first:
        created = create(first, mechanism="bottom-up")
        session, prk = created["id"], created["seat_tokens"]["PRK"]
        for _ in range(60):  # support until the second phase opens
            current = view(first, session, prk)
            if current["session"]["phase"]["number"] == 2 or current["session"]["status"] != "open":
                break
            support_everything(first, created, rounds=1)
        before = view(first, session, prk)
        assert before["session"]["phase"]["name"] == "leaders" and before["session"]["status"] == "open"
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as restarted:
        assert view(restarted, session, prk) == before
        final = support_everything(restarted, created)
    assert final["session"]["status"] == "agreed"
    assert [p["name"] for p in final["session"]["phases"]] == ["working groups", "leaders"]


def accept_everything(client: TestClient, created: dict[str, Any], turns: int = 400) -> dict[str, Any]:
    """People who accept any standing offer on their turn and open with the first options if none stands."""
    tokens = created["seat_tokens"]
    anyone = next(iter(tokens.values()))
    for _ in range(turns):
        current = view(client, created["id"], anyone)
        turn = current["session"]["turn"]
        if current["session"]["status"] != "open" or turn not in tokens:
            return current
        if current["drafts"]:
            event = {"type": "accept", "offer": current["session"]["version"]}
        else:
            event = {"type": "propose", "options": [o[0] for o in SPACE.options]}
        assert act(client, created["id"], tokens[turn], event).status_code == 200, event
    return view(client, created["id"], anyone)


def test_alternating_offers_people_and_ai_seats_take_turns(engine: Engine) -> None:
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as first:
        created = create(first, mechanism="alternating-offers", max_drafts=8)
        session, tokens = created["id"], created["seat_tokens"]
        opening = view(first, session, tokens["PRK"])
        assert opening["session"]["chair"] is None and opening["session"]["turn"] in tokens
        waiting = next(seat for seat in tokens if seat != opening["session"]["turn"])
        out_of_turn = act(
            first, session, tokens[waiting], {"type": "propose", "options": [o[0] for o in SPACE.options]}
        )
        assert out_of_turn.status_code == 409 and "turn" in out_of_turn.json()["detail"]
        mid = accept_everything(first, created, turns=3)
        log = first.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
        assert {e["type"] for e in log} <= {"propose", "accept", "end"}
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as restarted:
        assert view(restarted, session, tokens["PRK"]) == mid
        final = accept_everything(restarted, created)
    assert final["session"]["status"] in ("agreed", "failed")
    if final["session"]["status"] == "agreed":
        assert final["session"]["reason"] == "every party accepted"
        assert final["debrief"]["agreement"] == final["drafts"][-1]["options"]
        assert set(final["accepted"]) == set(SPACE.seats)
    else:
        assert final["session"]["reason"] == "no agreement by the deadline (8 rounds)"
    scores = final["own"]["scores"]
    assert len(scores) == len(final["drafts"])
    prk = SPACE.utility_of(next(iter(tokens)))
    assert scores == [float(prk[SPACE.index_of(d["options"])]) for d in final["drafts"]]


def test_alternating_ai_seats_hold_out_on_what_they_learnt(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The room's AI seats in alternating offers are the simulator's delegates: built with the beliefs
    learnt from the log's turns, so their floor follows their believed Nash point, not their bottom line
    alone (before, they were built without beliefs)."""
    from hexatable.negotiate.offer_learning import OfferBeliefs

    built: list[object] = []
    real = room_service.make_delegate

    def recording(*args: Any, **kwargs: Any) -> Any:
        built.append(kwargs.get("beliefs"))
        return real(*args, **kwargs)

    monkeypatch.setattr(room_service, "make_delegate", recording)
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as client:
        created = create(client, mechanism="alternating-offers", max_drafts=8)
        accept_everything(client, created, turns=4)
    assert built, "no AI seat took a turn"
    assert all(isinstance(beliefs, OfferBeliefs) for beliefs in built)


def test_the_instructor_and_the_clock_end_alternating_offers(client: TestClient) -> None:
    created = create(client, mechanism="alternating-offers")
    closed = act(client, created["id"], INSTRUCTOR, {"type": "close"})
    assert closed.status_code == 200
    final = view(client, created["id"], created["observer_token"])
    assert (final["session"]["status"], final["session"]["reason"]) == ("failed", "the talks were closed")
    assert final["debrief"]["agreement"] is None
    again = act(client, created["id"], INSTRUCTOR, {"type": "close"})
    assert again.status_code == 409 and "the talks have ended" in again.json()["detail"]


def simulator_seed(seed: int, room: object, number: int) -> int:
    """The simulator's seed of phase ``number`` in place of the room's (drawn from the session id)."""
    return phase_seed(seed, number)


def rounds(events: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
    """A log as its rounds: each draft with every seat's answer to it (in whatever order they came)."""
    found: list[tuple[dict[str, Any], dict[str, dict[str, Any]]]] = []
    for event in events:
        event = {k: v for k, v in event.items() if k != "seq"}
        if event["type"] == "table_draft":
            found.append((event, {}))
        else:
            found[-1][1][event["seat"]] = event
    return found


@pytest.mark.parametrize("people", [(), ("PRK",)], ids=["all-ai", "PRK-person"])
@pytest.mark.parametrize("mechanism", ["single-text", "top-down", "bottom-up", "bilateral-track"])
def test_the_rooms_ai_seats_answer_phase_after_phase_as_the_simulators_delegates(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, mechanism: MechanismName, people: tuple[str, ...]
) -> None:
    """With the simulator's seed per phase (the room's is drawn from the session id), the room's AI chair
    tables the simulator's drafts and its AI seats give the simulator's answers, in every phase: the
    beliefs learnt in one phase go on into the next in both. A person in a seat answers what the
    simulator's delegate answered. Expected: the simulator's own log (mediator chair, boulware seats, no
    jitter of the opening demands: the room's AI seats open at their best)."""
    analysis = analyse(SPACE)
    config = RunConfig(mechanism=mechanism, jitter=0.0, max_drafts=20, walk_out="vote")
    for seed in (0, 1):
        monkeypatch.setattr(room_service, "_phase_seed", partial(simulator_seed, seed))
        phases = phases_for(analysis, config, "CHN")
        result = run_phased(analysis, phases, config, seed, chair_seat="CHN", keep_log=True)
        simulated = [event_to_dict(e) for record in result.phases for e in record.events]
        assert sum(e["type"] == "table_draft" for e in simulated) > len(result.phases)  # rounds to learn from
        answers = {
            (phase, event["version"]): event
            for phase, record in enumerate(result.phases)
            for event in (event_to_dict(e) for e in record.events)
            if event.get("seat") in people and event["type"] != "table_draft"
        }
        created = create(client, people=people, mechanism=mechanism, chair_strategy="mediator")
        for _ in range(200):  # the people answer as the simulator's delegates did
            current = view(client, created["id"], created["observer_token"])
            session = current["session"]
            waiting = set(current["awaiting"]) & set(people)
            if session["status"] != "open" or not waiting:
                break
            for seat in waiting:
                answer = answers[(len(session["phases"]), session["version"])]
                move = {k: v for k, v in answer.items() if k != "seat"}
                assert act(client, created["id"], created["seat_tokens"][seat], move).status_code == 200
        logged = client.get(f"/api/sessions/{created['id']}/log", headers=bearer(INSTRUCTOR)).json()
        assert rounds(logged) == rounds(simulated)
        final = view(client, created["id"], created["observer_token"])["session"]
        assert final["status"] == result.status


def test_the_room_keeps_the_beliefs_of_a_round_and_replays_the_earlier_phases_once(
    service: RoomService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chair drafting after a round and the AI seats answering its draft share one replay, and the
    earlier phases are replayed once per phase, not at every decision (counted in an all-AI top-down
    session)."""
    calls = {"carried": 0, "replayed": 0}
    carried, replayed = belief_replay.carried_beliefs, belief_replay.replayed_beliefs

    def counting_carried(*args: Any, **kwargs: Any) -> Any:
        calls["carried"] += 1
        return carried(*args, **kwargs)

    def counting_replayed(*args: Any, **kwargs: Any) -> Any:
        calls["replayed"] += 1
        return replayed(*args, **kwargs)

    monkeypatch.setattr(room_service, "carried_beliefs", counting_carried)
    monkeypatch.setattr(room_service, "replayed_beliefs", counting_replayed)
    monkeypatch.setattr(room_service, "_phase_seed", partial(simulator_seed, 0))
    made = service.create(
        Identity("instructor"),
        case="six-party-talks",
        scenario="six-party-2007",
        seats={},
        mechanism="top-down",
    )
    folded = service.room(made.id).folded
    assert folded is not None and isinstance(folded.state, TalksState)
    drafts = sum(1 for e in folded.history if isinstance(e, TableDraft))
    phases = len(folded.state.done)
    assert phases == 2 and drafts > 2 * phases  # two phases, with rounds of answers in them
    assert calls["carried"] == phases  # once per phase
    assert calls["replayed"] == drafts  # once per draft: the chair's, then the answers to it


def test_a_restart_in_the_second_phase_gives_the_same_ai_moves(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The AI seats' beliefs are a fold of the log: a server restarted in the middle of the second
    phase (its kept beliefs lost) goes on with the moves a server that ran through makes. Both
    sessions use one seed per phase; PRK, a person, objects to the first three drafts of each phase on
    the issue that matters most to it, then supports."""
    monkeypatch.setattr(room_service, "_phase_seed", partial(simulator_seed, 0))

    def play(client: TestClient, created: dict[str, Any], until: int | None = None) -> dict[str, Any]:
        prk = created["seat_tokens"]["PRK"]
        for _ in range(80):
            current = view(client, created["id"], prk)
            session = current["session"]
            if session["status"] != "open" or "PRK" not in current["awaiting"]:
                return current
            if until is not None and session["phase"]["number"] == 2 and session["version"] >= until:
                return current
            version = session["version"]
            if version <= 3:
                issue = session["phase"]["issues"][0]
                move = {"type": "object", "version": version, "issue": issue}
            else:
                move = {"type": "support", "version": version}
            assert act(client, created["id"], prk, move).status_code == 200
        return view(client, created["id"], prk)

    def log(client: TestClient, session: str) -> list[dict[str, Any]]:
        events = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
        return [{k: v for k, v in e.items() if k != "seq"} for e in events]

    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as through:
        straight = create(through, people=("PRK",), mechanism="bottom-up", chair_strategy="mediator")
        play(through, straight)
        expected = log(through, straight["id"])
        interrupted = create(through, people=("PRK",), mechanism="bottom-up", chair_strategy="mediator")
        paused = play(through, interrupted, until=3)
        assert paused["session"]["phase"]["number"] == 2 and paused["session"]["version"] == 3
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as restarted:
        final = play(restarted, interrupted)
        assert log(restarted, interrupted["id"]) == expected
    assert final["session"]["status"] != "open"
