"""A room service and web app on a fresh SQLite file (or ``HEXATABLE_TEST_DATABASE_URL``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from hexatable.negotiate.beliefs import compiled
from hexatable.services.room.db import make_engine, migrate
from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app

INSTRUCTOR = "instructor-secret"

# Compile (or load) the belief kernels once, before any test: on a fresh checkout Numba compiles them in
# a few seconds and caches them on disk, and a browser test's first AI move should not wait for that.
compiled()


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    url = os.environ.get("HEXATABLE_TEST_DATABASE_URL")
    if url is None:
        yield f"sqlite:///{tmp_path / 'room.sqlite3'}"
        return
    engine = make_engine(url)  # a shared PostgreSQL database: start each test from empty tables
    with engine.begin() as connection:
        connection.execute(
            text(
                "DROP TABLE IF EXISTS room_class_table, room_class, room_event, room_seat, room_session,"
                " alembic_version CASCADE"
            )
        )
    engine.dispose()
    yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def service(engine: Engine) -> RoomService:
    return RoomService(engine, INSTRUCTOR)


@pytest.fixture
def client(service: RoomService) -> Iterator[TestClient]:
    """One event loop for the whole test, as under uvicorn (pushes are tasks on that loop)."""
    with TestClient(create_app(service, act_limit=10_000, join_limit=10_000)) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
