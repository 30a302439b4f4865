"""A person's experience of the room in a real browser: typing survives the panel's re-render, the
irreversible actions ask first, a lost connection is said and nothing typed is lost, new side-room
messages are signalled at the top, and the engine's reasons reach the Chinese screen translated."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine

from hexatable.case import open_case
from hexatable.negotiate.space import build_space
from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
from tests.browser.conftest import ARTIFACTS, CHROMIUM, shot
from tests.conftest import INSTRUCTOR

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"
)
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
SPACE = build_space(open_case("six-party-talks"), "six-party-2007")
TYPED = "We could freeze the reactor if"


class Server:
    """The app on a fixed loopback port that can be stopped and started again over the same database,
    as a server restarted in the middle of a class."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.running: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)  # bound before the browser connects: no waiting needed
        app = create_app(RoomService(self.engine, INSTRUCTOR), act_limit=10_000, join_limit=10_000)
        self.running = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="websockets-sansio"))
        self.thread = threading.Thread(target=self.running.run, kwargs={"sockets": [listener]}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        assert self.running is not None and self.thread is not None
        self.running.should_exit = True
        self.thread.join(timeout=20)
        assert not self.thread.is_alive()


@pytest.fixture
def live(engine: Engine) -> Iterator[Server]:
    server = Server(engine)
    server.start()
    yield server
    if server.thread is not None and server.thread.is_alive():
        server.stop()


@pytest.fixture
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield launched
        launched.close()


def create(
    url: str, people: tuple[str, ...] = ("CHN", "PRK", "USA"), walk_out: str = "vote"
) -> dict[str, Any]:
    created = httpx.post(
        f"{url}/api/sessions",
        json={"seats": {seat: {"kind": "person"} for seat in people}, "walk_out": walk_out},
        headers={"Authorization": f"Bearer {INSTRUCTOR}"},
        timeout=120,  # the first session of a process loads the scenario's analysis
    )
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


def act(url: str, session: str, token: str, event: dict[str, Any]) -> None:
    acted = httpx.post(
        f"{url}/api/sessions/{session}/events",
        json=event,
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert acted.status_code == 200, acted.text


def view(url: str, session: str, token: str) -> dict[str, Any]:
    seen = httpx.get(
        f"{url}/api/sessions/{session}/view", headers={"Authorization": f"Bearer {token}"}, timeout=60
    )
    return seen.json()  # type: ignore[no-any-return]


def open_room(browser: Any, url: str, session: str, token: str, lang: str = "en") -> Any:
    page = browser.new_context().new_page()
    page.goto(f"{url}/room/{session}?token={token}&lang={lang}")
    page.wait_for_selector("#panel h1")
    page.wait_for_function("window.hexatableCharts !== undefined")
    return page


def plenary(page: Any) -> Any:
    return page.locator("form:has(input[name=type][value=message]) input[name=text]")


def test_typing_survives_the_chair_tabling_a_draft(live: Server, browser: Any) -> None:
    created = create(live.url)
    session, tokens = created["id"], created["seat_tokens"]
    prk = open_room(browser, live.url, session, tokens["PRK"])
    box = plenary(prk)
    box.click()
    box.type(TYPED)
    chair = open_room(browser, live.url, session, tokens["CHN"])
    chair.select_option("#table-draft select[name=option_sanctions]", "lift")  # the chair's own choice ...
    act(live.url, session, tokens["CHN"], {"type": "table_draft", "options": [o[0] for o in SPACE.options]})
    prk.wait_for_selector("h2:has-text('version 1')")  # the panel was re-rendered with the new draft
    assert plenary(prk).input_value() == TYPED
    assert prk.evaluate("document.activeElement.name") == "text"
    assert prk.evaluate("document.activeElement.selectionStart") == len(TYPED)
    prk.keyboard.type(" they lift sanctions.")  # the caret is where it was: typing goes on
    shot(prk, "ux-typing-kept")
    prk.click("form:has(input[name=type][value=message]) button[type=submit]")
    prk.wait_for_selector(f"text={TYPED} they lift sanctions.")
    assert plenary(prk).input_value() == ""  # sent: the box is empty again
    chair.wait_for_selector("text=they lift sanctions.")
    assert chair.locator("#table-draft select[name=option_sanctions]").count() == 0 or (
        chair.locator("#table-draft select[name=option_sanctions]").input_value() == "lift"
    )


def test_walking_out_and_closing_ask_first(live: Server, browser: Any) -> None:
    created = create(live.url, walk_out="continue")  # the AI seats would end the talks without the DPRK
    session, tokens = created["id"], created["seat_tokens"]
    prk = open_room(browser, live.url, session, tokens["PRK"])
    asked: list[str] = []

    def dismiss(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    prk.once("dialog", dismiss)
    prk.click("#walk-out")
    prk.wait_for_function("true")
    assert asked and "Walk out" in asked[0]
    assert prk.locator("#walk-out").count() == 1
    assert all(s["seated"] for s in view(live.url, session, tokens["PRK"])["session"]["seats"])
    prk.once("dialog", lambda dialog: dialog.accept())
    prk.click("#walk-out")
    prk.wait_for_selector("text=Return to the table")
    seats = {s["seat"]: s["seated"] for s in view(live.url, session, tokens["PRK"])["session"]["seats"]}
    assert seats["PRK"] is False

    usa = open_room(browser, live.url, session, tokens["USA"], lang="zh")
    instructor = open_room(browser, live.url, session, INSTRUCTOR)
    asked.clear()
    instructor.once("dialog", dismiss)
    instructor.click("button:has-text('Close the talks')")
    instructor.wait_for_function("true")
    assert asked and "cannot be undone" in asked[0]
    assert view(live.url, session, INSTRUCTOR)["session"]["status"] == "open"
    instructor.once("dialog", lambda dialog: dialog.accept())
    instructor.click("button:has-text('Close the talks')")
    instructor.wait_for_selector("#debrief")
    # The Chinese screen of another seat learns it live, with the engine's reason in Chinese.
    usa.wait_for_selector("#reason")
    assert usa.locator("#reason").inner_text() == "主席宣布会谈结束"
    shot(usa, "ux-closed-zh")
    # Printed, the debrief is all there is: no forms, no brief, no side rooms, no site header.
    usa.wait_for_selector("#frontier .main-svg")
    usa.emulate_media(media="print")
    for shown in ("#debrief", "#results", "#frontier", "h1"):
        assert usa.locator(shown).first.is_visible(), shown
    for hidden in (".brief", "#side-rooms", "header", "#panel form", "button[data-print]"):
        assert usa.locator(hidden).first.is_hidden(), hidden
    usa.pdf(path=str(ARTIFACTS / "ux-debrief-zh.pdf"))
    shot(usa, "ux-debrief-zh-print")


def test_a_lost_connection_is_said_and_the_text_is_kept(live: Server, browser: Any) -> None:
    created = create(live.url)
    session, tokens = created["id"], created["seat_tokens"]
    prk = open_room(browser, live.url, session, tokens["PRK"])
    assert prk.locator("#connection").is_hidden()
    plenary(prk).fill(TYPED)
    live.stop()
    prk.wait_for_selector("#connection", state="visible")
    assert "Connection lost" in prk.locator("#connection").inner_text()
    prk.click("form:has(input[name=type][value=message]) button[type=submit]")  # cannot reach the server
    prk.wait_for_selector("#connection", state="visible")
    assert plenary(prk).input_value() == TYPED
    shot(prk, "ux-connection-lost")
    live.start()
    prk.wait_for_selector("#connection", state="hidden")  # back: the notice goes, the text stays
    assert plenary(prk).input_value() == TYPED
    prk.click("form:has(input[name=type][value=message]) button[type=submit]")
    prk.wait_for_selector(f"#panel p:has-text('{TYPED}')")
    assert [m["text"] for m in view(live.url, session, tokens["PRK"])["messages"]] == [TYPED]


def test_new_side_room_messages_are_signalled_at_the_top(live: Server, browser: Any) -> None:
    created = create(live.url)
    session, tokens = created["id"], created["seat_tokens"]
    prk = open_room(browser, live.url, session, tokens["PRK"])
    assert prk.locator("#side-notice").is_hidden()
    act(live.url, session, tokens["USA"], {"type": "side_room", "members": ["PRK"]})
    act(live.url, session, tokens["USA"], {"type": "side_message", "room": 1, "text": "A word in private?"})
    prk.wait_for_selector("#side-notice", state="visible")
    notice = prk.locator("#side-notice")
    assert notice.locator(".count").inner_text() == "1"
    top = prk.evaluate("document.getElementById('side-notice').getBoundingClientRect().top")
    rooms = prk.evaluate("document.getElementById('side-rooms').getBoundingClientRect().top")
    assert top < 300 < rooms  # near the top, above the fold; the side rooms far below it
    shot(prk, "ux-side-notice")
    notice.locator("a").click()
    prk.wait_for_selector("#side-notice", state="hidden")
    assert prk.evaluate("location.hash") == "#side-rooms"
    prk.reload()
    prk.wait_for_selector("#panel h1")
    assert prk.locator("#side-notice").is_hidden()  # read stays read


def test_after_a_walk_out_the_others_are_asked_whether_to_go_on(live: Server, browser: Any) -> None:
    # People at four seats; the AI seats (ROK, Russia) need only the DPRK and the US. (When the chair
    # walks out the talks end: there is nobody to draft.)
    created = create(live.url, people=("CHN", "PRK", "USA", "JPN"))
    session, tokens = created["id"], created["seat_tokens"]
    usa = open_room(browser, live.url, session, tokens["USA"])
    act(live.url, session, tokens["JPN"], {"type": "walk_out"})
    usa.wait_for_selector("#walk-out-vote #go-on")  # pushed to the page: no reload
    assert view(live.url, session, tokens["USA"])["session"]["vote"] == ["PRK", "USA", "CHN"]
    usa.click("#go-on")  # the form's "true" reaches the API as the boolean the move schema requires
    usa.wait_for_selector("#go-on", state="detached")
    assert view(live.url, session, tokens["USA"])["session"]["vote"] == ["PRK", "CHN"]
    shot(usa, "ux-walk-out-vote")
    prk = open_room(browser, live.url, session, tokens["PRK"])
    prk.once("dialog", lambda dialog: dialog.accept())
    prk.click("#end-talks")
    prk.wait_for_selector("#debrief")
    ended = view(live.url, session, tokens["PRK"])["session"]
    assert (ended["status"], ended["reason"]) == (
        "failed",
        "'JPN' walked out and 'PRK' would not go on without it",
    )


def test_the_clock_counts_down_between_refreshes(live: Server, browser: Any) -> None:
    created = httpx.post(
        f"{live.url}/api/sessions",
        json={"seats": {"PRK": {"kind": "person"}}, "minutes": 30},
        headers={"Authorization": f"Bearer {INSTRUCTOR}"},
        timeout=120,
    )
    assert created.status_code == 201, created.text
    prk = open_room(browser, live.url, created.json()["id"], created.json()["seat_tokens"]["PRK"])
    shown = prk.locator("#clock").inner_text()
    assert shown == "30:00" or shown.startswith("29:")  # half an hour, just begun
    # No panel refresh comes (nobody acts): the page itself moves the clock on.
    prk.wait_for_function("t => document.getElementById('clock').textContent !== t", arg=shown)
    minutes, seconds = prk.locator("#clock").inner_text().split(":")
    assert int(minutes) == 29 and 0 <= int(seconds) <= 59
