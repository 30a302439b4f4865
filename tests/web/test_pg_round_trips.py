"""Database round trips of the room's requests, counted with an SQLAlchemy event hook (on SQLite, and on
PostgreSQL when ``HEXATABLE_TEST_DATABASE_URL`` names one).

On PostgreSQL every round trip releases the interpreter lock, and with other threads rendering panels
getting it back waits its turn: a view read the log (BEGIN, SELECT, ROLLBACK) and a move read it again
before storing itself (six round trips under the room's lock), which made the 50-table class ten times
slower there than on SQLite (benchmarks/RESULTS.md, Stop 16). Now a view is served from the room's fold
in memory and a move, with the AI seats' answers to it, is one INSERT in autocommit.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, event

from hexatable.services.room.classes import Classes
from hexatable.services.room.db import migrate
from hexatable.services.room.service import Created, Identity, RoomError, RoomService, SeatPlan
from tests.conftest import INSTRUCTOR, bearer

PEOPLE = ("CHN", "USA", "PRK", "KOR")
"""The benchmark's table: CHN (the chair), USA, PRK and KOR people; JPN and RUS AI seats."""


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements sent to the database inside the block, in order."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def table(service: RoomService) -> Created:
    return service.create(
        service.identify(INSTRUCTOR),
        case="six-party-talks",
        scenario="six-party-2007",
        seats={seat: SeatPlan("person") for seat in PEOPLE},
    )


def seat(service: RoomService, created: Created, name: str) -> Identity:
    return service.identify(created.seat_tokens[name], created.id)


def first_draft(service: RoomService, created: Created) -> dict[str, Any]:
    agenda = service.view(seat(service, created, "CHN"), created.id)["agenda"]
    return {"type": "table_draft", "options": [item["options"][0]["id"] for item in agenda]}


def test_views_of_a_folded_room_send_no_statement(engine: Engine, service: RoomService) -> None:
    created = table(service)
    usa, kor = seat(service, created, "USA"), seat(service, created, "KOR")
    service.act(usa, created.id, {"type": "message", "text": "hello"})
    with statements(engine) as sent:
        mine = service.view(usa, created.id)
        broadcast = service.views(created.id, [(usa, "en"), (kor, "zh")])
    assert sent == []
    assert [m["text"] for m in mine["messages"]] == ["hello"]
    assert broadcast[0] == mine and [m["text"] for m in broadcast[1]["messages"]] == ["hello"]


def test_a_panel_and_the_console_send_no_statement_for_the_room(engine: Engine, client: TestClient) -> None:
    made = client.post(
        "/api/classes",
        json={"tables": 2, "seats": {s: {"kind": "person"} for s in PEOPLE}},
        headers=bearer(INSTRUCTOR),
    ).json()
    first = made["tables"][0]
    token = first["links"]["USA"].split("token=")[1]
    panel = f"/room/{first['id']}/panel?lang=en&token={token}"
    assert client.get(panel).status_code == 200  # the rooms are folded from here on
    assert client.get(f"/console/{made['id']}/tables?token={INSTRUCTOR}").status_code == 200
    with statements(engine) as sent:
        assert client.get(panel).status_code == 200
    assert sent == []
    with statements(engine) as sent:
        listed = client.get(f"/console/{made['id']}/tables?token={INSTRUCTOR}")
    assert listed.status_code == 200 and listed.text.count("/results.json") == 2
    # A class's tables never change once it is made, so the console's refresh finds the class in
    # memory (it looked it up twice per refresh, four statements) and its tables' views too.
    assert sent == []


def test_a_class_read_while_its_tables_are_being_made_is_not_kept(service: RoomService) -> None:
    """The class row exists from the first table on; a refresh in that moment must not keep it with
    fewer tables than it ends up with."""
    classes = Classes(service)
    instructor = service.identify(INSTRUCTOR)
    seen: list[int] = []
    create = service.create

    def create_and_look(*args: Any, **kwargs: Any) -> Created:
        made = create(*args, **kwargs)
        for class_id in classes._making:  # the class being made, as another request would read it
            # before its first table is stored the class does not exist yet (404)
            with contextlib.suppress(RoomError):
                seen.append(len(classes.get(instructor, class_id).sessions))
        return made

    service.create = create_and_look
    try:
        made = classes.create(instructor, tables=3, seats={s: SeatPlan("person") for s in PEOPLE})
    finally:
        service.create = create
    assert seen == [1, 2]  # read part-made twice (after tables 1 and 2 were stored) ...
    assert len(classes.get(instructor, made.id).sessions) == 3  # ... yet never kept part-made


def test_a_move_is_one_insert(engine: Engine, service: RoomService) -> None:
    created = table(service)
    usa = seat(service, created, "USA")
    service.view(usa, created.id)
    with statements(engine) as sent:
        service.act(usa, created.id, {"type": "message", "text": "one"})
    assert len(sent) == 1 and sent[0].lstrip().upper().startswith("INSERT INTO room_event".upper()), sent
    assert [e["text"] for e in service.log(created.id) if e["type"] == "message"] == ["one"]


def test_a_draft_and_the_ai_answers_to_it_are_stored_in_one_insert(
    engine: Engine, service: RoomService
) -> None:
    created = table(service)
    chair = seat(service, created, "CHN")
    draft = first_draft(service, created)
    with statements(engine) as sent:
        appended = service.act(chair, created.id, draft)
    assert len(sent) == 1 and sent[0].lstrip().upper().startswith("INSERT"), sent
    log = service.log(created.id)
    assert log[0]["type"] == "table_draft"
    answered = {e["seat"] for e in log if e["type"] in ("support", "object", "reserve")}
    assert answered == {"JPN", "RUS"}  # the AI seats answer at once; the people have not yet
    assert [e["seq"] for e in log] == list(range(1, len(log) + 1))
    assert len(appended) == len(log)


def test_a_move_after_another_writer_appended_is_refused_then_sees_the_log(engine: Engine) -> None:
    """A second service on the same database appends behind this one's back: this one's next move
    would be numbered after a stale fold, so it is refused (409) and stores nothing, neither the move
    nor AI answers to it; the next request reads the log again and sees the other's event."""
    ours, theirs = RoomService(engine, INSTRUCTOR), RoomService(engine, INSTRUCTOR)
    created = table(ours)
    usa = seat(ours, created, "USA")
    ours.view(usa, created.id)
    theirs.act(seat(theirs, created, "KOR"), created.id, {"type": "message", "text": "from elsewhere"})
    with pytest.raises(RoomError) as refused:
        ours.act(seat(ours, created, "CHN"), created.id, first_draft(ours, created))
    assert refused.value.status == 409
    assert [e["type"] for e in ours.log(created.id)] == ["message"]
    ours.act(usa, created.id, {"type": "message", "text": "after"})
    seen = ours.view(usa, created.id)
    assert [m["text"] for m in seen["messages"]] == ["from elsewhere", "after"]


def test_readers_never_wait_for_a_connection(database_url: str) -> None:
    """With the pool's only connection taken (as by a slow writer), sixteen threads still get their views:
    a reader does not check a connection out at all, so the pool cannot run dry under readers."""
    engine = create_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=2)
    migrate(engine)
    service = RoomService(engine, INSTRUCTOR)
    created = table(service)
    seats = [seat(service, created, name) for name in PEOPLE]
    service.view(seats[0], created.id)
    with engine.connect(), ThreadPoolExecutor(16) as pool:  # the one connection, held meanwhile
        views = list(pool.map(lambda i: service.view(seats[i % 4], created.id), range(64)))
    assert [v["you"]["seat"] for v in views] == [PEOPLE[i % 4] for i in range(64)]
    engine.dispose()
