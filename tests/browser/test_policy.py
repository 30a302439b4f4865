"""Every kind of page satisfies the Content-Security-Policy it is served with, in a real browser, and
every chart has axis titles in the page's language.

Chromium reports each blocked script, style or connection twice: as a ``securitypolicyviolation``
event in the page (recorded by a script Playwright adds before the page's own) and as a console
error. Both must stay empty while each page loads and draws its charts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.browser.conftest import CHROMIUM, shot
from tests.conftest import INSTRUCTOR

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
RECORD_VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.violations.push(e.violatedDirective + " " + e.blockedURI));
"""
# Plotly draws every axis title it is given; the layout the page passed is read back from the chart.
AXIS_TITLES = """
() => [...document.querySelectorAll(".js-plotly-plot")].map((gd) => ({
  id: gd.id,
  x: gd.layout.xaxis && gd.layout.xaxis.title && gd.layout.xaxis.title.text,
  y: gd.layout.yaxis && gd.layout.yaxis.title && gd.layout.yaxis.title.text,
  colorbar: (gd.data[0].marker && gd.data[0].marker.colorbar) ? gd.data[0].marker.colorbar.title.text : null,
  drawn: [...gd.querySelectorAll(".g-xtitle text, .g-ytitle text")].map((t) => t.textContent),
}))
"""
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def tables(server: str) -> dict[str, str]:
    """A room still open (PRK's link) and a room whose talks were closed (its debrief, USA's link)."""
    links = {}
    for name in ("open", "closed"):
        created = httpx.post(
            f"{server}/api/sessions",
            json={"seats": {"PRK": {"kind": "person"}, "USA": {"kind": "person"}}},
            headers={"Authorization": f"Bearer {INSTRUCTOR}"},
            timeout=120,
        ).json()
        seat = "PRK" if name == "open" else "USA"
        links[name] = f"/room/{created['id']}?token={created['seat_tokens'][seat]}"
        if name == "closed":
            closed = httpx.post(
                f"{server}/api/sessions/{created['id']}/events",
                json={"type": "close"},
                headers={"Authorization": f"Bearer {INSTRUCTOR}"},
                timeout=120,
            )
            assert closed.status_code == 200, closed.text
    return links


def pages(tables: dict[str, str]) -> list[tuple[str, str, int]]:
    """(name, path, charts on the page) of every kind of page."""
    return [
        ("index", "/", 0),
        ("instructor", f"/?token={INSTRUCTOR}", 0),
        ("case", "/cases/six-party-talks", 0),
        ("timeline", "/cases/six-party-talks/timeline", 1),
        ("forecasts", "/cases/six-party-talks/forecasts?forecast=six-party-2019-02&model=bdm", 3),
        (
            "roadmaps",
            "/cases/six-party-talks/roadmaps?package=second-phase-actions-2007",
            6,
        ),  # with the ledger's realised schedule
        ("conflicts", "/cases/six-party-talks/conflicts", 1),
        ("room", tables["open"], 0),
        ("debrief", tables["closed"], 1),
        ("error", f"/room/nosuchsession?token={INSTRUCTOR}", 0),
    ]


def watch(page: Any) -> tuple[list[str], list[str]]:
    """The page's console errors and uncaught exceptions, and the requests it sends elsewhere; and
    its policy violations recorded in ``window.violations``."""
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
    page.add_init_script(RECORD_VIOLATIONS)
    return errors, outside


def load(browser: Any, server: str, path: str, lang: str, charts: int) -> tuple[Any, list[str]]:
    page = browser.new_page()
    errors, _ = watch(page)
    page.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    page.wait_for_load_state("load")
    if charts:
        drawn = "[...document.querySelectorAll('.js-plotly-plot')].filter((g) => g.querySelector('svg'))"
        page.wait_for_function(f"{drawn}.length >= {charts}")
    return page, errors


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_satisfies_the_policy_and_titles_its_axes(
    server: str, browser: Any, tables: dict[str, str], lang: str
) -> None:
    for name, path, charts in pages(tables):
        page, errors = load(browser, server, path, lang, charts)
        assert page.evaluate("window.violations") == [], f"{name}: blocked by the policy"
        expected = ["the server responded with a status of 404"] if name == "error" else []
        assert [e for e in errors if not any(x in e for x in expected)] == [], f"{name}: {errors}"
        found = page.evaluate(AXIS_TITLES)
        assert len(found) == charts, name
        for chart in found:
            where = f"{name} {lang} {chart['id']}"
            assert chart["x"] and chart["y"], f"{where}: an axis without a title"
            assert chart["x"] in chart["drawn"] and chart["y"] in chart["drawn"], f"{where}: not drawn"
            if lang == "zh":
                assert CJK.search(chart["x"]) and CJK.search(chart["y"]), f"{where}: not in Chinese"
            if name == "timeline":
                assert chart["colorbar"], f"{where}: the colour bar has no title"
        if lang == "en":
            shot(page, f"policy-{name}")
        page.close()


def test_api_docs_work_offline_under_the_policy(server: str, browser: Any) -> None:
    context = browser.new_context()
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())  # offline
    for path, ready in (("/docs", ".opblock"), ("/redoc", "[role=menuitem], .menu-content")):
        page = context.new_page()
        errors, outside = watch(page)
        page.goto(server + path)
        page.wait_for_selector(ready)
        assert "/api/sessions" in page.content(), path
        # ReDoc always asks for its maker's logo from the maker's site; the policy blocks it (and ReDoc
        # then hides the image). Nothing else may be blocked, fail, or leave the server.
        logo = "img-src https://cdn.redoc.ly/redoc/logo-mini.svg"
        assert [v for v in page.evaluate("window.violations") if v != logo] == [], path
        assert [e for e in errors if "cdn.redoc.ly" not in e] == [], (path, errors)
        assert [u for u in outside if not u.startswith("https://cdn.redoc.ly/")] == [], (path, outside)
        shot(page, f"policy-{path.strip('/')}")
        page.close()
    context.close()
