"""The ledger page in a real browser: its charts draw, in both languages, and every mark leads to the
ledger entry it stands for, where that entry's sources are quoted."""

from __future__ import annotations

import pytest

from hexatable.case import open_case
from tests.browser.conftest import CHROMIUM, shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

LINKS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap((gd) =>
  gd.data.flatMap((trace) => (trace.customdata || []).filter((link) => typeof link === 'string')))"""
"""Every mark's link (its customdata), read from the charts as drawn."""


def check_page(server: str, path: str, charts: int, name: str) -> list[str]:
    """Open the page, wait for its charts, check each mark's link; return the links."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(server + path)
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}")
        assert page.locator(".js-plotly-plot").count() == charts
        links: list[str] = page.evaluate(LINKS)
        assert links
        for link in set(links):
            entry = page.locator(f"#{link}")
            assert entry.count() == 1, link
            assert entry.locator("details.sources .quote").count() >= 1, link
        # A click on a bar goes to its entry.
        bar = page.locator("#ledger-status .bars path").first
        box = bar.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("window.location.hash.startsWith('#entry-')")
        assert page.evaluate("window.location.hash").removeprefix("#") in links
        assert errors == []
        shot(page, f"ledger-{name}")
        browser.close()
    return links


def test_the_p5_ledger_page_in_english(server: str) -> None:
    links = check_page(server, "/cases/p5-process/ledger", 1, "p5-en")
    assert {f"entry-{e.id}" for e in open_case("p5-process").implementation} <= set(links)


def test_the_p5_ledger_page_in_chinese(server: str) -> None:
    check_page(server, "/cases/p5-process/ledger?lang=zh", 1, "p5-zh")


def test_the_six_party_ledger_page_draws_deliveries_against_promises(server: str) -> None:
    case = open_case("six-party-talks")
    if not any(e.delivered for e in case.implementation):
        pytest.skip("the built-in six-party ledger records no deliveries yet (its data is another branch's)")
    links = check_page(server, "/cases/six-party-talks/ledger", 2, "six-party")
    assert any(f"entry-{e.id}" in links for e in case.implementation if e.delivered)
