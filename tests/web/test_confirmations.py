"""Irreversible actions ask first, without JavaScript too: the first form post answers a page with the
question and changes nothing; only the post from that page (``confirmed=yes``) acts.

With JavaScript the room and the console ask in a dialog (``data-confirm``, tested in the browser); these
tests post the no-JavaScript forms as a browser without scripts would.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_api import act, create, view
from tests.web.test_classes import make_class

PEOPLE = ("PRK", "USA", "CHN", "KOR")  # CHN chairs the 2007 scenario


def log(client: TestClient, session: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/sessions/{session}/log", headers=bearer(INSTRUCTOR))
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def hidden_fields(page: str) -> list[tuple[str, str]]:
    """The hidden fields of the confirmation page's form, as a browser would post them."""
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)
    return [(name, html.unescape(value)) for name, value in fields]


def form_action(page: str) -> str:
    found = re.search(r'<form method="post" action="([^"]+)">', page)
    assert found is not None, "no form on the confirmation page"
    return html.unescape(found[1])


def post(client: TestClient, url: str, fields: list[tuple[str, str]]) -> Any:
    body = "&".join(f"{k}={v}" for k, v in fields)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    return client.post(url, content=body, headers=headers, follow_redirects=False)


def walked_out(client: TestClient, created: dict[str, Any]) -> None:
    assert act(client, created["id"], created["seat_tokens"]["KOR"], {"type": "walk_out"}).status_code == 200


CASES = [
    # (what, the seat that acts, the form's fields, what the log's new event is, set-up)
    ("walk out", "PRK", [("type", "walk_out")], "walk_out", None, {}),
    ("close the talks (chair)", "CHN", [("type", "close")], "close", None, {}),
    ("end after a walk-out", "PRK", [("type", "go_on"), ("go_on", "false")], "go_on", walked_out, {}),
    ("end (alternating offers)", "PRK", [("type", "end")], "end", None, {"mechanism": "alternating-offers"}),
]


@pytest.mark.parametrize(
    ("what", "seat", "fields", "kind", "setup", "extra"), CASES, ids=[c[0] for c in CASES]
)
def test_an_irreversible_form_asks_first_and_acts_once_confirmed(
    client: TestClient, what: str, seat: str, fields: list[tuple[str, str]], kind: str, setup: Any, extra: Any
) -> None:
    created = create(client, people=PEOPLE, **extra)
    session, token = created["id"], created["seat_tokens"][seat]
    if setup is not None:
        setup(client, created)
    client.cookies.set(f"hx_seat_{session}", token)  # as the room page leaves it
    before = log(client, session)
    asked = post(client, f"/room/{session}/act?lang=en", fields)
    assert asked.status_code == 200, asked.text
    assert 'id="confirm"' in asked.text and "Are you sure?" in asked.text
    assert "cannot be undone" in asked.text or "go on without you" in asked.text
    assert log(client, session) == before, f"{what}: the unconfirmed post changed the session"
    assert view(client, session, token)["session"]["status"] == "open"
    # The page's form posts the same move with the confirmation, to the same place.
    again = hidden_fields(asked.text)
    assert again == [*fields, ("confirmed", "yes")]
    assert form_action(asked.text) == f"/room/{session}/act?lang=en"
    done = post(client, form_action(asked.text), again)
    assert done.status_code == 303 and done.headers["location"] == f"/room/{session}?lang=en"
    added = [e["type"] for e in log(client, session)[len(before) :]]
    assert added[:1] == [kind], f"{what}: {added}"
    client.cookies.clear()


def test_moves_that_can_be_taken_back_do_not_ask(client: TestClient) -> None:
    created = create(client, people=PEOPLE)
    session, token = created["id"], created["seat_tokens"]["PRK"]
    walked_out(client, created)
    client.cookies.set(f"hx_seat_{session}", token)
    before = len(log(client, session))
    for fields in ([("type", "message"), ("text", "hello")], [("type", "go_on"), ("go_on", "true")]):
        answer = post(client, f"/room/{session}/act?lang=en", fields)
        assert answer.status_code == 303, fields
    assert len(log(client, session)) >= before + 2
    client.cookies.clear()


def test_a_bad_irreversible_form_is_refused_before_asking(client: TestClient) -> None:
    created = create(client, people=PEOPLE)
    session, token = created["id"], created["seat_tokens"]["PRK"]
    client.cookies.set(f"hx_seat_{session}", token)
    before = log(client, session)
    refused = post(client, f"/room/{session}/act", [("type", "walk_out"), ("colour", "red")])
    assert refused.status_code == 422 and 'id="confirm"' not in refused.text
    # A confirmation with any value but "yes" is no confirmation.
    asked = post(client, f"/room/{session}/act", [("type", "walk_out"), ("confirmed", "true")])
    assert asked.status_code == 200 and 'id="confirm"' in asked.text
    assert log(client, session) == before
    client.cookies.clear()


def test_the_confirmation_page_is_in_chinese_for_a_chinese_room(client: TestClient) -> None:
    created = create(client, people=PEOPLE)
    session = created["id"]
    client.cookies.set(f"hx_seat_{session}", created["seat_tokens"]["PRK"])
    asked = post(client, f"/room/{session}/act?lang=zh", [("type", "walk_out")])
    assert "确定吗？" in asked.text and "不，返回" in asked.text and "Are you sure?" not in asked.text
    assert f'href="/room/{session}?lang=zh"' in asked.text
    client.cookies.clear()


def test_the_console_asks_before_closing_a_table(client: TestClient) -> None:
    made = make_class(client, tables=2)
    table = made["tables"][1]
    url = f"/console/{made['id']}/tables/2?lang=en&token={INSTRUCTOR}"
    before = log(client, table["id"])
    asked = post(client, url, [("action", "close")])
    assert asked.status_code == 200 and "Close table 2? Its talks end without agreement" in asked.text
    assert log(client, table["id"]) == before
    assert hidden_fields(asked.text) == [("action", "close"), ("confirmed", "yes")]
    assert form_action(asked.text) == f"/console/{made['id']}/tables/2?lang=en"
    done = post(client, url, hidden_fields(asked.text))
    assert done.status_code == 303
    assert log(client, table["id"])[-1]["type"] == "close"
    # Pausing can be undone: it does not ask. A table that does not exist is a 404, not a question.
    paused = post(client, f"/console/{made['id']}/tables/1?token={INSTRUCTOR}", [("action", "pause")])
    assert paused.status_code == 303
    missing = post(client, f"/console/{made['id']}/tables/9?token={INSTRUCTOR}", [("action", "close")])
    assert missing.status_code == 404
    client.cookies.clear()
