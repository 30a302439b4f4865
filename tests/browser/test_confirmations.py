"""Irreversible actions ask first in a browser running no JavaScript: walking out of the room and
closing a table from the console each show a page with the question; going back changes nothing,
confirming acts. (With JavaScript a dialog asks: ``test_room_ux`` and ``test_console``.)"""

from __future__ import annotations

import httpx
import pytest

from tests.browser.conftest import CHROMIUM, shot
from tests.conftest import INSTRUCTOR

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)

sync_api = pytest.importorskip("playwright.sync_api")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def test_without_javascript_walking_out_and_closing_a_table_ask_first(server: str) -> None:
    made = httpx.post(
        f"{server}/api/classes",
        json={
            "tables": 2,
            "seats": {"PRK": {"kind": "person"}, "USA": {"kind": "person"}},
            "walk_out": "continue",  # the talks go on without the DPRK: it may return
        },
        headers={"Authorization": f"Bearer {INSTRUCTOR}"},
        timeout=120,
    )
    assert made.status_code == 201, made.text
    first = made.json()["tables"][0]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(java_script_enabled=False)
        seat = context.new_page()
        seat.goto(first["links"]["PRK"] + "&lang=en")
        seat.wait_for_selector("text=Your confidential brief")
        seat.click("#walk-out")
        seat.wait_for_selector("#confirm")  # a page of its own, not a dialog: no script runs here
        assert "Walk out of the talks? The others may go on without you." in seat.inner_text("#confirm")
        shot(seat, "confirm-01-walk-out-asked")
        seat.click("#confirm-no")
        seat.wait_for_selector("#walk-out")  # back in the room, still seated: nothing happened
        seat.click("#walk-out")
        seat.wait_for_selector("#confirm")
        seat.click("#confirm-yes")
        seat.wait_for_selector("text=Return to the table")  # walked out; the others went on
        assert seat.locator("#status[data-status=open]").count() == 1
        shot(seat, "confirm-02-walked-out")

        console = context.new_page()
        console.goto(f"{server}/console/{made.json()['id']}?token={INSTRUCTOR}&lang=en")
        console.click("#table-2 button[data-action=close]")
        console.wait_for_selector("#confirm")
        assert "Close table 2?" in console.inner_text("#confirm")
        console.click("#confirm-no")
        console.wait_for_selector("#table-2[data-status=open]")
        console.click("#table-2 button[data-action=close]")
        console.click("#confirm-yes")
        console.wait_for_selector("#table-2[data-status=failed]")
        shot(console, "confirm-03-table-closed")
        browser.close()
