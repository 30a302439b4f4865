"""The room's AI chair as a mediator and its AI seats with beliefs, through the API (the simulator's
delegates, rebuilt from the log on every decision)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hexatable.case import open_case
from hexatable.negotiate.space import build_space
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create, view

SPACE = build_space(open_case("six-party-talks"), "six-party-2007")


@pytest.mark.parametrize("mechanism", ["single-text", "top-down"])
def test_an_ai_mediator_revises_its_text_and_ai_seats_answer_with_content(
    client: TestClient, mechanism: str
) -> None:
    created = create(client, people=("PRK",), chair_strategy="mediator", mechanism=mechanism)
    session, token = created["id"], created["seat_tokens"]["PRK"]
    seen = view(client, session, token)
    assert seen["session"]["chair"] == "CHN" and seen["session"]["version"] == 1
    for version in range(1, 6):
        current = view(client, session, token)
        if current["session"]["status"] != "open":
            break
        issue = current["session"]["phase"]["issues"][0]
        response = act(client, session, token, {"type": "object", "version": version, "issue": issue})
        assert response.status_code == 200, response.text
    after = view(client, session, token)
    assert after["session"]["version"] >= 2  # the mediator tabled again after the objections
    response = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR))
    assert response.status_code == 200, response.text
    data = response.json()
    events = [e.get("event", e) for e in (data["events"] if isinstance(data, dict) else data)]
    drafts = [e for e in events if e.get("type") == "table_draft"]
    assert len(drafts) >= 2 and all(e["seat"] == "CHN" for e in drafts)
    ai_objections = [e for e in events if e.get("type") == "object" and e.get("seat") != "PRK"]
    assert ai_objections and all("toward" in e for e in ai_objections)
    # the AI chair never objects to a text it tabled (worth its reservation value to it)
    assert not [e for e in events if e.get("type") == "object" and e.get("seat") == "CHN"]
