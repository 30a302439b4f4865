"""The session clock, and the schema migration that added it."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect

from hexatable.services.room.db import MIGRATIONS, make_engine, migrate
from hexatable.services.room.service import RoomError, RoomService, SeatPlan
from hexatable.web.app import create_app
from tests.conftest import INSTRUCTOR


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_talks_end_when_the_clock_runs_out(engine: Engine) -> None:
    clock = FakeClock()
    service = RoomService(engine, INSTRUCTOR, clock=clock)
    instructor = service.identify(INSTRUCTOR)
    created = service.create(
        instructor, case="six-party-talks", scenario="six-party-2007", seats={"PRK": SeatPlan()}, minutes=10
    )
    prk = service.identify(created.seat_tokens["PRK"], created.id)
    assert service.view(prk, created.id)["session"]["seconds_left"] == 600
    clock.now += 300
    service.act(prk, created.id, {"type": "message", "text": "five minutes in"})
    assert service.view(prk, created.id)["session"]["seconds_left"] == 300
    clock.now += 301
    view = service.view(prk, created.id)
    assert (view["session"]["status"], view["session"]["reason"]) == ("failed", "time ran out")
    assert service.log(created.id)[-1]["type"] == "time_up"
    with pytest.raises(RoomError) as refused:
        service.act(prk, created.id, {"type": "support", "version": 1})
    assert refused.value.status == 409
    assert refused.value.message == "the talks have ended (failed: time ran out)"
    assert [e["type"] for e in service.log(created.id)].count("time_up") == 1


def test_participants_cannot_stop_the_clock(engine: Engine) -> None:
    service = RoomService(engine, INSTRUCTOR)
    created = service.create(
        service.identify(INSTRUCTOR),
        case="six-party-talks",
        scenario="six-party-2007",
        seats={"PRK": SeatPlan()},
    )
    prk = service.identify(created.seat_tokens["PRK"], created.id)
    with pytest.raises(RoomError) as refused:
        service.act(prk, created.id, {"type": "time_up"})
    assert refused.value.status == 403
    assert service.view(prk, created.id)["session"]["seconds_left"] is None


def test_a_database_at_revision_0001_is_upgraded(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/old.sqlite3")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert "deadline_at" not in {c["name"] for c in inspect(engine).get_columns("room_session")}
    migrate(engine)
    assert "deadline_at" in {c["name"] for c in inspect(engine).get_columns("room_session")}


def test_the_app_ends_overdue_sessions_on_its_own_and_pushes_the_news(engine: Engine) -> None:
    clock = FakeClock()
    service = RoomService(engine, INSTRUCTOR, clock=clock)
    app = create_app(service)
    created = service.create(
        service.identify(INSTRUCTOR),
        case="six-party-talks",
        scenario="six-party-2007",
        seats={"PRK": SeatPlan()},
        minutes=1,
    )
    token = created.seat_tokens["PRK"]
    with (
        TestClient(app) as client,
        client.websocket_connect(f"/api/sessions/{created.id}/ws?token={token}") as ws,
    ):
        assert ws.receive_json()["view"]["session"]["status"] == "open"
        assert client.portal.call(app.state.tick) == []  # nothing is overdue yet
        clock.now += 61
        assert client.portal.call(app.state.tick) == [created.id]
        pushed = ws.receive_json()["view"]["session"]
        assert (pushed["status"], pushed["reason"]) == ("failed", "time ran out")
        assert client.portal.call(app.state.tick) == []  # recorded once
