"""The forms that create a session or a class answer with a redirect to their page of links, so a
reload of that page shows the same links and creates nothing more (POST/redirect/GET)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hexatable.web.handoff import Handoffs
from tests.conftest import INSTRUCTOR, bearer

SCENARIO = "six-party-talks/six-party-2007"


def sessions(client: TestClient) -> int:
    return len(client.get("/api/sessions", headers=bearer(INSTRUCTOR)).json())


def classes(client: TestClient) -> int:
    return len(client.get("/api/classes", headers=bearer(INSTRUCTOR)).json())


def test_reloading_the_new_sessions_links_creates_nothing(client: TestClient) -> None:
    client.get("/", params={"token": INSTRUCTOR})  # the instructor's cookie
    made = client.post("/sessions", data={"scenario": SCENARIO, "seat_PRK": "person"}, follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"].startswith("/created/")
    first = client.get(made.headers["location"])
    again = client.get(made.headers["location"])
    assert first.status_code == again.status_code == 200
    assert "Session created" in first.text and first.text == again.text
    assert first.headers["cache-control"] == "no-store"
    assert sessions(client) == 1


def test_reloading_the_new_class_links_creates_nothing(client: TestClient) -> None:
    client.get("/console", params={"token": INSTRUCTOR})
    form = {"title": "Tuesday", "tables": "2", "scenario": SCENARIO, f"seat_{SCENARIO}/PRK": "person"}
    made = client.post("/console", data=form, follow_redirects=False)
    assert made.status_code == 303
    assert client.get(made.headers["location"]).text == client.get(made.headers["location"]).text
    assert classes(client) == 1


def test_only_the_instructor_sees_the_links_and_they_expire(client: TestClient) -> None:
    client.get("/", params={"token": INSTRUCTOR})
    made = client.post("/sessions", data={"scenario": SCENARIO, "seat_PRK": "person"}, follow_redirects=False)
    where = made.headers["location"]
    client.cookies.clear()
    assert client.get(where).status_code == 403
    assert client.get("/created/unknown-key", params={"token": INSTRUCTOR}).status_code == 404


def test_kept_pages_expire_and_are_bounded() -> None:
    now = [0.0]
    kept = Handoffs(ttl=10, capacity=2, clock=lambda: now[0])
    first, second = kept.put("a.html", {}), kept.put("b.html", {})
    third = kept.put("c.html", {})  # over capacity: the oldest goes
    assert kept.get(first) is None and kept.get(second) == ("b.html", {}) and kept.get(third) is not None
    now[0] = 10.0
    assert kept.get(second) is None and kept.get(third) is None
