"""A new socket's first database queries (its token, its session) run in the thread pool.

Run on the event loop they would hold up every other socket's pushes for a round trip (on PostgreSQL,
one that waits for the interpreter lock behind the threads rendering panels).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hexatable.services.room.service import RoomService
from tests.web.test_api import create


def on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_a_new_socket_is_identified_off_the_event_loop(
    client: TestClient, service: RoomService, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = create(client)
    session, token = created["id"], created["seat_tokens"]["USA"]
    seen: dict[str, bool] = {}
    identify, room = service.identify, service.room

    def spy_identify(*args: Any, **kwargs: Any) -> Any:
        seen["identify"] = on_event_loop()
        return identify(*args, **kwargs)

    def spy_room(*args: Any, **kwargs: Any) -> Any:
        seen.setdefault("room", on_event_loop())
        return room(*args, **kwargs)

    monkeypatch.setattr(service, "identify", spy_identify)
    monkeypatch.setattr(service, "room", spy_room)
    with client.websocket_connect(f"/api/sessions/{session}/ws?token={token}") as usa:
        assert usa.receive_json()["view"]["you"]["seat"] == "USA"
    assert seen == {"identify": False, "room": False}
