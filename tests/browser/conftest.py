"""Browser tests' fixtures: the app on a loopback socket, Chromium's path, screenshots."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import Engine

from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
from tests.conftest import INSTRUCTOR

CHROMIUM = Path(os.environ.get("HEXATABLE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"


@pytest.fixture
def server(engine: Engine) -> Iterator[str]:
    """The app on a loopback socket bound before the browser connects (no waiting needed)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    app = create_app(RoomService(engine, INSTRUCTOR), act_limit=10_000, join_limit=10_000)
    config = uvicorn.Config(app, log_level="warning", ws="websockets-sansio")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    listener.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
