"""The room through its JSON API and WebSocket: an exercise, illegal events, access, restart."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.websockets import WebSocketDisconnect

from hexatable.case import open_case
from hexatable.negotiate.delegates import make_delegate
from hexatable.negotiate.space import build_space
from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
from hexatable.web.limits import RateLimiter
from tests.conftest import INSTRUCTOR, bearer

PEOPLE = ("PRK", "USA", "JPN")
SPACE = build_space(open_case("six-party-talks"), "six-party-2007")


def create(client: TestClient, people: tuple[str, ...] = PEOPLE, **extra: Any) -> dict[str, Any]:
    body = {"seats": {seat: {"kind": "person"} for seat in people}, **extra}
    response = client.post("/api/sessions", json=body, headers=bearer(INSTRUCTOR))
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def view(client: TestClient, session: str, token: str) -> dict[str, Any]:
    response = client.get(f"/api/sessions/{session}/view", headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def act(client: TestClient, session: str, token: str, event: dict[str, Any]) -> Any:
    return client.post(f"/api/sessions/{session}/events", json=event, headers=bearer(token))


def play_people(client: TestClient, created: dict[str, Any], rounds: int = 40) -> dict[str, Any]:
    """People answer like linear delegates would, each seeing only its own view."""
    people = {seat: make_delegate(SPACE, seat, "linear") for seat in created["seat_tokens"]}
    for _ in range(rounds):
        current = view(client, created["id"], next(iter(created["seat_tokens"].values())))
        session = current["session"]
        if session["status"] != "open":
            return current
        for seat in current["awaiting"]:
            token = created["seat_tokens"][seat]
            mine = view(client, created["id"], token)
            draft = SPACE.index_of(mine["drafts"][-1]["options"])
            t = (session["version"] - 1) / max(session["max_drafts"] - 1, 1)
            answer, issue = people[seat].respond(draft, t)
            event = {"type": answer, "version": session["version"]}
            if issue:
                event["issue"] = issue
            assert act(client, created["id"], token, event).status_code == 200
    return view(client, created["id"], next(iter(created["seat_tokens"].values())))


def test_an_exercise_with_people_and_ai_delegates_reaches_agreement(client: TestClient) -> None:
    created = create(client)
    assert set(created["seat_tokens"]) == set(PEOPLE)
    assert created["links"]["PRK"].endswith(f"/room/{created['id']}?token={created['seat_tokens']['PRK']}")
    final = play_people(client, created)
    assert final["session"]["status"] == "agreed"
    debrief = final["debrief"]
    assert set(debrief["scores"]) == set(SPACE.seats)
    assert all(gain >= 0 for gain in debrief["gains"].values())
    log = client.get(f"/api/sessions/{created['id']}/log", headers=bearer(INSTRUCTOR)).json()
    assert [e["seq"] for e in log] == list(range(1, len(log) + 1))


def test_only_the_instructor_creates_sessions(client: TestClient) -> None:
    created = create(client)
    assert client.post("/api/sessions", json={}).status_code == 401
    seat = created["seat_tokens"]["PRK"]
    assert client.post("/api/sessions", json={}, headers=bearer(seat)).status_code == 403
    assert client.get("/api/sessions", headers=bearer(seat)).status_code == 403
    bad = client.post(
        "/api/sessions", json={"seats": {"FRA": {"kind": "person"}}}, headers=bearer(INSTRUCTOR)
    )
    assert bad.status_code == 422 and "FRA not seats of 'six-party-2007'" in bad.json()["detail"]
    unknown = client.post("/api/sessions", json={"colour": "red"}, headers=bearer(INSTRUCTOR))
    assert unknown.status_code == 422


def test_illegal_events_are_refused_with_the_reason_and_change_nothing(client: TestClient) -> None:
    created = create(client)
    session, prk = created["id"], created["seat_tokens"]["PRK"]
    before = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
    cases = [
        ({"type": "support", "version": 7}, 409, "version 7 does not exist (the current version is 1)"),
        (
            {"type": "table_draft", "options": ["none"] * 10},
            409,
            "only the chair 'CHN' tables drafts, not 'PRK'",
        ),
        ({"type": "object", "version": 1, "issue": "weather"}, 409, "issue 'weather' is not on the agenda"),
        ({"type": "vote"}, 422, "unknown event type 'vote'"),
        (
            {"type": "support", "version": 1, "seat": "USA"},
            403,
            "a seat acts for itself: this token holds 'PRK'",
        ),
        ({"type": "side_message", "room": 9, "text": "hi"}, 403, "side room 9 does not exist"),
    ]
    for event, status, reason in cases:
        response = act(client, session, prk, event)
        assert response.status_code == status, event
        assert reason in response.json()["detail"]
    after = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
    assert after == before


def test_a_seat_sees_its_own_brief_and_side_rooms_only(client: TestClient) -> None:
    created = create(client)
    session, tokens = created["id"], created["seat_tokens"]
    sheets = {s.seat: s for s in open_case("six-party-talks").scenario_index["six-party-2007"].sheets}
    for seat, token in tokens.items():
        mine = view(client, session, token)
        assert mine["own"]["brief"] == sheets[seat].brief["en"]  # type: ignore[index]
        others = [s for s in tokens if s != seat]
        text = str(mine)
        for other in others:
            assert sheets[other].brief["en"][:200] not in text  # type: ignore[index]
    observer = view(client, session, created["observer_token"])
    assert "own" not in observer and observer["you"]["role"] == "observer"
    assert (
        act(client, session, created["observer_token"], {"type": "message", "text": "hi"}).status_code == 403
    )

    room = act(client, session, tokens["PRK"], {"type": "side_room", "members": ["USA"]}).json()["appended"][
        0
    ]
    assert room["members"] == ["PRK", "USA"]
    assert (
        act(
            client, session, tokens["USA"], {"type": "side_message", "room": 1, "text": "under the same roof"}
        ).status_code
        == 200
    )
    assert view(client, session, tokens["PRK"])["side_rooms"][0]["messages"] == [
        {"seat": "USA", "text": "under the same roof"}
    ]
    assert view(client, session, tokens["JPN"])["side_rooms"] == []
    assert view(client, session, created["observer_token"])["side_rooms"] == []
    refused = act(client, session, tokens["JPN"], {"type": "side_message", "room": 1, "text": "let me in"})
    assert refused.status_code == 403


def test_tokens_open_their_own_session_only(client: TestClient) -> None:
    first, second = create(client), create(client)
    foreign = second["seat_tokens"]["PRK"]
    for method, path in [
        ("get", f"/api/sessions/{first['id']}/view"),
        ("post", f"/api/sessions/{first['id']}/events"),
        ("get", f"/api/sessions/{first['id']}/log"),
    ]:
        kwargs: dict[str, Any] = {"headers": bearer(foreign)}
        if method == "post":
            kwargs["json"] = {"type": "message", "text": "x"}
        response = getattr(client, method)(path, **kwargs)
        assert response.status_code == 403, path
        assert "brief" not in response.text
        assert (
            getattr(client, method)(path, **{k: v for k, v in kwargs.items() if k != "headers"}).status_code
            == 401
        )
    assert (
        client.get(
            f"/api/sessions/{first['id']}/log", headers=bearer(first["seat_tokens"]["PRK"])
        ).status_code
        == 403
    )
    with (
        pytest.raises(WebSocketDisconnect) as closed,
        client.websocket_connect(f"/api/sessions/{first['id']}/ws?token={foreign}") as ws,
    ):
        ws.receive_json()
    assert closed.value.code == 4403


def test_websocket_pushes_each_seat_its_own_view(client: TestClient) -> None:
    created = create(client)
    session, tokens = created["id"], created["seat_tokens"]
    with client.websocket_connect(f"/api/sessions/{session}/ws?token={tokens['USA']}") as usa:
        first = usa.receive_json()
        assert first["type"] == "view" and first["view"]["you"]["seat"] == "USA"
        assert (
            act(
                client, session, tokens["PRK"], {"type": "message", "text": "We want a written assurance."}
            ).status_code
            == 200
        )
        pushed = usa.receive_json()
        assert pushed["view"]["messages"][-1] == {"seat": "PRK", "text": "We want a written assurance."}
        assert pushed["view"]["own"]["brief"].startswith(first["view"]["own"]["brief"][:50])
        usa.send_json({"type": "event", "event": {"type": "support", "version": 99}})
        assert usa.receive_json() == {
            "type": "error",
            "status": 409,
            "detail": "version 99 does not exist (the current version is 1)",
        }


def test_a_restart_loses_no_accepted_event(engine: Engine) -> None:
    with TestClient(create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)) as first:
        created = create(first)
        session, tokens = created["id"], created["seat_tokens"]
        objection = {"type": "object", "version": 1, "issue": "sanctions"}
        assert act(first, session, tokens["PRK"], objection).status_code == 200
        before = view(first, session, tokens["PRK"])
        log = first.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
    with TestClient(
        create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000)
    ) as restarted:  # a new service: nothing cached
        assert view(restarted, session, tokens["PRK"]) == before
        assert restarted.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json() == log
        final = play_people(restarted, created)
    assert final["session"]["status"] in ("agreed", "failed")
    assert final["session"]["version"] >= before["session"]["version"]


def test_rate_limit_answers_429(service: RoomService) -> None:
    stopped = RateLimiter(burst=2, rate=1.0, clock=lambda: 0.0)  # time stands still: no refill
    client = TestClient(create_app(service, limiter=stopped))
    created = create(client)
    token = created["seat_tokens"]["PRK"]
    codes = [
        act(client, created["id"], token, {"type": "message", "text": "x"}).status_code for _ in range(3)
    ]
    assert codes == [200, 200, 429]


def test_a_person_in_the_chair_drafts_and_ai_seats_answer(client: TestClient) -> None:
    created = create(client, people=("CHN", "PRK"))
    session, chair = created["id"], created["seat_tokens"]["CHN"]
    first = view(client, session, chair)
    assert first["drafts"] == [] and first["awaiting"] == []
    too_soon = act(client, session, created["seat_tokens"]["PRK"], {"type": "support", "version": 1})
    assert too_soon.status_code == 409 and too_soon.json()["detail"] == "no draft has been tabled yet"
    options = [item["options"][0]["id"] for item in first["agenda"]]
    appended = act(client, session, chair, {"type": "table_draft", "options": options}).json()["appended"]
    assert appended[0]["type"] == "table_draft"
    answered = {e["seat"] for e in appended[1:]}
    assert answered == {"USA", "KOR", "JPN", "RUS"}  # the AI seats answer at once; people are awaited
    assert set(view(client, session, chair)["awaiting"]) == {"CHN", "PRK"}
