"""The case explorer's charts render in a real browser (Playwright driving Debian's Chromium)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHROMIUM, shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PAGES = [
    ("timeline", "/cases/six-party-talks/timeline", 1),
    ("forecasts", "/cases/six-party-talks/forecasts?forecast=six-party-2019-02&model=bdm", 3),
    # The package's schedules, each with its charts; the implementation ledger's realised schedule adds two.
    ("roadmaps", "/cases/six-party-talks/roadmaps?package=second-phase-actions-2007", 6),
    ("conflicts", "/cases/six-party-talks/conflicts", 1),
]


@pytest.mark.parametrize(("name", "path", "charts"), PAGES)
def test_every_chart_of_the_explorer_renders(server: str, name: str, path: str, charts: int) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server + path)
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}")
        assert page.locator(".js-plotly-plot").count() == charts
        assert errors == []
        shot(page, f"explorer-{name}")
        browser.close()
