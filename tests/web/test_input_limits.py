"""Every input bounded and typed, on every route (issue 13's "bad input" list, one test per defect).

The same move goes through the three doors a seat has (REST, the no-JavaScript form, the WebSocket) and
must meet the same schema; refusals are 4xx naming the field (HTML routes show the page again with the
message), never a 500, and change nothing.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import WebSocketTestSession
from typer.testing import CliRunner

from hexatable.case.builtin import builtin_cases_dir
from hexatable.services.room.moves import MAX_TEXT, MOVE_TYPES, MoveError, parse_move
from hexatable.services.room.service import RoomService
from hexatable.web.app import create_app
from hexatable.web.limits import SEAT_BURST, RateLimiter
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create, view

# --- helpers ------------------------------------------------------------------------------------


def log_of(client: TestClient, session: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR))
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def post_form(client: TestClient, session: str, token: str, data: dict[str, str]) -> Any:
    """The no-JavaScript door: the room's form, with the seat's cookie as the browser would send it."""
    client.cookies.set(f"hx_seat_{session}", token)
    try:
        return client.post(f"/room/{session}/act", data=data, follow_redirects=False)
    finally:
        client.cookies.clear()


def until(socket: WebSocketTestSession, done: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The first frame ``done`` accepts (pushes of views may come before it)."""
    for _ in range(20):
        frame: dict[str, Any] = socket.receive_json()
        if done(frame):
            return frame
    raise AssertionError("the expected frame never came")


def says(text: str) -> Callable[[dict[str, Any]], bool]:
    return lambda f: f["type"] == "view" and f["view"]["messages"][-1:] == [{"seat": "PRK", "text": text}]


def is_error(status: int, field: str = "") -> Callable[[dict[str, Any]], bool]:
    return lambda f: f["type"] == "error" and f["status"] == status and f["detail"].startswith(field)


@pytest.fixture
def table(client: TestClient) -> dict[str, Any]:
    return create(client)


# --- one schema for every door -------------------------------------------------------------------

BAD_TEXTS: list[tuple[Any, str]] = [
    ("z" * (MAX_TEXT + 1), "at most 2000 characters"),
    (123, "valid string"),
    ({}, "valid string"),
    (None, "valid string"),
    ("", "at least 1 character"),
    ("   ", "at least 1 character"),
    ("a\x00b", "control characters"),
]


@pytest.mark.parametrize(("text", "reason"), BAD_TEXTS)
def test_plenary_message_text_is_a_bounded_non_empty_string_over_rest(
    client: TestClient, table: dict[str, Any], text: Any, reason: str
) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    before = log_of(client, session)
    refused = act(client, session, prk, {"type": "message", "text": text})
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("text: ") and reason in refused.json()["detail"]
    assert log_of(client, session) == before
    assert view(client, session, prk)["messages"] == []


def test_a_five_megabyte_message_is_refused_before_it_is_read(
    client: TestClient, table: dict[str, Any]
) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    huge = act(client, session, prk, {"type": "message", "text": "z" * 5_242_880})
    assert huge.status_code == 413 and huge.json()["detail"].startswith("body: at most")
    assert view(client, session, prk)["messages"] == []
    not_json = client.post(f"/api/sessions/{session}/events", content=b"{not json", headers=bearer(prk))
    assert not_json.status_code == 400 and not_json.json()["detail"] == "body: not JSON"
    deep = client.post(f"/api/sessions/{session}/events", content=b"[" * 20_000, headers=bearer(prk))
    assert deep.status_code == 400


def test_the_longest_message_is_accepted_and_blanks_are_trimmed(
    client: TestClient, table: dict[str, Any]
) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    assert (
        act(client, session, prk, {"type": "message", "text": " " + "z" * MAX_TEXT + "\n"}).status_code == 200
    )
    assert view(client, session, prk)["messages"] == [{"seat": "PRK", "text": "z" * MAX_TEXT}]


def test_the_form_meets_the_same_schema(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    before = log_of(client, session)
    for text, reason in [("z" * (MAX_TEXT + 1), "at most 2000 characters"), ("", "at least 1 character")]:
        page = post_form(client, session, prk, {"type": "message", "text": text})
        assert page.status_code == 422, text[:10]
        shown = html.unescape(page.text)
        assert f"text: String should have {reason}" in shown and 'role="alert"' in shown
    assert log_of(client, session) == before


@pytest.mark.parametrize(
    ("field", "value"), [("version", "abc"), ("version", "²"), ("version", ""), ("version", "1" * 30)]
)
def test_a_form_number_that_is_not_one_shows_the_room_again(
    client: TestClient, table: dict[str, Any], field: str, value: str
) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    page = post_form(client, session, prk, {"type": "support", field: value})
    assert page.status_code == 422
    assert re.search(rf'role="alert">{field}: ', page.text), page.text[-2000:]
    assert "brief" in page.text  # the room itself, not an error page


def test_a_side_room_number_that_is_not_one_is_named(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    page = post_form(client, session, prk, {"type": "side_message", "room": "x", "text": "hi"})
    assert page.status_code == 422 and 'role="alert">room: ' in page.text


def test_strict_types_in_moves(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    before = log_of(client, session)
    for event, field in [
        ({"type": "support", "version": True}, "version"),
        ({"type": "support", "version": "1"}, "version"),
        ({"type": "support", "version": 1.0}, "version"),
        ({"type": "object", "version": 1, "issue": "hfo fuel"}, "issue"),
        ({"type": "object", "version": 1, "issue": "x" * 65}, "issue"),
        ({"type": "table_draft", "options": ["a"] * 65}, "options"),
        ({"type": "amend", "version": 1, "changes": {"hfo": 3}}, "changes.hfo"),
        ({"type": "side_room", "members": "USA"}, "members"),
        ({"type": "support", "version": 1, "colour": "red"}, "colour"),
        ({"version": 1}, "type"),
        ({"type": ["support"]}, "type"),
    ]:
        refused = act(client, session, prk, event)
        assert refused.status_code == 422, event
        assert refused.json()["detail"].startswith(f"{field}: "), (event, refused.json())
    assert log_of(client, session) == before


# --- creating a session -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"max_drafts": True}, "max_drafts"),
        ({"max_drafts": "20"}, "max_drafts"),
        ({"title": "t" * 301}, "title"),
        ({"title": "a\x00b"}, "title"),
        ({"case": "c" * 600}, "case"),
        ({"case": "/etc"}, "case"),
        ({"case": "no-such-case"}, "case"),
        ({"case": str(builtin_cases_dir() / "six-party-talks")}, "case"),  # a path, even a good one
        ({"seats": {"P R K": {"kind": "person"}}}, "seats"),
        ({"minutes": 0}, "minutes"),
    ],
)
def test_session_fields_are_bounded_and_typed(client: TestClient, body: dict[str, Any], field: str) -> None:
    response = client.post("/api/sessions", json=body, headers=bearer(INSTRUCTOR))
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    named = detail.startswith(f"{field}: ") if isinstance(detail, str) else field in detail[0]["loc"]
    assert named, detail
    assert client.get("/api/sessions", headers=bearer(INSTRUCTOR)).json() == []


def test_the_service_itself_bounds_what_reaches_the_database(service: RoomService) -> None:
    """The API's body model is not the only guard: a title or case that would not fit its column (or
    that PostgreSQL would refuse: NUL) is refused by the service whichever interface calls it."""
    instructor = service.identify(INSTRUCTOR)
    for fields, named in [
        ({"title": "t" * 301}, "title"),
        ({"title": "\x00"}, "title"),
        ({"case": "c" * 600}, "case"),
        ({"max_drafts": True}, "max_drafts"),
    ]:
        arguments: dict[str, Any] = {"case": "six-party-talks", "scenario": "six-party-2007", "seats": {}}
        with pytest.raises(Exception) as refused:
            service.create(instructor, **(arguments | fields))
        assert getattr(refused.value, "status", None) == 422 and str(refused.value).startswith(f"{named}: ")


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A folder of cases the server may play: a copy of the built-in case, and a folder that is no case."""
    folder = tmp_path / "cases"
    shutil.copytree(builtin_cases_dir() / "six-party-talks", folder / "my-talks")
    (folder / "empty").mkdir()
    (tmp_path / "outside").mkdir()
    return folder


def test_case_folders_only_under_the_folders_the_server_was_started_with(
    service: RoomService, case_dir: Path
) -> None:
    with TestClient(create_app(service, cases=[case_dir])) as client:
        for case in ("my-talks", str(case_dir / "my-talks"), "six-party-talks"):
            made = client.post("/api/sessions", json={"case": case}, headers=bearer(INSTRUCTOR))
            assert made.status_code == 201, (case, made.text)
        for case in (
            "/etc",
            "../outside",
            str(case_dir.parent / "outside"),
            "missing",
            "empty",
            str(case_dir),
        ):
            refused = client.post("/api/sessions", json={"case": case}, headers=bearer(INSTRUCTOR))
            assert refused.status_code == 422, (case, refused.text)
            assert refused.json()["detail"].startswith("case: "), refused.json()


def test_serve_takes_case_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case_dir: Path) -> None:
    import uvicorn

    from hexatable.cli.app import app as cli

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    monkeypatch.setenv("HEXATABLE_INSTRUCTOR_TOKEN", INSTRUCTOR)
    database = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    result = CliRunner().invoke(cli, ["serve", "--database", database, "--cases", str(case_dir)])
    assert result.exit_code == 0, result.output
    assert served["ws_max_size"] <= 1024 * 1024
    with TestClient(served["app"]) as client:
        made = client.post("/api/sessions", json={"case": "my-talks"}, headers=bearer(INSTRUCTOR))
        assert made.status_code == 201, made.text
    refused = CliRunner().invoke(cli, ["serve", "--database", database, "--cases", str(tmp_path / "none")])
    assert refused.exit_code == 2


def test_the_form_comes_back_with_the_reason(client: TestClient) -> None:
    client.get("/", params={"token": INSTRUCTOR})  # the instructor's cookie
    for data, reason in [
        ({"scenario": "junk"}, "scenario: "),
        ({"scenario": "junk/junk"}, "case: "),
        ({"scenario": "six-party-talks/junk"}, "scenario: no scenario 'junk'"),
        ({"scenario": "six-party-talks/six-party-2007", "seat_PRK": "ai:nonsense"}, "seats.PRK.strategy"),
        ({"scenario": "six-party-talks/six-party-2007", "max_drafts": "true"}, "max_drafts: "),
        ({"scenario": "six-party-talks/six-party-2007", "minutes": "nan"}, "minutes: "),
    ]:
        page = client.post("/sessions", data=data)
        assert page.status_code == 422, data
        shown = html.unescape(page.text)
        assert f'role="alert">{reason}' in shown, (data, shown[-1500:])
        assert "New negotiation session" in shown  # the form again
    client.cookies.clear()


def test_a_timeline_type_that_is_no_event_type_is_named(client: TestClient) -> None:
    for asked in ("²", "99", "-1", "x"):
        page = client.get("/cases/six-party-talks/timeline", params={"type": asked})
        assert page.status_code == 422, asked
        assert "type: " in html.unescape(page.text) and "CAMEO root codes" in page.text


def test_the_default_chair_is_the_engines_in_the_form_and_the_api(
    client: TestClient, service: RoomService
) -> None:
    by_api = create(client)
    client.get("/", params={"token": INSTRUCTOR})
    home = client.get("/")
    first = re.search(r'<select name="chair_strategy">\s*<option>([^<]+)</option>', home.text)
    assert first is not None and first.group(1) == "mediator"
    made = client.post("/sessions", data={"scenario": "six-party-talks/six-party-2007"})
    found = re.search(r"/room/([0-9a-f]+)\?", made.text)
    assert made.status_code == 200 and found is not None
    client.cookies.clear()
    assert service.room(by_api["id"]).chair_strategy == "mediator"
    assert service.room(found.group(1)).chair_strategy == "mediator"


# --- the WebSocket --------------------------------------------------------------------------------


def test_bad_frames_get_an_error_and_the_socket_stays_usable(
    client: TestClient, table: dict[str, Any]
) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    with client.websocket_connect(f"/api/sessions/{session}/ws?token={prk}") as socket:
        assert socket.receive_json()["type"] == "view"
        socket.send_text("this is not JSON")
        assert until(socket, is_error(400, "frame: not JSON"))
        socket.send_bytes(b'{"type": "event", "event": {"type": "message", "text": "bytes"}}')
        assert until(socket, is_error(422, "frame: send text frames"))
        socket.send_json({"type": "event", "event": {"type": "message", "text": 123}})
        assert until(socket, is_error(422, "text: Input should be a valid string"))
        socket.send_json({"type": "event", "event": {"type": "message", "text": "z" * 40_000}})
        assert until(socket, is_error(413, "frame: at most"))
        socket.send_json({"type": "event", "event": {"type": "support", "version": True}})
        assert until(socket, is_error(422, "version: "))
        socket.send_json({"type": "event", "event": {"type": "message", "text": "still here"}})
        assert until(socket, says("still here"))
    assert [m["text"] for m in view(client, session, prk)["messages"]] == ["still here"]


# --- one rate limiter per seat ---------------------------------------------------------------------


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_limiter_per_seat_for_every_route_and_the_socket(service: RoomService) -> None:
    clock = Clock()
    with TestClient(create_app(service, limiter=RateLimiter(burst=4, rate=1.0, clock=clock))) as client:
        created = create(client)
        session, prk, usa = created["id"], created["seat_tokens"]["PRK"], created["seat_tokens"]["USA"]
        with client.websocket_connect(f"/api/sessions/{session}/ws?token={prk}") as socket:
            assert socket.receive_json()["type"] == "view"
            # Four requests through four doors empty the DPRK's one bucket ...
            assert act(client, session, prk, {"type": "message", "text": "one"}).status_code == 200
            assert post_form(client, session, prk, {"type": "message", "text": "two"}).status_code == 303
            assert client.get(f"/room/{session}/panel", params={"token": prk}).status_code == 200
            socket.send_json({"type": "event", "event": {"type": "message", "text": "three"}})
            assert until(socket, says("three"))
            # ... and then every door answers 429, the socket with a message, keeping the connection.
            assert act(client, session, prk, {"type": "message", "text": "x"}).status_code == 429
            assert post_form(client, session, prk, {"type": "message", "text": "x"}).status_code == 429
            assert client.get(f"/room/{session}/panel", params={"token": prk}).status_code == 429
            assert client.get(f"/room/{session}", params={"token": prk}).status_code == 429
            assert client.get(f"/api/sessions/{session}/view", headers=bearer(prk)).status_code == 429
            socket.send_json({"type": "event", "event": {"type": "message", "text": "x"}})
            assert until(socket, is_error(429))
            # Another seat has its own bucket; time refills the DPRK's.
            assert act(client, session, usa, {"type": "message", "text": "usa"}).status_code == 200
            clock.now += 1.0
            socket.send_json({"type": "event", "event": {"type": "message", "text": "four"}})
            assert until(socket, says("four"))
    texts = [e["text"] for e in service.log(session) if e["type"] == "message"]
    assert texts == ["one", "two", "three", "usa", "four"]


def test_the_token_bucket() -> None:
    limiter = RateLimiter(burst=3, rate=2.0, clock=lambda: 0.0)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")  # keys do not share
    assert [limiter.allow("a", now=0.25), limiter.allow("a", now=0.5), limiter.allow("a", now=0.5)] == [
        False,
        True,
        False,
    ]
    assert [limiter.allow("a", now=100.0) for _ in range(4)] == [True, True, True, False]  # full, no more
    with pytest.raises(ValueError):
        RateLimiter(burst=0)


def test_the_default_limits_are_loose_enough_for_a_person() -> None:
    """Each click costs three requests (the move, the page's refresh, the refresh the push triggers).
    Six clicks at once, then a click a second for ten minutes, are never refused; a script that sends
    forty moves at once is."""
    person = RateLimiter()
    clicks = [0.0] * 6 + [1.0 + second for second in range(600)]
    assert all(person.allow("p", now=moment) for moment in clicks for _ in range(3))
    script = RateLimiter()
    assert [script.allow("s", now=0.0) for _ in range(40)].count(False) == 40 - SEAT_BURST


# --- idempotence and what a seat may infer ---------------------------------------------------------


def test_a_repeated_answer_adds_no_log_row(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    first = act(client, session, prk, {"type": "support", "version": 1})
    assert first.status_code == 200 and len(first.json()["appended"]) >= 1
    rows = len(log_of(client, session))
    again = act(client, session, prk, {"type": "support", "version": 1})
    assert again.status_code == 200 and again.json() == {"appended": []}
    assert post_form(client, session, prk, {"type": "support", "version": "1"}).status_code == 303
    assert len(log_of(client, session)) == rows
    objection = {"type": "object", "version": 1, "issue": "sanctions"}
    assert act(client, session, prk, objection).json()["appended"]  # a different answer is recorded
    assert act(client, session, prk, objection).json() == {"appended": []}
    assert len(log_of(client, session)) == rows + 1


def test_side_rooms_and_answers_reveal_nothing_of_rooms_a_seat_is_not_in(
    client: TestClient, table: dict[str, Any]
) -> None:
    session, tokens = table["id"], table["seat_tokens"]
    assert act(client, session, tokens["USA"], {"type": "side_room", "members": ["JPN"]}).status_code == 200
    said = act(client, session, tokens["JPN"], {"type": "side_message", "room": 1, "text": "between us"})
    assert said.status_code == 200 and said.json()["appended"] == [
        {"type": "side_message", "seat": "JPN", "room": 1, "text": "between us"}
    ]
    # The DPRK opens its own room after theirs: for the DPRK it is room 1, and nothing counts theirs.
    opened = act(client, session, tokens["PRK"], {"type": "side_room", "members": ["KOR"]}).json()["appended"]
    assert opened == [{"type": "side_room", "seat": "PRK", "room": 1, "members": ["KOR", "PRK"]}]
    spoke = act(client, session, tokens["PRK"], {"type": "message", "text": "hello"}).json()["appended"]
    assert all("seq" not in event for event in spoke)
    assert (
        act(client, session, tokens["PRK"], {"type": "side_message", "room": 1, "text": "ours"}).status_code
        == 200
    )
    assert (
        act(client, session, tokens["PRK"], {"type": "side_message", "room": 2, "text": "x"}).status_code
        == 403
    )
    rooms = view(client, session, tokens["PRK"])["side_rooms"]
    assert [(r["room"], r["members"], r["messages"]) for r in rooms] == [
        (1, ["KOR", "PRK"], [{"seat": "PRK", "text": "ours"}])
    ]
    assert [r["room"] for r in view(client, session, tokens["USA"])["side_rooms"]] == [1]
    assert [r["room"] for r in view(client, session, INSTRUCTOR)["side_rooms"]] == [1, 2]


@pytest.mark.parametrize("minutes", [None, 30])
def test_a_change_a_seat_cannot_see_pushes_it_nothing(client: TestClient, minutes: int | None) -> None:
    """Not even under a clock, whose time left differs from one view to the next."""
    table = create(client, **({"minutes": minutes} if minutes else {}))
    session, tokens = table["id"], table["seat_tokens"]
    assert act(client, session, tokens["USA"], {"type": "side_room", "members": ["JPN"]}).status_code == 200
    with client.websocket_connect(f"/api/sessions/{session}/ws?token={tokens['PRK']}") as socket:
        assert socket.receive_json()["type"] == "view"
        assert (
            act(client, session, tokens["JPN"], {"type": "side_message", "room": 1, "text": "?"}).status_code
            == 200
        )
        assert act(client, session, tokens["USA"], {"type": "message", "text": "news"}).status_code == 200
        pushed = socket.receive_json()  # the very next push is the plenary message, not an unchanged view
        assert pushed["view"]["messages"][-1] == {"seat": "USA", "text": "news"}


# --- what the address may say ---------------------------------------------------------------------------


def test_error_text_in_the_address_is_never_shown_as_the_apps_own(
    client: TestClient, table: dict[str, Any]
) -> None:
    planted = "Your session expired: log in again at evil.example"
    prk = table["seat_tokens"]["PRK"]
    for path, params in [
        ("/", {}),
        ("/cases/six-party-talks", {}),
        ("/cases/six-party-talks/timeline", {}),
        (f"/room/{table['id']}", {"token": prk}),
        (f"/room/{table['id']}/panel", {"token": prk}),
    ]:
        page = client.get(path, params={**params, "error": planted})
        assert page.status_code == 200, path
        assert "evil.example" not in page.text and 'role="alert"' not in page.text, path


# --- invariants ---------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    ["seat", "version", "issue", "toward", "options", "changes", "text", "room", "members", "offer", "go_on"]
)
MOVE_LIKE = st.builds(
    lambda kind, fields: {"type": kind, **fields},
    st.sampled_from([*MOVE_TYPES, "time_up", "vote"]) | JSON,
    st.dictionaries(
        FIELDS, JSON | st.integers(0, 3) | st.sampled_from(["sanctions", "PRK", "USA"]), max_size=4
    ),
)


@given(MOVE_LIKE)
def test_parse_move_answers_a_move_or_a_named_refusal(data: dict[str, Any]) -> None:
    try:
        move = parse_move(data)
    except MoveError as error:
        assert error.field and str(error).startswith(f"{error.field}: ")
        return
    assert move["type"] in MOVE_TYPES
    assert all(len(v) <= MAX_TEXT for v in move.values() if isinstance(v, str))


@pytest.fixture
def shared_table(client: TestClient) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    yield client, create(client)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(event=MOVE_LIKE | JSON)
def test_no_body_makes_a_server_error(shared_table: tuple[TestClient, dict[str, Any]], event: Any) -> None:
    client, table = shared_table
    response = act(client, table["id"], table["seat_tokens"]["PRK"], event)
    assert response.status_code in (200, 400, 403, 409, 413, 422), (event, response.text)


def test_a_session_id_the_database_would_refuse_is_not_found(client: TestClient) -> None:
    for session in ("%00", "x" * 200, "a%20b"):
        assert client.get(f"/api/sessions/{session}/view", headers=bearer(INSTRUCTOR)).status_code == 404
        assert client.get(f"/room/{session}", params={"token": INSTRUCTOR}).status_code == 404


FORM_FIELDS = st.sampled_from(
    ["type", "version", "room", "offer", "text", "members", "change", "option_hfo", "issue"]
)
FORM_VALUES = st.sampled_from(
    [*MOVE_TYPES, "1", "0", "-1", "abc", "²", "", "sanctions", "hfo=x", "=", "PRK"]
) | st.text(max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.lists(st.tuples(FORM_FIELDS, FORM_VALUES), max_size=6))
def test_no_form_makes_a_server_error(
    shared_table: tuple[TestClient, dict[str, Any]], form: list[tuple[str, str]]
) -> None:
    client, table = shared_table
    client.cookies.set(f"hx_seat_{table['id']}", table["seat_tokens"]["PRK"])
    try:
        response = client.post(
            f"/room/{table['id']}/act",
            content=urlencode(form),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            follow_redirects=False,
        )
    finally:
        client.cookies.clear()
    assert response.status_code in (303, 400, 403, 409, 422), (form, response.text[-500:])


def test_the_api_documents_each_moves_schema(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/sessions/{session_id}/events"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    kinds = {option["properties"]["type"]["const"]: option for option in schema["oneOf"]}
    assert set(kinds) == set(MOVE_TYPES)
    assert kinds["message"]["properties"]["text"]["maxLength"] == MAX_TEXT


def test_query_parameters_of_the_api_are_bounded(client: TestClient, table: dict[str, Any]) -> None:
    session, prk = table["id"], table["seat_tokens"]["PRK"]
    path = f"/api/sessions/{session}/view"
    assert client.get(path, params={"lang": "x" * 100}, headers=bearer(prk)).status_code == 422
    assert client.get(path, params={"token": "t" * 1000}).status_code == 422
    assert client.get(path, params={"lang": "zh"}, headers=bearer(prk)).status_code == 200


def test_a_class_plays_a_case_folder_the_server_allows_and_no_other(
    service: RoomService, case_dir: Path
) -> None:
    with TestClient(create_app(service, cases=[case_dir])) as client:
        body = {"tables": 2, "case": "my-talks", "scenario": "six-party-2007"}
        made = client.post("/api/classes", json=body, headers=bearer(INSTRUCTOR))
        assert made.status_code == 201, made.text
        for table in made.json()["tables"]:
            log = client.get(f"/api/sessions/{table['id']}/log", headers=bearer(INSTRUCTOR))
            assert log.status_code == 200
        for case in ("/etc", "../outside", "missing"):
            refused = client.post("/api/classes", json={**body, "case": case}, headers=bearer(INSTRUCTOR))
            assert refused.status_code == 422 and refused.json()["detail"].startswith("case: "), refused.text
