"""The instructor's console in a real browser (Playwright driving Debian's Chromium).

A class of two tables is created in one step from the form; its links come as a printable page and a
CSV download. The console then follows a seat's move live, pauses a table (the seat sees it), sends a
notice, and closes a table after a confirmation. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import CHROMIUM, shot
from tests.conftest import INSTRUCTOR

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)

sync_api = pytest.importorskip("playwright.sync_api")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SCENARIO = "six-party-talks/six-party-2007"


def created_class(browser: Any, server: str) -> tuple[Any, list[dict[str, str]]]:
    """The instructor's page after creating a class of two tables from the form, and the links CSV."""
    instructor = browser.new_context(accept_downloads=True).new_page()
    instructor.goto(f"{server}/console?token={INSTRUCTOR}")
    instructor.fill("input[name=title]", "Seminar A")
    instructor.fill("input[name=tables]", "2")
    instructor.select_option(f"select[name='seat_{SCENARIO}/PRK']", "person")
    instructor.select_option(f"select[name='seat_{SCENARIO}/USA']", "person")
    for seat in ("CHN", "KOR", "JPN", "RUS"):
        instructor.select_option(f"select[name='seat_{SCENARIO}/{seat}']", "ai:conceder")
    shot(instructor, "console-01-class-form")
    instructor.click("#create-class")
    instructor.wait_for_selector("text=Class created: Seminar A")
    shot(instructor, "console-02-class-links")
    with instructor.expect_download() as download:
        instructor.click("#links-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    return instructor, rows


def test_a_class_is_created_in_one_step_from_the_form(server: str) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        instructor, rows = created_class(browser, server)
        assert [(r["table"], r["seat"]) for r in rows] == [
            ("1", "PRK"),
            ("1", "USA"),
            ("1", "observer"),
            ("2", "PRK"),
            ("2", "USA"),
            ("2", "observer"),
        ]
        shown = instructor.locator("td.link a").all_inner_texts()
        assert shown == [r["link"] for r in rows]  # the printed list and the CSV hold the same links
        instructor.emulate_media(media="print")
        assert not instructor.locator("#links-csv").is_visible()  # the print stylesheet hides the buttons
        assert instructor.locator("#links-2").is_visible()
        instructor.emulate_media(media="screen")
        seat = browser.new_context().new_page()
        seat.goto(rows[3]["link"])
        seat.wait_for_selector("text=Your confidential brief")
        assert "You hold the seat of" in seat.content() and "DPRK" in seat.content()
        instructor.click("text=Open the console")
        instructor.wait_for_selector("#table-2")
        assert instructor.locator("table.console tbody tr").count() == 2
        browser.close()


def test_the_console_follows_the_tables_live(server: str) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        instructor, rows = created_class(browser, server)
        instructor.click("text=Open the console")
        instructor.wait_for_selector("#table-1 .stance-awaiting[data-seat=PRK]")
        shot(instructor, "console-03-console")
        seat = browser.new_context().new_page()
        seat.goto(rows[0]["link"])  # PRK at table 1
        seat.wait_for_selector("#object")
        seat.select_option("#object-issue", "sanctions")
        seat.click("#object")
        # The console shows the objection without being reloaded.
        instructor.wait_for_selector("#table-1 .stance-object[data-seat=PRK]")
        assert instructor.locator("#table-2 .stance-awaiting[data-seat=PRK]").count() == 1
        shot(instructor, "console-04-objection-live")

        instructor.click("#table-1 button[data-action=pause]")
        instructor.wait_for_selector("#table-1[data-paused=yes]")
        seat.wait_for_selector("#paused")  # the seat is told at once
        shot(seat, "console-05-seat-paused")
        instructor.fill("#notice input[name=text]", "Ten minutes to the plenary.")
        instructor.click("#notice button[type=submit]")
        seat.wait_for_selector("text=Ten minutes to the plenary.")
        instructor.click("#table-1 button[data-action=resume]")
        instructor.wait_for_selector("#table-1[data-paused=no]")
        seat.wait_for_selector("#paused", state="detached")

        instructor.once("dialog", lambda dialog: dialog.dismiss())
        instructor.click("#table-2 button[data-action=close]")
        assert instructor.locator("#table-2[data-status=open]").count() == 1  # dismissed: nothing happens
        messages: list[str] = []

        def accept(dialog: Any) -> None:
            messages.append(dialog.message)
            dialog.accept()

        instructor.once("dialog", accept)
        instructor.click("#table-2 button[data-action=close]")
        instructor.wait_for_selector("#table-2[data-status=failed]")
        assert messages == ["Close table 2? Its talks end without agreement, for good."]
        shot(instructor, "console-06-closed")
        browser.close()
