"""Security headers on every route, and pages that satisfy the Content-Security-Policy they are sent with.

Every route the app serves is requested (the access test's probe table, which fails when a route is
added without a probe) as the instructor, as a seat and with no token, answers that succeed and answers
that fail alike. The pages' HTML is checked for what the policy forbids: inline scripts, event-handler
attributes and style attributes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hexatable.web.security import policy_for
from tests.conftest import INSTRUCTOR, bearer
from tests.web.test_access import PROBES
from tests.web.test_api import act, create

STATIC = ("/static/", "/docs/assets/")


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def requests(session: str, tokens: dict[str, str], klass: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Every route, probed as the instructor, as the PRK seat and with no token (``klass``: a class id,
    for the console's routes; its table 1 is paused, the last action that keeps it usable)."""
    made = []
    for (method, template), probe in PROBES.items():
        for name in ("room.js", "swagger-ui-bundle.js", "nosuch"):
            path = template.format(
                session_id=session,
                case_id="six-party-talks",
                name=name,
                class_id=klass,
                number=1,
                action="pause",
                key="k",
            )
            for token in (INSTRUCTOR, tokens["PRK"], None):
                auth = {"headers": bearer(token), "params": {"token": token}} if token else {}
                made.append((method, path, {**probe, **auth}))
            if "{name}" not in template:
                break
    return made


@pytest.fixture
def table(client: TestClient) -> dict[str, Any]:
    created = create(client)
    act(client, created["id"], created["seat_tokens"]["PRK"], {"type": "message", "text": "hello"})
    klass = client.post("/api/classes", json={"tables": 1}, headers=bearer(INSTRUCTOR)).json()
    return {**created, "class_id": klass["id"]}


def test_every_answer_carries_the_security_headers(client: TestClient, table: dict[str, Any]) -> None:
    statuses = set()
    for method, path, request in requests(table["id"], table["seat_tokens"], table["class_id"]):
        client.cookies.clear()
        response = client.request(method, path, follow_redirects=False, **request)
        statuses.add(response.status_code)
        where = f"{method} {path} ({response.status_code})"
        headers = response.headers
        policy = directives(headers["content-security-policy"])
        assert policy["frame-ancestors"] == "'none'" and headers["x-frame-options"] == "DENY", where
        assert policy["script-src"] == "'self'" and policy["object-src"] == "'none'", where
        assert headers["x-content-type-options"] == "nosniff", where
        assert headers["referrer-policy"] == "no-referrer", where
        expected = "no-cache" if path.startswith(STATIC) else "no-store"
        assert headers["cache-control"] == expected, where
    assert {200, 303, 401, 403, 404} <= statuses  # successes, redirects and refusals were all checked


def test_the_websocket_handshake_is_not_disturbed(client: TestClient, table: dict[str, Any]) -> None:
    path = f"/api/sessions/{table['id']}/ws?token={table['seat_tokens']['PRK']}"
    with client.websocket_connect(path) as socket:
        assert socket.receive_json()["type"] == "view"


def test_the_socket_may_reach_the_pages_own_host_only() -> None:
    assert directives(policy_for("/room/x", "class.example:8000"))["connect-src"] == (
        "'self' ws://class.example:8000 wss://class.example:8000"
    )
    for hostile in ("evil; script-src *", "a b", "", None):
        assert directives(policy_for("/room/x", hostile))["connect-src"] == "'self'"


def test_only_redoc_allows_inline_styles_and_no_page_allows_inline_scripts() -> None:
    for path in ("/", "/room/x", "/docs", "/api/sessions", "/redoc"):
        policy = directives(policy_for(path))
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert ("'unsafe-inline'" in policy["style-src"]) == (path == "/redoc"), path


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


def assert_policy_clean(page: str, where: str) -> None:
    assert not INLINE_SCRIPT.search(page), f"{where}: inline script {INLINE_SCRIPT.search(page)}"
    assert not HANDLER.search(page), f"{where}: event handler attribute"
    assert not STYLE_ATTRIBUTE.search(page), f"{where}: style attribute"


def test_no_page_holds_an_inline_script_handler_or_style(client: TestClient, table: dict[str, Any]) -> None:
    session, tokens = table["id"], table["seat_tokens"]
    client.post(f"/api/sessions/{session}/events", json={"type": "close"}, headers=bearer(INSTRUCTOR))
    pages = 0
    for method, path, request in requests(session, tokens, table["class_id"]):
        for lang in ("en", "zh"):
            client.cookies.clear()
            params = {**request.get("params", {}), "lang": lang}
            response = client.request(method, path, follow_redirects=True, **{**request, "params": params})
            if response.headers.get("content-type", "").startswith("text/html"):
                pages += 1
                assert_policy_clean(response.text, f"{method} {path} {lang}")
    assert pages > 40


def test_docs_are_served_from_the_package_not_a_cdn(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200
        sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert sources and all(s.startswith("/") for s in sources), sources
        for source in sources:
            if source != "/openapi.json":
                assert client.get(source).status_code == 200, source
    assert b"SwaggerUIBundle" in client.get("/docs/assets/swagger-ui-bundle.js").content
    assert client.get("/docs/assets/../pyproject.toml").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "hexatable"


def test_the_ingest_review_pages_and_download_carry_the_headers(client: TestClient) -> None:
    """The review page (marks, records, a script file), a refused form and the zip download."""
    review_form = PROBES[("POST", "/ingest")]["data"]
    for lang in ("en", "zh"):
        review = client.post("/ingest", params={"lang": lang}, data=review_form)
        assert review.status_code == 200 and "<mark" in review.text, lang
        assert_policy_clean(review.text, f"POST /ingest {lang}")
        assert '<script src="/static/ingest.js" defer></script>' in review.text
        assert review.headers["cache-control"] == "no-store"
    refused = client.post("/ingest", data={"text": ""})
    assert refused.status_code == 422
    assert_policy_clean(refused.text, "refused POST /ingest")
    draft = client.post("/ingest/draft", data=PROBES[("POST", "/ingest/draft")]["data"])
    assert draft.status_code == 200 and draft.headers["content-type"] == "application/zip"
    for name, value in (("cache-control", "no-store"), ("x-content-type-options", "nosniff")):
        assert draft.headers[name] == value
    assert directives(draft.headers["content-security-policy"])["script-src"] == "'self'"


def test_the_confirmation_pages_carry_the_headers_and_no_inline_script(client: TestClient) -> None:
    """The pages that ask before an irreversible action without JavaScript (the room's and the console's)."""
    created = create(client)
    session, prk = created["id"], created["seat_tokens"]["PRK"]
    klass = client.post("/api/classes", json={"tables": 1}, headers=bearer(INSTRUCTOR)).json()
    asked = [
        client.post(f"/room/{session}/act", params={"token": prk}, data={"type": "walk_out"}),
        client.post(
            f"/console/{klass['id']}/tables/1", params={"token": INSTRUCTOR}, data={"action": "close"}
        ),
    ]
    for response in asked:
        where = str(response.request.url)
        assert response.status_code == 200 and 'id="confirm"' in response.text, where
        assert (
            response.headers["cache-control"] == "no-store" and response.headers["x-frame-options"] == "DENY"
        )
        assert directives(response.headers["content-security-policy"])["script-src"] == "'self'", where
        assert_policy_clean(response.text, where)
    client.cookies.clear()
