"""The ingest review page in a real browser (Playwright driving Debian's Chromium): upload a chronology,
correct one event, reject another, download the draft, and check the case it holds.

Typing in a record's field chooses "Correct" (``static/ingest.js``); the page raises no script error and
no Content-Security-Policy violation. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from hexatable.case.loader import check_case
from tests.browser.conftest import CHROMIUM, shot
from tests.web.test_ingest_review import CHRONOLOGY

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def test_upload_correct_reject_and_download(server: str, tmp_path: Path) -> None:
    source = tmp_path / "chronology.txt"
    source.write_text(CHRONOLOGY, encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_context(accept_downloads=True).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{server}/?lang=en")
        page.click("header nav >> text=Ingest a text")
        page.set_input_files("input[name=file]", str(source))
        page.select_option("select[name=text_lang]", "zh")
        page.select_option("select[name=case]", "six-party-talks")
        page.fill("input[name=year]", "2018")
        shot(page, "ingest-01-form")
        page.click("#read-text")
        page.wait_for_selector("fieldset.record")
        assert page.locator(".ingest-text mark[id]").count() == 4
        assert page.locator("fieldset.record").count() == 4

        # Correct the last event by typing: the script chooses "Correct" for it.
        last = page.locator("#r-chronology-9-1")
        last.locator("input[name='date:chronology-9-1']").fill("2018-11-07/2018-11-08")
        assert last.locator("input[value=correct]").is_checked()
        assert "decision-correct" in (last.get_attribute("class") or "")
        last.locator("select[name='cameo:chronology-9-1']").select_option("12")
        # Reject the second.
        second = page.locator("#r-chronology-3-1")
        second.locator("input[value=reject]").check()
        assert "decision-reject" in (second.get_attribute("class") or "")
        # A mark leads to its record.
        page.click("#m-chronology-7-1 a")
        assert page.evaluate("location.hash") == "#r-chronology-7-1"
        shot(page, "ingest-02-review")

        with page.expect_download() as download:
            page.click("#download-draft")
        assert download.value.suggested_filename == "chronology-draft.zip"
        archive = tmp_path / "draft.zip"
        download.value.save_as(str(archive))
        assert errors == []
        browser.close()

    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path / "unzipped")
    checked = check_case(tmp_path / "unzipped" / "chronology-draft")
    assert checked.quotes.unchecked == 0
    events = {e.id: e for e in checked.case.events}
    assert sorted(events) == ["chronology-1-1", "chronology-7-1", "chronology-9-1"]
    assert (str(events["chronology-9-1"].date), events["chronology-9-1"].cameo) == (
        "2018-11-07/2018-11-08",
        12,
    )
    assert (str(events["chronology-7-1"].date), events["chronology-7-1"].cameo) == ("2018-09-19", 5)


@pytest.mark.parametrize(("lang", "width"), [("zh", 1280), ("zh", 760), ("en", 760)])
def test_pages_fit_the_window_in_each_language(server: str, tmp_path: Path, lang: str, width: int) -> None:
    """The form and the review page, in English and Chinese, wide and narrow: nothing wider than the
    window (no sideways scrolling), the text and every record shown, and the download button in view
    at the bottom of the window (it is sticky)."""
    source = tmp_path / "chronology.txt"
    source.write_text(CHRONOLOGY, encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(f"{server}/ingest?lang={lang}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        shot(page, f"ingest-03-form-{lang}-{width}")
        page.set_input_files("input[name=file]", str(source))
        page.select_option("select[name=case]", "six-party-talks")
        page.fill("input[name=year]", "2018")
        page.click("#read-text")
        page.wait_for_selector("fieldset.record")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator(".ingest-text").is_visible()
        assert page.locator("fieldset.record").count() == 4
        button = page.locator("#download-draft").bounding_box()
        assert button is not None and button["y"] + button["height"] <= 800
        heading = {"zh": "审核提取的事件", "en": "Review the extracted events"}[lang]
        assert page.locator("h1").inner_text() == heading
        shot(page, f"ingest-04-review-{lang}-{width}")
        browser.close()


def test_the_low_confidence_filter_hides_the_other_records(server: str) -> None:
    """The worked example has two events under 0.70 of five: ticking the filter leaves those two shown
    (CSS only, no script needed), unticking shows all five; the form still posts every record."""
    example = Path(__file__).parents[2] / "docs" / "examples" / "ingest-chronology-2007.txt"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{server}/ingest?lang=en")
        page.fill("textarea[name=text]", example.read_text(encoding="utf-8"))
        page.select_option("select[name=case]", "six-party-talks")
        page.click("#read-text")
        page.wait_for_selector("fieldset.record")
        records = page.locator("fieldset.record")
        assert records.count() == 5

        def visible() -> list[str | None]:
            return [records.nth(i).get_attribute("id") for i in range(5) if records.nth(i).is_visible()]

        assert len(visible()) == 5
        page.check("#low-only")
        assert visible() == ["r-text-11-2", "r-text-15-1"]
        assert page.locator("fieldset.record.low .badge.low-confidence").count() == 2
        shot(page, "ingest-03-low-confidence")
        page.uncheck("#low-only")
        assert len(visible()) == 5
        assert errors == []
        browser.close()
