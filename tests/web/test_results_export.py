"""Results to take away: a scripted table's outcome, scores, gains, walk-outs and path of drafts.

The expected scores are added up by hand from the score sheets in
``src/hexatable/data/cases/six-party-talks/scenario-six-party-2007.yaml`` (option points, then the
interactions the package triggers; every must-have is met), not computed by the code under test.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create

SIX = ("PRK", "USA", "CHN", "KOR", "JPN", "RUS")
AGENDA = (
    "prk-step",
    "verification",
    "hfo",
    "sanctions",
    "terrorism-list",
    "security-assurance",
    "normalisation-usa",
    "normalisation-jpn",
    "lwr",
    "abductees",
)
FIRST = {
    "prk-step": "freeze",
    "verification": "inspections",
    "hfo": "50kt",
    "sanctions": "partial",
    "terrorism-list": "keep",
    "security-assurance": "verbal",
    "normalisation-usa": "none",
    "normalisation-jpn": "none",
    "lwr": "none",
    "abductees": "none",
}
AGREED = {
    "prk-step": "disable",
    "verification": "inspections",
    "hfo": "1mt",
    "sanctions": "partial",
    "terrorism-list": "delist",
    "security-assurance": "written",
    "normalisation-usa": "steps",
    "normalisation-jpn": "steps",
    "lwr": "discuss-later",
    "abductees": "reinvestigation",
}
# Each seat's points for AGREED, issue by issue in AGENDA's order, plus the interactions it triggers.
SCORES = {
    "PRK": 64 + 8 + 10 + 8 + 14 + 14 + 8 + 5 + 5 + 0 + 6,  # + written assurance with US steps: 142
    "USA": 26 + 4 + 0 + 5 + 0 + 2 + 3 + 2 + 8 + 4 + 4,  # + disablement under inspections: 58
    "CHN": 14 + 6 + 5 + 8 + 4 + 10 + 8 + 4 + 5 + 2 + 8,  # + disablement with a written assurance: 74
    "KOR": 20 + 6 + 8 + 6 + 4 + 8 + 8 + 4 + 4 + 2,  # 70
    "JPN": 16 + 8 + 0 + 5 + 0 + 2 + 1 + 6 + 6 + 22 + 6,  # + reinvestigation with full energy aid: 72
    "RUS": 14 + 6 + 7 + 6 + 3 + 8 + 5 + 2 + 3 + 1,  # 55
}
RESERVATIONS = {"PRK": 96, "USA": 50, "CHN": 30, "KOR": 8, "JPN": 30, "RUS": 28}


def test_the_hand_sums_are_what_the_sheets_say() -> None:
    assert SCORES == {"PRK": 142, "USA": 58, "CHN": 74, "KOR": 70, "JPN": 72, "RUS": 55}


def scripted(client: TestClient) -> dict[str, Any]:
    """Six people: version 1 draws an objection and two reservations; Korea walks out and returns;
    version 2 is supported by all."""
    created = create(client, people=SIX)
    session, tokens = created["id"], created["seat_tokens"]

    def move(seat: str, event: dict[str, Any]) -> None:
        response = act(client, session, tokens[seat], event)
        assert response.status_code == 200, (seat, event, response.text)

    move("CHN", {"type": "table_draft", "options": [FIRST[i] for i in AGENDA]})
    move("PRK", {"type": "object", "version": 1, "issue": "lwr"})
    move("USA", {"type": "support", "version": 1})
    move("USA", {"type": "reserve", "version": 1})  # changes its answer: the last one stands
    for seat in ("JPN", "RUS", "CHN", "KOR"):
        move(seat, {"type": "support", "version": 1})
    move("KOR", {"type": "walk_out"})
    move("KOR", {"type": "return"})
    move("KOR", {"type": "reserve", "version": 1})
    move("PRK", {"type": "message", "text": "A reactor, or nothing."})
    move("CHN", {"type": "table_draft", "options": [AGREED[i] for i in AGENDA]})
    for seat in SIX:
        move(seat, {"type": "support", "version": 2})
    return created


def test_a_table_exports_its_outcome_scores_gains_walk_outs_and_drafts(client: TestClient) -> None:
    created = scripted(client)
    session = created["id"]
    response = client.get(f"/api/sessions/{session}/results.json", headers=bearer(INSTRUCTOR))
    assert response.status_code == 200
    result = response.json()
    assert (result["status"], result["agreement"]) == ("agreed", AGREED)
    assert result["agreed_text"]["en"].startswith("DPRK nuclear step: Disable; Verification: IAEA")
    assert "；" in result["agreed_text"]["zh"]
    seats = {s["seat"]: s for s in result["seats"]}
    assert {s: seats[s]["score"] for s in SIX} == SCORES
    assert {s: seats[s]["reservation"] for s in SIX} == RESERVATIONS
    assert {s: seats[s]["gain"] for s in SIX} == {s: SCORES[s] - RESERVATIONS[s] for s in SIX}
    assert all(seats[s]["party"] for s in SIX)
    assert {s: seats[s]["walk_outs"] for s in SIX} == {s: int(s == "KOR") for s in SIX}
    assert [(w["seat"], w["type"], w["version"]) for w in result["walk_outs"]] == [
        ("KOR", "walk_out", 1),
        ("KOR", "return", 1),
    ]
    first, second = result["drafts"]
    assert (first["version"], first["by"], first["options"]) == (1, "CHN", FIRST)
    assert sorted(first["supported"]) == ["CHN", "JPN", "RUS"]
    assert first["objected"] == {"PRK": "lwr"}
    assert sorted(first["reserved"]) == ["KOR", "USA"]
    assert (second["version"], second["options"], second["supported"]) == (2, AGREED, list(SIX))
    assert second["objected"] == {} and second["reserved"] == []

    table = client.get(f"/api/sessions/{session}/results.csv", headers=bearer(INSTRUCTOR))
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    seat_rows = {r["seat"]: r for r in rows if r["record"] == "seat"}
    assert {s: float(seat_rows[s]["score"]) for s in SIX} == SCORES
    assert {s: float(seat_rows[s]["gain"]) for s in SIX} == {s: SCORES[s] - RESERVATIONS[s] for s in SIX}
    assert seat_rows["KOR"]["walk_outs"] == "1"
    drafts = [r for r in rows if r["record"] == "draft"]
    assert [r["version"] for r in drafts] == ["1", "2"]
    assert drafts[0]["objected"] == "PRK:lwr" and sorted(drafts[0]["reserved"].split()) == ["KOR", "USA"]
    assert drafts[1]["text"] == "; ".join(f"{i}={AGREED[i]}" for i in AGENDA)


def test_a_table_without_agreement_scores_every_seat_at_its_reservation(client: TestClient) -> None:
    created = create(client, people=("PRK",))
    session = created["id"]
    assert act(client, session, INSTRUCTOR, {"type": "close"}).status_code == 200
    result = client.get(f"/api/sessions/{session}/results.json", headers=bearer(INSTRUCTOR)).json()
    assert result["status"] == "failed" and result["agreement"] is None and result["agreed_text"] is None
    assert {s["seat"]: (s["score"], s["gain"], s["party"]) for s in result["seats"]} == {
        s: (RESERVATIONS[s], 0, False) for s in SIX
    }
    assert result["drafts"][0]["by"] == "CHN"  # the AI chair's first draft is on the path


def test_a_class_exports_every_table(client: TestClient) -> None:
    body = {"tables": 2, "title": "Seminar B", "seats": {s: {"kind": "person"} for s in SIX}}
    made = client.post("/api/classes", json=body, headers=bearer(INSTRUCTOR)).json()
    first, second = made["tables"]
    tokens = {s: link.split("token=")[1] for s, link in first["links"].items()}
    for seat in ("CHN",):
        assert (
            act(
                client,
                first["id"],
                tokens[seat],
                {"type": "table_draft", "options": [AGREED[i] for i in AGENDA]},
            ).status_code
            == 200
        )
    for seat in SIX:
        assert act(client, first["id"], tokens[seat], {"type": "support", "version": 1}).status_code == 200
    results = client.get(f"/api/classes/{made['id']}/results.json", headers=bearer(INSTRUCTOR)).json()
    assert (results["title"], results["agreed"]) == ("Seminar B", 1)
    assert [(t["table"], t["session"], t["status"]) for t in results["tables"]] == [
        (1, first["id"], "agreed"),
        (2, second["id"], "open"),
    ]
    assert {s["seat"]: s["score"] for s in results["tables"][0]["seats"]} == SCORES
    assert client.get(f"/api/classes/{made['id']}/results.csv").status_code == 401  # no token
    exported = client.get(f"/api/classes/{made['id']}/results.csv", headers=bearer(INSTRUCTOR))
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    by_table = {(r["table"], r["seat"]): r for r in rows if r["record"] == "seat"}
    gains = {s: SCORES[s] - RESERVATIONS[s] for s in SIX}
    assert {s: float(by_table[("1", s)]["gain"]) for s in SIX} == gains
    assert {s: float(by_table[("2", s)]["gain"]) for s in SIX} == dict.fromkeys(SIX, 0.0)


def test_seats_cannot_export_results(client: TestClient) -> None:
    body = {"tables": 1, "seats": {"PRK": {"kind": "person"}}}
    made = client.post("/api/classes", json=body, headers=bearer(INSTRUCTOR)).json()
    table = made["tables"][0]
    prk = table["links"]["PRK"].split("token=")[1]
    observer = table["links"]["observer"].split("token=")[1]
    client.cookies.clear()
    for token in (prk, observer):
        for path in (
            f"/api/sessions/{table['id']}/results.json",
            f"/api/sessions/{table['id']}/results.csv",
            f"/api/classes/{made['id']}/results.json",
            f"/api/classes/{made['id']}/results.csv",
        ):
            response = client.get(path, headers=bearer(token))
            assert response.status_code == 403, path
            assert "score" not in response.text
    assert client.get(f"/api/sessions/{table['id']}/results.json").status_code == 401


def test_alternating_offers_export_the_offers_and_who_accepted_them(client: TestClient) -> None:
    created = create(client, people=SIX, mechanism="alternating-offers")
    session, tokens = created["id"], created["seat_tokens"]
    offer = {"type": "propose", "options": [AGREED[i] for i in AGENDA]}
    assert act(client, session, tokens["PRK"], offer).status_code == 200
    for seat in SIX[1:]:
        assert act(client, session, tokens[seat], {"type": "accept", "offer": 1}).status_code == 200
    result = client.get(f"/api/sessions/{session}/results.json", headers=bearer(INSTRUCTOR)).json()
    assert (result["status"], result["agreement"]) == ("agreed", AGREED)
    assert {s["seat"]: s["score"] for s in result["seats"]} == SCORES
    assert result["drafts"] == [
        {
            "phase": "alternating offers",
            "version": 1,
            "by": "PRK",
            "options": AGREED,
            "supported": list(SIX),
            "objected": {},
            "reserved": [],
        }
    ]


@pytest.mark.parametrize("mechanism", ["single-text", "top-down", "bottom-up", "bilateral-track"])
def test_the_path_and_scores_agree_with_the_debrief(client: TestClient, mechanism: str) -> None:
    """AI seats only: the talks run to their end when the session is made. The export, folded again
    from the log, must tell the same story as the debrief the seats see (built from the live state)."""
    created = create(client, people=(), mechanism=mechanism)
    seen = client.get(f"/api/sessions/{created['id']}/view", headers=bearer(created["observer_token"])).json()
    debrief = seen["debrief"]
    result = client.get(f"/api/sessions/{created['id']}/results.json", headers=bearer(INSTRUCTOR)).json()
    assert result["status"] == seen["session"]["status"]
    assert result["agreement"] == debrief["agreement"]
    assert [(d["phase"], d["version"], d["options"]) for d in result["drafts"]] == [
        (p["phase"], p["version"], p["options"]) for p in debrief["path"]
    ]
    assert {s["seat"]: s["score"] for s in result["seats"]} == debrief["scores"]
    assert {s["seat"]: s["gain"] for s in result["seats"]} == debrief["gains"]


def test_a_seat_away_when_the_others_agree_is_not_party(client: TestClient) -> None:
    created = create(client, people=SIX, walk_out="continue")
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["KOR"], {"type": "walk_out"}).status_code == 200
    draft = {"type": "table_draft", "options": [AGREED[i] for i in AGENDA]}
    assert act(client, session, tokens["CHN"], draft).status_code == 200
    for seat in SIX:
        if seat != "KOR":
            assert act(client, session, tokens[seat], {"type": "support", "version": 1}).status_code == 200
    result = client.get(f"/api/sessions/{session}/results.json", headers=bearer(INSTRUCTOR)).json()
    assert (result["status"], result["reason"]) == ("agreed-without", "agreed without KOR")
    seats = {s["seat"]: s for s in result["seats"]}
    assert {s: seats[s]["party"] for s in SIX} == {s: s != "KOR" for s in SIX}
    assert seats["KOR"]["walk_outs"] == 1 and seats["KOR"]["score"] == SCORES["KOR"]
    assert result["walk_outs"] == [{"seat": "KOR", "phase": "plenary", "version": 0, "type": "walk_out"}]
    assert sorted(result["drafts"][0]["supported"]) == sorted(s for s in SIX if s != "KOR")
