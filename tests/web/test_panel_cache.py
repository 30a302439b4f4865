"""The room panel's kept parts (hexatable.web.panel_parts): a move is on the very next panel, and no
seat's panel ever shows another seat's brief, score sheet or side room, whichever seat fetched first."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from hexatable.case import open_case, pick
from hexatable.services.room.service import RoomService, SeatPlan
from hexatable.web.panel_parts import PanelParts
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create, view
from tests.web.test_clock import FakeClock
from tests.web.test_room_screen import panel

CASE = open_case("six-party-talks")
SCENARIO = CASE.scenario_index["six-party-2007"]
SHEETS = {s.seat: s for s in SCENARIO.sheets}


def sheet_rows(page: str) -> dict[tuple[str, str], float]:
    """The score sheet of a panel: (issue title, option label) -> points, read from its table (its
    rows for interactions left out)."""
    section = page.split("Your score sheet", 1)[1].split("</table>", 1)[0]
    rows: dict[tuple[str, str], float] = {}
    title = ""
    for first, label, points in re.findall(
        r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", section
    ):
        if first == "together":  # an interaction's row, not an option's
            continue
        title = html.unescape(first) or title
        rows[(title, html.unescape(label))] = float(points)
    return rows


def expected_sheet(seat: str) -> dict[tuple[str, str], float]:
    """The seat's score sheet as the case file states it."""
    sheet = SHEETS[seat]
    return {
        (pick(issue.title, "en"), pick(option.label, "en")): float(sheet.points[issue.id][option.id])
        for issue in CASE.issues
        if issue.id in sheet.points
        for option in issue.options
        if option.id in sheet.points[issue.id]
    }


def lead(seat: str) -> str:
    """The first words of a seat's brief after its heading ("You are <name>, <office>...")."""
    text = SHEETS[seat].brief["en"].split("\n", 1)[1][:50]  # type: ignore[index]
    assert text.startswith("You are") and not set(text) & set("<>&\"'*_`")
    return text


def plenary(page: str) -> str:
    return page.split("<h2>Plenary</h2>", 1)[1].split("</div>", 1)[0]


def test_a_move_is_on_the_next_panel_of_every_seat(client: TestClient) -> None:
    created = create(client)
    session, tokens = created["id"], created["seat_tokens"]
    for seat in tokens:  # every seat's panel is kept at this position
        assert "No message yet." in plenary(panel(client, session, tokens[seat]))
    assert act(client, session, tokens["PRK"], {"type": "message", "text": "first words"}).status_code == 200
    for token in (*tokens.values(), created["observer_token"], INSTRUCTOR):
        said = plenary(panel(client, session, token))
        assert "first words" in said and "No message yet." not in said
    assert act(client, session, tokens["USA"], {"type": "message", "text": "second words"}).status_code == 200
    said = plenary(panel(client, session, tokens["PRK"]))
    assert said.index("first words") < said.index("second words")


def test_a_new_draft_and_its_changes_are_on_the_next_panel(client: TestClient) -> None:
    created = create(client, people=("CHN", "USA"))
    session, tokens = created["id"], created["seat_tokens"]
    agenda = view(client, session, tokens["CHN"])["agenda"]
    first = [item["options"][0]["id"] for item in agenda]
    assert act(client, session, tokens["CHN"], {"type": "table_draft", "options": first}).status_code == 200
    before = panel(client, session, tokens["USA"])
    assert "Earlier versions" not in before
    for seat in ("CHN", "USA"):  # the AI seats answered; the people answer so the chair may table again
        current = view(client, session, tokens[seat])
        if seat in current["awaiting"]:
            move = {"type": "support", "version": current["session"]["version"]}
            assert act(client, session, tokens[seat], move).status_code == 200
    second = [item["options"][-1]["id"] for item in agenda]
    current = view(client, session, tokens["CHN"])
    if current["awaiting"]:
        pytest.skip("the AI seats left the first draft open")  # pragma: no cover - depends on the case
    assert act(client, session, tokens["CHN"], {"type": "table_draft", "options": second}).status_code == 200
    after = panel(client, session, tokens["USA"])
    history = after.split("Earlier versions", 1)[1]
    changed = [
        f"{item['title']}: {item['options'][-1]['label']};"
        for item in agenda
        if item["options"][0]["id"] != item["options"][-1]["id"]
    ]
    assert changed and all(html.escape(text, quote=False) in history for text in changed)


@pytest.mark.parametrize("first", ["USA", "PRK"])
def test_no_seat_sees_another_seats_brief_sheet_or_side_room(client: TestClient, first: str) -> None:
    created = create(client)
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["USA"], {"type": "side_room", "members": ["KOR"]}).status_code == 200
    move = {"type": "side_message", "room": 1, "text": "between USA and KOR only"}
    assert act(client, session, tokens["USA"], move).status_code == 200
    order = [first, *(s for s in tokens if s != first)]
    pages = {seat: panel(client, session, tokens[seat]) for seat in order}  # one position, in this order
    pages |= {seat: panel(client, session, tokens[seat]) for seat in reversed(order)}  # and back
    for seat, page in pages.items():
        assert sheet_rows(page) == expected_sheet(seat), seat
        assert lead(seat) in page, seat
        for other in tokens:
            if other != seat:
                assert lead(other) not in page, (seat, other)
        assert ("between USA and KOR only" in page) == (seat in ("USA", "KOR")), seat
    for token in (created["observer_token"], INSTRUCTOR):
        page = panel(client, session, token)
        assert "Your score sheet" not in page
        assert ("between USA and KOR only" in page) == (token == INSTRUCTOR)


def test_the_panel_in_each_language_is_kept_apart(client: TestClient) -> None:
    created = create(client)
    session, token = created["id"], created["seat_tokens"]["USA"]
    english, chinese = panel(client, session, token, "en"), panel(client, session, token, "zh")
    assert "Your score sheet" in english and "Your score sheet" not in chinese
    assert sheet_rows(english) == expected_sheet("USA")


def test_an_older_position_never_replaces_a_newer_one_and_the_cache_is_bounded() -> None:
    cache = PanelParts(capacity=2)
    cache.at("s1", "en", 5).shared["part"] = "at 5"
    cache.at("s1", "en", 4).shared["part"] = "at 4"  # a slower reader: its part is not kept
    assert cache.at("s1", "en", 5).shared == {"part": "at 5"}
    assert cache.at("s1", "zh", 5).shared == {}  # another language, another entry
    cache.at("s1", "en", 5).sheets["USA"] = "USA's sheet"
    assert cache.at("s1", "en", 6).sheets == {"USA": "USA's sheet"}  # a seat's sheet outlives a move
    assert cache.at("s1", "en", 6).shared == {}
    cache.at("s2", "en", 1)
    assert len(cache) == 2  # the least recently used (s1 in Chinese) went
    assert cache.at("s1", "zh", 5).sheets == {}
    with pytest.raises(ValueError, match="capacity"):
        PanelParts(capacity=0)


def test_views_kept_at_a_position_are_each_seats_own_and_the_clock_still_moves(engine: Engine) -> None:
    clock = FakeClock()
    service = RoomService(engine, INSTRUCTOR, clock=clock)
    instructor = service.identify(INSTRUCTOR)
    people = {seat: SeatPlan() for seat in ("USA", "PRK", "KOR")}
    created = service.create(
        instructor, case="six-party-talks", scenario="six-party-2007", seats=people, minutes=10
    )
    seats = {seat: service.identify(token, created.id) for seat, token in created.seat_tokens.items()}
    service.act(seats["USA"], created.id, {"type": "side_room", "members": ["KOR"]})
    service.act(seats["USA"], created.id, {"type": "side_message", "room": 1, "text": "for KOR only"})
    observer = service.identify(created.observer_token, created.id)
    audience = [(seats["USA"], "en"), (seats["PRK"], "en"), (observer, "en"), (seats["KOR"], "zh")]
    for _ in range(2):  # built, then kept: the same answers
        seq, views = service.views_at(created.id, audience)
        usa, prk, seen_by_observer, kor = views
        assert usa["own"]["brief"] == SHEETS["USA"].brief["en"]
        assert prk["own"]["brief"] == SHEETS["PRK"].brief["en"]
        assert kor["own"]["brief"] == SHEETS["KOR"].brief["zh"]
        assert "own" not in seen_by_observer
        assert [r["messages"] for r in usa["side_rooms"]] == [[{"seat": "USA", "text": "for KOR only"}]]
        assert [r["messages"] for r in kor["side_rooms"]] == [[{"seat": "USA", "text": "for KOR only"}]]
        assert prk["side_rooms"] == [] and seen_by_observer["side_rooms"] == []
        assert seq == service.view_at(seats["PRK"], created.id)[0]
    assert service.view(seats["PRK"], created.id)["session"]["seconds_left"] == 600
    clock.now += 120  # no event: the same position, yet the time left is the clock's
    assert service.view(seats["PRK"], created.id)["session"]["seconds_left"] == 480
    service.act(seats["PRK"], created.id, {"type": "message", "text": "a new position"})
    later, view = service.view_at(seats["USA"], created.id)
    assert later == seq + 1 and view["messages"][-1] == {"seat": "PRK", "text": "a new position"}
    assert service.view(seats["PRK"], created.id)["messages"][-1]["text"] == "a new position"


def test_a_language_the_app_does_not_speak_gets_the_english_view_and_keeps_no_copy(
    client: TestClient,
) -> None:
    """Views are kept per language at each log position; ``?lang=`` is the caller's to choose, so any
    value the app does not speak is read as English (as documented) rather than keyed on."""
    made = create(client)
    token = made["seat_tokens"]["USA"]
    english = view(client, made["id"], token)
    for lang in ("xx", "EN", "ko", "z" * 16):
        response = client.get(f"/api/sessions/{made['id']}/view?lang={lang}", headers=bearer(token))
        assert response.status_code == 200 and response.json() == english
    service: RoomService = client.app.state.service  # type: ignore[attr-defined]
    seen = service.room(made["id"]).seen
    assert seen is not None and {lang for _, _, lang in seen.personal} == {"en"}
