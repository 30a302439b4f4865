"""A whole exercise in real browsers (Playwright driving Debian's Chromium).

An instructor and three people, each in a browser context of their own, and three AI delegates reach
an agreement through the chair. Screenshots of every screen are kept in ``test-artifacts/``.
"""

from __future__ import annotations

import re

import pytest

from hexatable.case import open_case
from hexatable.negotiate.analysis import analyse
from hexatable.negotiate.space import build_space
from tests.browser.conftest import CHROMIUM, shot
from tests.conftest import INSTRUCTOR

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)

sync_api = pytest.importorskip("playwright.sync_api")


def test_people_and_ai_delegates_reach_agreement_through_the_chair(server: str) -> None:
    space = build_space(open_case("six-party-talks"), "six-party-2007")
    nash = space.describe(analyse(space).nash)  # type: ignore[arg-type]
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        instructor = browser.new_context().new_page()
        instructor.goto(f"{server}/?token={INSTRUCTOR}")
        shot(instructor, "01-instructor-home")
        for seat in ("CHN", "PRK", "USA"):
            instructor.select_option(f"select[name='seat_six-party-talks/six-party-2007/{seat}']", "person")
        for seat in ("KOR", "JPN", "RUS"):
            instructor.select_option(
                f"select[name='seat_six-party-talks/six-party-2007/{seat}']", "ai:conceder"
            )
        instructor.fill("input[name=max_drafts]", "2")
        instructor.click("text=Create session")
        instructor.wait_for_selector("text=Session created")
        shot(instructor, "02-session-created")
        links = dict(re.findall(r"<td>(\w+)</td><td><a href=\"([^\"]+)\"", instructor.content()))
        assert set(links) == {"CHN", "PRK", "USA", "observer"}

        pages = {}
        for seat in ("CHN", "PRK", "USA"):
            pages[seat] = browser.new_context().new_page()
            pages[seat].goto(links[seat].replace("&amp;", "&"))
            pages[seat].wait_for_selector("text=Your confidential brief")
            assert pages[seat].locator(".brief h2").count() >= 3  # the brief's Markdown is rendered
            shot(pages[seat], f"03-{seat}-joins")
        chair = pages["CHN"]

        for version in (1, 2):
            for issue, option in nash.items():
                chair.select_option(f"#table-draft select[name=option_{issue}]", option)
            shot(chair, f"04-chair-drafts-v{version}")
            chair.click("#table-draft button[type=submit]")
            for seat in ("CHN", "PRK", "USA"):
                page = pages[seat]
                page.wait_for_selector(f"h2:has-text('version {version}')")
                page.click("#support")
            if version == 1:
                chair.wait_for_selector("#table-draft")  # every party has answered: the chair may revise

        for seat, page in pages.items():
            page.wait_for_selector("#debrief")
            assert "Joint statement" in page.content()
            shot(page, f"05-{seat}-debrief")
        observer = browser.new_context().new_page()
        observer.goto(links["observer"].replace("&amp;", "&"))
        assert (
            "You are observing." in observer.content() and "Your confidential brief" not in observer.content()
        )
        shot(observer, "06-observer")
        zh = browser.new_context().new_page()
        zh.goto(links["PRK"].replace("&amp;", "&") + "&lang=zh")
        zh.wait_for_selector("text=共同声明")
        shot(zh, "07-PRK-debrief-zh")
        browser.close()
