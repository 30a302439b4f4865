"""Access, route by route: a seat's token never reveals another seat's brief or a side room it is not in.

The test walks every route the app serves (the two routers' route tables, so a new route fails the
coverage check until it is added here) and every WebSocket message type, with the DPRK's seat token
presented every way the app accepts one (``Authorization: Bearer``, ``?token=``, the room's cookie).
Japan and the USA share a side room whose text, and every other seat's brief, must never reach the DPRK.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from hexatable.case import open_case, pick
from hexatable.web import analyses, api, console, docs, ingest_review, ledger, pages
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create

SECRET = "Our real bottom line is the light-water reactor"
SHEETS = {s.seat: s for s in open_case("six-party-talks").scenario_index["six-party-2007"].sheets}


def distinctive(brief: str, length: int) -> str:
    """The start of the brief's first plain line: the same words whether served as JSON or as HTML."""
    for line in brief.splitlines():
        plain = line.strip()[:length]
        if len(plain) == length and not plain.startswith(("#", "-", "|")) and not set(plain) & set("*_`[<>&"):
            return plain
    raise AssertionError("no plain line in the brief")


def brief_of(seat: str, lang: str) -> str:
    brief = SHEETS[seat].brief
    assert brief is not None
    return pick(brief, lang)


def secrets_hidden_from(seat: str) -> list[str]:
    """What the seat must never receive: the side-room text and the other seats' briefs (en and zh)."""
    found = [SECRET]
    for other in SHEETS:
        if other != seat:
            found += [distinctive(brief_of(other, "en"), 60), distinctive(brief_of(other, "zh"), 20)]
    return found


def assert_nothing_leaks(text: str, seat: str = "PRK", where: str = "") -> None:
    text += html.unescape(text)
    for secret in secrets_hidden_from(seat):
        assert secret not in text, f"{where}: leaked {secret[:40]!r}"


@pytest.fixture
def table(client: TestClient) -> dict[str, Any]:
    """A session with people in PRK, USA and JPN; the USA and Japan confer in side room 1."""
    created = create(client)
    tokens = created["seat_tokens"]
    assert (
        act(client, created["id"], tokens["USA"], {"type": "side_room", "members": ["JPN"]}).status_code
        == 200
    )
    said = act(client, created["id"], tokens["JPN"], {"type": "side_message", "room": 1, "text": SECRET})
    assert said.status_code == 200
    return created


def credentials(client: TestClient, token: str, session_id: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every way the app accepts a token: request arguments, or the room's cookie set in the client's jar."""
    client.cookies.clear()
    yield "bearer", {"headers": bearer(token)}
    yield "query", {"params": {"token": token}}
    client.cookies.set(f"hx_seat_{session_id}", token)
    yield "cookie", {}
    client.cookies.clear()


INGEST_TEXT = "2018年3月8日，美国总统特朗普表示接受金正恩的邀请。\n5月9日，蓬佩奥访问朝鲜。\n"
"""A two-line chronology for the ingest review's probes."""

# (method, path template) of every route, and the request each one is probed with.
PROBES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/sessions"): {"json": {}},
    ("GET", "/api/sessions"): {},
    ("GET", "/api/sessions/{session_id}/view"): {},
    ("POST", "/api/sessions/{session_id}/events"): {"json": {"type": "side_message", "room": 1, "text": "?"}},
    ("GET", "/api/sessions/{session_id}/log"): {},
    ("GET", "/static/plotly.min.js"): {},
    ("GET", "/static/{name}"): {},
    ("GET", "/"): {},
    ("POST", "/sessions"): {"data": {"scenario": "six-party-talks/six-party-2007", "seat_PRK": "person"}},
    ("GET", "/created/{key}"): {},
    ("GET", "/cases/{case_id}"): {},
    ("GET", "/cases/{case_id}/timeline"): {},
    ("GET", "/cases/{case_id}/roadmaps"): {},
    ("GET", "/cases/{case_id}/forecasts"): {},
    ("GET", "/cases/{case_id}/conflicts"): {},
    ("GET", "/cases/{case_id}/ledger"): {},
    ("GET", "/room/{session_id}"): {},
    ("GET", "/room/{session_id}/panel"): {},
    ("POST", "/room/{session_id}/act"): {"data": {"type": "side_message", "room": "1", "text": "?"}},
    # The instructor's console (web/console.py): classes, their tables, and the results.
    ("POST", "/api/classes"): {"json": {"tables": 1}},
    ("GET", "/api/classes"): {},
    ("GET", "/api/classes/{class_id}"): {},
    ("POST", "/api/classes/{class_id}/tables/{number}/{action}"): {},
    ("POST", "/api/classes/{class_id}/notices"): {"json": {"text": "?"}},
    ("GET", "/api/classes/{class_id}/results.json"): {},
    ("GET", "/api/classes/{class_id}/results.csv"): {},
    ("GET", "/api/sessions/{session_id}/results.json"): {},
    ("GET", "/api/sessions/{session_id}/results.csv"): {},
    ("GET", "/console"): {},
    ("POST", "/console"): {"data": {"tables": "1", "scenario": "six-party-talks/six-party-2007"}},
    ("GET", "/console/{class_id}"): {},
    ("GET", "/console/{class_id}/tables"): {},
    ("POST", "/console/{class_id}/tables/{number}"): {"data": {"action": "close"}},
    ("POST", "/console/{class_id}/notice"): {"data": {"text": "?"}},
    ("GET", "/docs"): {},
    ("GET", "/redoc"): {},
    ("GET", "/docs/assets/{name}"): {},
    # The ingest review page (web/ingest_review.py): anyone may read a text; nothing is stored.
    ("GET", "/ingest"): {},
    ("POST", "/ingest"): {"data": {"text": INGEST_TEXT, "text_lang": "zh", "case": "six-party-talks"}},
    ("POST", "/ingest/draft"): {
        "data": {
            "text": INGEST_TEXT,
            "text_lang": "zh",
            "case": "six-party-talks",
            "decision:text-1-1": "reject",
        }
    },
}
INSTRUCTOR_ONLY = [
    route
    for route in PROBES
    if "/classes" in route[1] or "/console" in route[1] or "results" in route[1] or "/created" in route[1]
]
"""Routes a seat's or an observer's token must never open (the console, any class, the exports)."""
WEBSOCKETS = {"/api/sessions/{session_id}/ws", "/api/classes/{class_id}/ws"}


def http_routes() -> set[tuple[str, str]]:
    routes = set()
    for router in (
        api.router,
        pages.router,
        analyses.router,
        ledger.router,
        console.router,
        docs.router,
        ingest_review.router,
    ):
        for route in router.routes:
            for method in getattr(route, "methods", None) or ():
                routes.add((method, route.path))  # type: ignore[attr-defined]
    return routes


def test_every_route_is_probed() -> None:
    websockets = {
        r.path  # type: ignore[attr-defined]
        for router in (api.router, console.router)
        for r in router.routes
        if not getattr(r, "methods", None)
    }
    assert http_routes() == set(PROBES)
    assert websockets == WEBSOCKETS


def test_no_route_shows_a_seat_what_is_not_its_own(client: TestClient, table: dict[str, Any]) -> None:
    session = table["id"]
    prk, observer = table["seat_tokens"]["PRK"], table["observer_token"]
    klass = client.post("/api/classes", json={"tables": 1}, headers=bearer(INSTRUCTOR)).json()
    class_session = klass["tables"][0]["id"]
    before = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
    class_before = client.get(f"/api/sessions/{class_session}/log", headers=bearer(INSTRUCTOR)).json()
    sessions_before = client.get("/api/sessions", headers=bearer(INSTRUCTOR)).json()
    served: defaultdict[tuple[str, str, str], set[int]] = defaultdict(set)
    for (method, template), probe in PROBES.items():
        path = template.format(
            session_id=session,
            case_id="six-party-talks",
            name="room.js",
            class_id=klass["id"],
            number=1,
            action="close",
            key="k",
        )
        for token, holder in ((prk, "PRK"), (observer, "observer")):
            for how, auth in credentials(client, token, session):
                request = {**probe, **auth}
                response = client.request(method, path, follow_redirects=True, **request)
                where = f"{method} {template} as {holder} by {how}"
                assert response.status_code < 500, where
                assert_nothing_leaks(response.text, where=where)
                served[(method, template, holder)].add(response.status_code)
    client.cookies.clear()
    after = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR)).json()
    assert after == before, "a probe changed the session"
    class_after = client.get(f"/api/sessions/{class_session}/log", headers=bearer(INSTRUCTOR)).json()
    assert class_after == class_before, "a probe changed the class's table"
    # The probes reached the pages that do show the seat its own things (the test is not vacuous) ...
    for template in ("/api/sessions/{session_id}/view", "/room/{session_id}", "/room/{session_id}/panel"):
        assert 200 in served[("GET", template, "PRK")], template
    for lang in ("en", "zh"):
        own = html.unescape(client.get(f"/room/{session}", params={"token": prk, "lang": lang}).text)
        assert distinctive(brief_of("PRK", lang), 60 if lang == "en" else 20) in own
    # ... and every route that changes or lists sessions refused both tokens.
    for route in [
        ("POST", "/api/sessions"),
        ("GET", "/api/sessions"),
        ("GET", "/api/sessions/{session_id}/log"),
        *INSTRUCTOR_ONLY,
    ]:
        for holder in ("PRK", "observer"):
            assert served[(*route, holder)] <= {401, 403}, route
    assert client.get("/api/sessions", headers=bearer(INSTRUCTOR)).json() == sessions_before


def test_seats_cannot_reach_the_instructor_routes(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    client.cookies.clear()
    for method, path, body in [
        ("POST", "/api/sessions", {"json": {}}),
        ("GET", "/api/sessions", {}),
        ("GET", f"/api/sessions/{session}/log", {}),
        ("POST", "/sessions", {"data": {"scenario": "six-party-talks/six-party-2007"}}),
    ]:
        assert client.request(method, path, headers=bearer(prk), **body).status_code == 403, path
    home = client.get("/", params={"token": prk})
    assert "New negotiation session" not in home.text and session not in home.text


def test_posting_into_a_side_room_from_outside_is_refused(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    client.cookies.clear()
    refused = act(client, session, prk, {"type": "side_message", "room": 1, "text": "let me in"})
    assert refused.status_code == 403 and "not a member" in refused.json()["detail"]
    client.cookies.set(f"hx_seat_{session}", prk)
    form = client.post(
        f"/room/{session}/act",
        data={"type": "side_message", "room": "1", "text": "let me in"},
        follow_redirects=False,
    )
    client.cookies.clear()
    assert form.status_code == 403 and "not a member" in html.unescape(form.text)  # the room, with the reason
    assert_nothing_leaks(form.text, where="the refused form's page")
    usa = client.get(f"/api/sessions/{session}/view", headers=bearer(table["seat_tokens"]["USA"])).json()
    assert [m["text"] for m in usa["side_rooms"][0]["messages"]] == [SECRET]


def test_tokens_of_one_session_open_no_page_of_another(client: TestClient, table: dict[str, Any]) -> None:
    other = create(client)
    foreign = other["seat_tokens"]["PRK"]
    session = table["id"]
    for path in (f"/room/{session}", f"/room/{session}/panel", f"/api/sessions/{session}/view"):
        client.cookies.clear()
        response = client.get(path, params={"token": foreign})
        assert response.status_code == 403, path
        assert_nothing_leaks(response.text, where=path)


WS_MESSAGES: list[Any] = [
    {"type": "event", "event": {"type": "side_message", "room": 1, "text": "let me in"}},
    {"type": "event", "event": {"type": "message", "text": "hello"}},
    {"type": "event", "event": {"type": "support", "version": 1, "seat": "USA"}},
    {"type": "event", "event": {"type": "table_draft", "options": []}},
    {"type": "event", "event": {"type": "close"}},
    {"type": "view"},
    {"type": "event", "event": "not an object"},
    ["not", "an", "object"],
]


def test_no_websocket_message_leaks(client: TestClient, table: dict[str, Any]) -> None:
    session, tokens = table["id"], table["seat_tokens"]
    client.cookies.clear()
    with client.websocket_connect(f"/api/sessions/{session}/ws?token={tokens['PRK']}") as prk:
        first = prk.receive_json()
        assert first["view"]["you"]["seat"] == "PRK"
        assert_nothing_leaks(str(first), where="first push")
        for message in WS_MESSAGES:
            prk.send_json(message)
            answer = prk.receive_json()
            assert_nothing_leaks(str(answer), where=f"answer to {message}")
        aside = act(client, session, tokens["JPN"], {"type": "side_message", "room": 1, "text": SECRET + "!"})
        assert aside.status_code == 200
        # The side-room message moves the session on; whatever the DPRK is pushed next must not carry it.
        act(client, session, tokens["USA"], {"type": "message", "text": "plenary news"})
        while True:
            pushed = prk.receive_json()
            assert_nothing_leaks(str(pushed), where="push after a side-room message")
            if pushed.get("type") == "view" and pushed["view"]["messages"][-1:] == [
                {"seat": "USA", "text": "plenary news"}
            ]:
                break
    with (
        pytest.raises(WebSocketDisconnect) as closed,
        client.websocket_connect(f"/api/sessions/{session}/ws?token={tokens['PRK']}x") as ws,
    ):
        ws.receive_json()
    assert closed.value.code == 4403


def test_the_console_socket_opens_for_no_seat_or_observer(client: TestClient, table: dict[str, Any]) -> None:
    """The console's WebSocket, probed as the HTTP routes are: a seat's and an observer's token, as
    ``?token=`` and in every cookie the app reads, close it (4403) before it opens; no token, 4401."""
    session = table["id"]
    klass = client.post("/api/classes", json={"tables": 1}, headers=bearer(INSTRUCTOR)).json()
    path = f"/api/classes/{klass['id']}/ws"
    for holder in ("PRK", "observer"):
        credential = table["seat_tokens"]["PRK"] if holder == "PRK" else table["observer_token"]
        for how in ("query", "seat cookie", "instructor cookie"):
            client.cookies.clear()
            url = path + (f"?token={credential}" if how == "query" else "")
            if how == "seat cookie":
                client.cookies.set(f"hx_seat_{session}", credential)
            elif how == "instructor cookie":
                client.cookies.set("hx_instructor", credential)
            with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(url) as ws:
                ws.receive_json()
            expected = 4401 if how == "seat cookie" else 4403  # the seat's cookie is not a credential here
            assert closed.value.code == expected, f"{holder} by {how}"
    client.cookies.clear()
    with client.websocket_connect(f"{path}?token={INSTRUCTOR}") as console:  # the probe is not vacuous
        console.send_json({"type": "ping"})
        assert console.receive_json() == {"type": "pong"}
