"""The console's WebSocket: the instructor is told which tables of a class changed, nobody else is let in,
and whatever a client sends gets a short answer, never a dropped connection or a traceback."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.websockets import WebSocketDisconnect

from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
from hexatable.web.console import MAX_CONSOLE_FRAME, console_answer
from hexatable.web.hub import Hub, Watcher
from hexatable.web.limits import RateLimiter
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act
from tests.web.test_classes import make_class, token
from tests.web.test_clock import FakeClock


def socket_path(class_id: str, credential: str | None = INSTRUCTOR) -> str:
    return f"/api/classes/{class_id}/ws" + (f"?token={credential}" if credential else "")


def test_a_move_at_one_table_is_pushed_to_the_console(client: TestClient) -> None:
    made = make_class(client, tables=3)
    second = made["tables"][1]
    prk = token(second["links"]["PRK"])
    with client.websocket_connect(socket_path(made["id"])) as console:
        said = act(client, second["id"], prk, {"type": "object", "version": 1, "issue": "sanctions"})
        assert said.status_code == 200
        assert console.receive_json() == {"type": "changed", "tables": [2]}
        # A pause and a notice are changes too: the notice reaches every table.
        paused = client.post(f"/api/classes/{made['id']}/tables/3/pause", headers=bearer(INSTRUCTOR))
        assert paused.status_code == 200
        changed = console.receive_json()
        assert changed["type"] == "changed" and 3 in changed["tables"]
        client.post(
            f"/api/classes/{made['id']}/notices", json={"text": "Ten minutes"}, headers=bearer(INSTRUCTOR)
        )
        seen: set[int] = set()
        while seen != {1, 2, 3}:
            message = console.receive_json()
            assert message["type"] == "changed"
            seen |= set(message["tables"])


def test_the_console_of_one_class_hears_nothing_of_another(client: TestClient) -> None:
    ours, theirs = make_class(client, tables=1), make_class(client, tables=1)
    other = theirs["tables"][0]
    mine = ours["tables"][0]
    with client.websocket_connect(socket_path(ours["id"])) as console:
        act(client, other["id"], token(other["links"]["PRK"]), {"type": "message", "text": "elsewhere"})
        act(client, mine["id"], token(mine["links"]["PRK"]), {"type": "message", "text": "here"})
        # The first message the console gets is about its own table, not the other class's.
        assert console.receive_json() == {"type": "changed", "tables": [1]}


def test_the_cookie_of_the_console_pages_opens_the_socket(client: TestClient) -> None:
    made = make_class(client, tables=1)
    page = client.get(f"/console/{made['id']}", params={"token": INSTRUCTOR})
    assert page.status_code == 200 and client.cookies.get("hx_instructor") == INSTRUCTOR
    with client.websocket_connect(socket_path(made["id"], None)) as console:
        console.send_json({"type": "ping"})
        assert console.receive_json() == {"type": "pong"}
    client.cookies.clear()


@pytest.mark.parametrize(
    ("who", "code"),
    [("nobody", 4401), ("seat", 4403), ("observer", 4403), ("seat cookie", 4403), ("long", 4403)],
)
def test_only_the_instructor_opens_the_console_socket(client: TestClient, who: str, code: int) -> None:
    made = make_class(client, tables=1)
    links = made["tables"][0]["links"]
    client.cookies.clear()
    credential: str | None = {
        "nobody": None,
        "seat": token(links["PRK"]),
        "observer": token(links["observer"]),
        "seat cookie": None,
        "long": "x" * 5000,
    }[who]
    if who == "seat cookie":
        client.cookies.set("hx_instructor", token(links["PRK"]))
    with (
        pytest.raises(WebSocketDisconnect) as closed,
        client.websocket_connect(socket_path(made["id"], credential)) as ws,
    ):
        ws.receive_json()
    assert closed.value.code == code
    client.cookies.clear()


@pytest.mark.parametrize("class_id", ["nope", "%00", "x" * 300, "班" * 100])
def test_an_unknown_class_closes_the_socket(client: TestClient, class_id: str) -> None:
    with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(socket_path(class_id)) as ws:
        ws.receive_json()
    assert closed.value.code == 4404


JUNK: list[tuple[Any, int]] = [
    ("not json", 400),
    ('{"type": "event", "event": {"type": "close"}}', 422),
    ("[1, 2]", 422),
    ('{"type": "ping", "more": 1}', 422),
    ("[" * 100_000, 413),
    ("z" * (MAX_CONSOLE_FRAME + 1), 413),
    (b"\x00\xff binary", 422),
]


def test_every_frame_gets_a_short_answer_and_the_socket_stays_open(client: TestClient) -> None:
    made = make_class(client, tables=1)
    table = made["tables"][0]
    before = client.get(f"/api/sessions/{table['id']}/log", headers=bearer(INSTRUCTOR)).json()
    with client.websocket_connect(socket_path(made["id"])) as console:
        for frame, status in JUNK:
            if isinstance(frame, bytes):
                console.send_bytes(frame)
            else:
                console.send_text(frame)
            answer = console.receive_json()
            assert answer["type"] == "error" and answer["status"] == status, frame[:40]
            assert len(str(answer)) < 200  # never the frame echoed back
        console.send_json({"type": "ping"})
        assert console.receive_json() == {"type": "pong"}  # still usable
    after = client.get(f"/api/sessions/{table['id']}/log", headers=bearer(INSTRUCTOR)).json()
    assert after == before  # nothing sent on this socket acts on a table


def test_frames_over_the_rate_limit_are_refused(service: RoomService) -> None:
    limiter = RateLimiter(burst=3, rate=0.001)
    with TestClient(create_app(service, limiter=limiter, join_limit=10_000)) as client:
        made = make_class(client, tables=1)
        with client.websocket_connect(socket_path(made["id"])) as console:
            answers = []
            for _ in range(5):
                console.send_json({"type": "ping"})
                answers.append(console.receive_json())
    assert [a.get("status", a["type"]) for a in answers] == ["pong", "pong", "pong", 429, 429]


def test_console_answer_never_raises() -> None:
    """The answer function alone, on frames a socket may deliver (text, bytes, neither)."""
    assert console_answer({"text": '{"type": "ping"}'}, True) == {"type": "pong"}
    assert console_answer({"text": '{"type": "ping"}'}, False)["status"] == 429
    assert console_answer({"bytes": b"x"}, True)["status"] == 422
    assert console_answer({}, True)["status"] == 422


def test_a_burst_of_changes_is_one_message() -> None:
    """Changes that arrive before the console's sender runs again are merged (and told once each)."""

    async def burst() -> list[int]:
        hub = Hub(service=None)  # type: ignore[arg-type]  # no socket of a seat: never asked for a view
        watcher = Watcher({"s1": 1, "s2": 2})
        hub.watch(watcher)
        for session in ("s2", "s1", "s2", "elsewhere"):
            hub.notify(session)
        changed = await watcher.changes()
        hub.unwatch(watcher)
        assert hub.watching(["s1", "s2"]) == 0 and not hub.watchers
        return changed

    assert asyncio.run(burst()) == [1, 2]


def test_the_clock_ending_a_table_is_pushed_to_the_console(engine: Engine) -> None:
    """A table whose time runs out changes without anyone acting: the console hears of it too."""
    clock = FakeClock()
    service = RoomService(engine, INSTRUCTOR, clock=clock)
    app = create_app(service, act_limit=10_000, join_limit=10_000)
    with TestClient(app) as client:
        made = make_class(client, tables=2, minutes=1)
        with client.websocket_connect(socket_path(made["id"])) as console:
            assert client.portal is not None
            assert client.portal.call(app.state.tick) == []  # nothing is overdue yet
            clock.now += 61
            ended = client.portal.call(app.state.tick)
            assert sorted(ended) == sorted(t["id"] for t in made["tables"])
            seen: set[int] = set()
            while seen != {1, 2}:
                message = console.receive_json()
                assert message["type"] == "changed"
                seen |= set(message["tables"])
        listed = client.get(f"/api/classes/{made['id']}", headers=bearer(INSTRUCTOR)).json()
        assert [t["reason"] for t in listed["tables"]] == ["time ran out", "time ran out"]


def test_the_console_page_carries_what_its_script_needs(client: TestClient) -> None:
    """The notice shown while the socket is down (hidden until then, translated) and each open table's
    seconds left, from which the page counts down between two fetches of the list."""
    made = make_class(client, tables=2, minutes=45)
    client.post(f"/api/classes/{made['id']}/tables/2/pause", headers=bearer(INSTRUCTOR))
    for lang, words in (("en", "Connection lost, retrying"), ("zh", "连接已断开，正在重试")):
        page = client.get(f"/console/{made['id']}", params={"token": INSTRUCTOR, "lang": lang}).text
        assert re.search(r'<p class="notice no-print" role="status" id="console-connection" hidden>', page)
        assert words in page
    listed = client.get(f"/console/{made['id']}/tables", params={"token": INSTRUCTOR}).text
    clocks = re.findall(r'<td class="clock" data-seconds="(\d+)" data-paused="(yes|no)">', listed)
    assert [paused for _, paused in clocks] == ["no", "yes"]
    assert all(2600 <= int(seconds) <= 2700 for seconds, _ in clocks)  # 45 minutes, just begun
    client.cookies.clear()
