"""The console kept live by its WebSocket, in a real browser: a move at one table shows without a reload,
the page says when the connection is lost, and it reconnects and catches up when the server is back.

The server is stopped and started again over the same database (``test_room_ux.Server``), as a
server restarted in the middle of a class. Every wait is on the page's DOM, never a sleep.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.browser.conftest import CHROMIUM, shot
from tests.browser.test_room_ux import Server, browser, live  # noqa: F401 - the fixtures
from tests.conftest import INSTRUCTOR

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)
SEATS = {"PRK": {"kind": "person"}, "USA": {"kind": "person"}}


def make_class(url: str, tables: int = 2) -> dict[str, Any]:
    made = httpx.post(
        f"{url}/api/classes",
        json={"tables": tables, "title": "Live seminar", "seats": SEATS, "minutes": 45},
        headers={"Authorization": f"Bearer {INSTRUCTOR}"},
        timeout=120,
    )
    assert made.status_code == 201, made.text
    return made.json()  # type: ignore[no-any-return]


def move(url: str, table: dict[str, Any], seat: str, event: dict[str, Any]) -> None:
    token = table["links"][seat].split("token=", 1)[1]
    acted = httpx.post(
        f"{url}/api/sessions/{table['id']}/events",
        json=event,
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert acted.status_code == 200, acted.text


def test_the_console_is_pushed_changes_and_survives_a_restart(live: Server, browser: Any) -> None:  # noqa: F811
    made = make_class(live.url)
    first, second = made["tables"]
    page = browser.new_context().new_page()
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(f"{live.url}/console/{made['id']}?token={INSTRUCTOR}")
    page.wait_for_selector("#tables[data-live=yes]")  # the console's socket is open
    assert any(f"/api/classes/{made['id']}/ws" in s for s in sockets)
    page.wait_for_selector("#table-1 .stance-awaiting[data-seat=PRK]")

    move(live.url, first, "PRK", {"type": "object", "version": 1, "issue": "sanctions"})
    page.wait_for_selector("#table-1 .stance-object[data-seat=PRK]")  # pushed: no reload, no poll
    assert page.locator("#table-2 .stance-awaiting[data-seat=PRK]").count() == 1
    shot(page, "console-live-01-pushed")

    live.stop()
    page.wait_for_selector("#console-connection", state="visible")
    assert page.locator("#tables[data-live=no]").count() == 1
    shot(page, "console-live-02-connection-lost")
    live.start()
    page.wait_for_selector("#tables[data-live=yes]", timeout=60_000)  # reconnected by itself
    page.wait_for_selector("#console-connection", state="hidden")
    move(live.url, second, "USA", {"type": "reserve", "version": 1})
    page.wait_for_selector("#table-2 .stance-reserve[data-seat=USA]")
    assert page.locator("#table-1 .stance-object[data-seat=PRK]").count() == 1
    shot(page, "console-live-03-reconnected")
