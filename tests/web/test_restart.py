"""Kill the server process in the middle of a session (SIGKILL), start it again: nothing is lost.

The test holds the listening socket and hands it to each server process, so requests made while the
new process starts wait in the socket's backlog: no sleeping, no polling.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import INSTRUCTOR

SERVER = """
import os, socket, sys, uvicorn
from hexatable.services.room.db import make_engine, migrate
from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
engine = make_engine(sys.argv[2]); migrate(engine)
app = create_app(RoomService(engine, os.environ["HEXATABLE_INSTRUCTOR_TOKEN"]))
listener = socket.socket(fileno=int(sys.argv[1]))
uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])
"""


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    yield sock
    sock.close()


def start(listener: socket.socket, database_url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HEXATABLE_INSTRUCTOR_TOKEN": INSTRUCTOR}
    fd = listener.fileno()
    return subprocess.Popen([sys.executable, "-c", SERVER, str(fd), database_url], pass_fds=[fd], env=env)


def test_a_killed_server_restarts_with_every_accepted_event(
    listener: socket.socket, database_url: str
) -> None:
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    server = start(listener, database_url)
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            created: dict[str, Any] = client.post(
                "/api/sessions",
                json={"seats": {"PRK": {"kind": "person"}, "USA": {"kind": "person"}}},
                headers={"Authorization": f"Bearer {INSTRUCTOR}"},
            ).json()
            session, tokens = created["id"], created["seat_tokens"]

            def send(seat: str, event: dict[str, Any]) -> httpx.Response:
                return client.post(
                    f"/api/sessions/{session}/events",
                    json=event,
                    headers={"Authorization": f"Bearer {tokens[seat]}"},
                )

            assert send("PRK", {"type": "object", "version": 1, "issue": "sanctions"}).status_code == 200
            assert send("USA", {"type": "message", "text": "before the crash"}).status_code == 200
            log_before = client.get(
                f"/api/sessions/{session}/log", headers={"Authorization": f"Bearer {INSTRUCTOR}"}
            ).json()

            server.send_signal(signal.SIGKILL)
            server.wait()
            client.close()
        server = start(listener, database_url)
        with httpx.Client(base_url=base, timeout=60) as client:
            log_after = client.get(
                f"/api/sessions/{session}/log", headers={"Authorization": f"Bearer {INSTRUCTOR}"}
            ).json()
            assert log_after == log_before
            view = client.get(
                f"/api/sessions/{session}/view", headers={"Authorization": f"Bearer {tokens['USA']}"}
            ).json()
            assert view["responses"]["PRK"] == {"answer": "object", "issue": "sanctions"}
            assert view["messages"][-1] == {"seat": "USA", "text": "before the crash"}
            resumed = client.post(
                f"/api/sessions/{session}/events",
                json={"type": "support", "version": 1},
                headers={"Authorization": f"Bearer {tokens['USA']}"},
            )
            assert resumed.status_code == 200
    finally:
        server.kill()
        server.wait()
