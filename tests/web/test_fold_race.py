"""Views fold the log without the room's lock, so one may fold an event in the instant after the writer
committed it and before the writer folds it itself. The event must then be folded once, not twice: a
draft folded twice read as a second draft tabled while the first awaited answers, and the request
answered 500 (seen once under the class load benchmark, form mode)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from hexatable.services.room.service import RoomService
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create, view


def test_an_event_a_view_folded_first_is_not_folded_again(client: TestClient, service: RoomService) -> None:
    created = create(client, people=("CHN", "PRK"))
    session, chair = created["id"], created["seat_tokens"]["CHN"]
    room = service.room(session)
    first = view(client, session, chair)
    options = [item["options"][0]["id"] for item in first["agenda"]]
    real_lock = service._write_lock

    class ReaderAfterCommit:
        """The writer's lock, and on leaving it (the insert committed) a reader's fold."""

        def __enter__(self) -> None:
            real_lock.__enter__()

        def __exit__(self, *exc: Any) -> None:
            real_lock.__exit__(*exc)
            service._state(room)

    service._write_lock = ReaderAfterCommit()  # type: ignore[assignment]
    try:
        tabled = act(client, session, chair, {"type": "table_draft", "options": options})
    finally:
        service._write_lock = real_lock
    assert tabled.status_code == 200, tabled.text
    after = view(client, session, chair)
    assert len(after["drafts"]) == 1 and set(after["awaiting"]) == {"CHN", "PRK"}
    log = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
    assert [e["type"] for e in log].count("table_draft") == 1
