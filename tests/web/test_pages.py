"""The server-rendered pages: case explorer, room screens, languages, errors."""

from __future__ import annotations

import html
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from fastapi.testclient import TestClient

from hexatable.case import open_case
from hexatable.web.i18n import LOCALE_DIR, translations
from tests.conftest import INSTRUCTOR
from tests.web.test_api import create

WEB = Path(__file__).parents[2] / "src" / "hexatable" / "web"


def test_case_explorer_links_every_fact_to_its_source(client: TestClient) -> None:
    page = client.get("/cases/six-party-talks")
    assert page.status_code == 200
    assert "Joint Statement" in page.text and "Fangfei Garden" in page.text
    assert "line 385" in page.text  # a commitment's locator
    assert "«" in page.text and "inferred" in page.text


def test_timeline_filters_and_languages(client: TestClient) -> None:
    page = client.get("/cases/six-party-talks/timeline", params={"actor": "PRK", "type": "15"})
    assert page.status_code == 200
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>15 ", page.text)
    assert rows and all("DPRK" in who or "Kim" in who for _, who in rows)
    zh = client.get("/cases/six-party-talks/timeline", params={"lang": "zh", "from": "2019"})
    assert "时间线" in zh.text and "2019年" in zh.text
    bad = client.get("/cases/six-party-talks/timeline", params={"from": "2003-13"})
    assert bad.status_code == 422 and "month 13 is not between 1 and 12" in bad.text
    assert client.get("/static/plotly.min.js").headers["content-type"].startswith("text/javascript")


def test_instructor_creates_a_session_from_the_form(client: TestClient) -> None:
    assert "New negotiation session" not in client.get("/").text
    home = client.get("/", params={"token": INSTRUCTOR})
    assert "New negotiation session" in home.text
    created = client.post(
        "/sessions",
        data={
            "scenario": "six-party-talks/six-party-2007",
            "seat_six-party-talks/six-party-2007/PRK": "person",
            "seat_six-party-talks/six-party-2007/USA": "ai:linear",
            "seat_another-case/another-scenario/JPN": "person",  # another scenario's table: ignored
            "max_drafts": "10",
        },
    )
    links = re.findall(r'href="http://testserver(/room/[^"]+\?token=[^"]+)"', created.text)
    assert len(links) == 2  # the DPRK's seat and the observer


def test_room_screen_shows_a_seat_its_own_brief_and_acts_without_javascript(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA"))
    session, tokens = created["id"], created["seat_tokens"]
    sheets = {s.seat: s for s in open_case("six-party-talks").scenario_index["six-party-2007"].sheets}
    page = client.get(f"/room/{session}", params={"token": tokens["PRK"]})
    assert page.status_code == 200 and "Your confidential brief" in page.text
    text = html.unescape(page.text)

    def first_sentence(seat: str) -> str:
        brief = sheets[seat].brief["en"]  # type: ignore[index]
        return next(line for line in brief.splitlines() if line and not line.startswith("#"))[:60]

    assert first_sentence("PRK") in text
    assert all(first_sentence(other) not in text for other in sheets if other != "PRK")
    acted = client.post(
        f"/room/{session}/act",
        data={"type": "object", "version": "1", "issue": "sanctions"},
        follow_redirects=False,
    )
    assert acted.status_code == 303
    panel = client.get(f"/room/{session}/panel")  # the seat cookie set by the room page
    assert "objects (Financial sanctions)" in panel.text
    refused = client.post(f"/room/{session}/act", data={"type": "support", "version": "9"})
    assert "version 9 does not exist" in refused.text
    observer = client.get(f"/room/{session}", params={"token": created["observer_token"]})
    assert "You are observing." in observer.text and "Your confidential brief" not in observer.text


def test_room_errors_are_pages(client: TestClient) -> None:
    created = create(client)
    client.cookies.clear()
    page = client.get(f"/room/{created['id']}", params={"token": "wrong"})
    assert page.status_code == 403 and "does not open this session" in page.text
    assert client.get("/room/nosuchsession", params={"token": INSTRUCTOR}).status_code == 404


def test_every_ui_message_has_a_chinese_translation() -> None:
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    found = {
        message
        for _, _, message, *_ in extract_from_dir(str(WEB), method_map, keywords={"_": None, "N_": None})
    }
    zh = translations("zh")
    untranslated = sorted(m for m in found if isinstance(m, str) and zh.gettext(m) == m)
    assert not untranslated, f"add to {LOCALE_DIR / 'zh'}: {untranslated}"
    assert len(found) > 90


def test_a_delegate_proposes_an_amendment_the_table_sees(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA"))
    session, tokens = created["id"], created["seat_tokens"]
    client.get(f"/room/{session}", params={"token": tokens["PRK"]})  # the seat cookie
    acted = client.post(
        f"/room/{session}/act", data={"type": "amend", "version": "1", "change": "sanctions=lift"}
    )
    assert (
        acted.status_code == 200
        and "Proposed amendments" in acted.text
        and "Financial sanctions → Lift" in acted.text
    )
    usa = view_of(client, session, tokens["USA"])
    assert usa["amendments"] == {"PRK": {"sanctions": "lift"}}


def view_of(client: TestClient, session: str, token: str) -> dict[str, object]:
    response = client.get(f"/api/sessions/{session}/view", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def test_a_form_number_that_is_not_a_number_is_named(client: TestClient) -> None:
    client.get("/", params={"token": INSTRUCTOR})
    refused = client.post(
        "/sessions", data={"scenario": "six-party-talks/six-party-2007", "max_drafts": "ten"}
    )
    assert refused.status_code == 422 and "max_drafts: &#39;ten&#39; is not a number" in refused.text
