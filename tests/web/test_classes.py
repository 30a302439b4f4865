"""Classes and the instructor's console: N tables in one step, every table live, pause, close, notices."""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any
from urllib.parse import unquote

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect

from hexatable.services.room.db import MIGRATIONS, make_engine, migrate
from hexatable.services.room.service import RoomError, RoomService, SeatPlan
from hexatable.web.app import create_app
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, view
from tests.web.test_clock import FakeClock

SEATS = {"PRK": {"kind": "person"}, "USA": {"kind": "person"}, "JPN": {"kind": "ai", "strategy": "conceder"}}
SCENARIO = "six-party-talks/six-party-2007"


def make_class(client: TestClient, tables: int = 3, **extra: Any) -> dict[str, Any]:
    body = {"tables": tables, "title": "Monday seminar", "seats": SEATS, **extra}
    response = client.post("/api/classes", json=body, headers=bearer(INSTRUCTOR))
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def token(link: str) -> str:
    return link.split("token=", 1)[1]


def fragment(client: TestClient, class_id: str) -> str:
    response = client.get(f"/console/{class_id}/tables", params={"token": INSTRUCTOR})
    assert response.status_code == 200, response.text
    return response.text


def row(text: str, number: int) -> str:
    """The console's line for table ``number``."""
    start = text.index(f'<tr id="table-{number}"')
    return text[start : text.index("</tr>", start)]


def unclocked(line: str) -> str:
    """A console line without its time left (which runs on between two requests)."""
    return re.sub(r'<td class="clock"[^>]*>[^<]*</td>', "", line)


def test_a_class_is_n_tables_with_the_same_seats_and_a_link_per_person(client: TestClient) -> None:
    made = make_class(client, tables=3)
    assert made["title"] == "Monday seminar" and made["console"].endswith(f"/console/{made['id']}")
    tables = made["tables"]
    assert [t["number"] for t in tables] == [1, 2, 3] and len({t["id"] for t in tables}) == 3
    everyone = set()
    for table in tables:
        assert set(table["links"]) == {"PRK", "USA", "observer"}
        for seat in ("PRK", "USA"):
            mine = view(client, table["id"], token(table["links"][seat]))
            assert (
                mine["you"]["seat"] == seat
                and mine["session"]["title"] == "Six-Party Talks, 2007: the action-for-action package"
            )
            kinds = {s["seat"]: s["kind"] for s in mine["session"]["seats"]}
            assert kinds == {
                "PRK": "person",
                "USA": "person",
                "CHN": "ai",
                "KOR": "ai",
                "JPN": "ai",
                "RUS": "ai",
            }
            everyone.add(token(table["links"][seat]))
    assert len(everyone) == 6  # every seat of every table has a token of its own
    results = client.get(f"/api/classes/{made['id']}/results.json", headers=bearer(INSTRUCTOR)).json()
    strategies = {s["seat"]: s["strategy"] for s in results["tables"][0]["seats"]}
    assert strategies["JPN"] == "conceder"
    listed = client.get("/api/classes", headers=bearer(INSTRUCTOR)).json()
    assert listed == [
        {"id": made["id"], "title": "Monday seminar", "scenario": "six-party-2007", "tables": 3}
    ]


def test_the_links_come_as_csv_too(client: TestClient) -> None:
    body = {"tables": 2, "seats": SEATS}
    response = client.post("/api/classes?format=csv", json=body, headers=bearer(INSTRUCTOR))
    assert response.status_code == 201 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["table"], r["seat"]) for r in rows] == [
        ("1", "PRK"),
        ("1", "USA"),
        ("1", "observer"),
        ("2", "PRK"),
        ("2", "USA"),
        ("2", "observer"),
    ]
    for r in rows:
        assert r["link"].endswith(f"/room/{r['session']}?token={token(r['link'])}")
        opened = view(client, r["session"], token(r["link"]))["you"]
        assert (
            opened == {"role": "observer", "seat": None}
            if r["seat"] == "observer"
            else opened["seat"] == r["seat"]
        )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tables": 0}, "tables"),
        ({"tables": 61}, "tables"),
        ({"tables": "3"}, "tables"),
        ({"tables": True}, "tables"),
        ({"title": "x" * 201}, "title"),
        ({"scenario": "no-such-scenario"}, "scenario"),
        ({"case": "/etc"}, "case"),
        ({"seats": {"FRA": {"kind": "person"}}}, "seats"),
        ({"max_drafts": 0}, "max_drafts"),
        ({"minutes": -5}, "minutes"),
        ({"chair_strategy": "dice"}, "chair_strategy"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_class_input_is_refused_naming_the_field(
    client: TestClient, change: dict[str, Any], field: str
) -> None:
    body = {"tables": 2, "seats": SEATS, **change}
    response = client.post("/api/classes", json=body, headers=bearer(INSTRUCTOR))
    assert response.status_code == 422, response.text
    assert field in str(response.json()["detail"])
    assert client.get("/api/classes", headers=bearer(INSTRUCTOR)).json() == []
    assert client.get("/api/sessions", headers=bearer(INSTRUCTOR)).json() == []


def test_the_form_creates_a_class_and_shows_bad_input_again(client: TestClient) -> None:
    home = client.get("/console", params={"token": INSTRUCTOR})
    assert home.status_code == 200 and 'id="new-class"' in home.text and "chairs the talks" in home.text
    form = {
        "title": "Tuesday",
        "tables": "2",
        "scenario": SCENARIO,
        f"seat_{SCENARIO}/PRK": "person",
        f"seat_{SCENARIO}/CHN": "person",
        f"seat_{SCENARIO}/USA": "ai:linear",
        "max_drafts": "5",
        "minutes": "",
    }
    page = client.post("/console", data=form)
    assert page.status_code == 200, page.text
    text = html.unescape(page.text)
    assert "Class created: Tuesday" in text and 'id="links-2"' in text and 'id="links-3"' not in text
    href = text.split('href="data:text/csv;charset=utf-8,', 1)[1].split('"', 1)[0]
    rows = list(csv.DictReader(io.StringIO(unquote(href))))
    assert sorted({r["seat"] for r in rows}) == ["CHN", "PRK", "observer"] and len(rows) == 6
    for r in rows:  # every link printed on the page is the CSV's
        assert r["link"] in text
    assert page.headers["cache-control"] == "no-store"

    for changes, message in [
        ({"tables": "100"}, "tables: a whole number between 1 and 60"),
        ({"tables": "ten"}, "tables: 'ten' is not a number"),
        ({"tables": ""}, "tables: a whole number between 1 and 60"),
        ({"title": "y" * 300}, "title: at most 200 characters"),
        ({"scenario": "six-party-talks/junk"}, "scenario: no scenario 'junk'"),
        ({"scenario": "junk"}, "case: use a built-in case"),
        ({"max_drafts": "0"}, "max_drafts: between 1 and 200"),
    ]:
        again = client.post("/console", data={**form, **changes})
        assert again.status_code == 422, changes
        shown = html.unescape(again.text)
        assert message in shown and 'id="new-class"' in shown, changes
        assert 'value="Tuesday"' in shown or changes.get("title")  # what was typed is kept
    assert len(client.get("/api/classes", headers=bearer(INSTRUCTOR)).json()) == 1


def test_the_console_shows_every_table_and_follows_each_change(client: TestClient) -> None:
    made = make_class(client, tables=2, minutes=45, walk_out="continue")
    first, _ = made["tables"]
    page = client.get(f"/console/{made['id']}", params={"token": INSTRUCTOR})
    assert page.status_code == 200
    assert 'id="table-1"' in page.text and 'id="table-2"' in page.text and "/static/console.js" in page.text
    assert "<script>" not in page.text  # no inline script: the pages' CSP allows none
    before = fragment(client, made["id"])
    for number in (1, 2):
        line = row(before, number)
        assert "version 1 / 20" in line and "PRK: awaiting" in line and "USA: awaiting" in line
        assert "CHN<sup>AI</sup>: supports" in line
        assert re.search(r'<td class="clock"[^>]*>4[45]:\d\d</td>', line)  # 45 minutes, just begun
    prk = token(first["links"]["PRK"])
    assert (
        act(client, first["id"], prk, {"type": "object", "version": 1, "issue": "sanctions"}).status_code
        == 200
    )
    after = fragment(client, made["id"])
    assert "PRK: objects (sanctions)" in row(after, 1) and "USA: awaiting" in row(after, 1)
    usa = token(first["links"]["USA"])
    assert act(client, first["id"], usa, {"type": "walk_out"}).status_code == 200
    later = fragment(client, made["id"])  # every seated party has answered: the AI chair revised its text
    assert "USA: walked out" in row(later, 1) and "version 2 / 20" in row(later, 1)
    assert unclocked(row(after, 2)) == unclocked(row(before, 2))  # the other table did not move
    summary = client.get(f"/api/classes/{made['id']}", headers=bearer(INSTRUCTOR)).json()["tables"][0]
    stances = {s["seat"]: (s["stance"], s["issue"]) for s in summary["seats"]}
    assert stances["PRK"] == ("awaiting", None) and stances["USA"] == ("away", None)
    assert (summary["version"], summary["phase"]["name"], summary["status"]) == (2, "plenary", "open")


def test_a_paused_table_refuses_moves_until_it_resumes(client: TestClient) -> None:
    made = make_class(client, tables=2)
    first, second = made["tables"]
    prk = token(first["links"]["PRK"])
    log_before = client.get(f"/api/sessions/{first['id']}/log", headers=bearer(INSTRUCTOR)).json()
    paused = client.post(f"/api/classes/{made['id']}/tables/1/pause", headers=bearer(INSTRUCTOR))
    assert paused.status_code == 200 and paused.json()["session"] == first["id"]
    refused = act(client, first["id"], prk, {"type": "support", "version": 1})
    assert refused.status_code == 409
    assert refused.json()["detail"] == "the instructor has paused this table: moves wait until it resumes"
    assert act(client, first["id"], prk, {"type": "message", "text": "Still here."}).status_code == 200
    log = client.get(f"/api/sessions/{first['id']}/log", headers=bearer(INSTRUCTOR)).json()
    assert [e["type"] for e in log[len(log_before) :]] == ["pause", "message"]
    seen = view(client, first["id"], prk)
    assert seen["session"]["paused"] is True
    room = client.get(f"/room/{first['id']}", params={"token": prk})
    assert "Paused by the instructor." in room.text
    assert 'id="support"' not in room.text  # no button for a move the table would refuse
    unpaused = client.get(f"/room/{second['id']}", params={"token": token(second["links"]["PRK"])})
    assert 'id="support"' in unpaused.text
    assert 'data-paused="yes"' in row(fragment(client, made["id"]), 1)
    assert 'data-paused="no"' in row(fragment(client, made["id"]), 2)
    other = token(second["links"]["PRK"])
    assert act(client, second["id"], other, {"type": "support", "version": 1}).status_code == 200
    again = client.post(f"/api/classes/{made['id']}/tables/1/pause", headers=bearer(INSTRUCTOR))
    assert again.status_code == 409 and again.json()["detail"] == "this table is already paused"
    assert (
        client.post(f"/api/classes/{made['id']}/tables/1/resume", headers=bearer(INSTRUCTOR)).status_code
        == 200
    )
    assert view(client, first["id"], prk)["session"]["paused"] is False
    assert act(client, first["id"], prk, {"type": "support", "version": 1}).status_code == 200
    assert (
        client.post(f"/api/classes/{made['id']}/tables/3/pause", headers=bearer(INSTRUCTOR)).status_code
        == 404
    )


def test_the_form_path_pauses_and_resumes_without_javascript(client: TestClient) -> None:
    made = make_class(client, tables=1)
    client.get("/console", params={"token": INSTRUCTOR})  # the instructor's cookie
    done = client.post(f"/console/{made['id']}/tables/1", data={"action": "pause"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith(f"/console/{made['id']}")
    assert 'data-paused="yes"' in row(client.get(done.headers["location"]).text, 1)
    client.post(f"/console/{made['id']}/tables/1", data={"action": "resume"})
    assert 'data-paused="no"' in row(fragment(client, made["id"]), 1)
    bad = client.post(f"/console/{made['id']}/tables/1", data={"action": "explode"})
    assert bad.status_code == 422 and "action: use pause, resume or close" in bad.text


def test_the_clock_stops_while_a_table_is_paused(engine: Engine) -> None:
    clock = FakeClock()
    service = RoomService(engine, INSTRUCTOR, clock=clock)
    instructor = service.identify(INSTRUCTOR)
    created = service.create(
        instructor, case="six-party-talks", scenario="six-party-2007", seats={"PRK": SeatPlan()}, minutes=10
    )
    prk = service.identify(created.seat_tokens["PRK"], created.id)
    clock.now += 100
    service.pause(instructor, created.id)
    clock.now += 1000  # far past the original deadline
    assert service.enforce_clock(created.id) is False
    seen = service.view(prk, created.id)["session"]
    assert (seen["status"], seen["seconds_left"], seen["paused"]) == ("open", 500, True)
    service.pause(instructor, created.id, paused=False)
    clock.now += 499
    assert service.view(prk, created.id)["session"]["seconds_left"] == 1
    clock.now += 2
    assert service.enforce_clock(created.id) is True
    assert service.view(prk, created.id)["session"]["status"] == "failed"
    with pytest.raises(RoomError) as ended:
        service.pause(instructor, created.id)
    assert ended.value.status == 409 and "the talks have ended" in ended.value.message


def test_only_the_instructor_pauses_or_sends_notices(service: RoomService) -> None:
    created = service.create(
        service.identify(INSTRUCTOR),
        case="six-party-talks",
        scenario="six-party-2007",
        seats={"PRK": SeatPlan()},
    )
    prk = service.identify(created.seat_tokens["PRK"], created.id)
    for attempt in (lambda: service.pause(prk, created.id), lambda: service.notice(prk, created.id, "hi")):
        with pytest.raises(RoomError) as refused:
            attempt()
        assert refused.value.status == 403
    for sent in ({"type": "pause"}, {"type": "notice", "text": "hi"}):
        with pytest.raises(RoomError) as refused:
            service.act(prk, created.id, sent)
        assert refused.value.status == 422  # not an event a seat can send
    assert [e["type"] for e in service.log(created.id)].count("pause") == 0


def test_closing_a_table_ends_its_talks(client: TestClient) -> None:
    made = make_class(client, tables=2)
    first, second = made["tables"]
    closed = client.post(f"/api/classes/{made['id']}/tables/2/close", headers=bearer(INSTRUCTOR))
    assert closed.status_code == 200
    prk = token(second["links"]["PRK"])
    seen = view(client, second["id"], prk)["session"]
    assert (seen["status"], seen["reason"]) == ("failed", "closed by the chair")
    refused = act(client, second["id"], prk, {"type": "support", "version": 1})
    assert refused.status_code == 409 and "the talks have ended" in refused.json()["detail"]
    line = row(fragment(client, made["id"]), 2)
    assert "no agreement" in line and 'data-action="close"' not in line and 'data-action="pause"' not in line
    assert 'data-confirm="Close table 1?' in row(fragment(client, made["id"]), 1)
    again = client.post(f"/api/classes/{made['id']}/tables/2/close", headers=bearer(INSTRUCTOR))
    assert again.status_code == 409
    assert view(client, first["id"], token(first["links"]["PRK"]))["session"]["status"] == "open"


def test_a_notice_reaches_every_seat_of_every_table(client: TestClient) -> None:
    made = make_class(client, tables=2)
    first, second = made["tables"]
    with (
        client.websocket_connect(f"/api/sessions/{first['id']}/ws?token={token(first['links']['PRK'])}") as a,
        client.websocket_connect(
            f"/api/sessions/{second['id']}/ws?token={token(second['links']['USA'])}"
        ) as b,
    ):
        assert a.receive_json()["view"]["notices"] == [] and b.receive_json()["view"]["notices"] == []
        sent = client.post(
            f"/api/classes/{made['id']}/notices",
            json={"text": "Ten minutes left."},
            headers=bearer(INSTRUCTOR),
        )
        assert sent.status_code == 200 and sent.json()["sessions"] == [first["id"], second["id"]]
        for socket in (a, b):
            assert [n["text"] for n in socket.receive_json()["view"]["notices"]] == ["Ten minutes left."]
    for table in (first, second):
        for holder in ("PRK", "USA", "observer"):
            seen = view(client, table["id"], token(table["links"][holder]))
            assert [n["text"] for n in seen["notices"]] == ["Ten minutes left."]
        page = client.get(f"/room/{table['id']}", params={"token": token(table["links"]["USA"])})
        assert "Notice from the instructor" in page.text and "Ten minutes left." in page.text
    for text in ("", "   ", "z" * 501):
        bad = client.post(
            f"/api/classes/{made['id']}/notices", json={"text": text}, headers=bearer(INSTRUCTOR)
        )
        assert bad.status_code == 422 and "text" in str(bad.json()["detail"])
    client.get("/console", params={"token": INSTRUCTOR})
    form = client.post(
        f"/console/{made['id']}/notice", data={"text": "Back in plenary."}, follow_redirects=False
    )
    assert form.status_code == 303
    assert [n["text"] for n in view(client, first["id"], token(first["links"]["PRK"]))["notices"]] == [
        "Ten minutes left.",
        "Back in plenary.",
    ]


def test_a_class_is_only_the_instructors(client: TestClient) -> None:
    made = make_class(client, tables=1)
    table = made["tables"][0]
    prk = token(table["links"]["PRK"])
    client.cookies.clear()
    for method, path, body in [
        ("POST", "/api/classes", {"json": {"tables": 1}}),
        ("GET", "/api/classes", {}),
        ("GET", f"/api/classes/{made['id']}", {}),
        ("POST", f"/api/classes/{made['id']}/tables/1/pause", {}),
        ("POST", f"/api/classes/{made['id']}/tables/1/close", {}),
        ("POST", f"/api/classes/{made['id']}/notices", {"json": {"text": "hi"}}),
        ("GET", "/console", {}),
        ("GET", f"/console/{made['id']}", {}),
        ("GET", f"/console/{made['id']}/tables", {}),
        ("POST", f"/console/{made['id']}/tables/1", {"data": {"action": "close"}}),
        ("POST", f"/console/{made['id']}/notice", {"data": {"text": "hi"}}),
        ("POST", "/console", {"data": {"tables": "1", "scenario": SCENARIO}}),
    ]:
        for auth in ({"headers": bearer(prk)}, {"params": {"token": prk}}):
            response = client.request(method, path, **body, **auth)
            assert response.status_code == 403, (method, path)
            assert "Monday seminar" not in response.text
    assert view(client, table["id"], prk)["session"]["status"] == "open"
    assert client.get("/api/classes/nosuchclass", headers=bearer(INSTRUCTOR)).status_code == 404
    assert client.get("/console/nosuchclass", params={"token": INSTRUCTOR}).status_code == 404


def test_a_database_at_revision_0002_is_upgraded_and_keeps_its_sessions(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/old.sqlite3")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    assert "room_class" not in inspect(engine).get_table_names()
    old = RoomService(engine, INSTRUCTOR)
    created = old.create(
        old.identify(INSTRUCTOR), case="six-party-talks", scenario="six-party-2007", seats={"PRK": SeatPlan()}
    )
    migrate(engine)
    assert {"room_class", "room_class_table"} <= set(inspect(engine).get_table_names())
    service = RoomService(engine, INSTRUCTOR)
    prk = service.identify(created.seat_tokens["PRK"], created.id)
    assert service.view(prk, created.id)["session"]["status"] == "open"
    with TestClient(create_app(service)) as client:
        made = make_class(client, tables=2)
        assert [c["tables"] for c in client.get("/api/classes", headers=bearer(INSTRUCTOR)).json()] == [2]
        assert made["tables"][0]["id"] != created.id
    engine.dispose()


def test_the_console_speaks_chinese(client: TestClient) -> None:
    made = make_class(client, tables=1)
    page = client.get(f"/console/{made['id']}", params={"token": INSTRUCTOR, "lang": "zh"})
    assert page.status_code == 200
    assert "教师控制台" in page.text and "发送给所有谈判桌" in page.text and "待答复" in page.text
    form = client.get("/console", params={"lang": "zh"})
    assert "新建班级" in form.text and "担任谈判主席" in form.text


def test_a_pause_and_the_notices_survive_a_restart(engine: Engine) -> None:
    first = RoomService(engine, INSTRUCTOR)
    instructor = first.identify(INSTRUCTOR)
    created = first.create(
        instructor, case="six-party-talks", scenario="six-party-2007", seats={"PRK": SeatPlan()}
    )
    first.pause(instructor, created.id)
    first.notice(instructor, created.id, "Back at three.")
    restarted = RoomService(engine, INSTRUCTOR)  # nothing cached
    prk = restarted.identify(created.seat_tokens["PRK"], created.id)
    seen = restarted.view(prk, created.id)
    assert seen["session"]["paused"] is True and [n["text"] for n in seen["notices"]] == ["Back at three."]
    with pytest.raises(RoomError) as refused:
        restarted.act(prk, created.id, {"type": "support", "version": 1})
    assert refused.value.status == 409
